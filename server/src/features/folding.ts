import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { CableFile, Range } from '../cable/model';

/** Header, preamble, paragraphs and sub-paragraphs, REF and SUBJECT blocks, Summary/Comment/Note blocks. */
export function foldingRanges(file: CableFile, limit: number): { ranges: FoldingRange[]; omitted: number } {
  const ranges: FoldingRange[] = [];
  const add = (range: Range | undefined, kind?: FoldingRangeKind) => {
    if (!range || range.end.line <= range.start.line) return;
    const fold: FoldingRange = { startLine: range.start.line, endLine: range.end.line };
    if (kind) fold.kind = kind;
    ranges.push(fold);
  };
  for (const cable of file.cables) {
    if (file.cables.length > 1) add(cable.range, FoldingRangeKind.Region);
    add(cable.preamble, FoldingRangeKind.Comment);
    add(cable.header?.range, FoldingRangeKind.Imports);
    add(cable.subject?.range);
    add(cable.references?.range);
    add(cable.classifiedBy?.range);
    for (const p of cable.paragraphs) {
      add(p.range, FoldingRangeKind.Region);
      for (const s of p.subParagraphs) add(s.range);
    }
    for (const b of cable.blocks) if (b.begin && b.end) add(b.range);
  }
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const unique = ranges.filter((r, i) => i === 0 || r.startLine !== ranges[i - 1].startLine || r.endLine !== ranges[i - 1].endLine);
  const max = Math.max(0, limit);
  return { ranges: unique.slice(0, max), omitted: Math.max(0, unique.length - max) };
}
