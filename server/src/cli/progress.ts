const PROGRESS_INTERVAL_MS = 100;

/** Where a progress bar may be drawn: the caller passes stderr only when it is a terminal. */
export interface Terminal {
  write(text: string): unknown;
  readonly columns?: number;
}

/**
 * One line on the terminal, redrawn in place with \r at most every PROGRESS_INTERVAL_MS and cut
 * to the terminal's width (a wrapped line could not be redrawn); `clear` erases it before anything
 * else is written to the terminal and at the end.
 */
export class ProgressBar {
  readonly #terminal: Terminal;
  readonly #files: number;
  readonly #bytes: number;
  readonly #threads: number;
  readonly #start = Date.now();
  #drawnAt = 0;
  #shown = false;

  constructor(terminal: Terminal, files: number, bytes: number, threads: number) {
    this.#terminal = terminal;
    this.#files = files;
    this.#bytes = bytes;
    this.#threads = threads;
  }

  update(files: number, bytes: number): void {
    const now = Date.now();
    // Throttled even after a clear, so a report streaming to the same terminal does not make the bar flicker.
    if (now - this.#drawnAt < PROGRESS_INTERVAL_MS && files < this.#files) return;
    this.#drawnAt = now;
    this.#shown = true;
    const width = Math.max(20, (this.#terminal.columns || 80) - 1);
    this.#terminal.write(
      `\r${progressLine(files, this.#files, bytes, this.#bytes, (now - this.#start) / 1000, this.#threads).slice(0, width)}\x1b[K`,
    );
  }

  clear(): void {
    if (!this.#shown) return;
    this.#terminal.write('\r\x1b[K');
    this.#shown = false;
  }
}

/** `[#####-------] 512/1420 files  6.1/17.0 MB  312 files/s  ETA 0:03  2 threads` */
export function progressLine(files: number, totalFiles: number, bytes: number, totalBytes: number, seconds: number, threads = 1): string {
  // Cables vary from 1 KB to megabytes, so the share of bytes predicts the time left better than the share of files.
  const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : totalFiles > 0 ? files / totalFiles : 1;
  const filled = Math.round(share * 12);
  const rate = seconds > 0 ? files / seconds : 0;
  const eta = share > 0 && seconds > 0 ? clock((seconds * (1 - share)) / share) : '--:--';
  return `[${'#'.repeat(filled)}${'-'.repeat(12 - filled)}] ${files}/${totalFiles} files  ${(bytes / 1e6).toFixed(1)}/${(totalBytes / 1e6).toFixed(1)} MB  ${rate.toFixed(0)} files/s  ETA ${eta}  ${threads} thread${threads === 1 ? '' : 's'}`;
}

/** `m:ss`, or `h:mm:ss` from an hour. */
function clock(seconds: number): string {
  const s = Math.round(seconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
