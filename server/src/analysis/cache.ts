import type { Cable, CableFile } from '../cable/model';
import { ownStrings } from '../cable/scan';
import { type Cancellation, throwIfCancelled } from './cancellation';

/**
 * Results computed once per parsed model, or once per parsed cable, declared where they are
 * computed: `const OUTLINE = cableCache('outline', compute)`, then `OUTLINE.get(cable, file)`. Each
 * declaration owns its cache, so no key is ever typed twice, and the arguments a result depends on
 * (a cap, the rule settings) are part of the call, typed, instead of part of a string.
 */
export interface FileCache<Result, Args extends readonly unknown[]> {
  /** What the cache holds, for debugging. */
  readonly name: string;
  get(file: CableFile, ...args: Args): Result;
}

/** A cable's result is computed within the file that holds it (to read its lines), but cached by the cable alone. */
export interface CableCache<Result, Args extends readonly unknown[]> {
  readonly name: string;
  get(cable: Cable, file: CableFile, ...args: Args): Result;
}

/** Computed once per model, so once per document version. */
export function fileCache<Result, Args extends readonly unknown[] = []>(
  name: string,
  compute: (file: CableFile, ...args: Args) => Result,
): FileCache<Result, Args> {
  const cache = weakCache<CableFile, CableFile, Result, Args>(name, (file, _, ...args) => compute(file, ...args));
  return { name, get: (file, ...args) => cache.get(file, file, ...args) };
}

/**
 * Computed once per parsed cable. After an edit the parser hands over the cables before the first
 * changed line as the same objects, so their results are reused; cables after it are reused too
 * when the edit added or removed no line, and are moved copies otherwise, whose results are
 * computed again (see cable/incremental.ts). Only for results that depend on the cable alone (its
 * own lines), never on its neighbours.
 */
export function cableCache<Result, Args extends readonly unknown[] = []>(
  name: string,
  compute: (cable: Cable, file: CableFile, ...args: Args) => Result,
): CableCache<Result, Args> {
  return weakCache(name, compute);
}

/**
 * cableCache for results that read the file's text (through lineText): a cable outlives the version
 * of the text it was first seen in, and so does its cache, so the result's strings are made its
 * own. A slice of one line would keep that whole version of the text alive. Results may point
 * back to their cable (cross references do): its
 * strings are the parser's business, so the copy stops there.
 */
export function cableCacheFromText<Result extends object, Args extends readonly unknown[] = []>(
  name: string,
  compute: (cable: Cable, file: CableFile, ...args: Args) => Result,
): CableCache<Result, Args> {
  return weakCache(name, (cable: Cable, file: CableFile, ...args: Args) =>
    ownStrings(compute(cable, file, ...args), new Set<object>([cable])),
  );
}

/** Results by owner (held weakly: they go with their model or cable) and by the JSON of their arguments. */
function weakCache<Owner extends object, Context, Result, Args extends readonly unknown[]>(
  name: string,
  compute: (owner: Owner, context: Context, ...args: Args) => Result,
): { readonly name: string; get(owner: Owner, context: Context, ...args: Args): Result } {
  const results = new WeakMap<Owner, Map<string, Result>>();
  // A request asks for every cable of a file with the same arguments (the same settings object):
  // their JSON is computed once, not once per cable. Arguments are values nobody changes after the call.
  let lastArgs: readonly unknown[] = [];
  let lastKey = '';
  const keyOf = (args: readonly unknown[]): string => {
    if (args.length === 0) return '';
    if (args.length !== lastArgs.length || args.some((a, i) => a !== lastArgs[i])) {
      lastArgs = args;
      lastKey = JSON.stringify(args);
    }
    return lastKey;
  };
  return {
    name,
    get(owner, context, ...args) {
      let byArgs = results.get(owner);
      if (!byArgs) {
        byArgs = new Map();
        results.set(owner, byArgs);
      }
      const key = keyOf(args);
      if (byArgs.has(key)) return byArgs.get(key) as Result;
      const result = compute(owner, context, ...args);
      byArgs.set(key, result);
      return result;
    },
  };
}

/**
 * Fills a per-cable cache for every cable of the file, stopping between cables when the request
 * is cancelled: a 10 MB export has thousands of cables, and the file-level result assembled from
 * them afterwards is cheap.
 */
export function forEveryCable<Args extends readonly unknown[]>(
  file: CableFile,
  cache: CableCache<unknown, Args>,
  token: Cancellation | undefined,
  ...args: Args
): void {
  for (const cable of file.cables) {
    throwIfCancelled(token);
    cache.get(cable, file, ...args);
  }
}
