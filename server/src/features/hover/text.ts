import * as l10n from '@vscode/l10n';
import type { IndexedCable, WorkspaceLookup } from '../../analysis/context';
import { contains } from '../../analysis/ranges';
import type { Cable, ContinuationHeader, EoLine, Position } from '../../cable/model';
import { tagWithoutPerson } from '../../cable/text';
import { classificationLevelName, classificationReason, executiveOrderDescription, lookupTag } from '../../data';
import { code, escapeMarkdown } from '../markdown';
import { captionHover, type Found, hit, keywordHover, markingHover } from './parts';

/** The text's front matter and body: classification line, captions, E.O., Classified By, TAGS, REF, paragraphs. */
export function textHover(cable: Cable, position: Position, workspace: WorkspaceLookup | undefined): Found | undefined {
  const line = cable.classificationLine;
  if (line && contains(line.range, position)) {
    if (hit(line.level, position)) {
      const name = classificationLevelName(line.level.value);
      const lines = [
        l10n.t('**{0}** — classification line', name),
        l10n.t('Overall classification: {0}.', escapeMarkdown(cable.classification.label ?? name)),
        cable.referenceId ? l10n.t('Reference id {0}.', code(cable.referenceId)) : '',
      ];
      return { range: line.level.range, lines: lines.filter(Boolean) };
    }
    for (const c of line.caveats) if (hit(c, position)) return captionHover(c);
    if (line.section && contains(line.section.range, position)) {
      return {
        range: line.section.range,
        lines: [
          l10n.t('**Section {0} of {1}**', line.section.number.value, line.section.total.value),
          l10n.t('Long telegrams are sent in sections; each later section starts with a continuation header.'),
        ],
      };
    }
    if (hit(line.station, position) || hit(line.serial, position)) {
      const target = hit(line.station, position) ? line.station! : line.serial!;
      const explanation = cable.referenceId
        ? l10n.t('Reference id {0} (year of the DTG, station, serial).', code(cable.referenceId))
        : l10n.t('The year is not in the text, so the reference id is incomplete.');
      return {
        range: target.range,
        lines: [
          l10n.t('**{0} {1}** — telegram number', escapeMarkdown(line.station?.text ?? ''), escapeMarkdown(line.serial?.text ?? '')),
          explanation,
        ],
      };
    }
  }
  for (const cont of cable.continuationHeaders) if (contains(cont.range, position)) return continuationHover(cont);
  for (const c of cable.captions) if (hit(c, position)) return captionHover(c);
  const eo = cable.eoLine;
  if (eo && contains(eo.range, position)) return eoHover(eo, position);
  const by = cable.classifiedBy;
  if (by && contains(by.range, position)) {
    for (const r of by.reasons) {
      if (!hit(r, position)) continue;
      const section = by.section?.text === '1.5' ? '1.5' : '1.4';
      const reason = classificationReason(r.value, section);
      return {
        range: r.range,
        lines: [
          `**${section} (${r.value})** — ${escapeMarkdown(reason?.title ?? l10n.t('not a classification category'))}`,
          escapeMarkdown(reason?.text ?? l10n.t('Categories run from (a) to (h).')),
        ],
      };
    }
    const reasons = by.reasons.length
      ? l10n.t(
          '{0}, for reasons {1} {2}.',
          escapeMarkdown(by.authority),
          by.section?.text ?? '',
          by.reasons.map((r) => `(${r.value})`).join(', '),
        )
      : `${escapeMarkdown(by.authority)}.`;
    return { range: by.keyword.range, lines: [l10n.t('**Classified By** — the classification authority'), reasons] };
  }
  for (const t of cable.tags?.tags ?? []) {
    if (!hit(t, position)) continue;
    const info = lookupTag(tagWithoutPerson(t.value));
    if (!info)
      return {
        range: t.range,
        lines: [
          l10n.t('**{0}** — not in the TAGS table', escapeMarkdown(t.value)),
          l10n.t('Organisation and free-text tags are open-ended.'),
        ],
      };
    const kind =
      info.confidenceLevel !== 'high' ? l10n.t('{0} tag ({1} confidence)', info.kind, info.confidence) : l10n.t('{0} tag', info.kind);
    return {
      range: t.range,
      lines: [`**${escapeMarkdown(info.tag)}** — ${escapeMarkdown(info.meaning || l10n.t('no meaning recorded'))}`, kind],
    };
  }
  if (cable.subject?.marking && hit(cable.subject.marking, position)) return markingHover(cable.subject.marking, cable);
  for (const entry of cable.references?.entries ?? []) {
    if (!contains(entry.range, position)) continue;
    const id = entry.cable?.referenceId;
    const files = id ? (workspace?.findCited(id, entry.cable?.year === undefined) ?? []) : [];
    const lines = [`**REF ${escapeMarkdown(entry.letter?.value ?? '')}** ${code(entry.text)}`];
    if (id)
      lines.push(
        entry.cable?.year === undefined
          ? l10n.t('Telegram {0} (year of this cable assumed).', code(id))
          : l10n.t('Telegram {0}.', code(id)),
      );
    if (files.length > 0) {
      lines.push(...citedCable(files[0]));
      lines.push(l10n.t('In the workspace: {0}.', fileNames(files)));
    } else if (!entry.cable) lines.push(l10n.t('Not a telegram citation (e-mail, memo, or free text).'));
    return { range: entry.range, lines };
  }
  for (const p of cable.paragraphs) {
    if (!contains(p.range, position)) continue;
    if (p.marking && hit(p.marking, position)) return markingHover(p.marking, cable);
    if (hit(p.number, position) || hit(p.prefix, position)) {
      const index = cable.paragraphs.indexOf(p) + 1;
      const marked = p.marking
        ? p.marking.level
          ? l10n.t('Marked {0}: {1}.', code(p.marking.text), classificationLevelName(p.marking.level))
          : l10n.t('Marked {0}.', code(p.marking.text))
        : l10n.t('No portion marking.');
      return {
        range: p.number.range,
        lines: [l10n.t('**Paragraph {0}** ({1} of {2})', p.number.value, index, cable.paragraphs.length), marked],
      };
    }
    for (const s of p.subParagraphs) if (s.marking && hit(s.marking, position)) return markingHover(s.marking, cable);
  }
  for (const mark of cable.endMarks) if (hit(mark, position)) return keywordHover(mark, mark.text, l10n.t('end of message'));
  return undefined;
}

function continuationHover(cont: ContinuationHeader): Found {
  const title = cont.page
    ? l10n.t(
        '**Continuation header** — {0} {1}, section {2}, page {3} of {4}',
        escapeMarkdown(cont.station.value),
        cont.serial.value,
        cont.section.value,
        cont.page.value,
        cont.total.value,
      )
    : l10n.t(
        '**Continuation header** — {0} {1}, section {2} of {3}',
        escapeMarkdown(cont.station.value),
        cont.serial.value,
        cont.section.value,
        cont.total.value,
      );
  return {
    range: cont.range,
    lines: [title, l10n.t('Not part of the text: repeated at the top of each section (and page) of the telegram.')],
  };
}

function eoHover(eo: EoLine, position: Position): Found {
  const value = eo.declValue;
  if (value && hit(value, position)) {
    const date = value.value;
    const explanation = date
      ? date.valid
        ? l10n.t('Declassify on {0}.', `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`)
        : l10n.t('Not a valid calendar date.')
      : /OADR/i.test(value.text)
        ? l10n.t("Declassification instruction {0}: originating agency's determination required.", code(value.text))
        : /^MR$/i.test(value.text)
          ? l10n.t('Declassification instruction {0}: multiple sources.', code(value.text))
          : l10n.t('Declassification instruction {0}.', code(value.text));
    return { range: value.range, lines: [l10n.t('**DECL** — declassification date'), explanation] };
  }
  const instruction = eo.notApplicable
    ? l10n.t('N/A: the telegram is unclassified, no declassification instruction applies.')
    : eo.decl
      ? l10n.t('DECL: when the telegram may be declassified.')
      : '';
  return {
    range: eo.range,
    lines: [l10n.t('**E.O. {0}** — {1}', eo.order?.value ?? '', executiveOrderDescription(eo.order?.value)), instruction].filter(Boolean),
  };
}

/** What a hover on a citation says of the cited cable the workspace holds: subject, date, origin, classification. */
export function citedCable(cable: IndexedCable): string[] {
  const facts = [
    cable.date ? l10n.t('dated {0}', cable.date.slice(0, 10)) : undefined,
    cable.origin
      ? l10n.t('from {0}', escapeMarkdown(cable.origin) + (cable.routingIndicator ? ` (${code(cable.routingIndicator)})` : ''))
      : undefined,
    cable.classification ? escapeMarkdown(cable.classification) : undefined,
    cable.partial ? l10n.t('partial extract') : undefined,
  ].filter(Boolean);
  return [
    cable.subject
      ? `**${escapeMarkdown(cable.referenceId ?? cable.name)}** — ${escapeMarkdown(cable.subject)}`
      : `**${escapeMarkdown(cable.name)}**`,
    facts.join(' · '),
  ].filter(Boolean);
}

/** The names of the files that hold some cables, as a hover lists them. */
export function fileNames(files: readonly { uri: string }[]): string {
  return files.map((f) => escapeMarkdown(decodeURIComponent(f.uri.replace(/^.*\//, '')))).join(', ');
}
