import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SelectionRange } from 'vscode-languageserver';
import { selectionRanges } from '../../server/src/features/selectionRanges';
import { textAt } from '../util';
import { contextFor, documentOf, NONE } from '../context';
import { at, CABLE, LINE, lineOf } from './cables';

function chain(range: SelectionRange): string[] {
  const texts: string[] = [];
  for (let r: SelectionRange | undefined = range; r; r = r.parent) texts.push(textAt(CABLE, r.range).split('\n')[0]);
  return texts;
}

test('selection ranges grow word → marking → paragraph → text → cable → file', () => {
  const context = contextFor(CABLE);
  const [inMarking, inWord] = selectionRanges(
    context,
    { ...documentOf(context), positions: [at(CABLE, LINE.paragraph2, '(C)', 1), at(CABLE, LINE.paragraph2, 'added', 2)] },
    NONE,
  );
  assert.deepEqual(chain(inMarking), [
    '(C)',
    '2. (C) He added points, see ref B and para 3.',
    'C O N F I D E N T I A L SECTION 01 OF 02 BELGRADE 000123',
    'VZCZCXRO0123',
  ]);
  // The marking is a word of its own (language-configuration.json's word pattern); the next step is the paragraph.
  assert.equal(inMarking.parent!.range.end.line, LINE.bullet);
  assert.deepEqual(chain(inWord).slice(0, 2), ['added', '2. (C) He added points, see ref B and para 3.']);
  for (const c of [inMarking, inWord]) {
    for (let r: SelectionRange | undefined = c; r?.parent; r = r.parent) {
      const { start, end } = r.range;
      const outer = r.parent.range;
      const inside =
        (outer.start.line < start.line || (outer.start.line === start.line && outer.start.character <= start.character)) &&
        (end.line < outer.end.line || (end.line === outer.end.line && end.character <= outer.end.character));
      assert.ok(inside, 'each range lies inside its parent');
      assert.notDeepEqual(r.range, outer, 'no step repeats the one before');
    }
  }
});

test('selection ranges in the header: a routing indicator, then the header, then the cable', () => {
  const context = contextFor(CABLE);
  const [ri] = selectionRanges(context, { ...documentOf(context), positions: [at(CABLE, LINE.to, 'RUEHC/', 2)] }, NONE);
  assert.deepEqual(ri.range, { start: { line: LINE.to, character: 3 }, end: { line: LINE.to, character: 8 } });
  assert.deepEqual(ri.parent!.range, { start: { line: 0, character: 0 }, end: { line: 7, character: lineOf(CABLE, 7).length } });
});

test('a position on a blank line past the text still gets the file', () => {
  const context = contextFor(`${CABLE}\n\n`);
  const [blank] = selectionRanges(context, { ...documentOf(context), positions: [{ line: 31, character: 0 }] }, NONE);
  let last = blank;
  while (last.parent) last = last.parent;
  assert.deepEqual(last.range.start, { line: 0, character: 0 });
  assert.equal(last.range.end.line, 31);
});
