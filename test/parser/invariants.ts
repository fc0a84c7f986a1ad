import type { CableFile, Position, Range } from '../../server/src/cable/model';
import { splitLines } from '../../server/src/cable/scan';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function isRange(value: unknown): value is Range {
  const r = value as Range;
  return typeof r === 'object' && r !== null && typeof r.start?.line === 'number' && typeof r.end?.character === 'number';
}

/** Every Range found anywhere in the model, with the path that leads to it. */
export function allRanges(value: unknown, path = '', found: [string, Range][] = []): [string, Range][] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => allRanges(v, `${path}[${i}]`, found));
  } else if (typeof value === 'object' && value !== null) {
    if (isRange(value)) {
      found.push([path, value]);
      return found;
    }
    for (const [k, v] of Object.entries(value)) if (k !== 'text' || typeof v !== 'string') allRanges(v, `${path}.${k}`, found);
  }
  return found;
}

/** The invariants every parse must satisfy; returns the violations (empty when fine). */
export function checkInvariants(file: CableFile): string[] {
  const problems: string[] = [];
  const lines = splitLines(file.text);
  if (file.lineCount !== lines.length) problems.push(`lineCount ${file.lineCount} != ${lines.length}`);
  const inside = (p: Position) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  for (const [path, r] of allRanges(file.cables)) {
    if (!inside(r.start) || !inside(r.end)) problems.push(`${path} outside the text: ${JSON.stringify(r)}`);
    else if (!before(r.start, r.end)) problems.push(`${path} ends before it starts: ${JSON.stringify(r)}`);
  }
  // The cables partition the text: nothing is lost.
  if (file.cables.length === 0) problems.push('no cable');
  file.cables.forEach((cable, i) => {
    if (i === 0 && (cable.range.start.line !== 0 || cable.range.start.character !== 0))
      problems.push('first cable does not start the text');
    if (i > 0 && cable.range.start.line !== file.cables[i - 1].range.end.line + 1)
      problems.push(`cable ${i} does not follow cable ${i - 1}`);
    const contains = (r: Range) => before(cable.range.start, r.start) && before(r.end, cable.range.end);
    for (const [path, r] of allRanges(cable)) if (!contains(r)) problems.push(`cable ${i}${path} outside its cable`);
    cable.paragraphs.forEach((p, k) => {
      if (!before(p.range.start, p.selectionRange.start) || !before(p.selectionRange.end, p.range.end))
        problems.push(`paragraph ${k} selectionRange outside range`);
      const next = cable.paragraphs[k + 1];
      if (next && !before(p.range.end, next.range.start)) problems.push(`paragraphs ${k} and ${k + 1} overlap`);
      p.subParagraphs.forEach((s, j) => {
        if (!before(p.range.start, s.range.start) || !before(s.range.end, p.range.end))
          problems.push(`paragraph ${k} sub ${j} outside its paragraph`);
        const after = p.subParagraphs[j + 1];
        if (after && !before(s.range.end, after.range.start)) problems.push(`paragraph ${k} subs ${j} and ${j + 1} overlap`);
      });
    });
  });
  const last = file.cables[file.cables.length - 1];
  if (last && (last.range.end.line !== lines.length - 1 || last.range.end.character !== lines[lines.length - 1].length)) {
    problems.push('last cable does not end the text');
  }
  return problems;
}
