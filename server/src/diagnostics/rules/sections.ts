import type { Rule } from '../types';

export const sectionRange: Rule = {
  code: 'cable/section-range',
  defaultSeverity: 'error',
  description: '`SECTION NN OF MM` with NN greater than MM, or a section 00.',
  check(cable) {
    const section = cable.classificationLine?.section;
    if (!section) return [];
    const n = section.number.value;
    const total = section.total.value;
    if (n >= 1 && total >= 1 && n <= total) return [];
    const width = section.number.text.length;
    const fixedTotal = String(Math.max(n, 1)).padStart(width, '0');
    return [{
      code: this.code,
      range: section.range,
      message: `"${section.number.text} OF ${section.total.text}": the section number must be between 01 and the number of sections`,
      fix: n >= 1 ? { title: `Change to SECTION ${section.number.text} OF ${fixedTotal}`, range: section.total.range, newText: fixedTotal } : undefined,
    }];
  },
};
