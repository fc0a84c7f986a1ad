// After an edit the parser reuses the cables the edit did not touch; no cable may keep an earlier
// version of the text alive: not the cables it parses again (an editing session on a large export
// would keep every version it ever parsed), and not the reused ones (they would keep the text the
// document was opened with).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parse } from '../../server/src/cable/parse';
import type { CableFile } from '../../server/src/cable/model';
import { crossReferences } from '../../server/src/analysis/crossReferences';
import { diagnosticsOf } from '../context';
import { corpusAvailable, corpusText, manifest } from '../util';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};

/** Corpus cables back to back, at least `size` characters. */
function exportText(size: number): string {
  const rows = manifest();
  const parts: string[] = [];
  for (let i = 0, length = 0; length < size; i++) {
    const t = corpusText(rows[i % rows.length].file);
    parts.push(t);
    length += t.length + 2;
  }
  // A character outside Latin-1 makes the engine store the text as UTF-16, as real exports are.
  return `\u2019${parts.join('\n\n')}`;
}

/** Heap growth (MB) over twenty scattered edits to a 4 MB export, `use` run on every version, and the text's size. */
function editSession(use: (model: CableFile) => void): { grewMB: number; textMB: number; cables: number } {
  let text = exportText(4_000_000);
  const textMB = (text.length * 2) / 1048576;
  let model = parse(text);
  use(model);
  const before = heapMB();
  for (let k = 1; k <= 20; k++) {
    const at = text.indexOf('\n', Math.floor(text.length * ((k * 0.37) % 1)));
    text = `${text.slice(0, at)} x${text.slice(at)}`;
    model = parse(text, model);
    use(model);
  }
  return { grewMB: heapMB() - before, textMB, cables: model.cables.length };
}

test(
  'twenty scattered edits to a 4 MB export keep no earlier version of its text',
  { skip: corpusAvailable() ? false : 'no corpus' },
  () => {
    const { grewMB, textMB, cables } = editSession(() => {});
    assert.ok(cables > 300);
    // The current text replaces the first; what remains is the cables' own copies of their strings
    // (about 3 MB here; 8.6 MB when the reused cables still held slices of the first text).
    assert.ok(grewMB < 0.5 * textMB, `the heap grew ${grewMB.toFixed(1)} MB for a ${textMB.toFixed(1)} MB text`);
  },
);

test(
  'results cached per cable (diagnostics, cross references) keep no earlier version of the text',
  { skip: corpusAvailable() ? false : 'no corpus' },
  () => {
    // They are computed from the text of the version they were first asked for, and live as long as
    // their cable, across later versions.
    const { grewMB, textMB } = editSession((model) => {
      diagnosticsOf(model, { uri: 'file:///export.cable' });
      crossReferences(model);
    });
    assert.ok(grewMB < 0.5 * textMB, `the heap grew ${grewMB.toFixed(1)} MB for a ${textMB.toFixed(1)} MB text`);
  },
);

// Lets the test ask V8 how it stores an object (one of its own test functions).
v8.setFlagsFromString('--allow-natives-syntax');
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- V8's natives syntax can only be compiled from a string
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

/** Objects (arrays included) and strings reachable from a model's cables, each counted once. */
function reachable(model: CableFile): { objects: object[]; strings: string[] } {
  const seen = new Set<object>();
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    for (const field of Object.values(value)) walk(field);
  };
  walk(model.cables);
  return { objects: [...seen], strings };
}

test(
  'cables moved by an edit are stored with fast properties like parsed ones, their copied strings one byte a character',
  { skip: corpusAvailable() ? false : 'no corpus' },
  () => {
    const text = exportText(300_000);
    const edited = `\n${text}`; // every cable moves down a line: all are copied, none parsed again
    const moved = reachable(parse(edited, parse(text)));
    const fresh = reachable(parse(edited));
    assert.ok(fresh.objects.length > 10_000);
    // A copy built field by field can turn into a dictionary (a hash table per object).
    const slow = (objects: object[]) => objects.filter((o) => !Array.isArray(o) && !hasFastProperties(o)).length;
    assert.equal(slow(moved.objects), slow(fresh.objects), 'objects stored as dictionaries');
    // The copies' strings are made by compactCopy; those within Latin-1 must be stored one byte a
    // character although the text they come from is not (v8.serialize tags one-byte strings '"').
    const copied = moved.strings.filter((s) => s.length >= 13 && !/[^\0-\xff]/.test(s));
    assert.ok(copied.length > 300, `${copied.length} strings copied`);
    const twoByte = copied.filter((s) => v8.serialize(s)[2] !== 0x22);
    assert.deepEqual(twoByte.slice(0, 3), [], `${twoByte.length} of ${copied.length} copies take two bytes a character`);
    // Whereas the fresh model's strings are views into the text, two bytes a character.
    assert.ok(fresh.strings.filter((s) => s.length >= 13 && !/[^\0-\xff]/.test(s)).some((s) => v8.serialize(s)[2] !== 0x22));
  },
);
