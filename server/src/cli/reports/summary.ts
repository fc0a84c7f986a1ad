import type { FileResult } from '../lint';

/** Counts per rule, per classification, per station, per year (of the DTG) and per TAG, gathered file by file. */
export class RunSummary {
  readonly #rules = new Map<string, number>();
  readonly #classifications = new Map<string, number>();
  readonly #stations = new Map<string, number>();
  readonly #years = new Map<string, number>();
  readonly #tags = new Map<string, number>();
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
      count(this.#years, c.dtg && /^\d{4}-/.test(c.dtg) ? c.dtg.slice(0, 4) : '(unknown)');
      for (const tag of new Set(c.tags)) count(this.#tags, tag);
    }
  }

  /** The tables, most frequent first; years in calendar order. */
  #tables(): [title: string, key: string, rows: [string, number][]][] {
    const byCount = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return [
      ['diagnostics per rule', 'diagnosticsPerRule', byCount(this.#rules)],
      ['cables per classification', 'cablesPerClassification', byCount(this.#classifications)],
      ['cables per station', 'cablesPerStation', byCount(this.#stations)],
      ['cables per year', 'cablesPerYear', [...this.#years].sort((a, b) => a[0].localeCompare(b[0]))],
      ['cables per TAG', 'cablesPerTag', byCount(this.#tags)],
    ];
  }

  render(): string {
    return [
      `${this.#files} files, ${this.#cables} cables`,
      ...this.#tables().map(([title, , rows]) => [`${title}:`, ...rows.map(([k, v]) => `  ${String(v).padStart(6)}  ${k}`)].join('\n')),
    ].join('\n');
  }

  /** The same counts as one JSON object on one line, for --format json and jsonl. */
  renderJson(): string {
    const summary: Record<string, unknown> = { files: this.#files, cables: this.#cables };
    for (const [, key, rows] of this.#tables()) summary[key] = Object.fromEntries(rows);
    return JSON.stringify({ summary });
  }
}

/** `08STATE125608` → `STATE`. */
function stationOf(referenceId: string): string {
  let end = referenceId.length;
  while (end > 0 && referenceId.charCodeAt(end - 1) >= 48 && referenceId.charCodeAt(end - 1) <= 57) end--;
  return referenceId.slice(2, end);
}
