import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { parse } from '../../server/src/cable/parse';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { hoverAt, URI } from '../context';
import { at, CABLE, LINE } from './cables';

function hoverText(text: string, position: { line: number; character: number }, workspace?: WorkspaceIndex): string | undefined {
  const result = hoverAt(parse(text), position, { workspace });
  return result ? (result.contents as MarkupContent).value.replace(/\\(.)/g, '$1') : undefined;
}

/** A cable dated 31 December 2008 at 23:51 and filed 19 minutes later, on day 001 of 2009. */
const NEW_YEAR = CABLE.replace('DE RUEHBW #0123/01 3312058', 'DE RUEHBW #0123/01 0010010').replace('P 262051Z NOV 08', 'P 312351Z DEC 08');

test('hover: the filing time across the year boundary agrees with the DTG, as the rule says', () => {
  const filing = hoverText(NEW_YEAR, at(NEW_YEAR, 2, '0010010', 2))!;
  assert.match(filing, /^\*\*2009-01-01T00:10Z\*\* — filing time: day 1 \(1 JAN 2009\) 00:10Z/);
  assert.match(filing, /Agrees with the DTG: filed 19 minutes after it\./);
  const dtg = hoverText(NEW_YEAR, at(NEW_YEAR, LINE.dtg, '312351Z', 1))!;
  assert.match(dtg, /2008-12-31T23:51Z\*\* — Wednesday/);
  assert.match(dtg, /Agrees with the DTG: filed 19 minutes after it\./);
});

test('hover: filed a minute before the DTG agrees (the rule allows an hour); days apart are said in days', () => {
  const early = CABLE.replace('3312058', '3312050');
  assert.match(hoverText(early, at(early, 2, '3312050', 1))!, /Agrees with the DTG: filed 1 minute before it\./);
  const late = CABLE.replace('3312058', '3352058');
  assert.match(hoverText(late, at(late, 2, '3352058', 1))!, /Does not agree with the DTG: 4 day\(s\) after it\./);
});

test('hover: routing indicators, the classification line, a marking, TAGS and E.O.', () => {
  assert.match(hoverText(CABLE, at(CABLE, LINE.to, 'RUEHC/', 1))!, /^\*\*RUEHC\*\* — SECSTATE WASHDC/);
  assert.match(
    hoverText(CABLE, at(CABLE, LINE.classification, 'C O N', 2))!,
    /^\*\*CONFIDENTIAL\*\* — classification line[\s\S]*Reference id `08BELGRADE123`/,
  );
  assert.match(hoverText(CABLE, at(CABLE, LINE.summary, '(C)', 1))!, /^\*\*\(C\)\*\* — CONFIDENTIAL/);
  assert.match(hoverText(CABLE, at(CABLE, LINE.tags, 'PGOV', 1))!, /^\*\*PGOV\*\* — /);
  assert.match(hoverText(CABLE, at(CABLE, 13, 'E.O.', 1))!, /^\*\*E\.O\. 12958\*\* — Executive Order 12958/);
  const sbu = CABLE.replace('2. (C) He', '2. (SBU) He');
  assert.match(hoverText(sbu, at(sbu, LINE.paragraph2, '(SBU)', 1))!, /SENSITIVE BUT UNCLASSIFIED/);
});

test('hover: ref B and para 3 show what they point at; a REF entry names the file that holds the cited cable', () => {
  assert.match(hoverText(CABLE, at(CABLE, LINE.paragraph2, 'ref B', 1))!, /^\*\*REF B\*\* `STATE 118040`[\s\S]*Telegram `08STATE118040`/);
  assert.match(hoverText(CABLE, at(CABLE, LINE.paragraph2, 'para 3', 1))!, /^\*\*3\.\*\* `\(U\)` Comment:/);
  const index = new WorkspaceIndex();
  const cited = CABLE.replace(/#0123/g, '#0100').replace('BELGRADE 000123', 'BELGRADE 000100');
  index.update('file:///work/08BELGRADE100.cable', parse(cited));
  index.update(URI, parse(CABLE));
  assert.match(hoverText(CABLE, at(CABLE, LINE.references, 'BELGRADE 100', 1), index)!, /In the workspace: 08BELGRADE100\.cable\./);
});

test('hover: nothing on plain text or past the end of the file', () => {
  assert.equal(hoverText(CABLE, at(CABLE, LINE.summary, 'minister', 2)), undefined);
  assert.equal(hoverText(CABLE, { line: 500, character: 0 }), undefined);
});
