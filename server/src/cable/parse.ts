import { BlockCollector, MARKER_WORD } from './blocks';
import { DISTRIBUTION_LINE, DTG_LINE, FL1, parseDtg, parseHeader } from './header';
import type {
  Artefact, Cable, CableFile, ClassificationLine, ClassifiedBy, ContinuationHeader, DateTimeGroup, EoLine, Paragraph,
  Range, ReferenceBlock, Subject, SubParagraph, TagsLine, Token, TransmissionHeader,
} from './model';
import { gluedSignature, isSignatureLine, paragraphStart, type ParagraphStart, subParagraphStart, titleOf } from './paragraphs';
import { deriveClassification, deriveReferenceId } from './referenceId';
import {
  compactCopy, cutSegment, indent, isBlank, isRegExpSpace, lineStarts, ownStrings, matchOffsets, range, type Segment, type SourceLine, splitLines, tokenAt, trimmedRange, wholeLine,
} from './scan';
import {
  isOfficeLine, parseCaptionLine, parseClassificationLine, parseClassifiedBy, parseContinuationHeader, parseEoLine,
  parseReferences, parseSubject, parseTags, startsClassifiedBy, startsReferences, startsSubject, startsTags,
} from './text';

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
    // in memory (20 scattered edits to a 10 MB export kept 400 MB).
    if (change) markDetached(ownStrings(cable, undefined, compactCopy));
    cables.push(cable);
  }
  const file: CableFile = { text, lineCount: lines.length, cables };
  cableScans.set(file, scan);
  return file;
}

/** Where each cable starts and the line that told (a header after a wrapper is pulled back to it). */
interface CableScan {
  readonly starts: readonly number[];
  readonly detections: readonly number[];
}

const cableScans = new WeakMap<CableFile, CableScan>();

/** How a new text differs from the one a previous model was parsed from, in lines. */
interface TextChange {
  readonly previous: CableFile;
  readonly identical: boolean;
  /** Lines at the start, and at the end, that are the same in both texts. */
  readonly unchangedBefore: number;
  readonly unchangedAfter: number;
  readonly lineCount: number;
  /** Lines added (or, negative, removed). */
  readonly delta: number;
}

function compareTexts(previous: CableFile, text: string, lineStarts: readonly number[]): TextChange {
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

/** Offsets (ascending) in a cable's part of the text at which something of interest lies. */
type Search = (part: string) => readonly number[];

/**
 * Flags the lines `first`–`last` that hold an offset one of `searches` finds. Each search runs on
 * the cable's own part of the text: a search of the whole text would run on past the cable
 * whenever the rest has no match, once per cable.
 */
function flagLines(text: string, offsets: readonly number[], searches: readonly Search[], flags: Uint8Array, first: number, last: number): void {
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
  occurrences('\\'), occurrences('¶'), (part) => (part.charCodeAt(0) === 45 /* - */ ? [0] : []), occurrences('\n-', 1), occurrences('\r-', 1),
];

/**
 * The lines of a model's text. Not kept with the model: a 10 MB file has some 150,000 lines, and
 * the features that need a line's text ask for one line at a time (see features/memo.ts).
 */
export function linesOfModel(file: CableFile): readonly SourceLine[] {
  return splitLines(file.text);
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
function reusable(change: TextChange): (first: number, last: number) => Cable | undefined {
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
 * again (a 10 MB export: 20 MB more after its first edits). It is copied, not changed in place, so
 * the features' caches for the old object go with it. The first edit of a file pays the copy and
 * the features' recomputation for every cable; later edits only for the cables they parse again.
 */
function reuse(cable: Cable, delta: number): Cable {
  if (detachedCables.has(cable)) return delta === 0 ? cable : markDetached(shiftLines(cable, delta));
  return markDetached(shiftLines(cable, delta, true));
}

function markDetached(cable: Cable): Cable {
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
  if (typeof record.line === 'number' && typeof record.character === 'number') return { line: record.line + delta, character: record.character } as T;
  // Spread, then fields replaced: an object built field by field from `{}` became a dictionary
  // (every cable, some 25 fields; 2 MB more for a 10 MB export after its first edit). `for…in`
  // sees only the copy's own fields (the model is plain objects, and nothing here adds to
  // Object.prototype) and is a quarter faster than Object.keys.
  const copy: Record<string, unknown> = { ...record };
  for (const key in copy) {
    const field = copy[key];
    if (typeof field === 'object' ? field !== null : copyStrings && typeof field === 'string') copy[key] = shiftLines(field, delta, copyStrings);
  }
  return copy as T;
}

const PARTIAL_EXTRACT = /^\s*This record is a partial extract of the original cable/i;
/** Print wrappers and office distribution blocks that precede a header. */
const WRAPPER_LINE =
  /^\s*(?:null\s*$|\S[^\n]{0,80}DB\/Inbox|Results\s*$|Cable\s*$|Text:|TELEGRAM\b|To:|Action:|From:|Captions:|Ref:|_{5,}|CX[A-Z]+:|ACTION:|INFO:|DISSEMINATION:|CHARGE:|(?:APPROVED|DRAFTED|CLEARED)(?: BY)?:|SOURCE:|Distribution:|[A-Z]{3}\d{3,4}\s*$|\d{6}\s*$|\([A-Z]+\)\s*\/\d+[A-Z]\s*$|PAGE\s+01\s)/;

function isHeaderStart(lines: readonly SourceLine[], index: number): boolean {
  const text = lines[index];
  if (FL1.test(text) || PARTIAL_EXTRACT.test(text)) return true;
  if (DTG_LINE.test(text)) {
    for (let j = index + 1; j < lines.length && j <= index + 3; j++) if (/^\s*FM\s/.test(lines[j])) return true;
    return /\sFM\s/.test(text);
  }
  return false;
}

/**
 * Every line that can start a cable begins (after spaces) with VZCZC, `This record…`, a bare DTG
 * (a digit, or a precedence letter and a space), or a classification level: a cheap look at the
 * first characters spares most lines of text the header patterns.
 */
function mayStartCable(text: string): boolean {
  const at = indent(text);
  const c = text.charCodeAt(at);
  if (isRegExpSpace(c) || (c >= 48 && c <= 57)) return true;
  const lower = c | 0x20;
  if (lower === 118 /* v */) return true;
  if ((c === 90 || c === 79 || c === 80 || c === 82 || c === 89) /* Z O P R Y */ && isRegExpSpace(text.charCodeAt(at + 1))) return true;
  if (lower === 116 /* t */ && (text.charCodeAt(at + 1) | 0x20) === 104 /* h */) return true;
  return CLASSIFICATION_LIKE.test(text);
}

/** A classification line (section 1 or none) followed within a few lines by E.O./TAGS/SUBJECT. */
function isTextStart(lines: readonly SourceLine[], index: number): boolean {
  if (!CLASSIFICATION_LIKE.test(lines[index])) return false;
  const classification = parseClassificationLine(wholeLine(lines, index), false);
  if (!classification || (classification.section && classification.section.number.value > 1)) return false;
  // A collapsed body carries its front matter on the same line.
  if (/(?:E\.?\s?O\.?\s?\d{5}|\bTAGS?\b|SUBJ(?:ECT)?\s*:)/i.test(lines[index].slice(0, 2000))) return true;
  for (let j = index + 1; j < lines.length && j <= index + 15; j++) {
    if (/^\s*(?:E\.?\s?O\.?\s?\d{5}|TAGS?\b|SUBJ(?:ECT)?\s*:)/i.test(lines[j])) return true;
  }
  return false;
}

/**
 * How far past a line the decision whether a cable starts there looks: isHeaderStart 3 lines,
 * isTextStart 15, repeatsHeader 8 + 40. An edit can change the decisions up to this many lines
 * before it.
 */
const START_LOOKAHEAD = 49;

function findCableStarts(lines: readonly SourceLine[], change?: TextChange): CableScan {
  const old = change && cableScans.get(change.previous);
  if (old && change.identical) return old;
  let starts = [0];
  let detections = [0];
  let from = 0;
  if (old) {
    // Decisions well before the first changed line stand: resume at the last cable detected there.
    let k = old.detections.length - 1;
    while (k > 0 && old.detections[k] + START_LOOKAHEAD >= change.unchangedBefore) k--;
    starts = old.starts.slice(0, k + 1);
    detections = old.detections.slice(0, k + 1);
    from = detections[k];
  }
  const resumeAfter = change ? change.lineCount - change.unchangedAfter + 3 : Number.POSITIVE_INFINITY;
  const oldDetection = new Map<number, number>();
  old?.detections.forEach((line, index) => oldDetection.set(line, index));
  // A new cable can only start once the current one has a body; a SUBJECT counts only after the
  // classification line, because print wrappers and database dumps repeat SUBJECT before it.
  let seenBody = false;
  let seenHeader = false;
  let seenClassification = false;
  let dtg: string | undefined;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i];
    // A header after this cable's own header and classification line starts the next cable even
    // when this one was cut short before its body.
    const complete = seenBody || (seenHeader && seenClassification);
    const mayStart = mayStartCable(text);
    if (complete && mayStart && ((isHeaderStart(lines, i)) || (seenBody && isTextStart(lines, i))) && !repeatsHeader(lines, i, dtg)) {
      let start = i;
      const floor = starts[starts.length - 1];
      const wrapper = (k: number) => WRAPPER_LINE.test(lines[k]) || DISTRIBUTION_LINE.test(lines[k]);
      // Pull the new cable's print wrapper or distribution block (and blank lines inside it) along with it.
      for (let k = start - 1; k > floor; k--) {
        if (isBlank(lines[k])) continue;
        if (!wrapper(k)) break;
        start = k;
      }
      starts.push(start);
      detections.push(i);
      // In the unchanged end of the text, a cable detected where the previous scan detected one
      // starts the same sequence as before, moved by the lines the edit added.
      const index = i >= resumeAfter ? oldDetection.get(i - change!.delta) : undefined;
      if (old && index !== undefined && old.starts[index] + change!.delta === start) {
        for (let k = index + 1; k < old.starts.length; k++) {
          starts.push(old.starts[k] + change!.delta);
          detections.push(old.detections[k] + change!.delta);
        }
        return { starts, detections };
      }
      seenBody = false;
      seenHeader = false;
      seenClassification = false;
      dtg = undefined;
    }
    if (dtg === undefined && mayStart) {
      dtg = DTG_LINE.exec(text)?.slice(2, 7).join(' ');
      if (dtg !== undefined) dtg += ` ${stationSerial(lines, i)}`;
    }
    if (seenBody) continue;
    if (!seenHeader && !seenClassification && (FL1.test(text) || DTG_LINE.test(text))) seenHeader = true;
    if (!seenClassification && CLASSIFICATION_LIKE.test(text) && parseClassificationLine(wholeLine(lines, i), false)) seenClassification = true;
    if (/^\s{0,3}(?:¶\s*)?\d{1,3}\.\s+\(/.test(text) || (seenClassification && (text.length > 400 || /^\s*SUBJ(?:ECT)?\s*:/i.test(text)))) {
      seenBody = true;
    }
  }
  return { starts, detections };
}

/**
 * Received printouts repeat the header for every section: same DTG and station serial, and the
 * text that follows is a later section, not a new classification line of section 1.
 */
function repeatsHeader(lines: readonly SourceLine[], index: number, dtg: string | undefined): boolean {
  if (dtg === undefined) return false;
  for (let j = index; j < lines.length && j <= index + 8; j++) {
    const m = DTG_LINE.exec(lines[j]);
    if (!m) continue;
    if (`${m.slice(2, 7).join(' ')} ${stationSerial(lines, j)}` !== dtg) return false;
    for (let k = j + 1; k < lines.length && k <= j + 40; k++) {
      if (!CLASSIFICATION_LIKE.test(lines[k])) continue;
      const classification = parseClassificationLine(wholeLine(lines, k), false);
      if (classification) return classification.section !== undefined && classification.section.number.value > 1;
    }
    return true;
  }
  return false;
}

/** The `#NNNN` of the FL3 line near a DTG line, or '' for headers without one. */
function stationSerial(lines: readonly SourceLine[], dtgLine: number): string {
  for (let j = Math.max(0, dtgLine - 3); j < dtgLine; j++) {
    const m = /^\s*DE\s+\S+\s+(#\d+)/.exec(lines[j]);
    if (m) return m[1];
  }
  return '';
}

/**
 * Cheap test before the classification-line pattern: the first six letters (spaces skipped,
 * either case) begin a level as the pattern spells it, with the first letter possibly doubled
 * (`UUNCLAS`, `SS E C R E T`). Prose that merely starts alike (`Secretary`, `Congress`, `United`)
 * stops here: such lines are common and the full pattern is dear.
 */
const CLASSIFICATION_LIKE = {
  test(text: string): boolean {
    // Bit k stands for LEVEL_STARTS[k]; each letter keeps the levels it continues. No string is built.
    let candidates = ALL_LEVELS;
    let letters = 0;
    let end = 0;
    for (let i = 0; i < text.length && letters < 6 && i < 40; i++) {
      const code = text.charCodeAt(i);
      if (code === 32 || code === 9) continue;
      if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) return false;
      const upper = code & ~0x20;
      for (let k = 0; k < LEVEL_STARTS.length; k++) {
        if ((candidates & (1 << k)) !== 0 && LEVEL_STARTS[k].charCodeAt(letters) !== upper) candidates &= ~(1 << k);
      }
      if (candidates === 0) return false;
      letters++;
      end = i + 1;
    }
    if (letters === 0) return false;
    // SECRET is a whole word: `SECRETARY` is not a level.
    if (letters < 6 || candidates !== SECRET_ONLY) return true;
    const next = text.charCodeAt(end) | 0x20;
    return !(next >= 97 && next <= 122);
  },
};
const LEVEL_STARTS = ['UNCLAS', 'UUNCLA', 'LIMITE', 'CONFID', 'CCONFI', 'TOPSEC', 'SECRET', 'SSECRE'];
const ALL_LEVELS = (1 << LEVEL_STARTS.length) - 1;
const SECRET_ONLY = 1 << LEVEL_STARTS.indexOf('SECRET');

interface Anchor {
  readonly line: number;
  readonly kind: 'fl1' | 'dtg';
}

function findHeaderAnchor(lines: readonly SourceLine[], first: number, last: number): Anchor | undefined {
  const limit = Math.min(last, first + 150);
  let dtg: Anchor | undefined;
  for (let i = first; i <= limit; i++) {
    const text = lines[i];
    if (FL1.test(text)) return { line: i, kind: 'fl1' };
    if (!dtg && DTG_LINE.test(text)) dtg = { line: i, kind: 'dtg' };
    if (/^\s*SUBJ(?:ECT)?\s*:/i.test(text) || /^\s{0,3}(?:¶\s*)?\d{1,3}\.\s+\(/.test(text) || text.length > 400) break;
  }
  return dtg;
}

interface Draft {
  classificationLine?: ClassificationLine;
  continuationHeaders: ContinuationHeader[];
  captions: Token[];
  officeLines: Token[];
  eoLine?: EoLine;
  tags?: TagsLine;
  subject?: Subject;
  references?: ReferenceBlock;
  classifiedBy?: ClassifiedBy;
  paragraphs: Paragraph[];
  signature?: Token;
  endMarks: Token[];
  artefacts: Artefact[];
}

function parseCable(lines: readonly SourceLine[], first: number, last: number, markerLines: Uint8Array, artefactLines: Uint8Array): Cable {
  const cableRange = range(first, 0, last, lines[last].length);
  const anchor = findHeaderAnchor(lines, first, last);
  let header: TransmissionHeader | undefined;
  let textLine = first;
  let textSegment: Segment | undefined;
  let partialExtract: Range | undefined;
  let preamble: Range | undefined;
  let dtg: DateTimeGroup | undefined;

  for (let i = first; i <= (anchor?.line ?? first - 1); i++) {
    if (PARTIAL_EXTRACT.test(lines[i])) partialExtract = trimmedRange(wholeLine(lines, i));
  }
  if (anchor) {
    const firstContent = firstNonBlank(lines, first, anchor.line);
    if (firstContent < anchor.line) preamble = range(firstContent, 0, anchor.line - 1, lines[anchor.line - 1].length);
    const result = parseHeader(lines, anchor.line, last);
    header = result.header;
    dtg = header.dtg;
    textLine = result.nextLine;
    textSegment = result.textSegment;
  }
  if (!dtg && partialExtract) {
    for (let i = first; i <= Math.min(last, first + 10); i++) {
      const m = DTG_LINE.exec(lines[i]);
      if (m) {
        dtg = parseDtg(wholeLine(lines, i), m);
        break;
      }
    }
  }

  const draft: Draft = { continuationHeaders: [], captions: [], officeLines: [], paragraphs: [], endMarks: [], artefacts: [] };
  const blocks = new BlockCollector(markerLines);
  const segments = textSegments(lines, textLine, last, textSegment);
  const collapsed = segments.collapsed;
  parseTextSegments(segments.list, draft, blocks, dtg?.token.value.twoDigitYear);
  collectArtefacts(lines, first, last, draft.artefacts, artefactLines);

  const textStart = segments.list.find((s) => !isBlank(s.text));
  const text = textStart ? range(textStart.line, textStart.start, last, lines[last].length) : undefined;
  const classification = deriveClassification(draft.classificationLine, draft.captions, header);
  const ids = deriveReferenceId(draft.classificationLine, draft.continuationHeaders, dtg, header);
  return {
    range: cableRange,
    ...ids,
    preamble,
    partialExtract,
    header,
    dtg,
    text,
    ...draft,
    blocks: blocks.finish(),
    classification,
    collapsed,
  };
}

function firstNonBlank(lines: readonly SourceLine[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (!isBlank(lines[i])) return i;
  return to;
}

/** Cut points in a collapsed body: before fields, pilcrows, numbered paragraphs and page headers. */
const COLLAPSED_FIELD =
  /(?:(?<lead>)(?:SIPDIS|E\.?\s?O\.?\s?1\d{4}\b|TAGS?:|TAGS\s|SUBJ(?:ECT)?:|REFS?:|(?:\(U\)\s*)?Classified\s+by\b))/dgi;
const COLLAPSED_PARAGRAPH = /(?:¶|(?<=\s\s|[.)"]\s|[.)"])(?=\d{1,3}\.\s*\())/g;
const COLLAPSED_PAGE = /(?<lead>\s)[A-Z]{2,}(?: [A-Z]+){0,3} +\d{8} +\d{3}(?:\.\d)? +OF +\d{3}\b/dg;

function textSegments(lines: readonly SourceLine[], from: number, to: number, glued: Segment | undefined): { list: Segment[]; collapsed: boolean } {
  const list: Segment[] = [];
  if (glued) list.push(glued);
  let collapsed = false;
  let nonBlank = 0;
  for (let i = from; i <= to; i++) {
    const segment = wholeLine(lines, i);
    // Collapsed fields only ever open a cable's text: look at its first lines alone.
    if (!isBlank(segment.text)) nonBlank++;
    if (nonBlank <= 40 && segment.text.length > 20 && isCollapsedLine(segment.text)) {
      // Several fields on one line: a body with its newlines removed, or a partially re-joined front matter.
      if (segment.text.length > 300) collapsed = true;
      list.push(...splitCollapsed(segment));
    } else {
      list.push(segment);
    }
  }
  return { list, collapsed };
}

function isCollapsedLine(line: string): boolean {
  // Collapsed front matter sits at the start of the line: look at that part only, so the long
  // one-paragraph lines of most cables cost a bounded amount.
  const text = line.length > 3000 ? line.slice(0, 3000) : line;
  const head = text.length > 800 ? text.slice(0, 800) : text;
  // Two signs make a collapsed line; the cheap ones are looked at first, and the E.O. pattern,
  // the dearest, only when it could make the second.
  const tags = /\bTAGS?:?\s/i.test(head) ? 1 : 0;
  const subject = /\bSUBJ(?:ECT)?:/i.test(head) ? 1 : 0;
  if (tags + subject === 2) return true;
  const pilcrows = text.indexOf('¶') >= 0 && /¶\s*\d{1,3}\./.test(text) ? 1 : 0;
  const spaced = text.indexOf('  ') >= 0;
  if (tags + subject + pilcrows === 0 && !spaced) return false;
  const fields = tags + subject + pilcrows + (/E\.?\s?O\.?\s?1\d{4}/i.test(head) ? 1 : 0);
  if (fields >= 2) return true;
  return fields === 1 && spaced && (text.match(/\s\s\d{1,3}\.\s+\([A-Z]/g)?.length ?? 0) >= 2;
}

function splitCollapsed(segment: Segment): Segment[] {
  const text = segment.text;
  const paragraphCuts = matchOffsets(COLLAPSED_PARAGRAPH, text);
  const firstParagraph = paragraphCuts.length > 0 ? paragraphCuts[0] : text.length;
  const front = text.slice(0, firstParagraph);
  // Newlines collapsed to spaces usually leave two or more spaces where a line ended.
  const fieldCuts = [...matchOffsets(COLLAPSED_FIELD, front), ...matchOffsets(/(?<lead>\s{2,})/dg, front)];
  const pageCuts = matchOffsets(COLLAPSED_PAGE, text);
  return cutSegment(segment, [...fieldCuts, ...paragraphCuts, ...pageCuts]);
}

type FieldKind = 'tags' | 'subject' | 'references' | 'classifiedBy';

function fieldStart(text: string): FieldKind | undefined {
  if (startsTags(text)) return 'tags';
  if (startsSubject(text)) return 'subject';
  if (startsReferences(text)) return 'references';
  if (startsClassifiedBy(text)) return 'classifiedBy';
  return undefined;
}

function startsAnything(segment: Segment): boolean {
  const text = segment.text;
  return (
    isBlank(text) ||
    fieldStart(text) !== undefined ||
    parseEoLine(segment) !== undefined ||
    paragraphStart(segment) !== undefined ||
    parseCaptionLine(segment) !== undefined ||
    parseContinuationHeader(segment) !== undefined
  );
}

/** Segments of a multi-line field: the first, then continuations until a blank line or another element. */
function fieldExtent(segments: readonly Segment[], index: number, kind: FieldKind): number {
  let end = index;
  for (let j = index + 1; j < segments.length; j++) {
    const next = segments[j];
    if (kind === 'tags') {
      if (!/,\s*(?:\\\s*)?$/.test(segments[end].text) || startsAnything(next)) break;
    } else if (startsAnything(next)) {
      if (kind === 'references' && isBlank(next.text)) {
        const after = segments.slice(j + 1).find((s) => !isBlank(s.text));
        if (after && !startsAnything(after) && /(?:^|\s)(?:[B-H][.)]|\([B-H]\))(?:\s|[A-Z0-9])/.test(after.text)) continue;
      }
      break;
    }
    end = j;
  }
  return end;
}

function parseTextSegments(segments: readonly Segment[], draft: Draft, blocks: BlockCollector, year: number | undefined): void {
  let inBody = false;
  let nonBlankSeen = 0;
  // Ends are kept as segments and turned into ranges once, when the paragraph closes: most lines
  // of a cable are paragraph text, and a range per line would be garbage.
  let current: { start: ParagraphStart; segment: Segment; end: Segment; subs: SubParagraph[]; subEnd?: Segment; sub?: Omit<SubParagraph, 'range'> & { start: Segment } } | undefined;
  let lastContent: Segment | undefined;

  const closeSub = () => {
    const sub = current?.sub;
    if (current && sub && current.subEnd) {
      // Built field by field: an object rest/spread here runs the engine's generic copy per sub-paragraph.
      current.subs.push({ label: sub.label, kind: sub.kind, marking: sub.marking, title: sub.title, range: { start: trimmedRange(sub.start).start, end: trimmedRange(current.subEnd).end } });
    }
    if (current) current.sub = undefined;
  };
  const closeParagraph = () => {
    if (!current) return;
    closeSub();
    const { start, segment } = current;
    const end = trimmedRange(current.end);
    const selectionEnd = start.marking?.range.end ?? start.number.range.end;
    const firstRange = start.prefix?.range ?? start.number.range;
    draft.paragraphs.push({
      range: { start: firstRange.start, end: end.end },
      number: start.number,
      marking: start.marking,
      selectionRange: { start: start.number.range.start, end: selectionEnd },
      title: titleOf(segment.text, start.textOffset),
      subParagraphs: current.subs,
      prefix: start.prefix,
    });
    current = undefined;
  };

  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const text = segment.text;
    if (isBlank(text)) continue;
    nonBlankSeen++;
    const continuation = text.length < 90 && mayEndContinuationHeader(text) ? parseContinuationHeader(segment) : undefined;
    if (continuation) {
      draft.continuationHeaders.push(continuation);
      continue;
    }
    if (!draft.classificationLine && !inBody) {
      // Usually the first line; database dumps and print wrappers can put lines before it.
      const classification = parseClassificationLine(segment, nonBlankSeen === 1);
      if (classification) {
        draft.classificationLine = classification;
        continue;
      }
    }
    if (text.length < 80 && mayBeEndMark(text) && END_MARK.test(text)) {
      draft.endMarks.push(tokenAt(segment, text.length - text.trimStart().length, text.trim()));
      continue;
    }
    const para = paragraphStart(segment);
    if (para && acceptParagraph(para, draft.paragraphs, current?.start, current ? [...current.subs, ...(current.sub ? [current.sub] : [])] : [], i > 0 && isBlank(segments[i - 1].text))) {
      closeParagraph();
      inBody = true;
      current = { start: para, segment, end: segment, subs: [] };
      blocks.scan(segment);
      lastContent = segment;
      continue;
    }
    if (!inBody) {
      const captions = parseCaptionLine(segment);
      if (captions) {
        draft.captions.push(...captions);
        continue;
      }
      const eo = !draft.eoLine ? parseEoLine(segment) : undefined;
      if (eo) {
        draft.eoLine = eo;
        continue;
      }
      const kind = fieldStart(text);
      if (kind && !draft[kind]) {
        const end = fieldExtent(segments, i, kind);
        const fieldSegments = segments.slice(i, end + 1).filter((s) => !isBlank(s.text));
        if (kind === 'tags') draft.tags = parseTags(fieldSegments);
        else if (kind === 'subject') draft.subject = parseSubject(fieldSegments);
        else if (kind === 'references') draft.references = parseReferences(fieldSegments, year);
        else draft.classifiedBy = parseClassifiedBy(fieldSegments);
        i = end;
        continue;
      }
      if (isOfficeLine(text) && !draft.subject) {
        draft.officeLines.push(tokenAt(segment, text.length - text.trimStart().length, text.trim()));
        continue;
      }
    }
    blocks.scan(segment);
    if (current) {
      const sub = subParagraphStart(segment);
      if (sub || para) {
        closeSub();
        const start = sub ?? { ...subFromParagraph(para!), textOffset: para!.textOffset };
        current.sub = { label: start.label, kind: start.kind, marking: start.marking, title: start.title, start: segment };
      }
      current.end = segment;
      if (current.sub) current.subEnd = segment;
    }
    lastContent = segment;
  }

  // The signature closes the text: a name line of its own, or glued to the last sentence.
  if (lastContent) {
    const segment = lastContent;
    const own = isSignatureLine(segment.text) && !paragraphStart(segment);
    const glued = own ? undefined : gluedSignature(segment.text);
    if (own) {
      const start = segment.text.length - segment.text.trimStart().length;
      draft.signature = tokenAt(segment, start, segment.text.trim().replace(/\\$/, '').trim());
      if (current && current.end.line === segment.line && current.start.number.range.start.line !== segment.line) {
        current.end = previousContentEnd(segments, segment, current.start.number.range) ?? current.end;
        if (current.sub && current.sub.start.line === segment.line) current.sub = undefined;
        else if (current.sub) current.subEnd = current.end;
      }
    } else if (glued) {
      draft.signature = tokenAt(segment, glued.offset, glued.name);
    }
  }
  closeParagraph();
}

const END_MARK = /^\s*NNNN\s*$|^\s*BT\s*$|^\s*\d{4}[A-Z]+\d+\s+-\s+[A-Z/]+(?: [A-Z/]+)*\s*$/;

/** `NNNN`, `BT` and the `0001STATE123 - …` trailer start with N, B or a digit. */
function mayBeEndMark(text: string): boolean {
  const c = text.charCodeAt(indent(text));
  return c === 78 || c === 66 || (c >= 48 && c <= 57) || isRegExpSpace(c);
}

/** Continuation headers end in a page count (`002 OF 004`) or a DTG (`182017Z`): one character tells. */
function mayEndContinuationHeader(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0) {
    const c = text.charCodeAt(end);
    if (c !== 92 /* \ */ && !isRegExpSpace(c)) break;
    end--;
  }
  const c = text.charCodeAt(end);
  return (c >= 48 && c <= 57) || c === 90 /* Z */;
}

function previousContentEnd(segments: readonly Segment[], before: Segment, floor: Range): Segment | undefined {
  const index = segments.lastIndexOf(before);
  for (let j = index - 1; j >= 0; j--) {
    const s = segments[j];
    if (s.line < floor.start.line) return undefined;
    if (!isBlank(s.text) && !parseContinuationHeader(s)) return s;
  }
  return undefined;
}

function subFromParagraph(para: ParagraphStart): Omit<SubParagraph, 'range'> {
  return { label: para.number, kind: 'number', marking: para.marking, title: '' };
}

/**
 * Tells a numbered paragraph from a numbered list inside one: a list restarts low (`1.`, `2.`) or
 * continues its own items; a paragraph carries a marking, follows the last paragraph, or jumps
 * past it.
 */
function acceptParagraph(para: ParagraphStart, previous: readonly Paragraph[], open: ParagraphStart | undefined, openSubs: readonly { kind: string; label: { value: unknown } }[], afterBlank: boolean): boolean {
  const last = open ?? previous[previous.length - 1];
  if (!last) return true;
  if (para.marking) return true;
  if (para.number.value === last.number.value + 1) return true;
  const lastSub = openSubs[openSubs.length - 1];
  if (lastSub?.kind === 'number' && lastSub.label.value === para.number.value - 1) return false;
  // A wrapped line can start with a number (`September` / `15. Charge told…`): a jump only
  // counts as a paragraph when a blank line sets it apart, or in cables that mark nothing.
  const marked = previous.some((p) => p.marking) || open?.marking !== undefined;
  return para.number.value > last.number.value && (afterBlank || !marked);
}

/** Artefacts on the lines `flagged` with ARTEFACT_SEARCHES. */
function collectArtefacts(lines: readonly SourceLine[], first: number, last: number, artefacts: Artefact[], flagged: Uint8Array): void {
  for (let i = first; i <= last; i++) {
    if (flagged[i] !== 1) continue;
    const text = lines[i];
    const md = /^(-\s+)\d{1,3}\.\s/.exec(text);
    if (md) artefacts.push({ kind: 'markdown-bullet', range: range(i, 0, i, md[1].length) });
    // Searched with indexOf, not matchAll: a line of pilcrows would otherwise allocate a match
    // object per pilcrow besides the artefact.
    for (let at = text.indexOf('\\$'); at >= 0; at = text.indexOf('\\$', at + 2)) artefacts.push({ kind: 'escaped-dollar', range: range(i, at, i, at + 2) });
    for (let at = text.indexOf('¶'); at >= 0; at = text.indexOf('¶', at + 1)) artefacts.push({ kind: 'pilcrow', range: range(i, at, i, at + 1) });
    // A backslash closing the line (white space after it allowed), not one escaped by another.
    let end = text.length;
    while (end > 0 && isRegExpSpace(text.charCodeAt(end - 1))) end--;
    if (end > 0 && text.charCodeAt(end - 1) === 92 && text.charCodeAt(end - 2) !== 92) artefacts.push({ kind: 'trailing-backslash', range: range(i, end - 1, i, end) });
  }
}
