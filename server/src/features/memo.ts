import type { CableFile } from '../cable/model';
import { linesOfModel } from '../cable/parse';

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

export function linesOf(file: CableFile): string[] {
  return memo(file, 'lines', (f) => linesOfModel(f).map((l) => l.text));
}
