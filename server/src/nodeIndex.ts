/**
 * The workspace index on node: folders and files through node:fs, reading and parsing in worker
 * threads (the server bundle itself, started with workerData marking it as an index worker: see
 * node.ts), and the saved index in a file.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, open, readdir, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { URI } from 'vscode-uri';
import type { IndexStorage } from './workspace/persist';
import {
  type FileIndexer,
  type FileJob,
  type FileReader,
  type FileResult,
  type FileSystem,
  indexFile,
  InThreadIndexer,
} from './workspace/scan';

const fsPath = (uri: string) => URI.parse(uri).fsPath;

export const nodeFileSystem: FileSystem = {
  async readDirectory(uri) {
    const folder = fsPath(uri);
    const entries = await readdir(folder, { withFileTypes: true });
    const out: { name: string; kind: 'file' | 'directory' | 'other' }[] = [];
    for (const e of entries) {
      if (e.isFile()) out.push({ name: e.name, kind: 'file' });
      else if (e.isDirectory()) out.push({ name: e.name, kind: 'directory' });
      else if (e.isSymbolicLink() || !(e.isFIFO() || e.isSocket() || e.isBlockDevice() || e.isCharacterDevice())) {
        // A link (or a file system that does not tell types): what it points at, if anything.
        const target = await stat(path.join(folder, e.name)).catch(() => undefined);
        out.push({ name: e.name, kind: target?.isFile() ? 'file' : target?.isDirectory() ? 'directory' : 'other' });
      }
    }
    return out;
  },
  realPath: (uri) => realpath(fsPath(uri)),
};

export const nodeFileReader: FileReader = {
  async open(uri) {
    const handle = await open(fsPath(uri), 'r').catch(() => undefined);
    if (!handle) return undefined;
    const s = await handle.stat().catch(() => undefined);
    if (!s?.isFile()) {
      await handle.close();
      return undefined;
    }
    let position = 0;
    return {
      size: s.size,
      mtime: s.mtimeMs,
      async read(bytes) {
        const buffer = Buffer.allocUnsafe(bytes);
        let filled = 0;
        while (filled < bytes) {
          const { bytesRead } = await handle.read(buffer, filled, bytes - filled, position);
          if (bytesRead === 0) break;
          filled += bytesRead;
          position += bytesRead;
        }
        return buffer.subarray(0, filled);
      },
      close: () => handle.close(),
    };
  },
};

/**
 * The same with blocking calls, for worker threads: a worker has nothing else to do meanwhile, and
 * from the page cache a blocking read takes microseconds where a promise's round trip through
 * libuv's thread pool takes a tenth of a millisecond (five per file: reading took more than parsing).
 */
export const blockingFileReader: FileReader = {
  open(uri) {
    let fd: number;
    try {
      fd = openSync(fsPath(uri), 'r');
    } catch {
      return Promise.resolve(undefined);
    }
    try {
      const s = fstatSync(fd);
      if (!s.isFile()) {
        closeSync(fd);
        return Promise.resolve(undefined);
      }
      let position = 0;
      return Promise.resolve({
        size: s.size,
        mtime: s.mtimeMs,
        read(bytes: number) {
          const buffer = Buffer.allocUnsafe(bytes);
          let filled = 0;
          while (filled < bytes) {
            const read = readSync(fd, buffer, filled, bytes - filled, position);
            if (read === 0) break;
            filled += read;
            position += read;
          }
          return Promise.resolve(buffer.subarray(0, filled));
        },
        close() {
          closeSync(fd);
          return Promise.resolve();
        },
      });
    } catch (error) {
      closeSync(fd);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};

interface IndexWorkerData {
  readonly cableIndexWorker: true;
}

interface WorkerRequest {
  readonly id: number;
  readonly jobs: readonly FileJob[];
}

interface WorkerReply {
  readonly id: number;
  readonly results: FileResult[];
}

export function isIndexWorker(): boolean {
  return parentPort !== null && (workerData as IndexWorkerData | undefined)?.cableIndexWorker === true;
}

/**
 * Below the server thread, not at the bottom: at 19 a machine busy with other work starves the
 * index; at 5 the server thread got only three times a worker's share of a contended core, and
 * edits while indexing waited for it (p95 30 ms on 50,000 files against 26 ms at 10, where it gets nine).
 */
const WORKER_NICE = 10;

/** The body of an index worker: batches of files in, their results out. */
export function runIndexWorker(): void {
  // A lower priority, for this thread only (Linux sets it per thread): the server thread, which
  // answers requests, gets the cores first, so typing stays as fast while every core indexes.
  try {
    os.setPriority(0, WORKER_NICE);
  } catch {
    // Not allowed here: the worker runs at the server's priority.
  }
  parentPort!.on('message', (request: WorkerRequest) => {
    void (async () => {
      const results: FileResult[] = [];
      for (const job of request.jobs) results.push(await indexFile(blockingFileReader, job));
      parentPort!.postMessage({ id: request.id, results } satisfies WorkerReply);
    })();
  });
}

/**
 * One worker a core, at most 4 (reading and parsing scale no further before the server thread's
 * share of applying results shows); they run at a lower priority, so requests come first.
 * `CABLE_INDEX_WORKERS` overrides (0: index in the server thread).
 */
export function indexWorkerCount(): number {
  const configured = Number(process.env.CABLE_INDEX_WORKERS);
  if (process.env.CABLE_INDEX_WORKERS && Number.isInteger(configured) && configured >= 0) return configured;
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Idle workers end after this, so their heaps go back once the index is built. */
const WORKER_IDLE_MS = 3000;

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve: (r: FileResult[]) => void; reject: (e: Error) => void }>;
  idleTimer?: ReturnType<typeof setTimeout>;
}

/**
 * Hands batches to worker threads, round robin by load, starting them on demand and ending them when
 * idle. A worker that dies fails its batches (the builder logs them) and is replaced; when none can
 * start at all, batches are indexed in this thread.
 */
export class WorkerPoolIndexer implements FileIndexer {
  readonly #workers: (PoolWorker | undefined)[];
  readonly #fallback = new InThreadIndexer(nodeFileReader);
  #nextId = 0;
  #broken = false;

  constructor(
    readonly script: string,
    count: number,
  ) {
    this.#workers = new Array<PoolWorker | undefined>(Math.max(1, count)).fill(undefined);
  }

  get parallelism(): number {
    return this.#workers.length;
  }

  index(jobs: readonly FileJob[]): Promise<FileResult[]> {
    if (this.#broken) return this.#fallback.index(jobs);
    let slot = 0;
    for (let i = 1; i < this.#workers.length; i++) {
      if ((this.#workers[i]?.pending.size ?? 0) < (this.#workers[slot]?.pending.size ?? 0)) slot = i;
    }
    const pool = this.#workers[slot] ?? this.#start(slot);
    if (!pool) return this.#fallback.index(jobs);
    clearTimeout(pool.idleTimer);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      pool.pending.set(id, { resolve, reject });
      pool.worker.postMessage({ id, jobs } satisfies WorkerRequest);
    });
  }

  dispose(): void {
    for (const pool of this.#workers) if (pool) void pool.worker.terminate();
    this.#workers.fill(undefined);
  }

  #start(slot: number): PoolWorker | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.script, { workerData: { cableIndexWorker: true } satisfies IndexWorkerData, stdout: true, stderr: true });
    } catch {
      this.#broken = true;
      return undefined;
    }
    const pool: PoolWorker = { worker, pending: new Map() };
    const fail = (error: Error) => {
      if (this.#workers[slot] === pool) this.#workers[slot] = undefined;
      for (const p of pool.pending.values()) p.reject(error);
      pool.pending.clear();
    };
    worker.on('message', (reply: WorkerReply) => {
      const p = pool.pending.get(reply.id);
      pool.pending.delete(reply.id);
      p?.resolve(reply.results);
      if (pool.pending.size === 0) {
        pool.idleTimer = setTimeout(() => {
          if (pool.pending.size > 0) return;
          if (this.#workers[slot] === pool) this.#workers[slot] = undefined;
          void worker.terminate();
        }, WORKER_IDLE_MS);
      }
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`index worker exited with ${code}`)));
    // The worker's own threads must not keep a server alive that the client has closed.
    worker.unref();
    this.#workers[slot] = pool;
    return pool;
  }
}

/** The index file: in the folder the client names, else `CABLE_CACHE_DIR`, else the XDG cache (as launch.ts's code cache); none when `off`. */
export function indexStoragePath(storageFolder: string | undefined, workspaceFolders: readonly string[]): string | undefined {
  const configured = process.env.CABLE_CACHE_DIR;
  if (!storageFolder && configured === 'off') return undefined;
  const home = os.homedir();
  const folder =
    storageFolder ||
    configured ||
    (process.platform === 'win32'
      ? path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'cable-language-server')
      : path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'cable-language-server'));
  const key = createHash('sha256')
    .update(JSON.stringify([...workspaceFolders].sort()))
    .digest('hex')
    .slice(0, 16);
  return path.join(folder, 'index', `workspace-${key}.ndjson`);
}

/** A file written whole to a temporary name and renamed over the old one. */
export function fileStorage(file: string): IndexStorage {
  return {
    async load() {
      return readFile(file, 'utf8').catch(() => undefined);
    },
    async save(lines) {
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const partial = `${file}.${process.pid}.partial`;
      const handle = await open(partial, 'w', 0o600);
      try {
        for (const chunk of lines) await handle.write(chunk);
      } catch (error) {
        await handle.close();
        await unlink(partial).catch(() => undefined);
        throw error;
      }
      await handle.close();
      await rename(partial, file);
    },
  };
}
