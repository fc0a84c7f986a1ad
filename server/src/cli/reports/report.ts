import type { RuleSettings } from '../../analysis/settings';
import type { FileResult } from '../lint';

/**
 * One output format's report of a run. `add` is called once per file in file order, whichever
 * thread linted it, and should print that file's part as it arrives rather than keep it, so memory
 * does not grow with the report; `finish` prints whatever the format can only print at the end.
 */
export interface Report {
  add(result: FileResult): void;
  finish(): void;
}

export interface ReportFormat {
  /** The report's output is a document for programs (JSON, SARIF), so the run summary goes to stderr instead. */
  readonly isDocument: boolean;
  /** `out` prints one line (a newline is added). */
  create(out: (line: string) => void, rules: RuleSettings): Report;
}
