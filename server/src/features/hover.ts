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
const CAVEAT_MEANING: Readonly<Record<string, string>> = {
  NOFORN: 'not releasable to foreign nationals',
  FGI: 'foreign government information',
  ORCON: 'dissemination controlled by the originator',
  FOUO: 'for official use only',
  PROPIN: 'proprietary information',
  SENSITIVE: 'sensitive but unclassified (SBU)',
};
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

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
      return { range: id.range, lines: [`**${escapeMarkdown(id.text)}** — FL1 transmission identifier`, describeCode('VZCZC') ?? '', `Channel ${code(id.text.slice(5, 8))}, sequence ${code(id.text.slice(8))}.`].filter(Boolean) };
    }
    if (hit(header.precedenceProsign, position)) return precedenceHover(header.precedenceProsign!, 'FL2 precedence prosign');
    for (const relay of header.relays) if (hit(relay, position)) return routingHover(relay, undefined, 'FL2 relay');
    const station = header.station;
    if (station) {
      if (hit(station.keyword, position)) return keywordHover(station.keyword, 'DE', 'FL3: "from" — the originating station follows');
      if (hit(station.routingIndicator, position)) return routingHover(station.routingIndicator!, cable.header?.from?.address?.text, 'FL3 originating station');
      if (hit(station.serial, position) || hit(station.section, position)) return serialHover(cable, station.serial, station.section, position);
      if (hit(station.filingTime, position)) return julianHover(cable, station.filingTime!);
    }
    const group = header.securityGroup;
    if (group) {
      if (hit(group.signal, position)) return keywordHover(group.signal, group.signal.text, 'FL4 security warning operating signal');
      if (hit(group.group, position)) {
        const level = group.group!.value;
        return { range: group.group!.range, lines: [`**${escapeMarkdown(group.group!.text)}** — ${level ? LEVEL_NAME[level] : 'unknown level'} (FL4 security group)`, describeCode(group.group!.text) ?? ''].filter(Boolean) };
      }
      for (const extra of group.extras) if (hit(extra, position)) return keywordHover(extra, extra.text, 'FL4 operating signal');
    }
    if (header.dtg) {
      for (const p of header.dtg.precedence) if (hit(p, position)) return precedenceHover(p, 'FL5 precedence');
      if (hit(header.dtg.token, position)) return dtgHover(cable, header.dtg);
    }
    if (header.from && hit(header.from.keyword, position)) return keywordHover(header.from.keyword, 'FM', 'FL6: the originator (plain-language address) follows');
    for (const a of header.addressees) {
      if (!contains(a.range, position)) continue;
      if (hit(a.keyword, position)) {
        const role = a.role === 'to' ? 'FL7: action addressees follow, one per line' : a.role === 'info' ? 'FL8: information addressees follow' : 'posts of the preceding collective that do NOT receive this telegram';
        return keywordHover(a.keyword!, a.keyword!.text, role);
      }
      if (hit(a.routingIndicator, position)) return routingHover(a.routingIndicator!, a.address.text, `${a.role.toUpperCase()} addressee`);
      if (hit(a.precedence, position)) return precedenceHover(a.precedence!, `precedence for ${a.address.text}`);
      if (hit(a.mcn, position)) return { range: a.mcn!.range, lines: [`**${escapeMarkdown(a.mcn!.text)}** — message continuity number`, `This addressee's own serial for traffic from this station${a.mcn!.text.includes('-') ? ' (a range: one per section)' : ''}; \`0000\` when none was assigned.`] };
      if (hit(a.address, position)) return addresseeHover(a);
    }
  }
  if (!header && cable.dtg && hit(cable.dtg.token, position)) return dtgHover(cable, cable.dtg);
  return undefined;
}

function textHover(cable: Cable, position: Position, uri: string, index: WorkspaceIndex | undefined): Found | undefined {
  const line = cable.classificationLine;
  if (line && contains(line.range, position)) {
    if (hit(line.level, position)) return { range: line.level.range, lines: [`**${LEVEL_NAME[line.level.value]}** — classification line`, `Overall classification: ${escapeMarkdown(cable.classification.label ?? LEVEL_NAME[line.level.value])}.`, cable.referenceId ? `Reference id ${code(cable.referenceId)}.` : ''].filter(Boolean) };
    for (const c of line.caveats) if (hit(c, position)) return captionHover(c);
    if (line.section && contains(line.section.range, position)) return { range: line.section.range, lines: [`**Section ${line.section.number.value} of ${line.section.total.value}**`, 'Long telegrams are sent in sections; each later section starts with a continuation header.'] };
    if (hit(line.station, position) || hit(line.serial, position)) {
      const target = hit(line.station, position) ? line.station! : line.serial!;
      return { range: target.range, lines: [`**${escapeMarkdown(line.station?.text ?? '')} ${escapeMarkdown(line.serial?.text ?? '')}** — telegram number`, cable.referenceId ? `Reference id ${code(cable.referenceId)} (year of the DTG, station, serial).` : 'The year is not in the text, so the reference id is incomplete.'] };
    }
  }
  for (const cont of cable.continuationHeaders) {
    if (contains(cont.range, position)) {
      return { range: cont.range, lines: [`**Continuation header** — ${escapeMarkdown(cont.station.value)} ${cont.serial.value}, section ${cont.section.value}${cont.page ? `, page ${cont.page.value}` : ''} of ${cont.total.value}`, 'Not part of the text: repeated at the top of each section (and page) of the telegram.'] };
    }
  }
  for (const c of cable.captions) if (hit(c, position)) return captionHover(c);
  const eo = cable.eoLine;
  if (eo && contains(eo.range, position)) {
    if (hit(eo.declValue, position) && eo.declValue) {
      const date = eo.declValue.value;
      const line2 = date ? (date.valid ? `Declassify on ${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}.` : 'Not a valid calendar date.') : `Declassification instruction ${code(eo.declValue.text)}${/OADR/i.test(eo.declValue.text) ? ': originating agency\'s determination required' : /^MR$/i.test(eo.declValue.text) ? ': multiple sources' : ''}.`;
      return { range: eo.declValue.range, lines: ['**DECL** — declassification date', line2] };
    }
    return { range: eo.range, lines: [`**E.O. ${eo.order?.value ?? ''}** — ${describeOrder(eo.order?.value)}`, eo.notApplicable ? 'N/A: the telegram is unclassified, no declassification instruction applies.' : eo.decl ? 'DECL: when the telegram may be declassified.' : ''].filter(Boolean) };
  }
  const by = cable.classifiedBy;
  if (by && contains(by.range, position)) {
    for (const r of by.reasons) {
      if (hit(r, position)) {
        const section = by.section?.text === '1.5' ? '1.5' : '1.4';
        const reason = classificationReason(r.value, section);
        return { range: r.range, lines: [`**${section} (${r.value})** — ${escapeMarkdown(reason?.title ?? 'not a classification category')}`, escapeMarkdown(reason?.text ?? 'Categories run from (a) to (h).')] };
      }
    }
    return { range: by.keyword.range, lines: ['**Classified By** — the classification authority', `${escapeMarkdown(by.authority)}${by.reasons.length ? `, for reasons ${by.section?.text ?? ''} ${by.reasons.map((r) => `(${r.value})`).join(', ')}` : ''}.`] };
  }
  for (const t of cable.tags?.tags ?? []) {
    if (!hit(t, position)) continue;
    const info = lookupTag(tagWithoutPerson(t.value));
    return { range: t.range, lines: [info ? `**${escapeMarkdown(info.tag)}** — ${escapeMarkdown(info.meaning || 'no meaning recorded')}` : `**${escapeMarkdown(t.value)}** — not in the TAGS table`, info ? `${info.kind} tag${info.confidenceLevel !== 'high' ? ` (${info.confidence} confidence)` : ''}` : 'Organisation and free-text tags are open-ended.'] };
  }
  if (cable.subject?.marking && hit(cable.subject.marking, position)) return markingHover(cable.subject.marking, cable);
  for (const entry of cable.references?.entries ?? []) {
    if (!contains(entry.range, position)) continue;
    const id = entry.cable?.referenceId;
    const files = id ? index?.find(id) ?? [] : [];
    const lines = [`**REF ${escapeMarkdown(entry.letter?.value ?? '')}** ${code(entry.text)}`];
    if (id) lines.push(`Telegram ${code(id)}${entry.cable?.year === undefined ? ' (year of this cable assumed)' : ''}.`);
    if (files.length > 0) lines.push(`In the workspace: ${files.map((f) => escapeMarkdown(decodeURIComponent(f.uri.replace(/^.*\//, '')))).join(', ')}.`);
    else if (!entry.cable) lines.push('Not a telegram citation (e-mail, memo, or free text).');
    return { range: entry.range, lines };
  }
  for (const p of cable.paragraphs) {
    if (!contains(p.range, position)) continue;
    if (p.marking && hit(p.marking, position)) return markingHover(p.marking, cable);
    if (hit(p.number, position) || hit(p.prefix, position)) {
      const index = cable.paragraphs.indexOf(p) + 1;
      return { range: p.number.range, lines: [`**Paragraph ${p.number.value}** (${index} of ${cable.paragraphs.length})`, p.marking ? `Marked ${code(p.marking.text)}${p.marking.level ? `: ${LEVEL_NAME[p.marking.level]}` : ''}.` : 'No portion marking.'] };
    }
    for (const s of p.subParagraphs) if (s.marking && hit(s.marking, position)) return markingHover(s.marking, cable);
  }
  for (const mark of cable.endMarks) if (hit(mark, position)) return keywordHover(mark, mark.text, 'end of message');
  void uri;
  return undefined;
}

function crossReferenceHover(file: CableFile, cable: Cable, position: Position, uri: string, index: WorkspaceIndex | undefined): Found | undefined {
  const ref = crossReferencesOf(file, cable).find((r) => contains(r.range, position));
  if (!ref) return undefined;
  if (ref.kind === 'paragraph') {
    const targets = cable.paragraphs.filter((p) => p.number.value >= ref.first && p.number.value <= ref.last);
    if (targets.length === 0) return { range: ref.range, lines: [`**Paragraph ${ref.first}${ref.last !== ref.first ? `–${ref.last}` : ''}** — not in this cable`] };
    return { range: ref.range, lines: targets.slice(0, 5).map((p) => `**${p.number.value}.** ${p.marking ? `${code(p.marking.text)} ` : ''}${escapeMarkdown(p.title)}`) };
  }
  if (ref.kind === 'reference') {
    const entries = cable.references?.entries ?? [];
    const entry = ref.letter ? entries.find((e) => e.letter?.value === ref.letter) : entries.length === 1 ? entries[0] : undefined;
    if (!entry) return { range: ref.range, lines: [entries.length === 0 ? '**Reference** — this cable has no REF line' : `**REF ${escapeMarkdown(ref.letter ?? '')}** — no such reference; the REF line lists ${entries.map((e) => e.letter?.value).filter(Boolean).join(', ') || 'unlettered references'}`] };
    return { range: ref.range, lines: [`**REF ${escapeMarkdown(entry.letter?.value ?? '')}** ${code(entry.text)}`, entry.cable?.referenceId ? `Telegram ${code(entry.cable.referenceId)}.` : ''].filter(Boolean) };
  }
  const files = index?.find(ref.referenceId).filter((c) => c.uri !== uri) ?? [];
  return { range: ref.range, lines: [`**${escapeMarkdown(ref.referenceId)}** — reference id (year, station, serial)`, files.length > 0 ? `In the workspace: ${files.map((f) => escapeMarkdown(decodeURIComponent(f.uri.replace(/^.*\//, '')))).join(', ')}.` : 'Not in the workspace.'] };
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
  const doubled = /^([A-Z])\1$/.test(token.text) ? ' (prosign letter doubled on FL2)' : /^[A-Z]{2}$/.test(token.text) ? ' (action and information precedence)' : '';
  return { range: token.range, lines: [`**${escapeMarkdown(token.text)}** — ${info ? info.word : 'unknown precedence'}${doubled}`, `${role}.${info ? ` ${escapeMarkdown(info.meaning)}` : ''}`] };
}

function routingHover(token: Token, pairedWith: string | undefined, role: string): Found {
  const info = lookupRoutingIndicator(token.text);
  const lines: string[] = [];
  if (info) {
    const names = info.names.slice(0, 6).map(escapeMarkdown).join('; ');
    lines.push(`**${escapeMarkdown(token.text)}** — ${names}${info.names.length > 6 ? ` and ${info.names.length - 6} more` : ''}${info.country ? ` (${escapeMarkdown(info.country)})` : ''}`);
  } else {
    lines.push(`**${escapeMarkdown(token.text)}** — routing indicator not in the table`);
  }
  if (pairedWith) {
    const agrees = info?.names.some((n) => n.toUpperCase() === pairedWith.toUpperCase());
    lines.push(`This cable pairs it with ${code(pairedWith)}${info && !agrees ? ' — the table gives other names (shared gateways such as RUEHC carry many addressees)' : ''}.`);
  }
  lines.push(`${role}. ${explainRoutingIndicator(token.text).map(escapeMarkdown).join(' ')}`);
  return { range: token.range, lines };
}

function addresseeHover(a: Addressee): Found {
  const lines = [`**${escapeMarkdown(a.address.text)}** — ${a.role === 'to' ? 'action' : a.role === 'info' ? 'information' : 'excluded'} addressee${a.collective ? ' (a collective: a list of posts)' : ''}`];
  if (a.routingIndicator) {
    const info = lookupRoutingIndicator(a.routingIndicator.text);
    if (info && !info.names.some((n) => n.toUpperCase() === a.address.text.toUpperCase())) {
      lines.push(`The table knows ${code(a.routingIndicator.text)} as ${info.names.slice(0, 3).map(escapeMarkdown).join('; ')}.`);
    }
  }
  return { range: a.address.range, lines };
}

function captionHover(token: Token): Found {
  const info = lookupCode(token.value) ?? lookupCode(token.text);
  const meaning = info?.meaning ?? CAVEAT_MEANING[token.value] ?? 'caption';
  return { range: token.range, lines: [`**${escapeMarkdown(token.text)}** — ${escapeMarkdown(meaning)}`, info?.category ? escapeMarkdown(info.category) : ''].filter(Boolean) };
}

function markingHover(marking: Marking, cable: Cable): Found {
  const parts = [marking.level ? LEVEL_NAME[marking.level] : 'unknown level', ...marking.caveats.map((c) => `${c}${CAVEAT_MEANING[c] ? `: ${CAVEAT_MEANING[c]}` : ''}`)];
  const lines = [`**${escapeMarkdown(marking.text)}** — ${escapeMarkdown(parts.join(', '))}`];
  if (!marking.closed) lines.push('The marking is not closed.');
  if (marking.unknownParts.length) lines.push(`Unknown: ${marking.unknownParts.map(escapeMarkdown).join(', ')}.`);
  if (cable.classification.label) lines.push(`The cable is ${escapeMarkdown(cable.classification.label)}.`);
  return { range: marking.range, lines };
}

function describeOrder(order: number | undefined): string {
  switch (order) {
    case 11652: return 'Executive Order 11652 (1972–1978) on classification';
    case 12065: return 'Executive Order 12065 (1978–1982)';
    case 12356: return 'Executive Order 12356 (1982–1995)';
    case 12958: return 'Executive Order 12958 (1995; amended 2003 by E.O. 13292), in force until mid-2010';
    case 13292: return 'Executive Order 13292 (2003), amending E.O. 12958';
    case 13526: return 'Executive Order 13526 (from 27 June 2010)';
    default: return 'not a known classification order';
  }
}

function dtgHover(cable: Cable, dtg: DateTimeGroup): Found {
  const v = dtg.token.value;
  const iso = dtgToIso(v);
  const lines = [iso ? `**${iso}** — ${WEEKDAYS[new Date(Date.UTC(v.year, v.month - 1, v.day)).getUTCDay()]}, date-time group (UTC)` : `**${escapeMarkdown(dtg.token.text)}** — not a valid date-time group`];
  if (dtg.precedence.length) lines.push(`Precedence ${dtg.precedence.map((p) => `${p.text} (${precedenceMeaning(p.text)?.word ?? '?'})`).join(', ')}.`);
  const filing = cable.header?.station?.filingTime?.value;
  if (filing && v.valid) lines.push(agreement(v.year, v.month, v.day, v.hour, v.minute, filing.dayOfYear, filing.hour, filing.minute));
  return { range: dtg.range, lines };
}

function julianHover(cable: Cable, token: Token<{ dayOfYear: number; hour: number; minute: number } | undefined>): Found {
  const julian = token.value;
  const year = cable.dtg?.token.value.year;
  if (!julian) return { range: token.range, lines: [`**${escapeMarkdown(token.text)}** — not a DDDHHMM filing time`] };
  const lines: string[] = [];
  if (year !== undefined && julian.dayOfYear >= 1 && julian.dayOfYear <= (isLeapYear(year) ? 366 : 365)) {
    const { month, day } = fromDayOfYear(year, julian.dayOfYear);
    const iso = `${year}-${pad(month)}-${pad(day)}T${pad(julian.hour)}:${pad(julian.minute)}Z`;
    lines.push(`**${iso}** — filing time: day ${julian.dayOfYear} (${day} ${MONTHS[month - 1]} ${year}) ${pad(julian.hour)}:${pad(julian.minute)}Z`);
    const v = cable.dtg!.token.value;
    if (v.valid) lines.push(agreement(v.year, v.month, v.day, v.hour, v.minute, julian.dayOfYear, julian.hour, julian.minute));
  } else {
    lines.push(`**Day ${julian.dayOfYear}, ${pad(julian.hour)}:${pad(julian.minute)}Z** — filing time (Julian day, hour, minute)`);
  }
  return { range: token.range, lines };
}

function agreement(year: number, month: number, day: number, hour: number, minute: number, julianDay: number, julianHour: number, julianMinute: number): string {
  const dtgMinutes = (dayOfYear(year, month, day) * 24 + hour) * 60 + minute;
  const filingMinutes = (julianDay * 24 + julianHour) * 60 + julianMinute;
  const difference = filingMinutes - dtgMinutes;
  if (difference >= 0 && difference <= 24 * 60) return `Agrees with the DTG: filed ${difference} minute${difference === 1 ? '' : 's'} after it.`;
  return `Does not agree with the DTG: ${Math.abs(difference)} minutes ${difference < 0 ? 'before' : 'after'} it.`;
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
  const lines = [`**${escapeMarkdown(serial?.text ?? '')}${section ? `/${escapeMarkdown(section.text)}` : ''}** — station serial number${section ? ` and section ${section.value}` : ''}`];
  if (serial && telegram !== undefined) {
    const agrees = telegram % 10000 === serial.value;
    lines.push(agrees ? `Telegram ${telegram} (the serial is its last four digits)${section ? `, section ${section.value}` : ''}.` : `The classification line gives telegram ${telegram}, whose last four digits differ.`);
  } else {
    lines.push('The last four digits of the telegram number.');
  }
  return { range: target.range, lines };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

