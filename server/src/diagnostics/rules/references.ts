import * as l10n from '@vscode/l10n';
import { crossReferencesOf } from '../../analysis/crossReferences';
import type { Finding, Rule } from '../types';

export const referenceUndefined: Rule = {
  code: 'cable/ref-undefined',
  defaultSeverity: 'information',
  description: 'The text says `ref C` (or `reftel`) but the REF line defines no such reference.',
  example: '`see ref D` when the REF line lists A–C',
  why: 'A citation that leads nowhere; often a REF entry lost in transmission or a typo.',
  check(cable, file) {
    const entries = cable.references?.entries ?? [];
    const letters = new Set(entries.map((e) => e.letter?.value).filter(Boolean));
    const findings: Finding[] = [];
    for (const ref of crossReferencesOf(file, cable)) {
      if (ref.kind !== 'reference') continue;
      if (ref.letter && letters.size > 0 && !letters.has(ref.letter)) {
        findings.push({
          code: this.code,
          range: ref.range,
          message: l10n.t('REF {0} is not on the REF line (it lists {1})', ref.letter, [...letters].join(', ')),
          related: cable.references ? [{ range: cable.references.range, message: l10n.t('The REF line') }] : undefined,
        });
      } else if (!ref.letter && entries.length === 0) {
        findings.push({ code: this.code, range: ref.range, message: l10n.t('The text cites a reference but the cable has no REF line') });
      }
    }
    return findings;
  },
};

export const referenceUnused: Rule = {
  code: 'cable/ref-unused',
  defaultSeverity: 'hint',
  description: 'A lettered REF entry that the text never cites.',
  example: '`REF: A. … B. …` and the text cites only ref A',
  why: 'An uncited reference may be unnecessary; a hint only, since many cables cite their references implicitly.',
  check(cable, file) {
    const entries = (cable.references?.entries ?? []).filter((e) => e.letter);
    if (entries.length < 2) return [];
    const cited = new Set<string>();
    let unlettered = false;
    for (const ref of crossReferencesOf(file, cable)) {
      if (ref.kind !== 'reference') continue;
      if (ref.letter) cited.add(ref.letter);
      else unlettered = true;
    }
    // `refs`/`reftels` without letters may cite them all.
    if (unlettered) return [];
    return entries
      .filter((e) => !cited.has(e.letter!.value))
      .map((e) => ({ code: this.code, range: e.letter!.range, message: l10n.t('REF {0} is never cited in the text', e.letter!.value) }));
  },
};
