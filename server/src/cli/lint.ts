import { dtgToIso } from '../cable/dates';
import type { Cable } from '../cable/model';
import { parse } from '../cable/parse';
import type { RuleSettings } from '../analysis/settings';
import { computeDiagnostics, describeRuleFailure, type LintDiagnostic } from '../diagnostics/engine';
import { readCableFile } from './files';

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
    dtg: dtg ? (dtgToIso(dtg) ?? cable.dtg.token.text) : null,
    from: cable.header?.from?.address?.text ?? null,
    tags: cable.tags?.tags.map((t) => t.value) ?? [],
    subject: cable.subject?.text ?? null,
    references: cable.references?.entries.map((e) => e.cable?.referenceId ?? e.text) ?? [],
    paragraphs: cable.paragraphs.map((p) => ({
      number: p.number.text,
      marking: p.marking?.text ?? null,
      line: p.number.range.start.line + 1,
    })),
    range: { startLine: cable.range.start.line + 1, endLine: cable.range.end.line + 1 },
  };
}

export interface FileResult {
  readonly file: string;
  readonly cables: CableSummary[];
  readonly diagnostics: LintDiagnostic[];
}

/** What linting one file gives: its result, or why it could not be read. Plain data, so it crosses threads. */
export type Outcome =
  | { readonly error: string; readonly bytes: number }
  | { readonly result: FileResult; readonly warning?: string; readonly internalErrors?: readonly string[]; readonly bytes: number };

export function lintFile(file: string, rules: RuleSettings): Outcome {
  const read = readCableFile(file);
  if ('error' in read) return { error: read.error, bytes: 0 };
  const model = parse(read.text);
  // A rule that throws loses its findings on this file: said on stderr, and in the exit status.
  const internalErrors: string[] = [];
  const diagnostics = computeDiagnostics(model, rules, (code, error) =>
    internalErrors.push(`${file}: ${describeRuleFailure(code, error)}`),
  );
  const result = { file, cables: model.cables.map(summarize), diagnostics };
  return {
    result,
    bytes: read.bytes,
    ...(read.warning ? { warning: read.warning } : {}),
    ...(internalErrors.length > 0 ? { internalErrors } : {}),
  };
}
