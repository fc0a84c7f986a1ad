import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from '../lsp';
import type { CableFile } from '../cable/model';
import { cableFindings, type RatedFinding, type RuleSettings } from '../diagnostics/engine';
import { memoCableFromText } from './memo';
import type { Fix, Severity } from '../diagnostics/types';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a quick fix needs, carried in `Diagnostic.data` so code actions need no second run. */
export interface DiagnosticData {
  readonly fix?: Fix;
}

/** LSP diagnostics for a model; `rulesPage` is where codeDescription links point (none when unknown). */
export function diagnostics(file: CableFile, uri: string, rules: RuleSettings, rulesPage: string | undefined): Diagnostic[] {
  // Per cable, so that after an edit only the cables it touched are checked again.
  const key = `diagnostics:${uri}:${rulesPage}:${JSON.stringify(rules)}`;
  return file.cables.flatMap((cable) => memoCableFromText(cable, key, (c) => cableFindings(c, file, rules).map((f) => toDiagnostic(f, uri, rulesPage))));
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
