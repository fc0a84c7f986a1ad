// The Cables view's requests over stdio (cable/cableGroups, cable/cables, cable/exportCables), on a
// temporary workspace of genuine .txt cables with detection on: every answer is compared with a
// plain scan of the parsed files' metadata, made here from the parse model (not the index entry).
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { pathToFileURL } from 'node:url';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { parse } from '../../server/src/cable/parse';
import type { Cable } from '../../server/src/cable/model';
import { cableRecord } from '../../server/src/cli/records';
import { CSV_COLUMNS } from '../../server/src/cli/reports/csv';
import type {
  CableChartParams,
  CableChartResult,
  CableGroupsParams,
  CableGroupsResult,
  CablesParams,
  CablesResult,
  ExportCablesParams,
  ExportCablesResult,
  IndexStatusParams,
} from '../../server/src/protocol/cable';
import { SNIFF_BYTES, textLooksLikeCable } from '../../server/src/protocol/detect';
import { CORPUS, corpusAvailable } from '../util';
import { StdioClient } from './client';

const skip = !corpusAvailable() && 'needs ../shared/corpus';

interface Scanned {
  readonly file: string;
  readonly cable: Cable;
  readonly parsed: ReturnType<typeof parse>;
}

/** Every third corpus file, and the Madrid ones (their REFs cite each other). */
function chosenFiles(): string[] {
  const all = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return all.filter((f, i) => i % 3 === 0 || f.includes('MADRID'));
}

const year = (c: Cable) => (c.dtg?.token.value.valid ? String(c.dtg.token.value.year) : '');
// The index keeps TAGS joined by spaces: a TAG written with spaces (`USEU BRUSSELS`) counts as its words.
const tagsOf = (c: Cable) =>
  (c.tags?.tags ?? []).flatMap((t) =>
    t.text
      .toUpperCase()
      .split(/[\s,;]+/)
      .filter(Boolean),
  );
const originOf = (c: Cable) => (c.header?.from?.address?.text ?? c.classificationLine?.station?.text ?? '').toUpperCase();

describe('Cables view requests over stdio', { skip }, () => {
  let root: string;
  let storage: string;
  let client: StdioClient;
  let scanned: Scanned[];

  const groups = (params: CableGroupsParams) => client.request<CableGroupsResult>('cable/cableGroups', params);
  const cables = (params: CablesParams) => client.request<CablesResult>('cable/cables', params);
  const chart = (params: CableChartParams) => client.request<CableChartResult>('cable/cableChart', params);
  const exported = (params: ExportCablesParams) => client.request<ExportCablesResult>('cable/exportCables', params);

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cable-view-'));
    storage = mkdtempSync(path.join(os.tmpdir(), 'cable-view-storage-'));
    scanned = [];
    const names = chosenFiles();
    for (const name of names) {
      copyFileSync(path.join(CORPUS, name), path.join(root, name));
      const text = readFileSync(path.join(root, name), 'utf8');
      // With detection on, a .txt file is a cable when its start looks like one (the sniff the index uses).
      if (!textLooksLikeCable(text.slice(0, SNIFF_BYTES))) continue;
      const parsed = parse(text);
      for (const cable of parsed.cables) scanned.push({ file: path.join(root, name), cable, parsed });
    }
    client = new StdioClient(['--stdio'], [], { ...process.env, CABLE_INDEX_WORKERS: '1' });
    client.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => ({ detectPlainText: true })),
    );
    await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      initializationOptions: { storageFolder: storage },
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'cables' }],
    });
    await client.connection.sendNotification('initialized', {});
    const files = new Set(scanned.map((s) => s.file)).size;
    const start = Date.now();
    for (;;) {
      const last = client.notifications.filter((n) => n.method === 'cable/indexStatus').at(-1)?.params as IndexStatusParams | undefined;
      if (last && !last.indexing && last.done === names.length) {
        assert.equal(last.files, files);
        break;
      }
      if (Date.now() - start > 60_000) throw new Error(`index not ready: ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  after(async () => {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  test('cables per year (and per month of a year) equal a plain scan', async () => {
    const result = await groups({ groupBy: 'month' });
    assert.equal(result.total, scanned.length);
    assert.equal(result.indexed, scanned.length);
    const expected = new Map<string, number>();
    for (const s of scanned) expected.set(year(s.cable), (expected.get(year(s.cable)) ?? 0) + 1);
    assert.deepEqual(new Map(result.groups.map((g) => [g.key, g.count])), expected);
    assert.ok(result.groups.length > 5, 'several years');
    assert.deepEqual(
      result.groups.map((g) => g.key).filter(Boolean),
      [...expected.keys()].filter(Boolean).sort(),
      'chronological, undated last',
    );
    assert.ok(result.groups.every((g) => g.hasGroups === (g.key !== '')));
    const busiest = result.groups.filter((g) => g.key !== '').reduce((a, b) => (b.count > a.count ? b : a));
    const months = await groups({ groupBy: 'month', parent: busiest.key });
    assert.equal(
      months.groups.reduce((n, g) => n + g.count, 0),
      busiest.count,
    );
    const month = months.groups[0];
    const inMonth = scanned.filter((s) => {
      const v = s.cable.dtg?.token.value;
      return v?.valid && `${v.year}-${String(v.month).padStart(2, '0')}` === month.key;
    });
    assert.equal(month.count, inMonth.length);
    const page = await cables({ groupBy: 'month', group: month.key, limit: 5000 });
    assert.equal(page.total, inMonth.length);
    const dates = page.items.map((i) => i.date!);
    assert.deepEqual(dates, [...dates].sort(), 'in date order');
  });

  test('tag:PREL from:MADRID and other filters equal a plain scan', async () => {
    const cases: [string, (s: Scanned) => boolean][] = [
      ['tag:PREL from:MADRID', (s) => tagsOf(s.cable).includes('PREL') && originOf(s.cable).includes('MADRID')],
      ['class:secret', (s) => s.cable.classification.label?.split('//')[0] === 'SECRET'],
      ['caveat:noforn', (s) => s.cable.classification.caveats.includes('NOFORN')],
      [
        'date:2006-01..2006-06',
        (s) => {
          const v = s.cable.dtg?.token.value;
          return !!v?.valid && v.year === 2006 && v.month <= 6;
        },
      ],
      // Bare words: in the subject, the id, the origin or the TAGS (a rare word goes through the index's flat text, a common one does not).
      ...['ELECTION', 'MADRID', 'PREL', '"HUMAN RIGHTS"'].map((query): [string, (s: Scanned) => boolean] => [
        query,
        (s) => {
          const word = query.replace(/"/g, '');
          return (
            (s.cable.subject?.text.toUpperCase().includes(word) ?? false) ||
            (s.cable.referenceId ?? '').includes(word) ||
            originOf(s.cable).includes(word) ||
            tagsOf(s.cable).includes(word)
          );
        },
      ]),
      [
        'to:SECSTATE',
        (s) => (s.cable.header?.addressees ?? []).some((a) => a.role === 'to' && a.address.text.toUpperCase().includes('SECSTATE')),
      ],
    ];
    for (const [query, expected] of cases) {
      const result = await cables({ query, limit: 5000 });
      assert.equal(result.error, undefined, query);
      const want = scanned
        .filter(expected)
        .map((s) => s.cable.referenceId ?? '')
        .sort();
      assert.ok(want.length > 0, `${query} selects something`);
      assert.deepEqual(result.items.map((i) => i.id ?? '').sort(), want, query);
      assert.equal(result.total, want.length, query);
      const counted = await groups({ groupBy: 'classification', query });
      assert.equal(counted.total, want.length, query);
      assert.equal(
        counted.groups.reduce((n, g) => n + g.count, 0),
        want.length,
      );
    }
    const byTag = await groups({ groupBy: 'tag', query: 'from:MADRID' });
    const prel = byTag.groups.find((g) => g.key === 'PREL');
    assert.equal(prel?.count, (await cables({ query: 'tag:PREL from:MADRID' })).total);
  });

  test('the chart: cables per month by classification, and the busiest origins and TAGS, equal a plain scan', async () => {
    const query = 'class:secret,confidential';
    const result = await chart({ query, top: 5 });
    const want = scanned.filter((s) => ['SECRET', 'CONFIDENTIAL'].includes(s.cable.classification.label?.split('//')[0] ?? ''));
    assert.equal(result.total, want.length);
    const expected = new Map<string, number>();
    let undated = 0;
    for (const s of want) {
      const v = s.cable.dtg?.token.value;
      if (!v?.valid) {
        undated++;
        continue;
      }
      const key = `${v.year}-${String(v.month).padStart(2, '0')} ${s.cable.classification.label}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    assert.equal(result.undated, undated);
    const drawn = new Map<string, number>();
    for (const m of result.months) for (const [label, n] of Object.entries(m.counts)) drawn.set(`${m.key} ${label}`, n);
    assert.deepEqual(drawn, expected);
    const keys = result.months.map((m) => m.key);
    assert.deepEqual(keys, [...keys].sort(), 'months in order');
    assert.ok(keys.length > drawn.size / 4, 'empty months kept on the axis');
    assert.ok(result.classifications.every((c) => /^(SECRET|CONFIDENTIAL)/.test(c)));
    const tagCounts = new Map<string, number>();
    for (const s of want) for (const t of new Set(tagsOf(s.cable))) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
    assert.equal(result.tags.length, 5);
    for (const t of result.tags) assert.equal(t.count, tagCounts.get(t.key), t.key);
    assert.equal(result.tags[0].count, Math.max(...tagCounts.values()));
    assert.match((await chart({ query: 'class:' })).error?.message ?? '', /needs a value/);
  });

  test('a bad query answers with its message, never an empty success', async () => {
    const result = await groups({ groupBy: 'month', query: 'tag:PREL frm:MADRID' });
    assert.equal(result.groups.length, 0);
    assert.match(result.error?.message ?? '', /Unknown operator "frm:"/);
    const list = await cables({ query: 'date:2006-13' });
    assert.match(list.error?.message ?? '', /Bad date/);
  });

  test('a cable at a place (to reveal it), with its range in a file', async () => {
    const s = scanned.find((x) => x.cable.referenceId === '07MADRID173')!;
    const line = s.cable.range.start.line + 3;
    const result = await cables({ at: { uri: pathToFileURL(s.file).href, line } });
    assert.equal(result.items.length, 1);
    assert.equal(result.items[0].id, '07MADRID173');
    assert.deepEqual(result.items[0].range, s.cable.range);
  });

  test('export: the CSV columns of cable-lint the index holds, with the same values; JSON Lines alike', async () => {
    const query = 'from:MADRID';
    const csv = await exported({ query, format: 'csv' });
    const lintNames = CSV_COLUMNS.map(([name]) => name);
    assert.deepEqual(
      csv.columns,
      lintNames.filter((n) => csv.columns.includes(n)),
      'a subset of cable-lint columns, in their order',
    );
    const jsonl = await exported({ query, format: 'jsonl' });
    const rows = jsonl.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const want = scanned.filter((s) => originOf(s.cable).includes('MADRID'));
    assert.equal(rows.length, want.length);
    assert.equal(csv.count, want.length);
    assert.equal(csv.text.split('\r\n').filter(Boolean).length >= want.length + 1, true);
    for (const s of want) {
      const record = cableRecord(s.parsed, s.cable, { text: false });
      const row = rows.find((r) => r.file === s.file && r.start_line === record.range.startLine)!;
      assert.ok(row, s.file);
      for (const [name, value] of CSV_COLUMNS) {
        if (!(name in row)) continue;
        let lint = value(s.file, record, []);
        // The one documented difference: without an FM line, the view's origin is the classification line's station.
        if (name === 'origin' && lint === null) lint = s.cable.classificationLine?.station?.text ?? null;
        assert.deepEqual(row[name], lint === '' && row[name] === null ? null : lint, `${name} of ${s.file}`);
      }
    }
    assert.ok(csv.text.startsWith(`${csv.columns.join(',')}\r\n`));
    // The same bytes as the CSV library cable-lint writes with (the server's own writer runs in a browser too).
    const expected = stringify([csv.columns, ...rows.map((r) => csv.columns.map((c) => (r[c] === null ? '' : r[c])))], {
      record_delimiter: 'windows',
      cast: { boolean: String },
    });
    assert.equal(csv.text, expected);
    assert.ok(
      rows.some((r) => typeof r.subject === 'string' && /[",]/.test(r.subject)),
      'some subject needs quoting',
    );
  });
});
