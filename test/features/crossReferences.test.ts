import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossReferences } from '../../server/src/analysis/crossReferences';
import { paragraphsNumbered, referenceEntry } from '../../server/src/analysis/resolve';
import { parse } from '../../server/src/cable/parse';
import { textAt } from '../util';
import { CABLE, LINE } from './cables';

function found(text: string) {
  return crossReferences(parse(text)).map((r) => ({ kind: r.kind, text: textAt(text, r.range), line: r.range.start.line }));
}

test('cross references: ref A, ref B, para 3 in the body; nothing on the REF line itself', () => {
  assert.deepEqual(found(CABLE), [
    { kind: 'reference', text: 'ref A', line: LINE.summary },
    { kind: 'paragraph', text: 'para 3', line: LINE.paragraph2 },
    { kind: 'reference', text: 'ref B', line: LINE.paragraph2 },
  ]);
});

test('cross references: paragraph ranges in their spellings, reftel, and reference ids', () => {
  const text = CABLE.replace('see ref B and para 3.', 'see paras 1-3, paragraphs 2 through 3, para 2, reftel and 08STATE118040.');
  const refs = crossReferences(parse(text)).filter((r) => r.range.start.line === LINE.paragraph2);
  assert.deepEqual(
    refs.map((r) => [r.kind, textAt(text, r.range)]),
    [
      ['paragraph', 'paras 1-3'],
      ['paragraph', 'paragraphs 2 through 3'],
      ['paragraph', 'para 2'],
      ['reference', 'reftel'],
      ['referenceId', '08STATE118040'],
    ],
  );
  const ranges = refs.filter((r) => r.kind === 'paragraph').map((r) => (r.kind === 'paragraph' ? [r.first, r.last] : []));
  assert.deepEqual(ranges, [
    [1, 3],
    [2, 3],
    [2, 2],
  ]);
});

test('"para 2 of reftel" and "STATE 1234 para 4" point into another telegram: not this cable\'s paragraphs', () => {
  const text = CABLE.replace('see ref B and para 3.', 'see ref B para 4 and STATE 118040 para 5.');
  assert.deepEqual(
    found(text).filter((r) => r.kind === 'paragraph'),
    [],
  );
});

test('reference resolution: a letter finds its entry; a bare reftel only when the REF line has one entry', () => {
  const cable = parse(CABLE).cables[0];
  assert.equal(referenceEntry(cable, 'B')?.text, 'STATE 118040');
  assert.equal(referenceEntry(cable, 'D'), undefined);
  assert.equal(referenceEntry(cable, undefined), undefined, 'two entries: a bare reftel is ambiguous');
  const single = parse(CABLE.replace('REF: A. BELGRADE 100 B. STATE 118040', 'REF: STATE 118040')).cables[0];
  assert.equal(referenceEntry(single, undefined)?.text, 'STATE 118040');
});

test('paragraph resolution: in document order, at most 50 beyond the first of a range', () => {
  const cable = parse(CABLE).cables[0];
  assert.deepEqual(
    paragraphsNumbered(cable, 2, 3).map((p) => p.number.value),
    [2, 3],
  );
  assert.deepEqual(paragraphsNumbered(cable, 4, 9), []);
  const many = parse(
    `${CABLE.slice(0, CABLE.indexOf('1. (C)'))}${Array.from({ length: 60 }, (_, i) => `${i + 1}. (C) Paragraph ${i + 1}.\n`).join('\n')}`,
  ).cables[0];
  assert.equal(many.paragraphs.length, 60);
  assert.deepEqual(
    paragraphsNumbered(many, 1, 999).map((p) => p.number.value),
    Array.from({ length: 51 }, (_, i) => i + 1),
  );
});
