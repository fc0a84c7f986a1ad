/**
 * `cable-lint`, bundled as dist/cli.js: `main` runs one command line; the entry logic at the end
 * runs it for the process, or serves as a lint worker in the threads a large run starts.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { parseArguments, type Printable, type RunOptions, SEVERITIES, usage } from './arguments';
import { runDemo } from './demo';
import { expandArguments, totalBytes } from './files';
import { lintFile, type LintOptions, type Outcome } from './lint';
import { Output } from './output';
import { ProgressBar, type Terminal } from './progress';
import { FORMATS } from './reports/formats';
import type { Report } from './reports/report';
import { RunSummary } from './reports/summary';
import { VERSION } from './version';
import { isLarge, isLintWorker, lintInWorkers, serveAsWorker } from './workers';

export interface MainOptions {
  readonly terminal?: Terminal;
  /** Whether stdout is the same terminal, so the bar must be erased before the report is printed. */
  readonly stdoutIsTerminal?: boolean;
  /** The script a worker thread runs; this file by default (the bundle, dist/cli.js, when bundled). */
  readonly workerScript?: string;
  /** Whether `out` can no longer be written (its reader went away): the run stops. */
  readonly closed?: () => boolean;
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
  let failing = 0;

  const large = isLarge(files);
  // Standard input can be read once, by this thread.
  const threads = large && run.jobs > 1 && !files.includes('-') ? Math.min(run.jobs, files.length) : 1;
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
  const lintOptions: LintOptions = {
    rules: run.rules,
    text: !run.summaryOnly && (run.text || format.alwaysText === true),
    maxFileBytes: run.maxFileBytes,
    html: format.rendersHtml === true,
  };
  let fileOutput: Output | undefined;
  let report: Report | undefined;
  try {
    if (!run.summaryOnly && run.output && format.needsFile !== true) fileOutput = Output.file(run.output);
    if (!run.summaryOnly)
      report = format.create(fileOutput?.line ?? print, {
        rules: run.rules,
        outputFile: run.output,
        text: lintOptions.text,
        script: options.workerScript ?? __filename,
      });
  } catch (e) {
    err(`cable-lint: ${run.output ?? 'output'}: ${(e as Error).message}`);
    return 2;
  }
  const counts = run.summary || run.summaryOnly || run.summaryFile ? new RunSummary() : undefined;
  // The reader of stdout went away, or the output file cannot be written: nobody gets the rest.
  const stopped = () => (!fileOutput && options.closed?.() === true) || fileOutput?.closed === true;
  const shown = SEVERITIES.indexOf(run.minSeverity);
  const fails = run.failOn === 'never' ? Infinity : SEVERITIES.indexOf(run.failOn);
  let done = 0;
  let bytesDone = 0;
  // Called once per file in file order, whichever thread linted it, so stdout and stderr are the
  // same for any --jobs. Results are printed as they come and not kept (SARIF aside), so memory
  // does not grow with the report.
  const take = (outcome: Outcome) => {
    if (stopped()) return;
    if ('error' in outcome) {
      say(`cable-lint: ${outcome.error}`);
      unreadable++;
      return;
    }
    if (outcome.warning && !run.quiet) say(`cable-lint: warning: ${outcome.warning}`);
    for (const internal of outcome.internalErrors ?? []) say(`cable-lint: internal error: ${internal}`);
    if (outcome.internalErrors) unreadable++;
    let result = outcome.result;
    for (const d of result.diagnostics) if (SEVERITIES.indexOf(d.severity) >= fails) failing++;
    if (shown > 0) result = { ...result, diagnostics: result.diagnostics.filter((d) => SEVERITIES.indexOf(d.severity) >= shown) };
    report?.add(result);
    counts?.add(result);
  };
  const tick = (outcome: Outcome) => {
    done++;
    bytesDone += outcome.bytes;
    progress?.update(done, bytesDone);
  };
  progress?.update(0, 0);
  try {
    if (threads > 1) {
      await lintInWorkers(files, lintOptions, threads, options.workerScript ?? __filename, take, tick, stopped);
    } else {
      for (const file of files) {
        if (stopped()) break;
        const outcome = lintFile(file, lintOptions);
        tick(outcome);
        take(outcome);
      }
    }
    progress?.clear();
    if (stopped()) await report?.abandon?.();
    else await report?.finish();
    fileOutput?.close();
  } catch (e) {
    progress?.clear();
    let message = (e as Error).message;
    try {
      await report?.abandon?.();
    } catch (reason) {
      message = (reason as Error).message;
    }
    err(`cable-lint: ${run.output ?? 'output'}: ${message}`);
    return 2;
  }
  if (fileOutput?.error) {
    err(`cable-lint: ${run.output}: ${fileOutput.error}`);
    return 2;
  }
  if (counts && !stopped()) {
    const summary = run.format === 'json' || run.format === 'jsonl' ? counts.renderJson() : counts.render();
    if (run.summaryFile) {
      try {
        writeFileSync(run.summaryFile, `${summary}\n`);
      } catch (e) {
        err(`cable-lint: ${run.summaryFile}: ${(e as Error).message}`);
        return 2;
      }
    } else if (run.summaryOnly) out(summary);
    else err(summary);
  }
  if (unreadable > 0) return 2;
  return failing > 0 ? 1 : 0;
}

// A worker thread runs this same file (the bundle, once built), so the check comes first: in a
// worker, require.main is this module as well.
if (isLintWorker()) {
  serveAsWorker();
} else if (isMainThread && require.main === module) {
  const stdoutIsTerminal = process.stdout.isTTY === true;
  const stdout = Output.stdout(stdoutIsTerminal);
  // Messages to a closed stderr are lost, not a crash.
  process.stderr.on('error', () => undefined);
  void main(process.argv.slice(2), stdout.line, (s) => process.stderr.write(`${s}\n`), {
    terminal: process.stderr.isTTY ? process.stderr : undefined,
    stdoutIsTerminal,
    closed: () => stdout.closed,
  }).then((code) => {
    stdout.flush();
    process.exitCode = code;
  });
}
