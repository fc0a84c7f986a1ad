import * as l10n from '@vscode/l10n';
import type { Addressee, Cable, Marking, Position, Range, Token } from '../../cable/model';
import {
  caveatMeaning,
  classificationLevelName,
  explainRoutingIndicator,
  lookupCode,
  lookupRoutingIndicator,
  precedenceMeaning,
} from '../../data';
import { contains } from '../../analysis/ranges';
import { code, escapeMarkdown } from '../markdown';

/** A hover before it becomes LSP: the range it explains and its paragraphs, most useful first. */
export interface Found {
  readonly range: Range;
  readonly lines: string[];
}

export const hit = (token: { range: Range } | undefined, position: Position): boolean =>
  token !== undefined && contains(token.range, position);

export function describeCode(text: string): string | undefined {
  const info = lookupCode(text);
  return info ? escapeMarkdown(info.meaning) : undefined;
}

export function keywordHover(token: Token, key: string, fallback: string): Found {
  const info = lookupCode(key);
  return {
    range: token.range,
    lines: [
      `**${escapeMarkdown(token.text)}** — ${escapeMarkdown(info?.meaning ?? fallback)}`,
      info ? escapeMarkdown(fallback) : '',
    ].filter(Boolean),
  };
}

export function precedenceHover(token: Token, role: string): Found {
  const info = precedenceMeaning(token.text.replace(/\s+/g, ' '));
  const word = info ? info.word : l10n.t('unknown precedence');
  const what = /^([A-Z])\1$/.test(token.text)
    ? l10n.t('{0} (prosign letter doubled on FL2)', word)
    : /^[A-Z]{2}$/.test(token.text)
      ? l10n.t('{0} (action and information precedence)', word)
      : word;
  return {
    range: token.range,
    lines: [`**${escapeMarkdown(token.text)}** — ${what}`, `${role}.${info ? ` ${escapeMarkdown(info.meaning)}` : ''}`],
  };
}

export function routingHover(token: Token, pairedWith: string | undefined, role: string): Found {
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
    lines.push(
      info && !agrees
        ? l10n.t(
            'This cable pairs it with {0} — the table gives other names (shared gateways such as RUEHC carry many addressees).',
            code(pairedWith),
          )
        : l10n.t('This cable pairs it with {0}.', code(pairedWith)),
    );
  }
  lines.push(`${role}. ${explainRoutingIndicator(token.text).map(escapeMarkdown).join(' ')}`);
  return { range: token.range, lines };
}

export function addresseeHover(a: Addressee): Found {
  const kind =
    a.role === 'to' ? l10n.t('action addressee') : a.role === 'info' ? l10n.t('information addressee') : l10n.t('excluded addressee');
  const lines = [`**${escapeMarkdown(a.address.text)}** — ${a.collective ? l10n.t('{0} (a collective: a list of posts)', kind) : kind}`];
  if (a.routingIndicator) {
    const info = lookupRoutingIndicator(a.routingIndicator.text);
    if (info && !info.names.some((n) => n.toUpperCase() === a.address.text.toUpperCase())) {
      lines.push(
        l10n.t('The table knows {0} as {1}.', code(a.routingIndicator.text), info.names.slice(0, 3).map(escapeMarkdown).join('; ')),
      );
    }
  }
  return { range: a.address.range, lines };
}

export function captionHover(token: Token): Found {
  const info = lookupCode(token.value) ?? lookupCode(token.text);
  const meaning = info?.meaning ?? caveatMeaning(token.value) ?? l10n.t('caption');
  return {
    range: token.range,
    lines: [`**${escapeMarkdown(token.text)}** — ${escapeMarkdown(meaning)}`, info?.category ? escapeMarkdown(info.category) : ''].filter(
      Boolean,
    ),
  };
}

export function markingHover(marking: Marking, cable: Cable): Found {
  const caveats = marking.caveats.map((c) => {
    const meaning = caveatMeaning(c);
    return meaning ? `${c}: ${meaning}` : c;
  });
  const parts = [marking.level ? classificationLevelName(marking.level) : l10n.t('unknown level'), ...caveats];
  const lines = [`**${escapeMarkdown(marking.text)}** — ${escapeMarkdown(parts.join(', '))}`];
  if (!marking.closed) lines.push(l10n.t('The marking is not closed.'));
  if (marking.unknownParts.length) lines.push(l10n.t('Unknown: {0}.', marking.unknownParts.map(escapeMarkdown).join(', ')));
  if (cable.classification.label) lines.push(l10n.t('The cable is {0}.', escapeMarkdown(cable.classification.label)));
  return { range: marking.range, lines };
}
