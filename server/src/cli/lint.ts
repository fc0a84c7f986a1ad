import { parse } from '../cable/parse';
import type { RuleSettings } from '../analysis/settings';
import { computeDiagnostics, describeRuleFailure, type LintDiagnostic } from '../diagnostics/engine';
import { ENGINE_MAX_FILE_BYTES, readCableFile, STDIN_NAME } from './files';
import { type CableRecord, cableRecord } from './records';
import { renderPreview } from '../features/preview/render';

export interface FileResult {
  readonly file: string;
  readonly cables: CableRecord[];
  readonly diagnostics: LintDiagnostic[];
  /** The reading view of the file's cables (--format html). */
  readonly html?: string;
}

/** How a file is linted: the same in every thread. Plain data, so it crosses threads. */
export interface LintOptions {
  readonly rules: RuleSettings;
  /** Body and paragraph texts in the records (--text; SQLite always). */
  readonly text: boolean;
  /** Larger files are refused with a message (--max-file-size). */
  readonly maxFileBytes: number;
  /** Render the reading view (--format html). */
  readonly html?: boolean;
}

export const DEFAULT_LINT_OPTIONS: LintOptions = { rules: {}, text: false, maxFileBytes: ENGINE_MAX_FILE_BYTES };

/** What linting one file gives: its result, or why it could not be read. Plain data, so it crosses threads. */
export type Outcome =
  | { readonly error: string; readonly bytes: number }
  | { readonly result: FileResult; readonly warning?: string; readonly internalErrors?: readonly string[]; readonly bytes: number };

export function lintFile(file: string, options: LintOptions): Outcome {
  const read = readCableFile(file, options.maxFileBytes);
  if ('error' in read) return { error: read.error, bytes: read.bytes ?? 0 };
  const name = file === '-' ? STDIN_NAME : file;
  const model = parse(read.text);
  // A rule that throws loses its findings on this file: said on stderr, and in the exit status.
  const internalErrors: string[] = [];
  const diagnostics = computeDiagnostics(model, options.rules, (code, error) =>
    internalErrors.push(`${name}: ${describeRuleFailure(code, error)}`),
  );
  // A file in which nothing of a telegram is recognised holds no cable (`hello world`), not a cable without an id.
  const result: FileResult = {
    file: name,
    cables: model.cables.filter((c) => c.recognized).map((c) => cableRecord(model, c, options)),
    diagnostics,
    ...(options.html ? { html: renderPreview(model) } : {}),
  };
  return {
    result,
    bytes: read.bytes,
    ...(read.warning ? { warning: read.warning } : {}),
    ...(internalErrors.length > 0 ? { internalErrors } : {}),
  };
}
