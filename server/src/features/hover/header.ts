import * as l10n from '@vscode/l10n';
import { contains } from '../../analysis/ranges';
import type { Cable, Position } from '../../cable/model';
import { classificationLevelName } from '../../data';
import { code, escapeMarkdown } from '../markdown';
import { dtgHover, julianHover, serialHover } from './dates';
import { addresseeHover, describeCode, type Found, hit, keywordHover, precedenceHover, routingHover } from './parts';

/** The transmission header's format lines: FL1 id, FL2 precedence and relays, DE, ZNR/ZNY, DTG, FM, TO/INFO/XMT. */
export function headerHover(cable: Cable, position: Position): Found | undefined {
  const header = cable.header;
  if (!header || !contains(header.range, position)) {
    return !header && cable.dtg && hit(cable.dtg.token, position) ? dtgHover(cable, cable.dtg) : undefined;
  }
  const id = header.transmissionId;
  if (hit(id, position)) {
    const lines = [
      l10n.t('**{0}** — FL1 transmission identifier', escapeMarkdown(id!.text)),
      describeCode('VZCZC') ?? '',
      l10n.t('Channel {0}, sequence {1}.', code(id!.text.slice(5, 8)), code(id!.text.slice(8))),
    ];
    return { range: id!.range, lines: lines.filter(Boolean) };
  }
  if (hit(header.precedenceProsign, position)) return precedenceHover(header.precedenceProsign!, l10n.t('FL2 precedence prosign'));
  for (const relay of header.relays) if (hit(relay, position)) return routingHover(relay, undefined, l10n.t('FL2 relay'));
  const station = header.station;
  if (station) {
    if (hit(station.keyword, position)) return keywordHover(station.keyword, 'DE', l10n.t('FL3: "from" — the originating station follows'));
    if (hit(station.routingIndicator, position))
      return routingHover(station.routingIndicator!, header.from?.address?.text, l10n.t('FL3 originating station'));
    if (hit(station.serial, position) || hit(station.section, position))
      return serialHover(cable, station.serial, station.section, position);
    if (hit(station.filingTime, position)) return julianHover(cable, station.filingTime!);
  }
  const group = header.securityGroup;
  if (group) {
    if (hit(group.signal, position)) return keywordHover(group.signal, group.signal.text, l10n.t('FL4 security warning operating signal'));
    if (hit(group.group, position)) {
      const g = group.group!;
      const lines = [
        l10n.t(
          '**{0}** — {1} (FL4 security group)',
          escapeMarkdown(g.text),
          g.value ? classificationLevelName(g.value) : l10n.t('unknown level'),
        ),
        describeCode(g.text) ?? '',
      ];
      return { range: g.range, lines: lines.filter(Boolean) };
    }
    for (const extra of group.extras) if (hit(extra, position)) return keywordHover(extra, extra.text, l10n.t('FL4 operating signal'));
  }
  if (header.dtg) {
    for (const p of header.dtg.precedence) if (hit(p, position)) return precedenceHover(p, l10n.t('FL5 precedence'));
    if (hit(header.dtg.token, position)) return dtgHover(cable, header.dtg);
  }
  if (header.from && hit(header.from.keyword, position))
    return keywordHover(header.from.keyword, 'FM', l10n.t('FL6: the originator (plain-language address) follows'));
  for (const a of header.addressees) {
    if (!contains(a.range, position)) continue;
    if (hit(a.keyword, position)) {
      const role =
        a.role === 'to'
          ? l10n.t('FL7: action addressees follow, one per line')
          : a.role === 'info'
            ? l10n.t('FL8: information addressees follow')
            : l10n.t('posts of the preceding collective that do NOT receive this telegram');
      return keywordHover(a.keyword!, a.keyword!.text, role);
    }
    if (hit(a.routingIndicator, position))
      return routingHover(a.routingIndicator!, a.address.text, l10n.t('{0} addressee', a.role.toUpperCase()));
    if (hit(a.precedence, position)) return precedenceHover(a.precedence!, l10n.t('precedence for {0}', a.address.text));
    if (hit(a.mcn, position)) {
      const mcn = a.mcn!;
      const explanation = mcn.text.includes('-')
        ? l10n.t("This addressee's own serial for traffic from this station (a range: one per section); `0000` when none was assigned.")
        : l10n.t("This addressee's own serial for traffic from this station; `0000` when none was assigned.");
      return { range: mcn.range, lines: [l10n.t('**{0}** — message continuity number', escapeMarkdown(mcn.text)), explanation] };
    }
    if (hit(a.address, position)) return addresseeHover(a);
  }
  return undefined;
}
