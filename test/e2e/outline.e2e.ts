// Document symbols (the Outline view): numbered paragraphs appear as written, on their own lines.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  documentSymbols,
  FlatSymbol,
  fixtureUri,
  flattenSymbols,
  lineStartingWith,
  openFixtureAndWaitForServer,
  waitFor,
} from './helpers';

/** Paragraph symbols in document order: names that begin like a numbered paragraph. */
function paragraphSymbols(symbols: FlatSymbol[]): FlatSymbol[] {
  return symbols.filter((s) => /^\d+\.\s*(\(|\S)/.test(s.name)).sort((a, b) => a.range.start.compareTo(b.range.start));
}

/**
 * Asserts the outline of `fixture` lists exactly the numbered paragraphs `expected` (prefixes of
 * the symbol names, as written in the file), in order, each starting on the paragraph's line.
 */
async function assertParagraphOutline(fixture: string, expected: string[]): Promise<void> {
  const { document, symbols } = await openFixtureAndWaitForServer(fixture);
  const flat = flattenSymbols(symbols);
  const paragraphs = paragraphSymbols(flat);
  const names = paragraphs.map((p) => p.name);
  assert.equal(
    paragraphs.length,
    expected.length,
    `expected paragraphs ${JSON.stringify(expected)}, outline has ${JSON.stringify(flat.map((s) => s.name))}`,
  );
  let fromLine = 0;
  expected.forEach((prefix, i) => {
    assert.ok(names[i].startsWith(prefix), `paragraph ${i + 1}: ${JSON.stringify(names[i])} should start with ${JSON.stringify(prefix)}`);
    const line = lineStartingWith(document, prefix, fromLine);
    assert.equal(paragraphs[i].range.start.line, line, `${prefix} should start on line ${line + 1}`);
    assert.ok(paragraphs[i].range.contains(paragraphs[i].selectionRange), `${prefix}: selectionRange inside range`);
    fromLine = line + 1;
  });
}

suite('Outline (document symbols)', () => {
  suiteTeardown(closeAllEditors);

  test('multi-line header cable lists its paragraphs as written', async () => {
    await assertParagraphOutline('multi-line-header.cable', ['1. (C)', '2. (C)', '3. (SBU)', '4. (C)']);
  });

  test('one-line header cable lists its paragraphs as written', async () => {
    await assertParagraphOutline('one-line-header.cable', ['1. (C)', '2. (C)', '3. (U)']);
  });

  test('malformed cable still lists its paragraphs, numbers as written', async () => {
    await assertParagraphOutline('malformed.cable', ['1. (C)', '2. (S)', '2. (S)', '5.', '6. (TS)', '7. (C)', '8. (C']);
  });

  test('multi-cable file lists the paragraphs of both cables', async () => {
    await assertParagraphOutline('multi-cable.tel', ['1. (U)', '2. (U)', '1. (C)', '2. (C)', '3. (C)']);
  });

  test('an untitled cable document gets an outline that follows edits', async () => {
    const text = (await vscode.workspace.openTextDocument(fixtureUri('one-line-header.cable'))).getText();
    const document = await vscode.workspace.openTextDocument({ language: 'cable', content: text });
    await vscode.window.showTextDocument(document);
    try {
      assert.equal(document.languageId, 'cable');
      await waitFor(
        'outline of the untitled cable',
        async () => paragraphSymbols(flattenSymbols(await documentSymbols(document.uri))).length === 3,
      );
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(document.lineCount, 0), '\n4. (C) A paragraph added by the test.\n');
      assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
      const names = await waitFor('the added paragraph in the outline', async () => {
        const n = paragraphSymbols(flattenSymbols(await documentSymbols(document.uri))).map((p) => p.name);
        return n.some((name) => name.startsWith('4. (C)')) ? n : undefined;
      });
      assert.equal(names.length, 4, JSON.stringify(names));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
