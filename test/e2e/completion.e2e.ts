// Completion: TAGS codes are offered on the TAGS line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, waitFor } from './helpers';

suite('Completion', () => {
  suiteTeardown(closeAllEditors);

  test('TAGS codes are offered on the TAGS line', async () => {
    // An untitled copy whose TAGS line ends in ", P": PTER and PHUM appear in no sample, so
    // VS Code's word-based suggestions cannot satisfy the test; Text items are ignored anyway.
    const text = (await vscode.workspace.openTextDocument(fixtureUri('multi-line-header.cable'))).getText();
    const document = await vscode.workspace.openTextDocument({
      language: 'cable',
      content: text.replace('TAGS: ENRG, EPET, PREL, AU, RS', 'TAGS: ENRG, EPET, PREL, AU, RS, P'),
    });
    await vscode.window.showTextDocument(document);
    try {
      const line = document
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('TAGS: '));
      const position = new vscode.Position(line, document.lineAt(line).text.length);
      const labels = await waitFor('TAGS completions from the server', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          document.uri,
          position,
        );
        const items = (list?.items ?? []).filter((i) => i.kind !== vscode.CompletionItemKind.Text);
        const l = items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        return l.length > 0 ? l : undefined;
      });
      assert.ok(labels.includes('PTER') && labels.includes('PHUM'), `labels: ${labels.slice(0, 30).join(', ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
