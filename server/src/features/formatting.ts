import type { CancellationToken, DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { throwIfCancelled } from '../analysis/cancellation';
import type { FeatureContext } from '../analysis/context';
import type { Edit } from '../analysis/edits';
import { lineText } from '../analysis/lines';
import type { Cable, CableFile, Position, Range } from '../cable/model';

/**
 * Formats a document: unfolds one-line transmission headers into one format line per line,
 * removes markdown artefacts, puts a space between a paragraph number and its marking and drops
 * trailing white space. Every edit replaces white space or an artefact, never a word, so the
 * model of the result holds the same values.
 */
export function formatting(context: FeatureContext, _params: DocumentFormattingParams, token: CancellationToken): TextEdit[] {
  return formatEdits(context.file, undefined, token).map(toTextEdit);
}

/** The edits of `formatting` that touch the range (a one-line header it touches is unfolded whole). */
export function rangeFormatting(context: FeatureContext, params: DocumentRangeFormattingParams, token: CancellationToken): TextEdit[] {
  return formatEdits(context.file, params.range, token).map(toTextEdit);
}

/** The formatting edits of a model, in document order, none overlapping; only those touching `within` when given. */
export function formatEdits(file: CableFile, within?: Range, token?: CancellationToken): Edit[] {
  const edits: Edit[] = [];
  const headerEdits: Edit[] = [];
  for (const cable of file.cables) {
    if (within && !touches(cable.range, within)) continue;
    throwIfCancelled(token);
    if (!within || (cable.header && touches(cable.header.range, within))) headerEdits.push(...unfoldHeader(file, cable));
    edits.push(...artefactEdits(cable), ...markingSpaces(cable));
  }
  const firstLine = within ? within.start.line : 0;
  const lastLine = within ? Math.min(within.end.line, file.lineCount - 1) : file.lineCount - 1;
  for (let line = firstLine; line <= lastLine; line++) {
    const text = lineText(file, line);
    // Scanned from the end: a pattern anchored at the end would try every start of a long run of blanks.
    let end = text.length;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    if (end < text.length) edits.push({ range: lineRange(line, end, text.length), newText: '' });
  }
  const kept = within ? edits.filter((e) => touches(e.range, within)) : edits;
  return [...kept, ...headerEdits].sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
}

/**
 * A one-line header cut where each format line of the multi-line layout starts: FL1 (the
 * transmission id), precedence and relays, DE, ZNR/ZNY, the DTG, FM, then each addressee. Only
 * the white space before a format line is replaced, by a line break.
 */
function unfoldHeader(file: CableFile, cable: Cable): Edit[] {
  const header = cable.header;
  if (header?.layout !== 'oneLine') return [];
  const line = header.range.start.line;
  const text = lineText(file, line);
  const starts = [
    header.precedenceProsign?.range.start ?? header.relays[0]?.range.start,
    header.station?.range.start,
    header.securityGroup?.range.start,
    header.dtg?.range.start,
    header.from?.range.start,
    ...header.addressees.map((a) => a.range.start),
  ];
  // What follows the header on its line (the classification line of a collapsed source) starts a line too.
  if (header.range.end.line === line) {
    const rest = text.slice(header.range.end.character);
    const restStart = text.length - rest.trimStart().length;
    if (restStart < text.length) starts.push({ line, character: restStart });
  }
  const breaks = [...new Set(starts.filter((p): p is Position => p?.line === line).map((p) => p.character))].sort((a, b) => a - b);
  // The document's own line break, so a CRLF file stays CRLF.
  const lineBreak = /\r\n?|\n/.exec(file.text)?.[0] ?? '\n';
  const edits: Edit[] = [];
  for (const at of breaks) {
    let from = at;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    // No white space before it: the parser found the boundary inside a run of characters, which a line break would change.
    if (from === at || from === 0) continue;
    edits.push({ range: lineRange(line, from, at), newText: lineBreak });
  }
  return edits;
}

function artefactEdits(cable: Cable): Edit[] {
  return cable.artefacts.flatMap((a): Edit[] => {
    if (a.kind === 'markdown-bullet') return [{ range: a.range, newText: '' }];
    if (a.kind === 'escaped-dollar') return [{ range: a.range, newText: '$' }];
    return [];
  });
}

/** `1.(C)` → `1. (C)`. */
function markingSpaces(cable: Cable): Edit[] {
  const edits: Edit[] = [];
  for (const p of cable.paragraphs) {
    const marking = p.marking;
    if (!marking || !p.number.text.endsWith('.')) continue;
    if (compare(marking.range.start, p.number.range.end) === 0)
      edits.push({ range: { start: marking.range.start, end: marking.range.start }, newText: ' ' });
  }
  return edits;
}

function toTextEdit(edit: Edit): TextEdit {
  return { range: edit.range, newText: edit.newText };
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function before(a: Position, b: Position): boolean {
  return compare(a, b) < 0;
}

/** Overlaps or touches the range (an insertion at its end counts). */
function touches(range: Range, within: Range): boolean {
  return !before(range.end, within.start) && !before(within.end, range.start);
}
