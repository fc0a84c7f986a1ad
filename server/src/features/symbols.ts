import * as l10n from '@vscode/l10n';
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams, SymbolInformation } from 'vscode-languageserver';
import { cableCache, fileCache, forEveryCable } from '../analysis/cache';
import type { FeatureContext } from '../analysis/context';
import { cableName } from '../analysis/naming';
import { comparePositions, rangeBetween } from '../analysis/ranges';
import type { Cable, CableFile, OfficerLine, Paragraph, TransmissionHeader } from '../cable/model';
import { SymbolKind } from '../protocol/lsp';
import { arrayJson, asciiJson } from './jsonText';

export interface SymbolResult {
  readonly symbols: DocumentSymbol[];
  /** Symbols in the tree, at every level. */
  readonly shown: number;
  /** Symbols left out because of the cap. */
  readonly omitted: number;
  /** Of those: subjects, REF lines and paragraphs; the rest are header fields, REF entries and sub-paragraphs. */
  readonly omittedParagraphs: number;
  /**
   * The JSON of `symbols`, from each cable's JSON kept with its tree: after a keystroke in a large
   * export, only the edited cable's outline is serialized (see jsonText.ts). Absent when capped.
   */
  readonly jsonBytes?: () => readonly Uint8Array[];
}

/** A cable's part of the outline: its symbol count, and its tree and JSON while the file is under the cap. */
interface CableOutline {
  readonly count: number;
  symbol?: DocumentSymbol;
  json?: Uint8Array;
}

/**
 * Which symbols a capped outline keeps first: every cable (a cable is never left out, so the
 * outline and Go to Symbol find each of them), then what divides a cable (subject, REF line,
 * paragraphs), then the details (header and its fields, REF entries, sub-paragraphs).
 */
type Tier = 'division' | 'detail';

/** What a cable's tree may still take, per tier. */
class Budget {
  used = 0;
  constructor(
    public division: number,
    public detail: number,
  ) {}
  take(tier: Tier): boolean {
    if (this[tier] <= 0) return false;
    this[tier]--;
    this.used++;
    return true;
  }
}

/** The divisions of a cable: its subject, its REF line and its paragraphs. */
function divisionsOf(cable: Cable): number {
  return (cable.subject ? 1 : 0) + (cable.references ? 1 : 0) + cable.paragraphs.length;
}

/** Each cable's tree is built once and reused across edits that do not touch it. */
const CABLE_OUTLINE = cableCache('outline', (cable): CableOutline => {
  const whole = wholeTree(cable);
  return { symbol: whole.symbol, count: whole.count };
});
const FILE_OUTLINE = fileCache('outline', (file, maxItems: number) => outline(file, maxItems));

/**
 * The outline: one symbol per cable (named by reference id), with the transmission header and its
 * fields (a printed copy's distribution, drafter and approver among them), the subject, the references and the numbered paragraphs (named as written) below it.
 */
export function documentSymbols(context: FeatureContext, _params: DocumentSymbolParams, token: CancellationToken): SymbolResult {
  forEveryCable(context.file, CABLE_OUTLINE, token);
  return FILE_OUTLINE.get(context.file, context.settings.maxOutlineItems);
}

function outline(file: CableFile, maxItems: number): SymbolResult {
  // Over the cap, only each cable's count is kept (trees of a large export's every cable would be
  // held for an outline that shows few of them) and the capped tree is built afresh.
  const limit = Math.max(0, maxItems);
  const outlines = file.cables.map((cable) => CABLE_OUTLINE.get(cable, file));
  const total = outlines.reduce((n, o) => n + o.count, 0);
  if (total <= limit) {
    const symbols = outlines.map((o, i) => (o.symbol ??= wholeTree(file.cables[i]).symbol));
    const jsonBytes = () => arrayJson(outlines.map((o, i) => (o.json ??= asciiJson(symbols[i]))));
    return { symbols, shown: total, omitted: 0, omittedParagraphs: 0, jsonBytes };
  }
  for (const o of outlines) {
    o.symbol = undefined;
    o.json = undefined;
  }
  // Every cable, then divisions in document order while they fit, then details with what is left.
  let divisions = Math.max(0, limit - file.cables.length);
  const divisionCounts = file.cables.map(divisionsOf);
  const divisionTotal = divisionCounts.reduce((n, d) => n + d, 0);
  const divisionShares = divisionCounts.map((d) => {
    const share = Math.min(d, divisions);
    divisions -= share;
    return share;
  });
  let details = divisions;
  const detailShares = outlines.map((o, i) => {
    const share = Math.min(o.count - 1 - divisionCounts[i], details);
    details -= share;
    return share;
  });
  let shown = 0;
  const symbols = file.cables.map((cable, i) => {
    const budget = new Budget(divisionShares[i], detailShares[i]);
    const symbol = cableSymbol(cable, budget);
    shown += budget.used + 1;
    return symbol;
  });
  const shownDivisions = divisionShares.reduce((n, d) => n + d, 0);
  return { symbols, shown, omitted: total - shown, omittedParagraphs: divisionTotal - shownDivisions };
}

/** SymbolInformation for clients that do not declare hierarchical document symbols. */
export function flattenSymbols(
  symbols: readonly DocumentSymbol[],
  uri: string,
  container?: string,
  out: SymbolInformation[] = [],
): SymbolInformation[] {
  for (const s of symbols) {
    out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container ? { containerName: container } : {}) });
    flattenSymbols(s.children ?? [], uri, s.name, out);
  }
  return out;
}

/** A cable's whole outline tree and the number of symbols in it. */
function wholeTree(cable: Cable): { symbol: DocumentSymbol; count: number } {
  const budget = new Budget(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
  return { symbol: cableSymbol(cable, budget), count: budget.used + 1 };
}

function cableSymbol(cable: Cable, budget: Budget): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  if (cable.header && budget.take('detail')) children.push(headerSymbol(cable, cable.header, budget));
  if (cable.subject && budget.take('division')) {
    children.push(symbol(l10n.t('Subject'), cable.subject.text, SymbolKind.String, cable.subject.range, cable.subject.keyword.range, []));
  }
  if (cable.references && budget.take('division')) {
    const refs = cable.references;
    const entries: DocumentSymbol[] = [];
    for (const e of refs.entries) {
      if (!budget.take('detail')) break;
      const name = e.letter ? `${e.letter.value}. ${e.text}` : e.text;
      entries.push(symbol(name || 'REF', e.cable?.referenceId, SymbolKind.Key, e.range, e.letter?.range ?? e.range, []));
    }
    children.push(symbol(refs.keyword.text.toUpperCase(), undefined, SymbolKind.Namespace, refs.range, refs.keyword.range, entries));
  }
  for (const p of cable.paragraphs) {
    if (!budget.take('division')) break;
    children.push(paragraphSymbol(p, budget));
  }
  byPosition(children);
  const selection =
    cable.referenceId && cable.classificationLine
      ? cable.classificationLine.range
      : (cable.header?.range ?? cable.classificationLine?.range ?? cable.range);
  const detail = [cable.classification.label, cable.subject?.text].filter(Boolean).join(' — ');
  return symbol(cableName(cable), detail || undefined, SymbolKind.File, cable.range, clampInside(selection, cable.range), children);
}

function headerSymbol(cable: Cable, header: TransmissionHeader, budget: Budget): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  const add = (name: string, detail: string | undefined, kind: SymbolKind, range: Parameters<typeof symbol>[3]) => {
    if (budget.take('detail')) children.push(symbol(name, detail, kind, range, range, []));
  };
  // A printed copy's distribution block and drafting lines stand before the DTG: the header's, in the outline.
  let range = header.range;
  const distribution = cable.distribution;
  if (distribution) {
    const action = distribution.action;
    const name = action ? `${action.keyword.text} ${action.entry.office.text}-${action.entry.copies.text}` : l10n.t('Distribution');
    const copies = distribution.total
      ? l10n.t('{0} copies, {1} offices', distribution.total.value, distribution.info.length + (action ? 1 : 0))
      : undefined;
    // Up to the total: a Department original's drafting lines stand between it and the control line.
    const entries = [...(action ? [action.entry] : []), ...distribution.info];
    const end = distribution.total?.range.end ?? entries.at(-1)?.range.end ?? distribution.range.end;
    add(name, copies, SymbolKind.Property, { start: distribution.range.start, end });
    range = union(range, distribution.range);
  }
  const drafting = cable.drafting;
  if (drafting) {
    const officer = (label: string, line: OfficerLine | undefined) => {
      if (!line) return;
      add(`${label} ${[line.office?.text, line.officer?.text].filter(Boolean).join(':')}`, undefined, SymbolKind.Property, line.range);
    };
    officer(l10n.t('Drafted by'), drafting.drafted);
    officer(l10n.t('Approved by'), drafting.approved);
    range = union(range, drafting.range);
  }
  if (header.transmissionId)
    add(header.transmissionId.text, l10n.t('FL1 transmission id'), SymbolKind.Constant, header.transmissionId.range);
  if (header.precedenceProsign) {
    const last = header.relays[header.relays.length - 1] ?? header.precedenceProsign;
    add(
      `${header.precedenceProsign.text} ${header.relays.map((r) => r.text).join(' ')}`.trim(),
      l10n.t('FL2 precedence and relays'),
      SymbolKind.Constant,
      rangeBetween(header.precedenceProsign.range, last.range),
    );
  }
  if (header.station)
    add(
      `DE ${header.station.routingIndicator?.text ?? ''} ${header.station.serial?.text ?? ''}`.replace(/\s+/g, ' ').trim(),
      l10n.t('FL3 station, serial, filing time'),
      SymbolKind.Constant,
      header.station.range,
    );
  if (header.securityGroup)
    add(
      `${header.securityGroup.signal.text} ${header.securityGroup.group?.text ?? ''}`.trim(),
      l10n.t('FL4 security group'),
      SymbolKind.Constant,
      header.securityGroup.range,
    );
  if (header.dtg) add(header.dtg.token.text, l10n.t('FL5 date-time group'), SymbolKind.Event, header.dtg.range);
  if (header.from?.address) add(`FM ${header.from.address.text}`, l10n.t('originator'), SymbolKind.Field, header.from.range);
  for (const a of header.addressees) {
    const name = `${a.role.toUpperCase()} ${a.routingIndicator ? `${a.routingIndicator.text}/` : ''}${a.address.text}`;
    add(name, [a.precedence?.text, a.mcn?.text].filter(Boolean).join(' ') || undefined, SymbolKind.Field, a.range);
  }
  byPosition(children);
  const name = header.layout === 'oneLine' ? l10n.t('Transmission header (one line)') : l10n.t('Transmission header');
  const selection = header.transmissionId?.range ?? header.dtg?.range ?? header.range;
  return symbol(name, header.dtg?.token.text, SymbolKind.Namespace, range, clampInside(selection, range), children);
}

function union(a: DocumentSymbol['range'], b: DocumentSymbol['range']): DocumentSymbol['range'] {
  return {
    start: comparePositions(a.start, b.start) <= 0 ? a.start : b.start,
    end: comparePositions(a.end, b.end) >= 0 ? a.end : b.end,
  };
}

function paragraphSymbol(p: Paragraph, budget: Budget): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  for (const s of p.subParagraphs) {
    if (!budget.take('detail')) break;
    const label = typeof s.label.value === 'number' ? s.label.text : s.label.text;
    const name = [label, s.marking?.text, s.title].filter(Boolean).join(' ');
    const selection = s.marking ? rangeBetween(s.label.range, s.marking.range) : s.label.range;
    children.push(symbol(name, undefined, SymbolKind.EnumMember, s.range, selection, []));
  }
  const name = [p.number.text, p.marking?.text, p.title].filter(Boolean).join(' ');
  return symbol(name, undefined, SymbolKind.Number, p.range, p.selectionRange, children);
}

/** Damaged cables can put their fields in any order; the outline follows the document. */
function byPosition(symbols: DocumentSymbol[]): void {
  symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function symbol(
  name: string,
  detail: string | undefined,
  kind: SymbolKind,
  range: DocumentSymbol['range'],
  selectionRange: DocumentSymbol['range'],
  children: DocumentSymbol[],
): DocumentSymbol {
  const result: DocumentSymbol = { name: name.trim() || '(unnamed)', kind, range, selectionRange };
  if (detail) result.detail = detail;
  // Leaves carry no `children` (it is optional): a tenth less JSON for a large export's outline.
  if (children.length > 0) result.children = children;
  return result;
}

function clampInside(inner: DocumentSymbol['range'], outer: DocumentSymbol['range']): DocumentSymbol['range'] {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end) ? inner : { start: outer.start, end: outer.start };
}
