// `npm run test:e2e`: end-to-end tests of the extension in a real VS Code, from nothing.
//
//   1. setup (only what is missing, into ${XDG_CACHE_HOME:-~/.cache}/cable-e2e): Debian packages
//      chromium, ripgrep, libkrb5-dev, pkg-config; code-server@4.100.3 via npm.
//   2. build + .vsix: `npm run package` (tsc into out/, production bundles into dist/, vsce).
//   3. the mocha suite (test/e2e/*.e2e.ts):
//        a. with @vscode/test-electron in desktop VS Code: skips itself where VS Code cannot be
//           downloaded (here) or shown (no DISPLAY);
//        b. in code-server's extension host (extensionDevelopmentPath = this repository).
//   4. UI checks with playwright-core + Debian Chromium against code-server with the .vsix
//      installed (scripts/e2e/ui.mjs).
//   5. a folder of ~200 corpus .txt cables in a code-server of its own (first-contact offer,
//      indexing progress, Ctrl+T, F12 and Shift+F12 across files: scripts/e2e/corpus.mjs).
//   6. the web extension: a second code-server runs the same .vsix in the browser's web worker
//      extension host; Playwright proves where it runs and checks its features (scripts/e2e/web.mjs).
// Prints `N passed, N failed` last; exits non-zero on any failure. Every child runs in its own
// process group and is killed by group at the end, on failure, on timeout and on Ctrl-C.
//
// Options:  --update-screenshots   also copy the screenshots to docs/images/
//           --skip-setup           do not check/install apt packages and code-server
//           --skip-package         reuse dist/, out/ and cable-language.vsix from a previous build
//           --only=electron,extension,ui,corpus,web   run only these parts
//           --grep=<regexp>        only mocha tests whose full title matches
// Environment: CABLE_E2E_CACHE (cache folder), CABLE_E2E_ALL=1 (also run/gate the tests that wait
//           on server features), CABLE_E2E_TIMEOUT_S (whole run, default 1800),
//           CABLE_E2E_RUN_DIR (state and screenshots of this run; default <cache>/run-<pid>, so two
//           runs at once never share one; finished runs' folders are removed by the next run),
//           CABLE_E2E_EXTENSION_DIR / CABLE_E2E_VSIX (test another extension build; harness work).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  cacheDir,
  findFiles,
  installExitHandlers,
  killAllGroups,
  log,
  removeDeadProcessDirs,
  root,
  runCommand,
  vsixPath,
  withTimeout,
  workspaceDir,
} from './lib.mjs';
import { setup } from './setup.mjs';
import { codeServerDirs, installVsix, launchBrowser, startCodeServer } from './codeServer.mjs';
import { runExtensionTests } from './extensionTests.mjs';
import { runUiChecks } from './ui.mjs';
import { buildCorpusWorkspace, runCorpusChecks } from './corpus.mjs';
import { runWebChecks, WEB_SETTINGS } from './web.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) =>
  argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')
    .slice(1)
    .join('=');
const only = option('only')?.split(',');
const wants = (part) => !only || only.includes(part);
const grep = option('grep');
if (grep) process.env.CABLE_E2E_GREP = grep;

const runDir = path.resolve(process.env.CABLE_E2E_RUN_DIR || path.join(cacheDir, `run-${process.pid}`));
const artifactsDir = path.join(runDir, 'artifacts');
const docsImagesDir = path.join(root, 'docs', 'images');
const extensionDir = path.resolve(process.env.CABLE_E2E_EXTENSION_DIR || root);
const vsix = path.resolve(process.env.CABLE_E2E_VSIX || vsixPath);
const suiteIndex = path.join(root, 'out', 'test', 'e2e', 'index.js');
const totalTimeoutMs = Number(process.env.CABLE_E2E_TIMEOUT_S ?? 1800) * 1000;

/** Every counted result: { part, title, state: 'passed'|'failed'|'pending'|'skipped', error?, screenshot? } */
const results = [];
let codeServer;
let webCodeServer;
let browserHandle;

function record(part, title, state, extra = {}) {
  results.push({ part, title, state, ...extra });
}

async function step(title, fn) {
  const t0 = Date.now();
  log(`${title} …`);
  try {
    const value = await fn();
    log(`${title}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return value;
  } catch (err) {
    record('infra', title, 'failed', { error: err.stack ?? String(err) });
    log(`${title}: FAILED: ${err.message}`);
    if (err.output) process.stdout.write(String(err.output).slice(-4000) + '\n');
    throw Object.assign(err, { recorded: true });
  }
}

function recordMochaReport(part, report) {
  for (const t of report.tests) record(part, t.title, t.state, { error: t.error, durationMs: t.durationMs });
}

async function partElectron() {
  const reportFile = path.join(runDir, 'electron-report.json');
  const runner = path.join(root, 'out', 'test', 'e2e', 'runTestElectron.js');
  const { code, output } = await runCommand(process.execPath, [runner], {
    env: { ...process.env, CABLE_E2E_REPORT: reportFile },
    allowFailure: true,
    quiet: true,
    timeoutMs: 1_200_000,
    label: 'test-electron runner',
  });
  const skipped = output.split('\n').find((l) => l.startsWith('E2E-ELECTRON-SKIPPED'));
  if (skipped) {
    log(`test-electron: ${skipped.replace(/^E2E-ELECTRON-SKIPPED: /, 'SKIPPED: ')}`);
    record('electron', 'test-electron suite', 'skipped');
    return;
  }
  process.stdout.write(output);
  if (existsSync(reportFile)) recordMochaReport('electron', JSON.parse(readFileSync(reportFile, 'utf8')));
  if (code !== 0 && !results.some((r) => r.part === 'electron' && r.state === 'failed')) {
    record('electron', 'test-electron run', 'failed', { error: `exit code ${code}` });
  }
}

async function partExtensionTests() {
  const reportFile = path.join(runDir, 'extension-tests-report.json');
  try {
    const { exitCode, report } = await runExtensionTests({
      browser: browserHandle.browser,
      baseUrl: codeServer.url,
      folder: workspaceDir,
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: suiteIndex,
      reportFile,
      artifactsDir,
    });
    if (report) recordMochaReport('extension', report);
    if (exitCode !== 0 && !results.some((r) => r.part === 'extension' && r.state === 'failed')) {
      record('extension', 'extension test run', 'failed', {
        error: `codeAutomationExit(${exitCode}) without a failing test: see the extension host log`,
      });
    }
    if (!report) record('extension', 'extension test report', 'failed', { error: `no report written to ${reportFile}` });
  } catch (err) {
    if (err.report) recordMochaReport('extension', err.report);
    record('extension', 'extension test run', 'failed', { error: err.message, screenshot: err.screenshot });
  }
}

/**
 * For the UI checks, a folder of genuine corpus cables beside the fixtures (copied from
 * ../shared/corpus/real at run time, never committed, removed afterwards): every Madrid cable with
 * a transmission header, and as many others, as `.cable` files. Undefined without the corpus.
 */
function addCorpusSample() {
  const corpus = path.resolve(root, '..', 'shared', 'corpus', 'real');
  if (!existsSync(corpus)) return undefined;
  const dir = path.join(workspaceDir, 'corpus-sample');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const withHeader = (name) => /^FM /m.test(readFileSync(path.join(corpus, name), 'utf8'));
  const names = readdirSync(corpus).filter((f) => /^\d\d[A-Z]+\d+\.txt$/.test(f));
  const madrid = names.filter((f) => /^\d\dMADRID/.test(f) && withHeader(f));
  const others = names.filter((f) => !/^\d\dMADRID/.test(f) && withHeader(f)).slice(0, madrid.length);
  for (const name of [...madrid, ...others]) copyFileSync(path.join(corpus, name), path.join(dir, name.replace(/\.txt$/, '.cable')));
  log(`corpus sample for the UI checks: ${madrid.length} Madrid cables and ${others.length} others in ${path.relative(root, dir)}`);
  return dir;
}

async function partUi() {
  const sample = addCorpusSample();
  try {
    await uiChecks(sample !== undefined);
  } finally {
    if (sample) rmSync(sample, { recursive: true, force: true });
  }
}

async function uiChecks(corpusSample) {
  const ui = await runUiChecks({
    corpusSample,
    browser: browserHandle.browser,
    baseUrl: codeServer.url,
    folder: workspaceDir,
    artifactsDir,
    docsImagesDir,
    updateScreenshots: flag('update-screenshots'),
  });
  for (const r of ui) record('ui', r.title, r.state, r);
}

async function partCorpus() {
  const workspace = buildCorpusWorkspace(runDir);
  if (!workspace) {
    log('corpus checks: SKIPPED: no ../shared/corpus/real beside the repository');
    record('corpus', 'corpus folder checks', 'skipped');
    return;
  }
  const dirs = codeServerDirs(path.join(runDir, 'corpus'));
  await step(`install ${path.basename(vsix)} into a code-server for the corpus folder`, () => installVsix(dirs, vsix));
  const server = await step('start code-server on the corpus folder', () => startCodeServer(dirs, workspace.folder));
  try {
    browserHandle ??= await step('launch Chromium', launchBrowser);
    await step('part 2b: a folder of corpus .txt cables', async () => {
      const corpus = await runCorpusChecks({
        browser: browserHandle.browser,
        baseUrl: server.url,
        workspace,
        artifactsDir,
        docsImagesDir,
        updateScreenshots: flag('update-screenshots'),
      });
      for (const r of corpus) record('corpus', r.title, r.state, r);
    });
  } finally {
    await server.stop();
    rmSync(workspace.folder, { recursive: true, force: true });
  }
}

async function partWeb() {
  const dirs = codeServerDirs(path.join(runDir, 'web'));
  await step(`install ${path.basename(vsix)} into a second code-server`, () => installVsix(dirs, vsix));
  webCodeServer = await step('start code-server with the extension in the web worker host', () =>
    startCodeServer(dirs, workspaceDir, { settings: WEB_SETTINGS }),
  );
  browserHandle ??= await step('launch Chromium', launchBrowser);
  await step('part 3: the web extension in the web worker extension host', async () => {
    const web = await runWebChecks({
      browser: browserHandle.browser,
      baseUrl: webCodeServer.url,
      folder: workspaceDir,
      artifactsDir,
      userDataDir: dirs.userDataDir,
    });
    for (const r of web) record('web', r.title, r.state, r);
  });
}

function tail(file, lines) {
  const text = readFileSync(file, 'utf8').split('\n');
  return text.slice(-lines).join('\n');
}

function printLogs() {
  for (const dir of [runDir, path.join(runDir, 'corpus'), path.join(runDir, 'web')]) {
    const logsDir = path.join(dir, 'user-data', 'logs');
    const files = findFiles(logsDir, /(exthost[^/]*\.log|output_logging.*\.log)$/)
      .filter((f) => statSync(f).size > 0)
      .sort();
    if (!files.length && !existsSync(path.join(dir, 'code-server.log'))) continue;
    process.stdout.write('\n==== extension host logs (' + logsDir + ') ====\n');
    for (const f of files) {
      process.stdout.write(`---- ${path.relative(logsDir, f)} (last 60 lines) ----\n${tail(f, 60)}\n`);
    }
    const csLog = path.join(dir, 'code-server.log');
    if (existsSync(csLog)) process.stdout.write(`---- code-server.log (last 30 lines) ----\n${tail(csLog, 30)}\n`);
    process.stdout.write('==== end of logs ====\n\n');
  }
}

function summarize() {
  const count = (s) => results.filter((r) => r.state === s).length;
  const passed = count('passed');
  const failed = count('failed');
  const pending = count('pending');
  process.stdout.write('\n');
  for (const r of results) {
    const mark = { passed: '✓', failed: '✗', pending: '-', skipped: '~' }[r.state];
    process.stdout.write(`  ${mark} [${r.part}] ${r.title}${r.state === 'pending' || r.state === 'skipped' ? ` (${r.state})` : ''}\n`);
  }
  const failures = results.filter((r) => r.state === 'failed');
  if (failures.length) {
    process.stdout.write('\nFailures:\n');
    failures.forEach((r, i) => {
      process.stdout.write(
        `  ${i + 1}) [${r.part}] ${r.title}\n     ${String(r.error ?? '')
          .split('\n')
          .slice(0, 12)
          .join('\n     ')}\n`,
      );
      if (r.screenshot) process.stdout.write(`     screenshot: ${r.screenshot}\n`);
    });
    printLogs();
  }
  const shots = results.filter((r) => r.state === 'failed' && r.screenshot).map((r) => r.screenshot);
  if (existsSync(artifactsDir))
    process.stdout.write(`screenshots: ${artifactsDir}${flag('update-screenshots') ? ` (copied to ${docsImagesDir})` : ''}\n`);
  if (shots.length) process.stdout.write(`failure screenshots: ${shots.join(', ')}\n`);
  if (pending) process.stdout.write(`${pending} pending (waiting on server features; CABLE_E2E_ALL=1 runs them as gating)\n`);
  if (results.some((r) => r.state === 'skipped')) process.stdout.write(`${count('skipped')} part skipped (see above)\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

async function teardown() {
  if (browserHandle) await browserHandle.close().catch(() => {});
  if (codeServer) await codeServer.stop().catch(() => {});
  if (webCodeServer) await webCodeServer.stop().catch(() => {});
  await killAllGroups();
}

async function main() {
  installExitHandlers();
  const t0 = Date.now();
  log(`cache: ${cacheDir}, this run: ${runDir}`);
  removeDeadProcessDirs(cacheDir, 'run-', runDir);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });

  if (!flag('skip-setup')) await step('setup (apt packages, code-server)', setup);
  if (!flag('skip-package') && !process.env.CABLE_E2E_VSIX) {
    await step('build and package (npm run package)', () =>
      runCommand('npm', ['run', 'package'], { quiet: true, timeoutMs: 600_000, label: 'npm run package' }),
    );
  }
  if (!existsSync(suiteIndex))
    await step('locate the compiled suite', () => Promise.reject(new Error(`missing ${suiteIndex}: run node scripts/build.mjs`)));

  if (wants('electron')) await step('part 1a: mocha suite with @vscode/test-electron', partElectron);

  if (wants('extension') || wants('ui')) {
    const dirs = codeServerDirs(runDir);
    if (!existsSync(vsix)) await step('locate the .vsix', () => Promise.reject(new Error(`missing ${vsix}`)));
    await step(`install ${path.basename(vsix)} into code-server`, () => installVsix(dirs, vsix));
    // Environment given to code-server reaches the extension hosts: the suite writes its report there.
    const env = { CABLE_E2E_REPORT: path.join(runDir, 'extension-tests-report.json'), CABLE_E2E_RUNNER: 'code-server' };
    codeServer = await step('start code-server', () => startCodeServer(dirs, workspaceDir, { env }));
    browserHandle = await step('launch Chromium', launchBrowser);
    if (wants('extension')) await step('part 1b: mocha suite in code-server', partExtensionTests);
    if (wants('ui')) await step('part 2: UI checks with Playwright', partUi);
    // Two cores: the first instance has nothing more to do.
    await codeServer.stop();
    codeServer = undefined;
  }
  if (wants('corpus')) {
    if (!existsSync(vsix)) await step('locate the .vsix', () => Promise.reject(new Error(`missing ${vsix}`)));
    await partCorpus();
  }
  if (wants('web')) {
    if (!existsSync(vsix)) await step('locate the .vsix', () => Promise.reject(new Error(`missing ${vsix}`)));
    await partWeb();
  }
  log(`finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

let exitCode = 1;
try {
  await withTimeout(main(), totalTimeoutMs, 'the whole end-to-end run (CABLE_E2E_TIMEOUT_S)');
} catch (err) {
  if (!err.recorded) record('infra', 'end-to-end run', 'failed', { error: err.stack ?? String(err) });
} finally {
  await teardown();
  exitCode = summarize();
}
process.exit(exitCode);
