import { LEVEL_RANK, type Level } from '../../cable/model';
import type { Finding, Rule } from '../types';

const NAME: Readonly<Record<Level, string>> = { U: 'UNCLASSIFIED', SBU: 'SBU', C: 'CONFIDENTIAL', S: 'SECRET', TS: 'TOP SECRET' };

export const paraMarkAboveOverall: Rule = {
  code: 'cable/para-mark-above-overall',
  defaultSeverity: 'error',
  description: 'A paragraph is marked above the cable\'s overall classification, e.g. (S) in a CONFIDENTIAL cable.',
  check(cable) {
    const line = cable.classificationLine;
    if (!line) return [];
    const overall = cable.classification.level ?? line.level.value;
    const findings: Finding[] = [];
    for (const p of cable.paragraphs) {
      const level = p.marking?.level;
      // SBU under UNCLAS is a handling matter (SENSITIVE caption), not a higher classification.
      if (!level || LEVEL_RANK[level] <= LEVEL_RANK[overall] || LEVEL_RANK[level] < LEVEL_RANK.C) continue;
      findings.push({
        code: this.code,
        range: p.marking!.range,
        message: `Paragraph marked ${p.marking!.text} (${NAME[level]}) but the cable is ${NAME[overall]}`,
        related: [{ range: line.level.range, message: `The classification line says ${NAME[line.level.value]}` }],
      });
    }
    return findings;
  },
};

export const headerClassificationMismatch: Rule = {
  code: 'cable/header-class-mismatch',
  defaultSeverity: 'error',
  description: 'The security group of the header (`ZNY CCCCC`) disagrees with the classification line.',
  check(cable) {
    const group = cable.header?.securityGroup?.group;
    const line = cable.classificationLine;
    if (!group?.value || !line) return [];
    const lineLevel = line.level.value === 'SBU' ? 'U' : line.level.value;
    if (group.value === lineLevel) return [];
    return [{
      code: this.code,
      range: group.range,
      message: `Security group ${group.text} says ${NAME[group.value]} but the classification line says ${NAME[line.level.value]}`,
      related: [{ range: line.level.range, message: 'The classification line' }],
    }];
  },
};
