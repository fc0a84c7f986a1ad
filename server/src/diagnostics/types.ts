import type { Cable, CableFile, Range } from '../cable/model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** What a rule reports, in model coordinates; the engine adds the severity. */
export interface Finding {
  readonly code: string;
  readonly range: Range;
  readonly message: string;
  readonly related?: readonly { readonly range: Range; readonly message: string }[];
  /** Replacement text for a quick fix, when the correct text is clear. */
  readonly fix?: { readonly title: string; readonly range: Range; readonly newText: string };
}

export interface Rule {
  /** Stable code, `cable/<family>-<what>`. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One line for docs/rules.md and the rule's hover. */
  readonly description: string;
  check(cable: Cable, file: CableFile): Finding[];
}
