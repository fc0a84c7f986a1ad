// The extension is found, activates on a cable document and maps the cable file types.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, getExtension, LANGUAGE_ID, openFixture, openFixtureAndWaitForServer, waitFor } from './helpers';

suite('Activation and language id', () => {
  suiteTeardown(closeAllEditors);

  test('a .cable file gets the cable language id', async () => {
    const { document } = await openFixture('multi-line-header.cable');
    assert.equal(document.languageId, LANGUAGE_ID);
  });

  test('a .tel file gets the cable language id', async () => {
    const { document } = await openFixture('multi-cable.tel');
    assert.equal(document.languageId, LANGUAGE_ID);
  });

  test('the extension activates without error', async () => {
    const ext = getExtension();
    await openFixture('one-line-header.cable');
    // onLanguage:cable activates it; activate() rejects if activation threw.
    await ext.activate();
    await waitFor('extension to become active', () => ext.isActive);
    assert.equal(ext.isActive, true);
  });

  test('the language server answers for a cable document', async () => {
    const { symbols } = await openFixtureAndWaitForServer('multi-line-header.cable');
    assert.ok(symbols.length > 0);
  });

  test('the cable language is registered with VS Code', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes(LANGUAGE_ID), `registered languages: ${languages.join(', ')}`);
  });
});
