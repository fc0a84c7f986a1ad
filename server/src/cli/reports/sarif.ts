import path from 'node:path';
import type { RuleSettings } from '../../analysis/settings';
import { RULES, severityFor } from '../../diagnostics/engine';
import type { FileResult } from '../lint';
import { VERSION } from '../version';
import type { Report, ReportFormat } from './report';

/**
 * SARIF lists every file before any result, so its results are kept (as data, not text) until the
 * end; only their diagnostics, since the cables' summaries are not part of SARIF.
 */
class SarifReport implements Report {
  readonly #results: FileResult[] = [];

  constructor(
    readonly out: (line: string) => void,
    readonly rules: RuleSettings,
  ) {}

  add(r: FileResult): void {
    this.#results.push({ file: r.file, cables: [], diagnostics: r.diagnostics });
  }

  finish(): void {
    this.out(JSON.stringify(toSarif(this.#results, this.rules), null, 2));
  }
}

export const sarifFormat: ReportFormat = {
  create: (out, context) => new SarifReport(out, context.rules),
};

const SARIF_LEVEL: Readonly<Record<string, string>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0: one run, every rule's metadata, one result per diagnostic. */
export function toSarif(results: readonly FileResult[], settings: RuleSettings): object {
  const index = new Map(RULES.map((r, i) => [r.code, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cable-lint',
            version: VERSION,
            rules: RULES.map((r) => {
              const level = severityFor(r, settings);
              return {
                id: r.code,
                name: r.code.replace(/^cable\//, ''),
                shortDescription: { text: r.description },
                fullDescription: { text: `${r.description} Example: ${r.example}` },
                help: { text: r.why },
                defaultConfiguration: level === 'off' ? { enabled: false } : { level: SARIF_LEVEL[level] },
              };
            }),
          },
        },
        artifacts: results.map((r) => ({ location: { uri: toUri(r.file) } })),
        results: results.flatMap((r, artifactIndex) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: index.get(d.code),
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(r.file), index: artifactIndex },
                  region: { startLine: d.line, startColumn: d.character, endLine: d.endLine, endColumn: d.endCharacter },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

function toUri(file: string): string {
  return file.split(path.sep).map(encodeURIComponent).join('/');
}
