import { parseRuleSettings, type RuleSettings } from '../analysis/settings';
import { FORMATS, type FormatName, isFormatName } from './reports/formats';
import { defaultJobs, PARALLEL_MIN_BYTES, PARALLEL_MIN_FILES } from './workers';

export const usage = (): string => `Usage: cable-lint [options] FILE|DIR|GLOB...

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
2 a file could not be read, a rule failed on a file (an internal error, on stderr) or the
arguments were wrong (the other files are still processed).`;

/** What a lint run was asked for. */
export interface RunOptions {
  readonly format: FormatName;
  readonly summary: boolean;
  readonly quiet: boolean;
  readonly jobs: number;
  readonly rules: RuleSettings;
  /** FILE|DIR|GLOB arguments, as given. */
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

export function parseArguments(argv: readonly string[]): ParsedArguments {
  let format: FormatName = 'text';
  let summary = false;
  let quiet = false;
  let jobs = defaultJobs();
  let rules: RuleSettings = {};
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      return { print: 'help' };
    } else if (arg === '--version') {
      return { print: 'version' };
    } else if (arg === '--demo') {
      return { print: 'demo' };
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (value === undefined || !isFormatName(value))
        return { error: `cable-lint: --format takes ${alternatives(Object.keys(FORMATS))}, not ${value ?? 'nothing'}` };
      format = value;
    } else if (arg === '--summary') {
      summary = true;
    } else if (arg === '--quiet' || arg === '-q') {
      quiet = true;
    } else if (arg === '--jobs' || arg === '-j' || arg.startsWith('--jobs=')) {
      const value = arg.includes('=') ? arg.slice(7) : argv[++i];
      const n = Number(value);
      if (!value || !Number.isInteger(n) || n < 1)
        return { error: `cable-lint: --jobs takes a whole number of threads, 1 or more, not ${value ?? 'nothing'}` };
      jobs = n;
    } else if (arg === '--rules' || arg.startsWith('--rules=')) {
      const value = arg.includes('=') ? arg.slice(8) : argv[++i];
      const parsed = parseRuleSettings(value ?? '');
      if ('error' in parsed) return { error: `cable-lint: --rules: ${parsed.error}` };
      rules = parsed.settings;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `cable-lint: unknown option ${arg}\n${usage()}` };
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) return { error: usage() };
  return { run: { format, summary, quiet, jobs, rules, paths } };
}

/** `a, b or c`. */
function alternatives(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}
