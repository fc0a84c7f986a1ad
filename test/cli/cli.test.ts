import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
  assert.deepEqual(first.paragraphs[2], { number: '3.', marking: '(S//NF)', line: 34 });
  assert.deepEqual(first.range, { startLine: 1, endLine: 44 });
  assert.ok(Array.isArray(json.files[0].diagnostics));
  assert.equal(json.files[1].cables[0].referenceId, '08STATE125608');
});

test('text format, error diagnostics and the exit code', () => {
  const result = run(path.join(ROOT, 'samples', 'sample.cable'));
  assert.equal(result.status, 1, 'an error-level diagnostic makes the exit code 1');
  assert.match(result.stdout, /^.*sample\.cable:1: 08STATE125608 CONFIDENTIAL 2008-11-26T20:51Z — SERBIA/m);
  assert.match(result.stdout, /sample\.cable:18:4: error cable\/para-mark-above-overall Paragraph marked \(S\)/);
});

test('--rules takes the severity map of the setting', () => {
  const result = run('--rules', '{"cable/para-mark-*":"off","cable/header-class-mismatch":"off","cable/marking-unclosed":"warning"}', path.join(ROOT, 'samples', 'sample.cable'));
  assert.equal(result.status, 0, result.stdout);
  assert.doesNotMatch(result.stdout, /para-mark-above-overall/);
  assert.match(result.stdout, /warning cable\/marking-unclosed/);
  assert.equal(run('--rules', '{"x":"loud"}', fixture('old.cable')).status, 2);
});

test('unreadable files get a clear message; the others still run; exit code 2', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cable-cli-'));
  const binary = path.join(dir, 'image.cable');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  const result = run('--format', 'json', path.join(dir, 'missing.cable'), dir, binary, fixture('old.cable'));
  assert.equal(result.status, 2);
  assert.match(result.stderr, /missing\.cable: no such file/);
  assert.match(result.stderr, /is a directory/);
  assert.match(result.stderr, /binary file/);
  assert.equal(JSON.parse(result.stdout).files[0].cables[0].referenceId, '66BUENOSAIRES2481');
});

test('empty files and invalid UTF-8 are read, not rejected', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cable-cli-'));
  const empty = path.join(dir, 'empty.cable');
  writeFileSync(empty, '');
  const latin1 = path.join(dir, 'latin1.cable');
  writeFileSync(latin1, Buffer.concat([Buffer.from('UNCLAS STATE 000001\n\n1. (U) Caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('.\n')]));
  const result = run('--format', 'json', empty, latin1);
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.equal(json.files[0].cables.length, 1);
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
  assert.deepEqual(json.files.map((f: { cables: { referenceId: string | null }[] }) => f.cables[0].referenceId), ['09ASTANA95', '66BUENOSAIRES2481', null]);
  assert.equal(json.files[2].cables[0].classification, 'CONFIDENTIAL');
});

test('npm start shows the outline, problems and hovers of the bundled sample', () => {
  const result = run('--demo');
  assert.equal(result.status, 0);
  assert.match(result.stdout, /OUTLINE\n {2}08STATE125608/);
  assert.match(result.stdout, /PROBLEMS\n.*cable\/header-class-mismatch/);
  assert.match(result.stdout, /RUEHBW — AMEMBASSY BELGRADE \(Serbia\)/);
});
