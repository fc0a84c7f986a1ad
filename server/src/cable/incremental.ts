/**
 * Reuse after an edit: how the new text differs from the previous version's, in lines, and the
 * previous model's cables that parse exactly as before (taken over, or moved by the lines the
 * edit added or removed).
 */
import type { Cable, CableFile } from './model';
import { compactCopy } from './scan';

/** How a new text differs from the one a previous model was parsed from, in lines. */
export interface TextChange {
  readonly previous: CableFile;
  readonly identical: boolean;
  /** Lines at the start, and at the end, that are the same in both texts. */
  readonly unchangedBefore: number;
  readonly unchangedAfter: number;
  readonly lineCount: number;
  /** Lines added (or, negative, removed). */
  readonly delta: number;
}

export function compareTexts(previous: CableFile, text: string, lineStarts: readonly number[]): TextChange {
  const lineCount = lineStarts.length;
  const old = previous.text;
  const prefix = commonPrefix(old, text);
  const identical = prefix === old.length && prefix === text.length;
  const suffix = identical ? 0 : commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  // Lines wholly inside the common prefix or suffix are unchanged; the line holding the first or
  // last differing character (and, for a \r\n cut in two, the one next to it) is not.
  return {
    previous,
    identical,
    unchangedBefore: identical ? lineCount : Math.max(0, lineBreaksBetween(lineStarts, 0, prefix) - 1),
    unchangedAfter: identical ? 0 : Math.max(0, lineBreaksBetween(lineStarts, text.length - suffix, text.length) - 1),
    lineCount,
    delta: lineCount - previous.lineCount,
  };
}

/**
 * The line breaks that end between `from` (exclusive) and `to` (inclusive), from the offsets where
 * lines start: each break is followed by a line start. A binary search, where counting the breaks
 * in the text read the whole file on every keystroke.
 */
function lineBreaksBetween(lineStarts: readonly number[], from: number, to: number): number {
  return startsUpTo(lineStarts, to) - startsUpTo(lineStarts, from);
}

/** How many of the ascending `lineStarts` are at most `offset`. */
function startsUpTo(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lineStarts[middle] <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Length of the common prefix of two strings, compared a block at a time by the engine. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const block of [65536, 1024, 32]) {
    while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  for (const block of [65536, 1024, 32]) {
    while (n + block <= limit && a.slice(a.length - n - block, a.length - n) === b.slice(b.length - n - block, b.length - n)) n += block;
  }
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/**
 * After an edit, the cables wholly before the first changed line or wholly after the last one
 * parse exactly as before (a cable's parse reads only its own lines), so they are taken from the
 * previous model, shifted by the number of lines the edit added or removed. The changed lines are
 * found by comparing the two texts, so a model need not keep its lines.
 */
export function reusable(change: TextChange): (first: number, last: number) => Cable | undefined {
  const { previous, unchangedBefore, unchangedAfter, lineCount, delta } = change;
  const byStart = new Map<number, Cable>();
  for (const cable of previous.cables) byStart.set(cable.range.start.line, cable);
  return (first, last) => {
    if (last < unchangedBefore) {
      const cable = byStart.get(first);
      return cable && cable.range.end.line === last ? reuse(cable, 0) : undefined;
    }
    if (first >= lineCount - unchangedAfter) {
      const cable = byStart.get(first - delta);
      return cable && cable.range.end.line === last - delta ? reuse(cable, delta) : undefined;
    }
    return undefined;
  };
}

/** Cables whose strings are their own, not slices of the text they were parsed from. */
const detachedCables = new WeakSet<Cable>();

/**
 * A cable of the previous model for this version: itself, or moved `delta` lines. One that still
 * holds slices of the text it was parsed from (the text the document was opened with) is copied
 * once with strings of its own. Otherwise it would keep that whole text alive beside the current
 * one, and so would whatever the features cached for it, for as long as the cable is never parsed
 * again. It is copied, not changed in place, so
 * the features' caches for the old object go with it. The first edit of a file pays the copy and
 * the features' recomputation for every cable; later edits only for the cables they parse again.
 */
function reuse(cable: Cable, delta: number): Cable {
  if (detachedCables.has(cable)) return delta === 0 ? cable : markDetached(shiftLines(cable, delta));
  return markDetached(shiftLines(cable, delta, true));
}

export function markDetached(cable: Cable): Cable {
  detachedCables.add(cable);
  return cable;
}

/**
 * A copy of a parsed value with every position moved `delta` lines (and, with `copyStrings`,
 * strings that are no views into a text). Numbers, booleans and (without `copyStrings`) strings
 * come over with the spread and are not visited one by one: an edit that adds a line copies every
 * cable below it, and this way a later such edit copies in 0.6 of the time. What the parser shares
 * (a range's start is often its first token's) is copied once per reference: keeping the sharing
 * (12% fewer objects) cost a lookup per object, a quarter of the time.
 */
function shiftLines<T>(value: T, delta: number, copyStrings = false): T {
  if (typeof value === 'string') return (copyStrings && value.length >= 13 ? compactCopy(value) : value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = shiftLines(value[i], delta, copyStrings);
    return copy as T;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.line === 'number' && typeof record.character === 'number')
    return { line: record.line + delta, character: record.character } as T;
  // Spread, then fields replaced: an object built field by field from `{}` became a dictionary
  // (every cable: some 25 fields), which takes more memory. `for…in`
  // sees only the copy's own fields (the model is plain objects, and nothing here adds to
  // Object.prototype) and is a quarter faster than Object.keys.
  const copy: Record<string, unknown> = { ...record };
  for (const key in copy) {
    const field = copy[key];
    if (typeof field === 'object' ? field !== null : copyStrings && typeof field === 'string')
      copy[key] = shiftLines(field, delta, copyStrings);
  }
  return copy as T;
}
