// The research formats of cable-lint (csv, jsonl, sqlite), the fields they carry, and how it
// behaves in pipes and scripts: standard input, a closed pipe, a file too large, the exit status.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { Database } from 'node-sqlite3-wasm';
import { main } from '../../server/src/cli/main';
import { corpusAvailable, CORPUS, ROOT } from '../util';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, input, maxBuffer: 1 << 30 });
const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', name);
const SAMPLE = path.join(ROOT, 'samples', 'sample.cable');
const noCorpus = corpusAvailable() ? false : 'no corpus at ../shared/corpus/real';
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'cable-exports-'));

interface Diagnostic {
  line: number;
  severity: string;
  code: string;
  message: string;
}
interface JsonCable {
  referenceId: string | null;
  classification: string | null;
  classificationAsWritten: string | null;
  caveats: string[];
  captions: string[];
  dtg: string | null;
  filingTime: string | null;
  precedence: string | null;
  from: string | null;
  originRi: string | null;
  addressees: { role: string; ri: string | null; name: string; precedence: string | null }[];
  executiveOrder: string | null;
  declassify: string | null;
  declassifyDate: string | null;
  classifiedBy: string | null;
  classificationReasons: string[];
  tags: string[];
  subject: string | null;
  references: string[];
  referenceEntries: { letter: string | null; text: string; kind: string; id: string | null }[];
  citedInBody: string[];
  section: { number: number; total: number } | null;
  partialExtract: boolean;
  paragraphCount: number;
  paragraphs: { number: string; marking: string | null; line: number; text?: string }[];
  range: { startLine: number; endLine: number };
  body?: string;
}
interface JsonFile {
  file: string;
  cables: JsonCable[];
  diagnostics: Diagnostic[];
}

/** The corpus through --format json, once for the tests that compare against it. */
let corpusJsonCache: JsonFile[] | undefined;
function corpusJson(): JsonFile[] {
  if (!corpusJsonCache) {
    const result = run(['--format', 'json', '--text', CORPUS]);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    corpusJsonCache = (JSON.parse(result.stdout) as { files: JsonFile[] }).files;
  }
  return corpusJsonCache;
}

/** The cable of `file` a diagnostic belongs to: the first whose lines hold its start. */
function cableOf(file: JsonFile, d: Diagnostic): JsonCable {
  return file.cables.find((c) => d.line >= c.range.startLine && d.line <= c.range.endLine) ?? file.cables[0];
}

/** The CSV columns the README documents, in order: the rows of the table under "CSV columns". */
function documentedColumns(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**CSV columns**'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('|')));
  return [...table.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
}

test('CSV read back with a real CSV parser equals the JSON fields, for every corpus file', { skip: noCorpus }, () => {
  const csv = run(['--format', 'csv', '--text', CORPUS]);
  assert.ok(csv.status === 0 || csv.status === 1, csv.stderr);
  assert.ok(csv.stdout.endsWith('\r\n'), 'RFC 4180 records end with CRLF');
  const rows = parseCsv<Record<string, string>>(csv.stdout, { columns: true, relax_quotes: false, relax_column_count: false });
  // The writer is the project's own (analysis/csv.ts, shared with the web export). It quotes every
  // field with a line break (a body's bare LF too, which a spreadsheet would otherwise take for a
  // new row); csv-stringify told to do the same writes the same bytes.
  const cells: string[][] = parseCsv(csv.stdout, { relax_quotes: false });
  assert.equal(
    stringifyCsv(cells, { record_delimiter: 'windows', quoted_match: /[\r\n]/ }),
    csv.stdout,
    'byte for byte what csv-stringify writes',
  );
  const header = csv.stdout.slice(0, csv.stdout.indexOf('\r\n')).split(',');
  assert.deepEqual(header, [...documentedColumns(), 'body'], 'the columns are the ones the README lists, and body with --text');

  const files = corpusJson();
  assert.equal(files.length, readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).length, 'every corpus file');
  const list = (values: readonly (string | null)[]) => values.map((v) => v ?? '').join('; ');
  const text = (v: string | number | null) => (v === null ? '' : String(v));
  const expected: Record<string, string>[] = [];
  for (const file of files) {
    for (const c of file.cables) {
      const own = file.diagnostics.filter((d) => cableOf(file, d) === c);
      const role = (r: string) => c.addressees.filter((a) => a.role === r);
      expected.push({
        file: file.file,
        start_line: text(c.range.startLine),
        end_line: text(c.range.endLine),
        reference_id: text(c.referenceId),
        classification: text(c.classification),
        classification_as_written: text(c.classificationAsWritten),
        caveats: list(c.caveats),
        captions: list(c.captions),
        dtg: text(c.dtg),
        filing_time: text(c.filingTime),
        precedence: text(c.precedence),
        origin: text(c.from),
        origin_ri: text(c.originRi),
        to: list(role('to').map((a) => a.name)),
        to_ri: list(role('to').map((a) => a.ri)),
        info: list(role('info').map((a) => a.name)),
        info_ri: list(role('info').map((a) => a.ri)),
        executive_order: text(c.executiveOrder),
        declassify: text(c.declassify),
        declassify_date: text(c.declassifyDate),
        classified_by: text(c.classifiedBy),
        classification_reasons: list(c.classificationReasons),
        tags: list(c.tags),
        subject: text(c.subject),
        references: list(c.referenceEntries.map((e) => e.text)),
        reference_ids: list(c.referenceEntries.map((e) => e.id)),
        cited_in_body: list(c.citedInBody),
        section: text(c.section?.number ?? null),
        sections: text(c.section?.total ?? null),
        partial_extract: String(c.partialExtract),
        paragraph_count: text(c.paragraphs.length),
        errors: text(own.filter((d) => d.severity === 'error').length),
        warnings: text(own.filter((d) => d.severity === 'warning').length),
        body: c.body ?? '',
      });
    }
  }
  assert.equal(rows.length, expected.length, 'one row per cable');
  for (let i = 0; i < rows.length; i++) assert.deepEqual(rows[i], expected[i], `row ${i + 1}: ${expected[i].file}`);
  // The corpus exercises the quoting: commas, quotes and line breaks inside fields.
  assert.ok(expected.some((r) => r.subject.includes(',')));
  assert.ok(expected.some((r) => r.body.includes('"')));
  assert.ok(expected.some((r) => r.body.includes('\n')));
});

test('the new fields are read from the cable: origin, addressees, filing time, captions, E.O., DECL, reasons, sections', () => {
  const result = run(['--format', 'jsonl', SAMPLE]);
  const cable = JSON.parse(result.stdout.trim()) as JsonCable & { file: string; diagnostics: Diagnostic[] };
  assert.equal(cable.file, SAMPLE);
  assert.equal(cable.from, 'SECSTATE WASHDC');
  assert.equal(cable.originRi, 'RUEHC');
  assert.deepEqual(cable.addressees[0], { role: 'to', ri: 'RUEHBW', name: 'AMEMBASSY BELGRADE', precedence: 'IMMEDIATE' });
  assert.deepEqual(
    cable.addressees.slice(1).map((a) => a.role),
    ['info', 'info'],
  );
  assert.equal(cable.dtg, '2008-11-26T20:51Z');
  const sample = readFileSync(SAMPLE, 'utf8');
  const filing = /#\d+(?:\/\d+)? (\d{3})(\d{2})(\d{2})/.exec(sample)!;
  assert.equal(cable.filingTime, `2008-11-26T${filing[2]}:${filing[3]}Z`, `day ${filing[1]} of 2008 is 26 November`);
  assert.equal(cable.classification, 'CONFIDENTIAL');
  assert.match(cable.classificationAsWritten!, /^C O N F I D E N T I A L SECTION 01 OF 02/);
  assert.deepEqual(cable.section, { number: 1, total: 2 });
  assert.deepEqual(cable.captions, ['SIPDIS']);
  assert.equal(cable.executiveOrder, '12958');
  assert.equal(cable.declassify, '11/26/2018');
  assert.equal(cable.declassifyDate, '2018-11-26');
  assert.deepEqual(cable.classificationReasons, ['1.4(b)', '1.4(d)']);
  assert.deepEqual(cable.referenceEntries[0], { letter: 'A', text: 'BELGRADE 1234', kind: 'cable', id: '08BELGRADE1234' });
  assert.equal(cable.partialExtract, false);
  assert.equal(cable.paragraphCount, cable.paragraphs.length);
  assert.equal(cable.body, undefined, 'the body only with --text');
  assert.equal(cable.diagnostics.length, 3);

  const json = JSON.parse(run(['--format', 'json', '--text', SAMPLE]).stdout) as { files: JsonFile[] };
  const withText = json.files[0].cables[0];
  assert.equal(withText.originRi, 'RUEHC', 'JSON carries the same fields');
  assert.ok(withText.body!.includes('DEMARCHE'));
  assert.ok(sample.includes(withText.body!), 'the body is the text as written');
  assert.ok(withText.paragraphs.every((p) => p.text && sample.includes(p.text) && p.text.startsWith(p.number)));
});

test('ids cited in the body and partial extracts, over the corpus', { skip: noCorpus }, () => {
  const cables = corpusJson().flatMap((f) => f.cables);
  const partial = readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('partial extract'))
    .map((l) => l.split('\t')[1]);
  assert.ok(partial.length > 0);
  for (const id of partial) {
    const cable = cables.find((c) => c.referenceId === id);
    if (cable) assert.equal(cable.partialExtract, true, id);
  }
  const citing = cables.filter((c) => c.citedInBody.length > 0);
  assert.ok(citing.length > 0);
  for (const c of citing) {
    for (const id of c.citedInBody) {
      assert.ok(c.body!.includes(id), `${c.referenceId} cites ${id} in its text`);
      assert.notEqual(id, c.referenceId);
    }
  }
});

test('--format jsonl: one JSON object per cable per line, the JSON format’s cable fields', { skip: noCorpus }, () => {
  const result = run(['--format', 'jsonl', CORPUS]);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  const lines = result.stdout.split('\n');
  assert.equal(lines.pop(), '', 'ends with a newline');
  const files = corpusJson();
  assert.equal(
    lines.length,
    files.reduce((n, f) => n + f.cables.length, 0),
    'line count = cable count',
  );
  const cables = files.flatMap((f) => f.cables.map((c) => ({ file: f.file, ...c })));
  for (let i = 0; i < lines.length; i += 97) {
    const line = JSON.parse(lines[i]) as Record<string, unknown>;
    const { body: _body, paragraphs, ...expected } = cables[i];
    assert.deepEqual(
      { ...line, diagnostics: undefined },
      { ...expected, paragraphs: paragraphs.map(({ text: _text, ...p }) => p), diagnostics: undefined },
    );
  }
});

test('--format sqlite: the database opens in the library; counts per year, a cited-by join, a full-text query', { skip: noCorpus }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'corpus.db');
  writeFileSync(db, 'an older file, replaced');
  const result = run(['--format', 'sqlite', '--output', db, CORPUS]);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  assert.equal(result.stdout, '', 'nothing on stdout');
  assert.deepEqual(readdirSync(dir), ['corpus.db'], 'no partial file left');
  const files = corpusJson();
  const cables = files.flatMap((f) => f.cables);
  const database = new Database(db, { readOnly: true });
  try {
    const count = (sql: string, values?: (string | number)[]) => Number(database.get(sql, values)!.n);
    assert.equal(count('SELECT count(*) AS n FROM cables'), cables.length);
    assert.equal(
      count('SELECT count(*) AS n FROM paragraphs'),
      cables.reduce((n, c) => n + c.paragraphs.length, 0),
    );
    assert.equal(
      count('SELECT count(*) AS n FROM addressees'),
      cables.reduce((n, c) => n + c.addressees.length, 0),
    );
    assert.equal(
      count('SELECT count(*) AS n FROM tags'),
      cables.reduce((n, c) => n + c.tags.length, 0),
    );
    assert.equal(
      count('SELECT count(*) AS n FROM diagnostics'),
      files.reduce((n, f) => n + f.diagnostics.length, 0),
    );

    // Cables per year (the README's first query) against the DTGs of the JSON.
    const perYear = new Map<number | null, number>();
    for (const c of cables) {
      const year = c.dtg && /^\d{4}-/.test(c.dtg) ? Number(c.dtg.slice(0, 4)) : null;
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    const rows = database.all('SELECT year, count(*) AS n FROM cables GROUP BY year ORDER BY year') as { year: number | null; n: number }[];
    assert.deepEqual(new Map(rows.map((r) => [r.year, r.n])), perYear);
    assert.ok(rows.length > 20, 'decades of cables');

    // Who cites a cable (the second query): the most cited id that is itself in the corpus.
    const citers = new Map<string, Set<string>>();
    for (const c of cables)
      for (const id of [...c.referenceEntries.map((e) => e.id), ...c.citedInBody])
        if (id && c.referenceId) citers.set(id, (citers.get(id) ?? new Set()).add(c.referenceId));
    const inCorpus = new Set(cables.map((c) => c.referenceId));
    const [cited, expected] = [...citers].filter(([id]) => inCorpus.has(id)).sort((a, b) => b[1].size - a[1].size)[0];
    assert.ok(expected.size >= 2, `${cited} is cited by several`);
    const citedBy = database.all(
      `SELECT DISTINCT citing.reference_id AS id FROM refs JOIN cables AS citing ON citing.id = refs.cable_id
       WHERE refs.cited_id = ? ORDER BY id`,
      [cited],
    ) as { id: string }[];
    assert.deepEqual(
      citedBy.map((r) => r.id),
      [...expected].sort(),
    );
    const joined = database.get(
      `SELECT cited.subject AS subject FROM refs JOIN cables AS cited ON cited.reference_id = refs.cited_id WHERE refs.cited_id = ? LIMIT 1`,
      [cited],
    ) as { subject: string | null };
    assert.equal(joined.subject, cables.find((c) => c.referenceId === cited)!.subject);

    // Full text (the third query) against a plain search of subjects and bodies.
    for (const word of ['ahmadinejad', 'demarche', 'hezbollah']) {
      const matching = cables.filter((c) => new RegExp(`\\b${word}\\b`, 'i').test(`${c.subject ?? ''}\n${c.body}`));
      assert.ok(matching.length > 0, word);
      const found = database.all(
        'SELECT cables.reference_id AS id, cables.file AS file, cables.start_line AS line FROM cables_fts JOIN cables ON cables.id = cables_fts.rowid WHERE cables_fts MATCH ? ORDER BY file, line',
        [word],
      ) as { id: string }[];
      assert.equal(found.length, matching.length, word);
    }
    const snippet = database.get(
      "SELECT snippet(cables_fts, 1, '[', ']', '…', 6) AS s FROM cables_fts WHERE cables_fts MATCH 'ahmadinejad' LIMIT 1",
    ) as { s: string };
    assert.match(snippet.s, /\[Ahmadinejad\]/i);
    const indexes = (database.all("SELECT name FROM sqlite_master WHERE type = 'index'") as { name: string }[]).map((r) => r.name);
    for (const name of ['cables_dtg', 'cables_origin', 'cables_classification']) assert.ok(indexes.includes(name), name);
  } finally {
    database.close();
  }
  assert.ok(statSync(db).size > 1e6);
});

test('--format sqlite needs --output; an unwritable target is an error, exit 2, no partial file', () => {
  const missing = run(['--format', 'sqlite', SAMPLE]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--output FILE/);
  const dir = tempDir();
  const bad = run(['--format', 'sqlite', '--output', path.join(dir, 'no', 'such', 'dir', 'x.db'), SAMPLE]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /cable-lint: .*x\.db/);
  assert.deepEqual(readdirSync(dir), []);
});

test('- reads standard input: the same report as the file, named <stdin>', () => {
  const text = readFileSync(SAMPLE);
  for (const format of ['json', 'csv', 'text']) {
    const fromFile = run(['--format', format, SAMPLE]);
    const fromStdin = run(['--format', format, '-'], text);
    assert.equal(fromStdin.status, fromFile.status);
    assert.equal(fromStdin.stdout, fromFile.stdout.split(SAMPLE).join('<stdin>'), format);
  }
  const twice = run(['-', '-'], text);
  assert.equal(twice.status, 2);
  const both = run(['--format', 'jsonl', fixture('old.cable'), '-', fixture('oneLine.cable')], text);
  assert.deepEqual(
    both.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { file: string }).file),
    [fixture('old.cable'), '<stdin>', fixture('oneLine.cable')],
  );
});

/** Runs cable-lint, reads its first chunk of stdout and closes the pipe; resolves with the exit status and stderr. */
function closeEarly(args: string[]): Promise<{ status: number | null; signal: string | null; stderr: string; got: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let got = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      got = d.length;
      child.stdout.destroy();
    });
    child.on('close', (status, signal) => resolve({ status, signal, stderr, got }));
  });
}

test('a closed pipe (cable-lint … | head) ends the run quietly with a documented exit status', { skip: noCorpus }, async () => {
  for (const args of [[CORPUS], ['--format', 'csv', CORPUS], ['--format', 'jsonl', '--jobs', '2', CORPUS, CORPUS]]) {
    const result = await closeEarly(args);
    assert.ok(result.got > 0, 'it printed something first');
    assert.equal(result.signal, null);
    assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
    assert.doesNotMatch(result.stderr, /EPIPE|Error|\n\s+at /, args.join(' '));
  }
});

test('a file too large gets a message with its size and the limit; the run goes on; exit 2', () => {
  const dir = tempDir();
  const big = path.join(dir, 'big.cable');
  writeFileSync(big, `UNCLAS STATE 000001\n\n1. (U) ${'X'.repeat(30_000)}\n`);
  const result = run(['--format', 'jsonl', '--max-file-size', '0.02', fixture('old.cable'), big, SAMPLE]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /big\.cable: file too large \(0\.03 MB; at most 0\.02 MB per file\)/);
  assert.deepEqual(
    result.stdout
      .trim()
      .split('\n')
      .map((l) => path.basename((JSON.parse(l) as { file: string }).file)),
    ['old.cable', 'sample.cable'],
  );
  const piped = run(['--max-file-size', '0.02', '-'], readFileSync(big));
  assert.equal(piped.status, 2);
  assert.match(piped.stderr, /<stdin>: file too large \(0\.03 MB; at most 0\.02 MB per file\)/);
  assert.equal(run(['--max-file-size', '0', SAMPLE]).status, 2, 'a limit above zero');
  assert.equal(run(['--max-file-size', '600', SAMPLE]).status, 1, 'more than the engine holds is lowered to its limit');
  assert.match(run(['--help']).stdout, /--max-file-size MB {3}refuse larger files with a message \(default and most: 536 MB/);
});

test('--fail-on decides the exit status; --min-severity what is reported', () => {
  // The sample has three errors; multiLine.cable a hint and an information, made a warning here.
  assert.equal(run([SAMPLE]).status, 1);
  assert.equal(run(['--fail-on', 'never', SAMPLE]).status, 0);
  assert.equal(run(['--fail-on', 'warning', SAMPLE]).status, 1);
  const warning = ['--rules', '{"cable/ref-unused":"warning"}', fixture('multiLine.cable')];
  assert.equal(run(warning).status, 0, 'a warning does not fail by default');
  assert.equal(run(['--fail-on', 'warning', ...warning]).status, 1);
  assert.equal(run(['--fail-on', 'error', ...warning]).status, 0);
  assert.equal(run(['--fail-on', 'information', fixture('multiLine.cable')]).status, 1);
  assert.equal(run(['--fail-on', 'hint', fixture('old.cable')]).status, 1);
  assert.equal(run(['--fail-on', 'never', '--format', 'json', path.join(tempDir(), 'missing.cable')]).status, 2, 'unreadable is still 2');
  assert.equal(run(['--fail-on', 'often', SAMPLE]).status, 2);

  const all = run(['--format', 'jsonl', ...warning]);
  assert.deepEqual(
    (JSON.parse(all.stdout) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => d.severity),
    ['warning', 'information'],
  );
  const some = run(['--format', 'jsonl', '--min-severity', 'warning', ...warning]);
  assert.deepEqual(
    (JSON.parse(some.stdout) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => d.severity),
    ['warning'],
  );
  const hidden = run(['--min-severity', 'error', '--fail-on', 'warning', ...warning]);
  assert.equal(hidden.status, 1, 'the exit status counts diagnostics that --min-severity leaves out');
  assert.doesNotMatch(hidden.stdout, /warning|information/);
  assert.equal(run(['--min-severity', 'loud', SAMPLE]).status, 2);
});

test('the summary: in the same stream for every format, --summary-only, --summary-file; per year and per TAG', () => {
  const files = [SAMPLE, fixture('multiLine.cable'), fixture('oneLine.cable')];
  const cables = (JSON.parse(run(['--format', 'json', ...files]).stdout) as { files: JsonFile[] }).files.flatMap((f) => f.cables);
  const years = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const c of cables) {
    years.set(c.dtg!.slice(0, 4), (years.get(c.dtg!.slice(0, 4)) ?? 0) + 1);
    for (const t of c.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
  }
  assert.ok(years.size > 1 && tags.size > 3);
  for (const format of ['text', 'csv', 'sarif']) {
    const result = run(['--format', format, '--summary', ...files]);
    assert.match(result.stderr, /^3 files, 3 cables$/m, format);
    const table = (title: string) => {
      const lines = result.stderr
        .slice(result.stderr.indexOf(`${title}:\n`))
        .split('\n')
        .slice(1);
      const rows = lines.slice(
        0,
        lines.findIndex((l) => !l.startsWith('  ')),
      );
      return new Map(rows.map((l) => [l.trim().split(/\s+/)[1], Number(l.trim().split(/\s+/)[0])]));
    };
    assert.deepEqual(table('cables per year'), years, format);
    assert.deepEqual(table('cables per TAG'), tags, format);
    assert.doesNotMatch(result.stdout, /cables per year/);
  }
  for (const format of ['json', 'jsonl']) {
    const result = run(['--format', format, '--summary', ...files]);
    const summary = (JSON.parse(result.stderr) as { summary: Record<string, unknown> }).summary;
    assert.equal(summary.cables, 3);
    assert.deepEqual(summary.cablesPerYear, Object.fromEntries(years));
    assert.deepEqual(new Map(Object.entries(summary.cablesPerTag as object)), tags);
  }
  const only = run(['--summary-only', ...files]);
  assert.equal(only.status, 1, 'the exit status as usual');
  assert.match(only.stdout, /^3 files, 3 cables\n/);
  assert.doesNotMatch(only.stdout, /sample\.cable/);
  const onlyJson = run(['--summary-only', '--format', 'json', ...files]);
  assert.equal((JSON.parse(onlyJson.stdout) as { summary: { files: number } }).summary.files, 3);
  const summaryFile = path.join(tempDir(), 'summary.txt');
  const toFile = run(['--format', 'csv', '--summary-file', summaryFile, ...files]);
  assert.equal(toFile.stderr, '');
  assert.match(readFileSync(summaryFile, 'utf8'), /^3 files, 3 cables\n[\s\S]*cables per TAG:/);
  assert.equal(parseCsv(toFile.stdout, { columns: true }).length, 3, 'the report alone on stdout');
});

test('--output writes the report to a file', () => {
  const out = path.join(tempDir(), 'report.csv');
  const result = run(['--format', 'csv', '--output', out, SAMPLE]);
  assert.equal(result.status, 1);
  assert.equal(result.stdout, '');
  assert.ok(existsSync(out));
  assert.equal(readFileSync(out, 'utf8'), run(['--format', 'csv', SAMPLE]).stdout);
});

test('the filing time takes its year from the DTG, across the year boundary', () => {
  const sample = readFileSync(SAMPLE, 'utf8');
  assert.ok(sample.includes(' 3312058 ') && sample.includes('262051Z NOV 08'));
  const newYear = sample.replace(' 3312058 ', ' 0010010 ').replace('262051Z NOV 08', '312351Z DEC 08');
  const cable = JSON.parse(run(['--format', 'jsonl', '-'], newYear).stdout) as JsonCable;
  assert.equal(cable.dtg, '2008-12-31T23:51Z');
  assert.equal(cable.filingTime, '2009-01-01T00:10Z');
  const impossible = JSON.parse(run(['--format', 'jsonl', '-'], sample.replace(' 3312058 ', ' 3992058 ')).stdout) as JsonCable;
  assert.equal(impossible.filingTime, null, 'day 399 is no day');
});

test('once the output is closed, the run takes no more files and writes nothing more', { skip: noCorpus }, async () => {
  for (const jobs of ['1', '2']) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      ['--format', 'jsonl', '--jobs', jobs, '--summary', CORPUS],
      (s) => out.push(s),
      (s) => err.push(s),
      { closed: () => out.length >= 3 },
    );
    assert.equal(out.length, 3, `--jobs ${jobs}`);
    assert.ok(code === 0 || code === 1);
    assert.deepEqual(err, [], 'no summary of a run cut short, no message');
  }
});
