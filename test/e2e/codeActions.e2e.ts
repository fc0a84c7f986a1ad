// Code actions: quick fixes for problems found by the diagnostics, applied through the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticCodes, openFixtureAndWaitForServer, positionOf, waitForDiagnostics } from './helpers';

async function quickFixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? []
  );
}

suite('Code actions', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
  suiteTeardown(closeAllEditors);

  test('an ISO country code in TAGS (RU) gets a quick fix to the TAGS code (RS)', async () => {
    const { uri, document } = await openFixtureAndWaitForServer('malformed.cable');
    const start = positionOf(document, 'XX, RU', 4);
    const range = new vscode.Range(start, start.translate(0, 2));
    await waitForDiagnostics(uri, (d) => d.some((x) => x.range.contains(start) && diagnosticCodes([x])[0] === 'cable/tags-iso-code'));
    const actions = await quickFixesAt(uri, range);
    assert.ok(
      actions.some((a) => /\bRS\b/.test(a.title)),
      `actions: ${actions.map((a) => a.title).join(' | ')}`,
    );
    assert.ok(
      actions.some((a) => a.title === 'Disable rule cable/tags-iso-code in settings'),
      'every diagnostic offers to disable its rule',
    );
  });

  test('applying "Close the marking" removes the unclosed-marking error', async () => {
    const { uri, document } = await openFixtureAndWaitForServer('malformed.cable');
    const start = positionOf(document, '(C An unclosed');
    const range = new vscode.Range(start, start.translate(0, 2));
    await waitForDiagnostics(uri, (d) => d.some((x) => diagnosticCodes([x])[0] === 'cable/marking-unclosed'));
    const fix = (await quickFixesAt(uri, range)).find((a) => a.title.startsWith('Close the marking'));
    assert.ok(fix?.edit, 'a quick fix with an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(document.getText().includes('8. (C) An unclosed marking.'));
    await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => diagnosticCodes([x])[0] === 'cable/marking-unclosed'));
  });
});
