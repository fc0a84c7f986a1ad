// Type-checks everything, emits tests/bench to out/ (node:test runs them), and bundles the
// shipped code with esbuild: client and server for node and for the browser, plus the CLI.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const production = process.argv.includes('--production');

execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  target: 'es2022',
  format: 'cjs',
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
  absWorkingDir: root,
};
const node = { ...common, platform: 'node', mainFields: ['module', 'main'] };
const browser = { ...common, platform: 'browser', mainFields: ['browser', 'module', 'main'], format: 'iife' };

await Promise.all([
  build({ ...node, entryPoints: ['client/src/node.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...browser, format: 'cjs', entryPoints: ['client/src/browser.ts'], outfile: 'dist/browser/extension.js', external: ['vscode'] }),
  build({ ...node, entryPoints: ['server/src/node.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...browser, entryPoints: ['server/src/browser.ts'], outfile: 'dist/browser/server.js' }),
  build({ ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
