import { MARKER_WORD } from './blocks';
import type { Cable, CableFile } from './model';
import { compactCopy, lineStarts, ownStrings, matchOffsets, type SourceLine, splitLines } from './scan';
import { cableScans, findCableStarts } from './boundaries';
import { parseCable } from './cableParser';
import { compareTexts, markDetached, reusable } from './incremental';

/**
 * Parses any string into a CableFile. Total: never throws, linear in the length of the text.
 * Cables are split where a new header (or a new classification line followed by its front
 * matter) starts after the previous cable's body.
 */
export function parse(text: string, previous?: CableFile): CableFile {
  const offsets = lineStarts(text);
  const lines = splitLines(text, offsets);
  const change = previous ? compareTexts(previous, text, offsets) : undefined;
  const scan = findCableStarts(lines, change);
  const reuse = change ? reusable(change) : undefined;
  const markerLines = new Uint8Array(lines.length);
  const artefactLines = new Uint8Array(lines.length);
  const cables: Cable[] = [];
  const starts = scan.starts;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = (starts[i + 1] ?? lines.length) - 1;
    const reused = reuse?.(start, end);
    if (reused) {
      cables.push(reused);
      continue;
    }
    flagLines(text, offsets, MARKER_WORD_SEARCHES, markerLines, start, end);
    flagLines(text, offsets, ARTEFACT_SEARCHES, artefactLines, start, end);
    const cable = parseCable(lines, start, end, markerLines, artefactLines);
    // A cable parsed after an edit outlives this version of the text (later edits reuse it): its
    // strings must not be slices of this text, or every edited version of a large file would stay
    // in memory.
    if (change) markDetached(ownStrings(cable, undefined, compactCopy));
    cables.push(cable);
  }
  const file: CableFile = { text, lineCount: lines.length, cables };
  cableScans.set(file, scan);
  return file;
}

/** Offsets (ascending) in a cable's part of the text at which something of interest lies. */
type Search = (part: string) => readonly number[];

/**
 * Flags the lines `first`–`last` that hold an offset one of `searches` finds. Each search runs on
 * the cable's own part of the text: a search of the whole text would run on past the cable
 * whenever the rest has no match, once per cable.
 */
function flagLines(
  text: string,
  offsets: readonly number[],
  searches: readonly Search[],
  flags: Uint8Array,
  first: number,
  last: number,
): void {
  const from = offsets[first];
  const to = last + 1 < offsets.length ? offsets[last + 1] : text.length;
  const part = text.slice(from, to);
  for (const search of searches) {
    let line = first;
    for (const at of search(part)) {
      while (line < last && offsets[line + 1] - from <= at) line++;
      flags[line] = 1;
    }
  }
}

/** Where `needle` occurs in the part, moved `skip` characters on. */
function occurrences(needle: string, skip = 0): Search {
  return (part) => {
    const found: number[] = [];
    for (let at = part.indexOf(needle); at >= 0 && at + skip < part.length; at = part.indexOf(needle, at + 1)) found.push(at + skip);
    return found;
  };
}

const MARKER_WORD_SEARCHES: readonly Search[] = [(part) => matchOffsets(MARKER_WORD, part)];
/**
 * The lines that can hold an artefact: those with a `\` or a `¶`, and those opening with `-` (the
 * part's own first line, or a `-` after a line break: a \r\n break ends in \n, a lone \r is
 * searched too).
 */
const ARTEFACT_SEARCHES: readonly Search[] = [
  occurrences('\\'),
  occurrences('¶'),
  (part) => (part.charCodeAt(0) === 45 /* - */ ? [0] : []),
  occurrences('\n-', 1),
  occurrences('\r-', 1),
];

/**
 * The lines of a model's text. Not kept with the model: a 10 MB file has some 150,000 lines, and
 * the features that need a line's text ask for one line at a time (see analysis/lines.ts).
 */
export function linesOfModel(file: CableFile): readonly SourceLine[] {
  return splitLines(file.text);
}
