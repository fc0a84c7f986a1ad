import type { RuleSettings } from '../../analysis/settings';
import type { FileResult } from '../lint';

/**
 * One output format's report of a run. `add` is called once per file in file order, whichever
 * thread linted it, and should print that file's part as it arrives rather than keep it, so memory
 * does not grow with the report; `finish` prints whatever the format can only print at the end.
 */
export interface Report {
  add(result: FileResult): void;
  finish(): void | Promise<void>;
  /** Called instead of `finish` when the run stops early or fails: drop what is half made. */
  abandon?(): void | Promise<void>;
}

export interface ReportContext {
  readonly rules: RuleSettings;
  /** The file of --output, for formats that write a file themselves (sqlite). */
  readonly outputFile?: string;
  /** Whether records carry body and paragraph texts (--text). */
  readonly text: boolean;
  /** The script a helper thread runs (the CLI bundle); the format's own module by default. */
  readonly script?: string;
}

export interface ReportFormat {
  /** The format writes --output itself rather than lines to stdout, so it needs a file (sqlite). */
  readonly needsFile?: boolean;
  /** Records carry texts whatever --text says (sqlite: the full-text index). */
  readonly alwaysText?: boolean;
  /** Each file's reading view is rendered (html). */
  readonly rendersHtml?: boolean;
  /** `out` prints one line (a newline is added). */
  create(out: (line: string) => void, context: ReportContext): Report;
}
