import type { CitationPlace, IndexedCable, WorkspaceLookup } from '../analysis/context';
import type { CableFile, Range } from '../cable/model';
import { type CableEntry, type Citation, entriesOf, isoDate } from './entry';
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
  readonly open: boolean;
}

/** An entry with its file's URI and upper-case subject, for the Cables view. */
export interface BrowsedEntry extends CableEntry {
  readonly file: { readonly uri: string };
  readonly subjectUpper: string;
}

export interface IndexCounts {
  readonly files: number;
  readonly cables: number;
  readonly skipped: Readonly<Record<SkipReason, number>>;
}

// An entry is a slot: a row of numbers in `#rows` (positions, interned strings, its file, its
// citations' place in `#citations`), its subject and, rarely, a name other than its id. A quarter
// of a million objects with their arrays and maps cost 1.3 KB a cable and long collections that
// made typing lag; rows of numbers cost a third of that and give the collector nothing to trace.
const START_LINE = 0;
const SELECTION_LINE = 4;
const ORIGIN = 8;
const ROUTING_INDICATOR = 9;
const CLASSIFICATION = 10;
const TAGS = 11;
const FILE = 12;
const ID = 13;
const FLAGS = 14;
/** The file's next entry, or -1. */
const NEXT = 15;
const CITATIONS_AT = 16;
const REFERENCE_COUNT = 17;
const CITE_COUNT = 18;
/** The TO addressees, one interned string. */
const TO = 19;
const ROW = 20;

const LIVE = 1;
const PARTIAL = 2;
/** The subject is upper case (as most are): kept only in the search text, not as a string of its own as well. */
const SUBJECT_IN_SEARCH = 4;

// A citation: cited id, letter (an interned string), year assumed, range.
const CITED = 0;
const LETTER = 1;
const YEAR_ASSUMED = 2;
const CITATION_RANGE = 3;
const CITATION = 7;

const NONE = -1;

/** Slots per piece of search text: a burst of changes rebuilds the pieces it touched, not all of them. */
const CHUNK_BITS = 11;
const CHUNK = 1 << CHUNK_BITS;

const SKIP_REASONS: readonly SkipReason[] = ['unreadable', 'binary', 'tooLarge', 'notCable'];

/**
 * The cables of the workspace by reference id, with what cites what, for cross-file links,
 * definitions, references, the citation hierarchy and workspace symbols. Fed by open documents
 * and by the index builder (builder.ts), which reads files on disk off the request path; every
 * lookup is a map access or one pass over flat numbers or strings.
 */
export class WorkspaceIndex implements WorkspaceLookup {
  /** File numbers by URI, in the order files were set. */
  readonly #files = new Map<string, number>();
  #fileUris: (string | undefined)[] = [];
  /** Per file: first entry, entry count, skip reason + 1 (0: none), open. */
  #fileRows = new Int32Array(4 * 1024);
  #fileTimes = new Float64Array(2 * 1024);
  readonly #freeFiles: number[] = [];

  #rows = new Int32Array(ROW * 1024);
  #dtg = new Float64Array(1024);
  /** Subjects not (or not yet) in the search text alone. */
  #subjects: (string | undefined)[] = [];
  /** Names other than the entry's id (cables without one). */
  readonly #names = new Map<number, string>();
  #slots = 0;
  readonly #freeSlots: number[] = [];

  #citations = new Int32Array(CITATION * 4096);
  #citationsEnd = 0;
  #citationsFreed = 0;

  /** Every reference id the index holds or cites, numbered; counted, so that one no entry uses any more is dropped. */
  readonly #ids = new Map<string, number>();
  #idTexts: (string | undefined)[] = [];
  #idUses = new Int32Array(1024);
  /** The first entry with the id, or -1; the others in `#idMore`. */
  #idFirst = new Int32Array(1024);
  readonly #idMore = new Map<number, number[]>();
  readonly #freeIds: number[] = [];

  /** Origins, TAGS lines, classifications, routing indicators and REF letters repeat across a corpus: one copy of each. */
  readonly #stringNumbers = new Map<string, number>();
  readonly #strings: string[] = [];

  #cables = 0;
  #savedChanges = 0;
  readonly #skipped: Record<SkipReason, number> = { unreadable: 0, binary: 0, tooLarge: 0, notCable: 0 };

  /** Search text by chunk of slots, with the chunks to build again (whose old text still gives its subjects). */
  #chunks: (SearchChunk | undefined)[] = [];
  #stale: Uint8Array = new Uint8Array(64);
  #preparing: ReturnType<typeof setTimeout> | undefined;

  /** An open document's cables (its model), in place of the file's on disk. */
  update(documentUri: string, file: CableFile): void {
    const uri = normalizeUri(documentUri);
    this.set({ uri, size: -1, mtime: -1, skipped: undefined, entries: entriesOf(file), open: true });
  }

  /** An open document closed: its entries stay until its file on disk has been read again. */
  closed(documentUri: string): void {
    const file = this.#files.get(normalizeUri(documentUri));
    if (file !== undefined) this.#fileRows[file * 4 + 3] = 0;
  }

  /** Sets one file's record, replacing what the index had for it. */
  set(given: FileRecord): void {
    this.remove(given.uri);
    this.#changed();
    const file = this.#freeFiles.pop() ?? this.#fileUris.length;
    if ((file + 1) * 4 > this.#fileRows.length) {
      this.#fileRows = grown(this.#fileRows, (file + 1) * 4);
      this.#fileTimes = grown(this.#fileTimes, (file + 1) * 2);
    }
    this.#fileUris[file] = given.uri;
    this.#files.set(given.uri, file);
    this.#fileTimes[file * 2] = given.size;
    this.#fileTimes[file * 2 + 1] = given.mtime;
    let first = NONE;
    let previous = NONE;
    for (const entry of given.entries) {
      const slot = this.#store(entry, file);
      if (previous === NONE) first = slot;
      else this.#rows[previous * ROW + NEXT] = slot;
      previous = slot;
    }
    const f = file * 4;
    this.#fileRows[f] = first;
    this.#fileRows[f + 1] = given.entries.length;
    this.#fileRows[f + 2] = given.skipped ? SKIP_REASONS.indexOf(given.skipped) + 1 : 0;
    this.#fileRows[f + 3] = given.open ? 1 : 0;
    this.#cables += given.entries.length;
    if (given.skipped) this.#skipped[given.skipped]++;
    if (!given.open) this.#savedChanges++;
  }

  remove(uri: string): void {
    const file = this.#files.get(uri);
    if (file === undefined) return;
    this.#changed();
    this.#files.delete(uri);
    this.#fileUris[file] = undefined;
    this.#freeFiles.push(file);
    const f = file * 4;
    if (this.#fileRows[f + 3] === 0) this.#savedChanges++;
    const skipped = this.#fileRows[f + 2];
    if (skipped > 0) this.#skipped[SKIP_REASONS[skipped - 1]]--;
    this.#cables -= this.#fileRows[f + 1];
    for (let slot = this.#fileRows[f]; slot !== NONE;) {
      const next = this.#rows[slot * ROW + NEXT];
      this.#drop(slot);
      slot = next;
    }
  }

  /** Every file below a folder URI (a deleted folder takes its files with it). */
  removeFolder(folderUri: string): string[] {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    const gone = [...this.#files.keys()].filter((uri) => uri.startsWith(prefix));
    for (const uri of gone) this.remove(uri);
    return gone;
  }

  /** Drops the files, other than open documents, that `gone` says are gone; how many. */
  removeWhere(gone: (uri: string) => boolean): number {
    const dropped: string[] = [];
    for (const [uri, file] of this.#files) if (this.#fileRows[file * 4 + 3] === 0 && gone(uri)) dropped.push(uri);
    for (const uri of dropped) this.remove(uri);
    return dropped.length;
  }

  record(uri: string): FileRecord | undefined {
    const file = this.#files.get(uri);
    return file === undefined ? undefined : this.#record(file);
  }

  /** Every file, each record made as it is taken (its entries when they are read). */
  *records(): Generator<FileRecord> {
    for (const file of this.#files.values()) yield this.#record(file);
  }

  get counts(): IndexCounts {
    const skipped = this.#skipped.unreadable + this.#skipped.binary + this.#skipped.tooLarge + this.#skipped.notCable;
    return { files: this.#files.size - skipped, cables: this.#cables, skipped: { ...this.#skipped } };
  }

  /** Counts changes to what the saved index holds (files other than open documents). */
  get savedChanges(): number {
    return this.#savedChanges;
  }

  get fileCount(): number {
    return this.#files.size;
  }

  find(referenceId: string): readonly IndexedCable[] {
    return this.#withId(referenceId.toUpperCase()).map((slot) => this.#indexedCable(slot));
  }

  findCited(referenceId: string, yearAssumed: boolean): readonly IndexedCable[] {
    const id = referenceId.toUpperCase();
    return this.find(yearAssumed ? this.#resolve(id, true) : id);
  }

  citing(referenceId: string): readonly CitationPlace[] {
    const id = referenceId.toUpperCase();
    const exact = this.#ids.get(id);
    if (exact === undefined) return [];
    // A year-less REF written the year after may mean this one.
    const later = this.#ids.get(nextYear(id) ?? '') ?? NONE;
    const places: CitationPlace[] = [];
    const rows = this.#rows;
    const pool = this.#citations;
    for (let slot = 0; slot < this.#slots; slot++) {
      const r = slot * ROW;
      if ((rows[r + FLAGS] & LIVE) === 0 || rows[r + ID] === exact) continue;
      const at = rows[r + CITATIONS_AT];
      const references = rows[r + REFERENCE_COUNT];
      const end = at + (references + rows[r + CITE_COUNT]) * CITATION;
      let cable: IndexedCable | undefined;
      for (let c = at; c < end; c += CITATION) {
        const cited = pool[c + CITED];
        const reference = c < at + references * CITATION;
        if (cited === exact) {
          if (reference && pool[c + YEAR_ASSUMED] === 1 && this.#resolve(id, true) !== id) continue;
        } else if (!(cited === later && reference && pool[c + YEAR_ASSUMED] === 1 && this.#resolve(this.#idTexts[later]!, true) === id)) {
          continue;
        }
        cable ??= this.#indexedCable(slot);
        places.push(this.#place(cable, id, c, reference));
      }
    }
    return places;
  }

  citationsOf(uri: string, cable: { readonly referenceId?: string; readonly line?: number }): readonly CitationPlace[] {
    const file = this.#files.get(normalizeUri(uri));
    if (file === undefined) return [];
    let found = NONE;
    for (let slot = this.#fileRows[file * 4]; slot !== NONE && found === NONE; slot = this.#rows[slot * ROW + NEXT]) {
      const r = slot * ROW;
      const matches =
        cable.referenceId !== undefined
          ? this.#idTexts[this.#rows[r + ID]] === cable.referenceId && this.#rows[r + ID] !== NONE
          : cable.line !== undefined && this.#rows[r + START_LINE] <= cable.line && cable.line <= this.#rows[r + START_LINE + 2];
      if (matches) found = slot;
    }
    if (found === NONE) return [];
    const citing = this.#indexedCable(found);
    const r = found * ROW;
    const at = this.#rows[r + CITATIONS_AT];
    const references = this.#rows[r + REFERENCE_COUNT];
    const places: CitationPlace[] = [];
    for (let k = 0; k < references + this.#rows[r + CITE_COUNT]; k++) {
      const c = at + k * CITATION;
      const id = this.#idTexts[this.#citations[c + CITED]]!;
      const reference = k < references;
      places.push(this.#place(citing, reference ? this.#resolve(id, this.#citations[c + YEAR_ASSUMED] === 1) : id, c, reference));
    }
    return places;
  }

  /**
   * Ranked: the exact id, ids that start with the first word, ids that hold it, then the rest (in
   * slot order, up to the limit). Each pass scans flat strings (ids; subjects) with indexOf, and
   * origins and TAGS among their few distinct values, which for a quarter of a million cables is a
   * few milliseconds where testing each entry's fields took fifty.
   */
  search(query: string, limit: number): IndexedCable[] {
    const words = query.toUpperCase().split(/\s+/).filter(Boolean);
    if (limit <= 0) return [];
    if (words.length === 0) return this.#first(limit).map((slot) => this.#indexedCable(slot));
    this.#buildSearch(Infinity);
    const first = words[0];
    const exact = words.length === 1 ? this.#withId(first) : [];
    const taken = new Set<number>(exact);
    const starting: number[] = [];
    const holding: number[] = [];
    // Ids that hold the first word; every other word may be anywhere.
    ids: for (let chunk = 0; chunk < this.#chunks.length; chunk++) {
      const piece = this.#chunks[chunk]!;
      for (const k of hits(piece.ids, piece.idStarts, first)) {
        const slot = chunk * CHUNK + k;
        if (taken.has(slot) || !this.#matches(slot, words)) continue;
        const bucket = this.#idOf(slot).startsWith(first) ? starting : holding;
        if (bucket.length < limit) bucket.push(slot);
        if (starting.length >= limit) break ids;
      }
    }
    const ranked = [...exact, ...starting, ...holding].slice(0, limit);
    // The rest: the longest word (the rarest, as a rule) found in subjects, origins and TAGS.
    if (ranked.length < limit) {
      for (const slot of ranked) taken.add(slot);
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      const holdingStrings = new Set<number>();
      this.#strings.forEach((text, n) => {
        if (text.includes(longest)) holdingStrings.add(n);
      });
      rest: for (let chunk = 0; chunk < this.#chunks.length; chunk++) {
        const piece = this.#chunks[chunk]!;
        const candidates = [...hits(piece.text, piece.textStarts, longest)];
        if (holdingStrings.size > 0) {
          const end = Math.min(this.#slots, (chunk + 1) * CHUNK);
          for (let slot = chunk * CHUNK; slot < end; slot++) {
            const r = slot * ROW;
            if ((this.#rows[r + FLAGS] & LIVE) === 0) continue;
            if (
              holdingStrings.has(this.#rows[r + ORIGIN]) ||
              holdingStrings.has(this.#rows[r + TAGS]) ||
              holdingStrings.has(this.#rows[r + ROUTING_INDICATOR])
            ) {
              candidates.push(slot - chunk * CHUNK);
            }
          }
          candidates.sort((a, b) => a - b);
        }
        let last = NONE;
        for (const k of candidates) {
          if (k === last) continue;
          last = k;
          const slot = chunk * CHUNK + k;
          if (taken.has(slot) || this.#idOf(slot).includes(first) || !this.#matches(slot, words)) continue;
          ranked.push(slot);
          if (ranked.length >= limit) break rest;
        }
      }
    }
    return ranked.map((slot) => this.#indexedCable(slot));
  }

  /**
   * Every entry whose id, subject, origin or TAGS (upper-case) may hold this upper-case word: one
   * indexOf scan of the search text, and the few distinct origins and TAGS lines. Undefined for a
   * word the search text cannot hold (beyond Latin-1, a line break), or one that too many entries hold.
   */
  holding(word: string): ReadonlySet<BrowsedEntry> | undefined {
    if (word === '' || /[^\u0000-\u00ff]/.test(word) || /[\t\n]/.test(word)) return undefined;
    this.#buildSearch(Infinity);
    // A common word (`PREL` in most TAGS) costs more as a set than testing each entry: give up past an eighth.
    const most = Math.max(1000, this.#cables >> 3);
    const found = new Set<BrowsedEntry>();
    for (let chunk = 0; chunk < this.#chunks.length; chunk++) {
      const piece = this.#chunks[chunk]!;
      for (const k of hits(piece.ids, piece.idStarts, word)) if (found.add(this.#view(chunk * CHUNK + k)).size > most) return undefined;
      for (const k of hits(piece.text, piece.textStarts, word)) if (found.add(this.#view(chunk * CHUNK + k)).size > most) return undefined;
    }
    const holdingStrings = new Set<number>();
    this.#strings.forEach((text, n) => {
      if (text.toUpperCase().includes(word)) holdingStrings.add(n);
    });
    if (holdingStrings.size === 0) return found;
    const rows = this.#rows;
    for (let slot = 0; slot < this.#slots; slot++) {
      const r = slot * ROW;
      if ((rows[r + FLAGS] & LIVE) === 0 || !(holdingStrings.has(rows[r + ORIGIN]) || holdingStrings.has(rows[r + TAGS]))) continue;
      if (found.add(this.#view(slot)).size > most) return undefined;
    }
    return found;
  }

  /** Counts changes: a selection computed at one generation holds until the next. */
  get generation(): number {
    return this.#generation;
  }

  /** Every entry, by date (undated last), then in file order: what the Cables view lists. Sorted again after a change. */
  entriesByDate(): readonly BrowsedEntry[] {
    if (this.#byDate) return this.#byDate;
    const order: number[] = [];
    for (const file of this.#files.values()) {
      for (let slot = this.#fileRows[file * 4]; slot !== NONE; slot = this.#rows[slot * ROW + NEXT]) order.push(slot);
    }
    if (order.length < 1 << POSITION_BITS) {
      // Date and position packed into one number (both exact below 2^53): a typed array then sorts
      // natively, with no comparator called back a few million times (750 ms for 250,000 cables).
      const keys = new Float64Array(order.length);
      order.forEach((slot, k) => {
        const dtg = this.#dtg[slot];
        const minutes = Number.isNaN(dtg) ? UNDATED : Math.min(Math.max(dtg + MINUTES_OFFSET, 0), UNDATED);
        keys[k] = minutes * 2 ** POSITION_BITS + k;
      });
      keys.sort();
      this.#byDate = Array.from(keys, (key) => this.#view(order[key % 2 ** POSITION_BITS]));
    } else {
      const dates = Float64Array.from(order, (slot) => (Number.isNaN(this.#dtg[slot]) ? Number.MAX_VALUE : this.#dtg[slot]));
      const positions = Uint32Array.from(order.keys());
      positions.sort((a, b) => dates[a] - dates[b] || a - b);
      this.#byDate = Array.from(positions, (k) => this.#view(order[k]));
    }
    return this.#byDate;
  }

  /** What the Cables view's `cites:` and `citedby:` ask of the index. */
  readonly queryContext: QueryContext = {
    resolve: (c) => this.#resolve(c.id, c.yearAssumed),
    entriesWithId: (id) => this.#withId(id.toUpperCase()).map((slot) => this.#view(slot)),
  };

  #generation = 0;
  #byDate: BrowsedEntry[] | undefined;
  /**
   * One view per slot, made when first asked for and kept: a view reads its slot's current row, so
   * views are only handed out for live slots of the current generation.
   */
  #views: (EntryView | undefined)[] = [];

  #changed(): void {
    this.#byDate = undefined;
    this.#generation++;
  }

  #view(slot: number): EntryView {
    return (this.#views[slot] ??= new EntryView(this.#reader, slot));
  }

  /** What an entry view reads of its slot. */
  readonly #reader: SlotReader = {
    id: (slot) => {
      const id = this.#rows[slot * ROW + ID];
      return id === NONE ? undefined : this.#idTexts[id];
    },
    name: (slot) => this.#names.get(slot) ?? this.#idTexts[this.#rows[slot * ROW + ID]]!,
    subject: (slot) => this.#subject(slot),
    subjectUpper: (slot) => {
      const subject = this.#subject(slot);
      if (subject === undefined) return '';
      return (this.#rows[slot * ROW + FLAGS] & SUBJECT_IN_SEARCH) !== 0 ? subject : subject.toUpperCase();
    },
    dtgMinutes: (slot) => (Number.isNaN(this.#dtg[slot]) ? undefined : this.#dtg[slot]),
    text: (slot, column) => this.#string(this.#rows[slot * ROW + column]),
    number: (slot, column) => this.#rows[slot * ROW + column],
    partial: (slot) => (this.#rows[slot * ROW + FLAGS] & PARTIAL) !== 0,
    references: (slot) => this.#citationsAt(this.#rows[slot * ROW + CITATIONS_AT], this.#rows[slot * ROW + REFERENCE_COUNT]),
    cites: (slot) => {
      const r = slot * ROW;
      return this.#citationsAt(this.#rows[r + CITATIONS_AT] + this.#rows[r + REFERENCE_COUNT] * CITATION, this.#rows[r + CITE_COUNT]);
    },
    uri: (slot) => this.#fileUris[this.#rows[slot * ROW + FILE]]!,
  };

  /**
   * Builds what searches scan (when a round of indexing ends), a few milliseconds at a time, so
   * that neither the next search nor a keystroke waits for all of it.
   */
  prepareSearch(): void {
    if (this.#preparing !== undefined) return;
    const step = () => {
      this.#preparing = undefined;
      // The date order (a view per cable) is the Cables view's: made when it first asks, not for every workspace.
      if (!this.#buildSearch(8)) this.#preparing = setTimeout(step, 0);
    };
    step();
  }

  /** Builds the chunks of search text that changed, for up to `budgetMs`; whether all are built. */
  #buildSearch(budgetMs: number): boolean {
    const chunks = Math.ceil(this.#slots / CHUNK);
    if (this.#chunks.length > chunks) this.#chunks.length = chunks;
    const start = Date.now();
    for (let chunk = 0; chunk < chunks; chunk++) {
      if (this.#chunks[chunk] && this.#stale[chunk] === 0) continue;
      if (Date.now() - start >= budgetMs) return false;
      this.#chunks[chunk] = this.#searchChunk(chunk);
      this.#stale[chunk] = 0;
    }
    return true;
  }

  #invalidate(slot: number): void {
    const chunk = slot >> CHUNK_BITS;
    if (chunk >= this.#stale.length) this.#stale = grownBytes(this.#stale, chunk + 1);
    this.#stale[chunk] = 1;
  }

  /** A live slot's subject: its own string, or its part of the search text (built before the slot changed, if it has since). */
  #subject(slot: number): string | undefined {
    if ((this.#rows[slot * ROW + FLAGS] & SUBJECT_IN_SEARCH) === 0) return this.#subjects[slot];
    const piece = this.#chunks[slot >> CHUNK_BITS]!;
    const k = slot & (CHUNK - 1);
    return piece.text.slice(piece.textStarts[k] + 1, piece.textStarts[k + 1]);
  }

  #searchChunk(chunk: number): SearchChunk {
    const end = Math.min(this.#slots, (chunk + 1) * CHUNK);
    const count = end - chunk * CHUNK;
    const idStarts = new Int32Array(count + 1);
    const textStarts = new Int32Array(count + 1);
    const ids: string[] = [];
    const texts: string[] = [];
    let idLength = 0;
    let textLength = 0;
    for (let k = 0; k < count; k++) {
      const slot = chunk * CHUNK + k;
      const live = (this.#rows[slot * ROW + FLAGS] & LIVE) !== 0;
      const id = live ? `\n${this.#idOf(slot)}` : '\n';
      const subject = live ? this.#subject(slot) : undefined;
      const upper = subject === undefined ? undefined : oneByte(subject.toUpperCase());
      const text = upper === undefined ? '\n' : `\n${upper}`;
      if (upper !== undefined && upper === subject) {
        this.#rows[slot * ROW + FLAGS] |= SUBJECT_IN_SEARCH;
        this.#subjects[slot] = undefined;
      }
      idStarts[k] = idLength;
      textStarts[k] = textLength;
      ids.push(id);
      texts.push(text);
      idLength += id.length;
      textLength += text.length;
    }
    idStarts[count] = idLength;
    textStarts[count] = textLength;
    return { ids: ids.join(''), idStarts, text: texts.join(''), textStarts };
  }

  #first(limit: number): number[] {
    const out: number[] = [];
    for (const file of this.#files.values()) {
      for (let slot = this.#fileRows[file * 4]; slot !== NONE; slot = this.#rows[slot * ROW + NEXT]) {
        out.push(slot);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /** The id a citation means: a year-less REF to a telegram the index has only from the year before means that one. */
  #resolve(id: string, yearAssumed: boolean): string {
    if (!yearAssumed || this.#has(id)) return id;
    const earlier = previousYear(id);
    return earlier && this.#has(earlier) ? earlier : id;
  }

  #has(id: string): boolean {
    const n = this.#ids.get(id);
    return n !== undefined && this.#idFirst[n] !== NONE;
  }

  #withId(id: string): number[] {
    const n = this.#ids.get(id);
    if (n === undefined || this.#idFirst[n] === NONE) return [];
    const more = this.#idMore.get(n);
    return more ? [this.#idFirst[n], ...more] : [this.#idFirst[n]];
  }

  #idOf(slot: number): string {
    const id = this.#rows[slot * ROW + ID];
    return id === NONE ? this.#names.get(slot)!.toUpperCase() : this.#idTexts[id]!;
  }

  #matches(slot: number, words: readonly string[]): boolean {
    const r = slot * ROW;
    const id = this.#rows[r + ID];
    const name = this.#names.get(slot) ?? this.#idTexts[id]!;
    const subject = this.#subject(slot)?.toUpperCase() ?? '';
    const origin = this.#string(this.#rows[r + ORIGIN]);
    const tags = this.#string(this.#rows[r + TAGS]);
    const routingIndicator = this.#string(this.#rows[r + ROUTING_INDICATOR]);
    for (const w of words) {
      if ((id === NONE ? name : this.#idTexts[id]!).includes(w) || subject.includes(w)) continue;
      if (origin?.includes(w) || tags?.includes(w) || routingIndicator === w) continue;
      return false;
    }
    return true;
  }

  #store(e: CableEntry, file: number): number {
    const slot = this.#freeSlots.pop() ?? this.#slots++;
    if ((slot + 1) * ROW > this.#rows.length) {
      this.#rows = grown(this.#rows, (slot + 1) * ROW);
      this.#dtg = grown(this.#dtg, slot + 1);
    }
    const rows = this.#rows;
    const r = slot * ROW;
    rows[r + START_LINE] = e.startLine;
    rows[r + START_LINE + 1] = e.startCharacter;
    rows[r + START_LINE + 2] = e.endLine;
    rows[r + START_LINE + 3] = e.endCharacter;
    rows[r + SELECTION_LINE] = e.selectionLine;
    rows[r + SELECTION_LINE + 1] = e.selectionStartCharacter;
    rows[r + SELECTION_LINE + 2] = e.selectionEndLine;
    rows[r + SELECTION_LINE + 3] = e.selectionEndCharacter;
    rows[r + ORIGIN] = this.#intern(e.origin);
    rows[r + ROUTING_INDICATOR] = this.#intern(e.routingIndicator);
    rows[r + CLASSIFICATION] = this.#intern(e.classification);
    rows[r + TAGS] = this.#intern(e.tags);
    rows[r + TO] = this.#intern(e.to);
    rows[r + FILE] = file;
    rows[r + FLAGS] = LIVE | (e.partial ? PARTIAL : 0);
    rows[r + NEXT] = NONE;
    this.#dtg[slot] = e.dtgMinutes ?? NaN;
    this.#subjects[slot] = e.subject;
    if (e.id === undefined || e.name !== e.id) this.#names.set(slot, e.name);
    else this.#names.delete(slot);
    if (e.id === undefined) rows[r + ID] = NONE;
    else {
      const id = this.#useId(e.id);
      rows[r + ID] = id;
      if (this.#idFirst[id] === NONE) this.#idFirst[id] = slot;
      else {
        const more = this.#idMore.get(id);
        if (more) more.push(slot);
        else this.#idMore.set(id, [slot]);
      }
    }
    const count = e.references.length + e.cites.length;
    const at = this.#reserveCitations(count);
    let c = at;
    for (const list of [e.references, e.cites]) {
      for (const citation of list) {
        this.#writeCitation(c, citation);
        c += CITATION;
      }
    }
    this.#rows[r + CITATIONS_AT] = at;
    this.#rows[r + REFERENCE_COUNT] = e.references.length;
    this.#rows[r + CITE_COUNT] = e.cites.length;
    this.#invalidate(slot);
    return slot;
  }

  #writeCitation(c: number, citation: Citation): void {
    const pool = this.#citations;
    pool[c + CITED] = this.#useId(citation.id);
    pool[c + LETTER] = this.#intern(citation.letter);
    pool[c + YEAR_ASSUMED] = citation.yearAssumed ? 1 : 0;
    pool[c + CITATION_RANGE] = citation.startLine;
    pool[c + CITATION_RANGE + 1] = citation.startCharacter;
    pool[c + CITATION_RANGE + 2] = citation.endLine;
    pool[c + CITATION_RANGE + 3] = citation.endCharacter;
  }

  #drop(slot: number): void {
    const r = slot * ROW;
    const rows = this.#rows;
    const id = rows[r + ID];
    if (id !== NONE) {
      const more = this.#idMore.get(id);
      if (this.#idFirst[id] === slot) {
        this.#idFirst[id] = more ? more.shift()! : NONE;
        if (more?.length === 0) this.#idMore.delete(id);
      } else if (more) {
        const rest = more.filter((s) => s !== slot);
        if (rest.length === 0) this.#idMore.delete(id);
        else this.#idMore.set(id, rest);
      }
      this.#releaseId(id);
    }
    const at = rows[r + CITATIONS_AT];
    const count = rows[r + REFERENCE_COUNT] + rows[r + CITE_COUNT];
    for (let c = at; c < at + count * CITATION; c += CITATION) this.#releaseId(this.#citations[c + CITED]);
    this.#citationsFreed += count;
    rows[r + FLAGS] = 0;
    rows[r + REFERENCE_COUNT] = 0;
    rows[r + CITE_COUNT] = 0;
    this.#subjects[slot] = undefined;
    this.#names.delete(slot);
    this.#freeSlots.push(slot);
    this.#invalidate(slot);
  }

  /** Room for `count` citations at the end of the pool, which is compacted when most of it is freed. */
  #reserveCitations(count: number): number {
    const needed = (this.#citationsEnd + count) * CITATION;
    if (needed > this.#citations.length) {
      const live = this.#citationsEnd - this.#citationsFreed;
      if (this.#citationsFreed > live) this.#compactCitations((live + count) * CITATION);
      if ((this.#citationsEnd + count) * CITATION > this.#citations.length) {
        this.#citations = grown(this.#citations, (this.#citationsEnd + count) * CITATION);
      }
    }
    const at = this.#citationsEnd * CITATION;
    this.#citationsEnd += count;
    return at;
  }

  #compactCitations(room: number): void {
    const old = this.#citations;
    const pool = new Int32Array(Math.max(room + (room >> 1), CITATION * 4096));
    let end = 0;
    for (let slot = 0; slot < this.#slots; slot++) {
      const r = slot * ROW;
      if ((this.#rows[r + FLAGS] & LIVE) === 0) continue;
      const at = this.#rows[r + CITATIONS_AT];
      const length = (this.#rows[r + REFERENCE_COUNT] + this.#rows[r + CITE_COUNT]) * CITATION;
      pool.set(old.subarray(at, at + length), end);
      this.#rows[r + CITATIONS_AT] = end;
      end += length;
    }
    this.#citations = pool;
    this.#citationsEnd = end / CITATION;
    this.#citationsFreed = 0;
  }

  #useId(id: string): number {
    let n = this.#ids.get(id);
    if (n === undefined) {
      n = this.#freeIds.pop() ?? this.#idTexts.length;
      if (n >= this.#idUses.length) {
        this.#idUses = grown(this.#idUses, n + 1);
        this.#idFirst = grown(this.#idFirst, n + 1);
      }
      this.#ids.set(id, n);
      this.#idTexts[n] = id;
      this.#idUses[n] = 0;
      this.#idFirst[n] = NONE;
    }
    this.#idUses[n]++;
    return n;
  }

  #releaseId(n: number): void {
    if (--this.#idUses[n] > 0) return;
    this.#ids.delete(this.#idTexts[n]!);
    this.#idTexts[n] = undefined;
    this.#freeIds.push(n);
  }

  #intern(text: string | undefined): number {
    if (text === undefined) return NONE;
    const known = this.#stringNumbers.get(text);
    if (known !== undefined) return known;
    this.#strings.push(text);
    this.#stringNumbers.set(text, this.#strings.length - 1);
    return this.#strings.length - 1;
  }

  #string(n: number): string | undefined {
    return n === NONE ? undefined : this.#strings[n];
  }

  #range(values: Int32Array, at: number): Range {
    return { start: { line: values[at], character: values[at + 1] }, end: { line: values[at + 2], character: values[at + 3] } };
  }

  #record(file: number): FileRecord {
    const f = file * 4;
    const skipped = this.#fileRows[f + 2];
    const first = this.#fileRows[f];
    const entries = (): CableEntry[] => {
      const out: CableEntry[] = [];
      for (let slot = first; slot !== NONE; slot = this.#rows[slot * ROW + NEXT]) out.push(this.#entry(slot));
      return out;
    };
    return {
      uri: this.#fileUris[file]!,
      size: this.#fileTimes[file * 2],
      mtime: this.#fileTimes[file * 2 + 1],
      skipped: skipped > 0 ? SKIP_REASONS[skipped - 1] : undefined,
      open: this.#fileRows[f + 3] === 1,
      get entries() {
        return entries();
      },
    };
  }

  /** An entry as it was given (the saved index writes it). */
  #entry(slot: number): CableEntry {
    const r = slot * ROW;
    const rows = this.#rows;
    const id = rows[r + ID] === NONE ? undefined : this.#idTexts[rows[r + ID]];
    const at = rows[r + CITATIONS_AT];
    const references = rows[r + REFERENCE_COUNT];
    const dtg = this.#dtg[slot];
    return {
      id,
      name: this.#names.get(slot) ?? id!,
      subject: this.#subject(slot),
      dtgMinutes: Number.isNaN(dtg) ? undefined : dtg,
      origin: this.#string(rows[r + ORIGIN]),
      routingIndicator: this.#string(rows[r + ROUTING_INDICATOR]),
      classification: this.#string(rows[r + CLASSIFICATION]),
      tags: this.#string(rows[r + TAGS]),
      to: this.#string(rows[r + TO]),
      partial: (rows[r + FLAGS] & PARTIAL) !== 0,
      startLine: rows[r + START_LINE],
      startCharacter: rows[r + START_LINE + 1],
      endLine: rows[r + START_LINE + 2],
      endCharacter: rows[r + START_LINE + 3],
      selectionLine: rows[r + SELECTION_LINE],
      selectionStartCharacter: rows[r + SELECTION_LINE + 1],
      selectionEndLine: rows[r + SELECTION_LINE + 2],
      selectionEndCharacter: rows[r + SELECTION_LINE + 3],
      references: this.#citationsAt(at, references),
      cites: this.#citationsAt(at + references * CITATION, rows[r + CITE_COUNT]),
    };
  }

  #citationsAt(from: number, count: number): Citation[] {
    const out: Citation[] = [];
    const pool = this.#citations;
    for (let k = 0; k < count; k++) {
      const c = from + k * CITATION;
      out.push({
        id: this.#idTexts[pool[c + CITED]]!,
        letter: this.#string(pool[c + LETTER]),
        yearAssumed: pool[c + YEAR_ASSUMED] === 1,
        startLine: pool[c + CITATION_RANGE],
        startCharacter: pool[c + CITATION_RANGE + 1],
        endLine: pool[c + CITATION_RANGE + 2],
        endCharacter: pool[c + CITATION_RANGE + 3],
      });
    }
    return out;
  }

  #indexedCable(slot: number): IndexedCable {
    const r = slot * ROW;
    const rows = this.#rows;
    const id = rows[r + ID] === NONE ? undefined : this.#idTexts[rows[r + ID]];
    const dtg = this.#dtg[slot];
    return {
      uri: this.#fileUris[rows[r + FILE]]!,
      name: this.#names.get(slot) ?? id!,
      referenceId: id,
      subject: this.#subject(slot),
      range: this.#range(rows, r + START_LINE),
      selectionRange: this.#range(rows, r + SELECTION_LINE),
      date: isoDate(Number.isNaN(dtg) ? undefined : dtg),
      origin: this.#string(rows[r + ORIGIN]),
      routingIndicator: this.#string(rows[r + ROUTING_INDICATOR]),
      classification: this.#string(rows[r + CLASSIFICATION]),
      tags: this.#string(rows[r + TAGS]),
      partial: (rows[r + FLAGS] & PARTIAL) !== 0,
    };
  }

  #place(cable: IndexedCable, referenceId: string, c: number, reference: boolean): CitationPlace {
    return {
      cable,
      referenceId,
      range: this.#range(this.#citations, c + CITATION_RANGE),
      reference,
      letter: this.#string(this.#citations[c + LETTER]),
    };
  }
}

interface SlotReader {
  id(slot: number): string | undefined;
  name(slot: number): string;
  subject(slot: number): string | undefined;
  subjectUpper(slot: number): string;
  dtgMinutes(slot: number): number | undefined;
  text(slot: number, column: number): string | undefined;
  number(slot: number, column: number): number;
  partial(slot: number): boolean;
  references(slot: number): Citation[];
  cites(slot: number): Citation[];
  uri(slot: number): string;
}

/**
 * An entry read from its slot's row as it is asked for: the Cables view lists every entry, and a
 * quarter of a million entry objects with their citation arrays would undo what rows of numbers save.
 */
class EntryView implements BrowsedEntry {
  constructor(
    private readonly reader: SlotReader,
    readonly slot: number,
  ) {}

  get id(): string | undefined {
    return this.reader.id(this.slot);
  }
  get name(): string {
    return this.reader.name(this.slot);
  }
  get subject(): string | undefined {
    return this.reader.subject(this.slot);
  }
  get subjectUpper(): string {
    return this.reader.subjectUpper(this.slot);
  }
  get dtgMinutes(): number | undefined {
    return this.reader.dtgMinutes(this.slot);
  }
  get origin(): string | undefined {
    return this.reader.text(this.slot, ORIGIN);
  }
  get to(): string | undefined {
    return this.reader.text(this.slot, TO);
  }
  get routingIndicator(): string | undefined {
    return this.reader.text(this.slot, ROUTING_INDICATOR);
  }
  get classification(): string | undefined {
    return this.reader.text(this.slot, CLASSIFICATION);
  }
  get tags(): string | undefined {
    return this.reader.text(this.slot, TAGS);
  }
  get partial(): boolean {
    return this.reader.partial(this.slot);
  }
  get startLine(): number {
    return this.reader.number(this.slot, START_LINE);
  }
  get startCharacter(): number {
    return this.reader.number(this.slot, START_LINE + 1);
  }
  get endLine(): number {
    return this.reader.number(this.slot, START_LINE + 2);
  }
  get endCharacter(): number {
    return this.reader.number(this.slot, START_LINE + 3);
  }
  get selectionLine(): number {
    return this.reader.number(this.slot, SELECTION_LINE);
  }
  get selectionStartCharacter(): number {
    return this.reader.number(this.slot, SELECTION_LINE + 1);
  }
  get selectionEndLine(): number {
    return this.reader.number(this.slot, SELECTION_LINE + 2);
  }
  get selectionEndCharacter(): number {
    return this.reader.number(this.slot, SELECTION_LINE + 3);
  }
  get references(): readonly Citation[] {
    return this.reader.references(this.slot);
  }
  get cites(): readonly Citation[] {
    return this.reader.cites(this.slot);
  }
  get file(): { readonly uri: string } {
    return { uri: this.reader.uri(this.slot) };
  }
}

/** Sorting by date: positions below 2^22, minutes since 1970 shifted by 2^27 (1714) into 0…2^31 (6053). */
const POSITION_BITS = 22;
const MINUTES_OFFSET = 2 ** 27;
const UNDATED = 2 ** 31 - 1;

/** What searches scan of a chunk of slots: each slot's id, and its subject, each at its start offset. */
interface SearchChunk {
  readonly ids: string;
  readonly idStarts: Int32Array;
  readonly text: string;
  readonly textStarts: Int32Array;
}

/** A copy with room for at least `needed` values: half as much again, so that growing stays rare without doubling. */
function grown<T extends Int32Array | Float64Array>(values: T, needed: number): T {
  const copy = new (values.constructor as new (length: number) => T)(Math.max(needed, values.length + (values.length >> 1)));
  copy.set(values);
  return copy;
}

function grownBytes(values: Uint8Array, needed: number): Uint8Array {
  const copy = new Uint8Array(Math.max(needed, values.length * 2));
  copy.set(values);
  return copy;
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

/** `07MADRID12` → `06MADRID12`; `00X1` → `99X1`. */
function previousYear(id: string): string | undefined {
  const year = Number(id.slice(0, 2));
  if (!Number.isInteger(year) || !/^\d\d/.test(id)) return undefined;
  return `${String((year + 99) % 100).padStart(2, '0')}${id.slice(2)}`;
}

/** `06MADRID12` → `07MADRID12`; `99X1` → `00X1`. */
function nextYear(id: string): string | undefined {
  const year = Number(id.slice(0, 2));
  if (!Number.isInteger(year) || !/^\d\d/.test(id)) return undefined;
  return `${String((year + 1) % 100).padStart(2, '0')}${id.slice(2)}`;
}
