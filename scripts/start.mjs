// `npm start`: the outline, problems and hovers of samples/sample.cable in the terminal
// (`node dist/cli.js --demo`). `npm start -- --serve`: the extension in a real VS Code in the
// browser (scripts/serve.mjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args.includes('--serve')) {
  await import('./serve.mjs');
} else {
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
  const { status, signal } = spawnSync(process.execPath, [cli, '--demo', ...args], { stdio: 'inherit' });
  process.exit(status ?? (signal ? 1 : 0));
}
