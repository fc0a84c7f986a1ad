import type { CancellationToken, Diagnostic, DocumentDiagnosticParams } from 'vscode-languageserver';
import { cableCacheFromText, forEveryCable } from '../analysis/cache';
import type { FeatureContext } from '../analysis/context';
import type { DiagnosticData } from '../analysis/edits';
import { profileOf, type RuleSettings, type Severity } from '../analysis/settings';
import { DiagnosticSeverity } from '../protocol/lsp';
import { cableFindings, describeRuleFailure, type RatedFinding } from './engine';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface CableDiagnostics {
  readonly diagnostics: Diagnostic[];
  /** Rules that threw on this cable, as log lines. */
  readonly failures: string[];
}

/** Per cable, so that after an edit only the cables it touched are checked again. */
const CABLE_DIAGNOSTICS = cableCacheFromText(
  'diagnostics',
  (cable, file, uri: string, rules: RuleSettings, rulesPage: string | undefined): CableDiagnostics => {
    const failures: string[] = [];
    const findings = cableFindings(cable, file, rules, (code, error) => failures.push(describeRuleFailure(code, error)));
    return { diagnostics: findings.map((f) => toDiagnostic(f, uri, rulesPage)), failures };
  },
);
/** Results whose failures were logged: once, when the cable is checked, not on every request that reads the result. */
const reported = new WeakSet<CableDiagnostics>();

/**
 * LSP diagnostics for a document, with the severities its settings give; none when they are turned
 * off; errors and warnings only in the `reading` profile.
 */
export function documentDiagnostics(
  context: FeatureContext,
  _params: Pick<DocumentDiagnosticParams, 'textDocument'>,
  token: CancellationToken,
): Diagnostic[] {
  const { file, uri, settings, rulesPage } = context;
  if (!settings.diagnostics.enable) return [];
  const args = [uri, settings.diagnostics.rules, rulesPage] as const;
  forEveryCable(file, CABLE_DIAGNOSTICS, token, ...args);
  const reading = profileOf(uri, settings) === 'reading';
  return file.cables.flatMap((cable) => {
    const result = CABLE_DIAGNOSTICS.get(cable, file, ...args);
    if (result.failures.length > 0 && !reported.has(result)) {
      reported.add(result);
      for (const failure of result.failures) context.log(failure);
    }
    return reading ? result.diagnostics.filter((d) => d.severity! <= DiagnosticSeverity.Warning) : result.diagnostics;
  });
}

function toDiagnostic(f: RatedFinding, uri: string, rulesPage: string | undefined): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'cable',
    message: f.message,
  };
  if (rulesPage) d.codeDescription = { href: `${rulesPage}#${f.code.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}` };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  const data: DiagnosticData = { fix: f.fix };
  if (f.fix) d.data = data;
  return d;
}
