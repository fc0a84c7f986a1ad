/**
 * Sources that collapsed a body's newlines put several fields and paragraphs on one line: such a line
 * is cut into segments at field boundaries, so the same field parsers read every layout.
 */
import { gluedBannerAt, parsePageHeader } from './printout';
import { cutSegment, isBlank, matchOffsets, type Segment, type SourceLine, wholeLine } from './scan';

/**
 * Cut points in a collapsed body: before fields, pilcrows, numbered paragraphs and page headers,
 * and after a dump's own date (`Cable dated:2006-01-29T11:49:00S E C R E T …`, no space between).
 */
const COLLAPSED_FIELD =
  /(?:(?<lead>)(?:SIPDIS|E\.?\s?O\.?\s?1\d{4}\b|TAGS?:|TAGS\s|SUBJ(?:ECT)?:|REFS?:|(?:\(U\)\s*)?Classified\s+by\b))/dgi;
const DUMP_DATE = /Cable dated:\s*\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?(?<lead>)/dg;
const COLLAPSED_PARAGRAPH = /(?:¶|(?<=\s\s|[.)"]\s|[.)"])(?=\d{1,3}\.\s*\())/g;
const COLLAPSED_PAGE = /(?<lead>\s)[A-Z]{2,}(?: [A-Z]+){0,3} +\d{8} +\d{3}(?:\.\d)? +OF +\d{3}\b/dg;

export function textSegments(
  lines: readonly SourceLine[],
  from: number,
  to: number,
  glued: Segment | undefined,
): { list: Segment[]; collapsed: boolean } {
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
      list.push(...splitPrintNoise(segment, i < to ? lines[i + 1] : undefined));
    }
  }
  return { list, collapsed };
}

/**
 * Printouts whose page breaks were joined to the text: a page header opening a line of text
 * (`PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER`), a banner closing the line before
 * the next page's header (`…ESSENTIALLY, A  CONFIDENTIAL`). Cut off, they are read as what they
 * are, and the text around them as one.
 */
function splitPrintNoise(segment: Segment, nextLine: string | undefined): Segment[] {
  const page = parsePageHeader(segment);
  const banner = gluedBannerAt(segment.text, nextLine);
  if (!page && banner === undefined) return [segment];
  const cuts: number[] = [];
  if (page && page.end < segment.text.length) cuts.push(page.end);
  if (banner !== undefined && (!page || banner > page.end)) cuts.push(banner);
  return cutSegment(segment, cuts);
}

function isCollapsedLine(line: string): boolean {
  // Collapsed front matter sits at the start of the line: look at that part only, so the long
  // one-paragraph lines of most cables cost a bounded amount.
  const text = line.length > 3000 ? line.slice(0, 3000) : line;
  const head = text.length > 800 ? text.slice(0, 800) : text;
  // Two signs make a collapsed line; the cheap ones are looked at first, and the E.O. pattern,
  // the dearest, only when it could make the second.
  // Sources that removed newlines without a space glue a field to the word before (`2016TAGS:`, `EGSUBJECT:`).
  const tags = /\bTAGS?:?\s/i.test(head) || (head.includes('TAGS:') && /[A-Za-z0-9.]TAGS:\s/.test(head)) ? 1 : 0;
  const subject = /\bSUBJ(?:ECT)?:/i.test(head) || (head.includes('SUBJECT:') && /[A-Za-z0-9.]SUBJECT:/.test(head)) ? 1 : 0;
  if (tags + subject === 2) return true;
  const pilcrows = text.indexOf('¶') >= 0 && /¶\s*\d{1,3}\./.test(text) ? 1 : 0;
  const spaced = text.indexOf('  ') >= 0;
  if (tags + subject + pilcrows === 0 && !spaced) return false;
  const fields = tags + subject + pilcrows + (/E\.?\s?O\.?\s?1\d{4}/i.test(head) ? 1 : 0);
  if (fields >= 2) return true;
  if (!spaced) return false;
  // Paragraphs run together after the front matter (`Classified By: …  1.  (C) …  2.  (C) …`).
  const paragraphs = text.match(/\s\s\d{1,3}\.\s+\([A-Z]/g)?.length ?? 0;
  return paragraphs >= 2 && (fields === 1 || /^\s*(?:\(U\)\s*)?Classified\s+By\b/i.test(head) || paragraphs >= 3);
}

function splitCollapsed(segment: Segment): Segment[] {
  const text = segment.text;
  const paragraphCuts = matchOffsets(COLLAPSED_PARAGRAPH, text);
  const firstParagraph = paragraphCuts.length > 0 ? paragraphCuts[0] : text.length;
  const front = text.slice(0, firstParagraph);
  // Newlines collapsed to spaces usually leave two or more spaces where a line ended.
  const fieldCuts = [
    ...matchOffsets(COLLAPSED_FIELD, front),
    ...matchOffsets(DUMP_DATE, front),
    ...matchOffsets(/(?<lead>\s{2,})/dg, front),
  ];
  const pageCuts = matchOffsets(COLLAPSED_PAGE, text);
  return cutSegment(segment, [...fieldCuts, ...paragraphCuts, ...pageCuts]);
}
