// Installs what the end-to-end tests need, only when missing, into the cache folder outside the
// repository (see docs in /work/shared/docs/vscode-e2e.md for why each step is needed):
//   - Debian packages: chromium (the browser), ripgrep (seed for @vscode/ripgrep),
//     libkrb5-dev + pkg-config + build-essential + python3 (code-server's native modules build
//     from source with node-gyp);
//   - code-server@4.100.3 (VS Code 1.100.3, the newest release that runs on Node 20) via npm.
// Run alone with `node scripts/e2e/setup.mjs`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import {
  cacheDir,
  chromiumPath,
  codeServerBin,
  codeServerPrefix,
  CODE_SERVER_VERSION,
  log,
  RIPGREP_ARCHIVE,
  RIPGREP_PACKAGE_VERSION,
  runCommand,
} from './lib.mjs';

const APT_PACKAGES = [
  // [package, file that proves it is usable]
  ['chromium', chromiumPath],
  ['ripgrep', '/usr/bin/rg'],
  ['libkrb5-dev', '/usr/include/krb5.h'],
  ['pkg-config', '/usr/bin/pkg-config'],
  // node-gyp builds code-server's native modules (kerberos, node-pty, …): present on most build
  // machines, missing on a minimal Debian image.
  ['build-essential', '/usr/bin/g++'],
  ['python3', '/usr/bin/python3'],
];

async function dpkgInstalled(pkg) {
  const { code, output } = await runCommand('dpkg-query', ['-W', '-f=${Status}', pkg], {
    quiet: true,
    allowFailure: true,
    timeoutMs: 30_000,
  }).catch(() => ({ code: 1, output: '' }));
  return code === 0 && output.includes('install ok installed');
}

export async function ensureAptPackages() {
  const missing = [];
  for (const [pkg, file] of APT_PACKAGES) {
    if (pkg === 'chromium' && process.env.CABLE_E2E_CHROMIUM && existsSync(file)) continue;
    if (!existsSync(file) || !(await dpkgInstalled(pkg))) missing.push(pkg);
  }
  if (missing.length === 0) {
    log('apt packages present: ' + APT_PACKAGES.map(([p]) => p).join(', '));
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && !existsSync('/usr/bin/sudo')) {
    throw new Error(
      `missing Debian packages ${missing.join(' ')}; install them as root: apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const t0 = Date.now();
  log(`apt-get update (installing ${missing.join(', ')})`);
  const [cmd0, ...pre] = [...sudo, 'apt-get'];
  await runCommand(cmd0, [...pre, 'update'], { env, quiet: true, timeoutMs: 300_000 });
  log(`apt-get install -y ${missing.join(' ')}`);
  await runCommand(cmd0, [...pre, 'install', '-y', ...missing], { env, quiet: true, timeoutMs: 900_000 });
  log(`apt packages installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** @vscode/ripgrep downloads rg from GitHub unless this archive is already in its cache. */
async function seedRipgrep(tmpDir) {
  const seedDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = path.join(seedDir, RIPGREP_ARCHIVE);
  if (existsSync(archive)) return;
  mkdirSync(seedDir, { recursive: true });
  const stage = path.join(tmpDir, 'rg-stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  copyFileSync('/usr/bin/rg', path.join(stage, 'rg'));
  chmodSync(path.join(stage, 'rg'), 0o755);
  await runCommand('tar', ['-czf', archive, '-C', stage, 'rg'], { quiet: true, timeoutMs: 60_000 });
  rmSync(stage, { recursive: true, force: true });
}

export function codeServerReady() {
  const marker = path.join(codeServerPrefix, '.installed');
  if (!existsSync(marker) || !existsSync(codeServerBin)) return false;
  try {
    const pkg = JSON.parse(readFileSync(path.join(codeServerPrefix, 'node_modules', 'code-server', 'package.json'), 'utf8'));
    return pkg.version === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

export async function ensureCodeServer() {
  if (codeServerReady()) {
    log(`code-server ${CODE_SERVER_VERSION} present in ${codeServerPrefix}`);
    return;
  }
  const t0 = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${codeServerPrefix} (about a minute)`);
  rmSync(codeServerPrefix, { recursive: true, force: true });
  mkdirSync(codeServerPrefix, { recursive: true });
  writeFileSync(path.join(codeServerPrefix, 'package.json'), JSON.stringify({ name: 'cable-e2e-code-server', private: true }, null, 2));
  const tmpDir = path.join(cacheDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  await seedRipgrep(tmpDir);
  const env = {
    ...process.env,
    TMPDIR: tmpDir, // where @vscode/ripgrep looks for its pre-seeded archive
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  try {
    await runCommand('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: codeServerPrefix,
      env,
      quiet: true,
      timeoutMs: 900_000,
      label: `npm install code-server@${CODE_SERVER_VERSION}`,
    });
  } catch (err) {
    rmSync(path.join(codeServerPrefix, '.installed'), { force: true });
    throw err;
  }
  if (!existsSync(codeServerBin)) throw new Error(`code-server binary missing after install: ${codeServerBin}`);
  writeFileSync(path.join(codeServerPrefix, '.installed'), new Date().toISOString() + '\n');
  log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

export async function setup() {
  if (process.platform !== 'linux') {
    throw new Error('scripts/e2e targets Debian/Ubuntu Linux (apt, /usr/bin/chromium); elsewhere use out/test/e2e/runTestElectron.js');
  }
  mkdirSync(cacheDir, { recursive: true });
  await ensureAptPackages();
  await ensureCodeServer();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = Date.now();
  setup().then(
    () => log(`setup done in ${((Date.now() - t0) / 1000).toFixed(0)} s (cache: ${cacheDir})`),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
