// The diagnostics profile over stdio: `.txt` cables are read (errors and warnings only), `.cable`
// files drafted (every finding), and the setting overrides both.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { corpusAvailable, corpusText, manifest } from '../util';
import { StdioClient } from './client';

async function diagnosticsOf(uri: string, text: string, profile?: string): Promise<{ diagnostics: Diagnostic[]; status: unknown }> {
  const client = new StdioClient();
  try {
    client.configuration = profile ? { diagnostics: { profile } } : {};
    await client.initialize();
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const status = client.notifications.find((n) => n.method === 'cable/status')?.params;
    return { diagnostics: published.diagnostics, status };
  } finally {
    await client.shutdown();
  }
}

const quiet = (d: Diagnostic) => (d.severity ?? 1) > 2;

describe('diagnostics profile', { skip: !corpusAvailable() && 'needs ../shared/corpus' }, () => {
  test('.txt reads (no hints or information), .cable drafts, the setting overrides', async () => {
    // A genuine cable with findings below warning level (hints such as ref-unused).
    const row = manifest().find((r) => r.file === '07MADRID173.txt')!;
    const text = corpusText(row.file);
    const drafted = await diagnosticsOf('file:///corpus/07MADRID173.cable', text);
    assert.ok(drafted.diagnostics.some(quiet), 'the .cable copy has hints or information');
    assert.equal((drafted.status as { profile?: string }).profile, 'drafting');
    const read = await diagnosticsOf('file:///corpus/07MADRID173.txt', text);
    assert.equal(read.diagnostics.filter(quiet).length, 0);
    assert.deepEqual(
      read.diagnostics.map((d) => d.code),
      drafted.diagnostics.filter((d) => !quiet(d)).map((d) => d.code),
    );
    assert.equal((read.status as { profile?: string }).profile, 'reading');
    const overridden = await diagnosticsOf('file:///corpus/07MADRID173.txt', text, 'drafting');
    assert.equal(overridden.diagnostics.length, drafted.diagnostics.length);
  });
});

describe('the profile in the status, when the setting changes', { skip: !corpusAvailable() && 'needs ../shared/corpus' }, () => {
  test('an open cable’s status follows cable.diagnostics.profile without being asked again', async () => {
    const client = new StdioClient();
    try {
      client.configuration = {};
      await client.initialize();
      const uri = 'file:///corpus/07MADRID173.txt';
      await client.open(uri, corpusText('07MADRID173.txt'));
      await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const profiles = () =>
        client.notifications.filter((n) => n.method === 'cable/status').map((n) => (n.params as { profile?: string }).profile);
      assert.deepEqual(profiles(), ['reading']);
      client.configuration = { diagnostics: { profile: 'drafting' } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const deadline = Date.now() + 10_000;
      while (profiles().at(-1) !== 'drafting' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(profiles(), ['reading', 'drafting']);
    } finally {
      await client.shutdown();
    }
  });
});
