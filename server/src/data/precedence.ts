// Precedence: prosigns (FL2/FL5) and the precedence words of TO/INFO lines.

export type PrecedenceProsign = 'Y' | 'Z' | 'O' | 'P' | 'R';

export interface PrecedenceInfo {
  /** Single-letter prosign used on FL2 (doubled) and FL5. NIACT IMMEDIATE travels as O. */
  readonly prosign: PrecedenceProsign;
  /** The precedence word as written on TO/INFO lines. */
  readonly word: string;
  /** Higher = more urgent: R 1, P 2, O 3 (also NIACT IMMEDIATE), Z 4, Y 5. */
  readonly rank: number;
  readonly meaning: string;
  /** True for NIACT IMMEDIATE. */
  readonly niact?: boolean;
  /** True for Y (military only, not seen in State cables). */
  readonly militaryOnly?: boolean;
}

// Wording after codes.tsv (ZZ/OO/PP/RR, O/P/R/Z, Y, NIACT IMMEDIATE, FLASH/…/ROUTINE rows) and
// cable-format.md §1.2/§1.5 (5 FAH-2 H-321.2-1, H-421).
const PRECEDENCE: readonly PrecedenceInfo[] = [
  {
    prosign: 'Y',
    word: 'EMERGENCY COMMAND PRECEDENCE',
    rank: 5,
    meaning:
      'YANKEE emergency command precedence (military AUTODIN only; not seen in State cables). ' +
      'Ranked above FLASH here by military convention; unverified in State sources.',
    militaryOnly: true,
  },
  { prosign: 'Z', word: 'FLASH', rank: 4, meaning: 'FLASH: the highest precedence in State traffic (prosign Z, FL2 "ZZ").' },
  {
    prosign: 'O',
    word: 'IMMEDIATE',
    rank: 3,
    meaning: 'IMMEDIATE (prosign O, FL2 "OO"); NIACT IMMEDIATE also travels as O.',
  },
  {
    prosign: 'O',
    word: 'NIACT IMMEDIATE',
    rank: 3,
    meaning:
      'NIACT IMMEDIATE (night action): the action addressee must act immediately regardless of the hour; ' +
      'it has no prosign of its own (travels as O/OO) and is spelled out only on the addressee line (5 FAH-2 H-421.2).',
    niact: true,
  },
  {
    prosign: 'P',
    word: 'PRIORITY',
    rank: 2,
    meaning: 'PRIORITY (prosign P, FL2 "PP"); dropped from the authorized list in later FAH editions.',
  },
  { prosign: 'R', word: 'ROUTINE', rank: 1, meaning: 'ROUTINE (prosign R, FL2 "RR"): the lowest precedence.' },
];

/**
 * Meaning of a precedence token: a prosign letter ("O"), its FL2 digraph ("OO"), or a word
 * on TO/INFO lines ("IMMEDIATE", "NIACT IMMEDIATE", "NIACT", "FLASH"). Case-insensitive.
 * Two-letter action/info pairs on FL5 ("O P") are two tokens: look each up.
 */
export function precedenceMeaning(token: string): PrecedenceInfo | undefined {
  const t = token.trim().toUpperCase().replace(/\s+/g, ' ');
  if (t === '') return undefined;
  if (t === 'NIACT' || t === 'NIACT IMMEDIATE') return PRECEDENCE.find((p) => p.niact);
  if (t === 'YANKEE') return PRECEDENCE[0];
  const letter = /^([YZOPR])\1?$/.exec(t)?.[1];
  if (letter) return PRECEDENCE.find((p) => p.prosign === letter && !p.niact);
  return PRECEDENCE.find((p) => p.word === t);
}
