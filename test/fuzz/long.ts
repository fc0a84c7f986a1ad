/**
 * `npm run fuzz`: the property of test/fuzz/fuzz.test.ts at scale. `FUZZ_RUNS` (default 1,000,000)
 * cases in batches, with progress; prints the seed of any failure so it can be replayed.
 */
import fc from 'fast-check';
import { anyText, checkAllFeatures, probes } from './properties';

const total = Number(process.env.FUZZ_RUNS ?? 1_000_000);
const batch = 10_000;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const started = Date.now();
let done = 0;
for (let b = 0; done < total; b++) {
  const runs = Math.min(batch, total - done);
  const result = fc.check(
    fc.property(anyText, probes, (text, p) => checkAllFeatures(text, p)),
    { numRuns: runs, seed: seed + b },
  );
  if (result.failed) {
    console.error(`fuzz: failure after ${done} cases (seed ${seed + b}, path ${result.counterexamplePath}):`);
    console.error(JSON.stringify(result.counterexample)?.slice(0, 2000));
    console.error(String(result.errorInstance));
    console.log(`${done} passed, 1 failed`);
    process.exit(1);
  }
  done += runs;
  if (b % 10 === 0 || done === total) console.log(`fuzz: ${done} cases, 0 failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
console.log(`${done} passed, 0 failed`);
