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
 * Minutes from the DTG to the filing time (negative: filed before it). The filing time carries no
 * year: it is read in the DTG's year, or in the next one when that puts it more than 300 days
 * before the DTG (`312351Z DEC 08` filed on day 001 at 00:10 is 19 minutes later), or in the
 * previous one when more than 300 days after it (`010005Z JAN 09` filed on day 365 at 23:58).
 */
export function filingOffsetMinutes(dtg: DtgValue, filing: JulianTime): number {
  const dtgMinutes = minutesIntoYear(dayOfYear(dtg.year, dtg.month, dtg.day), dtg.hour, dtg.minute);
  let filingMinutes = minutesIntoYear(filing.dayOfYear, filing.hour, filing.minute);
  if (filingMinutes < dtgMinutes - 300 * MINUTES_PER_DAY) filingMinutes += daysInYear(dtg.year) * MINUTES_PER_DAY;
  else if (filingMinutes > dtgMinutes + 300 * MINUTES_PER_DAY) filingMinutes -= daysInYear(dtg.year - 1) * MINUTES_PER_DAY;
  return filingMinutes - dtgMinutes;
}

export function filingAgrees(offsetMinutes: number): boolean {
  return offsetMinutes >= -FILING_WINDOW.minutesBefore && offsetMinutes <= FILING_WINDOW.minutesAfter;
}

function minutesIntoYear(day: number, hour: number, minute: number): number {
  return (day * 24 + hour) * 60 + minute;
}
