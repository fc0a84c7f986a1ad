// Part 1: the mocha suite (out/test/e2e/index.js) inside code-server's extension host, launched the
// way @vscode/test-web does it: the workbench URL carries extensionDevelopmentPath and
// extensionTestsPath; when the suite ends the workbench calls window.codeAutomationExit(code).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { format } from 'node:util';
import { log, withTimeout } from './lib.mjs';
import { workbenchUrl } from './codeServer.mjs';

// Workbench chatter forwarded through the same channel; not useful in test output.
const NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore)/;

/**
 * Runs the suite and returns { exitCode, report } where report is the JSON written by the suite
 * (E2eReport in test/e2e/index.ts) or null when it never got that far.
 */
export async function runExtensionTests({
  browser,
  baseUrl,
  folder,
  extensionDevelopmentPath,
  extensionTestsPath,
  reportFile,
  timeoutMs = 240_000,
  artifactsDir,
}) {
  rmSync(reportFile, { force: true });
  if (!existsSync(extensionTestsPath)) throw new Error(`suite not built: ${extensionTestsPath}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // Console output of the extension host (the spec reporter's lines, console.log in tests).
    const text = format(...(Array.isArray(args) ? args : [args]));
    if (NOISE.test(text)) return;
    for (const line of text.replace(/\n$/, '').split('\n'))
      log(`  [exthost${type && !['log', 'info'].includes(type) ? ' ' + type : ''}] ${line}`);
  });
  page.on('pageerror', (err) => log(`workbench page error: ${err.message}`));
  const url = workbenchUrl(baseUrl, folder, { extensionDevelopmentPath, extensionTestsPath });
  log('opening the workbench with the extension test payload');
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const exitCode = await withTimeout(exited, timeoutMs, 'the extension test suite to finish (window.codeAutomationExit)');
    let report = null;
    if (existsSync(reportFile)) report = JSON.parse(readFileSync(reportFile, 'utf8'));
    return { exitCode, report };
  } catch (err) {
    if (artifactsDir) {
      const shot = `${artifactsDir}/extension-tests-failure.png`;
      await page.screenshot({ path: shot }).catch(() => {});
      err.screenshot = shot;
    }
    let report = null;
    if (existsSync(reportFile)) report = JSON.parse(readFileSync(reportFile, 'utf8'));
    err.report = report;
    throw err;
  } finally {
    await withTimeout(context.close(), 10_000, 'closing the test page').catch(() => {});
  }
}
