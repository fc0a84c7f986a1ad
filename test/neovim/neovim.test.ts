// Drives the bundled language server (dist/server.js) with a real client that is not VS Code:
// Neovim's built-in LSP client, headless. Proves outline, hover and *pushed* diagnostics work for a
// client that declares few capabilities (Neovim 0.7 has no pull diagnostics).
// The Lua lives in test/neovim/check.lua; it prints one `CABLE_RESULT=<json>` line to stdout.
// Skips (does not fail) when `nvim` is not installed: `apt-get install -y neovim`.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const CHECK_LUA = path.join(ROOT, 'test', 'neovim', 'check.lua');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** Per Neovim run; each takes about a second when healthy. CABLE_NVIM_TIMEOUT_MS overrides. */
const RUN_TIMEOUT_MS = Number(process.env.CABLE_NVIM_TIMEOUT_MS) || 30_000;
const MIN_NVIM: [number, number] = [0, 7];

/** `nvim`'s version, or why this suite is skipped. */
function probeNeovim(): { version: string } | { skip: string } {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error || probe.status !== 0) {
    return { skip: 'Neovim (nvim) is not installed; `apt-get install -y neovim` to run the Neovim LSP client test' };
  }
  const match = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(probe.stdout);
  if (!match) return { skip: `cannot read the Neovim version from: ${probe.stdout.split('\n')[0]}` };
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major < MIN_NVIM[0] || (major === MIN_NVIM[0] && minor < MIN_NVIM[1])) {
    return { skip: `Neovim ${match[0]} is older than ${MIN_NVIM.join('.')}, the oldest version this test supports` };
  }
  return { version: `${match[1]}.${match[2]}.${match[3]}` };
}

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: LspRange;
  children?: DocumentSymbol[];
}
interface VimDiagnostic {
  code?: string | number;
  message: string;
  severity: number;
  lnum: number;
  col: number;
}
interface LspDiagnostic {
  code?: string | number;
  message: string;
  severity?: number;
  range: LspRange;
}
interface CheckResult {
  nvim: string;
  errors: string[];
  initialized?: boolean;
  symbols?: DocumentSymbol[] | null;
  hover?: { contents: { kind: string; value: string } | string } | null;
  published?: boolean;
  publishedDiagnostics?: LspDiagnostic[] | null;
  diagnostics?: VimDiagnostic[];
}

/** Runs check.lua in a headless Neovim against `file`; kills the whole process group on timeout. */
function runNeovim(file: string, hover: { line: number; character: number } | undefined, home: string): Promise<CheckResult> {
  const env = {
    ...process.env,
    CABLE_SERVER: SERVER,
    CABLE_FILE: file,
    CABLE_HOVER: hover ? `${hover.line}:${hover.character}` : '',
    CABLE_TIMEOUT: '10000',
    // Keep Neovim's lsp.log, shada and swap away from the real home directory.
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
  };
  // -n: no swap file (a concurrent run on the same fixture would otherwise stop at the ATTENTION prompt).
  // The trailing `cquit! 3` only runs when check.lua fails to load; check.lua itself always quits.
  const args = [
    '--headless',
    '--clean',
    '-u',
    'NONE',
    '-n',
    '-i',
    'NONE',
    '-c',
    `luafile ${CHECK_LUA.replace(/ /g, '\\ ')}`,
    '-c',
    'cquit! 3',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      reject(new Error(`nvim timed out after ${RUN_TIMEOUT_MS} ms on ${file}\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('CABLE_RESULT='));
      if (!line) {
        reject(new Error(`nvim exited (${code ?? signal}) without a result on ${file}\nstdout: ${stdout}\nstderr: ${stderr}`));
        return;
      }
      const result = JSON.parse(line.slice('CABLE_RESULT='.length)) as CheckResult;
      if (code !== 0 || result.errors.length > 0) {
        reject(new Error(`check.lua failed (exit ${code ?? signal}) on ${file}: ${result.errors.join('; ')}\nstderr: ${stderr}`));
        return;
      }
      resolve(result);
    });
  });
}

function hoverText(result: CheckResult): string {
  const contents = result.hover?.contents;
  assert.ok(contents, 'a hover result');
  return typeof contents === 'string' ? contents : contents.value;
}

function codes(result: CheckResult): string[] {
  return (result.diagnostics ?? []).map((d) => String(d.code));
}

const neovim = probeNeovim();

describe('Neovim built-in LSP client (headless) against dist/server.js', { skip: 'skip' in neovim ? neovim.skip : false }, () => {
  let home: string;
  before(() => {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run \`node scripts/build.mjs\` first`);
    home = mkdtempSync(path.join(os.tmpdir(), 'cable-nvim-'));
  });
  after(() => {
    if (home) rmSync(home, { recursive: true, force: true });
  });

  test('multi-line cable: outline, hover on the RI, pushed diagnostics', async () => {
    const result = await runNeovim(path.join(FIXTURES, 'multiLine.cable'), { line: 2, character: 3 }, home);
    assert.equal(result.nvim, (neovim as { version: string }).version);
    assert.equal(result.initialized, true);

    const symbols = result.symbols ?? [];
    assert.equal(symbols[0]?.name, '09ASTANA95', 'the top symbol is the reference id');
    const children = (symbols[0].children ?? []).map((c) => c.name);
    assert.ok(children.includes('1. (S) SUMMARY:'), `children include "1. (S) SUMMARY:": ${JSON.stringify(children)}`);

    assert.match(hoverText(result), /ASTANA/);

    // Neovim 0.7 declares no pull diagnostics, so these arrived by textDocument/publishDiagnostics.
    assert.equal(result.published, true, 'the server pushed diagnostics');
    assert.ok(Array.isArray(result.publishedDiagnostics));
    assert.equal(result.diagnostics?.length, result.publishedDiagnostics.length, 'vim.diagnostic.get sees every pushed diagnostic');
    for (const d of result.diagnostics ?? []) assert.match(String(d.code), /^cable\//);
  });

  test('one-line cable: outline and hover', async () => {
    const file = path.join(FIXTURES, 'oneLine.cable');
    const character = readFileSync(file, 'utf8').split('\n')[0].indexOf('RUEHBW');
    assert.ok(character >= 0);
    const result = await runNeovim(file, { line: 0, character }, home);
    const symbols = result.symbols ?? [];
    assert.equal(symbols[0]?.name, '08STATE125608');
    const children = (symbols[0].children ?? []).map((c) => c.name);
    assert.ok(children.includes('Subject'), `children include "Subject": ${JSON.stringify(children)}`);
    assert.ok(
      children.some((name) => name.startsWith('11. (U)')),
      `children include paragraph 11: ${JSON.stringify(children)}`,
    );
    assert.match(hoverText(result), /BELGRADE/);
    assert.equal(result.published, true, 'the server pushed diagnostics');
  });

  test('malformed cable: pushed diagnostics include section-range and para-mark-above-overall', async () => {
    const file = path.join(home, 'malformed.cable');
    writeFileSync(file, 'C O N F I D E N T I A L SECTION 03 OF 02 STATE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n1. (S) Too high.\n');
    const result = await runNeovim(file, undefined, home);
    assert.equal(result.published, true, 'the server pushed diagnostics');
    const found = codes(result);
    assert.ok(found.includes('cable/section-range'), `cable/section-range in ${JSON.stringify(found)}`);
    assert.ok(found.includes('cable/para-mark-above-overall'), `cable/para-mark-above-overall in ${JSON.stringify(found)}`);
    const range = result.diagnostics!.find((d) => d.code === 'cable/section-range')!;
    assert.equal(range.lnum, 0);
    const mark = result.diagnostics!.find((d) => d.code === 'cable/para-mark-above-overall')!;
    assert.equal(mark.lnum, 5);
  });
});
