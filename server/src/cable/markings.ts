import type { Level, Marking } from './model';
import { range, type Segment } from './scan';

const LEVELS: Readonly<Record<string, Level>> = { U: 'U', SBU: 'SBU', LOU: 'SBU', C: 'C', S: 'S', TS: 'TS' };
const CAVEATS: Readonly<Record<string, string>> = {
  NF: 'NOFORN',
  NOFORN: 'NOFORN',
  FGI: 'FGI',
  OC: 'ORCON',
  ORCON: 'ORCON',
  PROPIN: 'PROPIN',
  FOUO: 'FOUO',
  SI: 'SI',
  TK: 'TK',
  HCS: 'HCS',
  'ENTIRE TEXT': 'ENTIRE TEXT',
  EXDIS: 'EXDIS',
  NODIS: 'NODIS',
  LIMDIS: 'LIMDIS',
  SENSITIVE: 'SENSITIVE',
};

/**
 * A portion marking such as `(C)`, `(S//NF)`, `(S/REL NATO)`, `( C )`, or an unclosed `(C`, starting
 * at `offset` in the segment (white space skipped). Undefined when the text there is no marking.
 */
export function parseMarkingAt(segment: Segment, offset: number): Marking | undefined {
  const text = segment.text;
  let at = offset;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  if (text[at] !== '(') return undefined;
  const closed = /^\(\s*([A-Za-z][A-Za-z /,-]{0,28}?)\s*\)/.exec(text.slice(at, at + 40));
  if (closed) {
    const parsed = interpret(closed[1]);
    // `(A)` or `(Note ...)` after a number is not a marking; only accept content that looks like one.
    if (parsed.level === undefined && !looksLikeMarking(closed[1])) return undefined;
    return {
      range: range(segment.line, segment.start + at, segment.line, segment.start + at + closed[0].length),
      text: closed[0],
      ...parsed,
      closed: true,
      wellFormed: parsed.level !== undefined && parsed.unknownParts.length === 0,
    };
  }
  const open = /^\(\s*(TS|SBU|LOU|S|C|U)(?:\/\/?(?:NF|NOFORN))?(?=\s|$)/i.exec(text.slice(at, at + 20));
  if (open && open[1] === open[1].toUpperCase()) {
    const parsed = interpret(open[0].slice(1));
    return {
      range: range(segment.line, segment.start + at, segment.line, segment.start + at + open[0].length),
      text: open[0],
      ...parsed,
      closed: false,
      wellFormed: false,
    };
  }
  return undefined;
}

/** Upper-case content that is plausibly a garbled marking (`SNF`, `N/SF`) rather than a label like `(A)`. */
function looksLikeMarking(content: string): boolean {
  const compact = content.replace(/[\s/]/g, '');
  return content === content.toUpperCase() && compact.length >= 2 && compact.length <= 12 && /^[A-Z]+$/.test(compact);
}

function interpret(content: string): { level?: Level; caveats: string[]; unknownParts: string[] } {
  // 1970s telegrams mark the whole text at once: `(C - ENTIRE TEXT)`.
  const entire = /-\s*ENTIRE\s+TEXT\s*$/i.exec(content);
  const parts = content
    .slice(0, entire ? entire.index : content.length)
    .toUpperCase()
    .split(/[\s/,]+/)
    .filter(Boolean);
  if (entire) parts.push('ENTIRE TEXT');
  let level: Level | undefined;
  const caveats: string[] = [];
  const unknownParts: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === 0 && LEVELS[part]) {
      level = LEVELS[part];
    } else if (part === 'REL') {
      const rest = parts.slice(i + 1).filter((p) => p !== 'TO');
      caveats.push(`REL TO ${rest.join(', ')}`.trim());
      break;
    } else if (CAVEATS[part]) {
      caveats.push(CAVEATS[part]);
    } else if (part === 'N' && level === 'SBU') {
      caveats.push('NOFORN');
    } else {
      unknownParts.push(part);
    }
  }
  if (level === 'U' && caveats.includes('FOUO')) level = 'SBU';
  return { level, caveats, unknownParts };
}
