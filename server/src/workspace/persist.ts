import type { CableEntry, Citation } from './entry';
import type { FileRecord, WorkspaceIndex } from './index';
import type { SkipReason } from './scan';

/**
 * The saved index: one JSON line of header, one line per file, one closing line with the count.
 * A file that does not read back exactly so (truncated, damaged, another format version, another
 * scope) is rejected as a whole, and the index is built again: reading it never throws.
 */
export const INDEX_FORMAT = 'cable-workspace-index';
/** Raise when the entry layout changes: an index file of another version is rebuilt. */
export const INDEX_VERSION = 3;

/** Where the saved index lives; node keeps it in a file, hosts without one keep nothing. */
export interface IndexStorage {
  /** The saved text, or undefined when there is none or it cannot be read. */
  load(): Promise<string | undefined>;
  /**
   * Replaces the saved index with these chunks of lines, all or nothing (a crash halfway leaves the
   * old one). Each chunk is made when it is taken, so a storage that awaits its writes between
   * chunks lets requests in while a large index is saved.
   */
  save(lines: Iterable<string>): Promise<void>;
}

type Row = unknown[];

const SKIP_REASONS: readonly SkipReason[] = ['unreadable', 'binary', 'tooLarge', 'notCable'];
const YIELD_EVERY = 2000;
/** Lines a chunk of the saved index: each is made in one go on the server thread, so a few milliseconds' worth. */
const SAVE_CHUNK = 250;

/** The lines of a saved index (open documents are left out: their files are read again at the next start). */
export function* serializeIndex(index: WorkspaceIndex, scopeKey: string): Generator<string> {
  // Records are made as they are taken (a quarter of a million at once would be 40 MB of garbage),
  // so a change between two chunks fails the save, which is made again once the change is in.
  const changes = index.savedChanges;
  const unchanged = () => {
    if (index.savedChanges !== changes) throw new Error('the index changed while it was being saved');
  };
  let count = 0;
  for (const record of index.records()) if (!record.open) count++;
  yield `${JSON.stringify({ format: INDEX_FORMAT, version: INDEX_VERSION, scope: scopeKey, files: count })}\n`;
  let batch: string[] = [];
  let written = 0;
  for (const record of index.records()) {
    if (record.open) continue;
    written++;
    batch.push(JSON.stringify([record.uri, record.size, record.mtime, record.skipped ?? null, record.entries.map(entryRow)]));
    if (batch.length >= SAVE_CHUNK) {
      unchanged();
      yield `${batch.join('\n')}\n`;
      batch = [];
    }
  }
  unchanged();
  if (batch.length > 0) yield `${batch.join('\n')}\n`;
  yield `${JSON.stringify({ end: written })}\n`;
}

/**
 * The records of a saved index, or undefined when the text is not a complete index of this
 * version and scope. Gives the event loop a turn every few thousand lines.
 */
export async function deserializeIndex(text: string, scopeKey: string): Promise<FileRecord[] | undefined> {
  try {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (lines.length < 2) return undefined;
    const header = JSON.parse(lines[0]) as Record<string, unknown>;
    if (header.format !== INDEX_FORMAT || header.version !== INDEX_VERSION || header.scope !== scopeKey) return undefined;
    const count = header.files;
    const trailer = JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
    if (typeof count !== 'number' || trailer.end !== count || lines.length !== count + 2) return undefined;
    const records: FileRecord[] = [];
    for (let i = 1; i <= count; i++) {
      if (i % YIELD_EVERY === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      records.push(recordOf(JSON.parse(lines[i])));
    }
    return records;
  } catch {
    return undefined;
  }
}

class Malformed extends Error {}

function recordOf(row: unknown): FileRecord {
  if (!Array.isArray(row) || row.length !== 5) throw new Malformed();
  const [uri, size, mtime, skipped, entries] = row as Row;
  if (typeof uri !== 'string' || !isNumber(size) || !isNumber(mtime) || !Array.isArray(entries)) throw new Malformed();
  if (skipped !== null && !SKIP_REASONS.includes(skipped as SkipReason)) throw new Malformed();
  return { uri, size, mtime, skipped: (skipped ?? undefined) as SkipReason | undefined, entries: entries.map(entryOfRow), open: false };
}

function entryRow(e: CableEntry): Row {
  return [
    e.id ?? null,
    e.name,
    e.subject ?? null,
    e.dtgMinutes ?? null,
    e.origin ?? null,
    e.routingIndicator ?? null,
    e.classification ?? null,
    e.tags ?? null,
    e.partial ? 1 : 0,
    e.startLine,
    e.startCharacter,
    e.endLine,
    e.endCharacter,
    e.selectionLine,
    e.selectionStartCharacter,
    e.selectionEndLine,
    e.selectionEndCharacter,
    e.references.flatMap(citationRow),
    e.cites.flatMap(citationRow),
    e.to ?? null,
  ];
}

const CITATION_FIELDS = 7;

function citationRow(c: Citation): Row {
  return [c.id, c.letter ?? null, c.yearAssumed ? 1 : 0, c.startLine, c.startCharacter, c.endLine, c.endCharacter];
}

function entryOfRow(row: unknown): CableEntry {
  if (!Array.isArray(row) || row.length !== 20) throw new Malformed();
  const r = row as Row;
  const numbers = r.slice(9, 17);
  if (!numbers.every(isNumber) || typeof r[1] !== 'string' || !Array.isArray(r[17]) || !Array.isArray(r[18])) throw new Malformed();
  const [
    startLine,
    startCharacter,
    endLine,
    endCharacter,
    selectionLine,
    selectionStartCharacter,
    selectionEndLine,
    selectionEndCharacter,
  ] = numbers;
  return {
    id: optionalString(r[0]),
    name: r[1],
    subject: optionalString(r[2]),
    dtgMinutes: r[3] === null ? undefined : number(r[3]),
    origin: optionalString(r[4]),
    routingIndicator: optionalString(r[5]),
    classification: optionalString(r[6]),
    tags: optionalString(r[7]),
    partial: r[8] === 1,
    startLine,
    startCharacter,
    endLine,
    endCharacter,
    selectionLine,
    selectionStartCharacter,
    selectionEndLine,
    selectionEndCharacter,
    references: citationsOf(r[17] as Row),
    cites: citationsOf(r[18] as Row),
    to: optionalString(r[19]),
  };
}

function citationsOf(flat: Row): Citation[] {
  if (flat.length % CITATION_FIELDS !== 0) throw new Malformed();
  const out: Citation[] = [];
  for (let i = 0; i < flat.length; i += CITATION_FIELDS) {
    const id = flat[i];
    if (typeof id !== 'string') throw new Malformed();
    out.push({
      id,
      letter: optionalString(flat[i + 1]),
      yearAssumed: flat[i + 2] === 1,
      startLine: number(flat[i + 3]),
      startCharacter: number(flat[i + 4]),
      endLine: number(flat[i + 5]),
      endCharacter: number(flat[i + 6]),
    });
  }
  return out;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function number(value: unknown): number {
  if (!isNumber(value)) throw new Malformed();
  return value;
}

function optionalString(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (typeof value !== 'string') throw new Malformed();
  return value;
}
