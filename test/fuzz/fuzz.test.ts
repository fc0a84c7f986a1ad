import { test } from 'node:test';
import fc from 'fast-check';
import { anyText, checkAllFeatures, probes } from './properties';

test('fuzz (short): every feature on random text and mutated cables keeps its invariants', () => {
  fc.assert(
    fc.property(anyText, probes, (text, p) => checkAllFeatures(text, p)),
    { numRuns: 1500 },
  );
});
