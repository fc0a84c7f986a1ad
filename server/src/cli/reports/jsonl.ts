import type { FileResult } from '../lint';
import { diagnosticsPerCable } from './cableDiagnostics';
import type { Report, ReportFormat } from './report';

/** One JSON object per cable per line: `{"file", …the JSON format's cable fields, "diagnostics"}`. */
class JsonLinesReport implements Report {
  constructor(readonly out: (line: string) => void) {}

  add(r: FileResult): void {
    const diagnostics = diagnosticsPerCable(r);
    r.cables.forEach((cable, i) => this.out(JSON.stringify({ file: r.file, ...cable, diagnostics: diagnostics[i] })));
  }

  finish(): void {}
}

export const jsonlFormat: ReportFormat = {
  create: (out) => new JsonLinesReport(out),
};
