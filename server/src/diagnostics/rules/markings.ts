import type { Rule } from '../types';

export const markingUnclosed: Rule = {
  code: 'cable/marking-unclosed',
  defaultSeverity: 'error',
  description: 'A portion marking opens a parenthesis it never closes: `1. (C The…`.',
  check(cable) {
    return cable.paragraphs.flatMap((p) => {
      const m = p.marking;
      if (!m || m.closed) return [];
      const content = m.text.slice(1).trim();
      return [{
        code: this.code,
        range: m.range,
        message: `Portion marking "${m.text}" has no closing parenthesis; expected "(${content})"`,
        fix: { title: `Close the marking: (${content})`, range: m.range, newText: `(${content})` },
      }];
    });
  },
};

export const markingUnknown: Rule = {
  code: 'cable/marking-unknown',
  defaultSeverity: 'warning',
  description: 'A portion marking whose level or caveat is not a known one, such as `(SNF)` or `(N/SF)`.',
  check(cable) {
    return cable.paragraphs.flatMap((p) => {
      const m = p.marking;
      if (!m || m.unknownParts.length === 0) return [];
      const what = m.level === undefined ? 'no known classification level' : `unknown part${m.unknownParts.length > 1 ? 's' : ''} ${m.unknownParts.join(', ')}`;
      return [{ code: this.code, range: m.range, message: `Portion marking ${m.text} has ${what}; expected e.g. (U), (SBU), (C), (S), (S//NF)` }];
    });
  },
};
