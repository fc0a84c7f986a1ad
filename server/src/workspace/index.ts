import type { CitationPlace, IndexedCable, WorkspaceLookup } from '../analysis/context';
import type { CableFile } from '../cable/model';
import { type CableEntry, type Citation, citationRange, entriesOf, entryRange, entrySelectionRange, isoDate } from './entry';
import type { QueryContext } from './query';
import { normalizeUri, type SkipReason } from './scan';

/** One file of the index: where it is, the version read (size, mtime), and its cables or why it has none. */
export interface FileRecord {
  readonly uri: string;
  readonly size: number;
  readonly mtime: number;
  readonly skipped: SkipReason | undefined;
  readonly entries: readonly CableEntry[];
  /** Fed by an open document, whose text wins over the file on disk until it closes. */
  open: boolean;
}

/** An entry as the index holds it: with its file, and the upper-case subject searches compare with. */
interface Stored extends CableEntry {
  file: FileRecord;
  subjectUpper: string;
}

/** An entry with its file's URI and upper-case subject, for the Cables view. */
export interface BrowsedEntry extends CableEntry {
  readonly file: { readonly uri: string };
  readonly subjectUpper: string;
}

/** Entries by key: one entry alone (the usual case: a quarter of a million ids), an array when there are several. */
type Bucket = Stored | Stored[];

export interface IndexCounts {
  readonly files: number;
  readonly cables: number;
  readonly skipped: Readonly<Record<SkipReason, number>>;
}

/**
 * The cables of the workspace by reference id, with what cites what, for cross-file links,
 * definitions, references, the citation hierarchy and workspace symbols. Fed by open documents
 * and by the index builder (builder.ts), which reads files on disk off the request path; every
 * lookup is a map access or one pass over compact entries.
 */
export class WorkspaceIndex implements WorkspaceLookup {
  readonly #files = new Map<string, FileRecord>();
  readonly #byId = new Map<string, Bucket>();
  /** Citing entries by cited id (a year-less REF is filed under both years it may mean). */
  readonly #citedBy = new Map<string, Bucket>();
  /** Origins, TAGS lines and classifications repeat across a corpus: one copy of each. */
  readonly #strings = new Map<string, string>();
  #cables = 0;
  readonly #skipped: Record<SkipReason, number> = { unreadable: 0, binary: 0, tooLarge: 0, notCable: 0 };

  /** An open document's cables (its model), in place of the file's on disk. */
  update(documentUri: string, file: CableFile): void {
    const uri = normalizeUri(documentUri);
    this.set({ uri, size: -1, mtime: -1, skipped: undefined, entries: entriesOf(file), open: true });
  }

  /** An open document closed: its entries stay until its file on disk has been read again. */
  closed(documentUri: string): void {
    const record = this.#files.get(normalizeUri(documentUri));
    if (record) record.open = false;
  }

  /** Sets one file's record, replacing what the index had for it. */
  set(given: FileRecord): void {
    this.remove(given.uri);
    this.#changed();
    const record = { uri: given.uri, size: given.size, mtime: given.mtime, skipped: given.skipped, entries: NO_ENTRIES, open: given.open };
    // Made by map: an array that grows by push keeps room for 16 more entries, for a file of one cable.
    const stored = given.entries.length === 0 ? NO_ENTRIES : given.entries.map((entry) => this.#store(entry, record));
    record.entries = stored;
    this.#files.set(record.uri, record);
    this.#cables += stored.length;
    if (record.skipped) this.#skipped[record.skipped]++;
    for (const entry of stored) {
      if (entry.id) add(this.#byId, entry.id, entry);
      for (const key of citedKeys(entry)) add(this.#citedBy, key, entry);
    }
  }

  remove(uri: string): void {
    const old = this.#files.get(uri);
    if (!old) return;
    this.#changed();
    this.#files.delete(uri);
    this.#cables -= old.entries.length;
    if (old.skipped) this.#skipped[old.skipped]--;
    for (const entry of old.entries as Stored[]) {
      if (entry.id) drop(this.#byId, entry.id, entry);
      for (const key of citedKeys(entry)) drop(this.#citedBy, key, entry);
    }
  }

  /** Every file below a folder URI (a deleted folder takes its files with it). */
  removeFolder(folderUri: string): string[] {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    const gone = [...this.#files.keys()].filter((uri) => uri.startsWith(prefix));
    for (const uri of gone) this.remove(uri);
    return gone;
  }

  record(uri: string): FileRecord | undefined {
    return this.#files.get(uri);
  }

  records(): IterableIterator<FileRecord> {
    return this.#files.values();
  }

  get counts(): IndexCounts {
    const skipped = this.#skipped.unreadable + this.#skipped.binary + this.#skipped.tooLarge + this.#skipped.notCable;
    return { files: this.#files.size - skipped, cables: this.#cables, skipped: { ...this.#skipped } };
  }

  get fileCount(): number {
    return this.#files.size;
  }

  find(referenceId: string): readonly IndexedCable[] {
    return all(this.#byId.get(referenceId.toUpperCase())).map(indexedCable);
  }

  findCited(referenceId: string, yearAssumed: boolean): readonly IndexedCable[] {
    const id = referenceId.toUpperCase();
    return this.find(yearAssumed ? this.#resolve({ id, yearAssumed } as Citation) : id);
  }

  /** The id a citation means: a year-less REF to a telegram the index has only from the year before means that one. */
  #resolve(c: Citation): string {
    if (!c.yearAssumed || this.#byId.has(c.id)) return c.id;
    const earlier = previousYear(c.id);
    return earlier && this.#byId.has(earlier) ? earlier : c.id;
  }

  citing(referenceId: string): readonly CitationPlace[] {
    const id = referenceId.toUpperCase();
    const places: CitationPlace[] = [];
    for (const entry of all(this.#citedBy.get(id))) {
      if (entry.id === id) continue;
      const cable = indexedCable(entry);
      for (const c of entry.references) if (this.#resolve(c) === id) places.push(place(cable, id, c, true));
      for (const c of entry.cites) if (c.id === id) places.push(place(cable, id, c, false));
    }
    return places;
  }

  citationsOf(uri: string, cable: { readonly referenceId?: string; readonly line?: number }): readonly CitationPlace[] {
    const entries = (this.#files.get(normalizeUri(uri))?.entries ?? []) as Stored[];
    const entry =
      cable.referenceId !== undefined
        ? entries.find((e) => e.id === cable.referenceId)
        : entries.find((e) => cable.line !== undefined && e.startLine <= cable.line && cable.line <= e.endLine);
    if (!entry) return [];
    const citing = indexedCable(entry);
    return [
      ...entry.references.map((c) => place(citing, this.#resolve(c), c, true)),
      ...entry.cites.map((c) => place(citing, c.id, c, false)),
    ];
  }

  /**
   * Ranked: the exact id, ids that start with the first word, ids that hold it, then the rest (in
   * file order, up to the limit). Each pass is a scan of one flat string (ids; subjects, origins and
   * TAGS) with indexOf, which for a quarter of a million cables is a few milliseconds where testing
   * each entry's fields took fifty.
   */
  search(query: string, limit: number): IndexedCable[] {
    const words = query.toUpperCase().split(/\s+/).filter(Boolean);
    if (limit <= 0) return [];
    if (words.length === 0) return this.#first(limit).map(indexedCable);
    const search = this.#searchText();
    const first = words[0];
    const exact = words.length === 1 ? all(this.#byId.get(first)) : [];
    const taken = new Set<Stored>(exact);
    const starting: Stored[] = [];
    const holding: Stored[] = [];
    // Ids that hold the first word; every other word may be anywhere.
    for (const k of hits(search.ids, search.idStarts, first)) {
      const e = search.order[k];
      if (taken.has(e) || !matches(e, words)) continue;
      const bucket = idOf(e).startsWith(first) ? starting : holding;
      if (bucket.length < limit) bucket.push(e);
      if (starting.length >= limit) break;
    }
    const ranked = [...exact, ...starting, ...holding].slice(0, limit);
    // The rest: the longest word (the rarest, as a rule) found in subjects, origins and TAGS.
    if (ranked.length < limit) {
      for (const e of ranked) taken.add(e);
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      for (const k of hits(search.text, search.textStarts, longest)) {
        const e = search.order[k];
        if (taken.has(e) || idOf(e).includes(first) || !matches(e, words)) continue;
        ranked.push(e);
        if (ranked.length >= limit) break;
      }
    }
    return ranked.map(indexedCable);
  }

  /**
   * Every entry whose id, subject, origin or TAGS (upper-case) may hold this upper-case word, from
   * one indexOf scan of the flat texts searches use: testing each entry's strings took 150 ms for
   * 250,000. Undefined for a word the flat text cannot hold (beyond Latin-1, a tab or line break),
   * or one that too many entries hold.
   */
  holding(word: string): ReadonlySet<Stored> | undefined {
    if (word === '' || /[^\u0000-\u00ff]/.test(word) || /[\t\n]/.test(word)) return undefined;
    const search = this.#searchText();
    const found = new Set<Stored>();
    // A common word (`PREL` in most TAGS) costs more as a set than testing each entry: give up past an eighth.
    const most = Math.max(1000, search.order.length >> 3);
    for (const k of hits(search.ids, search.idStarts, word)) if (found.add(search.order[k]).size > most) return undefined;
    for (const k of hits(search.text, search.textStarts, word)) if (found.add(search.order[k]).size > most) return undefined;
    return found;
  }

  #first(limit: number): Stored[] {
    const out: Stored[] = [];
    for (const record of this.#files.values()) {
      for (const e of record.entries as Stored[]) {
        out.push(e);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  #search: SearchText | undefined;
  #byDate: BrowsedEntry[] | undefined;
  #generation = 0;

  #changed(): void {
    this.#search = undefined;
    this.#byDate = undefined;
    this.#generation++;
  }

  /** Counts changes: a selection computed at one generation holds until the next. */
  get generation(): number {
    return this.#generation;
  }

  /** Every entry, by date (undated last), then in file order: what the Cables view lists. Sorted again after a change. */
  entriesByDate(): readonly BrowsedEntry[] {
    if (this.#byDate) return this.#byDate;
    const order = this.#searchText().order;
    if (order.length < 1 << POSITION_BITS) {
      // Date and position packed into one number (both exact below 2^53): a typed array then sorts
      // natively, with no comparator called back a few million times (750 ms for 250,000 cables).
      const keys = new Float64Array(order.length);
      order.forEach((e, k) => {
        const minutes = e.dtgMinutes === undefined ? UNDATED : Math.min(Math.max(e.dtgMinutes + MINUTES_OFFSET, 0), UNDATED);
        keys[k] = minutes * 2 ** POSITION_BITS + k;
      });
      keys.sort();
      this.#byDate = Array.from(keys, (key) => order[key % 2 ** POSITION_BITS]);
    } else {
      const dates = Float64Array.from(order, (e) => e.dtgMinutes ?? Number.MAX_VALUE);
      const positions = Uint32Array.from(order.keys());
      positions.sort((a, b) => dates[a] - dates[b] || a - b);
      this.#byDate = Array.from(positions, (k) => order[k]);
    }
    return this.#byDate;
  }

  /** What the Cables view's `cites:` and `citedby:` ask of the index. */
  readonly queryContext: QueryContext = {
    resolve: (c) => this.#resolve(c),
    entriesWithId: (id) => all(this.#byId.get(id.toUpperCase())),
  };

  /** Builds what searches scan, and the Cables view's date order, now (when a round of indexing ends), so that the next request does not wait for them. */
  prepareSearch(): void {
    this.#searchText();
    this.entriesByDate();
  }

  /** The flat strings searches scan, built again after the index changed (once per burst of changes). */
  #searchText(): SearchText {
    if (this.#search) return this.#search;
    const order: Stored[] = [];
    for (const record of this.#files.values()) for (const e of record.entries as Stored[]) order.push(e);
    const idStarts = new Int32Array(order.length + 1);
    const textStarts = new Int32Array(order.length + 1);
    const idParts: string[] = [];
    const textParts: string[] = [];
    let idLength = 0;
    let textLength = 0;
    order.forEach((e, k) => {
      const id = `\n${idOf(e)}`;
      // Tabs between fields, so that no word is found across two of them.
      // Upper-case throughout: the Cables view's words ignore case (a search here checks the case of origins and TAGS itself).
      const text = oneByte(`\n${e.subjectUpper}\t${upper(e.origin)}\t${upper(e.tags)}\t${e.routingIndicator ?? ''}`);
      idStarts[k] = idLength;
      textStarts[k] = textLength;
      idParts.push(id);
      textParts.push(text);
      idLength += id.length;
      textLength += text.length;
    });
    idStarts[order.length] = idLength;
    textStarts[order.length] = textLength;
    this.#search = { order, ids: idParts.join(''), idStarts, text: textParts.join(''), textStarts };
    return this.#search;
  }

  /** The index's own copy of an entry: its strings interned where they repeat, its arrays of exact size. */
  #store(e: CableEntry, file: FileRecord): Stored {
    const subject = e.subject;
    const upper = subject === undefined ? '' : subject.toUpperCase();
    return {
      id: e.id,
      // The same string when the name is the id (the usual case): one copy.
      name: e.name === e.id && e.id !== undefined ? e.id : e.name,
      subject,
      dtgMinutes: e.dtgMinutes,
      origin: this.#shared(e.origin),
      to: this.#shared(e.to),
      routingIndicator: this.#shared(e.routingIndicator),
      classification: this.#shared(e.classification),
      tags: this.#shared(e.tags),
      partial: e.partial,
      startLine: e.startLine,
      startCharacter: e.startCharacter,
      endLine: e.endLine,
      endCharacter: e.endCharacter,
      selectionLine: e.selectionLine,
      selectionStartCharacter: e.selectionStartCharacter,
      selectionEndLine: e.selectionEndLine,
      selectionEndCharacter: e.selectionEndCharacter,
      references: e.references.length === 0 ? NO_CITATIONS : e.references.map(storedCitation),
      cites: e.cites.length === 0 ? NO_CITATIONS : e.cites.map(storedCitation),
      file,
      subjectUpper: subject === undefined ? '' : upper === subject ? subject : upper,
    };
  }

  #shared(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    const known = this.#strings.get(text);
    if (known !== undefined) return known;
    this.#strings.set(text, text);
    return text;
  }
}

/** What searches scan: every entry's id, and its subject, origin, TAGS and routing indicator, each entry's part at its start offset. */
interface SearchText {
  readonly order: readonly Stored[];
  readonly ids: string;
  readonly idStarts: Int32Array;
  readonly text: string;
  readonly textStarts: Int32Array;
}

/** Sorting by date: positions below 2^22, minutes since 1970 shifted by 2^27 (1714) into 0…2^31 (6053). */
const POSITION_BITS = 22;
const MINUTES_OFFSET = 2 ** 27;
const UNDATED = 2 ** 31 - 1;

const NO_CITATIONS: readonly Citation[] = Object.freeze([]);
const NO_ENTRIES: Stored[] = [];

function storedCitation(c: Citation): Citation {
  return {
    id: c.id,
    letter: c.letter,
    yearAssumed: c.yearAssumed,
    startLine: c.startLine,
    startCharacter: c.startCharacter,
    endLine: c.endLine,
    endCharacter: c.endCharacter,
  };
}

function upper(text: string | undefined): string {
  if (text === undefined) return '';
  const up = text.toUpperCase();
  return up === text ? text : up;
}

function idOf(e: Stored): string {
  return e.id ?? e.name.toUpperCase();
}

/** Characters beyond Latin-1 as `?`: one of them would make the whole flat string two bytes a character. */
function oneByte(text: string): string {
  return /[^\u0000-\u00ff]/.test(text) ? text.replace(/[^\u0000-\u00ff]/g, '?') : text;
}

/** The entries (by position in `starts`) whose part of `text` holds `word`, each once, in order. */
function* hits(text: string, starts: Int32Array, word: string): Generator<number> {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return;
    // The last entry that starts at or before the hit.
    let low = 0;
    let high = starts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    yield low;
    from = starts[low + 1];
  }
}

function matches(e: Stored, words: readonly string[]): boolean {
  for (const w of words) {
    if ((e.id ?? e.name).includes(w) || e.subjectUpper.includes(w)) continue;
    if (e.origin?.includes(w) || e.tags?.includes(w) || e.routingIndicator === w) continue;
    return false;
  }
  return true;
}

function citedKeys(entry: CableEntry): Set<string> {
  const keys = new Set<string>();
  for (const c of entry.references) {
    keys.add(c.id);
    const earlier = c.yearAssumed ? previousYear(c.id) : undefined;
    if (earlier) keys.add(earlier);
  }
  for (const c of entry.cites) keys.add(c.id);
  return keys;
}

/** `07MADRID12` → `06MADRID12`; `00X1` → `99X1`. */
function previousYear(id: string): string | undefined {
  const year = Number(id.slice(0, 2));
  if (!Number.isInteger(year) || !/^\d\d/.test(id)) return undefined;
  return `${String((year + 99) % 100).padStart(2, '0')}${id.slice(2)}`;
}

function place(cable: IndexedCable, referenceId: string, c: Citation, reference: boolean): CitationPlace {
  return { cable, referenceId, range: citationRange(c), reference, letter: c.letter };
}

function indexedCable(e: Stored): IndexedCable {
  return {
    uri: e.file.uri,
    name: e.name,
    referenceId: e.id,
    subject: e.subject,
    range: entryRange(e),
    selectionRange: entrySelectionRange(e),
    date: isoDate(e.dtgMinutes),
    origin: e.origin,
    routingIndicator: e.routingIndicator,
    classification: e.classification,
    tags: e.tags,
    partial: e.partial,
  };
}

function all(bucket: Bucket | undefined): Stored[] {
  return bucket === undefined ? [] : Array.isArray(bucket) ? bucket : [bucket];
}

function add(map: Map<string, Bucket>, key: string, entry: Stored): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, entry);
  else if (Array.isArray(bucket)) bucket.push(entry);
  else map.set(key, [bucket, entry]);
}

function drop(map: Map<string, Bucket>, key: string, entry: Stored): void {
  const bucket = map.get(key);
  if (bucket === entry) map.delete(key);
  else if (Array.isArray(bucket)) {
    const rest = bucket.filter((e) => e !== entry);
    if (rest.length === 0) map.delete(key);
    else map.set(key, rest.length === 1 ? rest[0] : rest);
  }
}
