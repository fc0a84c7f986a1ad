import type { Level } from '../cable/model';

/** A station of the header: its routing indicator, when it has one, and its plain-language address. */
export interface SkeletonStation {
  readonly ri?: string;
  /** `AMEMBASSY BELGRADE`, `SECSTATE WASHDC`. */
  readonly name: string;
}

export interface SkeletonOptions {
  readonly from: SkeletonStation;
  readonly to: readonly SkeletonStation[];
  readonly info?: readonly SkeletonStation[];
  readonly level: Level;
  readonly tags: readonly string[];
  readonly subject: string;
  /** The date-time group's moment (UTC); the DECL date and the filing time follow from it. */
  readonly date: Date;
  /** The telegram's serial (1 when absent). */
  readonly serial?: number;
  /** Tab stops for what the writer fills in (VS Code snippet syntax) instead of plain text. */
  readonly snippet?: boolean;
  /** In a snippet, the stations, TAGS and subject are tab stops too (the values given are their defaults). */
  readonly fillIn?: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The classification line's level as cables write it (spaced for the classified levels). */
const LEVEL_WORDS: Readonly<Record<Level, string>> = {
  U: 'UNCLAS',
  SBU: 'UNCLAS',
  C: 'C O N F I D E N T I A L',
  S: 'S E C R E T',
  TS: 'T O P S E C R E T',
};
const SECURITY_GROUPS: Readonly<Record<Level, string>> = {
  U: 'ZNR UUUUU ZZH',
  SBU: 'ZNR UUUUU ZZH',
  C: 'ZNY CCCCC ZZH',
  S: 'ZNY SSSSS ZZH',
  TS: 'ZNY TTTTT ZZH',
};
/** Relay of the Department's web-based system, on the precedence line of recent telegrams. */
const RELAY = 'RUEHWEB';
/** Placeholders: the default text of a tab stop, and what a plain skeleton holds. */
const PLACEHOLDER = {
  summary: 'Summary of the cable in one or two sentences.',
  text: 'Text of the cable.',
  comment: 'Comment of the post.',
  classifier: 'NAME, TITLE',
  signature: 'SURNAME',
};

/**
 * A well-formed cable to start from: transmission header, classification line, captions, E.O.
 * line, TAGS, SUBJECT, Classified By where the level needs it, numbered and marked paragraphs and
 * a signature. Pure: the same options give the same text, so tests parse it and run the rules.
 */
export function cableSkeleton(options: SkeletonOptions): string {
  const { from, level, date } = options;
  let stop = 0;
  const field = (value: string) => (options.snippet ? `\${${++stop}:${escapeSnippet(value)}}` : value);
  const given = (value: string) => (options.snippet ? (options.fillIn ? field(value) : escapeSnippet(value)) : value);
  const serial = Math.max(1, Math.min(options.serial ?? 1, 9999));
  const day = String(date.getUTCDate()).padStart(2, '0');
  const time = `${String(date.getUTCHours()).padStart(2, '0')}${String(date.getUTCMinutes()).padStart(2, '0')}`;
  const year = date.getUTCFullYear();
  const dtg = `${day}${time}Z ${MONTHS[date.getUTCMonth()]} ${String(year % 100).padStart(2, '0')}`;
  const dayOfYear = Math.floor((Date.UTC(year, date.getUTCMonth(), date.getUTCDate()) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  const filingTime = `${String(dayOfYear).padStart(3, '0')}${time}`;
  const classified = level === 'C' || level === 'S' || level === 'TS';
  const marking = `(${level})`;
  const station = postOf(from.name);
  const address = (s: SkeletonStation) => (s.ri ? `${given(s.ri)}/${given(s.name)}` : given(s.name));

  const lines = [
    `VZCZCXYZ${String(serial).padStart(4, '0')}`,
    `RR ${RELAY}`,
    `DE ${given(from.ri ?? RELAY)} #${String(serial).padStart(4, '0')} ${filingTime}`,
    SECURITY_GROUPS[level],
    `R ${dtg}`,
    `FM ${given(from.name)}`,
    ...addresseeLines('TO', options.to, address),
    ...addresseeLines('INFO', options.info ?? [], address),
    '',
    `${LEVEL_WORDS[level]} ${given(station)} ${String(serial).padStart(6, '0')}`,
    '',
    ...(level === 'SBU' ? ['SENSITIVE', 'SIPDIS'] : ['SIPDIS']),
    '',
    classified ? `E.O. 13526: DECL: ${declDate(date)}` : 'E.O. 13526: N/A',
    `TAGS: ${given(options.tags.join(' '))}`,
    `SUBJECT: ${given(options.subject)}`,
    '',
    ...(classified ? [`Classified By: ${field(PLACEHOLDER.classifier)}, reasons 1.4 (b) and (d)`, ''] : []),
    `1. ${marking} Summary: ${field(PLACEHOLDER.summary)} End Summary.`,
    '',
    `2. ${marking} ${field(PLACEHOLDER.text)}`,
    '',
    `3. ${marking} Comment: ${field(PLACEHOLDER.comment)} End Comment.`,
    '',
    field(PLACEHOLDER.signature),
    '',
  ];
  if (options.snippet) lines[lines.length - 1] = '$0';
  return lines.join('\n');
}

function addresseeLines(keyword: string, stations: readonly SkeletonStation[], address: (s: SkeletonStation) => string): string[] {
  return stations.map((s, i) => `${i === 0 ? `${keyword} ` : ''}${address(s)} ROUTINE`);
}

/** The station of the classification line: `AMEMBASSY NEW DELHI` → `NEW DELHI`, `SECSTATE WASHDC` → `STATE`. */
export function postOf(name: string): string {
  const words = name.trim().toUpperCase().split(/\s+/);
  if (words[0] === 'SECSTATE') return 'STATE';
  if (words.length > 1 && /^(?:AM|US)/.test(words[0])) words.shift();
  return words.join(' ');
}

/** Ten years on, the default duration of E.O. 13526 §1.5. */
function declDate(date: Date): string {
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  // 29 February has no date ten years on but in a leap year.
  const day = String(Math.min(date.getUTCDate(), date.getUTCMonth() === 1 ? 28 : 31)).padStart(2, '0');
  return `${month}/${day}/${date.getUTCFullYear() + 10}`;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}
