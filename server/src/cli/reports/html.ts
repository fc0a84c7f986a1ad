import { PREVIEW_CSS } from '../../features/preview/page';
import { escapeHtml } from '../../features/preview/render';
import type { FileResult } from '../lint';
import type { Report, ReportFormat } from './report';

/**
 * One readable page for the run: each file's cables decoded as the editor's preview shows them
 * (header card, banner, paragraphs, page headers folded away), under the file's name. Printed
 * file by file as the results come; no script, no remote content.
 */
class HtmlReport implements Report {
  private files = 0;

  constructor(readonly out: (line: string) => void) {
    out('<!DOCTYPE html>');
    out('<html lang="en">');
    out('<head>');
    out('<meta charset="utf-8">');
    out(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">`);
    out('<meta name="viewport" content="width=device-width, initial-scale=1">');
    out('<title>cable-lint</title>');
    out(`<style>${PREVIEW_CSS}</style>`);
    out('</head>');
    out('<body>');
    out('<main>');
  }

  add(r: FileResult): void {
    this.files++;
    this.out(`<section class="file" id="file-${this.files}"><h2 class="file-name">${escapeHtml(r.file)}</h2>`);
    this.out(r.cables.length === 0 ? `<p class="muted">holds no cable</p>` : (r.html ?? ''));
    this.out('</section>');
  }

  finish(): void {
    this.out('</main>');
    this.out('</body>');
    this.out('</html>');
  }
}

export const htmlFormat: ReportFormat = {
  rendersHtml: true,
  create: (out) => new HtmlReport(out),
};
