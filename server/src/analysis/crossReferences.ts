import type { Cable, CableFile, Range } from '../cable/model';
import { cableCacheFromText, fileCache } from './cache';
import { lineText } from './lines';

/** A place in the body that points somewhere: `para 2`, `paras 3-5`, `ref A`, `reftel`, `08STATE125608`. */
export type CrossReference =
  | {
      readonly kind: 'paragraph';
      readonly range: Range;
      readonly cable: Cable;
      readonly first: number;
      readonly last: number;
      /** The numbers as written: one, or the first and the last of a range. */
      readonly numbers: readonly { readonly range: Range; readonly value: number }[];
    }
  | { readonly kind: 'reference'; readonly range: Range; readonly cable: Cable; readonly letter?: string; readonly letterRange?: Range }
  | { readonly kind: 'referenceId'; readonly range: Range; readonly cable: Cable; readonly referenceId: string };

const PARA = /\b(para(?:graph)?s?|¶)\s*(\d{1,3})(?:\s*(?:-|–|through|thru|to|and)\s*(\d{1,3}))?\b/gi;
const REF = /\b(ref(?:tel)?s?)\b(?:\s+([A-H])\b)?/gi;
const REFERENCE_ID = /\b(\d{2})([A-Z]{4,20})(\d{1,7})\b/g;
/** Words right before `para N` that make it point into another telegram. */
const ELSEWHERE = /\b(?:ref(?:tel)?s?(?: [A-H])?|septel|\d{2}[A-Z]{4,}\d+|[A-Z]{4,} \d{3,}|article \d{1,3}[a-z]?),? ?$/i;
/** Words right after `para N` that make it point into another document: `paragraph 12 of resolution 1737`, `para 2 of reftel`. */
const OF_ELSEWHERE = /^\s+of\s+(?!this\b)/i;

const FILE_CROSS_REFERENCES = fileCache('crossReferences', (file): readonly CrossReference[] =>
  file.cables.flatMap((c) => crossReferencesOf(file, c)),
);
/** Per cable: each reads the cable's own lines only. */
const CABLE_CROSS_REFERENCES = cableCacheFromText('crossReferences', (cable, file) => scanCable(file, cable));

export function crossReferences(file: CableFile): readonly CrossReference[] {
  return FILE_CROSS_REFERENCES.get(file);
}

/** The cross references in one cable's text. */
export function crossReferencesOf(file: CableFile, cable: Cable): readonly CrossReference[] {
  return CABLE_CROSS_REFERENCES.get(cable, file);
}

function scanCable(file: CableFile, cable: Cable): CrossReference[] {
  const text = cable.text;
  if (!text) return [];
  const found: CrossReference[] = [];
  const referenceRange = cable.references?.range;
  for (let line = text.start.line; line <= text.end.line; line++) {
    const content = lineText(file, line);
    if (!/para|¶|ref|\d{2}[A-Z]{4}/i.test(content)) continue;
    const inRefBlock = referenceRange !== undefined && line >= referenceRange.start.line && line <= referenceRange.end.line;
    if (!inRefBlock) {
      PARA.lastIndex = 0;
      for (let m = PARA.exec(content); m; m = PARA.exec(content)) {
        if (m[1] === '¶' && m.index === content.length - content.trimStart().length) continue;
        if (ELSEWHERE.test(content.slice(Math.max(0, m.index - 30), m.index))) continue;
        if (OF_ELSEWHERE.test(content.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
        const first = Number(m[2]);
        const last = m[3] !== undefined ? Number(m[3]) : first;
        const firstAt = m.index + m[0].indexOf(m[2], m[1].length);
        const numbers = [{ range: lineRange(line, firstAt, firstAt + m[2].length), value: first }];
        if (m[3] !== undefined) {
          const lastAt = m.index + m[0].length - m[3].length;
          numbers.push({ range: lineRange(line, lastAt, lastAt + m[3].length), value: last });
        }
        found.push({
          kind: 'paragraph',
          range: lineRange(line, m.index, m.index + m[0].length),
          cable,
          first,
          last: Math.max(first, last),
          numbers,
        });
      }
      REF.lastIndex = 0;
      for (let m = REF.exec(content); m; m = REF.exec(content)) {
        if (/^REFS?\s*:/i.test(content.slice(m.index)) && m.index === content.length - content.trimStart().length) continue;
        const end = m.index + m[0].length;
        found.push({
          kind: 'reference',
          range: lineRange(line, m.index, end),
          cable,
          letter: m[2]?.toUpperCase(),
          letterRange: m[2] !== undefined ? lineRange(line, end - 1, end) : undefined,
        });
      }
    }
    REFERENCE_ID.lastIndex = 0;
    for (let m = REFERENCE_ID.exec(content); m; m = REFERENCE_ID.exec(content)) {
      found.push({ kind: 'referenceId', range: lineRange(line, m.index, m.index + m[0].length), cable, referenceId: m[0] });
    }
  }
  return found;
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
