import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parse } from './cable/parse';
import type { Cable } from './cable/model';
import { dtgToIso } from './cable/dates';
import { parseRuleSettings, type RuleSettings } from './analysis/settings';
import { computeDiagnostics, describeRuleFailure, type LintDiagnostic, RULES, severityFor } from './diagnostics/engine';
import { runDemo } from './demo';

const usage = (): string => `Usage: cable-lint [options] FILE|DIR|GLOB...

Parses US State Department cables and prints their metadata and diagnostics.
A directory is searched for *.cable, *.tel and *.txt files; a quoted glob ('corpus/**/*.txt') is
expanded here. Files are reported in the order given, directories and globs sorted by path.

Options:
  --format text|json|sarif   output format (default: text); sarif is SARIF 2.1.0 for code scanning
  --rules JSON         severity per rule code or family prefix, e.g. '{"cable/tags-*":"off"}'
  --summary            counts per rule, per classification and per station (on stderr with json/sarif)
  --jobs N, -j N       threads for a large run: this one and N-1 workers (default: the number
                       of CPUs, here ${defaultJobs()}); --jobs 1 lints in one thread. The output is
                       the same for any N.
  --quiet, -q          nothing on stderr but errors: no progress bar, no warnings
  --demo               show the outline, diagnostics and hovers of a bundled sample cable
  --version, --help

A large run is more than ${PARALLEL_MIN_FILES} files or ${PARALLEL_MIN_BYTES / 1e6} MB: it is linted in parallel and, when
stderr is a terminal, shows a progress bar there (files, MB, files/s, time left) that is
erased at the end. Nothing but the report goes to stdout.

Exit codes: 0 no error-level diagnostic; 1 at least one error-level diagnostic;
2 a file could not be read or the arguments were wrong (the other files are still processed).`;

export interface CableSummary {
  readonly referenceId: string | null;
  readonly classification: string | null;
  readonly caveats: readonly string[];
  readonly dtg: string | null;
  readonly from: string | null;
  readonly tags: readonly string[];
  readonly subject: string | null;
  readonly references: readonly string[];
  readonly paragraphs: readonly { number: string; marking: string | null; line: number }[];
  readonly range: { startLine: number; endLine: number };
}

export function summarize(cable: Cable): CableSummary {
  const dtg = cable.dtg?.token.value;
  return {
    referenceId: cable.referenceId ?? null,
    classification: cable.classification.label ?? null,
    caveats: cable.classification.caveats,
    dtg: dtg ? (dtgToIso(dtg) ?? cable.dtg!.token.text) : null,
    from: cable.header?.from?.address?.text ?? null,
    tags: cable.tags?.tags.map((t) => t.value) ?? [],
    subject: cable.subject?.text ?? null,
    references: cable.references?.entries.map((e) => e.cable?.referenceId ?? e.text) ?? [],
    paragraphs: cable.paragraphs.map((p) => ({ number: p.number.text, marking: p.marking?.text ?? null, line: p.number.range.start.line + 1 })),
    range: { startLine: cable.range.start.line + 1, endLine: cable.range.end.line + 1 },
  };
}

interface FileResult {
  readonly file: string;
  readonly cables: CableSummary[];
  readonly diagnostics: LintDiagnostic[];
}

/** What linting one file gives: its result, or why it could not be read. Plain data, so it crosses threads. */
export type Outcome =
  | { readonly error: string; readonly bytes: number }
  | { readonly result: FileResult; readonly warning?: string; readonly bytes: number };

/** Reads a file as UTF-8 text; refuses directories and binary files with a message that says so. */
export function readCableFile(file: string): { text: string; bytes: number; warning?: string } | { error: string } {
  try {
    if (statSync(file).isDirectory()) return { error: `${file}: is a directory` };
    const bytes = readFileSync(file);
    if (bytes.subarray(0, 8192).includes(0)) return { error: `${file}: looks like a binary file (NUL bytes); skipped` };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes: bytes.length };
    } catch {
      return { text: new TextDecoder('utf-8').decode(bytes), bytes: bytes.length, warning: `${file}: not valid UTF-8; undecodable bytes read as U+FFFD` };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}` };
  }
}

export function lintFile(file: string, rules: RuleSettings): Outcome {
  const read = readCableFile(file);
  if ('error' in read) return { error: read.error, bytes: 0 };
  const model = parse(read.text);
  const failures: string[] = [];
  const diagnostics = computeDiagnostics(model, rules, (code, error) => failures.push(`${file}: internal error: ${describeRuleFailure(code, error)}`));
  const result = { file, cables: model.cables.map(summarize), diagnostics };
  const warning = [read.warning, ...failures].filter(Boolean).join('\n') || undefined;
  return warning ? { result, warning, bytes: read.bytes } : { result, bytes: read.bytes };
}

/**
 * Below this a run stays in one thread. A worker costs 100–200 ms of CPU to start (this bundle
 * with its data tables, then its own JIT warm-up); the main thread lints meanwhile, so a small
 * parallel run is not slower, but it would gain nothing for that CPU either.
 */
export const PARALLEL_MIN_FILES = 50;
export const PARALLEL_MIN_BYTES = 4_000_000;
const PROGRESS_INTERVAL_MS = 100;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Where a progress bar may be drawn: the caller passes stderr only when it is a terminal. */
export interface Terminal {
  write(text: string): unknown;
  readonly columns?: number;
}

export interface MainOptions {
  readonly terminal?: Terminal;
  /** Whether stdout is the same terminal, so the bar must be erased before the report is printed. */
  readonly stdoutIsTerminal?: boolean;
  /** The script a worker thread runs; this file by default (the bundle, dist/cli.js, when bundled). */
  readonly workerScript?: string;
}

export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, options: MainOptions = {}): Promise<number> {
  let format: 'text' | 'json' | 'sarif' = 'text';
  let summary = false;
  let quiet = false;
  let jobs = defaultJobs();
  let rules: RuleSettings = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      out(usage());
      return 0;
    } else if (arg === '--version') {
      out(VERSION);
      return 0;
    } else if (arg === '--demo') {
      out(runDemo());
      return 0;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (value !== 'text' && value !== 'json' && value !== 'sarif') {
        err(`cable-lint: --format takes text, json or sarif, not ${value ?? 'nothing'}`);
        return 2;
      }
      format = value;
    } else if (arg === '--summary') {
      summary = true;
    } else if (arg === '--quiet' || arg === '-q') {
      quiet = true;
    } else if (arg === '--jobs' || arg === '-j' || arg.startsWith('--jobs=')) {
      const value = arg.includes('=') ? arg.slice(7) : argv[++i];
      const n = Number(value);
      if (!value || !Number.isInteger(n) || n < 1) {
        err(`cable-lint: --jobs takes a whole number of threads, 1 or more, not ${value ?? 'nothing'}`);
        return 2;
      }
      jobs = n;
    } else if (arg === '--rules' || arg.startsWith('--rules=')) {
      const value = arg.includes('=') ? arg.slice(8) : argv[++i];
      const parsed = parseRuleSettings(value ?? '');
      if ('error' in parsed) {
        err(`cable-lint: --rules: ${parsed.error}`);
        return 2;
      }
      rules = parsed.settings;
    } else if (arg.startsWith('-') && arg !== '-') {
      err(`cable-lint: unknown option ${arg}\n${usage()}`);
      return 2;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) {
    err(usage());
    return 2;
  }
  let unreadable = 0;
  let errors = 0;
  const expanded: string[] = [];
  for (const arg of files) {
    const found = expandArgument(arg);
    if (found.length === 0) {
      err(`cable-lint: ${arg}: ${/[*?]/.test(arg) ? 'no file matches' : 'a directory without *.cable, *.tel or *.txt files'}`);
      unreadable++;
    }
    expanded.push(...found);
  }

  const large = isLarge(expanded);
  const threads = large && jobs > 1 ? Math.min(jobs, expanded.length) : 1;
  const progress = large && options.terminal && !quiet ? new ProgressBar(options.terminal, expanded.length, totalBytes(expanded), threads) : undefined;
  const say = (s: string) => {
    progress?.clear();
    err(s);
  };
  // A report printed under the bar would be overwritten by the next frame.
  const print = options.stdoutIsTerminal && progress ? (s: string) => {
    progress.clear();
    out(s);
  } : out;
  const report = new Report(format, rules, print);
  const counts = summary ? new RunSummary() : undefined;
  let done = 0;
  let bytesDone = 0;
  // Called once per file in file order, whichever thread linted it, so stdout and stderr are the
  // same for any --jobs. Text and JSON results are printed as they come and not kept, so memory
  // does not grow with the report.
  const take = (outcome: Outcome) => {
    if ('error' in outcome) {
      say(`cable-lint: ${outcome.error}`);
      unreadable++;
      return;
    }
    if (outcome.warning && !quiet) say(`cable-lint: warning: ${outcome.warning}`);
    for (const d of outcome.result.diagnostics) if (d.severity === 'error') errors++;
    report.add(outcome.result);
    counts?.add(outcome.result);
  };
  const tick = (outcome: Outcome) => {
    done++;
    bytesDone += outcome.bytes;
    progress?.update(done, bytesDone);
  };
  progress?.update(0, 0);
  if (threads > 1) {
    await lintInWorkers(expanded, rules, threads, options.workerScript ?? __filename, take, tick);
  } else {
    for (const file of expanded) {
      const outcome = lintFile(file, rules);
      tick(outcome);
      take(outcome);
    }
  }
  progress?.clear();
  report.finish();
  if (counts) (format === 'text' ? out : err)(counts.render());
  if (unreadable > 0) return 2;
  return errors > 0 ? 1 : 0;
}

/**
 * Prints each file's part of the report as it arrives. JSON comes out exactly as
 * `JSON.stringify({ files }, null, 2)` would print it, without that one string, which for a
 * quarter of a million cables would pass V8's string size limit. SARIF lists every file before
 * any result, so its results are kept (as data, not text) until the end.
 */
class Report {
  #pending: string | undefined;
  #count = 0;
  readonly #sarif: FileResult[] = [];

  constructor(readonly format: 'text' | 'json' | 'sarif', readonly rules: RuleSettings, readonly out: (s: string) => void) {}

  add(r: FileResult): void {
    if (this.format === 'sarif') {
      this.#sarif.push({ file: r.file, cables: [], diagnostics: r.diagnostics });
    } else if (this.format === 'json') {
      if (this.#count === 0) this.out('{\n  "files": [');
      if (this.#pending !== undefined) this.out(`${this.#pending},`);
      this.#pending = `    ${JSON.stringify(r, null, 2).replace(/\n/g, '\n    ')}`;
    } else {
      for (const c of r.cables) {
        this.out(`${r.file}:${c.range.startLine}: ${c.referenceId ?? '(no reference id)'} ${c.classification ?? '(no classification)'}${c.dtg ? ` ${c.dtg}` : ''}${c.subject ? ` — ${c.subject}` : ''} (${c.paragraphs.length} paragraphs)`);
      }
      for (const d of r.diagnostics) this.out(`${r.file}:${d.line}:${d.character}: ${d.severity} ${d.code} ${d.message}`);
    }
    this.#count++;
  }

  finish(): void {
    if (this.format === 'sarif') {
      this.out(JSON.stringify(toSarif(this.#sarif, this.rules), null, 2));
    } else if (this.format === 'json') {
      if (this.#pending === undefined) {
        this.out(JSON.stringify({ files: [] }, null, 2));
      } else {
        this.out(this.#pending);
        this.out('  ]\n}');
      }
    }
  }
}

/** More than PARALLEL_MIN_FILES files, or more than PARALLEL_MIN_BYTES; sizes are read only for short lists. */
function isLarge(files: readonly string[]): boolean {
  if (files.length < 2) return false;
  return files.length > PARALLEL_MIN_FILES || totalBytes(files) > PARALLEL_MIN_BYTES;
}

function totalBytes(files: readonly string[]): number {
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file).size;
    } catch {
      // Reported when the file is read.
    }
  }
  return total;
}

interface WorkerRequest {
  readonly start: number;
  readonly files: readonly string[];
}
interface WorkerReply {
  readonly start: number;
  readonly outcomes: readonly Outcome[];
}

/**
 * Lints `files` in `threads` threads: this one and threads − 1 workers that each run `script` (this
 * CLI) with workerData. Files go out in small chunks, two per worker in flight so none waits for
 * this thread, which lints a chunk of its own between messages; every worker costs a bundle load
 * and a JIT warm-up of its own, so this thread working too saves one of them. Outcomes arrive in
 * any order and are handed to `take` strictly in file order. A worker that dies has its chunks
 * linted here, so its files are still reported.
 */
function lintInWorkers(files: readonly string[], rules: RuleSettings, threads: number, script: string,
  take: (o: Outcome) => void, tick: (o: Outcome) => void): Promise<void> {
  // Small enough that the last chunks finish together, large enough that messages stay few.
  const chunk = Math.max(1, Math.min(32, Math.floor(files.length / (threads * 8))));
  const outcomes: (Outcome | undefined)[] = new Array(files.length);
  let next = 0;
  let emitted = 0;
  return new Promise<void>((resolve, reject) => {
    const inFlight = new Map<Worker, WorkerRequest[]>();
    let done = false;
    const finishIfDone = () => {
      if (done || emitted < files.length) return;
      done = true;
      for (const worker of inFlight.keys()) void worker.terminate();
      inFlight.clear();
      resolve();
    };
    const store = (start: number, list: readonly Outcome[]) => {
      for (let i = 0; i < list.length; i++) {
        outcomes[start + i] = list[i];
        tick(list[i]);
      }
      while (emitted < files.length && outcomes[emitted] !== undefined) {
        take(outcomes[emitted]!);
        outcomes[emitted++] = undefined;
      }
    };
    const nextChunk = (): WorkerRequest | undefined => {
      if (next >= files.length) return undefined;
      const request: WorkerRequest = { start: next, files: files.slice(next, next + chunk) };
      next += request.files.length;
      return request;
    };
    const send = (worker: Worker) => {
      const request = nextChunk();
      if (!request) return;
      inFlight.get(worker)!.push(request);
      worker.postMessage(request);
    };
    const lintHere = (request: WorkerRequest) => store(request.start, request.files.map((f) => lintFile(f, rules)));
    const guarded = (work: () => void) => {
      try {
        work();
        finishIfDone();
      } catch (error) {
        done = true;
        reject(error);
      }
    };
    for (let t = 1; t < threads; t++) {
      const worker = new Worker(script, { workerData: { cableLintWorker: true, rules } });
      inFlight.set(worker, []);
      worker.on('message', (reply: WorkerReply) => {
        const pending = inFlight.get(worker);
        if (!pending) return;
        pending.splice(pending.findIndex((r) => r.start === reply.start), 1);
        guarded(() => {
          store(reply.start, reply.outcomes);
          send(worker);
        });
      });
      // An uncaught error in a worker is followed by 'exit'; the listener keeps it from being rethrown here.
      worker.on('error', () => undefined);
      worker.on('exit', () => {
        const pending = inFlight.get(worker);
        if (!pending) return; // terminated by finishIfDone
        inFlight.delete(worker);
        guarded(() => pending.forEach(lintHere));
      });
      send(worker);
      send(worker);
    }
    // This thread's share: a chunk at a time, yielding in between so worker replies are taken
    // (and the progress bar redrawn) while it works.
    const work = () => {
      if (done) return;
      const request = nextChunk();
      if (!request) return;
      guarded(() => lintHere(request));
      setImmediate(work);
    };
    setImmediate(work);
  });
}

/** The body of a worker thread: lint each chunk it is sent and send the outcomes back. */
function serveAsWorker(rules: RuleSettings): void {
  parentPort!.on('message', (request: WorkerRequest) => {
    const reply: WorkerReply = { start: request.start, outcomes: request.files.map((f) => lintFile(f, rules)) };
    parentPort!.postMessage(reply);
  });
}

/**
 * One line on the terminal, redrawn in place with \r at most every PROGRESS_INTERVAL_MS and cut
 * to the terminal's width (a wrapped line could not be redrawn); `clear` erases it before anything
 * else is written to the terminal and at the end.
 */
class ProgressBar {
  readonly #terminal: Terminal;
  readonly #files: number;
  readonly #bytes: number;
  readonly #threads: number;
  readonly #start = Date.now();
  #drawnAt = 0;
  #shown = false;

  constructor(terminal: Terminal, files: number, bytes: number, threads: number) {
    this.#terminal = terminal;
    this.#files = files;
    this.#bytes = bytes;
    this.#threads = threads;
  }

  update(files: number, bytes: number): void {
    const now = Date.now();
    // Throttled even after a clear, so a report streaming to the same terminal does not make the bar flicker.
    if (now - this.#drawnAt < PROGRESS_INTERVAL_MS && files < this.#files) return;
    this.#drawnAt = now;
    this.#shown = true;
    const width = Math.max(20, (this.#terminal.columns || 80) - 1);
    this.#terminal.write(`\r${progressLine(files, this.#files, bytes, this.#bytes, (now - this.#start) / 1000, this.#threads).slice(0, width)}\x1b[K`);
  }

  clear(): void {
    if (!this.#shown) return;
    this.#terminal.write('\r\x1b[K');
    this.#shown = false;
  }
}

/** `[#####-------] 512/1420 files  6.1/17.0 MB  312 files/s  ETA 0:03  2 threads` */
export function progressLine(files: number, totalFiles: number, bytes: number, totalBytes: number, seconds: number, threads = 1): string {
  // Cables vary from 1 KB to megabytes, so the share of bytes predicts the time left better than the share of files.
  const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : totalFiles > 0 ? files / totalFiles : 1;
  const filled = Math.round(share * 12);
  const rate = seconds > 0 ? files / seconds : 0;
  const eta = share > 0 && seconds > 0 ? clock((seconds * (1 - share)) / share) : '--:--';
  return `[${'#'.repeat(filled)}${'-'.repeat(12 - filled)}] ${files}/${totalFiles} files  ${(bytes / 1e6).toFixed(1)}/${(totalBytes / 1e6).toFixed(1)} MB  ${rate.toFixed(0)} files/s  ETA ${eta}  ${threads} thread${threads === 1 ? '' : 's'}`;
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** A file as given; a directory's cable files, recursively; a glob's matches. */
export function expandArgument(arg: string): string[] {
  if (/[*?]/.test(arg)) {
    const parts = arg.split(/[\\/]/);
    const fixed: string[] = [];
    while (parts.length > 0 && !/[*?]/.test(parts[0])) fixed.push(parts.shift()!);
    const base = fixed.join('/') || '.';
    const pattern = globPattern(parts.join('/'));
    return walk(base).filter((f) => pattern.test(path.relative(base, f).split(path.sep).join('/'))).sort();
  }
  try {
    if (statSync(arg).isDirectory()) return walk(arg).filter((f) => /\.(cable|tel|txt)$/i.test(f)).sort();
  } catch {
    // A missing file is reported when it is read.
  }
  return [arg];
}

function walk(dir: string, found: string[] = []): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(full, found);
    } else if (e.isFile()) {
      found.push(full);
    }
  }
  return found;
}

/** `**` any folders, `*` within a name, `?` one character; everything else literal. */
function globPattern(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      source += '(?:[^/]*/)*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const SARIF_LEVEL: Readonly<Record<string, string>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0: one run, every rule's metadata, one result per diagnostic. */
export function toSarif(results: readonly FileResult[], settings: RuleSettings): object {
  const index = new Map(RULES.map((r, i) => [r.code, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cable-lint',
          version: VERSION,
          rules: RULES.map((r) => {
            const level = severityFor(r, settings);
            return {
              id: r.code,
              name: r.code.replace(/^cable\//, ''),
              shortDescription: { text: r.description },
              fullDescription: { text: `${r.description} Example: ${r.example}` },
              help: { text: r.why },
              defaultConfiguration: level === 'off' ? { enabled: false } : { level: SARIF_LEVEL[level] },
            };
          }),
        },
      },
      artifacts: results.map((r) => ({ location: { uri: toUri(r.file) } })),
      results: results.flatMap((r, artifactIndex) => r.diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: index.get(d.code),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: toUri(r.file), index: artifactIndex },
            region: { startLine: d.line, startColumn: d.character, endLine: d.endLine, endColumn: d.endCharacter },
          },
        }],
      }))),
    }],
  };
}

function toUri(file: string): string {
  return file.split(path.sep).map(encodeURIComponent).join('/');
}

/** Counts per rule, per classification and per station, gathered file by file. */
class RunSummary {
  readonly #rules = new Map<string, number>();
  readonly #classifications = new Map<string, number>();
  readonly #stations = new Map<string, number>();
  #files = 0;
  #cables = 0;

  add(r: FileResult): void {
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    this.#files++;
    for (const d of r.diagnostics) count(this.#rules, `${d.severity} ${d.code}`);
    for (const c of r.cables) {
      this.#cables++;
      count(this.#classifications, c.classification ?? '(none)');
      count(this.#stations, c.referenceId ? stationOf(c.referenceId) : '(unknown)');
    }
  }

  render(): string {
    const table = (title: string, map: Map<string, number>) =>
      [`${title}:`, ...[...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `  ${String(v).padStart(6)}  ${k}`)].join('\n');
    return [`${this.#files} files, ${this.#cables} cables`, table('diagnostics per rule', this.#rules), table('cables per classification', this.#classifications), table('cables per station', this.#stations)].join('\n');
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

// A worker thread runs this same file (the bundle, once built), so the check comes first: in a
// worker, require.main is this module as well.
if (!isMainThread && (workerData as { cableLintWorker?: boolean } | null)?.cableLintWorker) {
  serveAsWorker((workerData as { rules: RuleSettings }).rules);
} else if (require.main === module) {
  void main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`), {
    terminal: process.stderr.isTTY ? process.stderr : undefined,
    stdoutIsTerminal: process.stdout.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}

/** `08STATE125608` → `STATE`. */
function stationOf(referenceId: string): string {
  let end = referenceId.length;
  while (end > 0 && referenceId.charCodeAt(end - 1) >= 48 && referenceId.charCodeAt(end - 1) <= 57) end--;
  return referenceId.slice(2, end);
}
