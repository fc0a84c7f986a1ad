// Hovers: routing indicators show their station, TAGS show their meaning.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, hoverText, openFixtureAndWaitForServer, positionOf } from './helpers';

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hoverText(hovers);
}

suite('Hover', () => {
  suiteTeardown(closeAllEditors);

  test('the originating routing indicator (FL3 DE) shows its station', async () => {
    const { uri, document } = await openFixtureAndWaitForServer('multi-line-header.cable');
    const text = await hoverAt(uri, positionOf(document, 'DE RUEHVI', 4));
    assert.match(text, /AMEMBASSY VIENNA/i);
  });

  test('an addressee routing indicator shows its station', async () => {
    const { uri, document } = await openFixtureAndWaitForServer('multi-line-header.cable');
    const text = await hoverAt(uri, positionOf(document, 'RUEHC/SECSTATE', 2));
    assert.match(text, /SECSTATE WASHDC/i);
  });

  test('a routing indicator inside a one-line header shows its station', async () => {
    const { uri, document } = await openFixtureAndWaitForServer('one-line-header.cable');
    const text = await hoverAt(uri, positionOf(document, 'DE RUEHMO', 4));
    assert.match(text, /MOSCOW/i);
  });

  test('a TAGS code shows its meaning', async () => {
    const { uri, document } = await openFixtureAndWaitForServer('multi-line-header.cable');
    const text = await hoverAt(uri, positionOf(document, 'ENRG', 1));
    assert.match(text, /Energy/i);
  });
});
