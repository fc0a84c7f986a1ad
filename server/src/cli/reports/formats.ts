import { csvFormat } from './csv';
import { htmlFormat } from './html';
import { jsonFormat } from './json';
import { jsonlFormat } from './jsonl';
import type { ReportFormat } from './report';
import { sarifFormat } from './sarif';
import { sqliteFormat } from './sqlite';
import { textFormat } from './text';

/** The values of `--format`, in the order its error message lists them. */
export const FORMATS = {
  text: textFormat,
  json: jsonFormat,
  jsonl: jsonlFormat,
  csv: csvFormat,
  sarif: sarifFormat,
  sqlite: sqliteFormat,
  html: htmlFormat,
} as const satisfies Readonly<Record<string, ReportFormat>>;

export type FormatName = keyof typeof FORMATS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}
