import type { Cable, CableFile } from '../cable/model';

const caches = new WeakMap<CableFile, Map<string, unknown>>();

/** Computes `compute(file)` once per parsed model (so once per document version). */
export function memo<T>(file: CableFile, key: string, compute: (file: CableFile) => T): T {
  let cache = caches.get(file);
  if (!cache) {
    cache = new Map();
    caches.set(file, cache);
  }
  if (!cache.has(key)) cache.set(key, compute(file));
  return cache.get(key) as T;
}

const cableCaches = new WeakMap<Cable, Map<string, unknown>>();

/**
 * Computes `compute(cable)` once per parsed cable. After an edit the parser hands over the cables
 * the edit did not touch as the same objects, so their results are reused and a keystroke in a
 * 10 MB file costs the work of one cable. Only for results that depend on the cable alone (its
 * own lines), never on its neighbours.
 */
export function memoCable<T>(cable: Cable, key: string, compute: (cable: Cable) => T): T {
  let cache = cableCaches.get(cable);
  if (!cache) {
    cache = new Map();
    cableCaches.set(cable, cache);
  }
  if (!cache.has(key)) cache.set(key, compute(cable));
  return cache.get(key) as T;
}

/**
 * The text of one line, without its break ('' past the end). Backed by the offsets where lines
 * start (4 bytes a line), not by an array of line strings: features ask for a few lines, and a
 * 10 MB file has some 150,000 of them.
 */
export function lineText(file: CableFile, line: number): string {
  const starts = memo(file, 'lineStarts', lineStarts);
  if (line < 0 || line >= starts.length) return '';
  const text = file.text;
  if (line === starts.length - 1) return text.slice(starts[line]);
  let end = starts[line + 1] - 1;
  if (text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13 && end - 1 >= starts[line]) end--;
  return text.slice(starts[line], end);
}

function lineStarts(file: CableFile): Uint32Array {
  const starts = new Uint32Array(file.lineCount);
  const text = file.text;
  let line = 1;
  for (let i = 0; i < text.length && line < starts.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts[line++] = i + 1;
    }
  }
  return starts;
}
