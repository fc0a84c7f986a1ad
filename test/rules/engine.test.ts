import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '../../server/src/cable/parse';
import { cableFindings, RULES } from '../../server/src/diagnostics/engine';
import type { Rule } from '../../server/src/diagnostics/types';
import { documentDiagnostics } from '../../server/src/diagnostics/documentDiagnostics';
import { contextFor, documentOf, NONE } from '../context';
import { BASE } from './base';

const THROWS: Rule = {
  code: 'cable/test-throws',
  defaultSeverity: 'error',
  description: 'A rule with a bug.',
  example: '',
  why: '',
  check() {
    throw new Error('boom');
  },
};

test('a rule that throws loses only its own findings and is handed to the failure handler, with its code and stack', () => {
  const text = BASE.replace('262051Z NOV 08', '262051Z Nov 08');
  const model = parse(text);
  const failures: [string, unknown][] = [];
  const findings = cableFindings(model.cables[0], model, {}, (code, error) => failures.push([code, error]), [THROWS, ...RULES]);
  assert.deepEqual(
    failures.map(([code, error]) => [code, (error as Error).message]),
    [['cable/test-throws', 'boom']],
  );
  assert.ok(
    findings.some((f) => f.code === 'cable/dtg-month-case'),
    'the other rules still ran',
  );
});

test('the LSP diagnostics log a failing rule once per checked cable, not on every request', () => {
  // documentDiagnostics runs the shipped rules: a cable whose paragraphs cannot be read makes
  // every rule that reads them throw.
  const model = parse(BASE);
  const cable = model.cables[0];
  Object.defineProperty(cable, 'paragraphs', {
    get: () => {
      throw new Error('damaged model');
    },
  });
  const logged: string[] = [];
  const context = { ...contextFor(model), log: (message: string) => logged.push(message) };
  documentDiagnostics(context, documentOf(context), NONE);
  const first = logged.length;
  assert.ok(first > 0, 'the rules that read paragraphs failed and were logged');
  assert.ok(
    logged.every((m) => /^rule cable\/[a-z-]+ failed: Error: damaged model/.test(m)),
    logged[0],
  );
  documentDiagnostics(context, documentOf(context), NONE);
  assert.equal(logged.length, first, 'a second request reads the cached result and logs nothing');
});

test('a cancelled request stops a feature with RequestCancelledError, before it caches anything', () => {
  const model = parse(BASE);
  const context = contextFor(model);
  const cancelled = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) };
  assert.throws(() => documentDiagnostics(context, documentOf(context), cancelled), { name: 'RequestCancelledError' });
  assert.ok(documentDiagnostics(context, documentOf(context), NONE).length === 0, 'the well-formed cable: no findings once not cancelled');
});
