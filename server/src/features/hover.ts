import * as l10n from '@vscode/l10n';
import type { Hover } from 'vscode-languageserver';
import { dayOfYear, daysInMonth, dtgToIso, isLeapYear, MONTHS } from '../cable/dates';
import type { Addressee, Cable, CableFile, DateTimeGroup, Level, Marking, Position, Range, Token } from '../cable/model';
import {
  classificationReason, explainRoutingIndicator, lookupCode, lookupRoutingIndicator, lookupTag, precedenceMeaning,
} from '../data';
import type { WorkspaceIndex } from '../workspaceIndex';
import { crossReferencesOf } from './crossReferences';
import { code, escapeMarkdown } from './markdown';
import { tagWithoutPerson } from '../cable/text';
import { contains } from './ranges';

const LEVEL_NAME: Readonly<Record<Level, string>> = {
  U: 'UNCLASSIFIED', SBU: 'SENSITIVE BUT UNCLASSIFIED', C: 'CONFIDENTIAL', S: 'SECRET', TS: 'TOP SECRET',
};
// Functions, not tables: the strings are looked up after the client's bundle is configured.
const CAVEAT_MEANING = (): Readonly<Record<string, string>> => ({
  NOFORN: l10n.t('not releasable to foreign nationals'),
  FGI: l10n.t('foreign government information'),
  ORCON: l10n.t('dissemination controlled by the originator'),
  FOUO: l10n.t('for official use only'),
  PROPIN: l10n.t('proprietary information'),
  SENSITIVE: l10n.t('sensitive but unclassified (SBU)'),
});
const WEEKDAYS = () => [l10n.t('Sunday'), l10n.t('Monday'), l10n.t('Tuesday'), l10n.t('Wednesday'), l10n.t('Thursday'), l10n.t('Friday'), l10n.t('Saturday')];

type Found = { readonly range: Range; readonly lines: string[] };

/**
 * A short markdown hover, most useful line first, for whatever cable element stands at the
 * position: routing indicators, prosigns, keywords, DTG and filing time, serials, markings,
 * captions, the E.O. line, reasons, TAGS, references and paragraph numbers.
 */
export function hover(file: CableFile, position: Position, uri: string, index: WorkspaceIndex | undefined): Hover | null {
  const cable = file.cables.find((c) => contains(c.range, position));
  if (!cable) return null;
  const found = headerHover(cable, position) ?? textHover(cable, position, uri, index) ?? crossReferenceHover(file, cable, position, uri, index);
  if (!found) return null;
  return { contents: { kind: 'markdown', value: found.lines.join('\n\n') }, range: found.range };
}

const hit = (token: { range: Range } | undefined, position: Position): boolean => token !== undefined && contains(token.range, position);

function headerHover(cable: Cable, position: Position): Found | undefined {
  const header = cable.header;
  if (header && contains(header.range, position)) {
    if (hit(header.transmissionId, position)) {
      const id = header.transmissionId!;
      return { range: id.range, lines: [l10n.t('**{0}** — FL1 transmission identifier', escapeMarkdown(id.text)), describeCode('VZCZC') ?? '', l10n.t('Channel {0}, sequence {1}.', code(id.text.slice(5, 8)), code(id.text.slice(8)))].filter(Boolean) };
    }
    if (hit(header.precedenceProsign, position)) return precedenceHover(header.precedenceProsign!, l10n.t('FL2 precedence prosign'));
    for (const relay of header.relays) if (hit(relay, position)) return routingHover(relay, undefined, l10n.t('FL2 relay'));
    const station = header.station;
    if (station) {
      if (hit(station.keyword, position)) return keywordHover(station.keyword, 'DE', l10n.t('FL3: "from" — the originating station follows'));
      if (hit(station.routingIndicator, position)) return routingHover(station.routingIndicator!, cable.header?.from?.address?.text, l10n.t('FL3 originating station'));
      if (hit(station.serial, position) || hit(station.section, position)) return serialHover(cable, station.serial, station.section, position);
      if (hit(station.filingTime, position)) return julianHover(cable, station.filingTime!);
    }
    const group = header.securityGroup;
    if (group) {
      if (hit(group.signal, position)) return keywordHover(group.signal, group.signal.text, l10n.t('FL4 security warning operating signal'));
      if (hit(group.group, position)) {
        const level = group.group!.value;
        return { range: group.group!.range, lines: [l10n.t('**{0}** — {1} (FL4 security group)', escapeMarkdown(group.group!.text), level ? LEVEL_NAME[level] : l10n.t('unknown level')), describeCode(group.group!.text) ?? ''].filter(Boolean) };
      }
      for (const extra of group.extras) if (hit(extra, position)) return keywordHover(extra, extra.text, l10n.t('FL4 operating signal'));
    }
    if (header.dtg) {
      for (const p of header.dtg.precedence) if (hit(p, position)) return precedenceHover(p, l10n.t('FL5 precedence'));
      if (hit(header.dtg.token, position)) return dtgHover(cable, header.dtg);
    }
    if (header.from && hit(header.from.keyword, position)) return keywordHover(header.from.keyword, 'FM', l10n.t('FL6: the originator (plain-language address) follows'));
    for (const a of header.addressees) {
      if (!contains(a.range, position)) continue;
      if (hit(a.keyword, position)) {
        const role = a.role === 'to' ? l10n.t('FL7: action addressees follow, one per line') : a.role === 'info' ? l10n.t('FL8: information addressees follow') : l10n.t('posts of the preceding collective that do NOT receive this telegram');
        return keywordHover(a.keyword!, a.keyword!.text, role);
      }
      if (hit(a.routingIndicator, position)) return routingHover(a.routingIndicator!, a.address.text, l10n.t('{0} addressee', a.role.toUpperCase()));
      if (hit(a.precedence, position)) return precedenceHover(a.precedence!, l10n.t('precedence for {0}', a.address.text));
      if (hit(a.mcn, position)) return { range: a.mcn!.range, lines: [l10n.t('**{0}** — message continuity number', escapeMarkdown(a.mcn!.text)), a.mcn!.text.includes('-') ? l10n.t("This addressee's own serial for traffic from this station (a range: one per section); `0000` when none was assigned.") : l10n.t("This addressee's own serial for traffic from this station; `0000` when none was assigned.")] };
      if (hit(a.address, position)) return addresseeHover(a);
    }
  }
  if (!header && cable.dtg && hit(cable.dtg.token, position)) return dtgHover(cable, cable.dtg);
  return undefined;
}

function textHover(cable: Cable, position: Position, uri: string, index: WorkspaceIndex | undefined): Found | undefined {
  const line = cable.classificationLine;
  if (line && contains(line.range, position)) {
    if (hit(line.level, position)) return { range: line.level.range, lines: [l10n.t('**{0}** — classification line', LEVEL_NAME[line.level.value]), l10n.t('Overall classification: {0}.', escapeMarkdown(cable.classification.label ?? LEVEL_NAME[line.level.value])), cable.referenceId ? l10n.t('Reference id {0}.', code(cable.referenceId)) : ''].filter(Boolean) };
    for (const c of line.caveats) if (hit(c, position)) return captionHover(c);
    if (line.section && contains(line.section.range, position)) return { range: line.section.range, lines: [l10n.t('**Section {0} of {1}**', line.section.number.value, line.section.total.value), l10n.t('Long telegrams are sent in sections; each later section starts with a continuation header.')] };
    if (hit(line.station, position) || hit(line.serial, position)) {
      const target = hit(line.station, position) ? line.station! : line.serial!;
      return { range: target.range, lines: [l10n.t('**{0} {1}** — telegram number', escapeMarkdown(line.station?.text ?? ''), escapeMarkdown(line.serial?.text ?? '')), cable.referenceId ? l10n.t('Reference id {0} (year of the DTG, station, serial).', code(cable.referenceId)) : l10n.t('The year is not in the text, so the reference id is incomplete.')] };
    }
  }
  for (const cont of cable.continuationHeaders) {
    if (contains(cont.range, position)) {
      return { range: cont.range, lines: [cont.page ? l10n.t('**Continuation header** — {0} {1}, section {2}, page {3} of {4}', escapeMarkdown(cont.station.value), cont.serial.value, cont.section.value, cont.page.value, cont.total.value) : l10n.t('**Continuation header** — {0} {1}, section {2} of {3}', escapeMarkdown(cont.station.value), cont.serial.value, cont.section.value, cont.total.value), l10n.t('Not part of the text: repeated at the top of each section (and page) of the telegram.')] };
    }
  }
  for (const c of cable.captions) if (hit(c, position)) return captionHover(c);
  const eo = cable.eoLine;
  if (eo && contains(eo.range, position)) {
    if (hit(eo.declValue, position) && eo.declValue) {
      const date = eo.declValue.value;
      const line2 = date ? (date.valid ? l10n.t('Declassify on {0}.', `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`) : l10n.t('Not a valid calendar date.'))
        : /OADR/i.test(eo.declValue.text) ? l10n.t("Declassification instruction {0}: originating agency's determination required.", code(eo.declValue.text))
          : /^MR$/i.test(eo.declValue.text) ? l10n.t('Declassification instruction {0}: multiple sources.', code(eo.declValue.text))
            : l10n.t('Declassification instruction {0}.', code(eo.declValue.text));
      return { range: eo.declValue.range, lines: [l10n.t('**DECL** — declassification date'), line2] };
    }
    return { range: eo.range, lines: [l10n.t('**E.O. {0}** — {1}', eo.order?.value ?? '', describeOrder(eo.order?.value)), eo.notApplicable ? l10n.t('N/A: the telegram is unclassified, no declassification instruction applies.') : eo.decl ? l10n.t('DECL: when the telegram may be declassified.') : ''].filter(Boolean) };
  }
  const by = cable.classifiedBy;
  if (by && contains(by.range, position)) {
    for (const r of by.reasons) {
      if (hit(r, position)) {
        const section = by.section?.text === '1.5' ? '1.5' : '1.4';
        const reason = classificationReason(r.value, section);
        return { range: r.range, lines: [`**${section} (${r.value})** — ${escapeMarkdown(reason?.title ?? l10n.t('not a classification category'))}`, escapeMarkdown(reason?.text ?? l10n.t('Categories run from (a) to (h).'))] };
      }
    }
    return { range: by.keyword.range, lines: [l10n.t('**Classified By** — the classification authority'), by.reasons.length ? l10n.t('{0}, for reasons {1} {2}.', escapeMarkdown(by.authority), by.section?.text ?? '', by.reasons.map((r) => `(${r.value})`).join(', ')) : `${escapeMarkdown(by.authority)}.`] };
  }
  for (const t of cable.tags?.tags ?? []) {
    if (!hit(t, position)) continue;
    const info = lookupTag(tagWithoutPerson(t.value));
    return { range: t.range, lines: [info ? `**${escapeMarkdown(info.tag)}** — ${escapeMarkdown(info.meaning || l10n.t('no meaning recorded'))}` : l10n.t('**{0}** — not in the TAGS table', escapeMarkdown(t.value)), info ? (info.confidenceLevel !== 'high' ? l10n.t('{0} tag ({1} confidence)', info.kind, info.confidence) : l10n.t('{0} tag', info.kind)) : l10n.t('Organisation and free-text tags are open-ended.')] };
  }
  if (cable.subject?.marking && hit(cable.subject.marking, position)) return markingHover(cable.subject.marking, cable);
  for (const entry of cable.references?.entries ?? []) {
    if (!contains(entry.range, position)) continue;
    const id = entry.cable?.referenceId;
    const files = id ? index?.find(id) ?? [] : [];
    const lines = [`**REF ${escapeMarkdown(entry.letter?.value ?? '')}** ${code(entry.text)}`];
    if (id) lines.push(entry.cable?.year === undefined ? l10n.t('Telegram {0} (year of this cable assumed).', code(id)) : l10n.t('Telegram {0}.', code(id)));
    if (files.length > 0) lines.push(l10n.t('In the workspace: {0}.', files.map((f) => escapeMarkdown(decodeURIComponent(f.uri.replace(/^.*\//, '')))).join(', ')));
    else if (!entry.cable) lines.push(l10n.t('Not a telegram citation (e-mail, memo, or free text).'));
    return { range: entry.range, lines };
  }
  for (const p of cable.paragraphs) {
    if (!contains(p.range, position)) continue;
    if (p.marking && hit(p.marking, position)) return markingHover(p.marking, cable);
    if (hit(p.number, position) || hit(p.prefix, position)) {
      const index = cable.paragraphs.indexOf(p) + 1;
      return { range: p.number.range, lines: [l10n.t('**Paragraph {0}** ({1} of {2})', p.number.value, index, cable.paragraphs.length), p.marking ? (p.marking.level ? l10n.t('Marked {0}: {1}.', code(p.marking.text), LEVEL_NAME[p.marking.level]) : l10n.t('Marked {0}.', code(p.marking.text))) : l10n.t('No portion marking.')] };
    }
    for (const s of p.subParagraphs) if (s.marking && hit(s.marking, position)) return markingHover(s.marking, cable);
  }
  for (const mark of cable.endMarks) if (hit(mark, position)) return keywordHover(mark, mark.text, l10n.t('end of message'));
  void uri;
  return undefined;
}

function crossReferenceHover(file: CableFile, cable: Cable, position: Position, uri: string, index: WorkspaceIndex | undefined): Found | undefined {
  const ref = crossReferencesOf(file, cable).find((r) => contains(r.range, position));
  if (!ref) return undefined;
  if (ref.kind === 'paragraph') {
    const targets = cable.paragraphs.filter((p) => p.number.value >= ref.first && p.number.value <= ref.last);
    if (targets.length === 0) return { range: ref.range, lines: [l10n.t('**Paragraph {0}** — not in this cable', `${ref.first}${ref.last !== ref.first ? `–${ref.last}` : ''}`)] };
    return { range: ref.range, lines: targets.slice(0, 5).map((p) => `**${p.number.value}.** ${p.marking ? `${code(p.marking.text)} ` : ''}${escapeMarkdown(p.title)}`) };
  }
  if (ref.kind === 'reference') {
    const entries = cable.references?.entries ?? [];
    const entry = ref.letter ? entries.find((e) => e.letter?.value === ref.letter) : entries.length === 1 ? entries[0] : undefined;
    if (!entry) return { range: ref.range, lines: [entries.length === 0 ? l10n.t('**Reference** — this cable has no REF line') : l10n.t('**REF {0}** — no such reference; the REF line lists {1}', escapeMarkdown(ref.letter ?? ''), entries.map((e) => e.letter?.value).filter(Boolean).join(', ') || l10n.t('unlettered references'))] };
    return { range: ref.range, lines: [`**REF ${escapeMarkdown(entry.letter?.value ?? '')}** ${code(entry.text)}`, entry.cable?.referenceId ? l10n.t('Telegram {0}.', code(entry.cable.referenceId)) : ''].filter(Boolean) };
  }
  const files = index?.find(ref.referenceId).filter((c) => c.uri !== uri) ?? [];
  return { range: ref.range, lines: [l10n.t('**{0}** — reference id (year, station, serial)', escapeMarkdown(ref.referenceId)), files.length > 0 ? l10n.t('In the workspace: {0}.', files.map((f) => escapeMarkdown(decodeURIComponent(f.uri.replace(/^.*\//, '')))).join(', ')) : l10n.t('Not in the workspace.')] };
}

function describeCode(text: string): string | undefined {
  const info = lookupCode(text);
  return info ? escapeMarkdown(info.meaning) : undefined;
}

function keywordHover(token: Token, key: string, fallback: string): Found {
  const info = lookupCode(key);
  return { range: token.range, lines: [`**${escapeMarkdown(token.text)}** — ${escapeMarkdown(info?.meaning ?? fallback)}`, info ? escapeMarkdown(fallback) : ''].filter(Boolean) };
}

function precedenceHover(token: Token, role: string): Found {
  const info = precedenceMeaning(token.text.replace(/\s+/g, ' '));
  const word = info ? info.word : l10n.t('unknown precedence');
  const what = /^([A-Z])\1$/.test(token.text) ? l10n.t('{0} (prosign letter doubled on FL2)', word) : /^[A-Z]{2}$/.test(token.text) ? l10n.t('{0} (action and information precedence)', word) : word;
  return { range: token.range, lines: [`**${escapeMarkdown(token.text)}** — ${what}`, `${role}.${info ? ` ${escapeMarkdown(info.meaning)}` : ''}`] };
}

function routingHover(token: Token, pairedWith: string | undefined, role: string): Found {
  const info = lookupRoutingIndicator(token.text);
  const lines: string[] = [];
  if (info) {
    const names = info.names.slice(0, 6).map(escapeMarkdown).join('; ');
    const listed = info.names.length > 6 ? l10n.t('{0} and {1} more', names, info.names.length - 6) : names;
    lines.push(`**${escapeMarkdown(token.text)}** — ${listed}${info.country ? ` (${escapeMarkdown(info.country)})` : ''}`);
  } else {
    lines.push(l10n.t('**{0}** — routing indicator not in the table', escapeMarkdown(token.text)));
  }
  if (pairedWith) {
    const agrees = info?.names.some((n) => n.toUpperCase() === pairedWith.toUpperCase());
    lines.push(info && !agrees
      ? l10n.t('This cable pairs it with {0} — the table gives other names (shared gateways such as RUEHC carry many addressees).', code(pairedWith))
      : l10n.t('This cable pairs it with {0}.', code(pairedWith)));
  }
  lines.push(`${role}. ${explainRoutingIndicator(token.text).map(escapeMarkdown).join(' ')}`);
  return { range: token.range, lines };
}

function addresseeHover(a: Addressee): Found {
  const kind = a.role === 'to' ? l10n.t('action addressee') : a.role === 'info' ? l10n.t('information addressee') : l10n.t('excluded addressee');
  const lines = [`**${escapeMarkdown(a.address.text)}** — ${a.collective ? l10n.t('{0} (a collective: a list of posts)', kind) : kind}`];
  if (a.routingIndicator) {
    const info = lookupRoutingIndicator(a.routingIndicator.text);
    if (info && !info.names.some((n) => n.toUpperCase() === a.address.text.toUpperCase())) {
      lines.push(l10n.t('The table knows {0} as {1}.', code(a.routingIndicator.text), info.names.slice(0, 3).map(escapeMarkdown).join('; ')));
    }
  }
  return { range: a.address.range, lines };
}

function captionHover(token: Token): Found {
  const info = lookupCode(token.value) ?? lookupCode(token.text);
  const meaning = info?.meaning ?? CAVEAT_MEANING()[token.value] ?? l10n.t('caption');
  return { range: token.range, lines: [`**${escapeMarkdown(token.text)}** — ${escapeMarkdown(meaning)}`, info?.category ? escapeMarkdown(info.category) : ''].filter(Boolean) };
}

function markingHover(marking: Marking, cable: Cable): Found {
  const meanings = CAVEAT_MEANING();
  const parts = [marking.level ? LEVEL_NAME[marking.level] : l10n.t('unknown level'), ...marking.caveats.map((c) => `${c}${meanings[c] ? `: ${meanings[c]}` : ''}`)];
  const lines = [`**${escapeMarkdown(marking.text)}** — ${escapeMarkdown(parts.join(', '))}`];
  if (!marking.closed) lines.push(l10n.t('The marking is not closed.'));
  if (marking.unknownParts.length) lines.push(l10n.t('Unknown: {0}.', marking.unknownParts.map(escapeMarkdown).join(', ')));
  if (cable.classification.label) lines.push(l10n.t('The cable is {0}.', escapeMarkdown(cable.classification.label)));
  return { range: marking.range, lines };
}

function describeOrder(order: number | undefined): string {
  switch (order) {
    case 11652: return l10n.t('Executive Order 11652 (1972–1978) on classification');
    case 12065: return l10n.t('Executive Order 12065 (1978–1982)');
    case 12356: return l10n.t('Executive Order 12356 (1982–1995)');
    case 12958: return l10n.t('Executive Order 12958 (1995; amended 2003 by E.O. 13292), in force until mid-2010');
    case 13292: return l10n.t('Executive Order 13292 (2003), amending E.O. 12958');
    case 13526: return l10n.t('Executive Order 13526 (from 27 June 2010)');
    default: return l10n.t('not a known classification order');
  }
}

function dtgHover(cable: Cable, dtg: DateTimeGroup): Found {
  const v = dtg.token.value;
  const iso = dtgToIso(v);
  const lines = [iso ? l10n.t('**{0}** — {1}, date-time group (UTC)', iso, WEEKDAYS()[new Date(Date.UTC(v.year, v.month - 1, v.day)).getUTCDay()]) : l10n.t('**{0}** — not a valid date-time group', escapeMarkdown(dtg.token.text))];
  if (dtg.precedence.length) lines.push(l10n.t('Precedence {0}.', dtg.precedence.map((p) => `${p.text} (${precedenceMeaning(p.text)?.word ?? '?'})`).join(', ')));
  const filing = cable.header?.station?.filingTime?.value;
  if (filing && v.valid) lines.push(agreement(v.year, v.month, v.day, v.hour, v.minute, filing.dayOfYear, filing.hour, filing.minute));
  return { range: dtg.range, lines };
}

function julianHover(cable: Cable, token: Token<{ dayOfYear: number; hour: number; minute: number } | undefined>): Found {
  const julian = token.value;
  const year = cable.dtg?.token.value.year;
  if (!julian) return { range: token.range, lines: [l10n.t('**{0}** — not a DDDHHMM filing time', escapeMarkdown(token.text))] };
  const lines: string[] = [];
  if (year !== undefined && julian.dayOfYear >= 1 && julian.dayOfYear <= (isLeapYear(year) ? 366 : 365)) {
    const { month, day } = fromDayOfYear(year, julian.dayOfYear);
    const iso = `${year}-${pad(month)}-${pad(day)}T${pad(julian.hour)}:${pad(julian.minute)}Z`;
    lines.push(l10n.t('**{0}** — filing time: day {1} ({2}) {3}', iso, julian.dayOfYear, `${day} ${MONTHS[month - 1]} ${year}`, `${pad(julian.hour)}:${pad(julian.minute)}Z`));
    const v = cable.dtg!.token.value;
    if (v.valid) lines.push(agreement(v.year, v.month, v.day, v.hour, v.minute, julian.dayOfYear, julian.hour, julian.minute));
  } else {
    lines.push(l10n.t('**Day {0}, {1}** — filing time (Julian day, hour, minute)', julian.dayOfYear, `${pad(julian.hour)}:${pad(julian.minute)}Z`));
  }
  return { range: token.range, lines };
}

function agreement(year: number, month: number, day: number, hour: number, minute: number, julianDay: number, julianHour: number, julianMinute: number): string {
  const dtgMinutes = (dayOfYear(year, month, day) * 24 + hour) * 60 + minute;
  const filingMinutes = (julianDay * 24 + julianHour) * 60 + julianMinute;
  const difference = filingMinutes - dtgMinutes;
  if (difference >= 0 && difference <= 24 * 60) return difference === 1 ? l10n.t('Agrees with the DTG: filed 1 minute after it.') : l10n.t('Agrees with the DTG: filed {0} minutes after it.', difference);
  return difference < 0 ? l10n.t('Does not agree with the DTG: {0} minutes before it.', Math.abs(difference)) : l10n.t('Does not agree with the DTG: {0} minutes after it.', difference);
}

function fromDayOfYear(year: number, ordinal: number): { month: number; day: number } {
  let rest = ordinal;
  for (let month = 1; month <= 12; month++) {
    const days = daysInMonth(year, month);
    if (rest <= days) return { month, day: rest };
    rest -= days;
  }
  return { month: 12, day: 31 };
}

function serialHover(cable: Cable, serial: Token<number> | undefined, section: Token<number> | undefined, position: Position): Found {
  const telegram = cable.classificationLine?.serial?.value;
  const target = hit(section, position) ? section! : serial!;
  const shown = `${escapeMarkdown(serial?.text ?? '')}${section ? `/${escapeMarkdown(section.text)}` : ''}`;
  const lines = [section ? l10n.t('**{0}** — station serial number and section {1}', shown, section.value) : l10n.t('**{0}** — station serial number', shown)];
  if (serial && telegram !== undefined) {
    const agrees = telegram % 10000 === serial.value;
    lines.push(!agrees ? l10n.t('The classification line gives telegram {0}, whose last four digits differ.', telegram)
      : section ? l10n.t('Telegram {0} (the serial is its last four digits), section {1}.', telegram, section.value) : l10n.t('Telegram {0} (the serial is its last four digits).', telegram));
  } else {
    lines.push(l10n.t('The last four digits of the telegram number.'));
  }
  return { range: target.range, lines };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

