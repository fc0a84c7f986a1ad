import * as l10n from '@vscode/l10n';
import { filingAgrees, filingOffsetMinutes, filingYear } from '../../analysis/filingTime';
import { daysInYear, dtgToIso, fromDayOfYear, MONTHS } from '../../cable/dates';
import type { Cable, DateTimeGroup, DtgValue, JulianTime, Position, Token } from '../../cable/model';
import { precedenceMeaning } from '../../data';
import { escapeMarkdown } from '../markdown';
import { type Found, hit } from './parts';

const WEEKDAYS = () => [
  l10n.t('Sunday'),
  l10n.t('Monday'),
  l10n.t('Tuesday'),
  l10n.t('Wednesday'),
  l10n.t('Thursday'),
  l10n.t('Friday'),
  l10n.t('Saturday'),
];
const MINUTES_PER_DAY = 24 * 60;

export function dtgHover(cable: Cable, dtg: DateTimeGroup): Found {
  const v = dtg.token.value;
  const iso = dtgToIso(v);
  const weekday = WEEKDAYS()[new Date(Date.UTC(v.year, v.month - 1, v.day)).getUTCDay()];
  const lines = [
    iso
      ? l10n.t('**{0}** — {1}, date-time group (UTC)', iso, weekday)
      : l10n.t('**{0}** — not a valid date-time group', escapeMarkdown(dtg.token.text)),
  ];
  if (dtg.precedence.length)
    lines.push(l10n.t('Precedence {0}.', dtg.precedence.map((p) => `${p.text} (${precedenceMeaning(p.text)?.word ?? '?'})`).join(', ')));
  const filing = cable.header?.station?.filingTime?.value;
  if (filing && v.valid) lines.push(agreement(v, filing));
  return { range: dtg.range, lines };
}

export function julianHover(cable: Cable, token: Token<JulianTime | undefined>): Found {
  const julian = token.value;
  if (!julian) return { range: token.range, lines: [l10n.t('**{0}** — not a DDDHHMM filing time', escapeMarkdown(token.text))] };
  const dtg = cable.dtg?.token.value;
  const year = dtg?.valid ? filingYear(dtg, julian) : dtg?.year;
  const lines: string[] = [];
  const time = `${pad(julian.hour)}:${pad(julian.minute)}Z`;
  if (year !== undefined && julian.dayOfYear >= 1 && julian.dayOfYear <= daysInYear(year)) {
    const { month, day } = fromDayOfYear(year, julian.dayOfYear);
    const iso = `${year}-${pad(month)}-${pad(day)}T${time}`;
    lines.push(l10n.t('**{0}** — filing time: day {1} ({2}) {3}', iso, julian.dayOfYear, `${day} ${MONTHS[month - 1]} ${year}`, time));
    if (dtg?.valid) lines.push(agreement(dtg, julian));
  } else {
    lines.push(l10n.t('**Day {0}, {1}** — filing time (Julian day, hour, minute)', julian.dayOfYear, time));
  }
  return { range: token.range, lines };
}

/** Whether the filing time agrees with the DTG, by the rule filing-time-mismatch applies (analysis/filingTime.ts). */
function agreement(dtg: DtgValue, filing: JulianTime): string {
  const offset = filingOffsetMinutes(dtg, filing);
  const minutes = Math.abs(offset);
  if (filingAgrees(offset)) {
    if (offset === -1) return l10n.t('Agrees with the DTG: filed 1 minute before it.');
    if (offset < 0) return l10n.t('Agrees with the DTG: filed {0} minutes before it.', minutes);
    return offset === 1
      ? l10n.t('Agrees with the DTG: filed 1 minute after it.')
      : l10n.t('Agrees with the DTG: filed {0} minutes after it.', offset);
  }
  if (minutes >= MINUTES_PER_DAY) {
    const days = Math.round(minutes / MINUTES_PER_DAY);
    return offset < 0
      ? l10n.t('Does not agree with the DTG: {0} day(s) before it.', days)
      : l10n.t('Does not agree with the DTG: {0} day(s) after it.', days);
  }
  return offset < 0
    ? l10n.t('Does not agree with the DTG: {0} minutes before it.', minutes)
    : l10n.t('Does not agree with the DTG: {0} minutes after it.', minutes);
}

export function serialHover(
  cable: Cable,
  serial: Token<number> | undefined,
  section: Token<number> | undefined,
  position: Position,
): Found {
  const telegram = cable.classificationLine?.serial?.value;
  const target = hit(section, position) ? section! : serial!;
  const shown = `${escapeMarkdown(serial?.text ?? '')}${section ? `/${escapeMarkdown(section.text)}` : ''}`;
  const lines = [
    section
      ? l10n.t('**{0}** — station serial number and section {1}', shown, section.value)
      : l10n.t('**{0}** — station serial number', shown),
  ];
  if (serial && telegram !== undefined) {
    const agrees = telegram % 10000 === serial.value;
    lines.push(
      !agrees
        ? l10n.t('The classification line gives telegram {0}, whose last four digits differ.', telegram)
        : section
          ? l10n.t('Telegram {0} (the serial is its last four digits), section {1}.', telegram, section.value)
          : l10n.t('Telegram {0} (the serial is its last four digits).', telegram),
    );
  } else {
    lines.push(l10n.t('The last four digits of the telegram number.'));
  }
  return { range: target.range, lines };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
