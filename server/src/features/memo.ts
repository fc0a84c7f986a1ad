import type { Cable, CableFile } from '../cable/model';
import { lineEnd, lineStarts, ownStrings } from '../cable/scan';

const fileCaches = new WeakMap<CableFile, Map<string, unknown>>();
const cableCaches = new WeakMap<Cable, Map<string, unknown>>();

function cachedIn<O extends object, T>(caches: WeakMap<O, Map<string, unknown>>, owner: O, key: string, compute: (owner: O) => T): T {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  if (!cache.has(key)) cache.set(key, compute(owner));
  return cache.get(key) as T;
}

/** Computes `compute(file)` once per parsed model (so once per document version). */
export function memo<T>(file: CableFile, key: string, compute: (file: CableFile) => T): T {
  return cachedIn(fileCaches, file, key, compute);
}

/**
 * Computes `compute(cable)` once per parsed cable. After an edit the parser hands over the cables
 * the edit did not touch as the same objects, so their results are reused and a keystroke in a
 * 10 MB file costs the work of one cable. Only for results that depend on the cable alone (its
 * own lines), never on its neighbours.
 */
export function memoCable<T>(cable: Cable, key: string, compute: (cable: Cable) => T): T {
  return cachedIn(cableCaches, cable, key, compute);
}

/**
 * memoCable for results that read the file's text (through lineText): a cable outlives the version
 * of the text it was first seen in, and so does its cache, so the result's strings are made its
 * own. A slice of one line would keep that whole version of the text alive (a 10 MB export after
 * 1,000 edits: 20 MB more).
 */
export function memoCableFromText<T extends object>(cable: Cable, key: string, compute: (cable: Cable) => T): T {
  // Results may point back to their cable (cross references do): its strings are the parser's
  // business (parse.ts), and copying them here took 3.4 MB for a 10 MB export.
  return cachedIn(cableCaches, cable, key, (c) => ownStrings(compute(c), new Set<object>([c])));
}

/**
 * The text of one line, without its break ('' past the end). Backed by the offsets where lines
 * start, kept as a Uint32Array (half an array of numbers), not by an array of line strings:
 * features ask for a few lines, and a 10 MB file has some 150,000 of them.
 */
export function lineText(file: CableFile, line: number): string {
  const starts = memo(file, 'lineStarts', (f) => Uint32Array.from(lineStarts(f.text)));
  if (line < 0 || line >= starts.length) return '';
  return file.text.slice(starts[line], lineEnd(file.text, starts, line));
}
