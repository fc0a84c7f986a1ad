// Diagnostics: the malformed sample gets problems, the well-formed samples get no errors.
// Rule codes are the server's: Diagnostic.code reads `cable/<rule>`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticCodes, openFixture, openFixtureAndWaitForServer, waitForDiagnostics } from './helpers';

/** True if one of `diagnostics` has rule `code` (server codes read `cable/<rule>`). */
const hasCode = (diagnostics: readonly vscode.Diagnostic[], code: string) =>
  diagnosticCodes(diagnostics).some((c) => c.toLowerCase().replace(/^cable\//, '') === code.toLowerCase());

/** Opens the malformed sample and waits until every code in `codes` is reported for it. */
async function malformedDiagnostics(codes: string[]): Promise<vscode.Diagnostic[]> {
  const { uri } = await openFixtureAndWaitForServer('malformed.cable');
  return waitForDiagnostics(uri, (d) => codes.every((code) => hasCode(d, code)));
}

suite('Diagnostics', () => {
  suiteTeardown(closeAllEditors);

  test('the malformed cable gets errors for its header, date and portion marks', async () => {
    const diagnostics = await malformedDiagnostics(['header-class-mismatch', 'dtg-invalid', 'para-mark-above-overall']);
    const byCode = (code: string) => diagnostics.find((d) => hasCode([d], code))!;
    assert.equal(byCode('header-class-mismatch').severity, vscode.DiagnosticSeverity.Error);
    assert.equal(byCode('header-class-mismatch').range.start.line, 3, 'on the ZNR UUUUU ZZH line');
    assert.equal(byCode('dtg-invalid').range.start.line, 4, 'on the P 321275Z FOO 09 line');
    assert.equal(byCode('para-mark-above-overall').range.start.line, 24, 'on paragraph 6. (TS)');
    for (const d of diagnostics) assert.ok(d.source, `diagnostic without a source: ${d.message}`);
  });

  test('the well-formed samples have no errors', async () => {
    const names = ['multi-line-header.cable', 'one-line-header.cable', 'multi-cable.tel'];
    for (const name of names) await openFixture(name);
    // Once the malformed sample has its diagnostics the server has processed the others too.
    await malformedDiagnostics(['header-class-mismatch']);
    for (const name of names) {
      const { uri } = await openFixtureAndWaitForServer(name);
      const errors = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(
        errors.map((e) => `${e.range.start.line + 1}: [${diagnosticCodes([e])[0]}] ${e.message}`),
        [],
        name,
      );
    }
  });

  test('the malformed cable reports its numbering, marking, summary and TAGS problems', async () => {
    const diagnostics = await malformedDiagnostics([
      'para-number-sequence',
      'para-missing-mark',
      'block-summary-unclosed',
      'tags-iso-code',
      'marking-unclosed',
    ]);
    const byCode = (code: string) => diagnostics.find((d) => hasCode([d], code))!;
    assert.equal(byCode('para-number-sequence').range.start.line, 19, 'the repeated 2.');
    assert.equal(byCode('tags-iso-code').severity, vscode.DiagnosticSeverity.Information);
    assert.ok(byCode('para-mark-above-overall').relatedInformation?.length, 'points at the classification line');
    assert.ok(byCode('marking-unclosed').code && typeof byCode('marking-unclosed').code === 'object', 'the code links to the rules page');
  });
});
