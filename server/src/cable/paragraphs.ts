import type { Marking, SubParagraph, Token } from './model';
import { parseMarkingAt } from './markings';
import { indent, isRegExpSpace, type Segment, tokenAt, trimmedBounds } from './scan';

/** `1.`, `1 .`, `1.(C)`, `¶1.`, `- 12.` at the start of a segment. */
const PARAGRAPH_START = /^(\s{0,3})(?:(-\s+)|(¶\s*))?(\d{1,3})(\s?\.)(?=\s|\(|$)/;

export interface ParagraphStart {
  readonly number: Token<number>;
  readonly prefix?: Token;
  readonly marking?: Marking;
  /** Offset in the segment where the paragraph's own words begin. */
  readonly textOffset: number;
}

/** The characters that can open a paragraph number, checked before the pattern runs. */
function mayStartParagraph(text: string): boolean {
  const at = indent(text);
  if (at > 3) return false;
  const c = text.charCodeAt(at);
  return (c >= 48 && c <= 57) || c === 45 /* - */ || c === 0xb6 /* ¶ */ || isRegExpSpace(c);
}

export function paragraphStart(segment: Segment): ParagraphStart | undefined {
  if (!mayStartParagraph(segment.text)) return undefined;
  const m = PARAGRAPH_START.exec(segment.text);
  if (!m) return undefined;
  let at = m[1].length;
  let prefix: Token | undefined;
  const prefixText = m[2] ?? m[3];
  if (prefixText) {
    prefix = tokenAt(segment, at, prefixText.trim());
    at += prefixText.length;
  }
  const numberText = m[4] + m[5];
  const number = tokenAt(segment, at, numberText, Number(m[4]));
  at += numberText.length;
  const marking = parseMarkingAt(segment, at);
  const textOffset = marking ? marking.range.end.character - segment.start : at;
  return { number, prefix, marking, textOffset };
}

const SUB_PARAGRAPH = /^(\s*)(?:([A-Z])\.(?=\s)|\(([A-Za-z])\)(?=\s)|\((\d{1,2})\)(?=\s)|(--?)(?=\s)|(\d{1,2})\.(?=\s))/;

/** `A.`, `(a)`, `(1)`, `-`, `--`, `1.`: the first character (and the one after a capital) decide. */
function mayStartSubParagraph(text: string): boolean {
  const at = indent(text);
  const c = text.charCodeAt(at);
  if (c >= 65 && c <= 90) return text.charCodeAt(at + 1) === 46; /* . */
  return c === 40 /* ( */ || c === 45 /* - */ || (c >= 48 && c <= 57) || isRegExpSpace(c);
}

export function subParagraphStart(segment: Segment): (Omit<SubParagraph, 'range'> & { textOffset: number }) | undefined {
  if (!mayStartSubParagraph(segment.text)) return undefined;
  const m = SUB_PARAGRAPH.exec(segment.text);
  if (!m) return undefined;
  const labelText = m[0].slice(m[1].length);
  const label = tokenAt(segment, m[1].length, labelText);
  const kind: SubParagraph['kind'] =
    m[2] !== undefined
      ? 'letter'
      : m[3] !== undefined
        ? 'parenthesized-letter'
        : m[4] !== undefined
          ? 'parenthesized-number'
          : m[5] !== undefined
            ? 'bullet'
            : 'number';
  const marking = parseMarkingAt(segment, m[0].length);
  const textOffset = marking ? marking.range.end.character - segment.start : m[0].length;
  return { label, kind, marking, title: titleOf(segment.text, textOffset), textOffset };
}

/** A short title of the words from `from` on: the lead-in before a colon (`Summary:`), else the first words. */
export function titleOf(text: string, from = 0): string {
  const clean = foldedHead(text, from, 61);
  const leadIn = leadInEnd(clean);
  if (leadIn > 0) return `${clean.slice(0, leadIn).trim()}:`;
  if (clean.length <= 60) return clean;
  const cut = clean.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  let title = space > 30 ? cut.slice(0, space) : cut;
  while (title.length > 0 && /[\s,;:]/.test(title[title.length - 1])) title = title.slice(0, -1);
  return `${title}…`;
}

/**
 * Where a lead-in of 1–40 characters ends in a colon (not `://`), or -1: what
 * `/^([^:.]{1,40}):(?!\/)/` matches, found without running it on every paragraph.
 */
function leadInEnd(text: string): number {
  const n = Math.min(text.length, 41);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) return -1;
    if (c === 58 /* : */) return i > 0 && text.charCodeAt(i + 1) !== 47 /* / */ ? i : -1;
  }
  return -1;
}

function isTitleSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * The text from `from` with runs of white space folded to one space and trimmed, word by word and
 * only until it is longer than `limit` (the title never looks further). Words already one space
 * apart, the usual case, come out as one slice.
 */
function foldedHead(text: string, from: number, limit: number): string {
  const n = text.length;
  let i = from;
  while (i < n && isTitleSpace(text.charCodeAt(i))) i++;
  const first = i;
  let end = i;
  let length = 0;
  let folded = false;
  while (i < n && length <= limit) {
    if (i > first) {
      // One space between words keeps the slice; anything else must be folded.
      if (i - end !== 1 || text.charCodeAt(end) !== 32) folded = true;
      length++;
    }
    let j = i + 1;
    while (j < n && !isTitleSpace(text.charCodeAt(j))) j++;
    length += j - i;
    end = j;
    i = j;
    while (i < n && isTitleSpace(text.charCodeAt(i))) i++;
  }
  const head = text.slice(first, end);
  return folded ? head.split(/[ \t\n\r\u00a0]+/).join(' ') : head;
}

/** All-caps surname line(s) closing a cable: `RICE`, `KEEGAN PAAL`, `HOAGLAND`. */
export function isSignatureLine(text: string): boolean {
  const { start, end } = trimmedBounds(text);
  const value = text.slice(start, end);
  return (
    value.length >= 3 &&
    value.length <= 40 &&
    /^[A-Z][A-Z'-]+(?: [A-Z][A-Z'.-]*){0,3}$/.test(value) &&
    !/^(?:END|SIPDIS|NNNN|BT|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|NOFORN|SENSITIVE|COMMENT|SUMMARY|NOTE|TEXT|BACKGROUND)\b/.test(value)
  );
}

/** `…cleared this cable. HOAGLAND` — a signature glued to the last paragraph. */
export function gluedSignature(text: string): { offset: number; name: string } | undefined {
  // Only the end of the line can hold it; a bounded tail keeps long paragraphs cheap.
  const from = Math.max(0, text.length - 80);
  const m = /[.!?"')] +([A-Z][A-Z'-]{2,}(?: [A-Z][A-Z'-]{2,})?) *(?:\\ *)?$/.exec(text.slice(from));
  if (!m || !isSignatureLine(m[1])) return undefined;
  return { offset: from + m.index + m[0].indexOf(m[1]), name: m[1] };
}
