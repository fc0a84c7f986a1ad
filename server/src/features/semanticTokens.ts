import type {
  CancellationToken,
  SemanticTokens,
  SemanticTokensLegend,
  SemanticTokensParams,
  SemanticTokensRangeParams,
} from 'vscode-languageserver';
import { cableCache, fileCache, forEveryCable } from '../analysis/cache';
import type { FeatureContext } from '../analysis/context';
import { LEVEL_RANK, type Cable, type Level, type Marking, type Range, type Token } from '../cable/model';
import { lookupRoutingIndicator } from '../data';

/**
 * Token types and modifiers; package.json declares the custom ones with a superType and
 * TextMate fallbacks (semanticTokenScopes), so themes without semantic colouring still work.
 */
export const TOKEN_TYPES = [
  'keyword',
  'routingIndicator',
  'precedence',
  'dateTime',
  'serial',
  'classification',
  'marking',
  'caption',
  'tag',
  'reference',
  'paragraphNumber',
  'address',
  'pageHeader',
  'blockMarker',
  'signature',
] as const;
export const TOKEN_MODIFIERS = [
  'unclassified',
  'sensitive',
  'confidential',
  'secret',
  'topSecret',
  'noforn',
  'aboveOverall',
  'unknown',
] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
type Modifier = (typeof TOKEN_MODIFIERS)[number];

interface Span {
  readonly line: number;
  readonly start: number;
  readonly length: number;
  readonly type: number;
  readonly modifiers: number;
}

const LEVEL_MODIFIER: Readonly<Record<Level, Modifier>> = {
  U: 'unclassified',
  SBU: 'sensitive',
  C: 'confidential',
  S: 'secret',
  TS: 'topSecret',
};

function bits(modifiers: readonly Modifier[]): number {
  let value = 0;
  for (const m of modifiers) value |= 1 << TOKEN_MODIFIERS.indexOf(m);
  return value;
}

/** Semantic tokens beyond this are left to the TextMate grammar (a 10 MB corpus dump has ~1M). */
export const MAX_SEMANTIC_TOKENS = 200_000;

const CABLE_SPANS = cableCache('semanticSpans', (cable) => cableSpans(cable));
/**
 * Every token of the file, sorted and without overlaps; computed once per model version, from
 * per-cable lists (cables never share a line, so their lists simply follow each other).
 */
const FILE_SPANS = fileCache('semanticSpans', (file) => file.cables.flatMap((cable) => CABLE_SPANS.get(cable, file)));
const FILE_TOKENS = fileCache('semanticTokens', (file, limit: number) => encode(FILE_SPANS.get(file), undefined, limit));

/** The whole document's tokens, relative-encoded, at most `limit` (a cap for huge files). */
export function semanticTokens(
  context: FeatureContext,
  _params: SemanticTokensParams,
  token: CancellationToken,
  limit = MAX_SEMANTIC_TOKENS,
): SemanticTokens {
  forEveryCable(context.file, CABLE_SPANS, token);
  return FILE_TOKENS.get(context.file, limit).tokens;
}

/** The tokens of the lines a range covers. */
export function semanticTokensInRange(
  context: FeatureContext,
  params: SemanticTokensRangeParams,
  token: CancellationToken,
  limit = MAX_SEMANTIC_TOKENS,
): SemanticTokens {
  forEveryCable(context.file, CABLE_SPANS, token);
  return encode(FILE_SPANS.get(context.file), params.range, limit).tokens;
}

function cableSpans(cable: Cable): Span[] {
  const out: Span[] = [];
  collect(cable, out);
  out.sort((a, b) => a.line - b.line || a.start - b.start);
  const clean: Span[] = [];
  for (const s of out) {
    const last = clean[clean.length - 1];
    if (last && last.line === s.line && last.start + last.length > s.start) continue;
    clean.push(s);
  }
  return clean;
}

function collect(cable: Cable, out: Span[]): void {
  const add = (range: Range | undefined, type: TokenType, modifiers: readonly Modifier[] = []) => {
    if (!range || range.start.line !== range.end.line || range.end.character <= range.start.character) return;
    out.push({
      line: range.start.line,
      start: range.start.character,
      length: range.end.character - range.start.character,
      type: TOKEN_TYPES.indexOf(type),
      modifiers: bits(modifiers),
    });
  };
  const ri = (token: Token | undefined) =>
    add(token?.range, 'routingIndicator', token && !lookupRoutingIndicator(token.text) ? ['unknown'] : []);
  const overall = cable.classification.level;
  const marking = (m: Marking | undefined) => {
    if (!m) return;
    const modifiers: Modifier[] = [];
    if (m.level) modifiers.push(LEVEL_MODIFIER[m.level]);
    if (m.caveats.includes('NOFORN')) modifiers.push('noforn');
    if (m.level && overall && LEVEL_RANK[m.level] > LEVEL_RANK[overall] && LEVEL_RANK[m.level] >= LEVEL_RANK.C)
      modifiers.push('aboveOverall');
    if (!m.wellFormed) modifiers.push('unknown');
    add(m.range, 'marking', modifiers);
  };

  const h = cable.header;
  if (h) {
    add(h.transmissionId?.range, 'keyword');
    add(h.precedenceProsign?.range, 'precedence');
    h.relays.forEach(ri);
    if (h.station) {
      add(h.station.keyword.range, 'keyword');
      ri(h.station.routingIndicator);
      add(h.station.serial?.range, 'serial');
      add(h.station.section?.range, 'serial');
      add(h.station.filingTime?.range, 'dateTime');
    }
    if (h.securityGroup) {
      add(h.securityGroup.signal.range, 'keyword');
      const level = h.securityGroup.group?.value;
      add(h.securityGroup.group?.range, 'classification', level ? [LEVEL_MODIFIER[level]] : []);
      for (const e of h.securityGroup.extras) add(e.range, 'keyword');
    }
    for (const p of h.dtg?.precedence ?? []) add(p.range, 'precedence');
    add(h.dtg?.token.range, 'dateTime');
    add(h.from?.keyword.range, 'keyword');
    add(h.from?.address?.range, 'address');
    for (const a of h.addressees) {
      add(a.keyword?.range, 'keyword');
      ri(a.routingIndicator);
      add(a.address.range, 'address');
      add(a.precedence?.range, 'precedence');
      add(a.mcn?.range, 'serial');
    }
  } else if (cable.dtg) {
    add(cable.dtg.token.range, 'dateTime');
  }
  const line = cable.classificationLine;
  if (line) {
    const modifiers: Modifier[] = [LEVEL_MODIFIER[line.level.value]];
    if (cable.classification.caveats.includes('NOFORN')) modifiers.push('noforn');
    add(line.level.range, 'classification', modifiers);
    for (const c of line.caveats) add(c.range, 'caption');
    add(line.section?.number.range, 'serial');
    add(line.section?.total.range, 'serial');
    add(line.station?.range, 'address');
    add(line.serial?.range, 'serial');
  }
  for (const c of cable.continuationHeaders) add(c.range, 'pageHeader');
  for (const p of cable.pageHeaders) add(p.range, 'pageHeader');
  for (const b of cable.banners) add(b.range, 'classification', [LEVEL_MODIFIER[b.value]]);
  const distribution = cable.distribution;
  if (distribution) {
    add(distribution.action?.keyword.range, 'keyword');
    add(distribution.infoKeyword?.range, 'keyword');
    for (const e of [...(distribution.action ? [distribution.action.entry] : []), ...distribution.info]) {
      add(e.office.range, 'address');
      add(e.copies.range, 'serial');
    }
    add(distribution.total?.range, 'serial');
    add(distribution.control?.range, 'serial');
  }
  const drafting = cable.drafting;
  if (drafting) {
    for (const line of [drafting.drafted, drafting.approved, ...drafting.clearances]) {
      add(line?.keyword?.range, 'keyword');
      add(line?.office?.range, 'address');
      add(line?.officer?.range, 'signature');
    }
  }
  for (const c of cable.captions) add(c.range, 'caption', c.value === 'NOFORN' ? ['noforn'] : []);
  if (cable.eoLine) {
    add(cable.eoLine.keyword.range, 'keyword');
    add(cable.eoLine.order?.range, 'serial');
    add(cable.eoLine.decl?.range, 'keyword');
    add(cable.eoLine.declValue?.range, 'dateTime');
    add(cable.eoLine.notApplicable?.range, 'keyword');
  }
  if (cable.tags) {
    add(cable.tags.keyword.range, 'keyword');
    for (const t of cable.tags.tags) add(t.range, 'tag');
  }
  add(cable.subject?.keyword.range, 'keyword');
  marking(cable.subject?.marking);
  if (cable.references) {
    add(cable.references.keyword.range, 'keyword');
    for (const e of cable.references.entries) {
      add(e.letter?.range, 'paragraphNumber');
      add(e.cable?.range, 'reference');
    }
  }
  if (cable.classifiedBy) {
    add(cable.classifiedBy.keyword.range, 'keyword');
    add(cable.classifiedBy.section?.range, 'serial');
    for (const r of cable.classifiedBy.reasons) add(r.range, 'paragraphNumber');
  }
  for (const p of cable.paragraphs) {
    add(p.number.range, 'paragraphNumber');
    marking(p.marking);
    for (const s of p.subParagraphs) {
      if (s.kind !== 'bullet') add(s.label.range, 'paragraphNumber');
      marking(s.marking);
    }
  }
  for (const b of cable.blocks) {
    add(b.begin, 'blockMarker');
    add(b.end, 'blockMarker');
  }
  add(cable.signature?.range, 'signature');
  for (const m of cable.endMarks) add(m.range, 'keyword');
}

/** Full or range tokens, relative-encoded; at most `limit` tokens. */
function encode(spans: readonly Span[], range: Range | undefined, limit: number): { tokens: SemanticTokens; omitted: number } {
  let list = spans;
  if (range) list = list.filter((s) => s.line >= range.start.line && s.line <= range.end.line);
  const kept = list.slice(0, Math.max(0, limit));
  const data = new Array<number>(kept.length * 5);
  let previousLine = 0;
  let previousStart = 0;
  kept.forEach((s, i) => {
    const deltaLine = s.line - previousLine;
    data[i * 5] = deltaLine;
    data[i * 5 + 1] = deltaLine === 0 ? s.start - previousStart : s.start;
    data[i * 5 + 2] = s.length;
    data[i * 5 + 3] = s.type;
    data[i * 5 + 4] = s.modifiers;
    previousLine = s.line;
    previousStart = s.start;
  });
  return { tokens: { data }, omitted: list.length - kept.length };
}
