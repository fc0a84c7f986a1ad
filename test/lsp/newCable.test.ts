import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, Diagnostic } from 'vscode-languageserver-protocol';
import { parse } from '../../server/src/cable/parse';
import {
  NewCableRequest,
  type NewCableParams,
  type NewCableResult,
  RoutingIndicatorsRequest,
  type RoutingIndicatorRow,
} from '../../server/src/protocol/cable';
import { StdioClient } from './client';

/** The text a snippet inserts when every tab stop keeps its default. */
function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:((?:\\.|[^\\}$])*)\}/g, (_m, value: string) => value)
    .replace(/\$0/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

describe('a new cable over stdio', () => {
  let client: StdioClient;
  let version = 0;

  before(async () => {
    client = new StdioClient();
    await client.initialize();
  });
  after(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr}`);
  });

  async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
    const uri = `file:///work/new${++version}.cable`;
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    await client.close(uri);
    return published.diagnostics;
  }

  /** The first row the routing table gives for a query, as the new-cable picker offers it. */
  async function station(query: string): Promise<{ ri: string; name: string }> {
    const rows = await client.request<RoutingIndicatorRow[]>(RoutingIndicatorsRequest.method, { query, limit: 5 });
    assert.ok(rows.length > 0, `the routing table has ${query}`);
    return { ri: rows[0].ri, name: rows[0].names[0] };
  }

  test('the skeleton from the picked stations has no error-level diagnostic, at every level', async () => {
    const from = await station('BELGRADE');
    const to = [await station('SECSTATE')];
    const info = [await station('MOSCOW'), await station('VIENNA')];
    for (const level of ['U', 'SBU', 'C', 'S', 'TS'] as const) {
      const params: NewCableParams = {
        from,
        to,
        info,
        level,
        tags: ['PREL', 'PGOV', 'SR'],
        subject: 'SERBIA: A TEST',
        date: '2026-12-04T02:40:00Z',
      };
      const { text } = await client.request<NewCableResult>(NewCableRequest.method, params);
      const cable = parse(text).cables[0];
      assert.equal(cable.classification.level, level);
      assert.equal(cable.header?.from?.address?.text, from.name);
      assert.equal(cable.header?.addressees.length, 3);
      assert.equal(cable.subject?.text, 'SERBIA: A TEST');
      const diagnostics = await diagnosticsOf(text);
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 1).map((d) => d.message),
        [],
        `${level}: no error`,
      );
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        [],
        `${level}: no diagnostic at all`,
      );
    }
  });

  test('as a snippet, the text to write is tab stops', async () => {
    const params: NewCableParams = {
      from: await station('BELGRADE'),
      to: [await station('SECSTATE')],
      level: 'C',
      tags: ['PREL'],
      subject: 'SERBIA: A TEST',
      date: '2026-12-04T02:40:00Z',
      snippet: true,
    };
    const { text } = await client.request<NewCableResult>(NewCableRequest.method, params);
    assert.match(text, /^Classified By: \$\{1:/m);
    assert.match(text, /^1\. \(C\) Summary: \$\{2:/m);
    assert.deepEqual(await diagnosticsOf(expandSnippet(text)), []);
  });

  test('a request without a post or a level is refused', async () => {
    await assert.rejects(client.request(NewCableRequest.method, { to: [], level: 'C' }), /needs from, to and a level/);
    await assert.rejects(client.request(NewCableRequest.method, { from: { name: 'AMEMBASSY X' }, to: [], level: 'Q' }), /level/);
  });

  test('completion in an empty cable document offers the skeleton', async () => {
    for (const text of ['', 'new', '\n\n  ']) {
      const uri = `file:///work/empty${++version}.cable`;
      await client.open(uri, text);
      const lines = text.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
      const skeletons = list.items.filter((i) => i.kind === 15 && i.insertTextFormat === 2);
      assert.equal(skeletons.length, 4, `${JSON.stringify(text)}: ${list.items.map((i) => i.label).join(', ')}`);
      for (const item of skeletons) {
        const inserted = expandSnippet((item.textEdit as { newText: string }).newText);
        const diagnostics = await diagnosticsOf(inserted);
        assert.deepEqual(
          diagnostics.filter((d) => d.severity === 1 || d.severity === 2).map((d) => `${String(d.code)} ${d.message as string}`),
          [],
          `${item.label}: no error or warning`,
        );
        assert.equal(parse(inserted).cables[0].paragraphs.length, 3);
      }
      await client.close(uri);
    }
  });

  test('completion in a document with text offers no skeleton', async () => {
    const uri = `file:///work/nonEmpty${++version}.cable`;
    const text = 'UNCLAS STATE 000123\n\nTAGS: PREL\n';
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 0 },
    });
    assert.equal(list.items.filter((i) => i.kind === 15 && i.insertTextFormat === 2).length, 0);
    await client.close(uri);
  });
});
