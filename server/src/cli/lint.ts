import { dtgToIso } from '../cable/dates';
import type { Cable, ReferenceKind } from '../cable/model';
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
  /** The classification level as the cable writes it (`LIMITED OFFICIAL USE`, `UNCLAS`). */
  readonly classificationAsWritten: string | null;
  /** REF entries: `id` only where the entry cites a real telegram id, never made up from other text. */
  readonly references: readonly ReferenceSummary[];
  /** Set when the header and the text name different telegrams: `referenceId` follows the header. */
  readonly conflict: { readonly header: string; readonly text: string } | null;
  readonly paragraphs: readonly { number: string; marking: string | null; line: number }[];
  readonly range: { startLine: number; endLine: number };
}

export interface ReferenceSummary {
  readonly letter: string | null;
  readonly text: string;
  readonly kind: ReferenceKind;
  readonly id: string | null;
}

export function summarize(cable: Cable): CableSummary {
  const dtg = cable.dtg?.token.value;
  return {
    referenceId: cable.referenceId ?? null,
    classification: cable.classification.label ?? null,
    classificationAsWritten: cable.classification.written ?? null,
    caveats: cable.classification.caveats,
    dtg: dtg ? (dtgToIso(dtg) ?? cable.dtg.token.text) : null,
    from: cable.header?.from?.address?.text ?? null,
    tags: cable.tags?.tags.map((t) => t.value) ?? [],
    subject: cable.subject?.text ?? null,
    references:
      cable.references?.entries.map((e) => ({
        letter: e.letter ? withoutClosingPunctuation(e.letter.text) : null,
        text: e.text,
        kind: e.kind,
        id: e.cable?.referenceId ?? null,
      })) ?? [],
    conflict: cable.conflict ? { header: cable.conflict.header, text: cable.conflict.text } : null,
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
  // A file in which nothing of a telegram is recognised holds no cable (`hello world`), not a cable without an id.
  const result = { file, cables: model.cables.filter((c) => c.recognized).map(summarize), diagnostics };
  return {
    result,
    bytes: read.bytes,
    ...(read.warning ? { warning: read.warning } : {}),
    ...(internalErrors.length > 0 ? { internalErrors } : {}),
  };
}

/** `A.` or `A)` → `A`; a loop, not a regex: a run of `.` and `)` would make `/[.)]+$/` backtrack. */
function withoutClosingPunctuation(letter: string): string {
  let end = letter.length;
  while (end > 0 && (letter[end - 1] === '.' || letter[end - 1] === ')')) end--;
  return letter.slice(0, end);
}
