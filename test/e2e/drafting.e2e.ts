// Drafting: Format Document unfolds a one-line transmission header; Cable: New Cable… opens a
// skeleton with no error-level diagnostic.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  diagnosticCodes,
  documentSymbols,
  fixtureUri,
  openFixtureAndWaitForServer,
  waitFor,
  waitForDiagnostics,
} from './helpers';

suite('Drafting', () => {
  suiteTeardown(closeAllEditors);

  test('Format Document on the one-line-header cable gives the multi-line header', async () => {
    // An untitled copy: the fixture itself stays one-line for the other suites.
    const text = (await vscode.workspace.openTextDocument(fixtureUri('one-line-header.cable'))).getText();
    const document = await vscode.workspace.openTextDocument({ language: 'cable', content: text });
    await vscode.window.showTextDocument(document);
    try {
      await waitFor('the server to parse the copy', async () => (await documentSymbols(document.uri)).length > 0);
      await vscode.commands.executeCommand('editor.action.formatDocument');
      await waitFor('the formatted header', () => document.lineAt(0).text === 'VZCZCXRO0457');
      const header = document.getText().split('\n').slice(0, 9);
      assert.deepEqual(header, [
        'VZCZCXRO0457',
        'OO RUEHDBU RUEHLN RUEHVK RUEHYG',
        'DE RUEHMO #0734 0821520',
        'ZNY CCCCC ZZH',
        'O 231520Z MAR 09',
        'FM AMEMBASSY MOSCOW',
        'TO RUEHC/SECSTATE WASHDC IMMEDIATE 2760',
        'INFO RUCNCIS/CIS COLLECTIVE PRIORITY',
        'RUEHVI/AMEMBASSY VIENNA PRIORITY 0218',
      ]);
      assert.equal(document.getText().replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'no word changed');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('Cable: New Cable… opens a skeleton with no error-level diagnostic', async () => {
    await vscode.commands.executeCommand('cable.newCable', {
      from: { ri: 'RUEHBW', name: 'AMEMBASSY BELGRADE' },
      to: [{ ri: 'RUEHC', name: 'SECSTATE WASHDC' }],
      info: [{ ri: 'RUEHMO', name: 'AMEMBASSY MOSCOW' }],
      level: 'C',
      tags: ['PREL', 'PGOV', 'SR'],
      subject: 'SERBIA: A NEW CABLE',
    });
    const editor = await waitFor('the new cable', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.languageId === 'cable' && active.document.getText().startsWith('VZCZC') ? active : undefined;
    });
    const document = editor.document;
    try {
      assert.match(document.getText(), /^C O N F I D E N T I A L BELGRADE \d{6}$/m);
      assert.match(document.getText(), /^Classified By: /m);
      await waitFor('the server to parse the new cable', async () => (await documentSymbols(document.uri)).length > 0);
      // Once the malformed sample has its diagnostics, the server has answered for the new cable too.
      const { uri } = await openFixtureAndWaitForServer('malformed.cable');
      await waitForDiagnostics(uri);
      const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(
        errors.map((e) => `${e.range.start.line + 1}: [${diagnosticCodes([e])[0]}] ${e.message}`),
        [],
      );
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
