// Runs the e2e suite in desktop VS Code with @vscode/test-electron 2.x, the standard way on
// machines that can download VS Code (developer laptops, public CI). Where VS Code cannot be
// downloaded (no network, as on the project's build machines) or cannot be shown (Linux without a
// display), it SKIPS with a clear message and exit code 0; `scripts/e2e/run.mjs` runs the same
// suite in code-server there.
//
//   node out/test/e2e/runTestElectron.js           (after `node scripts/build.mjs`)
//   VSCODE_E2E_EXECUTABLE=/path/to/code ...        use an installed VS Code instead of downloading
//   VSCODE_E2E_VERSION=1.91.0 ...                  a specific version (default: stable)
//   CABLE_E2E_SKIP_ELECTRON=1 ...                  skip on purpose
//   CABLE_E2E_REPORT=/tmp/report.json ...          results as JSON (also used by run.mjs)
// Exit codes: 0 passed or skipped, 1 failed.
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..', '..');
const workspace = path.join(root, 'test', 'e2e', 'fixtures', 'workspace');
const cachePath = path.join(
  process.env.CABLE_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cable-e2e'),
  'vscode-test',
);

/** Marker printed on skip, so callers can tell "skipped" from "passed" without parsing prose. */
export const SKIP_MARKER = 'E2E-ELECTRON-SKIPPED';

function skip(reason: string): never {
  console.log(`${SKIP_MARKER}: @vscode/test-electron suite skipped: ${reason}`);
  console.log('  (the same suite runs in code-server with `npm run test:e2e`)');
  process.exit(0);
}

const NETWORK_ERROR =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|Failed to get JSON|Failed to download|status code 40[37]|timed out/i;

async function resolveExecutable(): Promise<string> {
  if (process.env.VSCODE_E2E_EXECUTABLE) return process.env.VSCODE_E2E_EXECUTABLE;
  const version = process.env.VSCODE_E2E_VERSION || 'stable';
  try {
    // Bounded: test-electron 2.x has its own request timeouts, this is a last resort.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('download timed out after 300 s')), 300_000);
    });
    try {
      return await Promise.race([downloadAndUnzipVSCode({ version, cachePath }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (NETWORK_ERROR.test(message)) skip(`VS Code ${version} cannot be downloaded here (${message.split('\n')[0]})`);
    throw err;
  }
}

async function main(): Promise<void> {
  if (process.env.CABLE_E2E_SKIP_ELECTRON) skip('CABLE_E2E_SKIP_ELECTRON is set');
  const vscodeExecutablePath = await resolveExecutable();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    skip('no display on this Linux machine (run under `xvfb-run -a`)');
  }
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    extensionTestsEnv: { ...(process.env as Record<string, string>), CABLE_E2E_RUNNER: 'test-electron' },
    launchArgs: [
      workspace,
      '--disable-extensions', // only the extension under development
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      path.join(cachePath, 'user-data'),
    ],
  });
  process.exit(code);
}

main().catch((err) => {
  console.error('test-electron run failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
