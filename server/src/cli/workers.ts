/**
 * A large run is linted in parallel: this thread and worker threads that run the CLI's own bundle
 * with workerData marking them as lint workers (see main.ts, whose entry logic checks that first).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { totalBytes } from './files';
import { lintFile, type LintOptions, type Outcome } from './lint';

/**
 * Below this a run stays in one thread. A worker costs a good fraction of a second of CPU to start (this bundle
 * with its data tables, then its own JIT warm-up); the main thread lints meanwhile, so a small
 * parallel run is not slower, but it would gain nothing for that CPU either.
 */
export const PARALLEL_MIN_FILES = 50;
export const PARALLEL_MIN_BYTES = 4_000_000;

/**
 * One thread on a machine of two CPUs or fewer: there a second thread did not pay (`npm run bench
 * -- cli`: 0.92–1.08× of one thread on the 2-CPU development machine; one thread already keeps more
 * than one CPU busy with V8's collector and compiler beside it). With more CPUs, one thread fewer
 * than there are, leaving one for those helpers (not measured here: no larger machine was at hand).
 */
export function defaultJobs(cpus = availableParallelism()): number {
  return cpus <= 2 ? 1 : cpus - 1;
}

/** More than PARALLEL_MIN_FILES files, or more than PARALLEL_MIN_BYTES; sizes are read only for short lists. */
export function isLarge(files: readonly string[]): boolean {
  if (files.length < 2) return false;
  return files.length > PARALLEL_MIN_FILES || totalBytes(files) > PARALLEL_MIN_BYTES;
}

interface LintWorkerData {
  readonly cableLintWorker: true;
  readonly options: LintOptions;
}
interface WorkerRequest {
  readonly start: number;
  readonly files: readonly string[];
}
interface WorkerReply {
  readonly start: number;
  readonly outcomes: readonly Outcome[];
}

/**
 * Lints `files` in `threads` threads: this one and threads − 1 workers that each run `script` (this
 * CLI) with workerData. Files go out in small chunks, two per worker in flight so none waits for
 * this thread, which lints a chunk of its own between messages; every worker costs a bundle load
 * and a JIT warm-up of its own, so this thread working too saves one of them. Outcomes arrive in
 * any order and are handed to `take` strictly in file order. A worker that dies has its chunks
 * linted here, so its files are still reported. Once `stopped` says so (the reader of the report
 * went away), no more files are handed out and the run ends.
 */
export function lintInWorkers(
  files: readonly string[],
  options: LintOptions,
  threads: number,
  script: string,
  take: (o: Outcome) => void,
  tick: (o: Outcome) => void,
  stopped: () => boolean = () => false,
): Promise<void> {
  // Small enough that the last chunks finish together, large enough that messages stay few.
  const chunk = Math.max(1, Math.min(32, Math.floor(files.length / (threads * 8))));
  const outcomes = new Array<Outcome | undefined>(files.length);
  let next = 0;
  let emitted = 0;
  return new Promise<void>((resolve, reject) => {
    const inFlight = new Map<Worker, WorkerRequest[]>();
    let done = false;
    const finishIfDone = () => {
      if (done || (emitted < files.length && !stopped())) return;
      done = true;
      for (const worker of inFlight.keys()) void worker.terminate();
      inFlight.clear();
      resolve();
    };
    const store = (start: number, list: readonly Outcome[]) => {
      for (let i = 0; i < list.length; i++) {
        outcomes[start + i] = list[i];
        tick(list[i]);
      }
      while (emitted < files.length && outcomes[emitted] !== undefined) {
        take(outcomes[emitted]!);
        outcomes[emitted++] = undefined;
      }
    };
    const nextChunk = (): WorkerRequest | undefined => {
      if (next >= files.length || stopped()) return undefined;
      const request: WorkerRequest = { start: next, files: files.slice(next, next + chunk) };
      next += request.files.length;
      return request;
    };
    const send = (worker: Worker) => {
      const request = nextChunk();
      if (!request) return;
      inFlight.get(worker)!.push(request);
      worker.postMessage(request);
    };
    const lintHere = (request: WorkerRequest) =>
      store(
        request.start,
        request.files.map((f) => lintFile(f, options)),
      );
    const guarded = (work: () => void) => {
      try {
        work();
        finishIfDone();
      } catch (error) {
        done = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    for (let t = 1; t < threads; t++) {
      const data: LintWorkerData = { cableLintWorker: true, options };
      const worker = new Worker(script, { workerData: data });
      inFlight.set(worker, []);
      worker.on('message', (reply: WorkerReply) => {
        const pending = inFlight.get(worker);
        if (!pending) return;
        pending.splice(
          pending.findIndex((r) => r.start === reply.start),
          1,
        );
        guarded(() => {
          store(reply.start, reply.outcomes);
          send(worker);
        });
      });
      // An uncaught error in a worker is followed by 'exit'; the listener keeps it from being rethrown here.
      worker.on('error', () => undefined);
      worker.on('exit', () => {
        const pending = inFlight.get(worker);
        if (!pending) return; // terminated by finishIfDone
        inFlight.delete(worker);
        guarded(() => pending.forEach(lintHere));
      });
      send(worker);
      send(worker);
    }
    // This thread's share: a chunk at a time, yielding in between so worker replies are taken
    // (and the progress bar redrawn) while it works.
    const work = () => {
      if (done) return;
      const request = nextChunk();
      if (!request) {
        if (stopped()) guarded(() => undefined);
        return;
      }
      guarded(() => lintHere(request));
      setImmediate(work);
    };
    setImmediate(work);
  });
}

/** Whether this thread is one that lintInWorkers started. */
export function isLintWorker(): boolean {
  return !isMainThread && Boolean((workerData as Partial<LintWorkerData> | null)?.cableLintWorker);
}

/** The body of a worker thread: lint each chunk it is sent and send the outcomes back. */
export function serveAsWorker(): void {
  const { options } = workerData as LintWorkerData;
  parentPort!.on('message', (request: WorkerRequest) => {
    const reply: WorkerReply = { start: request.start, outcomes: request.files.map((f) => lintFile(f, options)) };
    parentPort!.postMessage(reply);
  });
}
