import type { Range } from '../cable/model';

/** A change to the text in model coordinates: what a quick fix applies. */
export interface Edit {
  readonly range: Range;
  readonly newText: string;
}

/** A quick fix, when the correct text is clear: one or more replacements. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
}

export function replace(title: string, range: Range, newText: string): Fix {
  return { title, edits: [{ range, newText }] };
}

/** What a diagnostic carries in `Diagnostic.data`, so its code action needs no second run of the rules. */
export interface DiagnosticData {
  readonly fix?: Fix;
}
