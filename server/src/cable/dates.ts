import type { CalendarDate, DtgValue, JulianTime } from './model';

export const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/** Two-digit years: cables run from the 1960s; 60–99 are 19xx, the rest 20xx. */
export function fullYear(twoDigitYear: number): number {
  return twoDigitYear >= 60 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function dtgValue(day: number, hour: number, minute: number, monthText: string, twoDigitYear: number): DtgValue {
  const month = MONTHS.indexOf(monthText.toUpperCase() as (typeof MONTHS)[number]) + 1;
  const year = fullYear(twoDigitYear);
  const valid = month > 0 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59;
  return { day, hour, minute, month, twoDigitYear, year, valid };
}

export function julianTime(text: string): JulianTime | undefined {
  if (!/^\d{7}$/.test(text)) return undefined;
  return { dayOfYear: Number(text.slice(0, 3)), hour: Number(text.slice(3, 5)), minute: Number(text.slice(5, 7)) };
}

/** Day of the year (1-based) of a calendar date. */
export function dayOfYear(year: number, month: number, day: number): number {
  let total = day;
  for (let m = 1; m < month; m++) total += daysInMonth(year, m);
  return total;
}

/** The calendar date of a day of the year (1-based); days past the year's end give 31 December. */
export function fromDayOfYear(year: number, ordinal: number): { month: number; day: number } {
  let rest = ordinal;
  for (let month = 1; month <= 12; month++) {
    const days = daysInMonth(year, month);
    if (rest <= days) return { month, day: rest };
    rest -= days;
  }
  return { month: 12, day: 31 };
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** `01/19/2029`, `08/24/05` (M/D/Y) or `2020/02/23` (Y/M/D). */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,3})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return calendarDate(year, Number(m[1]), Number(m[2]));
  }
  return undefined;
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return { year, month, day, valid };
}

/** ISO 8601 UTC for a DTG, when its values form a real instant. */
export function dtgToIso(value: DtgValue): string | undefined {
  if (!value.valid) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.year}-${pad(value.month)}-${pad(value.day)}T${pad(value.hour)}:${pad(value.minute)}Z`;
}
