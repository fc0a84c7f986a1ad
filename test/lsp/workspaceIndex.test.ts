// The workspace index over stdio, on a temporary workspace of genuine .txt cables in nested folders
// (odd names, a folder deeper than the old 8-level limit, files that are no cable, a link loop):
// workspace symbols by id, subject, origin and TAGS; definition across files; references; the
// citation hierarchy both ways; files created, changed and deleted; a restart from the saved index;
// a damaged index file.
import assert from 'node:assert/strict';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type {
  CallHierarchyIncomingCall,
  CallHierarchyItem,
  CallHierarchyOutgoingCall,
  Hover,
  InitializeResult,
  Location,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { WorkDoneProgress } from 'vscode-languageserver-protocol';
import type { IndexStatusParams } from '../../server/src/protocol/cable';
import { CORPUS, corpusAvailable } from '../util';
import { StdioClient } from './client';

const skip = !corpusAvailable() && 'needs ../shared/corpus';

/** Corpus file → where it goes in the workspace. */
const LAYOUT: Record<string, string> = {
  '06MADRID1914.txt': '2006/madrid/06MADRID1914.txt',
  '06MADRID2657.txt': '2006/madrid/06MADRID2657.txt',
  '06MADRID3104.txt': '2006/madrid/06MADRID3104.txt',
  '07MADRID173.txt': '2007/with space #1 %/07MADRID173.txt',
  '08MADRID1280.txt': '2008/ünïcödé/08MADRID1280',
  '08OSLO585.txt': 'oslo/08OSLO585.txt',
  '08OSLO629.txt': 'oslo/08OSLO629.txt',
  '08OSLO670.txt': 'deep/1/2/3/4/5/6/7/8/9/10/08OSLO670.txt',
  '10SHENYANG4.txt': 'china/10SHENYANG4.txt',
};

/** Root reads a file whatever its mode: the unreadable file is then read (and holds a cable). */
const ROOT_USER = process.getuid?.() === 0;

const uriOf = (root: string, relative: string) => pathToFileURL(path.join(root, relative)).href;

interface Session {
  readonly client: StdioClient;
  readonly init: InitializeResult;
}

async function startSession(
  root: string,
  storage: string,
  settings: Record<string, unknown> = { detectPlainText: true },
): Promise<Session> {
  const client = new StdioClient(['--stdio'], [], { ...process.env, CABLE_INDEX_WORKERS: '1' });
  client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'files' ? { exclude: { '**/ignored': true } } : settings)),
  );
  client.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
    client.connection.onProgress(WorkDoneProgress.type, params.token, (value) => {
      client.notifications.push({ method: '$/progress', params: value });
    });
    return null;
  });
  const init = await client.connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, callHierarchy: {}, references: {} },
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, symbol: {}, workspaceFolders: true },
      window: { workDoneProgress: true },
    },
    initializationOptions: { storageFolder: storage },
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'corpus' }],
  });
  await client.connection.sendNotification('initialized', {});
  return { client, init };
}

function statuses(client: StdioClient): IndexStatusParams[] {
  return client.notifications.filter((n) => n.method === 'cable/indexStatus').map((n) => n.params as IndexStatusParams);
}

/** Waits for an index status, sent after `since` notifications, that satisfies `match`. */
async function waitForStatus(client: StdioClient, match: (s: IndexStatusParams) => boolean, since = 0, timeoutMs = 20_000) {
  const start = Date.now();
  for (;;) {
    const found = client.notifications
      .slice(since)
      .filter((n) => n.method === 'cable/indexStatus')
      .map((n) => n.params as IndexStatusParams)
      .find(match);
    if (found) return found;
    if (Date.now() - start > timeoutMs) throw new Error(`no matching index status; last: ${JSON.stringify(statuses(client).at(-1))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A round of indexing has ended (not merely the saved index loaded) with this many files of cables. */
const idle = (files: number) => (s: IndexStatusParams) => !s.indexing && s.total > 0 && s.done === s.total && s.files === files;

function symbols(client: StdioClient, query: string): Promise<SymbolInformation[]> {
  return client.request<SymbolInformation[]>('workspace/symbol', { query });
}

/** A workspace symbol's name is `id · subject · TAGS`: the id. */
const idOf = (s: SymbolInformation | undefined) => s?.name.split(' · ')[0];

/** The position of `needle` in a file's text (line, character). */
function positionOf(file: string, needle: string): { line: number; character: number } {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} in ${file}`);
  return { line, character: lines[line].indexOf(needle) + 1 };
}

function waitForFile(file: string, newerThan = 0, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      try {
        if (statSync(file).mtimeMs > newerThan) return resolve();
      } catch {
        // not written yet
      }
      if (Date.now() - start > timeoutMs) return reject(new Error(`${file} not written`));
      setTimeout(poll, 50);
    };
    poll();
  });
}

describe('workspace index over stdio', { skip }, () => {
  let root: string;
  let storage: string;
  let session: Session;
  const cables = Object.keys(LAYOUT).length + (ROOT_USER ? 1 : 0);

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cable-index-'));
    storage = mkdtempSync(path.join(os.tmpdir(), 'cable-index-storage-'));
    for (const [source, target] of Object.entries(LAYOUT)) {
      mkdirSync(path.dirname(path.join(root, target)), { recursive: true });
      copyFileSync(path.join(CORPUS, source), path.join(root, target));
    }
    // Files in scope that are no cable, or cannot be read as one.
    writeFileSync(path.join(root, 'oslo', 'notes.txt'), 'Shopping list\nMilk\nSECRET recipe\n');
    writeFileSync(path.join(root, 'china', 'scan.txt'), Buffer.from([0x55, 0x4e, 0x43, 0x4c, 0x00, 0x01, 0x02, 0xff]));
    // Excluded by files.exclude, and by cable.index.exclude's default.
    mkdirSync(path.join(root, 'ignored'));
    copyFileSync(path.join(CORPUS, '08OSLO406.txt'), path.join(root, 'ignored', '08OSLO406.txt'));
    mkdirSync(path.join(root, 'node_modules', 'x'), { recursive: true });
    copyFileSync(path.join(CORPUS, '08OSLO461.txt'), path.join(root, 'node_modules', 'x', '08OSLO461.txt'));
    // Over 50 MB (sparse: no disk used), and one that cannot be read (unless the tests run as root).
    writeFileSync(path.join(root, 'china', 'huge.cable'), '');
    truncateSync(path.join(root, 'china', 'huge.cable'), 51 * 1024 * 1024);
    writeFileSync(path.join(root, 'china', 'locked.cable'), readFileSync(path.join(CORPUS, '04AMMAN1288.txt')));
    chmodSync(path.join(root, 'china', 'locked.cable'), 0);
    // A link back up the tree.
    symlinkSync(path.join(root, 'oslo'), path.join(root, 'oslo', 'loop'));
    session = await startSession(root, storage);
  });

  after(async () => {
    await session?.client.shutdown();
    rmSync(root, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  test('a workspace folder deleted while it is indexed stops nothing', async () => {
    const doomed = mkdtempSync(path.join(os.tmpdir(), 'cable-index-doomed-'));
    for (let i = 0; i < 40; i++) {
      mkdirSync(path.join(doomed, String(i % 7)), { recursive: true });
      copyFileSync(path.join(CORPUS, '08OSLO629.txt'), path.join(doomed, String(i % 7), `${i}.txt`));
    }
    const otherStorage = mkdtempSync(path.join(os.tmpdir(), 'cable-index-storage-'));
    try {
      const other = await startSession(doomed, otherStorage);
      rmSync(doomed, { recursive: true, force: true });
      await waitForStatus(other.client, (s) => !s.indexing);
      assert.ok(Array.isArray(await symbols(other.client, '08OSLO')));
      assert.equal(await other.client.shutdown(), 0);
    } finally {
      rmSync(otherStorage, { recursive: true, force: true });
    }
  });

  test('announces references, the call hierarchy and workspace symbols', () => {
    const caps = session.init.capabilities;
    assert.equal(caps.referencesProvider, true);
    assert.equal(caps.callHierarchyProvider, true);
    assert.equal(caps.workspaceSymbolProvider, true);
  });

  test('indexes every .txt cable (nested, odd names, beyond 8 levels), skipping and counting the rest', async () => {
    const status = await waitForStatus(session.client, idle(cables));
    assert.equal(status.cables, cables);
    assert.equal(status.skipped.binary, 1);
    assert.equal(status.skipped.notCable, 1);
    assert.equal(status.skipped.tooLarge, 1);
    assert.equal(status.skipped.unreadable, ROOT_USER ? 0 : 1);
    const progress = session.client.notifications
      .filter((n) => n.method === '$/progress')
      .map((n) => n.params as { kind: string; title?: string });
    assert.equal(progress[0]?.kind, 'begin');
    assert.equal(progress[0]?.title, 'Indexing cables');
    assert.equal(progress.at(-1)?.kind, 'end');
  });

  test('workspace symbols by id, id prefix, subject words, origin and TAGS; exact id first', async () => {
    const exact = await symbols(session.client, '08OSLO629');
    assert.equal(idOf(exact[0]), '08OSLO629');
    const prefix = await symbols(session.client, '08OSLO');
    assert.deepEqual(prefix.map(idOf).sort(), ['08OSLO585', '08OSLO629', '08OSLO670']);
    assert.ok(prefix.find((s) => idOf(s) === '08OSLO670')!.location.uri.includes('/deep/1/2/3/4/5/6/7/8/9/10/'));
    const subject = await symbols(session.client, 'cia flights');
    const madrid173 = subject.find((s) => idOf(s) === '07MADRID173');
    // VS Code keeps only the symbols whose name matches the query: subject and TAGS are in the name.
    assert.equal(
      madrid173?.name,
      '07MADRID173 · SPAIN/CIA FLIGHTS: JUDGE ORDERS DECLASSIFICATION OF INFO RELATED TO FLIGHTS · PREL PTER PINR SP',
      JSON.stringify(subject.map((s) => s.name)),
    );
    assert.equal(madrid173.containerName, '2007-02-01 · AMEMBASSY MADRID');
    // WikiLeaks redacted the station in this one's classification line, so its id is 10XXXXXXXXXXXX4: found by its origin.
    const origin = await symbols(session.client, 'SHENYANG');
    assert.deepEqual(
      origin.map((s) => s.location.uri.replace(/^.*\//, '')),
      ['10SHENYANG4.txt'],
    );
    const madrid = await symbols(session.client, 'AMEMBASSY MADRID');
    assert.equal(madrid.length, 5);
    const tags = await symbols(session.client, 'PTER');
    assert.ok(tags.some((s) => idOf(s) === '07MADRID173'));
    assert.ok(!(await symbols(session.client, '08OSLO406')).length, 'files.exclude');
    assert.ok(!(await symbols(session.client, '08OSLO461')).length, 'node_modules');
  });

  test('definition from a REF entry to the cited cable in another folder; hover shows it', async () => {
    const file = path.join(root, LAYOUT['07MADRID173.txt']);
    const uri = pathToFileURL(file).href;
    await session.client.open(uri, readFileSync(file, 'utf8'));
    const position = positionOf(file, '2006 MADRID 3104');
    const locations = await session.client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
    assert.equal(locations.length, 1);
    assert.equal(locations[0].uri, uriOf(root, LAYOUT['06MADRID3104.txt']));
    const hover = await session.client.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
    const text = JSON.stringify(hover.contents);
    assert.match(text, /06MADRID3104/);
    assert.match(text, /2006-/);
    assert.match(text, /AMEMBASSY MADRID/);
    assert.match(text, /CONFIDENTIAL|SECRET|UNCLASSIFIED/);
    const links = await session.client.request<{ target?: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.ok(
      links.some((l) => l.target?.startsWith(`${uriOf(root, LAYOUT['06MADRID3104.txt'])}#L`)),
      JSON.stringify(links.map((l) => l.target)),
    );
    await session.client.close(uri);
  });

  test('references on a cable’s own classification line: every cable citing it', async () => {
    const file = path.join(root, LAYOUT['06MADRID2657.txt']);
    const uri = pathToFileURL(file).href;
    await session.client.open(uri, readFileSync(file, 'utf8'));
    const position = positionOf(file, 'MADRID 002657');
    const found = await session.client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position,
      context: { includeDeclaration: false },
    });
    const citing = [...new Set(found.map((l) => decodeURIComponent(l.uri.replace(/^.*\//, ''))))].sort();
    assert.deepEqual(citing, ['06MADRID3104.txt', '07MADRID173.txt']);
    await session.client.close(uri);
  });

  test('call hierarchy: incoming are the citing cables, outgoing the cited ones (missing ones marked)', async () => {
    const file = path.join(root, LAYOUT['06MADRID3104.txt']);
    const uri = pathToFileURL(file).href;
    await session.client.open(uri, readFileSync(file, 'utf8'));
    const items = await session.client.request<CallHierarchyItem[]>('textDocument/prepareCallHierarchy', {
      textDocument: { uri },
      position: positionOf(file, 'SUBJECT'),
    });
    assert.equal(items[0]?.name, '06MADRID3104');
    const incoming = await session.client.request<CallHierarchyIncomingCall[]>('callHierarchy/incomingCalls', { item: items[0] });
    assert.deepEqual(
      incoming.map((c) => c.from.name),
      ['07MADRID173'],
    );
    assert.ok(incoming[0].fromRanges.length >= 1);
    const outgoing = await session.client.request<CallHierarchyOutgoingCall[]>('callHierarchy/outgoingCalls', { item: items[0] });
    const inWorkspace = outgoing.filter((c) => c.to.uri !== uri).map((c) => c.to.name);
    assert.ok(inWorkspace.includes('06MADRID2657'), JSON.stringify(outgoing.map((c) => c.to.name)));
    // Outgoing from an item of another file (not open): read from the index.
    const second = await session.client.request<CallHierarchyOutgoingCall[]>('callHierarchy/outgoingCalls', {
      item: outgoing.find((c) => c.to.name === '06MADRID2657')!.to,
    });
    assert.ok(second.some((c) => c.to.name === '06MADRID1914'));
    await session.client.close(uri);
  });

  test('a file created, changed and deleted reaches the index through didChangeWatchedFiles', async () => {
    const target = path.join(root, 'new', 'sub folder', '08OSLO406.txt');
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(CORPUS, '08OSLO406.txt'), target);
    const uri = pathToFileURL(target).href;
    let since = session.client.notifications.length;
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    await waitForStatus(session.client, idle(cables + 1), since);
    assert.equal((await symbols(session.client, '08OSLO406'))[0]?.location.uri, uri);

    // Changed: a new subject.
    const text = readFileSync(target, 'utf8').replace(/SUBJECT: [^\n]*/, 'SUBJECT: NORWAY: A SUBJECT WRITTEN BY THE TEST');
    writeFileSync(target, text);
    utimesSync(target, new Date(), new Date(Date.now() + 5000));
    since = session.client.notifications.length;
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    await waitForStatus(session.client, (s) => !s.indexing, since);
    assert.equal(idOf((await symbols(session.client, 'WRITTEN BY THE TEST'))[0]), '08OSLO406');

    // Deleted: with its folder.
    rmSync(path.join(root, 'new'), { recursive: true });
    since = session.client.notifications.length;
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path.join(root, 'new')).href, type: 3 }],
    });
    await waitForStatus(session.client, idle(cables), since);
    assert.equal((await symbols(session.client, '08OSLO406')).length, 0);
  });

  test('a workspace folder added and removed', async () => {
    const extra = mkdtempSync(path.join(os.tmpdir(), 'cable-index-extra-'));
    try {
      copyFileSync(path.join(CORPUS, '08OSLO461.txt'), path.join(extra, '08OSLO461.txt'));
      const folder = { uri: pathToFileURL(extra).href, name: 'extra' };
      let since = session.client.notifications.length;
      await session.client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
      await waitForStatus(session.client, idle(cables + 1), since);
      assert.equal((await symbols(session.client, '08OSLO461'))[0]?.location.uri, pathToFileURL(path.join(extra, '08OSLO461.txt')).href);
      since = session.client.notifications.length;
      await session.client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
      await waitForStatus(session.client, idle(cables), since);
      assert.equal((await symbols(session.client, '08OSLO461')).length, 0);
    } finally {
      rmSync(extra, { recursive: true, force: true });
    }
  });

  test('a restart loads the saved index and reads again only what changed on disk meanwhile', async () => {
    const saved = () => readdirSync(path.join(storage, 'index')).map((f) => path.join(storage, 'index', f));
    await waitForFile(path.join(storage, 'index'));
    await session.client.shutdown();
    const [indexFile] = saved();
    assert.ok(indexFile, 'index file saved');
    assert.match(readFileSync(indexFile, 'utf8'), /07MADRID173/);

    // Meanwhile: one cable's subject changes on disk.
    const changed = path.join(root, LAYOUT['08OSLO629.txt']);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/SUBJECT: [^\n]*/, 'SUBJECT: CHANGED WHILE THE SERVER WAS DOWN'));
    utimesSync(changed, new Date(), new Date(Date.now() + 10_000));

    session = await startSession(root, storage);
    const first = await symbols(session.client, '07MADRID173');
    assert.equal(idOf(first[0]), '07MADRID173', 'answers from the saved index');
    await waitForStatus(session.client, idle(cables));
    assert.equal(idOf((await symbols(session.client, 'WHILE THE SERVER WAS DOWN'))[0]), '08OSLO629');
  });

  test('a damaged or truncated index file is rebuilt, never a crash', async () => {
    const [indexFile] = readdirSync(path.join(storage, 'index')).map((f) => path.join(storage, 'index', f));
    await session.client.shutdown();
    const text = readFileSync(indexFile, 'utf8');
    for (const damaged of [text.slice(0, Math.floor(text.length / 2)), text.replace('"version":1', '"version":0'), 'garbage\n{[}\n']) {
      writeFileSync(indexFile, damaged);
      session = await startSession(root, storage);
      await waitForStatus(session.client, idle(cables));
      assert.equal(idOf((await symbols(session.client, '08OSLO629'))[0]), '08OSLO629');
      await session.client.shutdown();
      assert.equal(session.client.stderr.includes('Error'), false, session.client.stderr);
    }
    session = await startSession(root, storage);
  });

  test('without detectPlainText, the .txt files are not indexed; an association maps them', async () => {
    await session.client.shutdown();
    session = await startSession(root, storage, {});
    await waitForStatus(session.client, (s) => !s.indexing && s.files === (ROOT_USER ? 1 : 0));
    assert.equal((await symbols(session.client, '08OSLO')).length, 0);
    await session.client.shutdown();
    const client = new StdioClient(['--stdio'], [], { ...process.env, CABLE_INDEX_WORKERS: '0' });
    client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'files' ? { associations: { 'oslo/*.txt': 'cable' } } : {})),
    );
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { storageFolder: storage },
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'corpus' }],
    });
    await client.connection.sendNotification('initialized', {});
    await waitForStatus(client, (s) => !s.indexing && s.files >= 2);
    assert.deepEqual((await symbols(client, '08OSLO')).map(idOf).sort(), ['08OSLO585', '08OSLO629']);
    session = { client, init: session.init };
  });
});
