import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DocumentSymbol, SelectionRange } from 'vscode-languageserver';
import { parse } from '../../server/src/cable/parse';
import type { Position, Range } from '../../server/src/cable/model';
import { documentDiagnostics } from '../../server/src/diagnostics/documentDiagnostics';
import { RULES } from '../../server/src/diagnostics/engine';
import { codeActions } from '../../server/src/features/codeActions';
import { formatting } from '../../server/src/features/formatting';
import { completion } from '../../server/src/features/completion';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { definition, documentLinks } from '../../server/src/features/links';
import { selectionRanges } from '../../server/src/features/selectionRanges';
import { semanticTokens } from '../../server/src/features/semanticTokens';
import { documentSymbols } from '../../server/src/features/symbols';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { contextFor, documentOf, NONE } from '../context';
import { checkInvariants } from '../parser/invariants';
import { corpusAvailable, corpusText, fixture, manifest } from '../util';

/** The fixtures, plus every 25th genuine cable of the corpus (all five layouts) when it is beside the project. */
const SEEDS = [
  ...['multiLine.cable', 'oneLine.cable', 'partialCrlf.cable', 'collapsed.cable', 'old.cable'].map(fixture),
  ...(corpusAvailable()
    ? manifest()
        .filter((_, i) => i % 25 === 0)
        .map((row) => corpusText(row.file))
    : []),
];
const NASTY = [
  '(',
  ')',
  '//',
  '(S',
  '(S//NF)',
  '1.',
  '¶',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  'VZCZC',
  ' DE ',
  ' FM ',
  'SUBJECT:',
  'REF:',
  'TAGS ',
  'END SUMMARY',
  'Summary:',
  '#',
  '0',
  '\uD83D\uDE00',
  '\uD800',
  'é',
  'RUEHC/',
  'para 2',
  'ref A',
  'STATE 00000001 002 OF 001',
  '999999Z NOV 08',
  'E.O. 12958: DECL: 99/99/9999',
  'x'.repeat(3000),
];

/** A seed cable with random line edits and insertions of characters a cable parser finds hard. */
export const mutatedCable = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(
      fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('delete', 'duplicate', 'swap', 'truncate', 'insert'), fc.constantFrom(...NASTY)),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([seed, edits]) => {
    const lines = seed.split('\n');
    for (const [a, b, kind, insert] of edits) {
      if (lines.length === 0) break;
      const i = a % lines.length;
      const j = b % lines.length;
      if (kind === 'delete') lines.splice(i, 1);
      else if (kind === 'duplicate') lines.splice(i, 0, lines[i]);
      else if (kind === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
      else if (kind === 'truncate') lines[i] = lines[i].slice(0, b % (lines[i].length + 1));
      else lines[i] = lines[i].slice(0, b % (lines[i].length + 1)) + insert + lines[i].slice(b % (lines[i].length + 1));
    }
    return lines.join('\n');
  });

/** Random text of every kind: arbitrary UTF-16, random bytes decoded as UTF-8, cable vocabulary, mutated cables. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder('utf-8').decode(bytes)),
  fc
    .array(
      fc.constantFrom(...NASTY, 'RUEHBW', 'O 262051Z NOV 08', 'UNCLAS', 'S E C R E T', 'STATE 125608', ' ', 'INFO', 'TO', 'XMT', '(C)'),
      { maxLength: 60 },
    )
    .map((w) => w.join('')),
  mutatedCable,
);

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Runs every feature on `text` and checks what the editor relies on; throws on any violation. */
export function checkAllFeatures(text: string, probes: readonly [number, number][]): void {
  const model = parse(text);
  assert.deepEqual(checkInvariants(model), []);
  const lines = text.split(/\r\n|\r|\n/);
  const valid = (r: Range, what: string) => {
    for (const p of [r.start, r.end]) {
      assert.ok(
        p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length,
        `${what} outside the document: ${JSON.stringify(r)}`,
      );
    }
    assert.ok(before(r.start, r.end), `${what} ends before it starts`);
  };
  const walk = (symbols: readonly DocumentSymbol[], parent?: DocumentSymbol) => {
    symbols.forEach((s, i) => {
      valid(s.range, 'symbol range');
      valid(s.selectionRange, 'selectionRange');
      assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), 'selectionRange inside range');
      if (parent) assert.ok(before(parent.range.start, s.range.start) && before(s.range.end, parent.range.end), 'child inside parent');
      const next = symbols[i + 1];
      if (next) assert.ok(before(s.range.end, next.range.start), 'siblings ordered');
      walk(s.children ?? [], s);
    });
  };
  const index = new WorkspaceIndex();
  index.update('file:///fuzz.cable', model);
  const context = contextFor(model, {
    uri: 'file:///fuzz.cable',
    workspace: index,
    canDisableRules: true,
    settings: { maxOutlineItems: 5000, maxFoldingRanges: 5000 },
  });
  const textDocument = documentOf(context).textDocument;
  walk(documentSymbols(context, { textDocument }, NONE).symbols);
  for (const f of foldingRanges(context, { textDocument }, NONE).ranges)
    assert.ok(f.startLine < f.endLine && f.endLine < lines.length, 'folding range');
  const data = semanticTokens(context, { textDocument }, NONE, 100_000).data;
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    assert.ok(data[i] > 0 || i === 0 || data[i + 1] > 0 || (data[i] === 0 && data[i + 1] >= 0), 'tokens increase');
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    assert.ok(data[i + 2] > 0 && start + data[i + 2] <= lines[line].length, 'token inside its line');
    if (i > 0) assert.ok(data[i] > 0 || data[i + 1] >= data[i - 3], 'tokens do not overlap');
  }
  // Every rule directly, so that one that throws fails here (the engine would only log it).
  for (const cable of model.cables) for (const rule of RULES) for (const f of rule.check(cable, model)) valid(f.range, `finding ${f.code}`);
  const diags = documentDiagnostics(context, { textDocument }, NONE);
  for (const d of diags) valid(d.range, `diagnostic ${String(d.code)}`);
  codeActions(
    context,
    { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: diags } },
    NONE,
  );
  const formatEdits = formatting(context, { textDocument, options: { tabSize: 2, insertSpaces: true } }, NONE);
  formatEdits.forEach((e, i) => {
    valid(e.range, 'formatting edit');
    if (i > 0) assert.ok(before(formatEdits[i - 1].range.end, e.range.start), 'formatting edits do not overlap');
  });
  for (const l of documentLinks(context, { textDocument }, NONE)) valid(l.range, 'link');
  workspaceSymbols(index, { query: model.cables[0]?.referenceId?.slice(0, 4) ?? '' }, NONE);
  const positions = probes.map(([a, b]) => {
    const l = a % lines.length;
    return { line: l, character: b % (lines[l].length + 1) };
  });
  const chains: SelectionRange[] = selectionRanges(context, { textDocument, positions }, NONE);
  chains.forEach((chain) => {
    for (let r: SelectionRange | undefined = chain; r; r = r.parent) {
      valid(r.range, 'selection range');
      if (r.parent)
        assert.ok(
          before(r.parent.range.start, r.range.start) && before(r.range.end, r.parent.range.end),
          'selection parent contains child',
        );
    }
  });
  for (const position of positions) {
    const h = hover(context, { textDocument, position }, NONE);
    if (h?.range) valid(h.range, 'hover range');
    completion(context, { textDocument, position }, NONE);
    for (const loc of definition(context, { textDocument, position }, NONE)) valid(loc.range, 'definition');
  }
}

export const probes = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 });
