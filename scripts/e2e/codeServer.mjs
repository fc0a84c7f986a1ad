// code-server (VS Code 1.100.3 server + web workbench) and headless Debian Chromium, each in its
// own process group, with throw-away state under the run folder.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, codeServerBin, killGroup, log, runCommand, sleep, startGroup, trackGroup, withTimeout } from './lib.mjs';

/** Settings that keep the workbench quiet and deterministic (see docs/vscode-e2e.md). */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'editor.hover.delay': 100,
  'editor.cursorBlinking': 'solid',
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'outline.collapseItems': 'alwaysExpand',
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'files.autoSave': 'off',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Paths of one code-server instance's throw-away state. */
export function codeServerDirs(runDir) {
  return {
    runDir,
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    xdgConfig: path.join(runDir, 'xdg-config'),
    xdgData: path.join(runDir, 'xdg-data'),
    config: path.join(runDir, 'config.yaml'),
    log: path.join(runDir, 'code-server.log'),
  };
}

function codeServerEnv(dirs, extraEnv) {
  return {
    ...process.env,
    ...extraEnv,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    // code-server must not pick up a parent VS Code's IPC hooks (when run from a VS Code terminal).
    VSCODE_IPC_HOOK_CLI: '',
    VSCODE_PROXY_URI: '',
  };
}

function baseArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

/** Installs a .vsix into the instance's extensions folder (< 1 s). */
export async function installVsix(dirs, vsix) {
  prepareDirs(dirs, 0, {});
  await runCommand(codeServerBin, [...baseArgs(dirs), '--install-extension', vsix, '--force'], {
    env: codeServerEnv(dirs, {}),
    quiet: true,
    timeoutMs: 120_000,
    label: 'code-server --install-extension',
  });
}

/** `settings` are added to USER_SETTINGS for this instance. */
function prepareDirs(dirs, port, settings) {
  for (const d of [dirs.userDataDir, dirs.extensionsDir, dirs.xdgConfig, dirs.xdgData]) mkdirSync(d, { recursive: true });
  mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
}

/**
 * Starts code-server on a free port (or `port`) and waits for /healthz. `env` reaches the extension
 * hosts; `settings` are added to the user settings. Returns { url, pgid, stop }.
 */
export async function startCodeServer(dirs, folder, { env = {}, settings = {}, port: fixedPort, timeoutMs = 60_000 } = {}) {
  const port = fixedPort ?? (await freePort());
  prepareDirs(dirs, port, settings);
  const logStream = createWriteStream(dirs.log, { flags: 'a' });
  const child = startGroup(
    codeServerBin,
    [...baseArgs(dirs), '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', folder],
    { env: codeServerEnv(dirs, env), label: 'code-server', logStream },
  );
  const url = `http://127.0.0.1:${port}`;
  let exited = null;
  child.on('exit', (code, signal) => (exited = code ?? signal));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) before answering; see ${dirs.log}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s; see ${dirs.log}`);
    await sleep(200);
  }
  log(`code-server up at ${url} (pgid ${child.pid})`);
  return {
    url,
    pgid: child.pid,
    async stop() {
      await killGroup(child.pid, 3000);
      logStream.end();
    },
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--lang=en-US',
];

/**
 * Launches Debian's Chromium through playwright-core (never a downloaded browser). The browser
 * runs in its own process group (Playwright spawns it detached), tracked for teardown.
 * Playwright gives every launch a fresh temporary profile (--user-data-dir).
 */
export async function launchBrowser() {
  const server = await withTimeout(
    chromium.launchServer({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false }),
    60_000,
    'launching Chromium',
  );
  const pid = server.process()?.pid;
  if (pid) trackGroup(pid, 'chromium');
  const browser = await withTimeout(chromium.connect(server.wsEndpoint()), 30_000, 'connecting to Chromium');
  return {
    browser,
    async close() {
      await withTimeout(browser.close(), 10_000, 'closing the browser').catch(() => {});
      await withTimeout(server.close(), 10_000, 'stopping Chromium').catch(() => {});
      if (pid) await killGroup(pid, 2000);
    },
  };
}

/** Workbench URL that opens `folder`, optionally running extension tests (payload, like test-web). */
export function workbenchUrl(baseUrl, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  let url = `${baseUrl}/?folder=${encodeURIComponent(folder)}`;
  if (extensionDevelopmentPath && extensionTestsPath) {
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://remote${extensionDevelopmentPath}`],
      ['extensionTestsPath', `vscode-remote://remote${extensionTestsPath}`],
    ];
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}
