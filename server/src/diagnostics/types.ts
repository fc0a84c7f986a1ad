import type { Fix } from '../analysis/edits';
import type { Cable, CableFile, Range } from '../cable/model';
import type { Severity } from '../analysis/settings';

/** What a rule reports, in model coordinates; the engine adds the severity. */
export interface Finding {
  readonly code: string;
  readonly range: Range;
  readonly message: string;
  readonly related?: readonly { readonly range: Range; readonly message: string }[];
  /** A quick fix, when the correct text is clear: one or more replacements. */
  readonly fix?: Fix;
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
