// `npm test`: builds, runs every compiled *.test.js under out/test with node's built-in runner,
// then, when CI is set (or CABLE_E2E=1), the end-to-end suite in a real VS Code (scripts/e2e/run.mjs).
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
const only = args.filter((a) => !a.startsWith('--'));

if (!skipBuild) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const files = collect(outTest).filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
// Servers the tests start keep their code cache in a temporary folder, not in the user's cache.
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cable-test-cache-'));
const env = { ...process.env, CABLE_CACHE_DIR: process.env.CABLE_CACHE_DIR ?? cacheDir };
const unit = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', cwd: root, env });
rmSync(cacheDir, { recursive: true, force: true });
let status = unit.status ?? 1;

const wantE2e = (process.env.CI || process.env.CABLE_E2E === '1') && process.env.CABLE_E2E !== '0' && only.length === 0;
if (wantE2e) {
  const e2e = spawnSync(process.execPath, [path.join(root, 'scripts', 'e2e', 'run.mjs')], { stdio: 'inherit', cwd: root });
  if ((e2e.status ?? 1) !== 0) status = status || e2e.status || 1;
}
process.exit(status);
