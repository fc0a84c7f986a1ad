import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import { parse } from '../../server/src/cable/parse';
import type { Position, Range } from '../../server/src/cable/model';
import { foldingOf, outlineOf } from '../context';
import { corpusAvailable, corpusText, fixture, manifest } from '../util';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** The invariants VS Code enforces or relies on for the Outline, breadcrumbs and sticky scroll. */
function symbolProblems(symbols: readonly DocumentSymbol[], lines: readonly string[], parent?: DocumentSymbol): string[] {
  const problems: string[] = [];
  symbols.forEach((s, i) => {
    if (!inside(s.selectionRange, s.range)) problems.push(`${s.name}: selectionRange outside range`);
    if (parent && !inside(s.range, parent.range)) problems.push(`${s.name}: outside its parent ${parent.name}`);
    const next = symbols[i + 1];
    if (next && !before(s.range.end, next.range.start)) problems.push(`${s.name} and ${next.name} overlap or are out of order`);
    if (!s.name.trim()) problems.push('a symbol without a name');
    const numbered = /^(\d+)\.\s/.exec(s.name);
    if (numbered && s.kind === 16) {
      const written = lines[s.selectionRange.start.line].slice(s.selectionRange.start.character);
      if (!written.startsWith(`${numbered[1]}`)) problems.push(`${s.name}: the text at its selection reads "${written.slice(0, 12)}"`);
    }
    problems.push(...symbolProblems(s.children ?? [], lines, s));
  });
  return problems;
}

function foldingProblems(ranges: readonly FoldingRange[], lineCount: number): string[] {
  return ranges
    .filter((r) => r.startLine < 0 || r.endLine >= lineCount || r.endLine <= r.startLine)
    .map((r) => `bad folding range ${r.startLine}-${r.endLine}`);
}

test('outline and folding invariants on the fixtures and a multi-cable file', () => {
  const text = ['multiLine.cable', 'oneLine.cable', 'old.cable', 'collapsed.cable', 'partialCrlf.cable'].map(fixture).join('\n\n');
  const model = parse(text);
  const lines = text.split(/\r\n|\r|\n/);
  const { symbols } = outlineOf(model, 5000);
  assert.equal(symbols.length, 5);
  assert.deepEqual(symbolProblems(symbols, lines), []);
  assert.deepEqual(foldingProblems(foldingOf(model, 5000).ranges, lines.length), []);
});

test('the outline cap bounds the whole tree and counts what it left out', () => {
  const model = parse(fixture('multiLine.cable'));
  const full = outlineOf(model, 5000);
  const count = (list: readonly DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  const total = count(full.symbols);
  const capped = outlineOf(model, 10);
  assert.equal(count(capped.symbols), 10);
  assert.equal(capped.omitted, total - 10);
  assert.equal(full.omitted, 0);
});

test('a capped outline never drops a cable: cables first, then paragraphs, then header fields', () => {
  const text = ['multiLine.cable', 'oneLine.cable', 'old.cable', 'collapsed.cable', 'multiLine.cable'].map(fixture).join('\n\n');
  const model = parse(text);
  const count = (list: readonly DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  const isHeader = (s: DocumentSymbol) => /^Transmission header/.test(s.name);
  const cables = model.cables.length;
  assert.ok(cables >= 5);
  // A cap below the number of cables still lists every cable, and nothing else.
  const tiny = outlineOf(model, 2);
  assert.equal(tiny.symbols.length, cables);
  assert.equal(count(tiny.symbols), cables);
  // Room for a few more: paragraphs (and subjects, REF lines) come before any header.
  const some = outlineOf(model, cables + 6);
  assert.equal(count(some.symbols), cables + 6);
  const children = some.symbols.flatMap((s) => s.children ?? []);
  assert.equal(children.length, 6);
  assert.ok(!children.some(isHeader), children.map((c) => c.name).join(', '));
  assert.ok(some.omittedParagraphs > 0);
  // Every division fits: headers get what is left, and no paragraph is missing.
  const full = outlineOf(model, 100_000);
  const divisions = full.symbols.flatMap((s) => (s.children ?? []).filter((c) => !isHeader(c))).length;
  const roomy = outlineOf(model, cables + divisions + 1);
  assert.equal(roomy.omittedParagraphs, 0);
  assert.equal(roomy.symbols.flatMap((s) => (s.children ?? []).filter((c) => !isHeader(c))).length, divisions);
  assert.equal(roomy.symbols.flatMap((s) => (s.children ?? []).filter(isHeader)).length, 1);
});

test('an export of every corpus cable keeps all of them in a 5,000-item outline', { skip: corpusAvailable() ? false : 'no corpus' }, () => {
  const model = parse(
    manifest()
      .map((row) => corpusText(row.file))
      .join('\n\n'),
  );
  const { symbols, omitted } = outlineOf(model, 5000);
  assert.ok(omitted > 0, 'the export is over the cap');
  assert.equal(symbols.length, model.cables.length);
  assert.ok(symbols.some((s) => s.name === '08MOSCOW1187'));
});

test('outline and folding invariants on every corpus file', { skip: corpusAvailable() ? false : 'no corpus' }, () => {
  const broken: string[] = [];
  let symbolCount = 0;
  for (const row of manifest()) {
    const text = corpusText(row.file);
    const model = parse(text);
    const lines = text.split(/\r\n|\r|\n/);
    const { symbols } = outlineOf(model, 100_000);
    symbolCount += symbols.length;
    const problems = [...symbolProblems(symbols, lines), ...foldingProblems(foldingOf(model, 100_000).ranges, lines.length)];
    if (problems.length) broken.push(`${row.file}: ${problems.slice(0, 3).join('; ')}`);
  }
  assert.deepEqual(broken, []);
  assert.ok(symbolCount >= 1420);
});

test('at exactly the cap nothing is cut; an edit rebuilds only the outline of the cable it touched', () => {
  const text = ['multiLine.cable', 'oneLine.cable', 'multiLine.cable'].map(fixture).join('\n\n');
  const model = parse(text);
  const count = (list: readonly DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  const full = outlineOf(model, 5000);
  const total = count(full.symbols);
  const exact = outlineOf(model, total);
  assert.equal(exact.omitted, 0);
  assert.equal(count(exact.symbols), total);
  const one = outlineOf(model, total - 1);
  assert.equal(one.omitted, 1);
  assert.equal(count(one.symbols), total - 1);
  assert.equal(one.shown, total - 1);
  // Over the cap the cables keep only their counts; back under it, their trees are built again.
  const again = outlineOf(model, total);
  assert.deepEqual(again.symbols, full.symbols);
  assert.equal(again.shown, total);
  assert.deepEqual(JSON.parse(new TextDecoder().decode(Buffer.concat(again.jsonBytes!()))), full.symbols);
  // Typing at the end of the last cable: from the second edit on (the first copies the untouched
  // cables once, see parse.ts), the first two cables' trees are the same objects.
  const first = parse(`${text}x`, model);
  const before = outlineOf(first, 5000);
  const edited = parse(`${text}xy`, first);
  const after = outlineOf(edited, 5000);
  assert.equal(after.symbols[0], before.symbols[0]);
  assert.equal(after.symbols[1], before.symbols[1]);
  assert.notEqual(after.symbols[2], before.symbols[2]);
  assert.deepEqual(after.symbols, outlineOf(parse(`${text}xy`), 5000).symbols);
});

test('after edits anywhere in an export, the outline, its cached JSON and the folding ranges equal a fresh computation', () => {
  // Non-ASCII titles exercise the escaped JSON; edits that add or remove lines move every later
  // cable, edits within a line leave them in place (and their cached trees and JSON reused).
  const seeds = ['multiLine.cable', 'oneLine.cable', 'old.cable', 'collapsed.cable', 'partialCrlf.cable'].map(fixture);
  const base = [...seeds, seeds[0].replace('1. (S) SUMMARY:', '1. (S) Résumé — “quoted” \uD83D\uDE00 SUMMARY:')].join('\n\n');
  const lineCount = base.split('\n').length;
  const edit = fc.tuple(
    fc.nat({ max: lineCount - 1 }),
    fc.nat({ max: 2 }),
    fc.constantFrom('', 'x', 'é', '\n', '\r\n', '1. (S) New — é.\n', 'VZCZCXRO0001\n', 'UNCLAS STATE 000001\n', 'SUBJECT: Y\n'),
  );
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
      let text = base;
      let model = parse(text);
      outlineOf(model, 5000).jsonBytes?.();
      foldingOf(model, 5000);
      for (const [line, removed, insert] of edits) {
        const all = text.split('\n');
        const at = Math.min(line, all.length - 1);
        text = [...all.slice(0, at), insert + all.slice(at, at + removed).join('\n'), ...all.slice(at + removed)].join('\n');
        model = parse(text, model);
        const fresh = parse(text);
        const outline = outlineOf(model, 5000);
        assert.deepEqual(outline.symbols, outlineOf(fresh, 5000).symbols);
        const json = new TextDecoder().decode(Buffer.concat(outline.jsonBytes!()));
        assert.match(json, /^[\x20-\x7e]*$/, 'the cached JSON is pure ASCII');
        assert.deepEqual(JSON.parse(json), outline.symbols);
        assert.deepEqual(foldingOf(model, 5000), foldingOf(fresh, 5000));
      }
    }),
    { numRuns: 60 },
  );
});

test('folding ranges stay sorted and unique when cables come out of order', () => {
  // Cables partition the text, so their cached lists join in order; a model that breaks this
  // (cables listed out of order) still gets one sorted list without repeats.
  const text = ['multiLine.cable', 'oneLine.cable', 'old.cable'].map(fixture).join('\n\n');
  const model = parse(text);
  const expected = foldingOf(model, 5000);
  const shuffled = { ...model, cables: [model.cables[2], model.cables[0], model.cables[1], model.cables[0]] };
  assert.deepEqual(foldingOf(shuffled, 5000), expected);
});
