import { URI } from 'vscode-uri';
import type {
  CableGroup,
  CableGroupBy,
  CableGroupsParams,
  CableGroupsResult,
  CableChartParams,
  CableChartResult,
  CableItem,
  CablesParams,
  CablesResult,
  ExportCablesParams,
  ExportCablesResult,
} from '../protocol/cable';
import { csvField } from '../analysis/csv';
import { entryRange, entrySelectionRange, isoDate } from './entry';
import type { BrowsedEntry, WorkspaceIndex } from './index';
import { matcher, parseQuery, type QueryContext, type QueryError } from './query';
import { normalizeUri } from './scan';

/**
 * The Cables view's requests over the workspace index: the selection a query makes (cached until
 * the index or the query changes), its groups with counts, a page of its cables, and an export.
 */
export class CableBrowser {
  #cached: { generation: number; query: string; selection: readonly BrowsedEntry[] } | undefined;

  constructor(private readonly index: WorkspaceIndex) {}

  /** What a query's matcher asks: the index's lookups, and the entries that may hold a word. */
  readonly #context: QueryContext = {
    resolve: (c) => this.index.queryContext.resolve(c),
    entriesWithId: (id) => this.index.queryContext.entriesWithId(id),
    holding: (word) => this.index.holding(word),
  };

  /** The entries that match, in date order, or what is wrong with the query. */
  selection(query: string | undefined): { entries: readonly BrowsedEntry[]; error?: QueryError } {
    const text = (query ?? '').trim();
    const generation = this.index.generation;
    const cached = this.#cached;
    if (cached && cached.generation === generation && cached.query === text) return { entries: cached.selection };
    const parsed = parseQuery(text);
    if (!parsed.ok) return { entries: [], error: parsed.error };
    const all = this.index.entriesByDate();
    const empty = parsed.query.terms.length === 0 && parsed.query.words.length === 0;
    const selection = empty ? all : all.filter(matcher(parsed.query, this.#context));
    this.#cached = { generation, query: text, selection };
    return { entries: selection };
  }

  groups(params: CableGroupsParams): CableGroupsResult {
    const { entries, error } = this.selection(params.query);
    const indexed = this.index.counts.cables;
    if (error) return { groups: [], total: 0, indexed, error };
    const counts = new Map<string, number>();
    const inParent = params.groupBy === 'month' && params.parent !== undefined ? params.parent : undefined;
    const month = inParent !== undefined;
    const lines = new Map<string, number>();
    for (const e of entries) {
      if (month && yearOf(e) !== inParent) continue;
      if (params.groupBy === 'tag') {
        // Counted by TAGS line (the index keeps one copy of each), then spread over its TAGS below.
        const line = e.tags ?? '';
        lines.set(line, (lines.get(line) ?? 0) + 1);
      } else {
        const key = keyOf(e, params.groupBy, month);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    for (const [line, n] of lines) {
      const tags = tagsOfLine(line);
      for (const key of tags.length === 0 ? [''] : tags) counts.set(key, (counts.get(key) ?? 0) + n);
    }
    const hasGroups = params.groupBy === 'month' && inParent === undefined;
    const groups: CableGroup[] = [...counts].map(([key, count]) => ({ key, count, hasGroups: hasGroups && key !== '' }));
    groups.sort(params.groupBy === 'month' ? byKeyEmptyLast : byCount);
    return { groups, total: entries.length, indexed };
  }

  cables(params: CablesParams): CablesResult {
    const { entries, error } = this.selection(params.query);
    if (error) return { items: [], total: 0, error };
    const chosen = this.#narrowed(entries, params);
    const offset = Math.max(0, Math.floor(params.offset ?? 0));
    const limit = Math.min(Math.max(0, Math.floor(params.limit ?? 500)), 5000);
    return { items: chosen.slice(offset, offset + limit).map(itemOf), total: chosen.length };
  }

  chart(params: CableChartParams): CableChartResult {
    const { entries, error } = this.selection(params.query);
    const empty = { months: [], classifications: [], origins: [], tags: [], total: 0, undated: 0 };
    if (error) return { ...empty, error };
    const top = Math.min(Math.max(1, Math.floor(params.top ?? 10)), 100);
    const months = new Map<string, Record<string, number>>();
    const levels = new Map<string, number>();
    const origins = new Map<string, number>();
    const tags = new Map<string, number>();
    let undated = 0;
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    for (const e of entries) {
      const level = e.classification ?? '';
      bump(levels, level);
      bump(origins, e.origin ?? '');
      for (const tag of tagsOf(e)) bump(tags, tag);
      if (e.dtgMinutes === undefined) {
        undated++;
        continue;
      }
      const key = monthOf(e.dtgMinutes);
      const counts = months.get(key) ?? {};
      counts[level] = (counts[level] ?? 0) + 1;
      months.set(key, counts);
    }
    const keys = [...months.keys()].sort();
    const filled: { key: string; counts: Record<string, number> }[] = [];
    // Every month between the first and the last, so the axis keeps time's spacing.
    if (keys.length > 0) {
      let [year, month] = keys[0].split('-').map(Number);
      const last = keys[keys.length - 1];
      for (;;) {
        const key = `${year}-${String(month).padStart(2, '0')}`;
        filled.push({ key, counts: months.get(key) ?? {} });
        if (key >= last) break;
        month = month === 12 ? 1 : month + 1;
        if (month === 1) year++;
      }
    }
    const ranked = (map: Map<string, number>) =>
      [...map]
        .filter(([key]) => key !== '')
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, top)
        .map(([key, count]) => ({ key, count }));
    return {
      months: filled,
      classifications: [...levels].sort((a, b) => b[1] - a[1]).map(([key]) => key),
      origins: ranked(origins),
      tags: ranked(tags),
      total: entries.length,
      undated,
    };
  }

  export(params: ExportCablesParams): ExportCablesResult {
    const { entries, error } = this.selection(params.query);
    const columns = EXPORT_COLUMNS.map(([name]) => name);
    if (error) return { text: '', count: 0, columns, error };
    const chosen = this.#narrowed(entries, params);
    const rows = chosen.map((e) => EXPORT_COLUMNS.map(([, value]) => value(e)));
    const text =
      params.format === 'jsonl'
        ? rows.map((cells) => `${JSON.stringify(Object.fromEntries(cells.map((cell, k) => [columns[k], cell])))}\n`).join('')
        : [columns, ...rows].map((cells) => `${cells.map(csvField).join(',')}\r\n`).join('');
    return { text, count: chosen.length, columns };
  }

  #narrowed(entries: readonly BrowsedEntry[], params: CablesParams): readonly BrowsedEntry[] {
    let chosen = entries;
    if (params.at) {
      const uri = normalizeUri(params.at.uri);
      const line = params.at.line;
      chosen = chosen.filter((e) => e.file.uri === uri && e.startLine <= line && line <= e.endLine);
    }
    if (params.groupBy && params.group !== undefined) {
      const { groupBy, group } = params;
      const month = groupBy === 'month' && group.length > 4;
      chosen = chosen.filter((e) => keysOf(e, groupBy, month).includes(group));
    }
    return chosen;
  }
}

/**
 * `2006-01` for a DTG. The selection is in date order, so the month of the last call is nearly
 * always the answer: one comparison, where a Date a cable cost 100 ms over 250,000.
 */
let lastMonth = { start: 0, end: 0, key: '' };

function monthOf(minutes: number): string {
  if (minutes >= lastMonth.start && minutes < lastMonth.end) return lastMonth.key;
  const date = new Date(minutes * 60_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  lastMonth = { start: Date.UTC(year, month, 1) / 60_000, end: Date.UTC(year, month + 1, 1) / 60_000, key: date.toISOString().slice(0, 7) };
  return lastMonth.key;
}

function yearOf(e: BrowsedEntry): string {
  return e.dtgMinutes === undefined ? '' : monthOf(e.dtgMinutes).slice(0, 4);
}

/** The group of an entry, for the groupings that give it one. */
function keyOf(e: BrowsedEntry, groupBy: Exclude<CableGroupBy, 'tag'>, month: boolean): string {
  switch (groupBy) {
    case 'month':
      return e.dtgMinutes === undefined ? '' : month ? monthOf(e.dtgMinutes) : yearOf(e);
    case 'origin':
      return e.origin ?? '';
    case 'classification':
      return e.classification ?? '';
  }
}

/** The groups an entry falls in: one, but one per TAG. */
function keysOf(e: BrowsedEntry, groupBy: CableGroupBy, month: boolean): readonly string[] {
  switch (groupBy) {
    case 'month':
      return [e.dtgMinutes === undefined ? '' : month ? monthOf(e.dtgMinutes) : yearOf(e)];
    case 'origin':
      return [e.origin ?? ''];
    case 'classification':
      return [e.classification ?? ''];
    case 'tag': {
      const tags = tagsOf(e);
      return tags.length === 0 ? [''] : tags;
    }
  }
}

const tagLists = new Map<string, string[]>();

/** The TAGS of an entry as words, once each; remembered per TAGS line (the index keeps one copy of each). */
function tagsOf(e: BrowsedEntry): readonly string[] {
  return e.tags ? tagsOfLine(e.tags) : [];
}

function tagsOfLine(line: string): readonly string[] {
  let tags = tagLists.get(line);
  if (tags === undefined) {
    tags = [
      ...new Set(
        line
          .toUpperCase()
          .split(/[\s,;]+/)
          .filter(Boolean),
      ),
    ];
    tagLists.set(line, tags);
  }
  return tags;
}

function byKeyEmptyLast(a: CableGroup, b: CableGroup): number {
  if ((a.key === '') !== (b.key === '')) return a.key === '' ? 1 : -1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function byCount(a: CableGroup, b: CableGroup): number {
  return b.count - a.count || byKeyEmptyLast(a, b);
}

function itemOf(e: BrowsedEntry): CableItem {
  return {
    uri: e.file.uri,
    range: entryRange(e),
    selectionRange: entrySelectionRange(e),
    id: e.id,
    name: e.name,
    date: isoDate(e.dtgMinutes),
    subject: e.subject,
    classification: e.classification,
    origin: e.origin,
    tags: e.tags,
  };
}

const LIST = '; ';
type Cell = string | number | boolean | null;

/**
 * The columns of `cable-lint --format csv` (cli/reports/csv.ts) that the index holds, by the same
 * names, in the same order, with the same values (test/lsp/cables.test.ts compares them): the
 * index keeps no precedence, EO, declassification or paragraph counts, so those are left out, and so are
 * the caveats as written (the label says `FOR OFFICIAL USE ONLY` where a cable wrote `SENSITIVE`). One
 * difference: a cable without an FM line has the classification line's station as its `origin`
 * (cable-lint leaves the cell empty).
 */
export const EXPORT_COLUMNS: readonly (readonly [name: string, value: (e: BrowsedEntry) => Cell])[] = [
  ['file', (e) => fileOf(e.file.uri)],
  ['start_line', (e) => e.startLine + 1],
  ['end_line', (e) => e.endLine + 1],
  ['reference_id', (e) => e.id ?? null],
  ['classification', (e) => e.classification ?? null],
  ['dtg', (e) => isoDate(e.dtgMinutes) ?? null],
  ['origin', (e) => e.origin ?? null],
  ['origin_ri', (e) => e.routingIndicator ?? null],
  ['to', (e) => e.to ?? ''],
  ['tags', (e) => (e.tags ?? '').split(' ').filter(Boolean).join(LIST)],
  ['subject', (e) => e.subject ?? null],
  ['cited_in_body', (e) => [...new Set(e.cites.map((c) => c.id))].join(LIST)],
  ['partial_extract', (e) => e.partial],
];

/** A path for a file on disk (as cable-lint names files), the URI otherwise (the web). */
function fileOf(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}
