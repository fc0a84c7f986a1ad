import * as l10n from '@vscode/l10n';
import { LEVEL_RANK, type Cable } from '../../cable/model';
import { classificationLevelShortName } from '../../data';
import { replace } from '../../analysis/edits';
import type { Finding, Rule } from '../types';

const classified = (cable: Cable) => cable.classification.level !== undefined && LEVEL_RANK[cable.classification.level] >= LEVEL_RANK.C;
const unclassified = (cable: Cable) => cable.classification.level === 'U' || cable.classification.level === 'SBU';

export const paraMarkAboveOverall: Rule = {
  code: 'cable/para-mark-above-overall',
  defaultSeverity: 'error',
  description: "A paragraph is marked above the cable's overall classification, e.g. (S) in a CONFIDENTIAL cable.",
  example: '`C O N F I D E N T I A L STATE 000123` … `2. (S) The minister said…`',
  why: 'A portion cannot be more sensitive than the whole; either the paragraph is over-marked or the cable is under-classified — both are handling errors (5 FAH-1 H-246).',
  check(cable) {
    const line = cable.classificationLine;
    if (!line) return [];
    // When the header and the text name different telegrams the paragraphs belong to the text, whose line gives their level.
    const overall = cable.conflict ? line.level.value : (cable.classification.level ?? line.level.value);
    const findings: Finding[] = [];
    const markings = [
      ...cable.paragraphs.map((p) => p.marking),
      ...cable.paragraphs.flatMap((p) => p.subParagraphs.map((s) => s.marking)),
      cable.subject?.marking,
    ];
    for (const marking of markings) {
      const level = marking?.level;
      // SBU under UNCLAS is a handling matter (SENSITIVE caption), not a higher classification.
      if (!marking || !level || LEVEL_RANK[level] <= LEVEL_RANK[overall] || LEVEL_RANK[level] < LEVEL_RANK.C) continue;
      findings.push({
        code: this.code,
        range: marking.range,
        message: l10n.t(
          'Paragraph marked {0} ({1}) but the cable is {2}',
          marking.text,
          classificationLevelShortName(level),
          classificationLevelShortName(overall),
        ),
        related: [
          { range: line.level.range, message: l10n.t('The classification line says {0}', classificationLevelShortName(line.level.value)) },
        ],
      });
    }
    return findings;
  },
};

export const headerClassificationMismatch: Rule = {
  code: 'cable/header-class-mismatch',
  defaultSeverity: 'error',
  description: 'The security group of the header (`ZNY CCCCC`) disagrees with the classification line.',
  example: '`ZNY SSSSS ZZH` in the header, `C O N F I D E N T I A L` on the classification line',
  why: 'The FL4 group is what the communications system acts on; it must say the same level as the text.',
  check(cable) {
    const group = cable.header?.securityGroup?.group;
    const line = cable.classificationLine;
    if (!group?.value || !line) return [];
    // A header whose station serial names another telegram belongs to another text altogether;
    // cable/header-serial-mismatch reports that, and the levels are not comparable.
    const serial = cable.header?.station?.serial?.value;
    if (serial !== undefined && line.serial && line.serial.value % 10000 !== serial % 10000) return [];
    const lineLevel = line.level.value === 'SBU' ? 'U' : line.level.value;
    if (group.value === lineLevel) return [];
    return [
      {
        code: this.code,
        range: group.range,
        message: l10n.t(
          'Security group {0} says {1} but the classification line says {2}',
          group.text,
          classificationLevelShortName(group.value),
          classificationLevelShortName(line.level.value),
        ),
        related: [{ range: line.level.range, message: l10n.t('The classification line') }],
      },
    ];
  },
};

export const securityWarningMismatch: Rule = {
  code: 'cable/header-znr-zny',
  defaultSeverity: 'warning',
  description: '`ZNR` goes with `UUUUU` (unclassified), `ZNY` with `CCCCC`, `SSSSS` or `TTTTT`.',
  example: '`ZNR CCCCC ZZH`',
  why: 'ZNR introduces unclassified traffic and ZNY classified traffic; the signal and the letter group must agree.',
  check(cable) {
    const g = cable.header?.securityGroup;
    if (!g?.group?.value) return [];
    const signal = g.signal.text.toUpperCase();
    const expected = g.group.value === 'U' ? 'ZNR' : 'ZNY';
    if (signal === expected || (signal !== 'ZNR' && signal !== 'ZNY')) return [];
    return [
      {
        code: this.code,
        range: g.signal.range,
        message: l10n.t(
          '{0} with {1}: expected {2} for {3} traffic',
          signal,
          g.group.text,
          expected,
          classificationLevelShortName(g.group.value),
        ),
        fix: replace(l10n.t('Change to {0}', expected), g.signal.range, expected),
      },
    ];
  },
};

export const eoNotApplicableOnClassified: Rule = {
  code: 'cable/eo-na-classified',
  defaultSeverity: 'error',
  description: 'A CONFIDENTIAL or SECRET cable says `E.O. 12958: N/A`: classified cables carry a declassification instruction.',
  example: '`E.O. 12958: N/A` on a SECRET cable',
  why: 'Classified information needs a declassification instruction; N/A is only for unclassified telegrams.',
  check(cable) {
    const na = cable.eoLine?.notApplicable;
    if (!na || !classified(cable)) return [];
    return [
      {
        code: this.code,
        range: na.range,
        message: l10n.t('E.O. line says N/A but the cable is {0}; expected DECL: and a date', String(cable.classification.label)),
        related: cable.classificationLine
          ? [{ range: cable.classificationLine.level.range, message: l10n.t('The classification line') }]
          : undefined,
      },
    ];
  },
};

export const eoDeclOnUnclassified: Rule = {
  code: 'cable/eo-decl-unclassified',
  defaultSeverity: 'hint',
  description: 'An UNCLASSIFIED cable carries a declassification date (usually `N/A`).',
  example: '`E.O. 12958: DECL: 01/01/2019` on an UNCLAS cable',
  why: 'Unclassified cables have nothing to declassify; a date usually means the classification line is wrong.',
  check(cable) {
    const decl = cable.eoLine?.declValue;
    if (!decl?.value || !unclassified(cable) || !cable.classificationLine) return [];
    return [
      {
        code: this.code,
        range: decl.range,
        message: l10n.t('Declassification date on an {0} cable; unclassified cables usually say N/A', String(cable.classification.label)),
      },
    ];
  },
};

export const classifiedByOnUnclassified: Rule = {
  code: 'cable/classified-by-unclassified',
  defaultSeverity: 'warning',
  description: 'An UNCLASSIFIED cable has a `Classified By:` line.',
  example: '`Classified By: …` on an UNCLAS cable',
  why: 'An authority for a classification that the cable does not have points at a wrong classification line.',
  check(cable) {
    const by = cable.classifiedBy;
    if (!by || !unclassified(cable) || !cable.classificationLine) return [];
    return [
      {
        code: this.code,
        range: by.keyword.range,
        message: l10n.t('Classified By line on an {0} cable', String(cable.classification.label)),
        related: [{ range: cable.classificationLine.level.range, message: l10n.t('The classification line') }],
      },
    ];
  },
};

export const classifiedByMissing: Rule = {
  code: 'cable/classified-by-missing',
  defaultSeverity: 'information',
  description: 'A classified cable has no `Classified By:` line (the classification authority and reasons).',
  example: '`C O N F I D E N T I A L …` with no `Classified By:` line',
  why: 'Classified telegrams name the classification authority and the reasons (1.4 (b), (d)…); some genuine cables omit or merge it, so this is informational.',
  check(cable) {
    const line = cable.classificationLine;
    if (!line || !classified(cable) || cable.classifiedBy || cable.paragraphs.length === 0) return [];
    return [
      {
        code: this.code,
        range: line.level.range,
        message: l10n.t('{0} cable without a Classified By line', String(cable.classification.label)),
      },
    ];
  },
};

export const caveatNotCarried: Rule = {
  code: 'cable/caveat-not-carried',
  defaultSeverity: 'information',
  description: 'A portion is marked NOFORN (`NF`) but neither the classification line nor a caption carries NOFORN.',
  example: '`1. (C/NF) …` in a cable without NOFORN on its classification line or captions',
  why: 'The overall marking carries the most restrictive caveat of any portion. Many released texts lost the NOFORN caption, so this is informational.',
  check(cable) {
    const line = cable.classificationLine;
    if (!line || cable.classification.caveats.includes('NOFORN')) return [];
    const findings: Finding[] = [];
    for (const p of cable.paragraphs) {
      const m = p.marking;
      if (m?.caveats.includes('NOFORN')) {
        findings.push({
          code: this.code,
          range: m.range,
          message: l10n.t('Paragraph marked {0} (NOFORN) but the cable carries no NOFORN caption', m.text),
          related: [{ range: line.range, message: l10n.t('The classification line') }],
        });
      }
    }
    return findings;
  },
};

export const relToWithNoforn: Rule = {
  code: 'cable/caveat-rel-noforn',
  defaultSeverity: 'warning',
  description: 'A portion is marked releasable (`REL TO`) in a cable that is NOFORN overall.',
  example: '`3. (S/REL NATO) …` in a NOFORN cable',
  why: 'A portion cannot be releasable to foreign partners when the cable as a whole is not releasable to foreign nationals.',
  check(cable) {
    if (!cable.classification.caveats.includes('NOFORN')) return [];
    return cable.paragraphs.flatMap((p) => {
      const m = p.marking;
      const rel = m?.caveats.find((c) => c.startsWith('REL TO'));
      return m && rel
        ? [{ code: this.code, range: m.range, message: l10n.t('Paragraph marked {0} ({1}) in a NOFORN cable', m.text, rel) }]
        : [];
    });
  },
};

export const sensitiveOnClassified: Rule = {
  code: 'cable/caption-sensitive-classified',
  defaultSeverity: 'hint',
  description: 'The SENSITIVE caption (SBU) on a classified cable.',
  example: '`SENSITIVE` caption on a CONFIDENTIAL cable',
  why: 'SENSITIVE marks Sensitive But Unclassified traffic; on a classified cable it is redundant or a leftover.',
  check(cable) {
    if (!classified(cable)) return [];
    return cable.captions
      .filter((c) => c.value === 'SENSITIVE')
      .map((c) => ({
        code: this.code,
        range: c.range,
        message: l10n.t('SENSITIVE marks unclassified (SBU) traffic; this cable is {0}', String(cable.classification.label)),
      }));
  },
};

export const distributionConflict: Rule = {
  code: 'cable/caption-conflict',
  defaultSeverity: 'warning',
  description: 'NODIS together with EXDIS or LIMDIS: the distribution captions exclude each other.',
  example: '`NODIS` and `EXDIS` on the same cable',
  why: 'NODIS, EXDIS and LIMDIS are alternative distribution levels; only one applies.',
  check(cable) {
    const nodis = cable.captions.find((c) => c.value === 'NODIS');
    if (!nodis) return [];
    return cable.captions
      .filter((c) => c.value === 'EXDIS' || c.value === 'LIMDIS')
      .map((c) => ({
        code: this.code,
        range: c.range,
        message: l10n.t('{0} together with NODIS', c.value),
        related: [{ range: nodis.range, message: 'NODIS' }],
      }));
  },
};
