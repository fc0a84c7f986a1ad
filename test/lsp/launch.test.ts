// The node entry (dist/server-node.js) runs the server bundle with a V8 code cache: written when
// the server exits, used by the next start, rebuilt when damaged, never required.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { SERVER_NODE_OPTIONS, serverProcessEnv } from '../../server/src/protocol/serverProcess';
import { StdioClient } from './client';

const folder = mkdtempSync(path.join(os.tmpdir(), 'cable-cache-'));
after(() => rmSync(folder, { recursive: true, force: true }));

async function startAndStop(cacheDir: string): Promise<void> {
  const client = new StdioClient(['--stdio'], [], { ...process.env, CABLE_CACHE_DIR: cacheDir });
  const result = await client.initialize();
  assert.ok(result.capabilities.documentSymbolProvider, 'the server behind the launcher answers');
  assert.equal(await client.shutdown(), 0);
}

test('the first start writes the code cache, the next one uses it without rewriting it', async () => {
  const dir = path.join(folder, 'fresh');
  await startAndStop(dir);
  const files = readdirSync(dir);
  assert.equal(files.length, 1);
  assert.match(files[0], /^server-v\d+\.\d+\.\d+-\w+\.v8cache$/);
  const file = path.join(dir, files[0]);
  if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);
  const written = readFileSync(file);
  assert.ok(written.length > 10_000);
  await startAndStop(dir);
  // V8 accepted the cache: the launcher only writes one when there was none or it was rejected.
  assert.deepEqual(readFileSync(file), written);
});

test('a damaged cache is rejected by V8, the server starts anyway and the cache is rebuilt', async () => {
  const dir = path.join(folder, 'damaged');
  await startAndStop(dir);
  const file = path.join(dir, readdirSync(dir)[0]);
  writeFileSync(file, 'not a code cache');
  await startAndStop(dir);
  assert.ok(readFileSync(file).length > 10_000);
});

test('CABLE_CACHE_DIR=off writes nothing; an unwritable folder is no error', async () => {
  const before = readdirSync(folder).length;
  await startAndStop('off');
  assert.equal(existsSync(path.join(process.cwd(), 'off')), false);
  assert.equal(readdirSync(folder).length, before);
  const blocked = path.join(folder, 'a-file');
  writeFileSync(blocked, '');
  await startAndStop(path.join(blocked, 'below-a-file'));
});

/** Whether this node reads NODE_EXTRA_CA_CERTS as it starts (later versions wait until TLS is used). */
function readsExtraCertsAtStart(missing: string): boolean {
  const bare = spawnSync(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_EXTRA_CA_CERTS: missing }, encoding: 'utf8' });
  return /extra certs/.test(bare.stderr);
}

const missingCa = path.join(folder, 'no-such-ca.pem');

test(
  'started as VS Code starts it, the server does not load NODE_EXTRA_CA_CERTS',
  { skip: readsExtraCertsAtStart(missingCa) ? false : 'this node does not read the file at start' },
  async () => {
    // Node reads the file before any script runs and warns when it cannot; the server needs no
    // certificates, and reading them costs most of a start on machines that set the variable.
    const started = { ...process.env, NODE_EXTRA_CA_CERTS: missingCa, CABLE_CACHE_DIR: 'off' };
    const client = new StdioClient(['--stdio'], [...SERVER_NODE_OPTIONS], serverProcessEnv(started));
    assert.ok((await client.initialize()).capabilities.documentSymbolProvider);
    assert.equal(await client.shutdown(), 0);
    assert.doesNotMatch(client.stderr, /extra certs/);
    // The same start in the starting process's own environment does read it: the check above can fail.
    const plain = new StdioClient(['--stdio'], [], started);
    await plain.initialize();
    assert.equal(await plain.shutdown(), 0);
    assert.match(plain.stderr, /Ignoring extra certs from .*no-such-ca\.pem/);
  },
);
