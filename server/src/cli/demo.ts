import type { DocumentSymbol, MarkupContent } from 'vscode-languageserver';
import { documentContext } from '../analysis/context';
import { parse } from '../cable/parse';
import { documentDiagnostics } from '../diagnostics/documentDiagnostics';
import { hover } from '../features/hover';
import { documentSymbols } from '../features/symbols';
import { CancellationToken } from '../protocol/lsp';
import { SAMPLE } from './sample.generated';

/**
 * `npm start` / `cable-lint --demo`: the main job on the bundled sample cable, without an editor —
 * the outline, the diagnostics and a few hovers, as the extension shows them.
 */
export function runDemo(): string {
  const model = parse(SAMPLE);
  const context = documentContext('sample.cable', model, {
    log: (message) => process.stderr.write(`cable-lint: internal error: ${message}\n`),
  });
  const textDocument = { uri: context.uri };
  const out: string[] = ['Sample cable (samples/sample.cable): one-line header, a CONFIDENTIAL text with three defects.', '', 'OUTLINE'];
  const walk = (symbols: readonly DocumentSymbol[], depth: number) => {
    for (const s of symbols) {
      out.push(`${'  '.repeat(depth + 1)}${s.name}${s.detail ? `  — ${s.detail}` : ''}  [line ${s.selectionRange.start.line + 1}]`);
      walk(s.children ?? [], depth + 1);
    }
  };
  walk(documentSymbols(context, { textDocument }, CancellationToken.None).symbols, 0);
  out.push('', 'PROBLEMS');
  for (const d of documentDiagnostics(context, { textDocument }, CancellationToken.None)) {
    out.push(
      `  ${d.range.start.line + 1}:${d.range.start.character + 1}  ${['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1]}  ${d.code}  ${typeof d.message === 'string' ? d.message : d.message.value}`,
    );
  }
  out.push('', 'HOVERS');
  const lines = SAMPLE.split('\n');
  for (const word of ['RUEHBW', 'RUEHC ', '3312058', '262051Z NOV 08', 'ZNR', '(S)', '(d)', 'para 3']) {
    const line = lines.findIndex((l) => l.includes(word));
    const character = lines[line].indexOf(word) + (word.startsWith('(') ? 1 : 0);
    const result = hover(context, { textDocument, position: { line, character } }, CancellationToken.None);
    const text = ((result?.contents as MarkupContent | undefined)?.value ?? '(no hover)').replace(/\\(.)/g, '$1').replace(/\*\*/g, '');
    out.push(`  ${word.trim()} (line ${line + 1}):`);
    for (const paragraph of text.split('\n\n')) out.push(`    ${paragraph.length > 150 ? `${paragraph.slice(0, 147)}…` : paragraph}`);
  }
  return out.join('\n');
}
