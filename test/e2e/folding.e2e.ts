// Folding ranges: every paragraph that spans several lines can be folded from its first line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, endOfBlock, lineStartingWith, openFixtureAndWaitForServer } from './helpers';

async function foldingRanges(uri: vscode.Uri): Promise<vscode.FoldingRange[]> {
  return (await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', uri)) ?? [];
}

async function assertParagraphsFold(fixture: string, paragraphs: string[]): Promise<void> {
  const { uri, document } = await openFixtureAndWaitForServer(fixture);
  const ranges = await foldingRanges(uri);
  assert.ok(ranges.length > 0, `no folding ranges for ${fixture}`);
  let fromLine = 0;
  for (const prefix of paragraphs) {
    const start = lineStartingWith(document, prefix, fromLine);
    fromLine = start + 1;
    const end = endOfBlock(document, start);
    if (end === start) continue; // a one-line paragraph has nothing to fold
    const found = ranges.find((r) => r.start === start);
    assert.ok(
      found,
      `paragraph ${prefix} (lines ${start + 1}-${end + 1}) has no folding range starting on line ${start + 1}; ranges: ${JSON.stringify(ranges.map((r) => [r.start + 1, r.end + 1]))}`,
    );
    assert.ok(found.end > start, `paragraph ${prefix}: folding range ends on line ${found.end + 1}`);
  }
}

suite('Folding ranges', () => {
  suiteTeardown(closeAllEditors);

  test('paragraphs of the multi-line header cable fold', async () => {
    await assertParagraphsFold('multi-line-header.cable', ['1. (C)', '2. (C)', '3. (SBU)', '4. (C)']);
  });

  test('paragraphs of the one-line header cable fold', async () => {
    await assertParagraphsFold('one-line-header.cable', ['1. (C)', '2. (C)', '3. (U)']);
  });

  test('paragraphs of both cables in a multi-cable file fold', async () => {
    await assertParagraphsFold('multi-cable.tel', ['1. (U)', '1. (C)', '2. (C)', '3. (C)']);
  });
});
