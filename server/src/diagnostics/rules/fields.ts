import * as l10n from '@vscode/l10n';
import { allTags, lookupTag } from '../../data';
import type { Cable } from '../../cable/model';
import { tagWithoutPerson } from '../../cable/text';
import { replace } from '../../analysis/edits';
import type { Rule } from '../types';

/** A rule for a front-matter field the cable's text lacks; reported on the classification line. */
function missingField(
  code: string,
  defaultSeverity: Rule['defaultSeverity'],
  has: (cable: Cable) => boolean,
  message: () => string,
  docs: Pick<Rule, 'description' | 'example' | 'why'>,
): Rule {
  return {
    code,
    defaultSeverity,
    ...docs,
    check(cable) {
      const started = cable.classificationLine !== undefined && cable.paragraphs.length > 0;
      return started && !has(cable) ? [{ code, range: cable.classificationLine.range, message: message() }] : [];
    },
  };
}

export const tagsMissing = missingField(
  'cable/tags-missing',
  'warning',
  (c) => c.tags !== undefined,
  () => l10n.t('No TAGS line'),
  {
    description: 'The cable has no TAGS line; every cable carries at least one subject tag.',
    example: 'no `TAGS:` line',
    why: 'Every cable carries at least one subject tag; indexing and retrieval depend on it.',
  },
);

export const subjectMissing = missingField(
  'cable/subject-missing',
  'information',
  (c) => c.subject !== undefined,
  () => l10n.t('No SUBJECT line'),
  {
    description: 'The cable has no SUBJECT line.',
    example: 'no `SUBJECT:` line',
    why: 'The subject line is how readers and archives find a cable; some genuine cables lack one, so this is informational.',
  },
);

export const eoMissing = missingField(
  'cable/eo-missing',
  'information',
  (c) => c.eoLine !== undefined,
  () => l10n.t('No E.O. line (E.O. 12958: DECL: … or N/A)'),
  {
    description: 'The cable has no E.O. (declassification) line.',
    example: 'no `E.O.` line',
    why: 'The E.O. line carries the declassification instruction.',
  },
);

export const tagsUnknown: Rule = {
  code: 'cable/tags-unknown',
  defaultSeverity: 'hint',
  description: 'A TAGS entry that is not in the TAGS table (organisation and person tags are open-ended, so this is a hint).',
  example: '`TAGS: PREL, POGOV` (closest known: PGOV)',
  why: 'Tags come from a controlled vocabulary; an unknown one is often a typo. Organisation and person tags are open-ended, hence a hint.',
  check(cable) {
    return (cable.tags?.tags ?? []).flatMap((t) => {
      const value = tagWithoutPerson(t.value);
      if (!/^[A-Z]{2,5}$/.test(value) || lookupTag(value) || (ISO_TO_TAGS[value] && value === t.value)) return [];
      const close = closest(value);
      return [
        {
          code: this.code,
          range: t.range,
          message: close.length
            ? l10n.t('Tag {0} is not in the TAGS table; closest known: {1}', value, close.join(', '))
            : l10n.t('Tag {0} is not in the TAGS table', value),
        },
      ];
    });
  },
};

/** Known tags of the same length at edit distance 1 (or 2 for 4+ letters), most used first. */
function closest(tag: string): string[] {
  const limit = tag.length >= 4 ? 2 : 1;
  return allTags()
    .filter((t) => !t.tag.startsWith('(') && Math.abs(t.tag.length - tag.length) <= 1 && distance(t.tag, tag) <= limit)
    .sort((a, b) => distance(a.tag, tag) - distance(b.tag, tag) || (b.corpusCables ?? 0) - (a.corpusCables ?? 0))
    .slice(0, 3)
    .map((t) => t.tag);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** ISO 3166 codes that are not TAGS country codes, and the TAGS (FIPS-style) code meant. */
const ISO_TO_TAGS: Readonly<Record<string, string>> = {
  RU: 'RS',
  DE: 'GM',
  CN: 'CH',
  IQ: 'IZ',
  JP: 'JA',
  KR: 'KS',
  UA: 'UP',
  TR: 'TU',
  IL: 'IS',
  GB: 'UK',
  AT: 'AU',
  AU: 'AS',
};

export const tagsIsoCode: Rule = {
  code: 'cable/tags-iso-code',
  defaultSeverity: 'information',
  description: 'A two-letter ISO country code where TAGS uses its own code (`RU` for Russia is `RS`, `DE` for Germany is `GM`).',
  example: '`TAGS: PREL, RU` (Russia is RS)',
  why: 'TAGS country codes are FIPS-style, not ISO; an ISO code files the cable under no country or the wrong one. 25 genuine cables use RU and the like, so this is informational.',
  check(cable) {
    return (cable.tags?.tags ?? []).flatMap((t) => {
      const tags = ISO_TO_TAGS[t.value];
      // Some ISO codes are TAGS codes of another country (GB is Gabon, AU Austria): leave known codes alone.
      if (!tags || lookupTag(t.value)) return [];
      const meaning = lookupTag(tags)?.meaning ?? tags;
      return [
        {
          code: this.code,
          range: t.range,
          message: l10n.t('{0} is the ISO code; the TAGS code for {1} is {2}', t.value, meaning, tags),
          fix: replace(l10n.t('Change to {0} ({1})', tags, meaning), t.range, tags),
        },
      ];
    });
  },
};
