import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from '../../server/src/cable/parse';
import { BASE } from '../rules/base';
import { DEFAULT_CAPABILITIES, StdioClient } from './client';

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.cable', 'cable', 1, text), [...edits]);
}

/** The position of the `occurrence`-th `needle` in the text, plus `offset` characters. */
function positionOf(text: string, needle: string, offset = 0, occurrence = 0) {
  const lines = text.split('\n');
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    for (let at = lines[line].indexOf(needle); at >= 0; at = lines[line].indexOf(needle, at + 1)) {
      if (seen++ === occurrence) return { line, character: at + offset };
    }
  }
  throw new Error(`${needle} not in the text`);
}

describe('references that follow the text, over stdio', () => {
  let client: StdioClient;
  let version = 0;

  before(async () => {
    client = new StdioClient();
    await client.initialize({
      ...DEFAULT_CAPABILITIES,
      textDocument: { ...DEFAULT_CAPABILITIES.textDocument, rename: { prepareSupport: true } },
    });
  });
  after(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr}`);
  });

  async function openCable(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///work/references${++version}.cable`;
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    return { uri, diagnostics: published.diagnostics };
  }

  test('initialize advertises rename with prepareRename', async () => {
    const probe = new StdioClient();
    const init = await probe.initialize();
    assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
    await probe.shutdown();
  });

  test('a para N that points at no paragraph is a warning', async () => {
    const text = BASE.replace('and para 3.', 'and para 7.');
    const { uri, diagnostics } = await openCable(text);
    const found = diagnostics.filter((d) => d.code === 'cable/ref-para-undefined');
    assert.equal(found.length, 1, JSON.stringify(diagnostics));
    assert.equal(found[0].severity, 2, 'warning');
    assert.deepEqual(found[0].range.start, positionOf(text, 'para 7'));
    assert.match(found[0].message as string, /7/);
    await client.close(uri);
    const clean = await openCable(BASE);
    assert.deepEqual(
      clean.diagnostics.map((d) => d.code),
      [],
      'the well-formed cable gets none',
    );
    await client.close(clean.uri);
  });

  test('the renumbering quick fix updates para N and paras N-M in the text', async () => {
    const text = BASE.replace('2. (C) He', '4. (C) He')
      .replace('3. (U) Comment', '5. (U) Comment')
      .replace('and para 3.', 'and paras 4-5 (see para 5).');
    const { uri, diagnostics } = await openCable(text);
    const sequence = diagnostics.find((d) => d.code === 'cable/para-number-sequence');
    assert.ok(sequence, JSON.stringify(diagnostics));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: sequence.range,
      context: { diagnostics: [sequence] },
    });
    const renumber = actions.find((a) => a.isPreferred);
    assert.ok(renumber?.edit?.changes?.[uri], JSON.stringify(actions));
    const fixed = apply(text, renumber.edit.changes[uri]);
    assert.match(fixed, /and paras 2-3 \(see para 3\)\./);
    assert.deepEqual(
      parse(fixed).cables[0].paragraphs.map((p) => p.number.value),
      [1, 2, 3],
    );
    await client.close(uri);
  });

  test('prepareRename finds a REF letter on the REF line and in the text, and nothing elsewhere', async () => {
    const { uri } = await openCable(BASE);
    const onRefLine = await client.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', {
      textDocument: { uri },
      position: positionOf(BASE, 'A. BELGRADE'),
    });
    assert.deepEqual(onRefLine, {
      range: { start: positionOf(BASE, 'A. BELGRADE'), end: positionOf(BASE, 'A. BELGRADE', 1) },
      placeholder: 'A',
    });
    const inText = await client.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', {
      textDocument: { uri },
      position: positionOf(BASE, 'ref A', 1),
    });
    assert.deepEqual(inText, { range: { start: positionOf(BASE, 'ref A', 4), end: positionOf(BASE, 'ref A', 5) }, placeholder: 'A' });
    const elsewhere = await client.request('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(BASE, 'minister') });
    assert.equal(elsewhere, null);
    await client.close(uri);
  });

  test('renaming a REF letter updates the REF line and every ref/reftel that cites it', async () => {
    const text = BASE.replace('see ref B and', 'see ref B, reftel A, ref a and');
    const { uri } = await openCable(text);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: positionOf(text, 'ref A', 4),
      newName: 'C',
    });
    const renamed = apply(text, edit.changes![uri]);
    assert.match(renamed, /^REF: C\. BELGRADE 100 B\. STATE 118040$/m);
    assert.match(renamed, /The minister spoke \(ref C\)\./);
    assert.match(renamed, /see ref B, reftel C, ref c and/);
    const after = parse(renamed).cables[0];
    assert.deepEqual(
      after.references?.entries.map((e) => e.letter?.value),
      ['C', 'B'],
    );
    await client.close(uri);
  });

  test('a rename to a letter the REF line has, or to a word, is refused with a message', async () => {
    const { uri } = await openCable(BASE);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: positionOf(BASE, 'A. BELGRADE'), newName: 'B' }),
      /REF B is already on the REF line/,
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: positionOf(BASE, 'A. BELGRADE'), newName: 'ZZ' }),
      /one letter/,
    );
    await client.close(uri);
  });
});
