import type { Cable, CableFile } from '../cable/model';
import { RULES } from './rules';
import type { Finding, Rule, Severity, SeveritySetting } from './types';

export type RuleSettings = Readonly<Record<string, SeveritySetting>>;

export interface RatedFinding extends Finding {
  readonly severity: Severity;
}

const SETTINGS: readonly string[] = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * The configured severity of a rule: an exact code wins over a family prefix (`cable/tags-*`),
 * a longer prefix over a shorter one; otherwise the rule's default.
 */
export function severityFor(rule: Rule, settings: RuleSettings): SeveritySetting {
  const exact = settings[rule.code];
  if (exact && SETTINGS.includes(exact)) return exact;
  let best: { length: number; value: SeveritySetting } | undefined;
  for (const [key, value] of Object.entries(settings)) {
    if (!key.endsWith('*') || !SETTINGS.includes(value)) continue;
    const prefix = key.slice(0, -1);
    if (rule.code.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, value };
  }
  return best?.value ?? rule.defaultSeverity;
}

/** Runs every enabled rule over every cable, in document order. */
export function runRules(file: CableFile, settings: RuleSettings, rules: readonly Rule[] = RULES): RatedFinding[] {
  return file.cables.flatMap((cable) => cableFindings(cable, file, settings, rules));
}

/**
 * Every enabled rule over one cable, in document order. A rule reads only its cable (and that
 * cable's lines), so the result can be cached per cable. A rule that throws is skipped, never fatal.
 */
export function cableFindings(cable: Cable, file: CableFile, settings: RuleSettings, rules: readonly Rule[] = RULES): RatedFinding[] {
  const findings: RatedFinding[] = [];
  for (const rule of rules) {
    const severity = severityFor(rule, settings);
    if (severity === 'off') continue;
    let found: Finding[];
    try {
      found = rule.check(cable, file);
    } catch {
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

export function computeDiagnostics(file: CableFile, settings: RuleSettings): LintDiagnostic[] {
  return runRules(file, settings).map((f) => ({
    line: f.range.start.line + 1,
    character: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endCharacter: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  }));
}

/** Reads a `{ "code or prefix*": "off|hint|information|warning|error" }` map from JSON text or a value. */
export function parseRuleSettings(input: unknown): { settings: RuleSettings } | { error: string } {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return { error: 'expected a JSON object such as {"cable/tags-unknown":"off"}' };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'expected a JSON object of rule codes to severities' };
  const settings: Record<string, SeveritySetting> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string' || !SETTINGS.includes(v)) return { error: `${key}: expected one of ${SETTINGS.join(', ')}` };
    settings[key] = v as SeveritySetting;
  }
  return { settings };
}

export { RULES };
