import type { Position, Range, Token } from './model';

/** One physical line of the source, without its line break; its index in the array is its line number. */
export type SourceLine = string;

/**
 * A slice of one physical line. Usually the whole line; in sources that collapsed newlines (a
 * one-line transmission header, a body with every newline removed) a line is cut into several
 * segments at field boundaries so that one line-oriented parser serves every layout.
 */
export interface Segment {
  readonly line: number;
  /** UTF-16 offset of the slice in its line. */
  readonly start: number;
  readonly text: string;
}

/** Where each line starts; lines end at \n, \r\n and lone \r, as editors do. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // The next \n and the next \r are each found by the native search, several times faster than a
  // loop over the characters (most sources have no \r at all: one search tells).
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    const start = cr >= 0 && (lf < 0 || cr < lf) ? (lf === cr + 1 ? cr + 2 : cr + 1) : lf + 1;
    starts.push(start);
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
  }
  return starts;
}

/** Where line `line` (of those starting at `starts`) ends, before its line break. */
export function lineEnd(text: string, starts: ArrayLike<number>, line: number): number {
  if (line === starts.length - 1) return text.length;
  const next = starts[line + 1];
  return text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 && next - 2 >= starts[line] ? next - 2 : next - 1;
}

/** The lines of `text` (see lineStarts), or of the lines starting at `starts` when the caller has them. */
export function splitLines(text: string, starts: readonly number[] = lineStarts(text)): SourceLine[] {
  const lines = new Array<SourceLine>(starts.length);
  for (let i = 0; i < starts.length; i++) lines[i] = text.slice(starts[i], lineEnd(text, starts, i));
  return lines;
}

/**
 * A copy of `text` that does not keep a longer string alive: the engine stores a substring of 13
 * or more characters as a view into the string it was cut from.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * ownCopy for strings kept as long as the document is open (the parser's copies of moved and
 * re-parsed cables). Made by JSON, whose parser stores a string one byte a character when it can:
 * cut from a document with any character beyond Latin-1, a copy made by concatenation stays two
 * bytes a character, behind a view of its own (about half the memory this way). Several times
 * slower than ownCopy, so not for results the features cache. JSON gives back exactly the same
 * characters, lone surrogates included.
 */
export function compactCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * Replaces, in place, every string of a freshly built value (objects and arrays, any depth) that
 * could be a view into a longer string by its own copy, and returns the value.
 */
export function ownStrings<T>(value: T, seen = new Set<object>(), copy: (text: string) => string = ownCopy): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (typeof field === 'string') {
      if (field.length >= 13) record[key] = copy(field);
    } else {
      ownStrings(field, seen, copy);
    }
  }
  return value;
}

export function wholeLine(lines: readonly SourceLine[], index: number): Segment {
  return { line: index, start: 0, text: lines[index] };
}

export function position(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function spanRange(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}

/** A token for `text` found at `offset` inside `segment`. */
export function tokenAt<T = string>(segment: Segment, offset: number, text: string, ...value: [T] | []): Token<T> {
  const character = segment.start + offset;
  return {
    text,
    range: range(segment.line, character, segment.line, character + text.length),
    // An explicit `undefined` value stays undefined; only an omitted one defaults to the text.
    value: (value.length === 0 ? text : value[0]) as T,
  };
}

/** Range of the segment without its leading and trailing white space (and a trailing `\`). */
export function trimmedRange(segment: Segment): Range {
  const { start, end } = trimmedBounds(segment.text);
  return range(segment.line, segment.start + start, segment.line, segment.start + end);
}

export function trimmedBounds(text: string): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && (isSpace(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 92) /* \ */) end--;
  return { start, end };
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

/** Offset of the first character that is not a space or tab (the length when there is none). */
export function indent(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** What `\s` matches in a regular expression. */
export function isRegExpSpace(c: number): boolean {
  // Printable ASCII and Latin-1 letters, nearly every character asked about, answer at once.
  if (c > 32 && c < 0xa0) return false;
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && c !== 92) return false;
  }
  return true;
}

/** Cuts `segment` before every offset in `cuts` (offsets relative to the segment). */
export function cutSegment(segment: Segment, cuts: readonly number[]): Segment[] {
  const sorted = [...new Set(cuts)].filter((c) => c > 0 && c < segment.text.length).sort((a, b) => a - b);
  if (sorted.length === 0) return [segment];
  const pieces: Segment[] = [];
  let previous = 0;
  for (const cut of sorted) {
    pieces.push({ line: segment.line, start: segment.start + previous, text: segment.text.slice(previous, cut) });
    previous = cut;
  }
  pieces.push({ line: segment.line, start: segment.start + previous, text: segment.text.slice(previous) });
  return pieces;
}

/**
 * Cut offsets where `pattern` matches in `text`: the end of the named group `lead` when the pattern
 * has one (it needs the `d` flag for that), else the start of the match.
 */
export function matchOffsets(pattern: RegExp, text: string): number[] {
  const offsets: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const lead = m.indices?.groups?.lead;
    offsets.push(lead ? lead[1] : m.index);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return offsets;
}

/** Folds runs of white space into one space and trims. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Removes the letter spacing of `S E C R E T` and upper-cases. */
export function unspace(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}
