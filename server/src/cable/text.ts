import { parseCalendarDate } from './dates';
import type {
  CableCitation,
  CalendarDate,
  ClassificationLine,
  ClassifiedBy,
  ContinuationHeader,
  EoLine,
  Level,
  ReferenceBlock,
  ReferenceEntry,
  ReferenceKind,
  Subject,
  TagsLine,
  Token,
} from './model';
import { parseMarkingAt } from './markings';
import { foldSpace, range, type Segment, tokenAt, trimmedBounds, trimmedRange, unspace } from './scan';

const spaced = (word: string) => word.split('').join(' ?');
/** Some WikiLeaks pages double the first letter (`SS E C R E T`, `UUNCLAS`): an artefact, still a level. */
const spacedStart = (word: string) => `${word[0]}?${spaced(word)}`;

/** Any spelling of a classification level at the start of a classification line. */
export const CLASSIFICATION_START = new RegExp(
  `(?:${spacedStart('UNCLAS')}(?: ?${spaced('SIFIED')})?|LIMITED\\s+OFFICIAL\\s+USE|${spacedStart('CONFIDENTIAL')}|${spaced('TOP')}\\s+${spaced('SECRET')}|${spacedStart('SECRET')})(?![A-Za-z])`,
);

const CAVEAT_WORDS = `NOFORN|SENSITIVE|E ?F ?T ?O|EXDIS|NODIS|LIMDIS|STADIS`;
/**
 * The parts of a classification line, matched one after the other with sticky patterns: one big
 * pattern would let caveat words and station words trade places and backtrack quadratically.
 */
export const CLASSIFICATION_PARTS = {
  level: new RegExp(`^(\\s*)(${CLASSIFICATION_START.source})`, 'i'),
  caveat: new RegExp(`\\s+(${CAVEAT_WORDS})(?![A-Za-z])`, 'iy'),
  section: /\s+(SECTION\s+(\d{1,3})\s+OF\s+(\d{1,3}))/iy,
  station: /\s+(?:\d{2}\s+)?([A-Za-z][A-Za-z.'-]*(?: {1,3}[A-Za-z.'-]+)*)\s+(\d{1,8})(?!\d)/y,
  trailing: new RegExp(`\\s+(${CAVEAT_WORDS}|SIPDIS)(?![A-Za-z])`, 'iy'),
  bareEnd: /\s*(?:\\\s*)?$/y,
};

export function levelOf(text: string): Level | undefined {
  const word = unspace(text);
  if (/^U?UNCLAS/.test(word)) return 'U';
  if (word === 'LIMITEDOFFICIALUSE') return 'SBU';
  if (/^C?CONFIDENTIAL$/.test(word)) return 'C';
  if (word === 'TOPSECRET') return 'TS';
  if (/^S?SECRET$/.test(word)) return 'S';
  return undefined;
}

/** `S E C R E T SECTION 01 OF 03 ASTANA 000095`, `UNCLAS STATE 125608`, or a bare level line. */
export function parseClassificationLine(segment: Segment, allowBare: boolean): ClassificationLine | undefined {
  const text = segment.text;
  const parts = CLASSIFICATION_PARTS;
  const m = parts.level.exec(text);
  if (!m) return undefined;
  const level = tokenAt(segment, m[1].length, m[2], levelOf(m[2]) ?? 'U');
  let at = m[0].length;
  const sticky = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (found) at = pattern.lastIndex;
    return found;
  };
  const caveats: Token[] = [];
  for (let c = sticky(parts.caveat); c; c = sticky(parts.caveat)) {
    caveats.push(tokenAt(segment, at - c[1].length, c[1], unspace(c[1])));
  }
  let section: ClassificationLine['section'];
  const s = sticky(parts.section);
  if (s) {
    const sectionAt = at - s[1].length;
    section = {
      range: tokenAt(segment, sectionAt, s[1]).range,
      number: tokenAt(segment, sectionAt + s[1].indexOf(s[2], 7), s[2], Number(s[2])),
      total: tokenAt(segment, sectionAt + s[1].lastIndexOf(s[3]), s[3], Number(s[3])),
    };
  }
  let station: Token | undefined;
  let serial: Token<number> | undefined;
  const st = sticky(parts.station);
  if (st) {
    const serialAt = at - st[2].length;
    const stationAt = text.lastIndexOf(st[1], serialAt - 1);
    station = tokenAt(segment, stationAt, st[1], st[1].toUpperCase().replace(/\s+/g, ' '));
    serial = tokenAt(segment, serialAt, st[2], Number(st[2]));
    // Captions typed on the classification line after the serial (`… BOGOTA 000243 SIPDIS NOFORN`).
    for (let c = sticky(parts.trailing); c; c = sticky(parts.trailing)) {
      caveats.push(tokenAt(segment, at - c[1].length, c[1], unspace(c[1])));
    }
  } else {
    if (!allowBare || !sticky(parts.bareEnd)) return undefined;
  }
  const end =
    caveats.length > 0 && serial && comesAfter(caveats[caveats.length - 1], serial)
      ? caveats[caveats.length - 1].range.end
      : (serial?.range.end ?? section?.range.end ?? caveats[caveats.length - 1]?.range.end ?? level.range.end);
  return { range: { start: level.range.start, end }, level, caveats, section, station, serial };
}

function comesAfter(a: Token, b: Token<number>): boolean {
  return a.range.start.character > b.range.start.character;
}

const CONTINUATION = /^(\s*)([A-Za-z][A-Za-z.'-]*(?: [A-Za-z.'-]+)*)\s+(\d{8})\s+(\d{3})(?:\.(\d))?\s+OF\s+(\d{3})(?=\s*(?:\\\s*)?$)/i;
const PAGE_HEADER =
  /^(\s*)PAGE\s+(\d{2,3})\s+([A-Za-z][A-Za-z.'-]*(?: [A-Za-z.'-]+)*)\s+(\d{5,8})\s+(\d{2})\s+OF\s+(\d{2})\s+\d{6}Z(?=\s*$)/;

/** `STATE 00125608 002 OF 002`, `PARIS 00000741 001.2 OF 004`, or an old `PAGE 02 … 01 OF 03 182017Z`. */
export function parseContinuationHeader(segment: Segment): ContinuationHeader | undefined {
  const text = segment.text;
  let m = CONTINUATION.exec(text);
  if (m) {
    let at = m[1].length;
    const station = tokenAt(segment, at, m[2], m[2].toUpperCase());
    at = text.indexOf(m[3], at + m[2].length);
    const serial = tokenAt(segment, at, m[3], Number(m[3]));
    at = text.indexOf(m[4], at + 8);
    const section = tokenAt(segment, at, m[4], Number(m[4]));
    let page: Token<number> | undefined;
    if (m[5] !== undefined) page = tokenAt(segment, at + 4, m[5], Number(m[5]));
    const totalAt = m.index + m[0].length - m[6].length;
    const total = tokenAt(segment, totalAt, m[6], Number(m[6]));
    return { range: { start: station.range.start, end: total.range.end }, station, serial, section, page, total };
  }
  m = PAGE_HEADER.exec(text);
  if (m) {
    const pageAt = text.indexOf(m[2], m[1].length);
    const page = tokenAt(segment, pageAt, m[2], Number(m[2]));
    const stationAt = text.indexOf(m[3], pageAt + m[2].length);
    const station = tokenAt(segment, stationAt, m[3], m[3].toUpperCase());
    const serialAt = text.indexOf(m[4], stationAt + m[3].length);
    const serial = tokenAt(segment, serialAt, m[4], Number(m[4]));
    const sectionAt = text.indexOf(m[5], serialAt + m[4].length);
    const section = tokenAt(segment, sectionAt, m[5], Number(m[5]));
    const totalAt = text.indexOf(m[6], sectionAt + 2);
    const total = tokenAt(segment, totalAt, m[6], Number(m[6]));
    return { range: trimmedRange(segment), station, serial, section, page, total };
  }
  return undefined;
}

export const CAPTIONS = [
  'SIPDIS',
  'NOFORN',
  'SENSITIVE',
  'EXDIS',
  'NODIS',
  'LIMDIS',
  'STADIS',
  'ROGER',
  'CHEROKEE',
  'DISSENT CHANNEL',
  'E F T O',
  'EFTO',
  'SPECIAL HANDLING',
  'SENSITIVE BUT UNCLASSIFIED',
  'FOR OFFICIAL USE ONLY',
  'CORRECTED COPY',
  'C O R R E C T E D  C O P Y',
  'C O R R E C T E D C O P Y',
  'ORCON',
  'PROPIN',
  'NOT FOR INTERNET DISTRIBUTION',
  'DEA SENSITIVE',
  'HANDLE ACCORDINGLY',
];
export const CAPTION = new RegExp(
  `(?:${[...new Set(CAPTIONS.map((c) => c.replace(/ +/g, '\\s+')))].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`,
  'gi',
);

/** A line of captions (`SIPDIS`, `NOFORN`, `SIPDIS SIPDIS`, `- - C O R R E C T E D  C O P Y - -`). */
export function parseCaptionLine(segment: Segment): Token[] | undefined {
  const text = segment.text;
  const tokens: Token[] = [];
  let previousEnd = 0;
  CAPTION.lastIndex = 0;
  for (let m = CAPTION.exec(text); m; m = CAPTION.exec(text)) {
    // Between captions only spaces, dashes and commas: `SIPDIS SIPDIS`, `NOFORN, NOT FOR …`, `- - C O R R E C T E D …`.
    if (!/^[\s\-,]*$/.test(text.slice(previousEnd, m.index))) return undefined;
    tokens.push(
      tokenAt(
        segment,
        m.index,
        m[0],
        foldSpace(m[0])
          .toUpperCase()
          .replace(/^C O R R E C T E D C O P Y$/, 'CORRECTED COPY'),
      ),
    );
    previousEnd = m.index + m[0].length;
  }
  if (tokens.length === 0) return undefined;
  // After the last caption: nothing, or a dash and a few capitalised words (`-- HANDLE ACCORDINGLY`).
  const rest = text.slice(previousEnd);
  if (!/^[\s\-,]*(?:[A-Z]+(?: [A-Z]+)*[\s\-,]*)?(?:\\\s*)?$/.test(rest)) return undefined;
  return tokens;
}

/** Pass and office lines: `STATE FOR P, SCA/CEN`, `DEPT PASS USTR`, `PASS TO …`, `FOR THE SECRETARY`. */
export function isOfficeLine(text: string): boolean {
  return /^\s*(?:[A-Z][A-Z0-9/&.,'-]*\s+){0,3}(?:ALSO\s+)?(?:FOR|PASS)\s+\S/.test(text) && !/^\s*(?:TAGS?|SUBJ|REF|E\.?O)/.test(text);
}

const EO = /^(\s*)(E\.?\s?O\.?)\s?(\d{4,5})?\b\s*:?/i;

/** `E.O. 12958: DECL: 01/19/2029`, `EO 12958 DECL: 01/19/2029`, `E.O. 12958: N/A`, `E.O. 12356: DECL: OADR`. */
export function parseEoLine(segment: Segment): EoLine | undefined {
  const text = segment.text;
  const m = EO.exec(text);
  if (!m || !/^\s*E\.?\s?O\.?\s?\d{4,5}/i.test(text)) return undefined;
  const keyword = tokenAt(segment, m[1].length, m[2]);
  const order = m[3] ? tokenAt(segment, text.indexOf(m[3], m[1].length + m[2].length), m[3], Number(m[3])) : undefined;
  let decl: Token | undefined;
  let declValue: EoLine['declValue'];
  let notApplicable: Token | undefined;
  const rest = m[0].length;
  const d = /\b(DECL\w*|DNG)\s*:?\s*/i.exec(text.slice(rest));
  if (d) {
    decl = tokenAt(segment, rest + d.index, d[1]);
    const valueStart = rest + d.index + d[0].length;
    const { end } = trimmedBounds(text);
    const value = text.slice(valueStart, Math.max(valueStart, end));
    if (value) {
      // `01/19/2029`, `2019-02-12`, `on 8/31/2034`, `CO 01/26/2021` (downgrade): the first date-like part.
      const date = /\d{1,4}[/-]\d{1,3}[/-]\d{1,4}/.exec(value);
      declValue = date
        ? tokenAt(segment, valueStart + date.index, date[0], parseCalendarDate(date[0]))
        : tokenAt<CalendarDate | undefined>(segment, valueStart, value, undefined);
    }
  } else {
    const na = /\bN\/? ?A\b/i.exec(text.slice(rest));
    if (na) notApplicable = tokenAt(segment, rest + na.index, na[0]);
  }
  return { range: trimmedRange(segment), keyword, order, decl, declValue, notApplicable };
}

const TAGS = /^(\s*)(TAGS?|TAGE?S)\b\s*:?\s*/i;

export function startsTags(text: string): boolean {
  return TAGS.test(text) && !/^\s*TAGS?\s*$/i.test(text.replace(/:/, ''));
}

/** The TAGS line and its continuation lines; each tag with its own range. */
export function parseTags(segments: readonly Segment[]): TagsLine | undefined {
  const first = segments[0];
  const m = TAGS.exec(first.text);
  if (!m) return undefined;
  const keyword = tokenAt(first, m[1].length, m[2]);
  const tags: Token[] = [];
  segments.forEach((segment, i) => collectTags(segment, i === 0 ? m[0].length : 0, tags));
  const last = segments[segments.length - 1];
  return { range: { start: keyword.range.start, end: trimmedRange(last).end }, keyword, tags };
}

function collectTags(segment: Segment, from: number, tags: Token[]): void {
  const text = segment.text;
  const usesCommas = text.indexOf(',', from) >= 0;
  // With commas an item may be several words (`Export Control Initiatives`); a person tag keeps
  // its parentheses (`OVIP (STEINBERG, JAMES B.)`), commas inside them included.
  let itemStart = -1;
  let depth = 0;
  const flush = (end: number) => {
    if (itemStart < 0) return;
    let stop = end;
    while (stop > itemStart && /[\s\\]/.test(text[stop - 1])) stop--;
    if (stop > itemStart) {
      const value = text.slice(itemStart, stop);
      tags.push(tokenAt(segment, itemStart, value, value.toUpperCase()));
    }
    itemStart = -1;
  };
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    const separator = depth === 0 && (c === ',' || (!usesCommas && /\s/.test(c) && !/^\s*\(/.test(text.slice(i, i + 3))));
    if (separator) flush(i);
    else if (itemStart < 0 && !/[\s,]/.test(c)) itemStart = i;
  }
  flush(text.length);
}

const SUBJECT = /^(\s*)(SUBJ(?:ECT)?)\s*:\s*|^(\s*)(SUBJECT)\s+(?=[A-Z])/i;

export function startsSubject(text: string): boolean {
  return SUBJECT.test(text);
}

export function parseSubject(segments: readonly Segment[]): Subject | undefined {
  const first = segments[0];
  const m = SUBJECT.exec(first.text);
  if (!m) return undefined;
  const keywordText = m[2] ?? m[4];
  const keyword = tokenAt(first, (m[1] ?? m[3]).length, keywordText);
  const parts = [first.text.slice(m[0].length), ...segments.slice(1).map((s) => s.text)];
  const marking = parseMarkingAt(first, m[0].length);
  const last = segments[segments.length - 1];
  return {
    range: { start: keyword.range.start, end: trimmedRange(last).end },
    keyword,
    text: foldSpace(parts.join(' ').replace(/\\(?=\s|$)/g, '')),
    marking,
  };
}

const REF = /^(\s*)(REFS?|REFTELS?|REFERENCES?)\b\s*(?::|\s(?=[A-Z(]))\s*/i;

export function startsReferences(text: string): boolean {
  return REF.test(text) && !/^\s*REFTEL\s+(?:IS|WAS|SAID|REPORTED)\b/i.test(text);
}

const ENTRY_LETTER = /(?<!\S)(?:([A-Z])[.)](?=\s)|\(([A-Z])\)(?=\s|[A-Z0-9]))/g;
const CITATION = /(?:\b(\d{2}|\d{4})\s+)?\b([A-Z][A-Z]+(?:\s[A-Z][A-Z]+){0,3})\s+0*(\d{1,7})\b(?:\s*\((\d{2}|\d{4})\))?/;
const NOT_A_STATION =
  /^(?:PARA|PARAGRAPH|SECTION|PAGE|AND|OF|THE|NO|NUMBER|REF|REFS|REFTEL|REFTELS|SEPTEL|TEL|CABLE|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)$/;
/**
 * Words no post's name holds: a citation whose "station" has one (`DAILY REPORT FOR OCTOBER 28`,
 * `PRESS RELEASE 12`) cites something else than a telegram.
 */
const NOT_IN_A_STATION =
  /^(?:FOR|OF|THE|AND|ON|IN|AT|BY|TO|FROM|DAILY|REPORT|REPORTS|POINTS|RELEASE|PRESS|STATEMENT|LETTER|NOTE|MEMO|PAPER|DRAFT|VISIT|MEETING|CONVERSATION|CALL|TALKING|NON|DATED|YEAR|NUMBERS|ITEM|ANNEX|RESOLUTION|LAW|ARTICLE|DECREE|ACT|CODE|REGULATION|HOUSE|NSC|WHITE)$/;
const KINDS: readonly [ReferenceKind, RegExp][] = [
  ['email', /\bE-?MAILS?\b/i],
  ['meeting', /\b(?:TELCON|TELECON|MEMCON|MEETING|CONVERSATION|DISCUSSIONS?|PHONE\s+CALL|CALL|VISIT|BRIEFING|VTC|DVC)\b/i],
  [
    'memo',
    /\b(?:MEMO(?:RANDUM)?|FAX|LETTER|REPORT|PAPER|NOTE|STATEMENT|DIPLOMATIC\s+NOTE|NON-?PAPER|ARTICLE|PRESS\s+RELEASE|INTSUM|IIR|TD)\b/i,
  ],
];

/** What a citing cable knows of itself, for its REF entries: its year, and its own station and number. */
export interface CitingCable {
  readonly year?: number;
  readonly station?: string;
  readonly serial?: number;
}

/** REF block: letters A., B. … and each telegram citation as station + number + optional year. */
export function parseReferences(segments: readonly Segment[], citing: CitingCable): ReferenceBlock | undefined {
  const first = segments[0];
  const m = REF.exec(first.text);
  if (!m) return undefined;
  const keyword = tokenAt(first, m[1].length, m[2]);
  const entries: ReferenceEntry[] = [];
  segments.forEach((segment, i) => {
    const from = i === 0 ? m[0].length : 0;
    const text = segment.text;
    const letters: { at: number; letter: string; textAt: number }[] = [];
    ENTRY_LETTER.lastIndex = from;
    for (let e = ENTRY_LETTER.exec(text); e; e = ENTRY_LETTER.exec(text)) {
      const letter = e[1] ?? e[2];
      const at = e.index + (e[0].length - e[0].trimStart().length);
      const previous = letters[letters.length - 1];
      // `A. A) 04 STATE 274965`: a letter written twice is one letter.
      if (previous && previous.letter === letter && text.slice(previous.textAt, at).trim() === '') {
        previous.textAt = e.index + e[0].length;
        continue;
      }
      letters.push({ at, letter, textAt: e.index + e[0].length });
    }
    if (letters.length === 0) {
      // Unlettered references are separated by semicolons: `STATE 106206 CIRCULAR; STATE CA-3400`.
      let pieceStart = from;
      for (const piece of text.slice(from).split(';')) {
        const { start, end } = trimmedBounds(piece);
        if (end > start) entries.push(entry(segment, pieceStart + start, pieceStart + end, undefined, citing));
        pieceStart += piece.length + 1;
      }
      return;
    }
    if (letters[0].at > from && text.slice(from, letters[0].at).trim()) {
      const { start, end } = trimmedBounds(text.slice(from, letters[0].at));
      entries.push(entry(segment, from + start, from + end, undefined, citing));
    }
    letters.forEach((l, k) => {
      const stop = k + 1 < letters.length ? letters[k + 1].at : trimmedBounds(text).end;
      const letterText = text.slice(l.at, l.textAt);
      const letterToken = tokenAt(segment, l.at, letterText.trimEnd(), l.letter.toUpperCase());
      entries.push(entry(segment, l.at, Math.max(l.textAt, stop), letterToken, citing));
    });
  });
  const last = segments[segments.length - 1];
  return { range: { start: keyword.range.start, end: trimmedRange(last).end }, keyword, entries };
}

function entry(segment: Segment, start: number, end: number, letter: Token | undefined, citing: CitingCable): ReferenceEntry {
  // Separators between entries belong to none: `A. STATE 145678; B. …`, `… 274965 / B. …`.
  let stop = trimmedEnd(segment.text, end);
  while (stop > start && /[;,/]/.test(segment.text[stop - 1])) stop = trimmedEnd(segment.text, stop - 1);
  const textStart = letter ? Math.min(stop, start + (segment.text.indexOf(letter.text, start) - start) + letter.text.length) : start;
  const body = segment.text.slice(textStart, stop);
  const lead = body.length - body.trimStart().length;
  const value = body.trim();
  // An entry that opens with a telegram citation cites that telegram whatever its gloss says
  // (`STATE 81957: REPORT OF U.S.-RUSSIA MANPADS EXPERTS MEETING`); elsewhere in the text, a word
  // of another kind (`EMBASSY PARIS DAILY REPORT FOR OCTOBER 28`) decides.
  const opensWithCitation = CITATION.exec(value)?.index === 0;
  const cable =
    opensWithCitation || !KINDS.some(([, pattern]) => pattern.test(value)) ? citation(segment, textStart + lead, value, citing) : undefined;
  const kind = cable ? 'cable' : (KINDS.find(([, pattern]) => pattern.test(value))?.[0] ?? 'other');
  return {
    range: range(segment.line, segment.start + start, segment.line, segment.start + stop),
    letter,
    text: value,
    kind,
    cable,
  };
}

function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

function citation(segment: Segment, offset: number, text: string, citing: CitingCable): CableCitation | undefined {
  const m = CITATION.exec(text);
  if (!m) return undefined;
  const words = m[2].split(' ');
  // `TEL` before a station is "telegram" (`TEL KABUL 2245`), except in TEL AVIV.
  while (words.length > 0 && NOT_A_STATION.test(words[0]) && !(words[0] === 'TEL' && words[1] === 'AVIV')) words.shift();
  if (words.length === 0 || NOT_A_STATION.test(words[words.length - 1])) return undefined;
  if (words.some((w) => NOT_IN_A_STATION.test(w))) return undefined;
  const station = words.join(' ');
  if (/^X+$/.test(station.replace(/\s+/g, ''))) return undefined;
  const number = Number(m[3]);
  const yearText = m[1] ?? m[4];
  const canonical = canonicalStation(station);
  // Without a year the telegram is of the citing cable's year (the convention: a reference to
  // another year's telegram gives the year), unless the citing cable's own station numbers it
  // past the citing cable itself: numbers grow through the year, so it cannot be of this one.
  const laterThanItself =
    citing.station !== undefined && citing.serial !== undefined && canonicalStation(citing.station) === canonical && number > citing.serial;
  const year = yearText ? Number(yearText.slice(-2)) : laterThanItself ? undefined : citing.year;
  const referenceId = year !== undefined ? `${String(year % 100).padStart(2, '0')}${canonical}${number}` : undefined;
  return {
    station,
    number,
    year: yearText ? Number(yearText) : undefined,
    referenceId,
    range: tokenAt(segment, offset + m.index, m[0]).range,
  };
}

/** Station as it appears in reference ids: no spaces, `SECSTATE` → `STATE`. */
export function canonicalStation(station: string): string {
  const compact = station.toUpperCase().replace(/[\s.'-]+/g, '');
  return compact === 'SECSTATE' ? 'STATE' : compact;
}

const CLASSIFIED_BY = /^(\s*)(?:\(U\)\s*)?(CLASSIFIED\s+BY)\b\s*:?\s*/i;

export function startsClassifiedBy(text: string): boolean {
  return CLASSIFIED_BY.test(text);
}

/** `Classified By: Ambassador …: 1.4 (B), (D)` and its continuation lines. */
export function parseClassifiedBy(segments: readonly Segment[]): ClassifiedBy | undefined {
  const first = segments[0];
  const m = CLASSIFIED_BY.exec(first.text);
  if (!m) return undefined;
  const keyword = tokenAt(first, first.text.indexOf(m[2]), m[2]);
  const reasons: Token[] = [];
  let section: Token | undefined;
  const authorityParts: string[] = [];
  segments.forEach((segment, i) => {
    const text = segment.text;
    const from = i === 0 ? m[0].length : 0;
    const s = /\b(1\.[45])\s*/.exec(text.slice(from));
    if (s && !section) {
      const at = from + s.index;
      section = tokenAt(segment, at, s[1]);
      authorityParts.push(text.slice(from, at));
      const tail = text.slice(at + s[0].length);
      const letters = /^(?:\s*(?:\(\s*[a-hA-H](?:\s*[,/]\s*[a-hA-H])*\s*\)|[a-hA-H](?![A-Za-z])|,|\/|and|&|AND))+/.exec(tail);
      if (letters) {
        for (const l of letters[0].matchAll(/(?<![A-Za-z])[a-hA-H](?![A-Za-z])/g)) {
          reasons.push(tokenAt(segment, at + s[0].length + l.index, l[0], l[0].toLowerCase()));
        }
      }
    } else if (!section) {
      authorityParts.push(text.slice(from));
    }
  });
  const authority = trimAuthority(foldSpace(authorityParts.join(' ')));
  const last = segments[segments.length - 1];
  return { range: { start: keyword.range.start, end: trimmedRange(last).end }, keyword, authority, section, reasons };
}

/** `Ambassador X, for reasons` → `Ambassador X`: trailing connective words and punctuation go. */
function trimAuthority(text: string): string {
  let result = text;
  for (;;) {
    const before = result;
    let end = result.length;
    while (end > 0 && ',;:. '.includes(result[end - 1])) end--;
    result = result.slice(0, end);
    // Only the last word is looked at: an authority that ran on into the text can be long.
    const space = result.lastIndexOf(' ');
    const last = result.slice(space + 1).toLowerCase();
    if (TRAILING_CONNECTIVES.has(last)) result = space < 0 ? '' : result.slice(0, space);
    if (result === before) return result;
  }
}
const TRAILING_CONNECTIVES = new Set(['for', 'reason', 'reasons', 'per', 'under', 'to', 'due']);

/** `OVIP (STEINBERG, JAMES B.)` → `OVIP`: the tag without its person. */
export function tagWithoutPerson(tag: string): string {
  const open = tag.indexOf('(');
  return (open < 0 ? tag : tag.slice(0, open)).trim();
}
