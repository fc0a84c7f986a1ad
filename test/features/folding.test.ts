import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldingOf } from '../context';
import { parse } from '../../server/src/cable/parse';
import { CABLE, LINE, TWO_CABLES } from './cables';

test('folding: the header folds as imports, a paragraph that spans lines as a region; one-line elements do not fold', () => {
  const { ranges, omitted } = foldingOf(parse(CABLE));
  assert.deepEqual(ranges, [
    { startLine: LINE.header, endLine: 7, kind: 'imports' },
    { startLine: LINE.paragraph2, endLine: LINE.bullet, kind: 'region' },
  ]);
  assert.equal(omitted, 0);
});

test('folding: each cable of a multi-cable file is a region, before its own ranges, in order', () => {
  const { ranges } = foldingOf(parse(TWO_CABLES));
  const second = 30;
  assert.deepEqual(ranges, [
    { startLine: 0, endLine: 29, kind: 'region' },
    { startLine: LINE.header, endLine: 7, kind: 'imports' },
    { startLine: LINE.paragraph2, endLine: LINE.bullet, kind: 'region' },
    { startLine: second, endLine: 59, kind: 'region' },
    { startLine: second + LINE.header, endLine: second + 7, kind: 'imports' },
    { startLine: second + LINE.paragraph2, endLine: second + LINE.bullet, kind: 'region' },
  ]);
});

test('folding: the cap keeps the first ranges and counts the rest', () => {
  const { ranges, omitted } = foldingOf(parse(TWO_CABLES), 2);
  assert.equal(ranges.length, 2);
  assert.equal(omitted, 4);
  assert.deepEqual(ranges[0], { startLine: 0, endLine: 29, kind: 'region' });
});
