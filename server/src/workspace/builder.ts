import type { WorkspaceIndex } from './index';
import { deserializeIndex, type IndexStorage, serializeIndex } from './persist';
import { type FileIndexer, type FileJob, type FileResult, type FileSystem, normalizeUri, relativePath, walk, type WalkScope } from './scan';
import type { IndexScope } from './scope';

/** A workspace folder with the scope its settings give it. */
export interface IndexedFolder {
  readonly uri: string;
  readonly scope: IndexScope;
}

/** How a round of indexing shows itself (LSP work-done progress in the server). */
export interface ProgressSink {
  report(done: number, total: number): void;
  end(): void;
}

export interface BuilderHost {
  readonly fileSystem: FileSystem;
  readonly indexer: FileIndexer;
  readonly storage?: IndexStorage;
  /** Open documents are indexed from their text; what is on disk waits until they close. */
  isOpen(uri: string): boolean;
  /** A bound on the files of a walk (the web client, which reads every file whole); none on node. */
  readonly maxFiles?: number;
  beginProgress(): ProgressSink;
  /** After results were applied: the counts changed. */
  changed(): void;
  log(message: string): void;
}

/** A watched-file event as LSP sends it: 1 created, 2 changed, 3 deleted. */
export interface FileEvent {
  readonly uri: string;
  readonly type: 1 | 2 | 3;
}

const BATCH_FILES = 64;
const SAVE_DELAY_MS = 2000;
/** Jobs the walk may have queued before it waits for the indexer. */
const WALK_AHEAD = 2048;
const WALK_WAIT_MS = 20;

/**
 * Keeps the workspace index in step with the files on disk: loads the saved index, walks the
 * folders and hands the files to the indexer (worker threads on node) in batches, asking it to
 * read again only files whose size or mtime changed; then follows watched-file events. The
 * request path only ever applies finished results: a batch's entries go into the maps in one go.
 */
export class IndexBuilder {
  #folders: readonly IndexedFolder[] = [];
  /** Jobs not yet handed out, from #head on (a queue of 250,000 is not shifted for every batch). */
  #queue: FileJob[] = [];
  #head = 0;
  #inFlight = 0;
  #done = 0;
  #total = 0;
  #generation = 0;
  #walking = 0;
  #progress: ProgressSink | undefined;
  #dirty = false;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #idle: (() => void)[] = [];
  #disposed = false;
  /** Files a full walk of this generation met; the others are gone once it ends. */
  #seen: Set<string> | undefined;

  constructor(
    readonly index: WorkspaceIndex,
    readonly host: BuilderHost,
  ) {}

  get folders(): readonly IndexedFolder[] {
    return this.#folders;
  }

  /** Files of the current round done, and found so far. */
  get done(): number {
    return this.#done;
  }

  get total(): number {
    return this.#total;
  }

  /** Whether a round (walk or change events) is still being worked on. */
  get busy(): boolean {
    return this.#walking > 0 || this.#head < this.#queue.length || this.#inFlight > 0;
  }

  /** Resolves when the work queued so far is done. */
  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** First start: the saved index (resolves once it is loaded), then, in the background, a walk that checks it against the disk. */
  async start(folders: readonly IndexedFolder[]): Promise<void> {
    this.#folders = folders;
    await this.#load();
    void this.rescan(folders).catch((error) => this.host.log(`index: ${String(error)}`));
  }

  /** Walks every folder again (first start, or settings that change the scope). */
  async rescan(folders: readonly IndexedFolder[]): Promise<void> {
    const generation = ++this.#generation;
    this.#folders = folders;
    this.#queue = [];
    this.#head = 0;
    const seen = new Set<string>();
    this.#seen = seen;
    this.#walking++;
    this.#beginRound();
    try {
      for (const folder of folders) {
        const full = () => this.host.maxFiles !== undefined && seen.size >= this.host.maxFiles;
        for await (const found of walk(this.host.fileSystem, folder.uri, folder.scope, () => this.#stale(generation) || full())) {
          const room = this.host.maxFiles === undefined ? found : found.slice(0, Math.max(0, this.host.maxFiles - seen.size));
          for (const candidate of room) seen.add(candidate.uri);
          this.#enqueue(room.map((c) => ({ ...c, known: this.#known(c.uri) })));
          await this.#roomInQueue(generation);
        }
        if (this.#stale(generation)) return;
      }
    } catch (error) {
      this.host.log(`index walk: ${String(error)}`);
    } finally {
      this.#walking--;
      this.#settle();
    }
    await this.whenIdle();
    if (this.#stale(generation)) return;
    // What the index holds but the walk did not meet: deleted, moved or out of scope since.
    if (this.index.removeWhere((uri) => !seen.has(uri)) > 0) this.#dirty = true;
    if (this.#seen === seen) this.#seen = undefined;
    this.host.changed();
    this.#scheduleSave(0);
  }

  /** Watched-file events: files read again or removed, folders walked or dropped. */
  filesChanged(events: readonly FileEvent[]): void {
    const jobs: FileJob[] = [];
    for (const event of events) {
      const uri = normalizeUri(event.uri);
      if (event.type === 3) {
        const gone = this.index.record(uri) ? 1 : 0;
        this.index.remove(uri);
        const inside = this.index.removeFolder(uri).length;
        if (gone + inside > 0) this.#dirty = true;
        continue;
      }
      const folder = this.#folderOf(uri);
      if (!folder) continue;
      const relative = relativePath(folder.uri, uri);
      const kind = relative === undefined ? undefined : folder.scope.kindOf(relative);
      if (kind) {
        this.#seen?.add(uri);
        jobs.push({ uri, sniff: kind === 'sniff', known: event.type === 2 ? undefined : this.#known(uri) });
      } else if (event.type === 1 && relative !== undefined && !folder.scope.excludesFolder(relative)) {
        // Perhaps a folder moved in: walk it (a file that is no folder yields nothing).
        void this.#walkFolder(uri, prefixed(folder.scope, relative));
      }
    }
    this.host.changed();
    if (jobs.length > 0) {
      this.#beginRound();
      this.#enqueue(jobs);
    }
    this.#scheduleSave();
  }

  /** An open document closed: its file on disk is indexed again (or dropped when it is out of scope). */
  documentClosed(uri: string): void {
    const key = normalizeUri(uri);
    const folder = this.#folderOf(key);
    const relative = folder ? relativePath(folder.uri, key) : undefined;
    const kind = folder && relative !== undefined ? folder.scope.kindOf(relative) : undefined;
    if (kind) {
      this.index.closed(key);
      this.#beginRound();
      this.#enqueue([{ uri: key, sniff: kind === 'sniff' }]);
    } else {
      this.index.remove(key);
      this.host.changed();
    }
  }

  /** Saves now, if anything changed since the last save. */
  async save(): Promise<void> {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    if (!this.host.storage || !this.#dirty) return;
    this.#dirty = false;
    const scopeKey = this.#scopeKey();
    try {
      await this.host.storage.save(serializeIndex(this.index, scopeKey));
    } catch (error) {
      this.#dirty = true;
      this.host.log(`saving the index: ${String(error)}`);
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#generation++;
    this.#queue = [];
    this.#head = 0;
    clearTimeout(this.#saveTimer);
    this.#progress?.end();
    this.#progress = undefined;
    this.host.indexer.dispose();
  }

  async #load(): Promise<void> {
    if (!this.host.storage) return;
    let text: string | undefined;
    try {
      text = await this.host.storage.load();
    } catch {
      text = undefined;
    }
    if (text === undefined) return;
    const records = await deserializeIndex(text, this.#scopeKey());
    if (!records) {
      this.host.log('the saved workspace index is damaged, of another version or for other settings: building it again');
      this.#dirty = true;
      return;
    }
    for (const record of records) if (!this.host.isOpen(record.uri)) this.index.set(record);
    this.host.changed();
  }

  async #walkFolder(uri: string, scope: WalkScope): Promise<void> {
    const generation = this.#generation;
    this.#walking++;
    try {
      for await (const found of walk(this.host.fileSystem, uri, scope, () => this.#stale(generation))) {
        this.#beginRound();
        for (const candidate of found) this.#seen?.add(candidate.uri);
        this.#enqueue(found.map((c) => ({ ...c, known: this.#known(c.uri) })));
      }
    } finally {
      this.#walking--;
      this.#settle();
    }
  }

  /**
   * Waits while the queue holds more than the workers will take for a while: a walk that ran ahead
   * kept a quarter of a million jobs on the server thread's heap, which every collection copied
   * while the user typed.
   */
  async #roomInQueue(generation: number): Promise<void> {
    while (this.#queue.length - this.#head > WALK_AHEAD && !this.#stale(generation)) {
      await new Promise((resolve) => setTimeout(resolve, WALK_WAIT_MS));
    }
  }

  #scopeKey(): string {
    return JSON.stringify(this.#folders.map((f) => [f.uri, f.scope.key]));
  }

  #stale(generation: number): boolean {
    return this.#disposed || generation !== this.#generation;
  }

  #known(uri: string): { size: number; mtime: number } | undefined {
    const record = this.index.record(uri);
    return record && !record.open ? { size: record.size, mtime: record.mtime } : undefined;
  }

  #folderOf(uri: string): IndexedFolder | undefined {
    let best: IndexedFolder | undefined;
    for (const folder of this.#folders) {
      if (relativePath(folder.uri, uri) !== undefined && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }

  #beginRound(): void {
    if (this.#progress) return;
    this.#done = 0;
    this.#total = 0;
    this.#progress = this.host.beginProgress();
  }

  #enqueue(jobs: readonly FileJob[]): void {
    for (const job of jobs) this.#queue.push(job);
    this.#total += jobs.length;
    this.#pump();
  }

  #pump(): void {
    while (!this.#disposed && this.#inFlight < this.host.indexer.parallelism * 2 && this.#head < this.#queue.length) {
      const batch = this.#queue.slice(this.#head, this.#head + BATCH_FILES);
      this.#head += batch.length;
      if (this.#head === this.#queue.length) {
        this.#queue = [];
        this.#head = 0;
      }
      this.#inFlight++;
      this.host.indexer
        .index(batch)
        .then(
          (results) => this.#apply(results),
          (error) => this.host.log(`indexing: ${String(error)}`),
        )
        .finally(() => {
          this.#inFlight--;
          this.#done += batch.length;
          this.#progress?.report(this.#done, this.#total);
          this.#pump();
          this.#settle();
        });
    }
  }

  #apply(results: readonly FileResult[]): void {
    if (this.#disposed) return;
    let changed = false;
    for (const result of results) {
      if (result.status === 'unchanged' || this.host.isOpen(result.uri)) continue;
      changed = true;
      if (result.status !== 'indexed' && result.status !== 'skipped') {
        this.index.remove(result.uri);
        continue;
      }
      this.index.set({
        uri: result.uri,
        size: result.size,
        mtime: result.mtime,
        skipped: result.status === 'skipped' ? result.reason : undefined,
        entries: result.status === 'indexed' ? result.entries : [],
        open: false,
      });
    }
    if (changed) {
      this.#dirty = true;
      this.host.changed();
    }
  }

  /** When nothing is left to do: the progress ends, waiters resume, and the index is saved a little later. */
  #settle(): void {
    if (this.busy) return;
    this.#progress?.end();
    this.#progress = undefined;
    this.host.changed();
    for (const resolve of this.#idle.splice(0)) resolve();
    this.#scheduleSave();
  }

  #scheduleSave(delay = SAVE_DELAY_MS): void {
    if (!this.#dirty || !this.host.storage || this.#disposed) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.save(), delay);
  }
}

/** A folder's scope for a walk that starts in one of its subfolders: paths are matched from the workspace folder. */
function prefixed(scope: IndexScope, relative: string): WalkScope {
  const full = (path: string) => (path ? `${relative}/${path}` : relative);
  return { kindOf: (path) => scope.kindOf(full(path)), excludesFolder: (path) => scope.excludesFolder(full(path)) };
}
