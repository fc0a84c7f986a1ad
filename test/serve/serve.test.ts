// `npm start` and `npm start -- --serve` (scripts/start.mjs, scripts/serve.mjs): the demo in the
// terminal, and the extension in code-server. The code-server tests start the real thing (a few
// seconds), fetch the printed workbench URL and stop it with SIGINT, as Ctrl-C would, then check
// that no process it started is left. They skip when code-server is not installed
// (`node scripts/e2e/setup.mjs` installs it into ~/.cache/cable-e2e; tests download nothing).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../util';

const START = path.join(ROOT, 'scripts', 'start.mjs');
const STARTUP_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;

let skipReason: string | false = false;
before(async () => {
  if (process.platform !== 'linux') {
    skipReason = 'serve targets Linux (code-server from scripts/e2e/setup.mjs; /proc to find leftover processes)';
    return;
  }
  const setup = await import(pathToFileURL(path.join(ROOT, 'scripts', 'e2e', 'setup.mjs')).href);
  if (!setup.codeServerReady()) skipReason = 'code-server is not installed: `node scripts/e2e/setup.mjs` installs it (CI does)';
  else if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) skipReason = 'dist/ is not built';
});

/** Processes whose command line mentions `needle`, with their process group. */
function processesMentioning(needle: string): { pid: number; pgid: number; cmd: string }[] {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!cmd.includes(needle)) continue;
      // Field 5 of /proc/PID/stat; the command name (field 2) may hold spaces, so count from ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      found.push({ pid: Number(name), pgid, cmd });
    } catch {
      /* ended meanwhile */
    }
  }
  return found;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntil(what: string, probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Everything started by a test, killed at the end whatever happened (the test must never hang). */
const started: ChildProcess[] = [];
const stateDirs: string[] = [];
after(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of stateDirs) {
    for (const p of processesMentioning(dir)) {
      try {
        process.kill(-p.pgid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
});

function runStart(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [START, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
}

test('npm start without --serve prints the demo of the bundled sample', () => {
  const result = runStart([]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^OUTLINE$/m);
  assert.match(result.stdout, /08STATE125608/);
  assert.match(result.stdout, /cable\/marking-unclosed/);
});

test('--serve without code-server says how to install it and exits 2, downloading nothing', () => {
  const emptyCache = mkdtempSync(path.join(os.tmpdir(), 'cable-serve-'));
  try {
    const result = runStart(['--serve'], { ...process.env, CABLE_E2E_CACHE: emptyCache });
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /code-server 4\.100\.3 is not installed/);
    assert.match(result.stderr, /node scripts\/e2e\/setup\.mjs/);
    assert.deepEqual(readdirSync(emptyCache), [], 'nothing was written to the cache');
  } finally {
    rmSync(emptyCache, { recursive: true, force: true });
  }
});

test('--serve refuses a port in use (exit 2)', async (t) => {
  if (skipReason) return t.skip(skipReason);
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = blocker.address() as net.AddressInfo;
    const result = runStart(['--serve', '--no-build', '--port', String(port)]);
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`));
  } finally {
    blocker.close();
  }
});

test(
  '--serve starts VS Code with the built extension and the samples, serves the URL, and Ctrl-C leaves no process',
  { timeout: STARTUP_TIMEOUT_MS + STOP_TIMEOUT_MS + 30_000 },
  async (t) => {
    if (skipReason) return t.skip(skipReason);
    const port = await freePort();
    const child = spawn(process.execPath, [START, '--serve', '--no-build', '--port', String(port)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    // The URL is printed on a line of its own once code-server answers.
    await waitUntil(
      'the printed URL',
      () => /^\s+http:\/\/\S+\?folder=\S+$/m.test(output) || child.exitCode !== null,
      STARTUP_TIMEOUT_MS,
    ).catch((err) => {
      throw new Error(`${err.message}; output so far:\n${output}`);
    });
    assert.equal(child.exitCode, null, `serve ended early:\n${output}`);
    const url = new URL(/^\s+(http:\/\/\S+\?folder=\S+)$/m.exec(output)![1]);
    assert.equal(url.hostname, '127.0.0.1', 'bound to the loopback interface');
    assert.equal(url.port, String(port), '--port is honoured');
    const workspace = url.searchParams.get('folder')!;
    const stateDir = path.dirname(workspace);
    stateDirs.push(stateDir);
    const payload = JSON.parse(url.searchParams.get('payload') ?? '[]') as [string, string][];
    assert.deepEqual(payload, [['openFile', `vscode-remote://127.0.0.1:${port}${workspace}/sample.cable`]], 'the URL opens the sample');

    // The workspace holds the samples; the extension is the build in dist/.
    assert.deepEqual(readdirSync(workspace).sort(), readdirSync(path.join(ROOT, 'samples')).sort());
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const installed = path.join(stateDir, 'extensions', `cable-tooling.cable-language-${version}`);
    for (const file of ['package.json', 'dist/extension.js', 'dist/server.js', 'syntaxes/cable.tmLanguage.json']) {
      assert.ok(readFileSync(path.join(installed, file)).equals(readFileSync(path.join(ROOT, file))), `${file} is the built one`);
    }

    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    const body = await response.text();
    assert.equal(response.status, 200, body.slice(0, 300));
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(body, /vscode-workbench-web-configuration/, 'the VS Code workbench page');

    // code-server runs in a process group of its own, not in serve's.
    const running = processesMentioning(stateDir);
    assert.ok(running.length > 0, 'code-server is running with the state folder');
    const groups = [...new Set(running.map((p) => p.pgid))];
    assert.ok(!groups.includes(child.pid!), 'code-server has its own process group');

    child.kill('SIGINT');
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS).unref()),
    ]);
    assert.equal(code, 0, `exit code after Ctrl-C:\n${output}`);
    assert.match(output, /stopped; every process it started has ended/);
    await waitUntil('the process groups to be gone', () => groups.every((g) => !groupAlive(g)), 5_000);
    assert.deepEqual(processesMentioning(stateDir), [], 'no process left');
    assert.equal(existsSync(stateDir), false, 'the throw-away state is removed');
  },
);
