// Runs every compiled *.test.js under out/test with node's built-in runner.
// Files are listed explicitly because Node 20 treats every .js below a `test/` folder as a test,
// which would also pick up the e2e suite that only runs inside VS Code.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

const only = process.argv.slice(2);
const files = collect(outTest).filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
