import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { corpusAvailable, CORPUS, ROOT } from '../util';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', name);

test('--format json prints one document with metadata and diagnostics per file', () => {
  const result = run('--format', 'json', fixture('multiLine.cable'), fixture('oneLine.cable'));
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.equal(json.files.length, 2);
  const [first] = json.files[0].cables;
  assert.equal(first.referenceId, '09ASTANA95');
  assert.equal(first.classification, 'SECRET');
  assert.equal(first.dtg, '2009-01-20T05:56Z');
  assert.equal(first.from, 'AMEMBASSY ASTANA');
  assert.deepEqual(first.tags, ['PGOV', 'PREL', 'AF', 'IR', 'RS', 'KZ']);
  assert.deepEqual(first.references, ['09ASTANA12', '09STATE5678']);
  assert.deepEqual(
    first.referenceEntries.map((r: { letter: string | null; kind: string; id: string | null }) => [r.letter, r.kind, r.id]),
    [
      ['A', 'cable', '09ASTANA12'],
      ['B', 'cable', '09STATE5678'],
    ],
  );
  assert.equal(first.levelAsWritten, 'SECRET');
  assert.equal(first.conflict, null);
  assert.deepEqual(first.paragraphs[2], { number: '3.', marking: '(S//NF)', line: 34 });
  assert.deepEqual(first.range, { startLine: 1, endLine: 44 });
  assert.ok(Array.isArray(json.files[0].diagnostics));
  assert.equal(json.files[1].cables[0].referenceId, '08STATE125608');
});

test('a REF entry that is not a telegram keeps its text and gets no id; a file with no telegram in it holds no cable', () => {
  const result = run('--format', 'json', fixture('eras/references.cable'), fixture('eras/notACable.txt'), fixture('eras/twoCables.cable'));
  const json = JSON.parse(result.stdout);
  const refs = json.files[0].cables[0].referenceEntries as { letter: string; text: string; kind: string; id: string | null }[];
  assert.ok(json.files[0].cables[0].references.every((id: string) => refs.some((r) => r.id === id)));
  assert.deepEqual(
    refs.filter((r) => r.id === null).map((r) => [r.letter, r.kind, r.text]),
    [
      ['B', 'other', 'OCTOBER 25 PARIS POINTS'],
      ['C', 'memo', 'DAILY REPORT FOR OCTOBER 28'],
      ['E', 'other', 'WHITE HOUSE 853'],
      ['G', 'email', 'CDA QUINN/ISN RUSSEL 8/4 EMAIL EXCHANGE'],
    ],
  );
  assert.ok(
    refs.every((r) => r.id === null || /^\d{2}[A-Z]+\d+$/.test(r.id)),
    'ids are telegram ids only',
  );
  assert.deepEqual(json.files[1].cables, [], 'hello world holds no cable');
  assert.deepEqual(json.files[2].cables[0].conflict, { header: '07PARIS2725', text: '07MOSCOW5154' });
  assert.equal(json.files[2].cables[0].referenceId, '07PARIS2725');
  const text = run(fixture('eras/notACable.txt'));
  assert.match(text.stdout, /notACable\.txt: holds no cable/);
});

test('text format, error diagnostics and the exit code', () => {
  const result = run(path.join(ROOT, 'samples', 'sample.cable'));
  assert.equal(result.status, 1, 'an error-level diagnostic makes the exit code 1');
  assert.match(result.stdout, /^.*sample\.cable:1: 08STATE125608 CONFIDENTIAL 2008-11-26T20:51Z — SERBIA/m);
  assert.match(result.stdout, /sample\.cable:18:4: error cable\/para-mark-above-overall Paragraph marked \(S\)/);
});

test('--rules takes the severity map of the setting', () => {
  const result = run(
    '--rules',
    '{"cable/para-mark-*":"off","cable/header-class-mismatch":"off","cable/marking-unclosed":"warning"}',
    path.join(ROOT, 'samples', 'sample.cable'),
  );
  assert.equal(result.status, 0, result.stdout);
  assert.doesNotMatch(result.stdout, /para-mark-above-overall/);
  assert.match(result.stdout, /warning cable\/marking-unclosed/);
  assert.equal(run('--rules', '{"x":"loud"}', fixture('old.cable')).status, 2);
});

test('unreadable files get a clear message; the others still run; exit code 2', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cable-cli-'));
  const binary = path.join(dir, 'image.cable');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  const emptyDir = mkdtempSync(path.join(tmpdir(), 'cable-cli-empty-'));
  const result = run('--format', 'json', path.join(dir, 'missing.cable'), emptyDir, binary, fixture('old.cable'));
  assert.equal(result.status, 2);
  assert.match(result.stderr, /missing\.cable: no such file/);
  assert.match(result.stderr, /a directory without \*\.cable/);
  assert.match(result.stderr, /binary file/);
  assert.equal(JSON.parse(result.stdout).files[0].cables[0].referenceId, '66BUENOSAIRES2481');
});

test('empty files and invalid UTF-8 are read, not rejected', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cable-cli-'));
  const empty = path.join(dir, 'empty.cable');
  writeFileSync(empty, '');
  const latin1 = path.join(dir, 'latin1.cable');
  writeFileSync(
    latin1,
    Buffer.concat([Buffer.from('UNCLAS STATE 000001\n\n1. (U) Caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('.\n')]),
  );
  const result = run('--format', 'json', empty, latin1);
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.deepEqual(json.files[0].cables, [], 'an empty file is read and holds no cable');
  assert.deepEqual(json.files[1].cables[0].paragraphs, [{ number: '1.', marking: '(U)', line: 3 }]);
  assert.match(result.stderr, /latin1\.cable: not valid UTF-8/);
});

test('usage errors and --help', () => {
  assert.equal(run().status, 2);
  assert.equal(run('--format', 'xml', 'x').status, 2);
  const help = run('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: cable-lint/);
});

test('extracts metadata from corpus files in one run', { skip: corpusAvailable() ? false : 'no corpus' }, () => {
  const files = ['09ASTANA95.txt', '66BUENOSAIRES2481.txt', '04ANKARA348.flatjson.txt'].map((f) => path.join(CORPUS, f));
  const result = run('--format', 'json', ...files);
  const json = JSON.parse(result.stdout);
  assert.deepEqual(
    json.files.map((f: { cables: { referenceId: string | null }[] }) => f.cables[0].referenceId),
    ['09ASTANA95', '66BUENOSAIRES2481', null],
  );
  assert.equal(json.files[2].cables[0].classification, 'CONFIDENTIAL');
});

test('npm start shows the outline, problems and hovers of the bundled sample', () => {
  const result = run('--demo');
  assert.equal(result.status, 0);
  assert.match(result.stdout, /OUTLINE\n {2}08STATE125608/);
  assert.match(result.stdout, /PROBLEMS\n.*cable\/header-class-mismatch/);
  assert.match(result.stdout, /RUEHBW — AMEMBASSY BELGRADE \(Serbia\)/);
});

test('--format sarif validates against the SARIF 2.1.0 schema and carries rule metadata', () => {
  const result = run('--format', 'sarif', path.join(ROOT, 'samples', 'sample.cable'), fixture('multiLine.cable'));
  assert.equal(result.status, 1, 'the sample has errors');
  const sarif = JSON.parse(result.stdout);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv');
  const schema = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'),
  );
  const ajv = new Ajv({ schemaId: 'id', allErrors: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file of ajv's, not a module
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const valid = ajv.validate(schema, sarif);
  assert.ok(valid, JSON.stringify(ajv.errors?.slice(0, 3)));
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'cable-lint');
  assert.ok(run0.tool.driver.rules.length >= 40);
  const error = run0.results.find((r: { ruleId: string }) => r.ruleId === 'cable/para-mark-above-overall');
  assert.equal(error.level, 'error');
  assert.equal(run0.tool.driver.rules[error.ruleIndex].id, 'cable/para-mark-above-overall');
  assert.deepEqual(error.locations[0].physicalLocation.region, { startLine: 18, startColumn: 4, endLine: 18, endColumn: 7 });
});

test('directories and quoted globs are expanded; --summary counts per rule, classification and station', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cable-cli-'));
  mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(path.join(dir, 'a', 'one.cable'), readFileSync(fixture('multiLine.cable')));
  writeFileSync(path.join(dir, 'a', 'b', 'two.txt'), readFileSync(fixture('oneLine.cable')));
  writeFileSync(path.join(dir, 'a', 'b', 'ignored.png'), 'x');
  const fromDir = JSON.parse(run('--format', 'json', dir).stdout);
  assert.deepEqual(
    fromDir.files.map((f: { file: string }) => path.relative(dir, f.file)).sort(),
    [path.join('a', 'b', 'two.txt'), path.join('a', 'one.cable')].sort(),
  );
  const fromGlob = JSON.parse(run('--format', 'json', `${dir}/**/*.txt`).stdout);
  assert.deepEqual(
    fromGlob.files.map((f: { file: string }) => path.basename(f.file)),
    ['two.txt'],
  );
  assert.equal(run(`${dir}/**/*.nothing`).status, 2, 'a glob that matches nothing is an error');
  // On stderr for every format, after the report on stdout.
  const summary = run('--summary', dir);
  assert.match(summary.stderr, /2 files, 2 cables/);
  assert.match(summary.stderr, /cables per classification:\n\s+1\s+SECRET/);
  assert.match(summary.stderr, /cables per station:[\s\S]*ASTANA/);
  assert.doesNotMatch(summary.stdout, /cables per station/);
});

test('--format html writes one readable page: each file under its name, its cables decoded', () => {
  const result = run('--format', 'html', fixture('multiLine.cable'), fixture('eras/notACable.txt'));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^<!DOCTYPE html>/);
  assert.match(result.stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">/);
  assert.doesNotMatch(result.stdout, /<script/);
  assert.match(result.stdout, /<h2 class="file-name">[^<]*multiLine\.cable<\/h2>/);
  assert.match(result.stdout, /<th scope="row">From<\/th><td>AMEMBASSY ASTANA/);
  assert.match(result.stdout, /notACable\.txt<\/h2>\n<p class="muted">holds no cable<\/p>/);
  assert.match(result.stdout, /<\/html>\n$/);
});
