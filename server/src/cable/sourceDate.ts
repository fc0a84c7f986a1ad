/**
 * Dates a source adds outside the telegram, used for the reference id's year when the text has no
 * DTG: WikiLeaks' `Wednesday, 29 November 2000, 13:59` above the text, a dump's
 * `Cable dated:2006-01-29T11:49:00`, a print wrapper's `TELEGRAM   June 03, 2003`, PlusD's
 * `Date: 1975 August 19, 21:22 (Tuesday)`.
 */
import { calendarDate } from './dates';
import type { CalendarDate, Token } from './model';
import { type Segment, tokenAt, trimmedBounds } from './scan';

const WEEKDAY_DATE =
  /^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})(?:,\s+\d{2}:\d{2})?\s*$/;
/** PlusD's metadata: `Date: 1975 August 19, 21:22 (Tuesday)`. */
const PLUSD_DATE =
  /^\s*Date:\s*(\d{4})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b/;
const CABLE_DATED = /^\s*Cable dated:\s*(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2})?)?/;
const TELEGRAM_DATE =
  /^\s*TELEGRAM\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+(\d{4})\s*$/;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function parseSourceDate(segment: Segment): Token<CalendarDate> | undefined {
  const text = segment.text;
  let m = WEEKDAY_DATE.exec(text);
  if (m) return dateToken(segment, text, Number(m[3]), MONTH_NAMES.indexOf(m[2]) + 1, Number(m[1]));
  m = TELEGRAM_DATE.exec(text);
  if (m)
    return dateToken(
      segment,
      text,
      Number(m[3]),
      MONTH_NAMES.indexOf(m[1]) + 1,
      Number(m[2]),
      text.indexOf(m[1], text.indexOf('TELEGRAM') + 8),
    );
  m = PLUSD_DATE.exec(text);
  if (m) return dateToken(segment, text, Number(m[1]), MONTH_NAMES.indexOf(m[2]) + 1, Number(m[3]), text.indexOf(m[1]));
  m = CABLE_DATED.exec(text);
  if (m)
    return tokenAt(
      segment,
      m.index + m[0].indexOf(m[1]),
      m[0].slice(m[0].indexOf(m[1])),
      calendarDate(Number(m[1]), Number(m[2]), Number(m[3])),
    );
  return undefined;
}

/** The date from `from` (the whole trimmed line when not given) to the end of the line. */
function dateToken(segment: Segment, text: string, year: number, month: number, day: number, from?: number): Token<CalendarDate> {
  const bounds = trimmedBounds(text);
  const start = from ?? bounds.start;
  const end = bounds.end;
  return tokenAt(segment, start, text.slice(start, end), calendarDate(year, month, day));
}
