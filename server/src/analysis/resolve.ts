import type { Cable, Paragraph, ReferenceEntry } from '../cable/model';

/** A paragraph range in the text (`paras 1-999`) leads to at most this many paragraphs after its first. */
const MAX_PARAGRAPH_SPAN = 50;

/**
 * The REF entry `ref A` cites, or, for a letterless `reftel`/`ref`, the one entry of a REF line
 * that has only one.
 */
export function referenceEntry(cable: Cable, letter: string | undefined): ReferenceEntry | undefined {
  const entries = cable.references?.entries ?? [];
  if (letter) return entries.find((e) => e.letter?.value === letter);
  return entries.length === 1 ? entries[0] : undefined;
}

/** The paragraphs `para N` or `paras N-M` points at, in document order. */
export function paragraphsNumbered(cable: Cable, first: number, last: number): Paragraph[] {
  const end = Math.min(last, first + MAX_PARAGRAPH_SPAN);
  return cable.paragraphs.filter((p) => p.number.value >= first && p.number.value <= end);
}
