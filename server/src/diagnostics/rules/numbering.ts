import * as l10n from '@vscode/l10n';
import { crossReferencesOf } from '../../analysis/crossReferences';
import { type Edit, replace } from '../../analysis/edits';
import type { Cable, CableFile } from '../../cable/model';
import type { Finding, Rule } from '../types';

export const paragraphSequence: Rule = {
  code: 'cable/para-number-sequence',
  defaultSeverity: 'information',
  description:
    'Numbered paragraphs skip a number, repeat one, or start again; the quick fix renumbers them consecutively, and the `para N` and `paras N-M` that cite them.',
  example: '`6.` … `6.`, or `11.` after `9.`',
  why: 'Paragraphs are numbered consecutively (5 FAH-1 H-246.2); gaps and repeats usually mean a lost or duplicated paragraph. Partial extracts are exempt.',
  check(cable, file) {
    const paragraphs = cable.paragraphs;
    // A partial extract keeps only some paragraphs: gaps are expected there.
    if (paragraphs.length < 2 || cable.partialExtract) return [];
    const findings: Finding[] = [];
    const first = paragraphs[0].number.value;
    for (let i = 1; i < paragraphs.length; i++) {
      const previous = paragraphs[i - 1].number.value;
      const p = paragraphs[i];
      const n = p.number.value;
      if (n === previous + 1) continue;
      const what =
        n === previous
          ? l10n.t('repeats number {0}', n)
          : n < previous
            ? l10n.t('restarts at {0} after {1}', n, previous)
            : l10n.t('skips from {0} to {1}', previous, n);
      findings.push({
        code: this.code,
        range: p.number.range,
        message: l10n.t('Paragraph numbering {0}; expected {1}.', what, previous + 1),
        related: [{ range: paragraphs[i - 1].number.range, message: l10n.t('Paragraph {0}', previous) }],
        fix: renumberFix(file, cable, first),
      });
    }
    return findings;
  },
};

/**
 * Renumbers every paragraph consecutively from 1 (from the first number in a later section), and
 * the `para N` and `paras N-M` of the text with them. A number two paragraphs share is left
 * alone where the text cites it: which of them is meant is not clear.
 */
function renumberFix(file: CableFile, cable: Cable, first: number): Finding['fix'] {
  const start = (cable.classificationLine?.section?.number.value ?? 1) > 1 ? first : 1;
  const renumbered = cable.paragraphs.map((p, i) => ({ p, expected: start + i }));
  const edits: Edit[] = renumbered
    .filter(({ p, expected }) => p.number.value !== expected)
    .map(({ p, expected }) => ({ range: p.number.range, newText: p.number.text.replace(/^\d+/, String(expected)) }));
  if (edits.length === 0) return undefined;
  const shared = new Set<number>();
  const newNumber = new Map<number, number>();
  for (const { p, expected } of renumbered) {
    if (newNumber.has(p.number.value)) shared.add(p.number.value);
    newNumber.set(p.number.value, expected);
  }
  for (const ref of crossReferencesOf(file, cable)) {
    if (ref.kind !== 'paragraph') continue;
    for (const { range, value } of ref.numbers) {
      const renumberedTo = newNumber.get(value);
      if (renumberedTo !== undefined && renumberedTo !== value && !shared.has(value)) edits.push({ range, newText: String(renumberedTo) });
    }
  }
  return { title: l10n.t('Renumber the paragraphs consecutively from {0}', start), edits };
}

export const paragraphStart: Rule = {
  code: 'cable/para-number-start',
  defaultSeverity: 'information',
  description: 'The first numbered paragraph is not 1 (markdown conversions shift numbers, e.g. `11.` for 1).',
  example: 'first paragraph `11.`',
  why: 'Numbering starts at 1; markdown conversions and excerpts shift it.',
  check(cable) {
    const first = cable.paragraphs[0];
    if (!first || first.number.value === 1 || cable.partialExtract) return [];
    // A later section of a long cable continues the numbering: that is not a defect.
    if ((cable.classificationLine?.section?.number.value ?? 1) > 1) return [];
    return [
      {
        code: this.code,
        range: first.number.range,
        message: l10n.t('Numbered paragraphs start at {0}; expected 1.', first.number.value),
        fix: replace(l10n.t('Renumber as 1'), first.number.range, first.number.text.replace(/^\d+/, '1')),
      },
    ];
  },
};

export const singleNumberedParagraph: Rule = {
  code: 'cable/para-single-numbered',
  defaultSeverity: 'hint',
  description: 'The only paragraph of the cable is numbered; the FAH says not to number a single paragraph.',
  example: 'a cable with only `1. (U) …`',
  why: 'The FAH says not to number a single paragraph.',
  check(cable) {
    return cable.paragraphs.length === 1 && cable.paragraphs[0].subParagraphs.length === 0 && cable.paragraphs[0].number.value === 1
      ? [{ code: this.code, range: cable.paragraphs[0].number.range, message: l10n.t('A single paragraph is not numbered') }]
      : [];
  },
};
