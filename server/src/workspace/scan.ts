import { URI, Utils } from 'vscode-uri';
import { parse } from '../cable/parse';
import { SNIFF_BYTES, textLooksLikeCable } from '../protocol/detect';
import { type CableEntry, entriesOf } from './entry';
import type { IndexScope } from './scope';

/** What a walk asks of a scope. */
export type WalkScope = Pick<IndexScope, 'kindOf' | 'excludesFolder'>;

/** Folders as the walk sees them; node supplies one, the web client another (through workspace.fs). */
export interface FileSystem {
  /** Entries of a folder URI, symbolic links resolved to what they point at (`other` when they point nowhere). */
  readDirectory(uri: string): Promise<{ name: string; kind: 'file' | 'directory' | 'other' }[]>;
  /** A folder's identity (its real path), so a symbolic link back up the tree is walked once. */
  realPath(uri: string): Promise<string>;
}

/** An open file: its size and mtime, its first bytes, then the rest. */
export interface OpenFile {
  readonly size: number;
  /** Modification time in ms. */
  readonly mtime: number;
  /** The next `bytes` bytes (fewer at the end of the file). */
  read(bytes: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Files as reading them for the index needs them: each opened once, read from the start. */
export interface FileReader {
  /** The file, or undefined when it is gone (or is no file). */
  open(uri: string): Promise<OpenFile | undefined>;
}

/** A file in the index's scope, found by the walk or named by a change event. */
export interface Candidate {
  readonly uri: string;
  /** Only indexed when its start passes the plain-text sniff (`*.txt`, no extension). */
  readonly sniff: boolean;
}

/** Files larger than this are skipped and counted (the largest corpus export is a few MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** A pathological tree (or a link loop the file system does not report) ends here. */
const MAX_DEPTH = 64;

export type SkipReason = 'unreadable' | 'binary' | 'tooLarge' | 'notCable';

/** What reading one file gave. `unchanged`: size and mtime are those the index already has. */
export type FileResult =
  | { readonly uri: string; readonly status: 'indexed'; readonly size: number; readonly mtime: number; readonly entries: CableEntry[] }
  | { readonly uri: string; readonly status: 'skipped'; readonly size: number; readonly mtime: number; readonly reason: SkipReason }
  | { readonly uri: string; readonly status: 'unchanged' | 'gone' };

export interface FileJob extends Candidate {
  /** Size and mtime of the indexed version, when there is one. */
  readonly known?: { readonly size: number; readonly mtime: number };
}

/** Reads and parses files for the index, off the request path where the host allows (worker threads on node). */
export interface FileIndexer {
  index(jobs: readonly FileJob[]): Promise<FileResult[]>;
  /** How many batches it can work on at once. */
  readonly parallelism: number;
  dispose(): void;
}

/**
 * Walks a workspace folder, yielding the files in scope folder by folder. Excluded folders are not
 * entered, a folder reached again through a symbolic link is walked once, and a folder that cannot
 * be read (deleted meanwhile, no permission) is passed over.
 */
/** Names of a folder matched against the scope before the walk gives other work a turn. */
const WALK_SLICE = 256;

export async function* walk(
  fs: FileSystem,
  folderUri: string,
  scope: WalkScope,
  stopped: () => boolean,
): AsyncGenerator<Candidate[], void, undefined> {
  const seen = new Set<string>();
  const queue: { uri: URI; relative: string; depth: number }[] = [{ uri: URI.parse(folderUri), relative: '', depth: 0 }];
  while (queue.length > 0 && !stopped()) {
    const folder = queue.pop()!;
    let entries: Awaited<ReturnType<FileSystem['readDirectory']>>;
    try {
      const real = await fs.realPath(folder.uri.toString());
      if (seen.has(real)) continue;
      seen.add(real);
      entries = await fs.readDirectory(folder.uri.toString());
    } catch {
      continue;
    }
    let found: Candidate[] = [];
    let checked = 0;
    for (const entry of entries) {
      // A folder of a Cablegate month holds thousands of files: matching all their names against
      // the scope in one go kept the server thread from a keystroke for 40 ms.
      if (++checked % WALK_SLICE === 0) {
        if (found.length > 0) yield found;
        found = [];
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (stopped()) return;
      }
      const relative = folder.relative ? `${folder.relative}/${entry.name}` : entry.name;
      if (entry.kind === 'directory') {
        if (folder.depth < MAX_DEPTH && !scope.excludesFolder(relative)) {
          queue.push({ uri: Utils.joinPath(folder.uri, entry.name), relative, depth: folder.depth + 1 });
        }
      } else if (entry.kind === 'file') {
        const kind = scope.kindOf(relative);
        if (kind) found.push({ uri: Utils.joinPath(folder.uri, entry.name).toString(), sniff: kind === 'sniff' });
      }
    }
    if (found.length > 0) yield found;
  }
}

/** The path of `uri` relative to `folderUri`, `/`-separated and decoded; undefined when it is not inside. */
export function relativePath(folderUri: string, uri: string): string | undefined {
  const folder = URI.parse(folderUri);
  const file = URI.parse(uri);
  if (folder.scheme !== file.scheme || folder.authority !== file.authority) return undefined;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return file.path.startsWith(base) ? file.path.slice(base.length) : undefined;
}

/** A URI as VS Code writes it, so that the index and the client name a file alike. */
export function normalizeUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/**
 * Reads one file and makes its index entries: only its first 4 KB when the sniff decides (a folder
 * of 100,000 other `.txt` files costs 400 MB of reading, not their whole size), nothing when size
 * and mtime are those already indexed. Never throws: a file that fails is skipped and counted.
 */
export async function indexFile(reader: FileReader, job: FileJob): Promise<FileResult> {
  const { uri } = job;
  let file: OpenFile | undefined;
  try {
    file = await reader.open(uri);
  } catch {
    file = undefined;
  }
  if (!file) return { uri, status: 'gone' };
  const { size, mtime } = file;
  try {
    if (job.known && job.known.size === size && job.known.mtime === mtime) return { uri, status: 'unchanged' };
    if (size > MAX_FILE_BYTES) return { uri, status: 'skipped', size, mtime, reason: 'tooLarge' };
    const start = await file.read(Math.min(size, SNIFF_BYTES) || SNIFF_BYTES);
    if (start.includes(0)) return { uri, status: 'skipped', size, mtime, reason: 'binary' };
    if (job.sniff && !textLooksLikeCable(decode(start))) return { uri, status: 'skipped', size, mtime, reason: 'notCable' };
    let bytes = start;
    if (size > start.length) {
      const rest = await file.read(size - start.length);
      bytes = new Uint8Array(start.length + rest.length);
      bytes.set(start);
      bytes.set(rest, start.length);
    }
    return { uri, status: 'indexed', size, mtime, entries: entriesOf(parse(decode(bytes))) };
  } catch {
    return { uri, status: 'skipped', size, mtime, reason: 'unreadable' };
  } finally {
    await file.close().catch(() => undefined);
  }
}

const decoder = new TextDecoder('utf-8');

function decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * A FileIndexer that reads and parses in the calling thread, one file per macrotask (the Web
 * Worker, whose server is one thread anyway, and node when worker threads cannot start).
 */
export class InThreadIndexer implements FileIndexer {
  readonly parallelism = 1;
  constructor(readonly reader: FileReader) {}

  async index(jobs: readonly FileJob[]): Promise<FileResult[]> {
    const results: FileResult[] = [];
    for (const job of jobs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      results.push(await indexFile(this.reader, job));
    }
    return results;
  }

  dispose(): void {}
}
