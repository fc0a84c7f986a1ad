// Code actions: quick fixes for problems found by the diagnostics.
// Waiting on the server's code actions: tests are `laterTest` (pending unless CABLE_E2E_ALL=1).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, laterTest, openFixtureAndWaitForServer, positionOf, waitForDiagnostics } from './helpers';

suite('Code actions', () => {
  suiteTeardown(closeAllEditors);

  laterTest('an ISO country code in TAGS (RU) gets a quick fix to the TAGS code (RS)', async () => {
    const { uri, document } = await openFixtureAndWaitForServer('malformed.cable');
    const start = positionOf(document, 'XX, RU', 4);
    const range = new vscode.Range(start, start.translate(0, 2));
    await waitForDiagnostics(uri, (d) => d.some((x) => x.range.contains(start)));
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    assert.ok(
      actions.some((a) => /\bRS\b/.test(a.title)),
      `actions: ${actions.map((a) => a.title).join(' | ')}`,
    );
  });
});
