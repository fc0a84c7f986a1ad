import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { DocumentDiagnosticReport, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { parse } from '../../server/src/cable/parse';
import { diagnosticsOf, outlineOf } from '../context';
import { fixture } from '../util';
import { StdioClient } from './client';

function rssMb(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/** Offset → LSP position in `text`. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

describe('edit storm over stdio', () => {
  test('10,000 random incremental edits: the served outline and diagnostics equal a fresh parse after every batch', async () => {
    const client = new StdioClient();
    try {
      await client.initialize({
        textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, diagnostic: {} },
        workspace: { configuration: true },
      });
      const uri = 'file:///storm/storm.cable';
      let text = [fixture('multiLine.cable'), fixture('oneLine.cable'), fixture('old.cable')].join('\n\n');
      await client.open(uri, text);
      const inserts = [
        'x',
        ' ',
        '\n',
        '\n\n',
        '(',
        ')',
        '(S)',
        '1. ',
        'END SUMMARY. ',
        'VZCZCXRO0001\n',
        'UNCLAS STATE 000001\n',
        'SUBJECT: X\n',
        'RUEHBW/',
        '¶',
        'é',
      ];
      const edits = fc.sample(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...inserts)), { numRuns: 10_000, seed: 7 });
      let version = 1;
      const rss: number[] = [];
      for (let i = 0; i < edits.length; i++) {
        const [at, length, insert] = edits[i];
        // Keep the document around its size: delete more when it grows.
        const start = at % (text.length + 1);
        const end = Math.min(text.length, start + (text.length > 6000 ? length + 8 : length));
        const range = { start: positionAt(text, start), end: positionAt(text, end) };
        text = text.slice(0, start) + insert + text.slice(end);
        await client.change(uri, ++version, [{ range, text: insert }]);
        if ((i + 1) % 1000 === 0) {
          const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
          const model = parse(text);
          assert.deepEqual(symbols, outlineOf(model, 5000).symbols, `outline after ${i + 1} edits`);
          const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
          assert.equal(report.kind, 'full');
          const served = report.kind === 'full' ? report.items : [];
          assert.deepEqual(
            served.map((d) => [d.code, d.range, d.message]),
            diagnosticsOf(model, { uri }).map((d) => [d.code, d.range, d.message]),
            `diagnostics after ${i + 1} edits`,
          );
          rss.push(rssMb(client.process.pid!));
        }
      }
      console.log(`edit storm: 10,000 edits, server RSS per 1,000 edits (MB): ${rss.map((r) => r.toFixed(0)).join(' ')}`);
      assert.ok(rss[rss.length - 1] - rss[1] < 40, `server memory grew from ${rss[1].toFixed(0)} to ${rss[rss.length - 1].toFixed(0)} MB`);
    } finally {
      await client.shutdown();
    }
  });
});

describe('protocol robustness', () => {
  test('malformed JSON-RPC, unknown methods, bad positions, stale versions, huge lines: the server keeps serving', async () => {
    const client = new StdioClient();
    try {
      await client.initialize();
      const uri = 'file:///robust/a.cable';
      await client.open(uri, fixture('multiLine.cable'));
      // A message whose body is not JSON.
      client.process.stdin!.write('Content-Length: 11\r\n\r\n{not json!}');
      // An unknown request is answered with MethodNotFound; an unknown notification is ignored.
      await assert.rejects(client.request('cable/noSuchMethod', {}), (e: { code?: number }) => e.code === -32601);
      await client.connection.sendNotification('cable/noSuchNotification', { x: 1 });
      // Positions outside the document.
      assert.equal(
        await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: 9999 } }),
        null,
      );
      assert.ok(
        Array.isArray(
          await client.request('textDocument/selectionRange', {
            textDocument: { uri },
            positions: [
              { line: -1, character: -5 },
              { line: 1e6, character: 0 },
            ],
          }),
        ),
      );
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 500, character: 3 } });
      // A change for an older version than the document has.
      await client.change(uri, 0, [{ text: 'UNCLAS STATE 000002\n\n1. (U) Replaced.\n' }]);
      // One line of 2 MB.
      const huge = 'file:///robust/huge.cable';
      await client.open(huge, `UNCLAS STATE 000003\n\n1. (U) ${'word '.repeat(400_000)}\n`);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: huge } });
      assert.equal(symbols[0].children?.length, 1);
      // Still serving normally.
      const after = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(after.length, 1);
      assert.doesNotMatch(client.stderr, /Error:|at .*server\.js/, 'nothing thrown');
    } finally {
      await client.shutdown();
    }
  });

  test('documents with untitled and non-file URIs work (virtual workspaces)', async () => {
    const client = new StdioClient();
    try {
      await client.initialize();
      for (const uri of ['untitled:Untitled-1', 'vscode-vfs://github/owner/repo/cables/08STATE125608.cable']) {
        await client.open(uri, fixture('oneLine.cable'));
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.equal(symbols[0].name, '08STATE125608', uri);
      }
    } finally {
      await client.shutdown();
    }
  });

  test("console output in the server process reaches the client's log and never the protocol stream", { timeout: 30_000 }, async () => {
    // A dependency that logs: every console method, once the connection is up. stdout carries the
    // protocol, so anything written there outside a message would break the client's framing.
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cable-console-'));
    const preload = path.join(folder, 'logs.js');
    writeFileSync(
      preload,
      `setTimeout(() => {
      console.log('log', 1); console.info('info'); console.warn('warn'); console.error('error'); console.debug('debug');
      console.dir({ dir: 1 }); console.dirxml('dirxml'); console.trace('trace'); console.assert(false, 'assert'); console.count('n'); console.count('n');
      console.group('group'); console.log('in group'); console.groupEnd(); console.time('t'); console.timeEnd('t');
      console.table([{ table: 1 }]);
    }, 300);`,
    );
    const client = new StdioClient(['--stdio'], ['--require', preload]);
    try {
      await client.initialize();
      const logged = () =>
        client.notifications
          .filter((n) => n.method === 'window/logMessage')
          .map((n) => (n.params as { message: string }).message)
          .join('\n');
      for (let i = 0; i < 100 && !logged().includes('table'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      for (const expected of [
        'log 1',
        'info',
        'warn',
        'error',
        'debug',
        '{ dir: 1 }',
        'dirxml',
        'Trace: trace',
        'Assertion failed: assert',
        'n: 1',
        'n: 2',
        'group',
        'in group',
        'table',
      ]) {
        assert.ok(logged().includes(expected), `"${expected}" in the log:\n${logged()}`);
      }
      assert.match(logged(), /^t: [\d.]+ms$/m, 'timeEnd formatted as node does');
      await client.open('file:///work/after.cable', fixture('oneLine.cable'));
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
        textDocument: { uri: 'file:///work/after.cable' },
      });
      assert.equal(symbols[0].name, '08STATE125608', 'the protocol stream is intact');
    } finally {
      assert.equal(await client.shutdown(), 0);
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a client that exits without shutdown: the server stops by itself', async () => {
    const client = new StdioClient();
    await client.initialize();
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    client.process.stdin!.end();
    const timer = setTimeout(() => client.process.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    assert.notEqual(code, null, 'exited on its own, not killed');
    client.connection.dispose();
  });
});
