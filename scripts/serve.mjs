// `npm start -- --serve`: the extension in a real VS Code in your browser. Starts code-server (the
// one the end-to-end tests use, from ~/.cache/cable-e2e) on 127.0.0.1 with the freshly built
// extension installed and a throw-away copy of samples/ as the workspace, prints the URL (which
// opens samples/sample.cable), and stays up until Ctrl-C, then stops every process it started.
//
//   node scripts/serve.mjs [--port N] [--web] [--no-build]
//     --port N     listen on port N (default: a free port)
//     --web        run the extension in the browser's web worker extension host, as vscode.dev does
//     --no-build   use dist/ as it is (default: rebuild when a source is newer than dist/)
// Exit codes: 0 stopped by Ctrl-C/SIGTERM, 1 code-server failed, 2 code-server not installed, a
// wrong argument, a port in use or no build.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  cacheDir,
  CODE_SERVER_VERSION,
  codeServerPrefix,
  extensionId,
  killAllGroups,
  log,
  onSignal,
  removeDeadProcessDirs,
  root,
  runCommand,
  setLogPrefix,
} from './e2e/lib.mjs';
import { codeServerReady } from './e2e/setup.mjs';
import { codeServerDirs, startCodeServer } from './e2e/codeServer.mjs';
import { WEB_SETTINGS } from './e2e/web.mjs';

const USAGE = 'usage: npm start -- --serve [FOLDER] [--port N] [--web] [--no-build]';

function parseArgs(argv) {
  const options = { port: undefined, web: false, build: true, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--serve')
      continue; // how `npm start` hands over
    else if (a === '--web') options.web = true;
    else if (a === '--no-build') options.build = false;
    else if (a === '--port' || a.startsWith('--port=')) {
      const value = a === '--port' ? argv[++i] : a.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        fail(`--port needs a number from 1 to 65535, not ${JSON.stringify(value ?? '')}`);
      options.port = port;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (!a.startsWith('-') && options.folder === undefined) {
      // The user's own folder (a corpus of .txt cables, say), opened as it is: nothing copied, nothing deleted.
      options.folder = path.resolve(a);
      if (!existsSync(options.folder) || !statSync(options.folder).isDirectory()) fail(`${JSON.stringify(a)} is not a folder`);
    } else fail(`unknown argument ${JSON.stringify(a)}`);
  }
  return options;
}

function fail(message, code = 2) {
  process.stderr.write(`serve: ${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  process.exit(code);
}

/** Files of the packaged extension: the `!` lines of .vscodeignore (`dir/*.ext` or a plain path). */
function extensionFiles() {
  const files = [];
  for (const line of readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n')) {
    const pattern = line.trim();
    if (!pattern.startsWith('!')) continue;
    const rel = pattern.slice(1);
    if (!rel.includes('*')) {
      files.push(rel);
      continue;
    }
    const dir = path.dirname(rel);
    const re = new RegExp(
      `^${path
        .basename(rel)
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')}$`,
    );
    if (existsSync(path.join(root, dir)))
      for (const name of readdirSync(path.join(root, dir))) if (re.test(name)) files.push(path.join(dir, name));
  }
  return files;
}

/** True when dist/ is missing or older than a source of the extension. */
function buildIsStale() {
  const outputs = ['dist/extension.js', 'dist/server.js'].map((f) => path.join(root, f));
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const newest = (p) => {
    const st = statSync(p);
    if (!st.isDirectory()) return st.mtimeMs;
    return Math.max(st.mtimeMs, ...readdirSync(p).map((n) => newest(path.join(p, n))));
  };
  const sources = ['client/src', 'server/src', 'syntaxes', 'package.json', 'language-configuration.json', 'scripts/build.mjs'];
  return sources.some((s) => existsSync(path.join(root, s)) && newest(path.join(root, s)) > built);
}

function portInUse(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

async function main() {
  setLogPrefix('serve');
  const options = parseArgs(process.argv.slice(2));
  if (!codeServerReady()) {
    fail(
      `code-server ${CODE_SERVER_VERSION} is not installed in ${codeServerPrefix}.\n` +
        'Install it once with:  node scripts/e2e/setup.mjs\n' +
        '(Debian packages chromium, ripgrep, libkrb5-dev, pkg-config and code-server from npm; about two minutes)\n' +
        'then run `npm start -- --serve` again.',
    );
  }
  if (options.port !== undefined && (await portInUse(options.port))) fail(`port ${options.port} on 127.0.0.1 is in use`);
  if (options.build && buildIsStale()) {
    log('building the extension (a source is newer than dist/) …');
    await runCommand(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { timeoutMs: 600_000, label: 'node scripts/build.mjs' });
  }
  if (!existsSync(path.join(root, 'dist', 'extension.js'))) fail('dist/ is missing: run `npm run build` first');

  // Per-process state, so two servers (or a server and an e2e run) never share a folder.
  const stateDir = path.join(cacheDir, `serve-${process.pid}`);
  removeDeadProcessDirs(cacheDir, 'serve-', stateDir);
  rmSync(stateDir, { recursive: true, force: true });
  const dirs = codeServerDirs(stateDir);
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const extensionDir = path.join(dirs.extensionsDir, `${extensionId}-${version}`);
  for (const file of extensionFiles()) {
    if (!existsSync(path.join(root, file))) continue; // e.g. docs/rules.md before the first build
    mkdirSync(path.dirname(path.join(extensionDir, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(extensionDir, file));
  }
  const workspace = options.folder ?? path.join(stateDir, 'samples');
  if (!options.folder) cpSync(path.join(root, 'samples'), workspace, { recursive: true });

  let stopping = false;
  let codeServer;
  const stop = async (code, why) => {
    if (stopping) return;
    stopping = true;
    if (why) log(why);
    if (codeServer) await codeServer.stop().catch(() => {});
    await killAllGroups();
    // After a failure the log stays for reading; the next `--serve` removes the folder.
    if (code === 0) rmSync(stateDir, { recursive: true, force: true });
    log('stopped; every process it started has ended');
    process.exit(code);
  };
  onSignal((signal) => stop(0, `${signal}: stopping code-server …`));

  codeServer = await startCodeServer(dirs, workspace, { port: options.port, settings: options.web ? WEB_SETTINGS : {} });
  const { host } = new URL(codeServer.url);
  const payload = options.folder ? [] : [['openFile', `vscode-remote://${host}${workspace}/sample.cable`]];
  const url = `${codeServer.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  process.stdout.write(
    [
      '',
      `Cable in VS Code (code-server ${CODE_SERVER_VERSION}${options.web ? ', extension in the web worker host' : ''}). Open in a browser:`,
      '',
      `  ${url}`,
      '',
      options.folder ? `Workspace: ${workspace} (your folder)` : `Workspace: ${workspace} (a copy of samples/, deleted on exit)`,
      `Log: ${dirs.log}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  // code-server ending on its own (crash, killed) ends this script too.
  const watch = setInterval(() => {
    try {
      process.kill(-codeServer.pgid, 0);
    } catch {
      clearInterval(watch);
      void stop(1, `code-server stopped unexpectedly; see ${dirs.log}`);
    }
  }, 1000);
}

main().catch(async (err) => {
  process.stderr.write(`serve: ${err.stack ?? err}\n`);
  await killAllGroups();
  process.exit(1);
});
