import type { FileResult } from '../lint';
import type { Report, ReportFormat } from './report';

/** A line per cable (reference id, classification, date, subject, paragraphs) and a line per diagnostic. */
class TextReport implements Report {
  constructor(readonly out: (line: string) => void) {}

  add(r: FileResult): void {
    if (r.cables.length === 0) this.out(`${r.file}: holds no cable`);
    for (const c of r.cables) {
      this.out(
        `${r.file}:${c.range.startLine}: ${c.referenceId ?? '(no reference id)'} ${c.classification ?? '(no classification)'}${c.dtg ? ` ${c.dtg}` : ''}${c.subject ? ` — ${c.subject}` : ''} (${c.paragraphs.length} paragraphs)`,
      );
    }
    for (const d of r.diagnostics) this.out(`${r.file}:${d.line}:${d.character}: ${d.severity} ${d.code} ${d.message}`);
  }

  finish(): void {}
}

export const textFormat: ReportFormat = {
  create: (out) => new TextReport(out),
};
