import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Range } from '../server/src/cable/model';

/** The repository root, from the compiled test file's location (out/test/...). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'real');

export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, 'test', 'fixtures', name), 'utf8');
}

export function corpusAvailable(): boolean {
  return existsSync(path.join(CORPUS, 'MANIFEST.tsv'));
}

export interface ManifestRow {
  readonly file: string;
  readonly referenceId: string;
  readonly classification: string;
  readonly layout: string;
  readonly notes: string;
}

export function manifest(): ManifestRow[] {
  const rows = readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const [file, referenceId, , classification, layout, notes] = row.split('\t');
    return { file, referenceId, classification, layout, notes: notes ?? '' };
  });
}

export function corpusText(file: string): string {
  return readFileSync(path.join(CORPUS, file), 'utf8');
}

/** The text a range covers; line breaks of any kind count as one character. */
export function textAt(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join('\n');
}
