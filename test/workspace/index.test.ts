// The workspace index's parts without a server: the scope from settings (globs), the saved form
// (round trip, and every way it can be damaged), the index's lookups, and the host that reads
// through the client (the web), which bounds the walk.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parse } from '../../server/src/cable/parse';
import { clientIndexHost } from '../../server/src/clientFiles';
import { IndexBuilder } from '../../server/src/workspace/builder';
import { type CableEntry, entriesOf } from '../../server/src/workspace/entry';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { deserializeIndex, INDEX_VERSION, serializeIndex } from '../../server/src/workspace/persist';
import { IndexScope, readIndexSettings } from '../../server/src/workspace/scope';
import { CORPUS, corpusAvailable } from '../util';

const skip = !corpusAvailable() && 'needs ../shared/corpus';

test('scope: extensions, associations, the sniff, include and exclude (with files.exclude)', () => {
  const scope = (cable: unknown, files: unknown = {}) => new IndexScope(readIndexSettings(cable, files));
  const plain = scope({});
  assert.equal(plain.kindOf('a/b/x.cable'), 'cable');
  assert.equal(plain.kindOf('x.TEL'), 'cable');
  assert.equal(plain.kindOf('x.txt'), undefined);
  assert.equal(plain.kindOf('node_modules/p/x.cable'), undefined, 'the default exclude');
  assert.equal(plain.excludesFolder('deep/.git'), true);
  const sniffing = scope({ detectPlainText: true });
  assert.equal(sniffing.kindOf('2006/06/06MADRID3104.txt'), 'sniff');
  assert.equal(sniffing.kindOf('2006/06/06MADRID3104'), 'sniff', 'no extension');
  assert.equal(sniffing.kindOf('notes.md'), undefined);
  const associated = scope({}, { associations: { '*.msg': 'cable', 'corpus/**/*.txt': 'cable', '*.log': 'plaintext' } });
  assert.equal(associated.kindOf('deep/x.msg'), 'cable');
  assert.equal(associated.kindOf('corpus/2006/x.txt'), 'cable');
  assert.equal(associated.kindOf('other/x.txt'), undefined);
  assert.equal(associated.kindOf('x.log'), undefined);
  const narrowed = scope(
    { index: { include: ['cables/**'], exclude: ['**/drafts/**'] } },
    { exclude: { '**/tmp': true, '**/keep': false } },
  );
  assert.equal(narrowed.kindOf('cables/a.cable'), 'cable');
  assert.equal(narrowed.kindOf('other/a.cable'), undefined);
  assert.equal(narrowed.kindOf('cables/drafts/a.cable'), undefined);
  assert.equal(narrowed.excludesFolder('cables/drafts'), true);
  assert.equal(narrowed.kindOf('cables/tmp/a.cable'), undefined, 'files.exclude');
  assert.equal(narrowed.kindOf('cables/keep/a.cable'), 'cable', 'a files.exclude pattern set to false');
  assert.equal(scope({ index: { enable: false } }).kindOf('a.cable'), undefined);
  // A malformed setting falls back to its default; entries that are no glob are dropped.
  const malformed = scope({ index: { include: 'x', exclude: [3, '', 'a/**'] } }).settings;
  assert.deepEqual(malformed.include, []);
  assert.deepEqual(malformed.exclude, ['a/**']);
});

function corpusIndex(files: readonly string[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const name of files) {
    const uri = pathToFileURL(path.join(CORPUS, name)).href;
    index.set({
      uri,
      size: 1,
      mtime: 2,
      skipped: undefined,
      entries: entriesOf(parse(readFileSync(path.join(CORPUS, name), 'utf8'))),
      open: false,
    });
  }
  return index;
}

test('the saved index reads back as it was; damaged, truncated, other-version or other-scope text is refused', { skip }, async () => {
  const names = readdirSync(CORPUS).filter((f) => /^0[678]MADRID/.test(f));
  assert.ok(names.length >= 5);
  const index = corpusIndex(names);
  index.set({ uri: 'file:///x/notes.txt', size: 5, mtime: 6, skipped: 'notCable', entries: [], open: false });
  const text = [...serializeIndex(index, 'scope-1')].join('');
  const records = await deserializeIndex(text, 'scope-1');
  assert.ok(records);
  const again = new WorkspaceIndex();
  for (const r of records) again.set(r);
  assert.deepEqual(again.counts, index.counts);
  assert.deepEqual(again.find('07MADRID173'), index.find('07MADRID173'));
  assert.deepEqual(again.citing('06MADRID2657'), index.citing('06MADRID2657'));
  assert.equal([...serializeIndex(again, 'scope-1')].join(''), text);
  const lines = text.split('\n');
  const damaged = {
    truncated: text.slice(0, Math.floor(text.length * 0.7)),
    'last line cut': text.slice(0, text.length - 3),
    'a line dropped': [...lines.slice(0, 2), ...lines.slice(3)].join('\n'),
    'a field of the wrong type': text.replace(/"07MADRID173",/, '173,'),
    'another version': text.replace(`"version":${INDEX_VERSION}`, `"version":${INDEX_VERSION + 1}`),
    'the version before': text.replace(`"version":${INDEX_VERSION}`, `"version":${INDEX_VERSION - 1}`),
    garbage: '\u0000\u0001 not json',
    empty: '',
  };
  for (const [name, bad] of Object.entries(damaged)) assert.equal(await deserializeIndex(bad, 'scope-1'), undefined, name);
  assert.equal(await deserializeIndex(text, 'scope-2'), undefined, 'another scope');
});

test(
  'lookups: exact id first, then id prefix, then subject; cited by and cites; a year-less REF means the year before when only that is indexed',
  { skip },
  () => {
    const index = corpusIndex(readdirSync(CORPUS).filter((f) => /^0[678]MADRID/.test(f)));
    const ranked = index.search('07MADRID173', 50).map((c) => c.name);
    assert.equal(ranked[0], '07MADRID173');
    assert.ok(index.search('07MADRID', 500).every((c) => c.name.startsWith('07MADRID')));
    assert.ok(index.search('cia flights', 50).some((c) => c.name === '07MADRID173'));
    const citing = index.citing('06MADRID3104').map((p) => p.cable.name);
    assert.ok(citing.includes('07MADRID173'));
    const cites = index.citationsOf(pathToFileURL(path.join(CORPUS, '07MADRID173.txt')).href, { referenceId: '07MADRID173' });
    assert.ok(cites.some((p) => p.referenceId === '06MADRID3104' && p.reference && p.letter === 'A'));
    // 07MADRID1805 cites "MADRID 1914" without a year: 07MADRID1914 is not indexed, 06MADRID1914 is.
    const yearless = index.citationsOf(pathToFileURL(path.join(CORPUS, '07MADRID1805.txt')).href, { referenceId: '07MADRID1805' });
    if (yearless.some((p) => p.referenceId === '06MADRID1914')) {
      assert.ok(index.citing('06MADRID1914').some((p) => p.cable.name === '07MADRID1805'));
    }
    index.remove(pathToFileURL(path.join(CORPUS, '07MADRID173.txt')).href);
    assert.equal(index.find('07MADRID173').length, 0);
    assert.ok(!index.citing('06MADRID3104').some((p) => p.cable.name === '07MADRID173'));
  },
);

test('the web host: files read through the client, the walk bounded, skipped files counted', { skip }, async () => {
  const names = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .slice(0, 12);
  const folder = pathToFileURL(CORPUS).href;
  const requests: string[] = [];
  const connection = {
    sendRequest(method: string, params: { uri: string; maxBytes?: number }) {
      requests.push(method);
      if (method === 'cable/fs/readDirectory') return Promise.resolve(names.map((name) => ({ name, kind: 'file' })));
      const file = decodeURIComponent(params.uri.replace(/^file:\/\//, ''));
      const bytes = readFileSync(file);
      return Promise.resolve({ size: bytes.length, mtime: 1, base64: bytes.toString('base64') });
    },
  };
  const host = clientIndexHost(connection as never, 5);
  const index = new WorkspaceIndex();
  const builder = new IndexBuilder(index, {
    fileSystem: host.fileSystem,
    indexer: host.createIndexer(),
    isOpen: () => false,
    maxFiles: host.limit,
    beginProgress: () => ({ report() {}, end() {} }),
    changed() {},
    log: (message) => assert.fail(message),
  });
  await builder.start([{ uri: folder, scope: new IndexScope(readIndexSettings({ detectPlainText: true }, {})) }]);
  await builder.whenIdle();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await builder.whenIdle();
  assert.equal(index.counts.files + index.counts.skipped.notCable, 5);
  assert.ok(index.counts.cables >= 4);
  assert.equal(requests.filter((m) => m === 'cable/fs/readFile').length, 5);
  builder.dispose();
});

test('a file with nothing of a telegram in it gives the index no cable', () => {
  assert.deepEqual(entriesOf(parse('hello world\n')), []);
  assert.deepEqual(entriesOf(parse('')), []);
  const cable = entriesOf(parse('UNCLAS STATE 000001\n\nSUBJECT: A TEST\n\n1. (U) Text.\n'));
  assert.equal(cable.length, 1);
  assert.equal(cable[0].subject, 'A TEST');
});

test(
  'the Cables view reads each entry from its row as given (TO included), in date order, and again after slots are reused',
  { skip },
  () => {
    const names = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.txt'))
      .slice(0, 200);
    const given = new Map<string, CableEntry[]>();
    for (const name of names)
      given.set(pathToFileURL(path.join(CORPUS, name)).href, entriesOf(parse(readFileSync(path.join(CORPUS, name), 'utf8'))));
    const index = corpusIndex(names);
    const check = () => {
      const listed = index.entriesByDate();
      const expected = [...given.entries()].flatMap(([uri, entries]) => entries.map((e) => ({ uri, e })));
      assert.equal(listed.length, expected.length);
      const dates = listed.map((e) => e.dtgMinutes ?? Infinity);
      assert.deepEqual(
        dates,
        [...dates].sort((a, b) => a - b),
      );
      const byPlace = new Map(expected.map(({ uri, e }) => [`${uri}#${e.startLine}`, e]));
      for (const view of listed) {
        const e = byPlace.get(`${view.file.uri}#${view.startLine}`);
        assert.ok(e, view.name);
        assert.deepEqual({ ...pick(view) }, { ...pick(e) }, view.name);
        assert.equal(view.subjectUpper, (e.subject ?? '').toUpperCase());
      }
      assert.ok(listed.some((e) => e.to !== undefined && e.to.includes('SECSTATE')));
      // Every entry whose subject, id, origin or TAGS holds the word is among those `holding` gives.
      const holding = index.holding('MINISTER');
      assert.ok(holding);
      const holders = listed.filter((e) =>
        [e.subjectUpper, e.id ?? '', (e.origin ?? '').toUpperCase(), (e.tags ?? '').toUpperCase()].some((t) => t.includes('MINISTER')),
      );
      assert.ok(holders.length > 0);
      for (const e of holders) assert.ok(holding.has(e), e.name);
    };
    check();
    const generation = index.generation;
    // Half the files gone, then set again in another order: their slots are taken by other entries.
    const uris = [...given.keys()];
    for (const uri of uris.slice(0, 100)) index.remove(uri);
    for (const uri of uris.slice(0, 100).reverse())
      index.set({ uri, size: 1, mtime: 2, skipped: undefined, entries: given.get(uri)!, open: false });
    assert.ok(index.generation > generation);
    check();
  },
);

function pick(e: CableEntry) {
  return {
    id: e.id,
    name: e.name,
    subject: e.subject,
    dtgMinutes: e.dtgMinutes,
    origin: e.origin,
    to: e.to,
    routingIndicator: e.routingIndicator,
    classification: e.classification,
    tags: e.tags,
    partial: e.partial,
    range: [e.startLine, e.startCharacter, e.endLine, e.endCharacter],
    selection: [e.selectionLine, e.selectionStartCharacter, e.selectionEndLine, e.selectionEndCharacter],
    references: e.references,
    cites: e.cites,
  };
}
