/**
 * `cable-lint`, bundled as dist/cli.js: `main` runs one command line; the entry logic at the end
 * runs it for the process, or serves as a lint worker in the threads a large run starts.
 */
import { parseArguments, type Printable, type RunOptions, usage } from './arguments';
import { runDemo } from './demo';
import { expandArguments, totalBytes } from './files';
import { lintFile, type Outcome } from './lint';
import { ProgressBar, type Terminal } from './progress';
import { FORMATS } from './reports/formats';
import { RunSummary } from './reports/summary';
import { VERSION } from './version';
import { isLarge, isLintWorker, lintInWorkers, serveAsWorker } from './workers';

export interface MainOptions {
  readonly terminal?: Terminal;
  /** Whether stdout is the same terminal, so the bar must be erased before the report is printed. */
  readonly stdoutIsTerminal?: boolean;
  /** The script a worker thread runs; this file by default (the bundle, dist/cli.js, when bundled). */
  readonly workerScript?: string;
}

const PRINTED: Readonly<Record<Printable, () => string>> = { help: usage, version: () => VERSION, demo: runDemo };

export async function main(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
  options: MainOptions = {},
): Promise<number> {
  const parsed = parseArguments(argv);
  if ('error' in parsed) {
    err(parsed.error);
    return 2;
  }
  if ('print' in parsed) {
    out(PRINTED[parsed.print]());
    return 0;
  }
  return lintRun(parsed.run, out, err, options);
}

async function lintRun(run: RunOptions, out: (s: string) => void, err: (s: string) => void, options: MainOptions): Promise<number> {
  const { files, problems } = expandArguments(run.paths);
  for (const problem of problems) err(`cable-lint: ${problem}`);
  let unreadable = problems.length;
  let errors = 0;

  const large = isLarge(files);
  const threads = large && run.jobs > 1 ? Math.min(run.jobs, files.length) : 1;
  const progress =
    large && options.terminal && !run.quiet ? new ProgressBar(options.terminal, files.length, totalBytes(files), threads) : undefined;
  const say = (s: string) => {
    progress?.clear();
    err(s);
  };
  // A report printed under the bar would be overwritten by the next frame.
  const print =
    options.stdoutIsTerminal && progress
      ? (s: string) => {
          progress.clear();
          out(s);
        }
      : out;
  const format = FORMATS[run.format];
  const report = format.create(print, run.rules);
  const counts = run.summary ? new RunSummary() : undefined;
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
    if (outcome.warning && !run.quiet) say(`cable-lint: warning: ${outcome.warning}`);
    for (const internal of outcome.internalErrors ?? []) say(`cable-lint: internal error: ${internal}`);
    if (outcome.internalErrors) unreadable++;
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
    await lintInWorkers(files, run.rules, threads, options.workerScript ?? __filename, take, tick);
  } else {
    for (const file of files) {
      const outcome = lintFile(file, run.rules);
      tick(outcome);
      take(outcome);
    }
  }
  progress?.clear();
  report.finish();
  if (counts) (format.isDocument ? err : out)(counts.render());
  if (unreadable > 0) return 2;
  return errors > 0 ? 1 : 0;
}

// A worker thread runs this same file (the bundle, once built), so the check comes first: in a
// worker, require.main is this module as well.
if (isLintWorker()) {
  serveAsWorker();
} else if (require.main === module) {
  void main(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
    {
      terminal: process.stderr.isTTY ? process.stderr : undefined,
      stdoutIsTerminal: process.stdout.isTTY === true,
    },
  ).then((code) => {
    process.exitCode = code;
  });
}
