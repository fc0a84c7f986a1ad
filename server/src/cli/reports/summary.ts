import type { FileResult } from '../lint';

/** Counts per rule, per classification and per station, gathered file by file. */
export class RunSummary {
  readonly #rules = new Map<string, number>();
  readonly #classifications = new Map<string, number>();
  readonly #stations = new Map<string, number>();
  #files = 0;
  #cables = 0;

  add(r: FileResult): void {
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    this.#files++;
    for (const d of r.diagnostics) count(this.#rules, `${d.severity} ${d.code}`);
    for (const c of r.cables) {
      this.#cables++;
      count(this.#classifications, c.classification ?? '(none)');
      count(this.#stations, c.referenceId ? stationOf(c.referenceId) : '(unknown)');
    }
  }

  render(): string {
    const table = (title: string, map: Map<string, number>) =>
      [
        `${title}:`,
        ...[...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `  ${String(v).padStart(6)}  ${k}`),
      ].join('\n');
    return [
      `${this.#files} files, ${this.#cables} cables`,
      table('diagnostics per rule', this.#rules),
      table('cables per classification', this.#classifications),
      table('cables per station', this.#stations),
    ].join('\n');
  }
}

/** `08STATE125608` → `STATE`. */
function stationOf(referenceId: string): string {
  let end = referenceId.length;
  while (end > 0 && referenceId.charCodeAt(end - 1) >= 48 && referenceId.charCodeAt(end - 1) <= 57) end--;
  return referenceId.slice(2, end);
}
