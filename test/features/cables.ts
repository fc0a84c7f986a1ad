import { BASE } from '../rules/base';

/** The rules' well-formed CONFIDENTIAL cable (test/rules/base.ts), with its line numbers named. */
export const CABLE = BASE;
export const LINE = {
  header: 0,
  dtg: 4,
  to: 6,
  classification: 9,
  tags: 14,
  references: 17,
  summary: 21,
  paragraph2: 23,
  continuation: 24,
  bullet: 25,
  paragraph3: 27,
} as const;

export function lineOf(text: string, line: number): string {
  return text.split('\n')[line];
}

/** The position of the `occurrence`-th `needle` on a line (plus `offset` characters). */
export function at(text: string, line: number, needle: string, offset = 0): { line: number; character: number } {
  const character = lineOf(text, line).indexOf(needle);
  if (character < 0) throw new Error(`"${needle}" is not on line ${line}: ${lineOf(text, line)}`);
  return { line, character: character + offset };
}

/** The same cable twice: a file holding two cables. */
export const TWO_CABLES = `${BASE}\n${BASE.replace(/#0123/g, '#0124')
  .replace(/000123/g, '000124')
  .replace('00000123', '00000124')}`;
