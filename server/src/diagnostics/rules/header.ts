import * as l10n from '@vscode/l10n';
import { precedenceMeaning } from '../../data';
import { replace } from '../../analysis/edits';
import type { Finding, Rule } from '../types';

export const transmissionIdFormat: Rule = {
  code: 'cable/header-fl1-format',
  defaultSeverity: 'warning',
  description: 'The FL1 transmission identifier is not `VZCZC` + a 3-letter channel + a 3–4 digit sequence number.',
  example: '`VZCZCXRO82`',
  why: 'FL1 is VZCZC, a three-letter channel designator and a 3–4 digit channel sequence number.',
  check(cable) {
    const id = cable.header?.transmissionId;
    if (!id || /^VZCZC[A-Z]{3}\d{3,4}$/.test(id.text)) return [];
    return [
      {
        code: this.code,
        range: id.range,
        message: l10n.t('Transmission identifier {0}: expected VZCZC, a 3-letter channel and a 3–4 digit number (VZCZCXRO0825)', id.text),
      },
    ];
  },
};

export const routingIndicatorFormat: Rule = {
  code: 'cable/header-ri-format',
  defaultSeverity: 'warning',
  description: 'A routing indicator is not 4–7 capital letters starting with R.',
  example: '`RUEH1`, `rueh`',
  why: 'Routing indicators are 4–7 capital letters starting with R (ACP 117).',
  check(cable) {
    const h = cable.header;
    if (!h) return [];
    const tokens = [
      ...h.relays,
      ...(h.station?.routingIndicator ? [h.station.routingIndicator] : []),
      ...h.addressees.flatMap((a) => (a.routingIndicator ? [a.routingIndicator] : [])),
    ];
    return tokens
      .filter((t) => !/^R[A-Z]{3,6}$/.test(t.text))
      .map((t) => ({
        code: this.code,
        range: t.range,
        message: l10n.t('Routing indicator {0}: expected 4–7 capital letters starting with R', t.text),
      }));
  },
};

export const precedenceWordUnknown: Rule = {
  code: 'cable/header-precedence-word',
  defaultSeverity: 'warning',
  description: 'A misspelt precedence word on a TO/INFO line (`PIORITY`).',
  example: '`TO RUEHC/SECSTATE WASHDC PIORITY 4366`',
  why: 'The precedence word decides handling; a misspelling is not a precedence.',
  check(cable) {
    return (cable.header?.addressees ?? []).flatMap((a) => {
      const p = a.precedence;
      if (!p || precedenceMeaning(p.text.replace(/\s+/g, ' '))) return [];
      return [
        {
          code: this.code,
          range: p.range,
          message: l10n.t('Unknown precedence word {0}; expected FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE', p.text),
          fix: /^PI?R?I?O?R?I?T?Y$/.test(p.text) ? replace(l10n.t('Change to {0}', 'PRIORITY'), p.range, 'PRIORITY') : undefined,
        },
      ];
    });
  },
};

export const precedenceMismatch: Rule = {
  code: 'cable/header-precedence-mismatch',
  defaultSeverity: 'information',
  description: 'The FL5 precedence letter differs from the highest precedence on the TO lines.',
  example: '`R 011200Z JAN 09` with `TO … IMMEDIATE`',
  why: 'The highest action precedence determines the precedence of the telegram (5 FAH-2 H-321.2); informational, as released headers are not always complete.',
  check(cable) {
    const h = cable.header;
    const action = h?.dtg?.precedence[0];
    if (!h || !action) return [];
    const ranks = h.addressees
      .filter((a) => a.role === 'to' && a.precedence)
      .map((a) => precedenceMeaning(a.precedence!.text.replace(/\s+/g, ' ')));
    if (ranks.length === 0 || ranks.some((r) => !r)) return [];
    const highest = ranks.reduce((a, b) => (b!.rank > a!.rank ? b : a))!;
    const letter = precedenceMeaning(action.text);
    if (!letter || letter.rank === highest.rank) return [];
    const findings: Finding[] = [
      {
        code: this.code,
        range: action.range,
        message: l10n.t(
          'Precedence {0} ({1}) but the highest action precedence on the TO lines is {2} ({3})',
          action.text,
          letter.word,
          highest.word,
          highest.prosign,
        ),
      },
    ];
    return findings;
  },
};
