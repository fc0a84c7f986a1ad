// Classification categories cited as "Reasons 1.4 (b) and (d)": E.O. 12958 §1.5 (1995) and
// §1.4 (as amended in 2003, and E.O. 13526).

export interface ClassificationReason {
  /** Lower-case letter a–h. */
  readonly letter: string;
  /** "1.4" (E.O. 12958 as amended in 2003 by E.O. 13292, and E.O. 13526) or "1.5" (E.O. 12958 of 1995). */
  readonly section: '1.4' | '1.5';
  /** Short label, e.g. "Foreign relations". */
  readonly title: string;
  /** The category as worded in the order (E.O. 12958 as amended, for 1.4). */
  readonly text: string;
  /** Differences in other versions of the order, when any. */
  readonly note?: string;
}

// E.O. 12958 (17 Apr 1995) §1.5 "Classification Categories" listed (a)–(g). E.O. 13292
// (25 Mar 2003) amended E.O. 12958, renumbered the list as §1.4, added (h) and the
// "transnational terrorism" wording in (e) and (g). E.O. 13526 (29 Dec 2009, effective
// 27 Jun 2010) kept §1.4 (a)–(h) with the small wording changes noted per letter.
// Cablegate cables (to Feb 2010) cite "1.4 (b), (d)" (2003+) or "1.5 (b), (d)" (1995–2003).
const REASONS_1_4: readonly Omit<ClassificationReason, 'section'>[] = [
  { letter: 'a', title: 'Military', text: 'military plans, weapons systems, or operations' },
  { letter: 'b', title: 'Foreign government information', text: 'foreign government information' },
  {
    letter: 'c',
    title: 'Intelligence',
    text: 'intelligence activities (including special activities), intelligence sources or methods, or cryptology',
    note: 'E.O. 13526 reads "(including covert action)".',
  },
  {
    letter: 'd',
    title: 'Foreign relations',
    text: 'foreign relations or foreign activities of the United States, including confidential sources',
  },
  {
    letter: 'e',
    title: 'Scientific, technological or economic',
    text: 'scientific, technological, or economic matters relating to the national security, which includes defense against transnational terrorism',
    note: 'E.O. 12958 (1995) §1.5(e) and E.O. 13526 omit "which includes defense against transnational terrorism".',
  },
  {
    letter: 'f',
    title: 'Nuclear safeguards',
    text: 'United States Government programs for safeguarding nuclear materials or facilities',
  },
  {
    letter: 'g',
    title: 'Vulnerabilities or capabilities',
    text:
      'vulnerabilities or capabilities of systems, installations, infrastructures, projects, plans, or protection ' +
      'services relating to the national security, which includes defense against transnational terrorism',
    note: 'E.O. 13526 omits the terrorism clause.',
  },
  {
    letter: 'h',
    title: 'Weapons of mass destruction',
    text: 'weapons of mass destruction',
    note: 'Added in 2003 (no 1.5(h)); E.O. 13526 reads "the development, production, or use of weapons of mass destruction".',
  },
];

/** E.O. 12958 (1995) §1.5 wording where it differs from §1.4 as amended in 2003 (no (h) in 1995). */
const REASONS_1_5_DIFF: Readonly<Record<string, string>> = {
  e: 'scientific, technological, or economic matters relating to the national security',
  g: 'vulnerabilities or capabilities of systems, installations, projects or plans relating to the national security',
};

/**
 * The classification category cited on "Classified By: … Reasons 1.4 (b) and (d)" lines.
 * Accepts a letter ("b", "(D)") with an optional section argument, or a full citation
 * ("1.4(b)", "1.5 (d)"); the section defaults to 1.4. `undefined` for letters outside a–h
 * (a–g for 1.5).
 */
export function classificationReason(letter: string, section: '1.4' | '1.5' = '1.4'): ClassificationReason | undefined {
  const m = /^\s*(?:(1\.[45])\s*)?(?:\(\s*)?([a-h])(?:\s*\))?\s*$/i.exec(letter);
  if (!m) return undefined;
  const sec = (m[1] ?? section) as '1.4' | '1.5';
  const l = m[2].toLowerCase();
  const base = REASONS_1_4.find((r) => r.letter === l);
  if (!base) return undefined;
  if (sec === '1.4') return { ...base, section: '1.4' };
  if (l === 'h') return undefined;
  return {
    letter: l,
    section: '1.5',
    title: base.title,
    text: REASONS_1_5_DIFF[l] ?? base.text,
    note: 'E.O. 12958 as issued in 1995; the same list became §1.4 in 2003.',
  };
}

/** All reasons of a section: 1.4 (a)–(h) or 1.5 (a)–(g). */
export function allClassificationReasons(section: '1.4' | '1.5' = '1.4'): ClassificationReason[] {
  const out: ClassificationReason[] = [];
  for (const r of REASONS_1_4) {
    const x = classificationReason(r.letter, section);
    if (x) out.push(x);
  }
  return out;
}
