// node out/bench/grammar-run.js — runs benchGrammar over the whole corpus and prints the figures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir } from '../test/grammar/tokenize';
import { benchGrammar } from './grammar';

async function main(): Promise<void> {
  const files = fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const texts = files.map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));
  const r = await benchGrammar(texts);
  console.log(`corpus: ${files.length} files, ${(texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6).toFixed(1)} MB`);
  console.log(`cable grammar     ${r.oursMBps.toFixed(2)} MB/s`);
  console.log(`markdown grammar  ${r.markdownMBps.toFixed(2)} MB/s`);
  console.log(`ratio             ${r.ratio.toFixed(2)}x  (target >= 1.0)`);
  console.log(`slowest line      ${r.slowestLineMs.toFixed(1)} ms  (target <= 50)  ${r.slowestLine}`);
  console.log(`100 KB one-line header  ${r.oneLineHeader100KBms.toFixed(1)} ms`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
