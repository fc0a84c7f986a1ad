// `npm test`: builds, runs every compiled *.test.js under out/test with node's built-in runner,
// then the lint (`npm run lint`: eslint and prettier --check; a full run only, skipped with
// --no-lint or CABLE_LINT=0), then, when CI is set (or CABLE_E2E=1), the end-to-end suite in a
// real VS Code (scripts/e2e/run.mjs). A failed lint fails the run, after the tests have run.
// Files are listed explicitly because Node 20 treats every .js below a `test/` folder as a test,
// which would also pick up the e2e suite that only runs inside VS Code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outTest = path.join(root, 'out', 'test');

function collect(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'e2e') collect(full, found);
    } else if (name.endsWith('.test.js')) {
      found.push(full);
    }
  }
  return found;
}

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const skipLint = args.includes('--no-lint') || process.env.CABLE_LINT === '0';
const only = args.filter((a) => !a.startsWith('--'));

if (!skipBuild) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const files = collect(outTest)
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
// Servers the tests start keep their code cache in a temporary folder, not in the user's cache.
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cable-test-cache-'));
const env = { ...process.env, CABLE_CACHE_DIR: process.env.CABLE_CACHE_DIR ?? cacheDir };
const unit = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', cwd: root, env });
rmSync(cacheDir, { recursive: true, force: true });
let status = unit.status ?? 1;

if (!skipLint && only.length === 0) {
  const failed = [];
  for (const [name, bin, ...lintArgs] of [
    ['eslint', 'node_modules/eslint/bin/eslint.js', '.'],
    ['prettier', 'node_modules/prettier/bin/prettier.cjs', '--check', '.'],
  ]) {
    console.log(`\n> ${name} ${lintArgs.join(' ')}`);
    const lint = spawnSync(process.execPath, [path.join(root, bin), ...lintArgs], { stdio: 'inherit', cwd: root });
    if ((lint.status ?? 1) !== 0) failed.push(name);
  }
  if (failed.length > 0) {
    console.error(`\nlint failed: ${failed.join(', ')} (npm run lint; npm run format rewrites the formatting)`);
    status = status || 1;
  }
}

const wantE2e = (process.env.CI || process.env.CABLE_E2E === '1') && process.env.CABLE_E2E !== '0' && only.length === 0;
if (wantE2e) {
  const e2e = spawnSync(process.execPath, [path.join(root, 'scripts', 'e2e', 'run.mjs')], { stdio: 'inherit', cwd: root });
  if ((e2e.status ?? 1) !== 0) status = status || e2e.status || 1;
}
process.exit(status);
