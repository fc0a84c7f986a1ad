// Part 3: a corpus folder in the real VS Code, as a newcomer meets it. About 200 genuine `.txt`
// cables from ../shared/corpus/real (the ones that cite or are cited by another corpus cable),
// nested `cables/<year>/<month>/<id>.txt` like an export, and two `.txt` files that are no cable,
// copied at run time into the run folder (never into the repository). A code-server of its own,
// with fresh state and `cable.detectPlainText` unset, so the first-contact offer is made.
//
// Every expectation (how many cables, which cables cite which) comes from cable-lint's JSON Lines
// over the same files, not from numbers written here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log, root, withTimeout } from './lib.mjs';
import { workbenchUrl } from './codeServer.mjs';
import { VIEWPORT, Workbench, checkRunner, until } from './ui.mjs';

const SAMPLE_SIZE = 200;
/** The cable the issue was found on (its REF A. is 06MADRID3104) and its subject words. */
const CITING = '07MADRID173';
const CITED = '06MADRID3104';
const SUBJECT_WORDS = 'CIA FLIGHTS';

const NOT_CABLES = {
  'README.txt': 'Cables exported for the seminar on 2000s diplomacy.\nOne telegram a file, named by reference id.\n',
  'notes/reading-list.txt': 'To read first:\n- the Madrid cables on the flights\n- Paris on the Union for the Mediterranean\n',
};

/** cable-lint's JSON Lines over `files`: one record a cable, with its file. */
function lint(files) {
  const run = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), '--format', 'jsonl', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`cable-lint printed nothing: ${run.stderr}`);
  return run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .flatMap((r) => (r.cables ?? [r]).map((c) => ({ ...c, file: r.file ?? c.file })));
}

const cited = (c) => [...(c.references ?? []), ...(c.citedInBody ?? [])];

/**
 * Builds the folder. Returns undefined without ../shared; else { folder, cables, files }, where
 * `cables` is cable-lint's view of the copies.
 */
export function buildCorpusWorkspace(parent) {
  const corpus = path.resolve(root, '..', 'shared', 'corpus', 'real');
  if (!existsSync(corpus)) return undefined;
  const names = readdirSync(corpus).filter((f) => f.endsWith('.txt') && f !== 'MANIFEST.tsv');
  const all = lint(names.map((f) => path.join(corpus, f)));
  const fileOf = new Map(all.filter((c) => c.referenceId).map((c) => [c.referenceId, c.file]));
  const linked = new Set();
  for (const c of all) {
    for (const id of cited(c)) {
      const target = fileOf.get(id);
      if (target && target !== c.file) linked.add(c.file).add(target);
    }
  }
  const chosen = [...linked].sort().slice(0, SAMPLE_SIZE);
  for (const id of [CITING, CITED])
    if (!chosen.includes(fileOf.get(id))) throw new Error(`${id} is not among the ${SAMPLE_SIZE} cross-linked corpus cables`);

  const folder = path.join(parent, 'corpus-workspace');
  rmSync(folder, { recursive: true, force: true });
  const dtgOf = new Map(all.map((c) => [c.file, c.dtg]));
  const copies = chosen.map((source) => {
    const dtg = dtgOf.get(source);
    const where = dtg && /^\d{4}-\d\d/.test(dtg) ? path.join(dtg.slice(0, 4), dtg.slice(5, 7)) : 'undated';
    const copy = path.join(folder, 'cables', where, path.basename(source));
    mkdirSync(path.dirname(copy), { recursive: true });
    copyFileSync(source, copy);
    return copy;
  });
  for (const [name, text] of Object.entries(NOT_CABLES)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  const cables = lint(copies);
  log(`corpus workspace: ${copies.length} cross-linked corpus .txt cables (${cables.length} cables) in ${folder}`);
  return { folder, cables, files: copies };
}

/** 1-based line and column of the first `needle` on a line that starts with `linePrefix`. */
function place(file, linePrefix, needle) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const line = lines.findIndex((l) => l.startsWith(linePrefix) && l.includes(needle));
  if (line < 0) throw new Error(`no line starting ${JSON.stringify(linePrefix)} with ${JSON.stringify(needle)} in ${file}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

/** Records every status-bar text about indexing, from the page's first script on. */
function watchIndexingProgress() {
  const seen = [];
  window.__cableIndexing = seen;
  const look = () => {
    const bar = document.getElementById('workbench.parts.statusbar');
    const text = bar?.textContent ?? '';
    const match = /Indexing cables: [\d,.]+ of [\d,.]+/.exec(text);
    if (match && seen.at(-1) !== match[0]) seen.push(match[0]);
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * Runs the corpus checks against a code-server that has `workspace.folder` open. Returns
 * [{ title, state, error?, screenshot? }].
 */
export async function runCorpusChecks({
  browser,
  baseUrl,
  workspace,
  artifactsDir,
  docsImagesDir,
  updateScreenshots = false,
  timeoutMs = 300_000,
}) {
  const results = [];
  const { folder, cables } = workspace;
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'dark' });
  await context.addInitScript(watchIndexingProgress);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const wb = new Workbench(page);
  const check = checkRunner({ page, wb, results, artifactsDir, label: 'corpus', shotPrefix: 'corpus-' });
  const byId = new Map(cables.map((c) => [c.referenceId, c]));
  const activeTab = async () => ((await page.locator('.tabs-container .tab.active').first().textContent()) ?? '').trim();
  const waitForTab = (name) => until(`the tab of ${name}`, async () => (await activeTab()).includes(name), 15_000);
  /** A screenshot in the artifacts, and with --update-screenshots the README's ones in docs/images/ too. */
  const shoot = async (name, { forReadme = false } = {}) => {
    const file = path.join(artifactsDir, `${name}.png`);
    await page.screenshot({ path: file });
    if (forReadme && updateScreenshots && docsImagesDir) {
      mkdirSync(docsImagesDir, { recursive: true });
      copyFileSync(file, path.join(docsImagesDir, `${name}.png`));
    }
  };
  const toast = (text) => page.locator('.notifications-toasts .notification-toast', { hasText: text });

  /** The cable of the folder cited by the most other files, and the names of those files. */
  const mostCited = () => {
    const citers = new Map();
    for (const c of cables)
      for (const id of new Set(cited(c)))
        if (byId.has(id) && byId.get(id).file !== c.file) citers.set(id, new Set(citers.get(id)).add(path.basename(c.file)));
    return [...citers].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0];
  };
  /** Where a cable's classification line (`… MADRID 000173`) shows its serial. */
  const classificationLine = (id) => {
    const { file } = byId.get(id);
    const serial = /\d+$/.exec(id)[0].padStart(6, '0');
    const line = readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .find((l) => l.trimEnd().endsWith(serial));
    if (!line) throw new Error(`no classification line ending ${serial} in ${file}`);
    return place(file, line, serial);
  };

  /** Ctrl+P, the file's name, Enter. */
  const quickOpen = async (name) => {
    await wb.closeQuickInput();
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(name);
    // Enter takes the focused row: wait until the filtered list has put the file there.
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await waitForTab(name);
    await page.locator('.editor-instance .view-lines').first().waitFor();
  };

  /** Ctrl+T with `query`: the rows' labels once one starts with `expectedId`; Enter opens the first such row. */
  const goToSymbol = async (query, expectedId) => {
    await wb.closeQuickInput();
    await page.keyboard.press('Control+T');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`#${query}`);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: expectedId });
    await until(`a workspace symbol row for ${expectedId} (query ${JSON.stringify(query)})`, async () => (await row.count()) > 0, 20_000);
    const labels = await page
      .locator('.quick-input-widget .monaco-list-row .label-name')
      .evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()));
    await row.first().click();
    await waitForTab(`${expectedId}.txt`);
    return labels;
  };

  const run = async () => {
    await check('the workbench opens the corpus folder', async () => {
      await page.goto(workbenchUrl(baseUrl, folder), { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await wb.waitReady();
    });
    if (results[0].state !== 'passed') return;

    await check(
      'a .txt cable opens as plain text; the first-contact offer appears, and "Treat as cables" switches the folder\'s .txt cables to Cable',
      async () => {
        // The extension starts with the first plain-text file (onLanguage:plaintext), as a newcomer's click on one.
        await quickOpen(`${CITING}.txt`);
        await until('language mode "Plain Text" before the offer', async () => (await wb.statusLanguage()) === 'Plain Text', 15_000);
        const offer = toast('look like diplomatic cables');
        await offer.first().waitFor({ timeout: 30_000 });
        await offer.first().locator('.monaco-button', { hasText: 'Treat as cables' }).first().click();
        const settingsFile = path.join(folder, '.vscode', 'settings.json');
        await until(
          `"cable.detectPlainText": true in ${path.relative(folder, settingsFile)}`,
          () => existsSync(settingsFile) && JSON.parse(readFileSync(settingsFile, 'utf8'))['cable.detectPlainText'] === true,
          15_000,
        );
        await until('the open .txt cable switched to "Cable"', async () => (await wb.statusLanguage()) === 'Cable', 15_000);
        await quickOpen(`${CITED}.txt`);
        await until('language mode "Cable" for the next .txt cable opened', async () => (await wb.statusLanguage()) === 'Cable', 15_000);
        await quickOpen('README.txt');
        await until('the README (no cable) stays "Plain Text"', async () => (await wb.statusLanguage()) === 'Plain Text', 15_000);
        await wb.command('View: Close All Editors');
      },
    );

    await check('the indexing progress shows in the status bar and ends; the index holds every cable of the folder', async () => {
      await until('an "Indexing cables" progress in the status bar', () => page.evaluate(() => window.__cableIndexing.length > 0), 30_000);
      const files = new Set(cables.map((c) => c.file)).size;
      const expected = `Workspace index: ${cables.length} cables in ${files} files`;
      // The status message reports the index as it is when asked: asked again until the round is over.
      let text = '';
      await until(
        `the index status message "${expected} …"`,
        async () => {
          await wb.dismissNotifications();
          await wb.command('Cable: Show Workspace Index Status');
          text =
            (await toast('Workspace index')
              .first()
              .textContent({ timeout: 5_000 })
              .catch(() => '')) ?? '';
          return text.includes(expected);
        },
        60_000,
        500,
      ).catch((err) => Promise.reject(new Error(`${err.message}; the last message: ${text.split('.monaco')[0]}`)));
      if (!text.includes(`${Object.keys(NOT_CABLES).length} .txt files that are no cable`))
        throw new Error(`the index message does not count the ${Object.keys(NOT_CABLES).length} non-cable .txt files: ${text}`);
      const bar = page.locator('#workbench\\.parts\\.statusbar');
      await until('the indexing progress to end', async () => !/Indexing cables/.test((await bar.textContent()) ?? ''), 30_000);
      const seen = await page.evaluate(() => window.__cableIndexing);
      log(`  status bar while indexing: ${JSON.stringify(seen.slice(0, 6))}`);
      await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
      await shoot('corpus-index');
      await wb.dismissNotifications();
    });

    await check('the language status shows the index and the reading profile of a .txt cable; its Switch link sets drafting', async () => {
      await quickOpen(`${CITING}.txt`);
      const files = new Set(cables.map((c) => c.file)).size;
      const hover = page.locator('.monaco-hover:visible');
      await until(
        'the language status hover with the index and the profile',
        async () => {
          if (!(await hover.count())) await page.locator('#status\\.languageStatus').click();
          const text =
            (await hover
              .first()
              .textContent()
              .catch(() => '')) ?? '';
          return text.includes(`Index: ${cables.length} cables in ${files} files`) && text.includes('Diagnostics: reading');
        },
        20_000,
      );
      await shoot('corpus-language-status');
      await hover.first().locator('a', { hasText: 'Switch' }).first().click();
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Drafting' }).first();
      await row.waitFor();
      await row.click();
      const settingsFile = path.join(folder, '.vscode', 'settings.json');
      await until(
        '"cable.diagnostics.profile": "drafting" in the workspace settings',
        () => JSON.parse(readFileSync(settingsFile, 'utf8'))['cable.diagnostics.profile'] === 'drafting',
        15_000,
      );
      await page.keyboard.press('Escape');
      await until(
        'the language status to say "Diagnostics: drafting"',
        async () => {
          if (!(await hover.count())) await page.locator('#status\\.languageStatus').click();
          return (
            (await hover
              .first()
              .textContent()
              .catch(() => '')) ?? ''
          ).includes('Diagnostics: drafting');
        },
        15_000,
      );
      await page.keyboard.press('Escape');
    });

    await check('Ctrl+T finds a cable by its reference id, exact id first, and opens its file', async () => {
      const labels = await goToSymbol(CITED, CITED);
      if (!labels[0]?.startsWith(CITED)) throw new Error(`the first row is not ${CITED}: ${JSON.stringify(labels.slice(0, 5))}`);
    });

    await check(`Ctrl+T finds a cable by words of its subject ("${SUBJECT_WORDS}")`, async () => {
      const subject = byId.get(CITING)?.subject ?? '';
      if (!subject.includes(SUBJECT_WORDS)) throw new Error(`${CITING}'s subject is ${JSON.stringify(subject)}`);
      await goToSymbol(SUBJECT_WORDS, CITING);
    });

    await check('F12 on a REF entry opens the cited cable in another file, at its id', async () => {
      await quickOpen(`${CITING}.txt`);
      const citing = byId.get(CITING);
      const entry = (citing?.referenceEntries ?? []).find((e) => e.id === CITED);
      if (!entry) throw new Error(`${CITING} has no REF entry for ${CITED}`);
      const at = place(citing.file, '', entry.text);
      await wb.goTo(at.line, at.column + entry.text.length - 2);
      await page.keyboard.press('F12');
      await waitForTab(`${CITED}.txt`);
    });

    await check("Shift+F12 on a cable's own classification line lists every cable of the folder that cites it", async () => {
      const [target, citing] = mostCited();
      const cable = byId.get(target);
      await quickOpen(path.basename(cable.file));
      const at = classificationLine(target);
      await wb.goTo(at.line, at.column + 1);
      await page.keyboard.press('Shift+F12');
      const peek = page.locator('.peekview-widget .ref-tree');
      await peek.waitFor({ timeout: 20_000 });
      const listed = async () =>
        peek.locator('.monaco-list-row').evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));
      await until(
        `the references peek listing ${[...citing].join(', ')}`,
        async () => {
          const rows = await listed();
          return [...citing].every((name) => rows.some((r) => r.includes(name)));
        },
        20_000,
      );
      const files = (await listed()).filter((r) => /\.txt/.test(r));
      // VS Code asks with includeDeclaration: the cable itself is listed too.
      const stray = files.filter((r) => ![...citing, path.basename(cable.file)].some((name) => r.includes(name)));
      if (stray.length) throw new Error(`the peek lists files that do not cite ${target}: ${JSON.stringify(stray)}`);
      log(`  ${target}: cited by ${[...citing].join(', ')}`);
      await shoot('corpus-cited-by', { forReadme: true });
      await page.keyboard.press('Escape');
    });

    await check('Show Call Hierarchy is the citation tree: incoming lists the citing cables, outgoing the cited ones', async () => {
      // VS Code shows the hierarchy in the References view of the side bar ("Callers of", "Calls from").
      const tree = page.locator('#workbench\\.parts\\.sidebar .monaco-list-row');
      const rows = async () => tree.evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));
      await wb.command('View: Close All Editors');
      const [target, citing] = mostCited();
      await quickOpen(path.basename(byId.get(target).file));
      await wb.goTo(classificationLine(target).line, classificationLine(target).column + 1);
      await wb.command('Calls: Show Call Hierarchy');
      const citingIds = cables.filter((c) => citing.has(path.basename(c.file))).map((c) => c.referenceId);
      await until(
        `incoming calls ${citingIds.join(', ')}`,
        async () => {
          const shown = await rows();
          return citingIds.every((id) => shown.some((r) => r.includes(id)));
        },
        20_000,
      );
      await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
      await shoot('corpus-citation-tree', { forReadme: true });
      await quickOpen(`${CITING}.txt`);
      const own = classificationLine(CITING);
      await wb.goTo(own.line, own.column + 1);
      await wb.command('Calls: Show Call Hierarchy');
      await until(`the callers of ${CITING}`, async () => (await rows())[0]?.includes(CITING), 20_000);
      // The view's own toggle (its title bar), as a user switches the direction.
      await page
        .locator('#workbench\\.parts\\.sidebar')
        .getByRole('button', { name: /Show Outgoing Calls/ })
        .first()
        .click();
      await until(`${CITED} among the outgoing calls of ${CITING}`, async () => (await rows()).some((r) => r.includes(CITED)), 20_000);
      await wb.command('View: Show Explorer');
    });
  };

  try {
    await withTimeout(run(), timeoutMs, 'the corpus checks');
  } catch (err) {
    results.push({ title: 'corpus checks finished in time', state: 'failed', error: err.message });
  } finally {
    await withTimeout(context.close(), 10_000, 'closing the corpus page').catch(() => {});
  }
  return results;
}
