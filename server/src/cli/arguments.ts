import { parseRuleSettings, type RuleSettings, type Severity } from '../analysis/settings';
import { ENGINE_MAX_FILE_BYTES } from './files';
import { FORMATS, type FormatName, isFormatName } from './reports/formats';
import { defaultJobs, PARALLEL_MIN_BYTES, PARALLEL_MIN_FILES } from './workers';

export const usage = (): string => `Usage: cable-lint [options] FILE|DIR|GLOB|-...

Parses US State Department cables and prints their metadata and diagnostics.
A directory is searched for *.cable, *.tel and *.txt files; a quoted glob ('corpus/**/*.txt') is
expanded here; - reads standard input. Files are reported in the order given, directories and
globs sorted by path.

Options:
  --format F           text (default), json (one document), jsonl (one cable per line),
                       csv (one cable per row, RFC 4180), sarif (SARIF 2.1.0, for code scanning),
                       sqlite (a database with full-text search; needs --output),
                       html (a readable page: each cable decoded, as the editor's preview)
  --output FILE, -o FILE   write the report to FILE instead of standard output
  --text               add each cable's body text (and each paragraph's) to json, jsonl and csv
  --rules JSON         severity per rule code or family prefix, e.g. '{"cable/tags-*":"off"}'
  --min-severity S     report diagnostics of severity S and above: error, warning, information
                       or hint (default: hint, all of them)
  --fail-on S          exit 1 when a diagnostic of this severity or above is found: error
                       (default), warning, information, hint, or never
  --summary            counts per rule, classification, station, year and TAG, on stderr after
                       the report (JSON for json and jsonl), whatever the format
  --summary-only       the summary alone, on standard output
  --summary-file FILE  the summary into FILE instead
  --max-file-size MB   refuse larger files with a message (default and most: ${Math.floor(ENGINE_MAX_FILE_BYTES / 1e6)} MB,
                       the longest text the JavaScript engine holds)
  --jobs N, -j N       threads for a large run: this one and N-1 workers (default: 1 on a
                       machine of 2 CPUs or fewer, where a second thread did not pay; else the
                       number of CPUs less one; here ${defaultJobs()}). The output is the same for any N.
  --quiet, -q          nothing on stderr but errors: no progress bar, no warnings
  --demo               show the outline, diagnostics and hovers of a bundled sample cable
  --version, --help

A large run is more than ${PARALLEL_MIN_FILES} files or ${PARALLEL_MIN_BYTES / 1e6} MB: it is linted in --jobs threads and, when
stderr is a terminal, shows a progress bar there (files, MB, files/s, time left) that is
erased at the end. Nothing but the report goes to stdout. When the reader of stdout goes away
(cable-lint … | head), the run stops quietly.

Exit codes: 0 no diagnostic at the --fail-on severity; 1 at least one (error level by default;
never with --fail-on never); 2 a file could not be read or was too large, a rule failed on a file
(an internal error, on stderr) or the arguments were wrong (the other files are still processed).`;

export type FailOn = Severity | 'never';

/** What a lint run was asked for. */
export interface RunOptions {
  readonly format: FormatName;
  /** undefined: standard output. */
  readonly output?: string;
  readonly text: boolean;
  readonly summary: boolean;
  readonly summaryOnly: boolean;
  readonly summaryFile?: string;
  readonly minSeverity: Severity;
  readonly failOn: FailOn;
  readonly maxFileBytes: number;
  readonly quiet: boolean;
  readonly jobs: number;
  readonly rules: RuleSettings;
  /** FILE|DIR|GLOB|- arguments, as given. */
  readonly paths: readonly string[];
}

/** What --help, --version and --demo print. */
export type Printable = 'help' | 'version' | 'demo';

/**
 * A lint run; or a text to print instead (exit code 0); or the message for wrong arguments (exit
 * code 2). Options are read left to right and the first of --help, --version, --demo or a wrong
 * option decides, whatever follows it.
 */
export type ParsedArguments = { readonly run: RunOptions } | { readonly print: Printable } | { readonly error: string };

/** Lowest first. */
export const SEVERITIES: readonly Severity[] = ['hint', 'information', 'warning', 'error'];

export function parseArguments(argv: readonly string[]): ParsedArguments {
  let format: FormatName = 'text';
  let output: string | undefined;
  let text = false;
  let summary = false;
  let summaryOnly = false;
  let summaryFile: string | undefined;
  let minSeverity: Severity = 'hint';
  let failOn: FailOn = 'error';
  let maxFileBytes = ENGINE_MAX_FILE_BYTES;
  let quiet = false;
  let jobs = defaultJobs();
  let rules: RuleSettings = {};
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const option = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    const value = () => (arg === option ? argv[++i] : arg.slice(option.length + 1));
    if (arg === '--help' || arg === '-h') {
      return { print: 'help' };
    } else if (arg === '--version') {
      return { print: 'version' };
    } else if (arg === '--demo') {
      return { print: 'demo' };
    } else if (option === '--format') {
      const v = value();
      if (v === undefined || !isFormatName(v))
        return { error: `cable-lint: --format takes ${alternatives(Object.keys(FORMATS))}, not ${v ?? 'nothing'}` };
      format = v;
    } else if (option === '--output' || option === '-o') {
      const v = value();
      if (!v) return { error: `cable-lint: ${option} takes a file name` };
      output = v === '-' ? undefined : v;
    } else if (arg === '--text') {
      text = true;
    } else if (arg === '--summary') {
      summary = true;
    } else if (arg === '--summary-only') {
      summaryOnly = true;
    } else if (option === '--summary-file') {
      const v = value();
      if (!v) return { error: 'cable-lint: --summary-file takes a file name' };
      summaryFile = v;
    } else if (option === '--min-severity') {
      const v = value();
      if (!v || !(SEVERITIES as readonly string[]).includes(v))
        return { error: `cable-lint: --min-severity takes ${alternatives(SEVERITIES)}, not ${v ?? 'nothing'}` };
      minSeverity = v as Severity;
    } else if (option === '--fail-on') {
      const v = value();
      const allowed = [...SEVERITIES, 'never'];
      if (!v || !allowed.includes(v))
        return {
          error: `cable-lint: --fail-on takes ${alternatives(['error', 'warning', 'information', 'hint', 'never'])}, not ${v ?? 'nothing'}`,
        };
      failOn = v as FailOn;
    } else if (option === '--max-file-size') {
      const v = value();
      const mb = Number(v);
      if (!v || !Number.isFinite(mb) || mb <= 0)
        return { error: `cable-lint: --max-file-size takes a number of MB above 0, not ${v ?? 'nothing'}` };
      // More than the engine holds would only move the failure into the decoder.
      maxFileBytes = Math.min(ENGINE_MAX_FILE_BYTES, Math.floor(mb * 1e6));
    } else if (arg === '--quiet' || arg === '-q') {
      quiet = true;
    } else if (option === '--jobs' || option === '-j') {
      const v = value();
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 1)
        return { error: `cable-lint: --jobs takes a whole number of threads, 1 or more, not ${v ?? 'nothing'}` };
      jobs = n;
    } else if (option === '--rules') {
      const parsed = parseRuleSettings(value() ?? '');
      if ('error' in parsed) return { error: `cable-lint: --rules: ${parsed.error}` };
      rules = parsed.settings;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `cable-lint: unknown option ${arg}\n${usage()}` };
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) return { error: usage() };
  if (FORMATS[format].needsFile === true && !output)
    return { error: `cable-lint: --format ${format} writes a file: give it with --output FILE` };
  if (paths.filter((p) => p === '-').length > 1) return { error: 'cable-lint: - (standard input) can be given once' };
  return {
    run: { format, output, text, summary, summaryOnly, summaryFile, minSeverity, failOn, maxFileBytes, quiet, jobs, rules, paths },
  };
}

/** `a, b or c`. */
function alternatives(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}
