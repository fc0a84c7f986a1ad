// Entry point loaded by VS Code as `extensionTestsPath` (test-electron and code-server alike):
// runs every compiled *.e2e.js beside this file with mocha (TDD interface) inside the extension
// host. Results are printed (spec reporter) and, when CABLE_E2E_REPORT names a file, written there
// as JSON so the code-server runner can count them.
//   CABLE_E2E_GREP=<regexp>  run only matching tests
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface E2eTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface E2eReport {
  passed: number;
  failed: number;
  pending: number;
  tests: E2eTestResult[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.CABLE_E2E_TEST_TIMEOUT_MS ?? 60_000),
    slow: 5_000,
    reporter: 'spec',
  });
  if (process.env.CABLE_E2E_GREP) mocha.grep(new RegExp(process.env.CABLE_E2E_GREP));

  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const report: E2eReport = { passed: 0, failed: 0, pending: 0, tests: [] };
  const writeReport = () => {
    if (process.env.CABLE_E2E_REPORT) writeFileSync(process.env.CABLE_E2E_REPORT, JSON.stringify(report, null, 2));
  };

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeReport();
        if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => {
        report.passed++;
        report.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
      });
      runner.on('fail', (t, err: Error) => {
        report.failed++;
        report.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: err?.stack ?? String(err) });
      });
      runner.on('pending', (t) => {
        report.pending++;
        report.tests.push({ title: t.fullTitle(), state: 'pending' });
      });
    } catch (err) {
      report.failed++;
      report.tests.push({ title: 'loading the e2e suite', state: 'failed', error: err instanceof Error ? err.stack : String(err) });
      writeReport();
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
