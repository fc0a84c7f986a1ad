import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completion } from '../../server/src/features/completion';
import { contextFor, documentOf, NONE } from '../context';
import { at, CABLE, LINE, lineOf } from './cables';

function complete(text: string, position: { line: number; character: number }) {
  const context = contextFor(text);
  return completion(context, { ...documentOf(context), position }, NONE);
}

test('completion on the TAGS line offers tags that start with what is typed, and replaces the typed word', () => {
  const position = at(CABLE, LINE.tags, 'SR', 1);
  const list = complete(CABLE, position);
  assert.equal(list.isIncomplete, true, 'the list narrows as the user types');
  assert.ok(list.items.length > 0);
  // Tags that start with the typed letters come first; tags whose meaning matches follow.
  assert.ok(
    list.items.slice(0, 10).every((i) => i.label.startsWith('S')),
    list.items.map((i) => i.label).join(' '),
  );
  const sr = list.items.find((i) => i.label === 'SR');
  assert.ok(sr, 'SR (Serbia) offered');
  assert.deepEqual((sr.textEdit as { range: unknown }).range, {
    start: { line: LINE.tags, character: position.character - 1 },
    end: position,
  });
});

test('completion after a paragraph number offers markings, those the cable allows first', () => {
  const list = complete(CABLE, { line: LINE.summary, character: 3 });
  const order = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
  assert.deepEqual(order.slice(0, 3), ['(U)', '(SBU)', '(C)'], 'a CONFIDENTIAL cable: U, SBU and C before the levels above it');
  const secret = list.items.find((i) => i.label === '(S)')!;
  assert.match(secret.documentation as string, /Above the cable's classification \(CONFIDENTIAL\)/);
});

test('completion on a TO line offers routing indicators with their station; after the address, precedence words', () => {
  const text = CABLE.replace(lineOf(CABLE, LINE.to), 'TO RUEHB');
  const list = complete(text, { line: LINE.to, character: 8 });
  assert.ok(
    list.items.some((i) => i.label === 'RUEHBW/AMEMBASSY BELGRADE'),
    list.items
      .slice(0, 5)
      .map((i) => i.label)
      .join(', '),
  );
  assert.ok(list.items.every((i) => i.label.startsWith('RUEHB')));
  const after = CABLE.replace(lineOf(CABLE, LINE.to), 'TO RUEHC/SECSTATE WASHDC ');
  const words = complete(after, { line: LINE.to, character: 'TO RUEHC/SECSTATE WASHDC '.length }).items.map((i) => i.label);
  assert.deepEqual(words, ['FLASH', 'NIACT IMMEDIATE', 'IMMEDIATE', 'PRIORITY', 'ROUTINE']);
});

test('completion in the front matter offers captions; "End Summary." only while a summary is open', () => {
  assert.ok(complete(CABLE, { line: 12, character: 0 }).items.some((i) => i.label === 'SIPDIS'));
  const open = CABLE.replace(' End Summary.', '');
  assert.deepEqual(
    complete(open, { line: LINE.summary + 1, character: 0 }).items.map((i) => i.label),
    ['End Summary.'],
  );
  assert.deepEqual(
    complete(CABLE, { line: LINE.summary + 1, character: 0 }).items.map((i) => i.label),
    [],
  );
});
