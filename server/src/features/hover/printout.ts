import * as l10n from '@vscode/l10n';
import { contains } from '../../analysis/ranges';
import type { Cable, DistributionBlock, OfficeEntry, OfficerLine, PageHeader, Position, Token } from '../../cable/model';
import { lookupOffice } from '../../data';
import { code, escapeMarkdown } from '../markdown';
import { type Found, hit } from './parts';

/**
 * What a printed copy adds: the office distribution block (`ACTION EUR-25`, `INFO CIAE-00`, the
 * total), drafting, approving and clearing lines, and page headers.
 */
export function printoutHover(cable: Cable, position: Position): Found | undefined {
  const distribution = cable.distribution;
  // The drafting lines can stand inside the distribution block's range (before its control line).
  const inDistribution = distribution && contains(distribution.range, position) ? distributionHover(distribution, position) : undefined;
  if (inDistribution) return inDistribution;
  const drafting = cable.drafting;
  if (drafting && contains(drafting.range, position)) {
    const lines = [drafting.drafted, drafting.approved, ...drafting.clearances].filter((l): l is OfficerLine => l !== undefined);
    for (const line of lines) {
      if (hit(line.office, position)) return officeHover(line.office!, officerRole(line, drafting.drafted, drafting.approved));
      if (hit(line.keyword, position))
        return { range: line.keyword!.range, lines: [officerRole(line, drafting.drafted, drafting.approved)] };
    }
    if (hit(drafting.desiredDistribution, position))
      return {
        range: drafting.desiredDistribution!.range,
        lines: [l10n.t('**Desired distribution** — the offices the drafter asked to receive copies.')],
      };
  }
  const page = cable.pageHeaders.find((p) => contains(p.range, position));
  return page ? pageHeaderHover(page) : undefined;
}

function officerRole(line: OfficerLine, drafted: OfficerLine | undefined, approved: OfficerLine | undefined): string {
  if (line === drafted) return l10n.t('Drafting office and drafter (office symbol : drafter : typist), then the date and telephone.');
  if (line === approved) return l10n.t('Approving office and officer: who authorised the transmission.');
  return l10n.t('Clearance: an office that cleared the text before transmission.');
}

function distributionHover(block: DistributionBlock, position: Position): Found | undefined {
  const entries: OfficeEntry[] = [...(block.action ? [block.action.entry] : []), ...block.info];
  if (block.action && hit(block.action.keyword, position)) {
    const incoming = block.action.keyword.text === 'ACTION';
    return {
      range: block.action.keyword.range,
      lines: [
        incoming
          ? l10n.t('**ACTION** — the office given action responsibility for this incoming telegram (5 FAH-1 H-112).')
          : l10n.t('**ORIGIN** — the Department office that drafted this telegram.'),
      ],
    };
  }
  if (hit(block.infoKeyword, position))
    return { range: block.infoKeyword!.range, lines: [l10n.t('**INFO** — offices and agencies that receive information copies.')] };
  for (const entry of entries) {
    if (hit(entry.office, position)) return officeHover(entry.office, copiesLine(entry.copies.value));
    if (hit(entry.copies, position)) return { range: entry.copies.range, lines: [copiesLine(entry.copies.value)] };
  }
  if (hit(block.total, position)) {
    const total = block.total!;
    const sum = entries.reduce((n, e) => n + e.copies.value, 0);
    const suffix = /R\s*$/.test(total.text) ? l10n.t('`R`: a Department original.') : l10n.t('`W`: a telegram received from a post.');
    const agreement =
      sum === total.value
        ? l10n.t('Agrees with the {0} entries listed here (sum {1}).', entries.length, sum)
        : l10n.t('The {0} entries listed here add up to {1} (a line may be missing from this copy).', entries.length, sum);
    return {
      range: total.range,
      lines: [l10n.t('**{0}** — total copies distributed: {1}', escapeMarkdown(total.text), total.value), agreement, suffix],
    };
  }
  if (hit(block.control, position))
    return {
      range: block.control!.range,
      lines: [l10n.t('**{0}** — the control (sequence) number the Department gave this copy.', escapeMarkdown(block.control!.text))],
    };
  return undefined;
}

function copiesLine(copies: number): string {
  if (copies === 0) return l10n.t('No printed copies (`00`: an electronic or record entry).');
  return copies === 1 ? l10n.t('1 printed copy.') : l10n.t('{0} printed copies.', copies);
}

/** An office symbol with its meaning, era and, where the table is unsure, how unsure. */
export function officeHover(token: Token, role: string): Found {
  const found = lookupOffice(token.text);
  if (!found)
    return { range: token.range, lines: [l10n.t('**{0}** — office symbol (not in the office table)', escapeMarkdown(token.text)), role] };
  const { info, parent } = found;
  const name = parent
    ? l10n.t('**{0}** — an office of {1}: {2}', escapeMarkdown(token.text), code(info.code), escapeMarkdown(info.meaning))
    : `**${escapeMarkdown(token.text)}** — ${escapeMarkdown(info.meaning)}`;
  const lines = [name, role];
  if (info.era) lines.push(l10n.t('Era: {0}.', escapeMarkdown(info.era)));
  if (info.confidence === 'low') lines.push(l10n.t('Low confidence: a reading from the letters or from usage, not from a source.'));
  else if (info.confidence === 'medium') lines.push(l10n.t('Medium confidence: the name is sourced, its link to this symbol inferred.'));
  lines.push(l10n.t('Source: {0}', escapeMarkdown(info.source)));
  return { range: token.range, lines };
}

function pageHeaderHover(page: PageHeader): Found {
  const lines = [
    l10n.t('**Page {0}** of a printed copy: {1} {2}', page.page.value, escapeMarkdown(page.station.text), escapeMarkdown(page.serial.text)),
  ];
  if (page.section && page.total) lines.push(l10n.t('Section {0} of {1}.', page.section.value, page.total.value));
  if (page.time) lines.push(l10n.t('Printed on day {0} at {1}Z.', page.time.text.slice(0, 2), page.time.text.slice(2, 6)));
  lines.push(l10n.t('Not text of the telegram: the outline and the fields leave it out.'));
  return { range: page.range, lines };
}
