import type { RuleSettings, Severity, SeveritySetting } from '../analysis/settings';
import { SEVERITY_SETTINGS } from '../analysis/settings';
import type { Cable, CableFile } from '../cable/model';
import { RULES } from './rules';
import type { Finding, Rule } from './types';

export interface RatedFinding extends Finding {
  readonly severity: Severity;
}

/** A rule that threw: its findings are missing, which the caller must make known (a log, stderr). */
export type RuleFailureHandler = (code: string, error: unknown) => void;

/**
 * The configured severity of a rule: an exact code wins over a family prefix (`cable/tags-*`),
 * a longer prefix over a shorter one; otherwise the rule's default.
 */
export function severityFor(rule: Rule, settings: RuleSettings): SeveritySetting {
  const exact = settings[rule.code];
  if (exact && SEVERITY_SETTINGS.includes(exact)) return exact;
  let best: { length: number; value: SeveritySetting } | undefined;
  for (const [key, value] of Object.entries(settings)) {
    if (!key.endsWith('*') || !SEVERITY_SETTINGS.includes(value)) continue;
    const prefix = key.slice(0, -1);
    if (rule.code.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, value };
  }
  return best?.value ?? rule.defaultSeverity;
}

/** Runs every enabled rule over every cable, in document order. */
export function runRules(
  file: CableFile,
  settings: RuleSettings,
  onFailure: RuleFailureHandler,
  rules: readonly Rule[] = RULES,
): RatedFinding[] {
  return file.cables.flatMap((cable) => cableFindings(cable, file, settings, onFailure, rules));
}

/**
 * Every enabled rule over one cable, in document order. A rule reads only its cable (and that
 * cable's lines), so the result can be cached per cable. A rule that throws costs its own findings
 * only, and is handed to `onFailure`: a bug to fix, never a crash of the server or the CLI.
 */
export function cableFindings(
  cable: Cable,
  file: CableFile,
  settings: RuleSettings,
  onFailure: RuleFailureHandler,
  rules: readonly Rule[] = RULES,
): RatedFinding[] {
  const findings: RatedFinding[] = [];
  for (const rule of rules) {
    const severity = severityFor(rule, settings);
    if (severity === 'off') continue;
    let found: Finding[];
    try {
      found = rule.check(cable, file);
    } catch (error) {
      onFailure(rule.code, error);
      continue;
    }
    for (const f of found) findings.push({ ...f, severity });
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** A diagnostic for the CLI: 1-based lines and columns. */
export interface LintDiagnostic {
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export function computeDiagnostics(file: CableFile, settings: RuleSettings, onFailure: RuleFailureHandler): LintDiagnostic[] {
  return runRules(file, settings, onFailure).map((f) => ({
    line: f.range.start.line + 1,
    character: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endCharacter: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  }));
}

/** How a rule failure reads in a log: the rule, then the error with its stack where there is one. */
export function describeRuleFailure(code: string, error: unknown): string {
  return `rule ${code} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

export { RULES };
