import * as l10n from '@vscode/l10n';
import { filingAgrees, filingOffsetMinutes } from '../../analysis/filingTime';
import { daysInYear, MONTHS } from '../../cable/dates';
import { replace } from '../../analysis/edits';
import type { Rule } from '../types';

export const dtgInvalid: Rule = {
  code: 'cable/dtg-invalid',
  defaultSeverity: 'error',
  description: 'The date-time group is not a real date and time (31 NOV, hour 24, an unknown month).',
  example: '`O 312051Z NOV 08`',
  why: 'A date-time group must be a real instant: there is no 31 November, hour 24 or month NOB.',
  check(cable) {
    const dtg = cable.dtg?.token;
    if (!dtg || dtg.value.valid) return [];
    const v = dtg.value;
    const reason =
      v.month === 0
        ? l10n.t('unknown month (expected one of {0})', MONTHS.join(' '))
        : v.hour > 23 || v.minute > 59
          ? l10n.t('no such time {0}', `${String(v.hour).padStart(2, '0')}${String(v.minute).padStart(2, '0')}Z`)
          : l10n.t('{0} {1} has no day {2}', MONTHS[v.month - 1], v.year, v.day);
    return [{ code: this.code, range: dtg.range, message: l10n.t('Date-time group {0}: {1}', dtg.text, reason) }];
  },
};

export const dtgMonthCase: Rule = {
  code: 'cable/dtg-month-case',
  defaultSeverity: 'hint',
  description: 'The month of a date-time group is written in lower or mixed case (`Nov`); telegrams use capitals.',
  example: '`291359Z Nov 00`',
  why: 'Telegrams write the month in capitals; lower case comes from re-cased extracts.',
  check(cable) {
    const dtg = cable.dtg?.token;
    if (!dtg) return [];
    const m = /([A-Za-z]{3})(\s+\d{2})$/.exec(dtg.text);
    if (!m || m[1] === m[1].toUpperCase() || dtg.value.month === 0) return [];
    const start = dtg.range.start.character + m.index;
    const range = { start: { line: dtg.range.start.line, character: start }, end: { line: dtg.range.start.line, character: start + 3 } };
    return [
      {
        code: this.code,
        range,
        message: l10n.t('Month "{0}" in lower case; expected {1}', m[1], m[1].toUpperCase()),
        fix: replace(l10n.t('Upper-case the month: {0}', m[1].toUpperCase()), range, m[1].toUpperCase()),
      },
    ];
  },
};

export const filingTimeInvalid: Rule = {
  code: 'cable/filing-time-invalid',
  defaultSeverity: 'error',
  description: 'The FL3 filing time `DDDHHMM` has a day of the year, hour or minute out of range.',
  example: '`DE RUEHC #5608 3992058`',
  why: 'DDDHHMM: the day of the year is 001–365 (366 in leap years), the hour 00–23, the minute 00–59.',
  check(cable) {
    const token = cable.header?.station?.filingTime;
    const t = token?.value;
    if (!token || !t) return [];
    const year = cable.dtg?.token.value.year;
    const maxDay = year !== undefined ? daysInYear(year) : 366;
    if (t.dayOfYear >= 1 && t.dayOfYear <= maxDay && t.hour <= 23 && t.minute <= 59) return [];
    return [
      {
        code: this.code,
        range: token.range,
        message: l10n.t(
          'Filing time {0}: day {1} (1–{2}), {3}:{4} is not a valid day of the year and time',
          token.text,
          t.dayOfYear,
          maxDay,
          t.hour,
          t.minute,
        ),
      },
    ];
  },
};

export const filingTimeMismatch: Rule = {
  code: 'cable/filing-time-mismatch',
  defaultSeverity: 'warning',
  description: 'The FL3 filing time is more than a day away from the date-time group (filing follows the DTG within minutes).',
  example: '`DE RUEHC #5608 3352058` with `O 262051Z NOV 08`',
  why: 'The station files the telegram minutes after its DTG; days apart means one of them is wrong.',
  check(cable) {
    const token = cable.header?.station?.filingTime;
    const t = token?.value;
    const dtg = cable.header?.dtg?.token;
    if (!token || !t || !dtg?.value.valid || t.hour > 23 || t.minute > 59) return [];
    const difference = filingOffsetMinutes(dtg.value, t);
    if (filingAgrees(difference)) return [];
    const days = Math.round(difference / (24 * 60));
    return [
      {
        code: this.code,
        range: token.range,
        message:
          Math.abs(days) >= 1
            ? difference < 0
              ? l10n.t('Filing time {0} is {1} day(s) before the DTG {2}', token.text, Math.abs(days), dtg.text)
              : l10n.t('Filing time {0} is {1} day(s) after the DTG {2}', token.text, Math.abs(days), dtg.text)
            : difference < 0
              ? l10n.t('Filing time {0} is {1} minutes before the DTG {2}', token.text, Math.abs(difference), dtg.text)
              : l10n.t('Filing time {0} is {1} minutes after the DTG {2}', token.text, Math.abs(difference), dtg.text),
        related: [{ range: dtg.range, message: l10n.t('The date-time group') }],
      },
    ];
  },
};

export const declDateInvalid: Rule = {
  code: 'cable/decl-date-invalid',
  defaultSeverity: 'error',
  description: 'The `DECL:` date of the E.O. line is not a real calendar date.',
  example: '`DECL: 02/30/2019`',
  why: 'The declassification date must be a real date.',
  check(cable) {
    const decl = cable.eoLine?.declValue;
    if (!decl?.value || decl.value.valid) return [];
    return [
      { code: this.code, range: decl.range, message: l10n.t('Declassification date {0} is not a real date (month/day/year)', decl.text) },
    ];
  },
};

export const declBeforeDtg: Rule = {
  code: 'cable/decl-before-dtg',
  defaultSeverity: 'warning',
  description: 'The declassification date is earlier than the date of the cable.',
  example: '`DECL: 01/19/2001` on a cable dated 2009',
  why: 'A cable cannot be declassified before it was written.',
  check(cable) {
    const decl = cable.eoLine?.declValue;
    const dtg = cable.dtg?.token.value;
    if (!decl?.value?.valid || !dtg?.valid) return [];
    const d = decl.value;
    const declDays = d.year * 372 + d.month * 31 + d.day;
    const dtgDays = dtg.year * 372 + dtg.month * 31 + dtg.day;
    if (declDays >= dtgDays) return [];
    return [
      {
        code: this.code,
        range: decl.range,
        message: l10n.t(
          "Declassification date {0} is before the cable's date ({1} {2} {3})",
          decl.text,
          dtg.day,
          MONTHS[dtg.month - 1],
          dtg.year,
        ),
        related: cable.dtg ? [{ range: cable.dtg.range, message: l10n.t('The date-time group') }] : undefined,
      },
    ];
  },
};
