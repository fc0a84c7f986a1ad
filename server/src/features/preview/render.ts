/**
 * The reading view of a cable file as HTML: for each cable a header card (from, to, date, banner,
 * declassification, captions, TAGS, subject, REF entries) decoded from the model, then the text
 * itself in document order with paragraph numbers and markings as badges, sub-paragraphs indented,
 * Summary/Comment/Note blocks set off, and what printed copies and later sections add (page
 * headers, banners, repeated headers) kept but folded away. Every character of the document's
 * text is in the `.text` part, in order: the test checks it on every corpus file.
 *
 * Pure: a string out of the model. Everything from the document is escaped; the only links are
 * fragment links (`#c0-p3`) and `data-open` anchors the host decides what to do with (the webview
 * script asks the extension to open them; a static page leaves them inert). No `command:` link,
 * no URL from the text.
 */
import * as l10n from '@vscode/l10n';
import { crossReferencesOf } from '../../analysis/crossReferences';
import type { WorkspaceLookup } from '../../analysis/context';
import { cableName } from '../../analysis/naming';
import { dtgToIso } from '../../cable/dates';
import type { Cable, CableFile, Level, Position, Range } from '../../cable/model';
import { lineStarts } from '../../cable/scan';
import { caveatMeaning, classificationLevelName, lookupRoutingIndicator, lookupTag, precedenceMeaning } from '../../data';
import { fileCache } from '../../analysis/cache';

export interface PreviewProblem {
  readonly range: Range;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly message: string;
}

export interface RenderOptions {
  readonly workspace?: WorkspaceLookup;
  /** Diagnostics to mark where they start (the view shows them only when asked). */
  readonly problems?: readonly PreviewProblem[];
}

const LINE_STARTS = fileCache('previewLineStarts', (file) => Uint32Array.from(lineStarts(file.text)));

export function escapeHtml(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const entity = c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 62 ? '&gt;' : c === 34 ? '&quot;' : c === 39 ? '&#39;' : undefined;
    if (entity) {
      out += text.slice(last, i) + entity;
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

const LEVEL_CLASS: Readonly<Record<Level, string>> = { U: 'u', SBU: 'sbu', C: 'c', S: 's', TS: 'ts' };
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The body of the reading view: a table of contents when the file holds several cables, then each cable. */
export function renderPreview(file: CableFile, options: RenderOptions = {}): string {
  const starts = LINE_STARTS.get(file);
  const offset = (p: Position) => Math.min(file.text.length, (starts[p.line] ?? file.text.length) + p.character);
  const problems = [...(options.problems ?? [])].map((p) => ({ ...p, at: offset(p.range.start) })).sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  if (file.cables.length > 1) {
    parts.push(`<nav class="toc" aria-label="${escapeHtml(l10n.t('Cables in this file'))}"><ol>`);
    file.cables.forEach((cable, i) => {
      const subject = cable.subject?.text ? ` — ${escapeHtml(cable.subject.text)}` : '';
      parts.push(`<li><a href="#c${i}">${escapeHtml(cableName(cable))}</a>${subject}</li>`);
    });
    parts.push('</ol></nav>');
  }
  file.cables.forEach((cable, i) => parts.push(renderCable(file, cable, i, offset, problems, options.workspace)));
  return parts.join('');
}

type Offset = (p: Position) => number;
type PlacedProblem = PreviewProblem & { readonly at: number };

function renderCable(
  file: CableFile,
  cable: Cable,
  index: number,
  offset: Offset,
  problems: readonly PlacedProblem[],
  workspace: WorkspaceLookup | undefined,
): string {
  const level = cable.classification.level;
  const banner = level
    ? `<div class="banner level-${LEVEL_CLASS[level]}" role="note">${escapeHtml(cable.classification.written ?? cable.classification.label ?? '')}${
        cable.classification.caveats.length > 0 && !(cable.classification.label ?? '').includes('//')
          ? ` //${escapeHtml(cable.classification.caveats.join('/'))}`
          : ''
      }</div>`
    : '';
  const out: string[] = [
    `<article class="cable" id="c${index}" data-line="${cable.range.start.line}">`,
    banner,
    card(cable, index, workspace),
  ];
  out.push(`<div class="text" data-line="${cable.range.start.line}">`);
  out.push(new TextWriter(file, cable, index, offset, problems, workspace).write());
  out.push('</div>', banner, '</article>');
  return out.join('');
}

/** The decoded header: who sent it to whom, when, how classified, about what, citing what. */
function card(cable: Cable, index: number, workspace: WorkspaceLookup | undefined): string {
  const rows: [string, string][] = [];
  const header = cable.header;
  const from = header?.from?.address?.text;
  const fromRi = header?.station?.routingIndicator?.text;
  if (from || fromRi) {
    const info = fromRi ? lookupRoutingIndicator(fromRi) : undefined;
    const country = info?.country ? ` <span class="muted">(${escapeHtml(info.country)})</span>` : '';
    rows.push([l10n.t('From'), `${escapeHtml(from ?? info?.names[0] ?? fromRi ?? '')}${country}`]);
  }
  for (const role of ['to', 'info', 'xmt'] as const) {
    const list = (header?.addressees ?? []).filter((a) => a.role === role);
    if (list.length === 0) continue;
    const items = list.map((a) => {
      const info = a.routingIndicator ? lookupRoutingIndicator(a.routingIndicator.text) : undefined;
      const extra = [info?.country, a.precedence ? (precedenceMeaning(a.precedence.text)?.word ?? a.precedence.text) : undefined].filter(
        Boolean,
      );
      return `<li>${escapeHtml(a.address.text)}${extra.length ? ` <span class="muted">(${escapeHtml(extra.join(', '))})</span>` : ''}</li>`;
    });
    rows.push([
      role === 'to' ? l10n.t('To') : role === 'info' ? l10n.t('Info') : l10n.t('Exempted'),
      `<ul class="plain">${items.join('')}</ul>`,
    ]);
  }
  const dtg = cable.dtg?.token.value;
  if (dtg && dtg.valid) {
    const weekday = WEEKDAYS[new Date(Date.UTC(dtg.year, dtg.month - 1, dtg.day)).getUTCDay()];
    const precedence = cable.dtg?.precedence.map((p) => precedenceMeaning(p.text)?.word ?? p.text).join(', ');
    rows.push([
      l10n.t('Date'),
      `<time datetime="${escapeHtml(dtgToIso(dtg) ?? '')}">${escapeHtml(weekday)}, ${escapeHtml(dtgToIso(dtg)?.replace('T', ' ').replace(/Z$/, '') ?? cable.dtg.token.text)} UTC</time>${
        precedence ? ` <span class="muted">(${escapeHtml(precedence)})</span>` : ''
      }`,
    ]);
  } else if (cable.sourceDate) {
    rows.push([
      l10n.t('Date'),
      `${escapeHtml(cable.sourceDate.text)} <span class="muted">(${escapeHtml(l10n.t('as the source gives it'))})</span>`,
    ]);
  }
  if (cable.classification.level) {
    const caveats = cable.classification.caveats.map(
      (c) => `${escapeHtml(c)}${caveatMeaning(c) ? ` <span class="muted">(${escapeHtml(caveatMeaning(c)!)})</span>` : ''}`,
    );
    rows.push([l10n.t('Classification'), [escapeHtml(classificationLevelName(cable.classification.level)), ...caveats].join(', ')]);
  }
  const decl = cable.eoLine?.declValue?.text;
  if (decl) rows.push([l10n.t('Declassify'), escapeHtml(decl)]);
  if (cable.captions.length > 0) rows.push([l10n.t('Captions'), escapeHtml(cable.captions.map((c) => c.text).join(', '))]);
  if (cable.tags && cable.tags.tags.length > 0) {
    const tags = cable.tags.tags.map((t) => {
      const meaning = lookupTag(t.value)?.meaning;
      return `<li><abbr${meaning ? ` title="${escapeHtml(meaning)}"` : ''}>${escapeHtml(t.value)}</abbr>${meaning ? ` <span class="muted">${escapeHtml(meaning)}</span>` : ''}</li>`;
    });
    rows.push([l10n.t('TAGS'), `<ul class="plain tags">${tags.join('')}</ul>`]);
  }
  if (cable.references && cable.references.entries.length > 0) {
    const entries = cable.references.entries.map((e) => {
      const letter = e.letter ? `<b>${escapeHtml(e.letter.value)}.</b> ` : '';
      const id = e.cable?.referenceId;
      const cited = id ? workspace?.find(id)[0] : undefined;
      const anchor = e.letter ? ` id="c${index}-ref-${escapeHtml(e.letter.value)}"` : '';
      const text = cited
        ? `<a href="#" data-open="${escapeHtml(cited.uri)}" data-open-line="${cited.selectionRange.start.line}">${escapeHtml(e.text)}</a>${
            cited.subject ? ` <span class="muted">— ${escapeHtml(cited.subject)}</span>` : ''
          }`
        : escapeHtml(e.text);
      return `<li${anchor}>${letter}${text}${id && !cited ? ` <span class="muted">(${escapeHtml(id)})</span>` : ''}</li>`;
    });
    rows.push([l10n.t('References'), `<ul class="plain refs">${entries.join('')}</ul>`]);
  }
  if (cable.drafting?.drafted || cable.drafting?.approved) {
    const who = [cable.drafting.drafted, cable.drafting.approved].map((l) =>
      l ? [l.office?.text, l.officer?.text].filter(Boolean).join(': ') : '',
    );
    if (who[0]) rows.push([l10n.t('Drafted by'), escapeHtml(who[0])]);
    if (who[1]) rows.push([l10n.t('Approved by'), escapeHtml(who[1])]);
  }
  if (cable.conflict)
    rows.push([
      l10n.t('Note'),
      escapeHtml(l10n.t('The header is of {0}; the text is of {1} (a fault of the source).', cable.conflict.header, cable.conflict.text)),
    ]);
  const title = cable.subject?.text ? escapeHtml(cable.subject.text) : escapeHtml(l10n.t('(no subject)'));
  const table = rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${v}</td></tr>`).join('');
  return `<header class="card"><p class="id">${escapeHtml(cableName(cable))}</p><h1>${title}</h1><table>${table}</table></header>`;
}

/** Writes one cable's text, every character in order, as HTML. */
class TextWriter {
  private readonly out: string[] = [];
  private readonly text: string;
  private readonly links: { start: number; end: number; html: (inner: string) => string }[] = [];
  private problemIndex: number;

  constructor(
    private readonly file: CableFile,
    private readonly cable: Cable,
    private readonly index: number,
    private readonly offset: Offset,
    private readonly problems: readonly PlacedProblem[],
    workspace: WorkspaceLookup | undefined,
  ) {
    this.text = file.text;
    const start = offset(cable.range.start);
    this.problemIndex = problems.findIndex((p) => p.at >= start);
    if (this.problemIndex < 0) this.problemIndex = problems.length;
    for (const x of crossReferencesOf(file, cable)) {
      const s = offset(x.range.start);
      const e = offset(x.range.end);
      if (x.kind === 'paragraph') {
        const target = cable.paragraphs.find((p) => p.number.value === x.first);
        if (target) this.links.push({ start: s, end: e, html: (inner) => `<a href="#c${index}-p${x.first}">${inner}</a>` });
      } else if (x.kind === 'reference' && x.letter) {
        const letter = x.letter;
        if (cable.references?.entries.some((r) => r.letter?.value === letter))
          this.links.push({ start: s, end: e, html: (inner) => `<a href="#c${index}-ref-${escapeHtml(letter)}">${inner}</a>` });
      } else if (x.kind === 'referenceId' && workspace) {
        const cited = workspace.find(x.referenceId)[0];
        if (cited)
          this.links.push({
            start: s,
            end: e,
            html: (inner) =>
              `<a href="#" data-open="${escapeHtml(cited.uri)}" data-open-line="${cited.selectionRange.start.line}">${inner}</a>`,
          });
      }
    }
    this.links.sort((a, b) => a.start - b.start);
  }

  write(): string {
    const cable = this.cable;
    const start = this.offset(cable.range.start);
    const end = this.offset(cable.range.end);
    const textStart = cable.text ? this.offset(cable.text.start) : start;
    const noise = this.noiseRanges();
    const firstParagraph = cable.paragraphs[0];
    const bodyStart = firstParagraph ? this.offset(firstParagraph.range.start) : end;
    // Before the text: the transmission header and what stands before it, as written, folded.
    if (textStart > start) this.details('transmission', l10n.t('Transmission header'), start, textStart, cable.range.start.line);
    // Front matter up to the first paragraph, then the paragraphs, then what follows them.
    this.lines(textStart, Math.max(textStart, bodyStart), noise, 'front');
    cable.paragraphs.forEach((p, k) => {
      const pStart = this.offset(p.range.start);
      const next = cable.paragraphs[k + 1];
      const pEnd = next ? this.offset(next.range.start) : Math.max(pStart, this.offset(p.range.end));
      this.paragraph(p, pStart, pEnd, noise);
      if (!next) this.lines(pEnd, end, noise, 'tail');
    });
    return this.out.join('');
  }

  /** Page headers, banners, later sections' repeated headers and continuation headers: folded away. */
  private noiseRanges(): { start: number; end: number }[] {
    const c = this.cable;
    const ranges = [
      ...c.pageHeaders.map((p) => p.range),
      ...c.banners.map((b) => b.range),
      ...c.repeatedHeaders,
      ...c.continuationHeaders.map((h) => h.range),
    ];
    return ranges.map((r) => ({ start: this.offset(r.start), end: this.offset(r.end) })).sort((a, b) => a.start - b.start);
  }

  private details(kind: string, label: string, start: number, end: number, line: number): void {
    this.out.push(
      `<details class="${kind}" data-line="${line}"><summary>${escapeHtml(label)}</summary><pre>${this.inline(start, end)}</pre></details>`,
    );
  }

  /** Lines outside paragraphs (front matter, closing lines), one block per line. */
  private lines(start: number, end: number, noise: readonly { start: number; end: number }[], kind: string): void {
    let at = start;
    while (at < end) {
      let lineEnd = this.text.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd >= end) lineEnd = end;
      else lineEnd += 1;
      const line = this.lineOf(at);
      const content = this.text.slice(at, lineEnd);
      if (content.trim() === '') this.out.push(this.raw(at, lineEnd));
      else if (
        noise.some(
          (n) =>
            n.start < lineEnd &&
            n.end > at &&
            this.text.slice(at, lineEnd).trim() === this.text.slice(Math.max(at, n.start), Math.min(lineEnd, n.end)).trim(),
        )
      )
        this.out.push(`<span class="noise" data-line="${line}">${this.inline(at, lineEnd)}</span>`);
      else
        this.out.push(
          `<p class="line ${kind}${this.blockClass(line)}" data-line="${line}">${this.withNoise(at, lineEnd, noise)}${this.markers(at, lineEnd)}</p>`,
        );
      at = lineEnd;
    }
  }

  private paragraph(p: Cable['paragraphs'][number], start: number, end: number, noise: readonly { start: number; end: number }[]): void {
    const line = p.range.start.line;
    const numberStart = this.offset(p.number.range.start);
    const numberEnd = this.offset(p.number.range.end);
    const marking = p.marking;
    const markingEnd = marking ? this.offset(marking.range.end) : numberEnd;
    const level = marking?.level ? ` level-${LEVEL_CLASS[marking.level]}` : '';
    const parts = [
      `<section class="para${this.blockClass(line)}" id="c${this.index}-p${p.number.value}" data-line="${line}">`,
      this.inline(start, numberStart),
      `<span class="num">${this.inline(numberStart, numberEnd)}</span>`,
    ];
    if (marking) {
      const markingStart = this.offset(marking.range.start);
      parts.push(this.inline(numberEnd, markingStart), `<span class="mark${level}">${this.inline(markingStart, markingEnd)}</span>`);
    }
    // Sub-paragraphs start a block of their own, indented.
    let at = markingEnd;
    parts.push('<span class="lead">');
    for (const s of p.subParagraphs) {
      const sStart = this.offset(s.range.start);
      if (sStart < at || sStart >= end) continue;
      parts.push(this.withNoise(at, sStart, noise), '</span>', `<span class="sub" data-line="${s.range.start.line}">`);
      at = sStart;
    }
    parts.push(this.withNoise(at, end, noise), '</span>', this.markers(start, end), '</section>');
    this.out.push(parts.join(''));
  }

  /** Summary, Comment, Note or Talking Points around this line. */
  private blockClass(line: number): string {
    const block = this.cable.blocks.find((b) => b.kind !== 'text' && b.range.start.line <= line && b.range.end.line >= line);
    return block ? ` block-${block.kind}` : '';
  }

  /** Text with noise spans set apart. */
  private withNoise(start: number, end: number, noise: readonly { start: number; end: number }[]): string {
    let html = '';
    let at = start;
    for (const n of noise) {
      if (n.end <= at || n.start >= end) continue;
      const s = Math.max(at, n.start);
      const e = Math.min(end, n.end);
      html += this.inline(at, s) + `<span class="noise">${this.raw(s, e)}</span>`;
      at = e;
    }
    return html + this.inline(at, end);
  }

  /** Escaped text with the cross-reference links inside it. */
  private inline(start: number, end: number): string {
    let html = '';
    let at = start;
    for (const link of this.links) {
      if (link.end <= at || link.start >= end) continue;
      if (link.start < at || link.end > end) continue;
      html += this.raw(at, link.start) + link.html(this.raw(link.start, link.end));
      at = link.end;
    }
    return html + this.raw(at, end);
  }

  private raw(start: number, end: number): string {
    return escapeHtml(this.text.slice(start, end));
  }

  /** Problem markers for diagnostics that start in [start, end): no text of their own (CSS draws them). */
  private markers(start: number, end: number): string {
    let html = '';
    while (this.problemIndex < this.problems.length && this.problems[this.problemIndex].at < end) {
      const p = this.problems[this.problemIndex++];
      if (p.at < start) continue;
      html += `<span class="problem severity-${p.severity}" role="img" aria-label="${escapeHtml(p.message)}" title="${escapeHtml(p.message)}"></span>`;
    }
    return html;
  }

  private lineOf(offset: number): number {
    const starts = LINE_STARTS.get(this.file);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
