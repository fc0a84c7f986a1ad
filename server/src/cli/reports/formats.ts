import { jsonFormat } from './json';
import type { ReportFormat } from './report';
import { sarifFormat } from './sarif';
import { textFormat } from './text';

/** The values of `--format`, in the order its error message lists them. */
export const FORMATS = {
  text: textFormat,
  json: jsonFormat,
  sarif: sarifFormat,
} as const satisfies Readonly<Record<string, ReportFormat>>;

export type FormatName = keyof typeof FORMATS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}
