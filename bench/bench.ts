/**
 * `npm run bench`: every figure next to an anchor measured in the same run, as a ratio, with its
 * target. Writes bench/results.json and exits non-zero when a target is missed. Not part of
 * `npm test`: timings never decide a test.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from '../server/src/cable/parse';
import { lineStarts } from '../server/src/cable/scan';
import type { CableFile } from '../server/src/cable/model';
import { documentContext } from '../server/src/analysis/context';
import { DEFAULT_SETTINGS } from '../server/src/analysis/settings';
import { describeRuleFailure, runRules } from '../server/src/diagnostics/engine';
import { foldingRanges } from '../server/src/features/folding';
import { formatEdits } from '../server/src/features/formatting';
import { semanticTokens } from '../server/src/features/semanticTokens';
import { documentSymbols } from '../server/src/features/symbols';
import { CancellationToken } from '../server/src/protocol/lsp';
import { SERVER_NODE_OPTIONS, serverProcessEnv } from '../server/src/protocol/serverProcess';
import { StdioClient } from '../test/lsp/client';
import { benchCorpus } from './corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'real');

interface Row {
  readonly figure: string;
  readonly ours: number;
  readonly unit: string;
  readonly anchor?: number;
  readonly anchorName?: string;
  readonly ratio?: number;
  readonly target?: string;
  readonly ok?: boolean;
}
const rows: Row[] = [];

function record(row: Row): void {
  rows.push(row);
  const ratio = row.ratio !== undefined ? `  ratio ${row.ratio.toFixed(2)}×` : '';
  const anchor = row.anchor !== undefined ? `  vs ${row.anchorName} ${row.anchor.toFixed(2)} ${row.unit}` : '';
  const target = row.target ? `  target ${row.target} ${row.ok ? 'OK' : 'MISSED'}` : '';
  console.log(`${row.figure.padEnd(58)} ${row.ours.toFixed(2).padStart(10)} ${row.unit}${anchor}${ratio}${target}`);
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

/** Best of `runs` timings of `work`, in ms. */
function best(runs: number, work: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = now();
    work();
    min = Math.min(min, now() - start);
  }
  return min;
}

function corpusTexts(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));
}

/** A multi-cable document of about `bytes` characters, cables from the corpus back to back. */
function multiCable(texts: readonly string[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = texts[i % texts.length];
    parts.push(t);
    size += t.length + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}

const LINE_BREAK = /\r\n|\r|\n/;

/** The text split into lines, and every character of every line read: the floor of any line parser. */
function splitAndTouch(texts: readonly string[]): number {
  let sum = 0;
  for (const t of texts) for (const line of t.split(LINE_BREAK)) for (let i = 0; i < line.length; i++) sum = (sum + line.charCodeAt(i)) | 0;
  return sum;
}

/** The same work with the characters read from the whole text instead of each line's string. */
function splitThenTouchText(texts: readonly string[]): number {
  let sum = 0;
  for (const t of texts) {
    sum = (sum + t.split(LINE_BREAK).length) | 0;
    for (let i = 0; i < t.length; i++) sum = (sum + t.charCodeAt(i)) | 0;
  }
  return sum;
}

function benchParser(texts: readonly string[]): void {
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  const mb = bytes / 1e6;
  let sink = 0;
  // The floor loop is unsteady on this VM: the same work took from 90 ms to 530 ms here, within one
  // run too, depending on how the engine compiled it, and it is fastest in the first rounds of a
  // process. It is timed three times before the parser first runs and then once every round; its
  // best time is the floor, so the ratio is taken against its fast form. The rounds interleave, best
  // of each: a load that comes and goes on the machine hits both sides alike, and the parser (much
  // more code) gets the rounds its compiled code needs to settle.
  const floors: number[] = [];
  const timeFloor = () => floors.push(best(1, () => void (sink ^= splitAndTouch(texts))));
  for (let i = 0; i < 3; i++) timeFloor();
  let ours = Infinity;
  let textFloor = Infinity;
  for (let round = 0; round < 10; round++) {
    timeFloor();
    ours = Math.min(
      ours,
      best(1, () => {
        for (const t of texts) sink = (sink + parse(t).cables.length) | 0;
      }),
    );
    textFloor = Math.min(
      textFloor,
      best(1, () => void (sink ^= splitThenTouchText(texts))),
    );
  }
  const floor = Math.min(...floors);
  const oursMBps = mb / (ours / 1000);
  const floorMBps = mb / (floor / 1000);
  record({
    figure: `parse: corpus ${mb.toFixed(1)} MB`,
    ours: oursMBps,
    unit: 'MB/s',
    anchor: floorMBps,
    anchorName: 'line-split floor',
    ratio: oursMBps / floorMBps,
    target: '≥ 0.25×',
    ok: oursMBps / floorMBps >= 0.25,
  });
  // How far the floor moved in this run: a best far below the median means it found its fast form.
  record({
    figure: `line-split floor: best ${floor.toFixed(0)} ms, median ${median(floors).toFixed(0)} ms of ${floors.length}`,
    ours: median(floors) / floor,
    unit: '× best (spread)',
  });
  const textFloorMBps = mb / (textFloor / 1000);
  record({
    figure: 'parse vs. split, then every character of the whole text',
    ours: oursMBps,
    unit: 'MB/s',
    anchor: textFloorMBps,
    anchorName: 'text-read floor',
    ratio: oursMBps / textFloorMBps,
  });
  if (sink === -1) console.log('');
}

const TEXT_DOCUMENT = { textDocument: { uri: 'file:///bench.cable' } };
const UNCAPPED = { ...DEFAULT_SETTINGS, maxOutlineItems: Number.MAX_SAFE_INTEGER, maxFoldingRanges: Number.MAX_SAFE_INTEGER };
const throwRuleFailure = (code: string, error: unknown) => {
  throw new Error(describeRuleFailure(code, error));
};
/** Features as the server calls them, with no caps, so the whole model is timed. */
function benchContext(model: CableFile) {
  return documentContext(TEXT_DOCUMENT.textDocument.uri, model, {
    settings: UNCAPPED,
    log: (message) => {
      throw new Error(message);
    },
  });
}

function benchScaling(texts: readonly string[]): void {
  const sizes = [1, 2, 4, 8].map((n) => n * 1_000_000);
  // Each size is the previous one twice, so a doubling changes the amount of text and nothing else.
  const docs = [multiCable(texts, sizes[0])];
  for (let i = 1; i < sizes.length; i++) docs.push(`${docs[i - 1]}\n\n${docs[i - 1]}`);
  // Features cache their results per model and per cable, so each timing runs on freshly parsed
  // models; small sizes run on several copies at once, so that no timing is a few milliseconds.
  const copies = (i: number) => Math.max(1, 8 >> i);
  let models: CableFile[] = [];
  const features: [string, (model: CableFile, i: number) => void][] = [
    ['parse', (_, i) => void parse(docs[i])],
    ['documentSymbol', (model) => void documentSymbols(benchContext(model), TEXT_DOCUMENT, CancellationToken.None)],
    ['folding', (model) => void foldingRanges(benchContext(model), TEXT_DOCUMENT, CancellationToken.None)],
    ['diagnostics', (model) => void runRules(model, {}, throwRuleFailure)],
    [
      'semantic tokens',
      (model) => void semanticTokens(benchContext(model), TEXT_DOCUMENT, CancellationToken.None, Number.MAX_SAFE_INTEGER),
    ],
  ];
  for (const [name, work] of features) {
    const times = sizes.map(() => Infinity);
    work(parse(docs[0]), 0); // warm the JIT before anything is timed
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < sizes.length; i++) {
        models = [];
        models = Array.from({ length: copies(i) }, () => parse(docs[i]));
        (globalThis as { gc?: () => void }).gc?.();
        times[i] = Math.min(times[i], best(1, () => models.forEach((m) => work(m, i))) / copies(i));
      }
    }
    models = [];
    // The target is the ratio per doubling over the whole range, 1 → 8 MB (the cube root of the
    // 8-to-1 ratio): a single step moves by ±15–25% between runs on this VM with the code unchanged
    // (2.06–2.65 for the parser today), while a cost that grows faster than the text shows over the
    // range (a quadratic slip measured 2.9 this way). The worst single step is printed beside it.
    const worst = Math.max(...times.slice(1).map((t, i) => t / times[i]));
    const perDoubling = Math.cbrt(times[3] / times[0]);
    record({
      figure: `scaling ${name}: 1/2/4/8 MB ${times.map((t) => t.toFixed(1)).join('/')} ms, worst step ${worst.toFixed(2)}×`,
      ours: perDoubling,
      unit: '× per doubling (1→8 MB)',
      target: '≤ 2.2×',
      ok: perDoubling <= 2.2,
    });
  }
  // The 10 MB file, then twice that input: one more doubling, at sizes where every parse pays the
  // same garbage collection per byte (below about 2 MB a parse's garbage can die before V8's young
  // generation fills). As noisy as a single step above (1.76–2.33 in three runs), so no target.
  const ten = multiCable(texts, 10_000_000);
  const twenty = `${ten}\n\n${ten}`;
  let tenMs = Infinity;
  let twentyMs = Infinity;
  for (let round = 0; round < 3; round++) {
    tenMs = Math.min(
      tenMs,
      best(1, () => void parse(ten)),
    );
    twentyMs = Math.min(
      twentyMs,
      best(1, () => void parse(twenty)),
    );
  }
  record({ figure: 'parse: 10 MB multi-cable file', ours: tenMs, unit: 'ms' });
  record({ figure: `parse: 2× the input (20 MB ${twentyMs.toFixed(0)} ms vs 10 MB)`, ours: twentyMs / tenMs, unit: '×' });
}

/**
 * Printed copies (test/fixtures/eras: page headers, banners and office blocks on every page) at
 * 1/2/4/8 MB: the printout lines are looked for on every line, so their cost must grow with the
 * text as the rest of the parser's does.
 */
function benchPrintoutScaling(): void {
  const dir = path.join(ROOT, 'test', 'fixtures', 'eras');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.cable'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const docs = [multiCable(texts, 1_000_000)];
  for (let i = 1; i < 4; i++) docs.push(`${docs[i - 1]}\n\n${docs[i - 1]}`);
  parse(docs[0]);
  const times = docs.map(() => Infinity);
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < docs.length; i++) {
      (globalThis as { gc?: () => void }).gc?.();
      times[i] = Math.min(
        times[i],
        best(1, () => void parse(docs[i])),
      );
    }
  }
  const perDoubling = Math.cbrt(times[3] / times[0]);
  record({
    figure: `scaling parse of printed copies (eras fixtures): 1/2/4/8 MB ${times.map((t) => t.toFixed(1)).join('/')} ms`,
    ours: perDoubling,
    unit: '× per doubling (1→8 MB)',
    target: '≤ 2.2×',
    ok: perDoubling <= 2.2,
  });
}

/**
 * The reading view over stdio, as the extension asks for it: `cable/preview` of a 1 MB export (the
 * request, the render and the HTML through JSON-RPC), then after a one-character edit halfway down.
 */
async function benchPreview(texts: readonly string[]): Promise<void> {
  const doc = multiCable(texts, 1_000_000);
  const uri = 'file:///bench/preview.cable';
  const client = new StdioClient(['--stdio'], [...SERVER_NODE_OPTIONS], SERVER_PROCESS_ENV);
  try {
    await client.initialize();
    await client.open(uri, doc);
    const request = () => client.request<{ html: string }>('cable/preview', { textDocument: { uri }, problems: true });
    await request();
    let first = Infinity;
    for (let i = 0; i < 5; i++) first = Math.min(first, await timed(request));
    const lines = doc.split('\n');
    const line = Math.floor(lines.length / 2);
    let version = 1;
    let edit = Infinity;
    for (let i = 0; i < 5; i++) {
      edit = Math.min(
        edit,
        await timed(async () => {
          await client.change(uri, ++version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
          await request();
        }),
      );
    }
    record({ figure: 'preview: 1 MB export, cable/preview over stdio', ours: first, unit: 'ms', target: '≤ 300 ms', ok: first <= 300 });
    record({ figure: 'preview: a keystroke, then cable/preview again', ours: edit, unit: 'ms', target: '≤ 100 ms', ok: edit <= 100 });
  } finally {
    await client.shutdown();
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = now();
  await work();
  return now() - start;
}

/** The server runs with the options and environment VS Code starts it with (server/src/protocol/serverProcess.ts). */
const SERVER_PROCESS_ENV = serverProcessEnv(process.env);
/** What VS Code tells the server it supports, as far as the bench's requests go. */
const CLIENT_CAPABILITIES = { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, diagnostic: {} } };

/** Bare `node -e 0`, best of 5, in the given environment. */
function bareNodeStart(env: NodeJS.ProcessEnv): number {
  return best(5, () => execFileSync(process.execPath, ['-e', '0'], { env }));
}

async function benchLsp(texts: readonly string[]): Promise<void> {
  // Cold start: spawn to initialize result (median of 5), with the data tables in the bundle. The
  // anchor: the smallest vscode-languageserver server, bundled and started as ours is, but without
  // the code cache ours keeps (server/src/launch.ts).
  const medianStart = async (server?: string, env: NodeJS.ProcessEnv = SERVER_PROCESS_ENV) => {
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = now();
      const client = new StdioClient(['--stdio'], [...SERVER_NODE_OPTIONS], env, server);
      await client.initialize();
      starts.push(now() - start);
      await client.shutdown();
    }
    return median(starts);
  };
  const ourStart = await medianStart();
  const minimalStart = await medianStart(path.join(__dirname, 'minimal-server.js'));
  const nodeStart = bareNodeStart(SERVER_PROCESS_ENV);
  record({
    figure: 'LSP: cold start to initialize result (median of 5)',
    ours: ourStart,
    unit: 'ms',
    anchor: minimalStart,
    anchorName: 'the smallest server (bench/minimalServer.ts)',
    ratio: ourStart / minimalStart,
    target: '≤ 150 ms',
    ok: ourStart <= 150,
  });
  record({ figure: 'bare node start, node -e 0, same environment (best of 5)', ours: nodeStart, unit: 'ms' });
  // What the server's environment saves where NODE_EXTRA_CA_CERTS is set (it is on our CI machines).
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const inherited = { ...SERVER_PROCESS_ENV, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS };
    const startInherited = await medianStart(undefined, inherited);
    const nodeInherited = bareNodeStart(inherited);
    record({
      figure: 'LSP: cold start with NODE_EXTRA_CA_CERTS kept (median of 5)',
      ours: startInherited,
      unit: 'ms',
      anchor: nodeInherited,
      anchorName: 'bare node with it',
      ratio: startInherited / nodeInherited,
    });
  }

  // The server runs with the options and environment VS Code starts it with.
  const client = new StdioClient(['--stdio'], [...SERVER_NODE_OPTIONS], SERVER_PROCESS_ENV);
  await client.initialize(CLIENT_CAPABILITIES);
  const small = texts.find((t) => t.length > 9000 && t.length < 11000 && /^VZCZC/.test(t)) ?? texts[0];
  const large = multiCable(texts, 1_000_000);
  await client.open('file:///bench/small.cable', small);
  await client.open('file:///bench/large.cable', large);
  const smallLines = small.split(/\r\n|\r|\n/);
  const riLine = smallLines.findIndex((l) => /^TO R[A-Z]+\//.test(l));
  const hoverAt = { line: riLine, character: 4 };
  const requests: [string, string, (uri: string) => unknown][] = [
    ['documentSymbol', 'textDocument/documentSymbol', (uri) => ({ textDocument: { uri } })],
    ['folding', 'textDocument/foldingRange', (uri) => ({ textDocument: { uri } })],
    ['hover', 'textDocument/hover', (uri) => ({ textDocument: { uri }, position: hoverAt })],
    ['diagnostics (pull)', 'textDocument/diagnostic', (uri) => ({ textDocument: { uri } })],
    ['semantic tokens', 'textDocument/semanticTokens/full', (uri) => ({ textDocument: { uri } })],
  ];
  const ping = async () => {
    const start = now();
    await client.request('workspace/symbol', { query: 'zzzz-no-such-cable' });
    return now() - start;
  };
  const rtt: number[] = [];
  for (let i = 0; i < 50; i++) rtt.push(await ping());
  for (const [name, method, params] of requests) {
    for (const [size, uri, target, stat] of [
      ['10 KB', 'file:///bench/small.cable', 1, median],
      ['1 MB', 'file:///bench/large.cable', 20, p95],
    ] as const) {
      const times: number[] = [];
      // A hundred samples for the 1 MB p95: with forty it was the second-slowest request, one
      // garbage collection in the client (up to 10 ms here) away from the slowest.
      for (let i = 0; i < (size === '10 KB' ? 200 : 100); i++) {
        const start = now();
        await client.request(method, params(uri));
        times.push(now() - start);
      }
      const value = stat(times);
      record({
        figure: `LSP ${name} on ${size} (${stat === median ? 'median' : 'p95'})`,
        ours: value,
        unit: 'ms',
        anchor: median(rtt),
        anchorName: 'empty request round trip',
        ratio: value / median(rtt),
        target: `≤ ${target} ms`,
        ok: value <= target,
      });
    }
  }
  // An edit, then the outline of the new version: includes re-parsing 1 MB.
  const edits: number[] = [];
  for (let v = 2; v < 42; v++) {
    const start = now();
    await client.change('file:///bench/large.cable', v, [
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'x' },
    ]);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///bench/large.cable' } });
    edits.push(now() - start);
  }
  record({
    figure: 'LSP edit + documentSymbol on 1 MB (median)',
    ours: median(edits),
    unit: 'ms',
    anchor: median(rtt),
    anchorName: 'empty request round trip',
    ratio: median(edits) / median(rtt),
    target: '≤ 20 ms',
    ok: median(edits) <= 20,
  });
  // What VS Code asks for after a keystroke: outline, folding, semantic tokens and diagnostics.
  const all: number[] = [];
  for (let v = 42; v < 82; v++) {
    const start = now();
    await client.change('file:///bench/large.cable', v, [
      { range: { start: { line: 9000, character: 0 }, end: { line: 9000, character: 0 } }, text: 'y' },
    ]);
    await Promise.all(
      requests
        .filter(([name]) => name !== 'hover')
        .map(([, method, params]) => client.request(method, params('file:///bench/large.cable'))),
    );
    all.push(now() - start);
  }
  record({
    figure: 'LSP edit + outline, folding, tokens, diagnostics on 1 MB (median)',
    ours: median(all),
    unit: 'ms',
    anchor: median(rtt),
    anchorName: 'empty request round trip',
    ratio: median(all) / median(rtt),
  });
  // A line break typed, then deleted, halfway down: every cable below it moves a line, so the
  // parser copies each with its positions moved and the outline of each is built again. No
  // target of its own: the figure above is the one the issue sets.
  const middle = Math.floor(lineStarts(large).length / 2);
  const moved = parse(large).cables.filter((c) => c.range.start.line > middle).length;
  const breaks: number[] = [];
  const breakAt = { line: middle, character: 0 };
  for (let v = 82; v < 122; v++) {
    const start = now();
    const change =
      v % 2 === 0
        ? { range: { start: breakAt, end: breakAt }, text: '\n' }
        : { range: { start: breakAt, end: { line: middle + 1, character: 0 } }, text: '' };
    await client.change('file:///bench/large.cable', v, [change]);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///bench/large.cable' } });
    breaks.push(now() - start);
  }
  record({
    figure: `LSP line break + documentSymbol on 1 MB (median; ${moved} cables move)`,
    ours: median(breaks),
    unit: 'ms',
    anchor: median(edits),
    anchorName: 'the edit above',
    ratio: median(breaks) / median(edits),
  });
  await client.shutdown();

  // Memory: server RSS with a 10 MB document open, then after 1,000 edits to it (typing and
  // deleting across the file, with the outline and diagnostics asked for every 50 edits, as an
  // editor would). Each figure is read after a full garbage collection, once the freed pages are
  // back with the system (bench/memoryProbe.ts), so it is what the server keeps. The anchor: the
  // smallest server that holds open documents, with the same document, options and environment.
  const memoryClient = (server?: string) =>
    new StdioClient(
      ['--stdio'],
      [...SERVER_NODE_OPTIONS, '--expose-gc', '--require', path.join(__dirname, 'memoryProbe.js')],
      SERVER_PROCESS_ENV,
      server,
    );
  const probe = async (client: StdioClient): Promise<{ rss: number; heapUsed: number }> => {
    const seen = client.stderr.length;
    client.process.kill('SIGUSR2');
    for (let i = 0; i < 500 && !/cable-bench-memory .*\n/.test(client.stderr.slice(seen)); i++) await new Promise((r) => setTimeout(r, 20));
    const line = client.stderr
      .slice(seen)
      .split('\n')
      .find((l) => l.startsWith('cable-bench-memory '));
    if (!line) throw new Error(`no memory reading from the server within 10 s; its stderr: ${client.stderr.slice(seen, seen + 500)}`);
    const figures = JSON.parse(line.slice('cable-bench-memory '.length)) as { rss: number; heapUsed: number; settled: boolean };
    if (!figures.settled) console.log('note: the next memory figure was read while the resident size was still falling (after 5 s)');
    return { rss: figures.rss / 1048576, heapUsed: figures.heapUsed / 1048576 };
  };
  const tenUri = 'file:///bench/ten.cable';
  const ten = multiCable(texts, 10_000_000);
  // Opened as an editor does, with the outline and diagnostics asked for.
  const openTen = async (client: StdioClient) => {
    await client.open(tenUri, ten);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: tenUri } });
    await client.request('textDocument/diagnostic', { textDocument: { uri: tenUri } });
  };
  const minimal = memoryClient(path.join(__dirname, 'minimal-server.js'));
  await minimal.initialize();
  const minimalIdle = await probe(minimal);
  await minimal.open(tenUri, ten);
  const held = await minimal.request<number>('bench/documentLength', tenUri);
  if (held !== ten.length) throw new Error(`the smallest server holds ${held} characters of the ${ten.length} sent`);
  const minimalOpen = await probe(minimal);
  await minimal.shutdown();
  // The same steps against a bench-only build of ours that keeps no model (bench/noModelCache.ts).
  const noModel = memoryClient(path.join(__dirname, 'no-model-server.js'));
  await noModel.initialize(CLIENT_CAPABILITIES);
  await probe(noModel);
  await openTen(noModel);
  const noModelOpen = await probe(noModel);
  await noModel.shutdown();
  const memory = memoryClient();
  await memory.initialize(CLIENT_CAPABILITIES);
  const idle = await probe(memory);
  await openTen(memory);
  const open = await probe(memory);
  record({
    figure: `server RSS with a 10 MB document open (idle ${idle.rss.toFixed(0)} MB; JS heap ${open.heapUsed.toFixed(0)} MB)`,
    ours: open.rss,
    unit: 'MB',
    anchor: minimalOpen.rss,
    anchorName: `the smallest server, holding the text (idle ${minimalIdle.rss.toFixed(0)} MB)`,
    ratio: open.rss / minimalOpen.rss,
    // A server that parses cannot reach the old 80 MB here (ours keeping no model measures more):
    // the target is relative to the smallest server holding the same text, measured in this run.
    target: '≤ 2.0× the smallest server',
    ok: open.rss <= 2.0 * minimalOpen.rss,
  });
  record({
    figure: 'the same, ours keeping no model (parses for every request)',
    ours: noModelOpen.rss,
    unit: 'MB',
    anchor: minimalOpen.rss,
    anchorName: 'the smallest server, holding the text',
    ratio: noModelOpen.rss / minimalOpen.rss,
  });
  const lineCount = ten.split('\n').length;
  for (let edit = 1; edit <= 1000; edit++) {
    const line = (edit * 7919) % (lineCount - 1);
    // Odd edits insert a word, even ones delete it again: the text ends as it began.
    const previous = ((edit - 1) * 7919) % (lineCount - 1);
    const change =
      edit % 2 === 1
        ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'word ' }
        : { range: { start: { line: previous, character: 0 }, end: { line: previous, character: 5 } }, text: '' };
    await memory.change(tenUri, edit + 1, [change]);
    if (edit % 50 === 0) {
      await memory.request('textDocument/documentSymbol', { textDocument: { uri: tenUri } });
      await memory.request('textDocument/diagnostic', { textDocument: { uri: tenUri } });
    }
  }
  const edited = await probe(memory);
  await memory.shutdown();
  record({
    figure: `server RSS after 1,000 edits to it (JS heap ${edited.heapUsed.toFixed(0)} MB)`,
    ours: edited.rss,
    unit: 'MB',
    anchor: open.rss,
    anchorName: 'before the edits',
    ratio: edited.rss / open.rss,
    target: '≤ 1.10× (no growth)',
    ok: edited.rss <= open.rss * 1.1,
  });
}

async function benchGrammarIfPresent(texts: readonly string[]): Promise<void> {
  const module = path.join(__dirname, 'grammar.js');
  if (!existsSync(module)) return;
  // The grammar bench is compiled on its own (out/bench/grammar.js), found at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { benchGrammar } = require(module) as {
    benchGrammar(
      t: string[],
    ): Promise<{ oursMBps: number; markdownMBps: number; ratio: number; slowestLineMs: number; oneLineHeader100KBms: number }>;
  };
  const g = await benchGrammar([...texts]);
  record({
    figure: 'grammar: tokenization over the corpus',
    ours: g.oursMBps,
    unit: 'MB/s',
    anchor: g.markdownMBps,
    anchorName: 'VS Code Markdown grammar',
    ratio: g.ratio,
    target: '≥ 1.0×',
    ok: g.ratio >= 1,
  });
  record({ figure: 'grammar: slowest line', ours: g.slowestLineMs, unit: 'ms', target: '≤ 50 ms', ok: g.slowestLineMs <= 50 });
  record({ figure: 'grammar: 100 KB one-line header', ours: g.oneLineHeader100KBms, unit: 'ms' });
}

/**
 * Inputs built to stress the parser's patterns (long runs the regexes could backtrack over): twice
 * the input must cost about twice the time. Best of 7: at 6–20 ms a run, one garbage collection in
 * the best of 3 read as 3.2× once (END words, 6 → 20 ms; 1.93–2.01× in the three runs after).
 */
function benchAdversarial(): void {
  const units: [string, string][] = [
    ['spaces and digits', ' 0'],
    ['open markings', '1. (S '],
    ['caveat words', 'S E C R E T NODIS NOFORN '],
    ['routing indicators', 'RUEHC/RUEHB '],
    ['END words', 'END OF END '],
    ['pilcrows', '¶1. (C) '],
    ['tabs then a letter', '\t\t\tx'],
  ];
  for (const [name, unit] of units) {
    const half = unit.repeat(Math.ceil(500_000 / unit.length));
    const times = [half, half + half].map((text) => best(7, () => void parse(`UNCLAS STATE 000001\n\n${text}\n${text}`)));
    const ratio = times[1] / times[0];
    record({
      figure: `adversarial ${name}: 1 MB ${times[0].toFixed(0)} ms, 2 MB ${times[1].toFixed(0)} ms`,
      ours: ratio,
      unit: '× for 2× input',
      target: '≤ 2.5×',
      ok: ratio <= 2.5,
    });
  }
}

/**
 * cable-lint over the whole corpus, as a user with a large corpus would run it: in one thread
 * (--jobs 1) and in two (--jobs 2), interleaved, best of three each, so a load that comes and goes
 * on the machine hits both alike. The anchor for --jobs 2 is what the machine gives two threads
 * at that moment: two independent --jobs 1 processes run at once (their combined rate); on an idle
 * 2-core machine that is near 2×, on a shared one it can be 1× or less. Once over the corpus, and
 * four times over (the folder given four times), where starting workers weighs less: that rate is
 * the one to extrapolate from. No ratio here is a target. Then the research formats (benchFormats).
 */
async function benchCli(): Promise<void> {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
  const mb = files.reduce((n, f) => n + statSync(path.join(CORPUS, f)).size, 0) / 1e6;
  for (const repeat of [1, 4]) {
    let serial = Infinity;
    let parallel = Infinity;
    let pair = Infinity;
    for (let round = 0; round < 3; round++) {
      let start = now();
      await lintCorpus(['--jobs', '1', '--format', 'json'], repeat);
      serial = Math.min(serial, (now() - start) / 1000);
      start = now();
      await lintCorpus(['--jobs', '2', '--format', 'json'], repeat);
      parallel = Math.min(parallel, (now() - start) / 1000);
      start = now();
      await Promise.all([lintCorpus(['--jobs', '1', '--format', 'json'], repeat), lintCorpus(['--jobs', '1', '--format', 'json'], repeat)]);
      pair = Math.min(pair, (now() - start) / 1000);
    }
    const n = files.length * repeat;
    const size = mb * repeat;
    const label = `cable-lint --format json, corpus ×${repeat} (${n} files, ${size.toFixed(1)} MB)`;
    record({ figure: `${label}, --jobs 1`, ours: n / serial, unit: 'files/s' });
    record({ figure: `${label}, --jobs 1`, ours: size / serial, unit: 'MB/s' });
    record({
      figure: `${label}, --jobs 2`,
      ours: n / parallel,
      unit: 'files/s',
      anchor: n / serial,
      anchorName: '--jobs 1',
      ratio: serial / parallel,
    });
    record({
      figure: `${label}, --jobs 2`,
      ours: size / parallel,
      unit: 'MB/s',
      anchor: size / serial,
      anchorName: '--jobs 1',
      ratio: serial / parallel,
    });
    record({
      figure: `${label}, two --jobs 1 processes at once (combined)`,
      ours: (2 * n) / pair,
      unit: 'files/s',
      anchor: n / serial,
      anchorName: '--jobs 1',
      ratio: (2 * serial) / pair,
    });
  }
  await benchFormats(files.length, mb);
}

/** cable-lint over the corpus `repeat` times with `args`; exit code 1 (the corpus has genuine errors) is a result, not a failure. */
function lintCorpus(args: readonly string[], repeat: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args, ...Array<string>(repeat).fill(CORPUS)], {
      stdio: 'ignore',
    });
    child.on('exit', () => resolve());
  });
}

/**
 * Each research format against json in the same run: the corpus four times, --jobs 1 (the default
 * here), every format writing its report to a file with --output (sqlite can only), interleaved
 * round by round, best of three. Targets: csv and jsonl at least json's rate (they print less of
 * the same records), sqlite at least half of it (it also stores the texts and builds a full-text
 * index). The output's size per file gives the 250,000-cable estimate beside the time.
 */
async function benchFormats(corpusFiles: number, corpusMb: number): Promise<void> {
  const repeat = 4;
  const n = corpusFiles * repeat;
  const dir = mkdtempSync(path.join(tmpdir(), 'cable-bench-formats-'));
  const formats = ['json', 'jsonl', 'csv', 'sqlite'] as const;
  const best = new Map<string, number>(formats.map((f) => [f, Infinity]));
  const bytes = new Map<string, number>();
  for (let round = 0; round < 3; round++) {
    for (const format of formats) {
      const output = path.join(dir, `corpus.${format}`);
      const start = now();
      await lintCorpus(['--jobs', '1', '--format', format, '--output', output], repeat);
      best.set(format, Math.min(best.get(format)!, (now() - start) / 1000));
      bytes.set(format, statSync(output).size);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const json = best.get('json')!;
  const CABLEGATE = 250_000;
  for (const format of formats) {
    const seconds = best.get(format)!;
    const label = `cable-lint --format ${format} --output FILE, corpus ×${repeat} (${n} files, ${(corpusMb * repeat).toFixed(1)} MB), --jobs 1`;
    const target = format === 'json' ? undefined : format === 'sqlite' ? 0.5 : 1.0;
    record({
      figure: label,
      ours: n / seconds,
      unit: 'files/s',
      ...(format === 'json'
        ? {}
        : {
            anchor: n / json,
            anchorName: 'json',
            ratio: json / seconds,
            target: `≥ ${target!.toFixed(1)}× json`,
            ok: json / seconds >= target!,
          }),
    });
    record({ figure: `${label}`, ours: (corpusMb * repeat) / seconds, unit: 'MB/s' });
    record({ figure: `--format ${format}: output per file`, ours: bytes.get(format)! / n / 1024, unit: 'KB' });
    record({
      figure: `--format ${format}: 250,000 cables, estimated time at that rate`,
      ours: CABLEGATE / (n / seconds) / 60,
      unit: 'min',
    });
    record({
      figure: `--format ${format}: 250,000 cables, estimated output`,
      ours: ((bytes.get(format)! / n) * CABLEGATE) / 1e9,
      unit: 'GB',
    });
  }
}

function benchSizes(): void {
  for (const file of ['dist/extension.js', 'dist/server.js', 'dist/cli.js']) {
    const full = path.join(ROOT, file);
    if (existsSync(full)) record({ figure: `size: ${file}`, ours: statSync(full).size / 1024, unit: 'KB' });
  }
  const vsix = path.join(ROOT, 'cable-language.vsix');
  if (existsSync(vsix)) {
    const kb = statSync(vsix).size / 1024;
    record({ figure: 'size: cable-language.vsix', ours: kb, unit: 'KB', target: '≤ 400 KB', ok: kb <= 400 });
  }
}
/**
 * Formatting the corpus (the edits of every file, from its model) against parsing it: a Format
 * Document costs a parse the server has mostly done already, and the edits on top of it. Also a
 * 1 MB export of one-line headers, the layout formatting rewrites most.
 */
function benchFormatting(texts: readonly string[]): void {
  const models = texts.map((t) => parse(t));
  let sink = 0;
  let parsing = Infinity;
  let formatting = Infinity;
  for (let round = 0; round < 5; round++) {
    parsing = Math.min(
      parsing,
      best(1, () => {
        for (const t of texts) sink = (sink + parse(t).cables.length) | 0;
      }),
    );
    formatting = Math.min(
      formatting,
      best(1, () => {
        for (const m of models) sink = (sink + formatEdits(m).length) | 0;
      }),
    );
  }
  const edits = models.reduce((n, m) => n + formatEdits(m).length, 0);
  record({
    figure: `formatting edits: corpus (${edits} edits)`,
    ours: formatting,
    unit: 'ms',
    anchor: parsing,
    anchorName: 'parse',
    ratio: formatting / parsing,
    target: '≤ 0.5×',
    ok: formatting / parsing <= 0.5,
  });
  const oneLine = readFileSync(path.join(ROOT, 'test', 'fixtures', 'oneLine.cable'), 'utf8');
  const copies: string[] = [];
  for (let bytes = 0; bytes < 1e6; bytes += oneLine.length + 2) copies.push(oneLine.trimEnd());
  const exportText = copies.join('\n\n');
  const model = parse(exportText);
  const unfold = best(5, () => void (sink = (sink + formatEdits(model).length) | 0));
  const parseExport = best(5, () => void (sink = (sink + parse(exportText).cables.length) | 0));
  record({
    figure: `formatting edits: 1 MB of ${model.cables.length} one-line headers`,
    ours: unfold,
    unit: 'ms',
    anchor: parseExport,
    anchorName: 'parse',
    ratio: unfold / parseExport,
    target: '≤ 0.5×',
    ok: unfold / parseExport <= 0.5,
  });
  if (sink === -1) console.log('');
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.error(`bench: the corpus is not at ${CORPUS}`);
    process.exit(2);
  }
  const texts = corpusTexts();
  console.log(
    `node ${process.version}, ${texts.length} corpus files, ${availableParallelism()} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  // `npm run bench -- cli sizes` runs only the named sections (and writes only their rows).
  const sections: [string, () => void | Promise<void>][] = [
    ['parser', () => benchParser(texts)],
    ['scaling', () => benchScaling(texts)],
    ['printouts', () => benchPrintoutScaling()],
    ['preview', () => benchPreview(texts)],
    ['formatting', () => benchFormatting(texts)],
    ['lsp', () => benchLsp(texts)],
    ['grammar', () => benchGrammarIfPresent(texts)],
    ['adversarial', () => benchAdversarial()],
    ['cli', () => benchCli()],
    ['sizes', () => benchSizes()],
    // Only when named: it writes a 250,000-file corpus (about 3 GB) to a temporary folder.
    ['corpus', () => benchCorpus(texts, record, path.join(__dirname, 'memoryProbe.js'))],
  ];
  const onRequestOnly = new Set(['corpus']);
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !sections.some(([s]) => s === name));
  if (unknown.length > 0) {
    console.error(`bench: no section ${unknown.join(', ')}; sections: ${sections.map(([s]) => s).join(' ')}`);
    process.exit(2);
  }
  for (const [name, run] of sections) if (only.length === 0 ? !onRequestOnly.has(name) : only.includes(name)) await run();
  // The CPU count and the load show how much room the parallel figures had.
  const machine = { cpus: availableParallelism(), loadAverage: loadavg().map((l) => Number(l.toFixed(2))) };
  writeFileSync(
    path.join(ROOT, 'bench', 'results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, machine, rows }, null, 2)}\n`,
  );
  const missed = rows.filter((r) => r.ok === false);
  console.log(
    `\n${rows.filter((r) => r.ok).length} targets met, ${missed.length} missed${missed.length ? `: ${missed.map((r) => r.figure).join('; ')}` : ''}`,
  );
  process.exit(missed.length > 0 ? 1 : 0);
}

void main();
