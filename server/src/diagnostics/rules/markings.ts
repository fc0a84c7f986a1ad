import * as l10n from '@vscode/l10n';
import { LEVEL_RANK } from '../../cable/model';
import type { Marking } from '../../cable/model';
import { replace } from '../../analysis/edits';
import type { Finding, Rule } from '../types';

export const markingUnclosed: Rule = {
  code: 'cable/marking-unclosed',
  defaultSeverity: 'error',
  description: 'A portion marking opens a parenthesis it never closes: `1. (C The…`.',
  example: '`3. (C Talking points follow:`',
  why: 'An unclosed marking is unreadable to people and to tools that extract portion markings.',
  check(cable) {
    return allMarkings(cable).flatMap((m) => {
      if (m.closed) return [];
      const content = m.text.slice(1).trim();
      return [
        {
          code: this.code,
          range: m.range,
          message: l10n.t('Portion marking "{0}" has no closing parenthesis; expected "({1})"', m.text, content),
          fix: replace(l10n.t('Close the marking: ({0})', content), m.range, `(${content})`),
        },
      ];
    });
  },
};

export const markingUnknown: Rule = {
  code: 'cable/marking-unknown',
  defaultSeverity: 'error',
  description: 'A portion marking whose level or caveat is not a known one, such as `(SNF)` or `(N/SF)`.',
  example: '`4. (SNF) …`, `2. (N/SF) …`',
  why: 'A marking that names no known level is no marking at all; the quick fix offers the likely intended form.',
  check(cable) {
    return allMarkings(cable).flatMap((m) => {
      if (m.unknownParts.length === 0) return [];
      const what =
        m.level === undefined
          ? l10n.t('no known classification level')
          : m.unknownParts.length > 1
            ? l10n.t('unknown parts {0}', m.unknownParts.join(', '))
            : l10n.t('unknown part {0}', m.unknownParts.join(', '));
      const guess = guessMarking(m);
      return [
        {
          code: this.code,
          range: m.range,
          message: guess
            ? l10n.t('Portion marking {0} has {1}; expected e.g. (U), (SBU), (C), (S), (S//NF); did you mean {2}?', m.text, what, guess)
            : l10n.t('Portion marking {0} has {1}; expected e.g. (U), (SBU), (C), (S), (S//NF)', m.text, what),
          fix: guess ? replace(l10n.t('Change to {0}', guess), m.range, guess) : undefined,
        },
      ];
    });
  },
};

/** `(SNF)` → `(S//NF)`, `(N/SF)` → `(S//NF)`, `(CNF)` → `(C//NF)`: letters of one level plus NF. */
function guessMarking(m: Marking): string | undefined {
  const letters = m.text.replace(/[^A-Za-z]/g, '').toUpperCase();
  const match = /^(TS|S|C)NF$|^NF?(TS|S|C)F?$|^N(TS|S|C)F$/.exec(letters);
  const level = match?.[1] ?? match?.[2] ?? match?.[3];
  return level ? `(${level}//NF)` : undefined;
}

export const markingNonCanonical: Rule = {
  code: 'cable/marking-noncanonical',
  defaultSeverity: 'hint',
  description:
    'A portion marking in an unusual spelling: spaces inside `( C )`, `(C NF)`, `(S/NOFORN)`; the canonical form is `(C)`, `(C//NF)`.',
  example: '`( C )`, `(C NF)`, `(S/NOFORN)`',
  why: 'Unusual spellings are valid but hard to search; the canonical forms are (C), (C//NF), (S//NF).',
  check(cable) {
    const findings: Finding[] = [];
    for (const m of allMarkings(cable)) {
      if (!m.closed || !m.level || m.unknownParts.length > 0) continue;
      const inner = m.text.slice(1, -1);
      const spaced = /^\s|\s$/.test(inner);
      const missingSlash = /^[A-Z]+ (NF|NOFORN)$/.test(inner);
      const spelledOut = /\/\/?NOFORN$/.test(inner);
      if (!spaced && !missingSlash && !spelledOut) continue;
      const canonical = canonicalMarking(m);
      if (!canonical || canonical === m.text) continue;
      findings.push({
        code: this.code,
        range: m.range,
        message: l10n.t('Portion marking {0} is usually written {1}', m.text, canonical),
        fix: replace(l10n.t('Change to {0}', canonical), m.range, canonical),
      });
    }
    return findings;
  },
};

function canonicalMarking(m: Marking): string | undefined {
  const word = m.text
    .replace(/[()\s]/g, '')
    .split('/')[0]
    .replace(/NF$|NOFORN$/, '');
  const level = word || ({ U: 'U', SBU: 'SBU', C: 'C', S: 'S', TS: 'TS' } as const)[m.level!];
  const caveats = m.caveats.map((c) => (c === 'NOFORN' ? 'NF' : c));
  return `(${[level, ...caveats].join('//')})`;
}

export const paragraphMissingMark: Rule = {
  code: 'cable/para-missing-mark',
  defaultSeverity: 'information',
  description: 'A numbered paragraph of a classified cable has no portion marking while its other paragraphs do.',
  example: '`5. The delegation…` in a cable whose other paragraphs are marked',
  why: 'Every portion of a classified telegram carries its marking; one missing among marked paragraphs is usually an oversight. Cables that mark nothing (older practice) are not flagged.',
  check(cable) {
    const level = cable.classification.level;
    if (!level || LEVEL_RANK[level] < LEVEL_RANK.C) return [];
    const marked = cable.paragraphs.filter((p) => p.marking).length;
    // Cables without portion marks at all predate the practice; flag only the odd one out.
    if (marked < 2 || marked < cable.paragraphs.length / 2) return [];
    return cable.paragraphs
      .filter((p) => !p.marking)
      .map((p) => ({
        code: this.code,
        range: p.number.range,
        message: l10n.t(
          'Paragraph {0} has no portion marking; this {1} cable marks its other paragraphs',
          p.number.value,
          String(cable.classification.label),
        ),
      }));
  },
};

function allMarkings(cable: Parameters<Rule['check']>[0]): Marking[] {
  const list: Marking[] = [];
  if (cable.subject?.marking) list.push(cable.subject.marking);
  for (const p of cable.paragraphs) {
    if (p.marking) list.push(p.marking);
    for (const s of p.subParagraphs) if (s.marking) list.push(s.marking);
  }
  return list;
}
