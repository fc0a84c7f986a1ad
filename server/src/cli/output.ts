import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 64 * 1024;

/**
 * Lines written to a file descriptor (stdout, or a file of --output) in blocks of 64 KB, with
 * writeSync, so a write error arrives where it happens rather than as an event after the run. A
 * reader that went away (`cable-lint … | head`: EPIPE) closes the output quietly; the run sees
 * `closed` and stops linting, since nobody reads what it would print.
 */
export class Output {
  readonly #fd: number;
  readonly #owned: boolean;
  readonly #lineByLine: boolean;
  #parts: string[] = [];
  #size = 0;
  #closed = false;
  /** A write error other than a closed pipe (a full disk…), for the caller to report. */
  error: string | undefined;

  private constructor(fd: number, owned: boolean, lineByLine: boolean) {
    this.#fd = fd;
    this.#owned = owned;
    this.#lineByLine = lineByLine;
  }

  /** On a terminal, line by line: a person reads it as it comes, between redraws of the progress bar. */
  static stdout(terminal = false): Output {
    return new Output(1, false, terminal);
  }

  /** Creates or truncates `file`. */
  static file(file: string): Output {
    return new Output(openSync(file, 'w'), true, false);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Writes `line` and a newline. */
  readonly line = (line: string): void => {
    if (this.#closed) return;
    this.#parts.push(line, '\n');
    this.#size += line.length + 1;
    if (this.#lineByLine || this.#size >= FLUSH_AT) this.flush();
  };

  flush(): void {
    if (this.#closed || this.#size === 0) return;
    const bytes = Buffer.from(this.#parts.join(''), 'utf8');
    this.#parts = [];
    this.#size = 0;
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(this.#fd, bytes, offset, bytes.length - offset);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          // A non-blocking pipe whose reader is slower than us: wait for room.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
          continue;
        }
        this.#closed = true;
        if (code !== 'EPIPE') this.error = (e as Error).message;
        return;
      }
    }
  }

  close(): void {
    this.flush();
    this.#closed = true;
    if (this.#owned) closeSync(this.#fd);
  }
}
