/**
 * The node entry of the language server (`cable-language-server`, and what VS Code starts on the
 * desktop): runs the server bundle `server.js` beside it, with a V8 code cache.
 *
 * Compiling the half-megabyte bundle and the functions start-up calls is a third of the server's
 * start on a slow machine. The compiled code is kept in a per-user cache (as VS Code does for its
 * own code, and as Node 22 does with `module.enableCompileCache()`, which Node 20 lacks); V8 checks
 * every cache against the source and its own version and flags, and rejects a stale or damaged
 * one, which is then compiled afresh and rewritten. Any failure to read or write the cache is
 * ignored: it only costs the time the cache would have saved.
 *
 * Cache folder: `CABLE_CACHE_DIR` (VS Code passes the extension's global storage), else
 * `$XDG_CACHE_HOME/cable-language-server` (`%LOCALAPPDATA%` on Windows); `CABLE_CACHE_DIR=off`
 * turns the cache off.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';

declare const __dirname: string;

const bundle = path.join(__dirname, 'server.js');
const cacheFile = cachePath();
const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
let cachedData: Buffer | undefined;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {
  // No cache yet.
}

// The same wrapper node puts around a CommonJS module, so the bundle runs exactly as if required.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
const serverModule = { exports: {} };
type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
(script.runInThisContext() as ModuleWrapper)(serverModule.exports, createRequire(bundle), serverModule, bundle, __dirname);

if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  // Written when the server exits, so that the cache holds every function it compiled by then.
  process.once('exit', () => {
    try {
      mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, cacheFile);
    } catch {
      // A read-only or full disk: start-up stays as it was.
    }
  });
}

function cachePath(): string | undefined {
  const configured = process.env.CABLE_CACHE_DIR;
  if (configured === 'off') return undefined;
  const home = os.homedir();
  const folder =
    configured ||
    (process.platform === 'win32'
      ? path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'cable-language-server')
      : path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'cable-language-server'));
  // One file per node version and architecture: V8 would reject another's anyway.
  return path.join(folder, `server-${process.version}-${process.arch}.v8cache`);
}
