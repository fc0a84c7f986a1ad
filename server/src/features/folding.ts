import type { CancellationToken, FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { cableCache, fileCache, forEveryCable } from '../analysis/cache';
import type { FeatureContext } from '../analysis/context';
import type { Cable, CableFile, Range } from '../cable/model';
import { FoldingRangeKind } from '../protocol/lsp';

export interface FoldingResult {
  readonly ranges: FoldingRange[];
  /** Ranges left out because of the cap (`cable.maxFoldingRanges`). */
  readonly omitted: number;
}

/** Each cable's ranges are kept with the cable, so a keystroke in a large export folds one cable. */
const CABLE_FOLDS = cableCache('folding', (cable, _file, multiple: boolean) => cableRanges(cable, multiple));
const FILE_FOLDS = fileCache('folding', (file, limit: number) => fileRanges(file, limit));

/**
 * Header, preamble, paragraphs and sub-paragraphs, REF and SUBJECT blocks, Summary/Comment/Note blocks,
 * and what printed copies add: page breaks, office distribution, drafting lines, later sections' repeated headers.
 */
export function foldingRanges(context: FeatureContext, _params: FoldingRangeParams, token: CancellationToken): FoldingResult {
  forEveryCable(context.file, CABLE_FOLDS, token, context.file.cables.length > 1);
  return FILE_FOLDS.get(context.file, context.settings.maxFoldingRanges);
}

function fileRanges(file: CableFile, limit: number): FoldingResult {
  const multiple = file.cables.length > 1;
  let ranges = file.cables.flatMap((cable) => CABLE_FOLDS.get(cable, file, multiple));
  // Cables follow each other, so their sorted lists join in order; damaged input that makes them
  // overlap is sorted again as a whole.
  if (!inOrder(ranges)) ranges = unique([...ranges].sort(byStartThenOuter));
  const max = Math.max(0, limit);
  return { ranges: ranges.slice(0, max), omitted: Math.max(0, ranges.length - max) };
}

function cableRanges(cable: Cable, multiple: boolean): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (range: Range | undefined, kind?: FoldingRangeKind) => {
    if (!range || range.end.line <= range.start.line) return;
    const fold: FoldingRange = { startLine: range.start.line, endLine: range.end.line };
    if (kind) fold.kind = kind;
    ranges.push(fold);
  };
  if (multiple) add(cable.range, FoldingRangeKind.Region);
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
  add(cable.distribution?.range, FoldingRangeKind.Comment);
  add(cable.drafting?.range, FoldingRangeKind.Comment);
  for (const r of cable.repeatedHeaders) add(r, FoldingRangeKind.Comment);
  for (const r of pageBreaks(cable)) add(r, FoldingRangeKind.Comment);
  return unique(ranges.sort(byStartThenOuter));
}

/** The lines a printed page break adds (banner, page header, the blank lines between them), one range per break. */
function pageBreaks(cable: Cable): Range[] {
  const lines = [...cable.banners.map((b) => b.range.start.line), ...cable.pageHeaders.map((p) => p.range.start.line)].sort(
    (a, b) => a - b,
  );
  const breaks: Range[] = [];
  let start = -1;
  let end = -1;
  for (const line of lines) {
    // A banner and the page header under it are one break, with at most one blank line between them.
    if (start >= 0 && line - end <= 2) end = line;
    else {
      if (start >= 0) breaks.push({ start: { line: start, character: 0 }, end: { line: end, character: 0 } });
      start = end = line;
    }
  }
  if (start >= 0) breaks.push({ start: { line: start, character: 0 }, end: { line: end, character: 0 } });
  return breaks;
}

/** By start line, and the outer of two ranges that start on the same line first. */
function byStartThenOuter(a: FoldingRange, b: FoldingRange): number {
  return a.startLine - b.startLine || b.endLine - a.endLine;
}

/** Sorted and without repeats. */
function inOrder(ranges: readonly FoldingRange[]): boolean {
  for (let i = 1; i < ranges.length; i++) if (byStartThenOuter(ranges[i - 1], ranges[i]) >= 0) return false;
  return true;
}

function unique(sorted: FoldingRange[]): FoldingRange[] {
  return sorted.filter((r, i) => i === 0 || r.startLine !== sorted[i - 1].startLine || r.endLine !== sorted[i - 1].endLine);
}
