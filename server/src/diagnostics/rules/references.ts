import * as l10n from '@vscode/l10n';
import { crossReferencesOf } from '../../analysis/crossReferences';
import { paragraphsNumbered } from '../../analysis/resolve';
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
      if (ref.letter && letters.size === 0 && !cable.partialExtract) {
        findings.push({
          code: this.code,
          range: ref.range,
          message: l10n.t('The text cites REF {0} but the cable has no REF line', ref.letter),
        });
      } else if (ref.letter && letters.size > 0 && !letters.has(ref.letter)) {
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

export const paragraphReferenceUndefined: Rule = {
  code: 'cable/ref-para-undefined',
  defaultSeverity: 'warning',
  description: 'The text cites `para N` (or `paras N-M`) but no paragraph of the cable has that number.',
  example: '`see para 7` in a cable of paragraphs 1–5',
  why: 'A citation that leads nowhere: a paragraph removed or renumbered after the text cited it. Citations into other telegrams (`reftel para 3`, `para 2 of ref A`) and documents (`paragraph 12 of resolution 1737`, `Article 4 paragraph 7`) are not checked, nor partial extracts, cables without numbered paragraphs, and paragraphs past the last of a section whose later sections the text lacks. A warning, not an error: on 3 of the 1,420 genuine cables, each citing a paragraph its text lacks, and a draft may cite a paragraph not yet written.',
  check(cable, file) {
    if (cable.partialExtract || cable.paragraphs.length === 0) return [];
    const numbers = cable.paragraphs.map((p) => p.number.value);
    const lowest = Math.min(...numbers);
    const highest = Math.max(...numbers);
    const sections = cable.classificationLine?.section?.total.value ?? 1;
    const sectionsMissing = sections > 1 && cable.continuationHeaders.length + 1 < sections;
    const findings: Finding[] = [];
    for (const ref of crossReferencesOf(file, cable)) {
      if (ref.kind !== 'paragraph' || paragraphsNumbered(cable, ref.first, ref.last).length > 0) continue;
      // A later section of a long telegram holds only its own paragraphs; earlier ones are cited from it.
      if (lowest > 1 && ref.last < lowest) continue;
      // A section whose telegram goes on in sections this text lacks: later paragraphs are there.
      if (sectionsMissing && ref.first > highest) continue;
      findings.push({
        code: this.code,
        range: ref.range,
        message:
          ref.first === ref.last
            ? l10n.t('No paragraph {0} in this cable (its paragraphs are numbered {1}–{2})', ref.first, lowest, highest)
            : l10n.t('No paragraph {0}–{1} in this cable (its paragraphs are numbered {2}–{3})', ref.first, ref.last, lowest, highest),
        related: [{ range: cable.paragraphs[cable.paragraphs.length - 1].number.range, message: l10n.t('The last numbered paragraph') }],
      });
    }
    return findings;
  },
};
