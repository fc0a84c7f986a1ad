import type { Block, BlockKind, Range } from './model';
import { indent, isRegExpSpace, range, type Segment } from './scan';

const KIND: Readonly<Record<string, BlockKind>> = {
  SUMMARY: 'summary',
  COMMENT: 'comment',
  NOTE: 'note',
  TEXT: 'text',
  'TALKING POINTS': 'talkingPoints',
};

const WORDS = 'SUMMARY|COMMENT|NOTE|TEXT|TALKING\\s+POINTS';
/** `END SUMMARY`, `END OF COMMENT`, `END SUMMARY AND COMMENT`, `BEGIN TEXT`, `SUMMARY:`, `(Note:`. */
export const MARKER = new RegExp(
  `\\b(?:(END\\s+(?:OF\\s+)?)(${WORDS})(?:\\s+AND\\s+(COMMENT|SUMMARY))?\\b[.:]?|(BEGIN\\s+)(${WORDS})\\b[.:]?|(SUMMARY|COMMENT|NOTE)(?:\\s+AND\\s+(COMMENT))?\\s*:)`,
  'gi',
);
/** A heading or lead-in that opens a block without a colon: `SUMMARY` on its own line, `1. (C) Summary.`, `(Note.`, `COMMENT -------`. */
const LEAD_IN =
  /^(\s*(?:¶\s*)?(?:\d{1,3} ?\.(?:\s*\([^)]{1,14}\))?\s*)?(?:--\s*)?(?:\(\s*)?)(SUMMARY|COMMENT|NOTE)(?:\s+AND\s+(COMMENT))?(?=\s*(?:[.-]|$))/i;
const TRAILING_END = /(?:^|\s)(END|End|end|BEGIN|Begin|begin)\s*$/;
/** `End` or `Begin` closing the line; only the last few characters are searched. */
function trailingEnd(text: string): RegExpExecArray | null {
  let last = text.length - 1;
  while (last >= 0 && isRegExpSpace(text.charCodeAt(last))) last--;
  const c = text.charCodeAt(last) | 0x20;
  if (c !== 100 /* d */ && c !== 110 /* n */) return null;
  const tail = text.length > 12 ? text.slice(-12) : text;
  const m = TRAILING_END.exec(tail);
  if (m) m.index += text.length - tail.length;
  return m;
}
/** Where a marker can be: a colon, `(`, or an END/BEGIN word; the full pattern runs only then. */
function mayHoldMarker(text: string): boolean {
  // A colon form (`SUMMARY:`) has a colon; `(Note.` a parenthesis before N; END/BEGIN forms an E or B word.
  return (
    text.indexOf(':') >= 0 ||
    /\((?:[Nn][Oo][Tt][Ee]|[Cc][Oo][Mm]{2}[Ee][Nn][Tt])|\b(?:[Ee][Nn][Dd]|[Bb][Ee][Gg][Ii][Nn])\s+(?:[Oo][Ff]\s+)?[SsCcNnTt]/.test(text)
  );
}
/** What can open a lead-in: a paragraph number, `¶`, `--`, `(` or the word itself. */
function mayLeadIn(text: string): boolean {
  const c = text.charCodeAt(indent(text));
  const lower = c | 0x20;
  return (c >= 48 && c <= 57) || c === 0xb6 || c === 45 || c === 40 || lower === 115 || lower === 99 || lower === 110 || isRegExpSpace(c);
}
export const WRAPPED_WORD = new RegExp(`^\\s*(${WORDS})\\b[.:]?`, 'i');
const NOTE_IN_PARENS = /\((NOTE|COMMENT)\s*\./gi;

/**
 * Every marker holds one of these words (an `End` closing a line waits for its word on the next).
 * Few lines do: parse() flags them in one search of the whole text, and the per-line patterns
 * run on those lines only.
 */
export const MARKER_WORD = /summary|comment|note|text|talking/gi;

/** Pairs Summary/Comment/Note/Begin text/Talking Points markers with their ends, in one pass. */
export class BlockCollector {
  /** `markerLines[line]` is 1 where a marker word occurs (parse() flags them with MARKER_WORD). */
  constructor(private readonly markerLines?: Uint8Array) {}

  readonly #open = new Map<BlockKind, Range>();
  readonly #blocks: Block[] = [];
  /** An `End` or `Begin` that closed the previous line, waiting for its word. */
  #pending: { end: boolean; range: Range } | undefined;

  scan(segment: Segment): void {
    const text = segment.text;
    const pending = this.#pending;
    this.#pending = undefined;
    if (this.markerLines && this.markerLines[segment.line] !== 1) {
      // No marker word on this line: only a trailing `End`/`Begin` can matter.
      this.#pendAtEnd(segment, 0);
      return;
    }
    const wrapped = pending ? WRAPPED_WORD.exec(text) : null;
    if (pending && wrapped) {
      // `… End` / `Summary.`: the marker wrapped onto the next line.
      const end = this.#range(
        segment,
        wrapped.index + wrapped[0].length - wrapped[0].trimStart().length,
        wrapped.index + wrapped[0].length,
      );
      const at = { start: pending.range.start, end: end.end };
      if (pending.end) this.#end(KIND[normal(wrapped[1])], at);
      else this.#begin(KIND[normal(wrapped[1])], at);
      this.#scanRest(segment, wrapped[0].length);
      return;
    }
    const lead = mayLeadIn(text) ? LEAD_IN.exec(text) : null;
    if (lead) {
      const at = this.#range(segment, lead[1].length, lead[0].length);
      this.#begin(KIND[normal(lead[2])], at);
      if (lead[3]) this.#begin('comment', at);
    }
    this.#scanRest(segment, lead ? lead[0].length : 0);
  }

  #pendAtEnd(segment: Segment, skip: number): void {
    const trailing = trailingEnd(segment.text);
    if (trailing && trailing.index >= skip) {
      this.#pending = {
        end: /^end$/i.test(trailing[1]),
        range: this.#range(segment, trailing.index + trailing[0].indexOf(trailing[1]), trailing.index + trailing[0].length),
      };
    }
  }

  #scanRest(segment: Segment, skip: number): void {
    const text = segment.text;
    this.#pendAtEnd(segment, skip);
    if (!mayHoldMarker(text)) return;
    MARKER.lastIndex = skip;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
      const at = this.#range(segment, m.index, m.index + m[0].length);
      if (m[1] !== undefined) {
        this.#end(KIND[normal(m[2])], at);
        if (m[3]) this.#end(KIND[normal(m[3])], at);
      } else {
        this.#begin(KIND[normal(m[5] ?? m[6])], at);
        if (m[7]) this.#begin('comment', at);
      }
    }
    if (text.indexOf('(N') < 0 && text.indexOf('(n') < 0 && text.indexOf('(C') < 0 && text.indexOf('(c') < 0) return;
    NOTE_IN_PARENS.lastIndex = skip;
    for (let m = NOTE_IN_PARENS.exec(text); m; m = NOTE_IN_PARENS.exec(text)) {
      this.#begin(KIND[normal(m[1])], this.#range(segment, m.index, m.index + m[0].length));
    }
  }

  #range(segment: Segment, start: number, end: number): Range {
    return range(segment.line, segment.start + start, segment.line, segment.start + end);
  }

  finish(): Block[] {
    for (const [kind, begin] of this.#open) this.#blocks.push({ kind, range: begin, begin });
    this.#open.clear();
    return this.#blocks.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  #begin(kind: BlockKind, at: Range): void {
    // A heading `Summary` followed by `1. (C) Summary:` opens one block, not two.
    if (!this.#open.has(kind)) this.#open.set(kind, at);
  }

  #end(kind: BlockKind, at: Range): void {
    const begin = this.#open.get(kind);
    this.#open.delete(kind);
    this.#blocks.push(begin ? { kind, range: { start: begin.start, end: at.end }, begin, end: at } : { kind, range: at, end: at });
  }
}

function normal(word: string): string {
  return word.toUpperCase().replace(/\s+/g, ' ');
}
