import { dtgValue, julianTime } from './dates';
import type {
  Addressee,
  AddresseeRole,
  DateTimeGroup,
  FromLine,
  Level,
  SecurityGroup,
  StationLine,
  Token,
  TransmissionHeader,
} from './model';
import { isDistributionLine, parseBanner, parsePageHeader } from './printout';
import { CLASSIFICATION_START } from './text';
import { cutSegment, isBlank, matchOffsets, range, type Segment, type SourceLine, tokenAt, trimmedRange, wholeLine } from './scan';

export const FL1 = /^\s*(VZCZC[A-Z0-9]*)/i;
/** Precedence letters then `DDHHMMZ MON YY` (`221828 Z` in older copies); the letters are absent in partial extracts. */
export const DTG_LINE = /^\s*((?:[ZOPRY0]\s+){0,2})(\d{2})(\d{2})(\d{2}) ?Z\s+([A-Za-z]{3})\s+(\d{2})(?![\d])/;
const RI = /^R[A-Z0-9]{3,8}$/;
const PRECEDENCE_WORDS = new Set(['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE', 'PIORITY', 'PRIORTY']);
const MCN = /^\d{4}(?:-\d{4})?$/;

/** The last word of `text` before `end`: its start and the word; undefined when there is none. */
function lastWord(text: string, end: number): { start: number; word: string } | undefined {
  let stop = end;
  while (stop > 0 && /\s/.test(text[stop - 1])) stop--;
  let start = stop;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  return stop > start ? { start, word: text.slice(start, stop) } : undefined;
}
/** Office distribution blocks and page headers of received copies: part of the header, no fields. */
export const DISTRIBUTION_LINE =
  /^\s*(?:(?:ACTION|ORIGIN|INFO)\s+[A-Z]+-\d\d\b|(?:[A-Z]+-\d\d\s*)+(?:\/\d+[A-Z]?\s*)?$|-{5,}|PAGE\s+\d\d\s|\/\d+[A-Z]\s*$)/;

const GROUP_LEVEL: Record<string, Level> = { UUUUU: 'U', EEEEE: 'U', CCCCC: 'C', SSSSS: 'S', TTTTT: 'TS' };

/** Where a collapsed one-line header is cut into fields. */
const ONE_LINE_FIELD =
  /(?<lead>\s)(?:DE\s+R[A-Z0-9]|ZN[RY]\s|(?:[ZOPRY]\s){1,2}\d{6}Z\s+[A-Z]{3}\s+\d{2}\b|FM\s|TO\s|INFO\s|XMT\s|R[A-Z0-9]{3,8}\/)/dg;
const ONE_LINE_ADDRESSEE_END = /(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE)(?:\s\d{4}(?:-\d{4})?)?(?<lead>\s)(?=[A-Z])/dg;

type State = 'start' | 'fl1' | 'fl2' | 'fl3' | 'fl4' | 'fl5' | 'fm' | AddresseeRole;

export interface HeaderResult {
  readonly header: TransmissionHeader;
  /** First line after the header, and the segment of it that starts the text when the header shares its line. */
  readonly nextLine: number;
  readonly textSegment?: Segment;
  /** Lines of a printed copy between the DTG and the FM line (banner, page header, distribution): not header fields. */
  readonly printout?: { readonly first: number; readonly last: number };
}

/** A line a printed copy adds: a banner, a page header, an office distribution line, or the bare line count (`44`). */
function isPrintoutLine(lines: readonly SourceLine[], index: number): boolean {
  const segment = wholeLine(lines, index);
  return (
    parseBanner(segment) !== undefined ||
    parsePageHeader(segment) !== undefined ||
    isDistributionLine(segment.text) ||
    /^\s*\d{1,3}\s*$/.test(segment.text)
  );
}

/**
 * The FM line after a printed copy's lines that start at `index` (a partial extract gives the DTG
 * first, then the printout: `291359Z Nov 00`, banner, page header, distribution, FM…); undefined
 * when no FM line follows them.
 */
function fmAfterPrintout(lines: readonly SourceLine[], index: number, last: number): number | undefined {
  if (!isPrintoutLine(lines, index)) return undefined;
  for (let i = index + 1; i <= Math.min(last, index + 40); i++) {
    if (isBlank(lines[i]) || isPrintoutLine(lines, i)) continue;
    return /^\s*FM\s+\S/.test(lines[i]) ? i : undefined;
  }
  return undefined;
}

/** True when one physical line holds several format lines (a dataset collapsed the header). */
export function isOneLineHeader(text: string): boolean {
  return text.length > 30 && /\sDE\s+R[A-Z0-9]{3,8}\b|\sFM\s+\S/.test(text) && (FL1.test(text) || DTG_LINE.test(text));
}

function oneLineSegments(lines: readonly SourceLine[], index: number): Segment[] {
  const text = lines[index];
  const cuts = matchOffsets(ONE_LINE_FIELD, text);
  const fl1 = FL1.exec(text);
  if (fl1) cuts.push(fl1.index + fl1[0].length);
  const fm = /\sFM\s/.exec(text);
  if (fm) {
    // After FM the addressees follow; without RIs they can only be told apart by precedence/MCN.
    const tail = text.slice(fm.index);
    for (const offset of matchOffsets(ONE_LINE_ADDRESSEE_END, tail)) cuts.push(fm.index + offset);
  }
  const classification = new RegExp(`\\s(?=${CLASSIFICATION_START.source})`, 'gi');
  for (const offset of matchOffsets(classification, text)) {
    if (fm && offset > fm.index) cuts.push(offset);
  }
  return cutSegment(wholeLine(lines, index), cuts);
}

/**
 * Parses the transmission header starting at line `first` (its FL1 or DTG line) and stops at the
 * classification line, at the first blank line after the addressees, or at `last`.
 */
export function parseHeader(lines: readonly SourceLine[], first: number, last: number): HeaderResult {
  const oneLine = isOneLineHeader(lines[first]);
  let state: State = 'start';
  let transmissionId: Token | undefined;
  let precedenceProsign: Token | undefined;
  const relays: Token[] = [];
  let station: StationLine | undefined;
  let securityGroup: SecurityGroup | undefined;
  let dtg: DateTimeGroup | undefined;
  let from: FromLine | undefined;
  const addressees: Addressee[] = [];
  let lastContentLine = first;
  let lastContentEnd = 0;
  let nextLine = last + 1;
  let textSegment: Segment | undefined;
  let printout: HeaderResult['printout'];

  outer: for (let index = first; index <= last; index++) {
    if (state === 'fl5' && !from && !printout) {
      const fm = fmAfterPrintout(lines, index, last);
      if (fm !== undefined) {
        printout = { first: index, last: fm - 1 };
        index = fm - 1;
        continue;
      }
    }
    if (isBlank(lines[index])) {
      if (state === 'fm' || state === 'to' || state === 'info' || state === 'xmt') {
        nextLine = index;
        break;
      }
      continue;
    }
    const segments = index === first && oneLine ? oneLineSegments(lines, index) : withGluedText(wholeLine(lines, index));
    for (const segment of segments) {
      const text = segment.text;
      if (state !== 'start' && startsClassificationLine(text) && !DISTRIBUTION_LINE.test(text)) {
        if (segment.start > 0) {
          textSegment = segment;
          nextLine = index + 1;
        } else {
          nextLine = index;
        }
        break outer;
      }
      let m: RegExpExecArray | null;
      if ((m = FL1.exec(text)) && state === 'start') {
        transmissionId = tokenAt(segment, m.index + m[0].length - m[1].length, m[1]);
        state = 'fl1';
      } else if (/^\s*DE\s+/.test(text)) {
        station = parseStation(segment);
        state = 'fl3';
      } else if (/^\s*ZN[RY]\b/i.test(text)) {
        securityGroup = parseSecurityGroup(segment);
        state = 'fl4';
      } else if ((m = DTG_LINE.exec(text)) && !dtg) {
        dtg = parseDtg(segment, m);
        state = 'fl5';
      } else if (/^\s*FM\s+\S/.test(text) && !from) {
        const keyword = /FM/.exec(text)!;
        const rest = restAfter(segment, keyword.index + 2);
        from = { range: trimmedRange(segment), keyword: tokenAt(segment, keyword.index, 'FM'), address: rest };
        state = 'fm';
      } else if ((m = /^(\s*)(TO|INFO|XMT)(\s+|$)/.exec(text)) && !DISTRIBUTION_LINE.test(text)) {
        state = m[2].toLowerCase() as AddresseeRole;
        const keyword = tokenAt(segment, m[1].length, m[2]);
        const addressee = parseAddressee(segment, m[0].length, state, keyword);
        if (addressee) addressees.push(addressee);
      } else if (state === 'fl1' && (m = /^\s*([A-Z]{2})(?=\s+R[A-Z0-9]{3})/.exec(text))) {
        precedenceProsign = tokenAt(segment, m.index + m[0].length - 2, m[1]);
        collectRelays(segment, m[0].length, relays);
        state = 'fl2';
      } else if (state === 'fl2' && /^\s*R[A-Z0-9]{3,8}(?:\s+R[A-Z0-9]{3,8})*\s*$/.test(text)) {
        collectRelays(segment, 0, relays);
      } else if ((state === 'to' || state === 'info' || state === 'xmt') && !DISTRIBUTION_LINE.test(text)) {
        const addressee = parseAddressee(segment, 0, state, undefined);
        if (addressee) addressees.push(addressee);
      } else if (state !== 'start' && isTextFrontMatter(text)) {
        nextLine = index;
        break outer;
      }
      const trimmed = trimmedRange(segment);
      if (trimmed.end.character > trimmed.start.character) {
        lastContentLine = index;
        lastContentEnd = trimmed.end.character;
      }
    }
  }

  const header: TransmissionHeader = {
    range: range(first, leadingSpace(lines[first]), lastContentLine, lastContentEnd),
    layout: oneLine ? 'oneLine' : 'multiLine',
    transmissionId,
    precedenceProsign,
    relays,
    station,
    securityGroup,
    dtg,
    from,
    addressees,
  };
  return { header, nextLine, textSegment, printout };
}

let classificationHere: RegExp | undefined;
const GLUED_AFTER = ['PRIORITY', 'IMMEDIATE', 'ROUTINE', 'FLASH'];

/**
 * A classification line glued to the last addressee by a source that dropped the line break
 * (`INFO RUEAWJA/DEPTRANS WASHDC PRIORITYUNCLAS DUBLIN 02469`): cut where it starts. Found with
 * indexOf: a pattern with a look-behind is tried at every position of every header line.
 */
function withGluedText(segment: Segment): Segment[] {
  const text = segment.text;
  if (text.length < 12) return [segment];
  classificationHere ??= new RegExp(`(?:${CLASSIFICATION_START.source})\\s`, 'y');
  for (const word of GLUED_AFTER) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      let end = at + word.length;
      // An MCN may stand between the precedence and the glued line: `PRIORITY 0731UNCLAS …`.
      if (text.charCodeAt(end) === 32 && /^\d{4}/.test(text.slice(end + 1, end + 5))) end += 5;
      classificationHere.lastIndex = end;
      if (end < text.length && classificationHere.test(text)) return cutSegment(segment, [end]);
    }
  }
  return [segment];
}

function leadingSpace(text: string): number {
  const m = /^\s*/.exec(text);
  return m ? m[0].length : 0;
}

let classificationAtStart: RegExp | undefined;

function startsClassificationLine(text: string): boolean {
  classificationAtStart ??= new RegExp(`^\\s*(?:${CLASSIFICATION_START.source})`, 'i');
  return classificationAtStart.test(text) && /\d/.test(text);
}

function isTextFrontMatter(text: string): boolean {
  return /^\s*(?:E\.?\s?O\.?\s?\d{4,5}|TAGS?\b|SUBJ(?:ECT)?\s*:|SIPDIS\b)/i.test(text);
}

function restAfter(segment: Segment, offset: number): Token | undefined {
  const rest = segment.text.slice(offset);
  const lead = rest.length - rest.trimStart().length;
  const value = rest.trim().replace(/\\$/, '').trimEnd();
  if (!value) return undefined;
  return tokenAt(segment, offset + lead, value);
}

function collectRelays(segment: Segment, from: number, relays: Token[]): void {
  const pattern = /\S+/g;
  pattern.lastIndex = from;
  for (let m = pattern.exec(segment.text); m; m = pattern.exec(segment.text)) {
    const word = m[0].replace(/\\$/, '');
    if (RI.test(word)) relays.push(tokenAt(segment, m.index, word));
  }
}

function parseStation(segment: Segment): StationLine {
  const text = segment.text;
  const keywordIndex = text.indexOf('DE');
  const result: {
    range: ReturnType<typeof trimmedRange>;
    keyword: Token;
    routingIndicator?: Token;
    serial?: Token<number>;
    section?: Token<number>;
    filingTime?: Token<ReturnType<typeof julianTime>>;
  } = { range: trimmedRange(segment), keyword: tokenAt(segment, keywordIndex, 'DE') };
  const words = /\S+/g;
  words.lastIndex = keywordIndex + 2;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const word = m[0].replace(/\\$/, '');
    if (!result.routingIndicator && !word.startsWith('#') && /^[A-Z0-9]+$/.test(word) && !/^\d{7}$/.test(word)) {
      result.routingIndicator = tokenAt(segment, m.index, word);
      continue;
    }
    const serial = /^#(\d+)(?:\/(\d+))?$/.exec(word);
    if (serial && !result.serial) {
      result.serial = tokenAt(segment, m.index, `#${serial[1]}`, Number(serial[1]));
      if (serial[2] !== undefined) {
        result.section = tokenAt(segment, m.index + serial[1].length + 2, serial[2], Number(serial[2]));
      }
      continue;
    }
    if (/^\d{7}$/.test(word) && !result.filingTime) {
      result.filingTime = tokenAt(segment, m.index, word, julianTime(word));
    }
  }
  return result;
}

function parseSecurityGroup(segment: Segment): SecurityGroup {
  const words = [...segment.text.matchAll(/\S+/g)];
  const signal = tokenAt(segment, words[0].index, words[0][0]);
  let group: Token<Level | undefined> | undefined;
  const extras: Token[] = [];
  for (const w of words.slice(1)) {
    const word = w[0].replace(/\\$/, '');
    if (!group && /^([A-Z])\1{4}$/i.test(word)) {
      group = tokenAt(segment, w.index, word, GROUP_LEVEL[word.toUpperCase()]);
    } else if (word) {
      extras.push(tokenAt(segment, w.index, word));
    }
  }
  return { range: trimmedRange(segment), signal, group, extras };
}

export function parseDtg(segment: Segment, m: RegExpExecArray): DateTimeGroup {
  const precedence: Token[] = [];
  const lead = m[0].length - m[0].trimStart().length;
  let offset = m.index + lead;
  for (const letter of m[1].split(/\s+/).filter(Boolean)) {
    const at = segment.text.indexOf(letter, offset);
    precedence.push(tokenAt(segment, at, letter));
    offset = at + 1;
  }
  const groupText = m[0].slice(lead + m[1].length);
  const groupOffset = m.index + lead + m[1].length;
  const value = dtgValue(Number(m[2]), Number(m[3]), Number(m[4]), m[5], Number(m[6]));
  const token = tokenAt(segment, groupOffset, groupText, value);
  const start = precedence[0]?.range.start ?? token.range.start;
  return { range: { start, end: token.range.end }, precedence, token };
}

/** `[RI/]PLAD[ precedence][ MCN]`, from `offset` in the segment. */
function parseAddressee(segment: Segment, offset: number, role: AddresseeRole, keyword: Token | undefined): Addressee | undefined {
  let body = segment.text.slice(offset);
  const lead = body.length - body.trimStart().length;
  body = body.trim().replace(/\\$/, '').trimEnd();
  if (!body) return undefined;
  const base = offset + lead;
  let routingIndicator: Token | undefined;
  let addressStart = 0;
  const ri = /^(R[A-Z0-9]{3,8})\//.exec(body);
  if (ri) {
    routingIndicator = tokenAt(segment, base, ri[1]);
    addressStart = ri[0].length;
  }
  let addressEnd = body.length;
  let mcn: Token | undefined;
  let precedence: Token | undefined;
  // `… PRIORITY 4366`: an MCN, then a precedence word (NIACT IMMEDIATE is two), read from the end.
  let last = lastWord(body, addressEnd);
  if (last && last.start > addressStart && MCN.test(last.word)) {
    mcn = tokenAt(segment, base + last.start, last.word);
    addressEnd = last.start;
    last = lastWord(body, addressEnd);
  }
  if (last && last.start > addressStart && PRECEDENCE_WORDS.has(last.word)) {
    let start = last.start;
    const before = lastWord(body, last.start);
    if (last.word === 'IMMEDIATE' && before?.word === 'NIACT' && before.start > addressStart) start = before.start;
    precedence = tokenAt(segment, base + start, body.slice(start, last.start + last.word.length));
    addressEnd = start;
  }
  while (addressEnd > addressStart && /\s/.test(body[addressEnd - 1])) addressEnd--;
  const addressText = body.slice(addressStart, addressEnd).trim();
  const address = tokenAt(segment, base + addressStart, addressText || body.slice(addressStart));
  const first = keyword ?? routingIndicator ?? address;
  return {
    range: { start: first.range.start, end: tokenAt(segment, base, body).range.end },
    role,
    keyword,
    routingIndicator,
    address,
    precedence,
    mcn,
    collective: /\bCOLLECTIVE\b/i.test(addressText),
  };
}
