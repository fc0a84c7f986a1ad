// Cables usually arrive as .txt: detection is opt-in (cable.detectPlainText), plus a command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, LANGUAGE_ID, waitFor } from './helpers';

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

suite('Plain-text detection', () => {
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('cable').update('detectPlainText', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('with cable.detectPlainText off (the default) a .txt cable stays plain text', async () => {
    const document = await open('detect-off.txt');
    // Give the extension time to act if it (wrongly) would; then check nothing changed.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(document.languageId, 'plaintext');
  });

  test('with cable.detectPlainText on, a .txt that starts like a cable becomes a cable, other text does not', async () => {
    await vscode.workspace.getConfiguration('cable').update('detectPlainText', true, vscode.ConfigurationTarget.Global);
    const cable = await open('detect-on.txt');
    await waitFor('detect-on.txt to switch to the cable language', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === cable.uri.toString() && d.languageId === LANGUAGE_ID),
    );
    const notes = await open('notes.txt');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(notes.languageId, 'plaintext');
  });

  test('"Cable: Treat this File as a Cable" switches the active document', async () => {
    await vscode.workspace.getConfiguration('cable').update('detectPlainText', false, vscode.ConfigurationTarget.Global);
    const document = await open('notes.txt');
    await vscode.commands.executeCommand('cable.treatAsCable');
    await waitFor('notes.txt to become a cable', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.uri.toString() && d.languageId === LANGUAGE_ID),
    );
  });
});
