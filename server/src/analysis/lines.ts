import type { CableFile } from '../cable/model';
import { lineEnd, lineStarts } from '../cable/scan';
import { fileCache } from './cache';

/**
 * Where each line starts, as a Uint32Array (half an array of numbers): features ask for a few
 * lines at a time, and a 10 MB file has some 150,000 of them, so no array of line strings is kept.
 */
const LINE_STARTS = fileCache('lineStarts', (file) => Uint32Array.from(lineStarts(file.text)));

/** The text of one line, without its break ('' past the end). */
export function lineText(file: CableFile, line: number): string {
  const starts = LINE_STARTS.get(file);
  if (line < 0 || line >= starts.length) return '';
  return file.text.slice(starts[line], lineEnd(file.text, starts, line));
}
