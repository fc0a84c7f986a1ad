import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { codeActions } from '../../server/src/features/codeActions';
import { contextFor, diagnosticsOf, documentOf, NONE, URI } from '../context';
import { parse } from '../../server/src/cable/parse';
import { CABLE, LINE, lineOf } from './cables';

/** The month in lower case: a rule with a quick fix (cable/dtg-month-case). */
const DEFECT = CABLE.replace('262051Z NOV 08', '262051Z Nov 08');

function actionsFor(text: string, diagnostics: Diagnostic[], canDisableRules: boolean) {
  const context = contextFor(text, { canDisableRules });
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return codeActions(context, { ...documentOf(context), range, context: { diagnostics } }, NONE);
}

test("a diagnostic's fix becomes the preferred quick fix, with its edit on this document", () => {
  const diagnostics = diagnosticsOf(parse(DEFECT)).filter((d) => d.code === 'cable/dtg-month-case');
  assert.equal(diagnostics.length, 1);
  const [fix] = actionsFor(DEFECT, diagnostics, false);
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.isPreferred, true);
  assert.deepEqual(fix.diagnostics, diagnostics);
  const edits = fix.edit!.changes![URI];
  assert.deepEqual(edits, [
    { range: { start: { line: LINE.dtg, character: 10 }, end: { line: LINE.dtg, character: 13 } }, newText: 'NOV' },
  ]);
  assert.equal(lineOf(DEFECT, LINE.dtg).slice(10, 13), 'Nov');
});

test('"Disable rule" is offered once per rule, only to clients that run the command, and never for other sources', () => {
  const diagnostics = diagnosticsOf(parse(DEFECT)).filter((d) => d.code === 'cable/dtg-month-case');
  const twice = [...diagnostics, { ...diagnostics[0], data: undefined }];
  const withCommand = actionsFor(DEFECT, twice, true);
  const disables = withCommand.filter((a) => a.command?.command === 'cable.disableRule');
  assert.deepEqual(
    disables.map((a) => a.command!.arguments),
    [['cable/dtg-month-case']],
  );
  assert.equal(actionsFor(DEFECT, twice, false).filter((a) => a.command).length, 0);
  const foreign: Diagnostic = { ...diagnostics[0], source: 'spell' };
  assert.deepEqual(actionsFor(DEFECT, [foreign], true), []);
});

test('a diagnostic without data (from an older server, or edited by the client) gets no fix and no crash', () => {
  const bare: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    message: 'x',
    source: 'cable',
    code: 'cable/dtg-month-case',
    data: 'not an object',
  };
  const actions = actionsFor(CABLE, [bare], false);
  assert.deepEqual(actions, []);
});
