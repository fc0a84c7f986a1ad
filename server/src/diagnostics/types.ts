import type { Cable, CableFile, Range } from '../cable/model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** What a rule reports, in model coordinates; the engine adds the severity. */
export interface Finding {
  readonly code: string;
  readonly range: Range;
  readonly message: string;
  readonly related?: readonly { readonly range: Range; readonly message: string }[];
  /** A quick fix, when the correct text is clear: one or more replacements. */
  readonly fix?: Fix;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly { readonly range: Range; readonly newText: string }[];
}

export function replace(title: string, range: Range, newText: string): Fix {
  return { title, edits: [{ range, newText }] };
}

export interface Rule {
  /** Stable code, `cable/<family>-<what>`. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** What the rule checks, one line (docs/rules.md). */
  readonly description: string;
  /** A short example of text it reports. */
  readonly example: string;
  /** Why it matters, and why this severity. */
  readonly why: string;
  check(cable: Cable, file: CableFile): Finding[];
}
