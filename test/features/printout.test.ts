// What the features make of a printed copy's additions: hovers on office symbols, copy counts and
// the total; the drafter and approver in the outline; page breaks and office blocks folded; their
// semantic tokens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentSymbol, MarkupContent } from 'vscode-languageserver';
import { parse } from '../../server/src/cable/parse';
import { semanticTokens, TOKEN_TYPES } from '../../server/src/features/semanticTokens';
import { contextFor, documentOf, foldingOf, hoverAt, NONE, outlineOf } from '../context';
import { fixture } from '../util';

const OUTGOING = fixture('eras/outgoing1975.cable');
const INCOMING = fixture('eras/incoming1974.cable');
const lineIndex = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

function hoverText(text: string, needle: string, offset = 0): string {
  const line = lineIndex(text, needle);
  const character = text.split('\n')[line].indexOf(needle) + offset;
  const result = hoverAt(parse(text), { line, character });
  assert.ok(result, `a hover on ${needle}`);
  return (result.contents as MarkupContent).value.replace(/\\(.)/g, '$1');
}

test('hover: an office of the distribution block with its meaning and copies; a low-confidence meaning says so', () => {
  const eur = hoverText(INCOMING, 'ACTION EUR-25', 7);
  assert.match(eur, /^\*\*EUR\*\* — Bureau of European Affairs/);
  assert.match(eur, /25 printed copies\./);
  assert.match(eur, /Source: /);
  assert.match(hoverText(INCOMING, 'CIAE-00', 0), /No printed copies/);
  assert.match(hoverText(INCOMING, 'ACTION EUR-25', 0), /action responsibility/);
});

test('hover: the total is explained and checked against the sum of the copy counts', () => {
  const total = hoverText(INCOMING, '/110 W', 1);
  assert.match(total, /total copies distributed: 110/);
  assert.match(total, /Agrees with the 19 entries listed here \(sum 110\)/);
  assert.match(total, /received from a post/);
  const short = INCOMING.replace('SAJ-01   TRSE-00  /110 W', 'SAJ-01   TRSE-00  /111 W');
  assert.match(hoverText(short, '/111 W', 1), /add up to 110/);
  assert.match(hoverText(OUTGOING, '/040 R', 1), /Department original/);
});

test('hover: drafting office, clearances and page headers', () => {
  assert.match(hoverText(OUTGOING, 'DRAFTED BY EUR/WE', 12), /^\*\*EUR\/WE\*\* — [\s\S]*Drafting office and drafter/);
  assert.match(hoverText(OUTGOING, 'S/S - MR. ORTIZ', 0), /^\*\*S\/S\*\* — [\s\S]*Clearance/);
  assert.match(hoverText(INCOMING, 'PAGE 02', 0), /^\*\*Page 2\*\* of a printed copy: BERLIN 03009[\s\S]*Section 1 of 2/);
});

test('outline: the distribution, the drafter and the approver stand under the transmission header', () => {
  const { symbols } = outlineOf(parse(OUTGOING));
  const header = symbols[0].children!.find((s) => s.name.startsWith('Transmission header'))!;
  const names = (header.children ?? []).map((s: DocumentSymbol) => s.name);
  assert.deepEqual(names.slice(0, 3), ['ORIGIN EUR-12', 'Drafted by EUR/WE:JSMITH:LK', 'Approved by EUR:AAHARTMAN']);
  for (const child of header.children!) {
    assert.ok(
      child.range.start.line >= header.range.start.line && child.range.end.line <= header.range.end.line,
      `${child.name} inside the header`,
    );
  }
});

test('folding: each page break, the distribution block and the drafting lines fold; paragraphs still fold whole', () => {
  const { ranges } = foldingOf(parse(INCOMING));
  const pageBreak = lineIndex(INCOMING, 'PAGE 02');
  assert.ok(
    ranges.some((r) => r.kind === 'comment' && r.startLine < pageBreak && r.endLine === pageBreak),
    'the banner and the page header under it fold together',
  );
  const distribution = parse(INCOMING).cables[0].distribution!.range;
  assert.ok(ranges.some((r) => r.startLine === distribution.start.line && r.endLine === distribution.end.line));
  const second = lineIndex(INCOMING, '2. THE BRITISH');
  const paragraph = ranges.find((r) => r.startLine === second)!;
  assert.ok(paragraph.endLine > pageBreak, 'paragraph 2 folds across the page break');
  const drafting = parse(OUTGOING).cables[0].drafting!.range;
  assert.ok(foldingOf(parse(OUTGOING)).ranges.some((r) => r.startLine === drafting.start.line && r.endLine === drafting.end.line));
});

test('semantic tokens: page headers, banners, offices and copy counts', () => {
  const context = contextFor(INCOMING);
  const data = semanticTokens(context, documentOf(context), NONE).data;
  const lines = INCOMING.split('\n');
  const tokens: string[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    tokens.push(`${TOKEN_TYPES[data[i + 3]]}:${lines[line].slice(start, start + data[i + 2])}`);
  }
  for (const expected of [
    'pageHeader:PAGE 01        BERLIN  03009  01 OF 02  151359Z',
    'classification:CONFIDENTIAL',
    'keyword:ACTION',
    'address:EUR',
    'serial:25',
    'serial:/110 W',
  ])
    assert.ok(tokens.includes(expected), `${expected} in ${tokens.slice(0, 12).join(', ')}`);
});
