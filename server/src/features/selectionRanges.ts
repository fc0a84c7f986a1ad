import type { CancellationToken, SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import type { FeatureContext } from '../analysis/context';
import { lineText } from '../analysis/lines';
import { contains, containsRange } from '../analysis/ranges';
import type { Range } from '../cable/model';

/** The same notion of a word as language-configuration.json: RUEHBW, 262051Z, (S//NF), E.O., #5608/01. */
export const WORD = /\([A-Za-z]{1,4}(?:\/{1,2}[A-Za-z ]{1,12})*\)|#\d+(?:\/\d+)?|(?:[A-Za-z]\.){2,}|[A-Za-z0-9][A-Za-z0-9'-]*/g;

export function wordAt(line: string, character: number): { start: number; end: number } | undefined {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(line); m; m = WORD.exec(line)) {
    if (m.index > character) break;
    if (character <= m.index + m[0].length) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** word → marking → sub-paragraph → paragraph → header or text → cable → file. */
export function selectionRanges(context: FeatureContext, params: SelectionRangeParams, _token: CancellationToken): SelectionRange[] {
  const file = context.file;
  return params.positions.map((position) => {
    const chain: Range[] = [];
    const line = lineText(file, position.line);
    const word = wordAt(line, position.character);
    if (word) chain.push({ start: { line: position.line, character: word.start }, end: { line: position.line, character: word.end } });
    const cable = file.cables.find((c) => contains(c.range, position));
    if (cable) {
      const paragraph = cable.paragraphs.find((p) => contains(p.range, position));
      if (paragraph) {
        if (paragraph.marking && contains(paragraph.marking.range, position)) chain.push(paragraph.marking.range);
        const sub = paragraph.subParagraphs.find((s) => contains(s.range, position));
        if (sub) chain.push(sub.range);
        chain.push(paragraph.range);
      }
      for (const zone of [cable.subject?.range, cable.references?.range, cable.header?.range, cable.text]) {
        if (zone && contains(zone, position)) chain.push(zone);
      }
      chain.push(cable.range);
    }
    const last = file.lineCount - 1;
    chain.push({ start: { line: 0, character: 0 }, end: { line: last, character: lineText(file, last).length } });
    // Innermost first; each range must contain the previous one.
    let result: SelectionRange | undefined;
    const ordered = chain.filter((r, i) => i === 0 || containsRange(r, chain[i - 1]));
    for (let i = ordered.length - 1; i >= 0; i--) {
      if (result && sameRange(result.range, ordered[i])) continue;
      result = result ? { range: ordered[i], parent: result } : { range: ordered[i] };
    }
    return result ?? { range: { start: position, end: position } };
  });
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
