/**
 * What printed copies of telegrams add around the text: page headers and classification banners
 * on every page, the Department's office distribution block, drafting and clearing lines, and a
 * post's print wrapper. None of it is text of the telegram: the parser takes it out of fields and
 * paragraphs, wherever a page break falls, and keeps it as elements of its own.
 */
import type { DistributionBlock, DraftingLines, Level, OfficeEntry, OfficerLine, PageHeader, Range, Token } from './model';
import { range, type Segment, type SourceLine, tokenAt, trimmedRange, wholeLine } from './scan';
import { CLASSIFICATION_START, levelOf } from './text';

/**
 * `PAGE 01        CAPE T  00097  01 OF 03  182017Z`, `PAGE 01 ANKARA 00001 021337Z`, `PAGE 01 STATE 195297`:
 * the post abbreviated to six characters (one or two words), the serial, the section of a
 * sectioned telegram and the time it was printed. Text may follow on the same line.
 */
const PAGE_HEADER =
  /^(\s*)PAGE\s+(\d{2,3})\s+([A-Z][A-Z.'-]*(?: [A-Z.'-]{1,6})?)\s+(\d{5,6})(?:\s+(\d{2})\s+OF\s+(\d{2}))?(?:\s+(\d{6}) ?Z)?(?![A-Za-z0-9])/;

/** A page header at the start of the segment, and where it ends (text can follow it on its line). */
export function parsePageHeader(segment: Segment): { readonly header: PageHeader; readonly end: number } | undefined {
  const text = segment.text;
  if (!mayStartPageHeader(text)) return undefined;
  const m = PAGE_HEADER.exec(text);
  if (!m) return undefined;
  const end = m[0].length;
  // Without a section or a time, only a line of its own is a page header (`PAGE 01 STATE 195297`).
  if (m[5] === undefined && m[7] === undefined && text.slice(end).trim() !== '') return undefined;
  let at = m[1].length + 4;
  const take = (value: string | undefined): Token | undefined => {
    if (value === undefined) return undefined;
    at = text.indexOf(value, at);
    const token = tokenAt(segment, at, value);
    at += value.length;
    return token;
  };
  const number = (token: Token | undefined): Token<number> | undefined => token && { ...token, value: Number(token.text) };
  const page = number(take(m[2]))!;
  const station = take(m[3])!;
  const serial = number(take(m[4]))!;
  const section = number(take(m[5]));
  const total = number(take(m[6]));
  const time = m[7] === undefined ? undefined : take(text.slice(text.indexOf(m[7], at), end).trim());
  const start = { line: segment.line, character: segment.start + m[1].length };
  const header: PageHeader = { range: { start, end: (time ?? total ?? serial).range.end }, page, station, serial, section, total, time };
  return { header, end };
}

/** Page headers start with `PAGE` (after spaces): one look spares most lines the pattern. */
function mayStartPageHeader(text: string): boolean {
  return text.startsWith('PAGE', leadingBlanks(text));
}

const BANNER = new RegExp(`^(\\s*)(${CLASSIFICATION_START.source})(?:\\s+[A-Z]{2,4}\\d{3,5})?\\s*$`, 'i');

/** A printed page's classification banner: the level alone, or with a control number (`CONFIDENTIAL     PTQ1859`). */
export function parseBanner(segment: Segment): Token<Level> | undefined {
  // The longest banner, `T O P  S E C R E T` with a control number and spaces, is far below this.
  const text = segment.text;
  if (text.length > 120) return undefined;
  // Every level starts with C, S, T, U or L (either case): most text lines are spared the pattern.
  const first = text.charCodeAt(leadingBlanks(text)) | 0x20;
  if (first !== 0x63 && first !== 0x73 && first !== 0x74 && first !== 0x75 && first !== 0x6c) return undefined;
  const m = BANNER.exec(text);
  if (!m) return undefined;
  const level = levelOf(m[2]);
  return level && tokenAt(segment, m[1].length, m[2], level);
}

const GLUED_BANNER = new RegExp(`\\s{2,}(?=(?:${CLASSIFICATION_START.source})\\s*$)`);

/**
 * Where a banner glued to the end of a text line starts (`…BROUGHT IN MDC MINISTERS--A  CONFIDENTIAL`
 * when the next line is the next page's header); undefined when there is none.
 */
export function gluedBannerAt(line: string, nextLine: string | undefined): number | undefined {
  if (nextLine === undefined || !mayStartPageHeader(nextLine)) return undefined;
  const m = GLUED_BANNER.exec(line);
  return m && m.index > 0 ? m.index + m[0].length : undefined;
}

const DISTRIBUTION_KEYWORD = /^(\s*)(ACTION|ORIGIN)\s+([A-Z][A-Z0-9/]*)-(\d{2,3})\b/;
const INFO_KEYWORD = /^(\s*)(INFO)\s+(?=[A-Z][A-Z0-9/]*-\d{2,3}\b)/;
const OFFICE_ENTRY = /(?<![A-Za-z0-9/-])([A-Z][A-Z0-9/]*)-(\d{2,3})(?![A-Za-z0-9-])/g;
const TOTAL = /(?<![A-Za-z0-9])\/(\d{3})\s?([WR])\b/;
/** Matched against the line with its spaces collapsed, so that no two `\s+` compete for the same run of blanks. */
const CONTROL_LINE = /^-{5,} ?(?:(\d{6})Z )?([0-9A-F]{6})?(?: \d{6}Z)?(?: \/\d{2})?$/;

/** `------------------  151400Z 021749 /38`: the dashed line of a printout; the control number, when the line gives one. */
function controlLine(text: string): { number: string | undefined } | undefined {
  if (!text.startsWith('-----', leadingBlanks(text))) return undefined;
  const m = CONTROL_LINE.exec(text.trim().replace(/\s+/g, ' '));
  return m ? { number: m[2] } : undefined;
}
/** A line of copy counts only: `      H-01     NSCE-00  NSAE-00  HA-09`, `      P-02     T-01     /037 W`. */
const ENTRIES_ONLY = /^\s*(?:\([A-Z]+\)\s*)?(?:[A-Z][A-Z0-9/]*-\d{2,3}\s+)*(?:[A-Z][A-Z0-9/]*-\d{2,3}|\/\d{3}\s?[WR])\s*$/;

/** Spaces and tabs at the start of `text`. */
function leadingBlanks(text: string): number {
  let at = 0;
  while (at < text.length && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  return at;
}

/** The longest distribution line seen is about 130 characters; the text's long lines are spared the patterns. */
const LONGEST_DISTRIBUTION_LINE = 300;

/** One line of an office distribution block: ACTION/ORIGIN/INFO, copy counts, the total, the control line. */
export function isDistributionLine(text: string): boolean {
  if (text.length > LONGEST_DISTRIBUTION_LINE) return false;
  const first = text.charCodeAt(leadingBlanks(text));
  // Every form starts with a capital (an office, ACTION, INFO), a dash (the control line), `/` (the total) or `(`.
  if (!((first >= 65 && first <= 90) || first === 45 || first === 47 || first === 40)) return false;
  return DISTRIBUTION_KEYWORD.test(text) || INFO_KEYWORD.test(text) || ENTRIES_ONLY.test(text) || controlLine(text) !== undefined;
}

/** The first line of a distribution block: `ACTION EUR-25`, `ORIGIN EUR-12`, `INFO  OCT-01 …`. */
export function startsDistribution(text: string): boolean {
  return DISTRIBUTION_KEYWORD.test(text) || INFO_KEYWORD.test(text);
}

/** The office distribution block in lines `first`–`last` of a printout, or undefined when they hold none. */
export function parseDistribution(lines: readonly SourceLine[], first: number, last: number): DistributionBlock | undefined {
  let action: DistributionBlock['action'];
  let infoKeyword: Token | undefined;
  const info: OfficeEntry[] = [];
  let total: Token<number> | undefined;
  let control: Token | undefined;
  let start: Range['start'] | undefined;
  let end: Range['end'] | undefined;
  const extend = (segment: Segment) => {
    const r = trimmedRange(segment);
    start ??= r.start;
    end = r.end;
  };
  for (let i = first; i <= last; i++) {
    const segment = wholeLine(lines, i);
    const text = segment.text;
    const keyword = DISTRIBUTION_KEYWORD.exec(text);
    const infoAt = INFO_KEYWORD.exec(text);
    if (keyword && !action) {
      const keywordToken = tokenAt(segment, keyword[1].length, keyword[2]);
      const entries = officeEntries(segment, keyword[1].length + keyword[2].length);
      if (entries.length > 0) action = { keyword: keywordToken, entry: entries[0] };
      info.push(...entries.slice(1));
    } else if (infoAt || ENTRIES_ONLY.test(text)) {
      if (infoAt) infoKeyword ??= tokenAt(segment, infoAt[1].length, infoAt[2]);
      info.push(...officeEntries(segment, infoAt ? infoAt[0].length : 0));
    } else if (controlLine(text)) {
      const number = controlLine(text)?.number;
      if (number) control = tokenAt(segment, text.lastIndexOf(number), number);
    } else {
      continue;
    }
    const t = TOTAL.exec(text);
    if (t) total = tokenAt(segment, t.index, t[0], Number(t[1]));
    extend(segment);
  }
  if (!start || !end || (!action && info.length === 0)) return undefined;
  return { range: { start, end }, action, infoKeyword, info, total, control };
}

function officeEntries(segment: Segment, from: number): OfficeEntry[] {
  const entries: OfficeEntry[] = [];
  OFFICE_ENTRY.lastIndex = from;
  for (let m = OFFICE_ENTRY.exec(segment.text); m; m = OFFICE_ENTRY.exec(segment.text)) {
    const office = tokenAt(segment, m.index, m[1]);
    const copies = tokenAt(segment, m.index + m[1].length + 1, m[2], Number(m[2]));
    entries.push({ range: { start: office.range.start, end: copies.range.end }, office, copies });
  }
  return entries;
}

/**
 * `DRAFTED BY EUR/WE:JSMITH:LK`, `APPROVED BY S/S:MR. ORTIZ` (Department originals; `DRAFTED BY:`
 * in 2009 copies), `APPROVED: AMB:MMWAHBA`, `DRAFTED:`, `CLEARED:` (a post's print wrapper).
 */
const OFFICER_KEYWORD = /^(\s*)(DRAFTED\s+BY|APPROVED\s+BY|CLEARED\s+BY|DRAFTED|APPROVED|CLEARED)\s*:?\s*/;
/** A clearance line after APPROVED BY: `EUR/WE - MR. BARBOUR`, `S:JPCOVEY`, `OC/T - MR. GENDRON (SUBST)`. */
const CLEARANCE = /^(\s*)([A-Z][A-Z0-9/&-]*)\s*(?:-\s+|:)(?=\S)/;
const DESIRED_DISTRIBUTION = /^\s*DESIRED\s+DISTRIBUTION\b\s*:?\s*/;

export function startsDrafting(text: string): boolean {
  return OFFICER_KEYWORD.test(text);
}

/** Drafting, approving and clearing lines in lines `first`–`last`, or undefined when there are none. */
export function parseDrafting(lines: readonly SourceLine[], first: number, last: number): DraftingLines | undefined {
  let drafted: OfficerLine | undefined;
  let approved: OfficerLine | undefined;
  const clearances: OfficerLine[] = [];
  let desiredDistribution: Token | undefined;
  let inClearances = false;
  let start: Range['start'] | undefined;
  let end: Range['end'] | undefined;
  for (let i = first; i <= last; i++) {
    const segment = wholeLine(lines, i);
    const text = segment.text;
    const keyword = OFFICER_KEYWORD.exec(text);
    if (keyword) {
      const word = keyword[2].replace(/\s+/g, ' ').replace(/ BY$/, '');
      const line = officerLine(segment, keyword[1].length, keyword[2], keyword[0].length);
      if (word === 'DRAFTED') drafted ??= line;
      else if (word === 'APPROVED') approved ??= line;
      else clearances.push(...splitClearances(segment, line, keyword[0].length));
      inClearances = word !== 'DRAFTED';
    } else if (DESIRED_DISTRIBUTION.test(text)) {
      const after = text.replace(DESIRED_DISTRIBUTION, '').trim() || (i < last ? lines[i + 1].trim() : '');
      const onNext = text.replace(DESIRED_DISTRIBUTION, '').trim() === '' && i < last;
      const where = onNext ? wholeLine(lines, i + 1) : segment;
      if (after) desiredDistribution = tokenAt(where, where.text.indexOf(after), after);
      if (onNext) i++;
      inClearances = false;
      end = trimmedRange(where).end;
      start ??= trimmedRange(segment).start;
      continue;
    } else if (inClearances && CLEARANCE.test(text) && !isDistributionLine(text)) {
      const m = CLEARANCE.exec(text)!;
      clearances.push(officerLine(segment, m[1].length, undefined, m[1].length));
    } else {
      if (text.trim() !== '') inClearances = false;
      continue;
    }
    start ??= trimmedRange(segment).start;
    end = trimmedRange(segment).end;
  }
  if (!start || !end) return undefined;
  return { range: { start, end }, drafted, approved, clearances, desiredDistribution };
}

/** An officer line from `keywordAt` (the keyword, if any) and `restAt` (office and officer). */
function officerLine(segment: Segment, keywordAt: number, keyword: string | undefined, restAt: number): OfficerLine {
  const text = segment.text;
  const rest = text.slice(restAt).trimEnd();
  const keywordToken = keyword === undefined ? undefined : tokenAt(segment, keywordAt, keyword);
  const office = /^([A-Z][A-Z0-9/&-]*?)\s*(?:-\s+|:)/.exec(rest);
  const officeToken = office ? tokenAt(segment, restAt, office[1]) : undefined;
  const officerAt = restAt + (office ? office[0].length : 0);
  const officerText = text.slice(officerAt).trim();
  const officer = officerText ? tokenAt(segment, text.indexOf(officerText, officerAt), officerText) : undefined;
  const startToken = keywordToken ?? officeToken ?? officer;
  const lineRange = startToken
    ? { start: startToken.range.start, end: trimmedRange(segment).end }
    : range(segment.line, restAt, segment.line, restAt);
  return { range: lineRange, keyword: keywordToken, office: officeToken, officer };
}

/** `CLEARED: A/DCM:TEWILLIAMS; ECON:CMCRUMPLER`: one clearance per office. */
function splitClearances(segment: Segment, whole: OfficerLine, restAt: number): OfficerLine[] {
  const text = segment.text;
  if (!text.includes(';', restAt)) return [whole];
  const parts: OfficerLine[] = [];
  let at = restAt;
  for (const piece of text.slice(restAt).split(';')) {
    const lead = piece.length - piece.trimStart().length;
    if (piece.trim()) parts.push(officerLine(segment, at + lead, undefined, at + lead));
    at += piece.length + 1;
  }
  if (parts.length > 0 && whole.keyword)
    parts[0] = { ...parts[0], keyword: whole.keyword, range: { start: whole.keyword.range.start, end: parts[0].range.end } };
  return parts;
}
