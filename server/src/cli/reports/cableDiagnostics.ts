import type { LintDiagnostic } from '../../diagnostics/engine';
import type { FileResult } from '../lint';

/**
 * A file's diagnostics per cable, by the line they start on: the cables' ranges partition the
 * file, so each diagnostic falls in exactly one. Both lists are in line order.
 */
export function diagnosticsPerCable(result: FileResult): LintDiagnostic[][] {
  const groups = result.cables.map((): LintDiagnostic[] => []);
  let c = 0;
  for (const d of [...result.diagnostics].sort((a, b) => a.line - b.line)) {
    while (c < result.cables.length - 1 && d.line > result.cables[c].range.endLine) c++;
    groups[c]?.push(d);
  }
  return groups;
}
