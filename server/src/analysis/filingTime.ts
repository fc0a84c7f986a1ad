import { dayOfYear, daysInYear } from '../cable/dates';
import type { DtgValue, JulianTime } from '../cable/model';

const MINUTES_PER_DAY = 24 * 60;

/**
 * How far the FL3 filing time (`DDDHHMM`, a day of the year with no year) may lie from the DTG and
 * still agree. Stations file a telegram minutes after its date-time group; an hour before and a day
 * after are allowed for clocks and queues (the filing-time-mismatch rule's window since it shipped).
 */
export const FILING_WINDOW = { minutesBefore: 60, minutesAfter: MINUTES_PER_DAY } as const;

/**
 * The year the filing time falls in. It carries none: it is read in the DTG's year, or in the next
 * one when that puts it more than 300 days before the DTG (`312351Z DEC 08` filed on day 001 at
 * 00:10 was filed on 1 January 2009), or in the previous one when more than 300 days after it
 * (`010005Z JAN 09` filed on day 365 at 23:58).
 */
export function filingYear(dtg: DtgValue, filing: JulianTime): number {
  const dtgMinutes = minutesIntoYear(dayOfYear(dtg.year, dtg.month, dtg.day), dtg.hour, dtg.minute);
  const filingMinutes = minutesIntoYear(filing.dayOfYear, filing.hour, filing.minute);
  if (filingMinutes < dtgMinutes - 300 * MINUTES_PER_DAY) return dtg.year + 1;
  if (filingMinutes > dtgMinutes + 300 * MINUTES_PER_DAY) return dtg.year - 1;
  return dtg.year;
}

/** Minutes from the DTG to the filing time (negative: filed before it), across a year boundary either way. */
export function filingOffsetMinutes(dtg: DtgValue, filing: JulianTime): number {
  const dtgMinutes = minutesIntoYear(dayOfYear(dtg.year, dtg.month, dtg.day), dtg.hour, dtg.minute);
  let filingMinutes = minutesIntoYear(filing.dayOfYear, filing.hour, filing.minute);
  const year = filingYear(dtg, filing);
  if (year > dtg.year) filingMinutes += daysInYear(dtg.year) * MINUTES_PER_DAY;
  else if (year < dtg.year) filingMinutes -= daysInYear(year) * MINUTES_PER_DAY;
  return filingMinutes - dtgMinutes;
}

export function filingAgrees(offsetMinutes: number): boolean {
  return offsetMinutes >= -FILING_WINDOW.minutesBefore && offsetMinutes <= FILING_WINDOW.minutesAfter;
}

function minutesIntoYear(day: number, hour: number, minute: number): number {
  return (day * 24 + hour) * 60 + minute;
}
