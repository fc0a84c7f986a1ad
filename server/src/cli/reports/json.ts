import type { FileResult } from '../lint';
import type { Report, ReportFormat } from './report';

/**
 * `{ "files": [FileResult…] }`, printed file by file. It comes out exactly as
 * `JSON.stringify({ files }, null, 2)` would print it, without that one string, which for a
 * quarter of a million cables would pass V8's string size limit.
 */
class JsonReport implements Report {
  // A file's entry waits for the next one, which says whether it takes a comma.
  #pending: string | undefined;

  constructor(readonly out: (line: string) => void) {}

  add(r: FileResult): void {
    if (this.#pending === undefined) this.out('{\n  "files": [');
    else this.out(`${this.#pending},`);
    this.#pending = `    ${JSON.stringify(r, null, 2).replace(/\n/g, '\n    ')}`;
  }

  finish(): void {
    if (this.#pending === undefined) {
      this.out(JSON.stringify({ files: [] }, null, 2));
    } else {
      this.out(this.#pending);
      this.out('  ]\n}');
    }
  }
}

export const jsonFormat: ReportFormat = {
  create: (out) => new JsonReport(out),
};
