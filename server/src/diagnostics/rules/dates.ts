import { MONTHS } from '../../cable/dates';
import type { Rule } from '../types';

export const dtgInvalid: Rule = {
  code: 'cable/dtg-invalid',
  defaultSeverity: 'error',
  description: 'The date-time group is not a real date and time (31 NOV, hour 24, an unknown month).',
  check(cable) {
    const dtg = cable.dtg?.token;
    if (!dtg || dtg.value.valid) return [];
    const v = dtg.value;
    const reason =
      v.month === 0 ? `unknown month (expected one of ${MONTHS.join(' ')})`
        : v.hour > 23 || v.minute > 59 ? `no such time ${String(v.hour).padStart(2, '0')}${String(v.minute).padStart(2, '0')}Z`
          : `${MONTHS[v.month - 1]} ${v.year} has no day ${v.day}`;
    return [{ code: this.code, range: dtg.range, message: `Date-time group ${dtg.text}: ${reason}` }];
  },
};
