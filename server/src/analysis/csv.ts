/**
 * RFC 4180 as cable-lint writes it: a field quoted when it holds a comma, a quote or a line break,
 * its quotes doubled; empty for null; booleans as `true`/`false`; records end with CRLF. One writer
 * for `cable-lint --format csv` and the Cables view's export, in both hosts (csv-stringify needs
 * Node's Buffer, which the browser worker lacks, and costs more per row than the linting gains;
 * test/cli/exports.test.ts compares this writer's output with csv-stringify's on every corpus file).
 */
export type CsvCell = string | number | boolean | null;

export function csvField(value: CsvCell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its CRLF. */
export function csvRecord(cells: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvField(cells[i]);
  return line;
}
