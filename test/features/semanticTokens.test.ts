import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '../../server/src/cable/parse';
import { LEGEND, semanticTokens, semanticTokensInRange } from '../../server/src/features/semanticTokens';
import { contextFor, documentOf, NONE } from '../context';
import type { CableFile, Range } from '../../server/src/cable/model';

function tokensOf(model: CableFile, range: Range | undefined, limit: number) {
  const context = contextFor(model);
  return range
    ? semanticTokensInRange(context, { ...documentOf(context), range }, NONE, limit)
    : semanticTokens(context, documentOf(context), NONE, limit);
}
import { corpusAvailable, corpusText, fixture, manifest } from '../util';

interface Decoded {
  line: number;
  start: number;
  length: number;
  type: string;
  modifiers: string[];
  text: string;
}

function decode(text: string, data: readonly number[]): Decoded[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Decoded[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    const modifiers = LEGEND.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    out.push({
      line,
      start,
      length: data[i + 2],
      type: LEGEND.tokenTypes[data[i + 3]],
      modifiers,
      text: lines[line].slice(start, start + data[i + 2]),
    });
  }
  return out;
}

function check(tokens: readonly Decoded[], text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    assert.ok(t.length > 0 && t.start + t.length <= lines[t.line].length, `token inside its line: ${JSON.stringify(t)}`);
    const previous = tokens[i - 1];
    if (previous) assert.ok(previous.line < t.line || previous.start + previous.length <= t.start, 'strictly increasing, no overlap');
  }
}

test('semantic tokens of a multi-line header cable', () => {
  const text = fixture('multiLine.cable');
  const tokens = decode(text, tokensOf(parse(text), undefined, 10_000).data);
  check(tokens, text);
  const find = (s: string) => tokens.find((t) => t.text === s);
  assert.deepEqual(find('RUEHTA'), { line: 2, start: 3, length: 6, type: 'routingIndicator', modifiers: [], text: 'RUEHTA' });
  assert.equal(find('SSSSS')?.type, 'classification');
  assert.deepEqual(find('SSSSS')?.modifiers, ['secret']);
  assert.equal(find('200556Z JAN 09')?.type, 'dateTime');
  assert.deepEqual(find('(S//NF)')?.modifiers, ['secret', 'noforn']);
  assert.equal(find('ASTANA 00000095 002 OF 002')?.type, 'pageHeader');
  assert.equal(find('PRIORITY')?.type, 'precedence');
  assert.equal(find('HOAGLAND')?.type, 'signature');
  assert.equal(find('END SUMMARY.')?.type, 'blockMarker');
});

test('a marking above the overall classification and an unknown RI carry modifiers', () => {
  const text =
    'VZCZCXRO0001\nRR RUEHQQZ\nDE RUEHBW #0001 0011200\nZNY CCCCC ZZH\nR 011200Z JAN 09\nFM AMEMBASSY BELGRADE\nTO RUEHC/SECSTATE WASHDC 0001\n\nC O N F I D E N T I A L BELGRADE 000001\n\n1. (S) Too high.\n2. (C) Fine.\n';
  const tokens = decode(text, tokensOf(parse(text), undefined, 10_000).data);
  assert.deepEqual(tokens.find((t) => t.text === '(S)')?.modifiers, ['secret', 'aboveOverall']);
  assert.deepEqual(tokens.find((t) => t.text === '(C)')?.modifiers, ['confidential']);
  assert.deepEqual(tokens.find((t) => t.text === 'RUEHQQZ')?.modifiers, ['unknown']);
  assert.deepEqual(tokens.find((t) => t.text === 'RUEHBW')?.modifiers, []);
});

test('one-line header fields are tokens too; range requests return a subset; the cap holds', () => {
  const text = fixture('oneLine.cable');
  const model = parse(text);
  const all = decode(text, tokensOf(model, undefined, 10_000).data);
  check(all, text);
  assert.ok(
    ['VZCZCXRO0825', 'RUEHC', '#5608', '3312058', 'UUUUU', 'RUEHBW', 'IMMEDIATE', '0001'].every((s) =>
      all.some((t) => t.line === 0 && t.text === s),
    ),
  );
  const ranged = decode(text, tokensOf(model, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, 10_000).data);
  assert.ok(ranged.length > 0 && ranged.every((t) => t.line >= 1 && t.line <= 2));
  const capped = tokensOf(model, undefined, 3);
  assert.equal(capped.data.length, 15);
  assert.ok(all.length > 3);
});

test('every corpus cable gives valid semantic tokens', { skip: corpusAvailable() ? false : 'no corpus' }, () => {
  let total = 0;
  for (const row of manifest()) {
    const text = corpusText(row.file);
    const tokens = decode(text, tokensOf(parse(text), undefined, 1_000_000).data);
    check(tokens, text);
    total += tokens.length;
  }
  console.log(`${total} semantic tokens over the corpus`);
});
