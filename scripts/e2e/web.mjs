// Part 3: the web extension. code-server runs the packaged .vsix in the browser's *web worker
// extension host* (the host of vscode.dev, github.dev and every VS Code for the Web), and
// playwright-core checks in headless Chromium that it really runs there and that its language
// server, started as a Web Worker from the extension host worker, answers: outline, hover,
// Problems, semantic tokens, folding, and a workspace symbol search that degrades to the open
// documents (a Web Worker has no file system to index the workspace with).
//
// An extension that has both `main` and `browser` runs in code-server's node extension host unless
// told otherwise; the documented user setting `remote.extensionKind` puts the unmodified .vsix in
// the web worker host, which then loads the `browser` entry, exactly as vscode.dev does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extensionId, findFiles, root, withTimeout } from './lib.mjs';
import { workbenchUrl } from './codeServer.mjs';
import { checkRunner, until, VIEWPORT, Workbench } from './ui.mjs';

/** User settings for the code-server instance of this part. */
export const WEB_SETTINGS = { 'remote.extensionKind': { [extensionId]: ['web'] } };

// The Running Extensions view shows the manifest's display name (package.nls.json holds its English).
const DISPLAY_NAME = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')).displayName;

/** Name VS Code gives a Worker started by the extension host worker: `ExtensionHostWorker -> <our name>`. */
const SERVER_WORKER = /^ExtensionHostWorker\b.*->\s*Cable Language Server$/;

/**
 * Runs the checks. Returns [{ title, state: 'passed'|'failed', error?, screenshot? }].
 * `userDataDir` is the instance's user data folder (its node extension host writes logs there).
 */
export async function runWebChecks({ browser, baseUrl, folder, artifactsDir, userDataDir, timeoutMs = 240_000 }) {
  const results = [];
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'dark' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const wb = new Workbench(page);
  // Errors the extension host worker or the language client print to the page console
  // ("Activating extension … failed", "Client Cable Language Server: …").
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /cable/i.test(message.text())) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/cable/i.test(String(error?.stack ?? error))) consoleErrors.push(String(error));
  });

  const check = checkRunner({ page, wb, results, artifactsDir, label: 'web', shotPrefix: 'web-' });

  /** The Worker our client started, as Playwright sees it (Chromium reports nested workers). */
  const serverWorker = async () => {
    for (const worker of page.workers()) {
      const name = await worker.evaluate(() => self.name).catch(() => '');
      if (SERVER_WORKER.test(name)) return { worker, name };
    }
    return null;
  };

  const run = async () => {
    await check('workbench loads with the web worker extension host', async () => {
      await page.goto(workbenchUrl(baseUrl, folder), { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await wb.waitReady();
    });
    if (results[0].state !== 'passed') return;

    await check('a .cable file activates the extension and the server answers (breadcrumbs)', async () => {
      await wb.openFile('multi-line-header.cable');
      await until('language mode "Cable"', async () => (await wb.statusLanguage()) === 'Cable');
      await until(
        'a document symbol in the breadcrumbs',
        async () => (await page.locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: '09VIENNA412' }).count()) > 0,
        30_000,
      );
    });

    await check('Running Extensions shows Cable in the web worker host, other extensions on the server', async () => {
      await wb.command('Developer: Show Running Extensions');
      try {
        const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
        const cable = rows.filter({ has: page.locator('.name', { hasText: DISPLAY_NAME }) });
        await cable.first().waitFor({ timeout: 15_000 });
        const where = (await cable.first().locator('.msg').innerText()).trim();
        if (!/web worker/i.test(where)) throw new Error(`Cable runs in "${where}", not in the web worker`);
        // The view does tell the hosts apart: the built-in extensions run in the node host on the server.
        const texts = await rows.locator('.msg').allInnerTexts();
        if (!texts.some((t) => /127\.0\.0\.1/.test(t))) throw new Error(`no extension on the server host: ${JSON.stringify(texts)}`);
        await page.screenshot({ path: path.join(artifactsDir, 'web-running-extensions.png') });
      } finally {
        await wb.command('View: Close Editor');
      }
    });

    await check('the language server is a Web Worker of the extension host worker, without node', async () => {
      const found = await until('a worker named "ExtensionHostWorker -> Cable Language Server"', serverWorker, 15_000);
      const globals = await found.worker.evaluate(() => ({
        process: typeof process,
        require: typeof require,
        document: typeof document,
        importScripts: typeof importScripts,
        postMessage: typeof postMessage,
      }));
      const expected = {
        process: 'undefined',
        require: 'undefined',
        document: 'undefined',
        importScripts: 'function',
        postMessage: 'function',
      };
      if (JSON.stringify(globals) !== JSON.stringify(expected)) {
        throw new Error(`${found.name}: globals ${JSON.stringify(globals)}, expected ${JSON.stringify(expected)}`);
      }
      // And the node extension host on the server never activated it.
      const logs = () =>
        findFiles(path.join(userDataDir, 'logs'), /remoteexthost\.log$/)
          .map((f) => readFileSync(f, 'utf8'))
          .join('\n');
      await until('the node extension host log', () => /Eager extensions activated|_doActivateExtension/.test(logs()), 15_000);
      // It lists every installed extension when it starts ("Creating extension host with the
      // following global extensions: …"); what must never appear is an activation of ours.
      const activation = new RegExp(
        `_doActivateExtension ${extensionId.replace(/\./g, '\\.')}\\b|Activating extension '?${extensionId.replace(/\./g, '\\.')}`,
      );
      if (activation.test(logs())) throw new Error(`the node extension host activated ${extensionId}:\n${logs()}`);
    });

    await check('Outline view lists the numbered paragraphs', async () => {
      await wb.showOutlineItems([/^1\. \(C\)/, /^2\. \(C\)/, /^3\. \(SBU\)/, /^4\. \(C\)/]);
      await page.screenshot({ path: path.join(artifactsDir, 'web-outline.png') });
      await wb.command('View: Show Explorer');
    });

    await check('hover over the routing indicator RUEHVI shows AMEMBASSY VIENNA', async () => {
      await wb.focusEditorTop();
      await wb.hoverOn('DE RUEHVI', 'RUEHVI', /AMEMBASSY VIENNA/);
      await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
    });

    await check('semantic tokens: the token inspector shows routingIndicator on RUEHVI', async () => {
      await wb.goTo(3, 5); // "DE RUEHVI #0412 0761432": inside RUEHVI
      await wb.command('Developer: Inspect Editor Tokens and Scopes');
      const widget = page.locator('.token-inspect-widget');
      await until(
        '"routingIndicator" in the token inspector',
        async () => /semantic token type\s*routingIndicator/.test((await widget.innerText()).replace(/\s+/g, ' ')),
        15_000,
      );
      await page.keyboard.press('Escape');
    });

    await check('folding: the server folds the transmission header', async () => {
      await wb.focusEditorTop();
      const deShown = async () => (await wb.renderedLines()).some((l) => l.text.replace(/\u00a0/g, ' ').startsWith('DE RUEHVI'));
      if (!(await deShown())) throw new Error('the DE line is not shown before folding');
      await wb.command('Fold');
      await until('the DE line to be folded away', async () => !(await deShown()), 10_000);
      await wb.command('Unfold All');
      await until('the DE line back', deShown, 10_000);
    });

    await check('Problems panel lists the malformed marking and the mark above the classification', async () => {
      await wb.openFile('malformed.cable');
      await wb.command('View: Focus Problems (Errors, Warnings, Infos)', 'View: Focus Problems');
      const panel = page.locator('.markers-panel');
      await until(
        'marking-unclosed and para-mark-above-overall in the Problems panel',
        async () => {
          const text = await panel.innerText();
          return /marking-unclosed/.test(text) && /para-mark-above-overall/.test(text);
        },
        20_000,
      );
      await page.screenshot({ path: path.join(artifactsDir, 'web-problems.png') });
      await wb.command('View: Hide Panel', 'View: Close Panel').catch(() => {});
    });

    await check('workspace symbols include cables of files never opened: the server indexes the folder through workspace.fs', async () => {
      // 09MOSCOW734 is in one-line-header.cable, which this part never opens: only the index,
      // reading the folder through the client (cable/fs/* requests), can list it.
      await wb.command('Go to Symbol in Workspace...', 'Go to Symbol in Workspace…', { keepOpen: true });
      await page.locator('.quick-input-widget input').fill('#09MOSCOW');
      const labels = page.locator('.quick-input-widget .monaco-list-row .label-name');
      await until(
        '09MOSCOW734 among the workspace symbols',
        async () => (await labels.allInnerTexts()).some((t) => t.includes('09MOSCOW734')),
        30_000,
      );
      await page.keyboard.press('Escape');
    });

    await check('the reading view opens in the web extension, with the decoded header', async () => {
      const { frame, cardText: text } = await wb.openPreview('multi-line-header.cable');
      if (!/From\s*AMEMBASSY VIENNA/.test(text)) throw new Error(`the header card lacks the post: ${text.slice(0, 300)}`);
      await frame.locator('.banner.level-c').first().waitFor();
      await wb.command('View: Close All Editors');
    });

    await check("the Cables view lists the workspace's cables by year, and its filter answers", async () => {
      await wb.command('Cables: Focus on Cables View', 'View: Show Cables');
      const sidebar = page.locator('#workbench\\.parts\\.sidebar');
      const year = sidebar.locator('.monaco-list-row', { hasText: /^\s*2009/ }).first();
      await year.waitFor({ timeout: 20_000 });
      await wb.command('Cable: Filter Cables…', { keepOpen: true });
      await page.locator('.quick-input-widget input').fill('id:09VIENNA412');
      await page.keyboard.press('Enter');
      await until(
        'the description "id:09VIENNA412 — 1 matches"',
        async () => ((await sidebar.textContent()) ?? '').includes('id:09VIENNA412 — 1 matches'),
        15_000,
      );
      await wb.command('Cable: Clear Cables Filter');
    });

    await check('no error from the extension or its server in the browser console', async () => {
      if (consoleErrors.length) throw new Error(consoleErrors.join('\n'));
    });
  };

  try {
    await withTimeout(run(), timeoutMs, 'the web extension checks');
  } catch (err) {
    results.push({ title: 'web extension checks finished in time', state: 'failed', error: err.message });
  } finally {
    await withTimeout(context.close(), 10_000, 'closing the web page').catch(() => {});
  }
  return results;
}
