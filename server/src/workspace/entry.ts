import { crossReferencesOf } from '../analysis/crossReferences';
import { cableName } from '../analysis/naming';
import type { Cable, CableFile, Range } from '../cable/model';
import { ownCopy } from '../cable/scan';

/**
 * A place in a cable that cites another telegram: a REF entry (with its letter) or an id in the
 * text. Positions are flat numbers, not Range objects: a corpus has a million of them.
 */
export interface Citation {
  /** The cited reference id, `06MADRID3104`. */
  readonly id: string;
  /** REF letter, for REF entries that have one. */
  readonly letter: string | undefined;
  /** True for a REF entry written without a year: its id assumes the citing cable's year. */
  readonly yearAssumed: boolean;
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/**
 * What the workspace index keeps of one cable: compact, plain data (a worker thread builds it and
 * posts it; the index file stores it). Strings are the index's own copies, never views into a text.
 */
export interface CableEntry {
  /** The reference id, `07MADRID173`; undefined when the text lacks station, serial or year. */
  readonly id: string | undefined;
  /** What the outline and workspace symbols call the cable (its id when it has one). */
  readonly name: string;
  readonly subject: string | undefined;
  /** The date-time group as minutes since 1970 (UTC), when the DTG is a valid date. */
  readonly dtgMinutes: number | undefined;
  /** The originating post as the FM line writes it (`AMEMBASSY MADRID`), else the classification line's station. */
  readonly origin: string | undefined;
  /** The TO addressees as written (`SECSTATE WASHDC; AMEMBASSY PARIS`), for the Cables view's `to:` filter. */
  readonly to: string | undefined;
  /** The originator's routing indicator (`RUEHMD`), from the station line. */
  readonly routingIndicator: string | undefined;
  /** `CONFIDENTIAL//NOFORN`: level and caveats. */
  readonly classification: string | undefined;
  /** TAGS as written, separated by single spaces. */
  readonly tags: string | undefined;
  /** The text is a partial extract (WikiLeaks replaced its header). */
  readonly partial: boolean;
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  /** What a link to the cable selects: its classification line or header. */
  readonly selectionLine: number;
  readonly selectionStartCharacter: number;
  readonly selectionEndLine: number;
  readonly selectionEndCharacter: number;
  /** REF entries that cite telegrams. */
  readonly references: readonly Citation[];
  /** Reference ids in the text (other than the cable's own), each place once. */
  readonly cites: readonly Citation[];
}

/** The index entries of a parsed file, one per cable. */
export function entriesOf(file: CableFile): CableEntry[] {
  // Text with nothing of a telegram in it (`hello world` saved as .cable) is no cable of the corpus.
  return file.cables.filter((cable) => cable.recognized).map((cable) => entryOf(file, cable));
}

function entryOf(file: CableFile, cable: Cable): CableEntry {
  const selection = cable.classificationLine?.range ?? cable.header?.range ?? cable.range;
  const dtg = cable.dtg?.token.value;
  const references: Citation[] = [];
  for (const entry of cable.references?.entries ?? []) {
    const cited = entry.cable;
    if (!cited?.referenceId) continue;
    references.push(citation(cited.referenceId, cited.range, entry.letter?.value, cited.year === undefined));
  }
  const cites: Citation[] = [];
  for (const ref of crossReferencesOf(file, cable)) {
    if (ref.kind !== 'referenceId' || ref.referenceId === cable.referenceId) continue;
    cites.push(citation(ref.referenceId, ref.range, undefined, false));
  }
  const level = cable.classification.label;
  const to = cable.header?.addressees
    .filter((a) => a.role === 'to')
    .map((a) => a.address.text)
    .join('; ');
  const tags = cable.tags?.tags.map((t) => t.text).join(' ');
  return {
    id: copy(cable.referenceId),
    name: ownCopy(cableName(cable)),
    subject: copy(cable.subject?.text),
    dtgMinutes: dtg?.valid ? Date.UTC(dtg.year, dtg.month - 1, dtg.day, dtg.hour, dtg.minute) / 60_000 : undefined,
    origin: copy(cable.header?.from?.address?.text ?? cable.classificationLine?.station?.text),
    to: to ? ownCopy(to) : undefined,
    routingIndicator: copy(cable.header?.station?.routingIndicator?.text),
    classification: copy(level),
    tags: tags ? ownCopy(tags) : undefined,
    partial: cable.partialExtract !== undefined,
    startLine: cable.range.start.line,
    startCharacter: cable.range.start.character,
    endLine: cable.range.end.line,
    endCharacter: cable.range.end.character,
    selectionLine: selection.start.line,
    selectionStartCharacter: selection.start.character,
    selectionEndLine: selection.end.line,
    selectionEndCharacter: selection.end.character,
    references,
    cites,
  };
}

function citation(id: string, range: Range, letter: string | undefined, yearAssumed: boolean): Citation {
  return {
    id: ownCopy(id),
    letter: copy(letter),
    yearAssumed,
    startLine: range.start.line,
    startCharacter: range.start.character,
    endLine: range.end.line,
    endCharacter: range.end.character,
  };
}

function copy(text: string | undefined): string | undefined {
  return text === undefined ? undefined : ownCopy(text);
}

export function entryRange(e: CableEntry): Range {
  return { start: { line: e.startLine, character: e.startCharacter }, end: { line: e.endLine, character: e.endCharacter } };
}

export function entrySelectionRange(e: CableEntry): Range {
  return {
    start: { line: e.selectionLine, character: e.selectionStartCharacter },
    end: { line: e.selectionEndLine, character: e.selectionEndCharacter },
  };
}

export function citationRange(c: Citation): Range {
  return { start: { line: c.startLine, character: c.startCharacter }, end: { line: c.endLine, character: c.endCharacter } };
}

/** `2007-02-01T17:43Z` */
export function isoDate(dtgMinutes: number | undefined): string | undefined {
  if (dtgMinutes === undefined) return undefined;
  return `${new Date(dtgMinutes * 60_000).toISOString().slice(0, 16)}Z`;
}
