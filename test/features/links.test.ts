import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '../../server/src/cable/parse';
import { definition, documentLinks } from '../../server/src/features/links';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { textAt } from '../util';
import { contextFor, documentOf, NONE, URI } from '../context';
import { at, CABLE, LINE } from './cables';

const CITED_URI = 'file:///work/other/08BELGRADE100.cable';
/** The cable REF A cites (BELGRADE 100 of 2008), in another file. */
const CITED = CABLE.replace(/#0123/g, '#0100')
  .replace('BELGRADE 000123', 'BELGRADE 000100')
  .replace('BELGRADE 00000123', 'BELGRADE 00000100');

function workspace(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.update(URI, parse(CABLE));
  index.update(CITED_URI, parse(CITED));
  return index;
}

test('document links: ref A, ref B and para 3 lead to their REF entries and paragraph, with a tooltip', () => {
  const context = contextFor(CABLE);
  const links = documentLinks(context, documentOf(context), NONE).map((l) => [textAt(CABLE, l.range), l.target, l.tooltip]);
  assert.deepEqual(links, [
    ['ref A', `${URI}#L18,6`, 'Go to REF A'],
    ['para 3', `${URI}#L28,1`, 'Go to paragraph 3'],
    ['ref B', `${URI}#L18,22`, 'Go to REF B'],
  ]);
});

test('a REF entry whose cable is in the workspace links to that file; one that is not gets no link', () => {
  const context = contextFor(CABLE, { workspace: workspace() });
  const toOther = documentLinks(context, documentOf(context), NONE).filter((l) => l.target!.startsWith(CITED_URI));
  assert.deepEqual(
    toOther.map((l) => [textAt(CABLE, l.range), l.tooltip]),
    [['BELGRADE 100', 'Open 08BELGRADE100']],
  );
  assert.equal(toOther[0].target, `${CITED_URI}#L10,1`, "at the cited cable's classification line");
});

test('definition: para 3 → paragraph 3; ref B → REF entry B; the REF entry itself → the cited cable in another file', () => {
  const context = contextFor(CABLE, { workspace: workspace() });
  const go = (position: { line: number; character: number }) => definition(context, { ...documentOf(context), position }, NONE);
  assert.deepEqual(go(at(CABLE, LINE.paragraph2, 'para 3', 2)), [
    { uri: URI, range: { start: { line: LINE.paragraph3, character: 0 }, end: { line: LINE.paragraph3, character: 6 } } },
  ]);
  const refB = go(at(CABLE, LINE.paragraph2, 'ref B', 1));
  assert.equal(textAt(CABLE, refB[0].range), 'B. STATE 118040');
  assert.deepEqual(
    go(at(CABLE, LINE.references, 'BELGRADE 100', 3)).map((l) => l.uri),
    [CITED_URI],
  );
  assert.deepEqual(go(at(CABLE, LINE.references, 'STATE 118040', 3)), [], 'a cable the workspace does not hold');
  assert.deepEqual(go({ line: LINE.summary, character: 10 }), [], 'plain text');
});

test('paras 1-3 leads to each paragraph of the range; a range past the last paragraph to those that exist', () => {
  const text = CABLE.replace('see ref B and para 3.', 'see paras 1-3 and paras 3-99.');
  const context = contextFor(text);
  const go = (needle: string) =>
    definition(context, { ...documentOf(context), position: at(text, LINE.paragraph2, needle, 1) }, NONE).map((l) => l.range.start.line);
  assert.deepEqual(go('paras 1-3'), [LINE.summary, LINE.paragraph2, LINE.paragraph3]);
  assert.deepEqual(go('paras 3-99'), [LINE.paragraph3]);
});
