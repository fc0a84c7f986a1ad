import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CableChartRequest, type CableChartResult, type ParamsOf, type ResultOf } from '../../server/src/protocol/cable';
import { escapeHtml, nonce } from './webviewHtml';

/** What the chart asks of the Cables view: the current filter, and a new one when a month, an origin or a TAG is chosen. */
export interface ChartHost {
  readonly query: string;
  setQuery(query: string): void;
}

const WIDTH = 760;
const HEIGHT = 220;

/**
 * The selection as a picture: cables per month stacked by classification, with the busiest origins
 * and TAGS beside it, in a webview of our own markup (no library, nothing remote): a strict CSP
 * with a nonce for the one style sheet and script, theme colours, every bar a focusable button.
 */
export class CablesChart implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #asked = 0;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly host: ChartHost,
  ) {}

  dispose(): void {
    this.#panel?.dispose();
  }

  show(): void {
    if (this.#panel) {
      this.#panel.reveal(undefined, true);
      void this.update();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'cable.cablesChart',
      vscode.l10n.t('Cables Chart'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    this.#panel = panel;
    panel.onDidDispose(() => (this.#panel = undefined));
    panel.webview.onDidReceiveMessage((message: { kind?: string; value?: string }) => {
      if (typeof message?.value !== 'string') return;
      const term =
        message.kind === 'month' ? `date:${message.value}` : message.kind === 'origin' ? `from:"${message.value}"` : `tag:${message.value}`;
      if (!/^(month|origin|tag)$/.test(message.kind ?? '')) return;
      // A month replaces the filter's dates; an origin or TAG is added to the filter.
      const kept = message.kind === 'month' ? this.host.query.replace(/(^|\s)date:\S+/g, ' ') : this.host.query;
      this.host.setQuery(`${kept.trim()} ${term}`.trim());
    });
    void this.update();
  }

  /** Draws the current selection again (the filter or the index changed). */
  async update(): Promise<void> {
    const panel = this.#panel;
    if (!panel) return;
    const mine = ++this.#asked;
    const params: ParamsOf<typeof CableChartRequest> = { query: this.host.query, top: 10 };
    let result: ResultOf<typeof CableChartRequest>;
    try {
      result = await this.client.sendRequest<ResultOf<typeof CableChartRequest>>(CableChartRequest.method, params);
    } catch {
      return;
    }
    if (mine !== this.#asked || this.#panel !== panel) return;
    panel.webview.html = page(result, this.host.query, nonce());
  }
}

/** The colours of US classification banners, from the theme's chart palette. */
function levelClass(label: string): string {
  const level = label.split('//')[0];
  const base =
    level === 'TOP SECRET'
      ? 'ts'
      : level === 'SECRET'
        ? 's'
        : level === 'CONFIDENTIAL'
          ? 'c'
          : level === 'UNCLASSIFIED'
            ? 'u'
            : level === 'LIMITED OFFICIAL USE'
              ? 'lou'
              : 'other';
  return label.includes('//') ? `${base} caveat` : base;
}

function page(result: CableChartResult, query: string, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const title = query
    ? vscode.l10n.t('{0}: {1} cables', query, result.total.toLocaleString())
    : vscode.l10n.t('All {0} cables', result.total.toLocaleString());
  let body: string;
  if (result.error) body = `<p role="alert">${escapeHtml(vscode.l10n.t('Invalid filter: {0}', result.error.message))}</p>`;
  else if (result.months.length === 0) body = `<p>${escapeHtml(vscode.l10n.t('No dated cables in the selection.'))}</p>`;
  else body = chart(result);
  const list = (heading: string, kind: string, rows: CableChartResult['origins']) =>
    `<section><h2>${escapeHtml(heading)}</h2><ol>${rows
      .map(
        (r) =>
          `<li><button data-kind="${kind}" data-value="${escapeHtml(r.key)}" aria-label="${escapeHtml(
            vscode.l10n.t('{0}: {1} cables; filter by it', r.key, r.count),
          )}">${escapeHtml(r.key)}</button> <span class="count">${r.count.toLocaleString()}</span></li>`,
      )
      .join('')}</ol></section>`;
  const legend = result.classifications
    .map(
      (c) =>
        `<li><svg width="12" height="12" aria-hidden="true"><rect class="${levelClass(c)}" width="12" height="12"/></svg> ${escapeHtml(c || vscode.l10n.t('No classification'))}</li>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(vscode.l10n.t('Cables Chart'))}</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
h1 { font-size: 1.2em; font-weight: 600; } h2 { font-size: 1em; font-weight: 600; margin: 0.5em 0; }
.layout { display: flex; flex-wrap: wrap; gap: 1.5em; } .side { display: flex; gap: 1.5em; }
ol { margin: 0; padding-left: 1.5em; } .count, .note { color: var(--vscode-descriptionForeground); }
button { background: none; border: none; color: var(--vscode-textLink-foreground); cursor: pointer; padding: 0; font: inherit; }
button:focus-visible, .month:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.month { cursor: pointer; } .month:hover rect.hit, .month:focus rect.hit { fill: var(--vscode-list-hoverBackground); }
rect.hit { fill: transparent; }
.ts { fill: var(--vscode-charts-orange); } .s { fill: var(--vscode-charts-red); } .c { fill: var(--vscode-charts-blue); }
.u { fill: var(--vscode-charts-green); } .lou { fill: var(--vscode-charts-yellow); } .other { fill: var(--vscode-charts-purple); }
.caveat { fill-opacity: 0.6; }
.axis { fill: var(--vscode-descriptionForeground); font-size: 10px; } line.axis { stroke: var(--vscode-descriptionForeground); }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1em; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="layout">
<div>${body}<ul class="legend" aria-label="${escapeHtml(vscode.l10n.t('Classifications'))}">${legend}</ul>
${result.undated > 0 ? `<p class="note">${escapeHtml(vscode.l10n.t('{0} cables without a date are not drawn.', result.undated.toLocaleString()))}</p>` : ''}</div>
<div class="side">${list(vscode.l10n.t('Busiest origins'), 'origin', result.origins)}${list(vscode.l10n.t('Busiest TAGS'), 'tag', result.tags)}</div>
</div>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const months = [...document.querySelectorAll('.month')];
const choose = (el) => vscode.postMessage({ kind: el.dataset.kind, value: el.dataset.value });
for (const el of document.querySelectorAll('[data-kind]')) {
  el.addEventListener('click', () => choose(el));
  if (el.classList.contains('month')) {
    el.addEventListener('keydown', (event) => {
      const i = months.indexOf(el);
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); choose(el); }
      else if (event.key === 'ArrowRight' && months[i + 1]) { event.preventDefault(); months[i + 1].focus(); }
      else if (event.key === 'ArrowLeft' && months[i - 1]) { event.preventDefault(); months[i - 1].focus(); }
      else if (event.key === 'Home') { event.preventDefault(); months[0].focus(); }
      else if (event.key === 'End') { event.preventDefault(); months[months.length - 1].focus(); }
    });
  }
}
</script>
</body>
</html>`;
}

/** The bars: one focusable group a month, its classifications stacked in the legend's order. */
function chart(result: CableChartResult): string {
  const left = 36;
  const bottom = 20;
  const plotHeight = HEIGHT - bottom - 6;
  const max = Math.max(1, ...result.months.map((m) => Object.values(m.counts).reduce((a, b) => a + b, 0)));
  const step = (WIDTH - left) / result.months.length;
  const bar = Math.max(1, step * 0.8);
  const parts: string[] = [];
  result.months.forEach((m, i) => {
    const x = left + i * step;
    let y = HEIGHT - bottom;
    const total = Object.values(m.counts).reduce((a, b) => a + b, 0);
    const rects: string[] = [];
    const detail: string[] = [];
    for (const c of result.classifications) {
      const n = m.counts[c] ?? 0;
      if (n === 0) continue;
      const h = (n / max) * plotHeight;
      y -= h;
      rects.push(
        `<rect class="${levelClass(c)}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}"/>`,
      );
      detail.push(`${n} ${c || vscode.l10n.t('No classification')}`);
    }
    const label = vscode.l10n.t('{0}: {1} cables{2}; filter to this month', m.key, total, detail.length ? ` (${detail.join(', ')})` : '');
    parts.push(
      `<g class="month" role="button" tabindex="0" data-kind="month" data-value="${m.key}" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>` +
        `<rect class="hit" x="${x.toFixed(1)}" y="0" width="${step.toFixed(1)}" height="${HEIGHT - bottom}"/>${rects.join('')}</g>`,
    );
    if (m.key.endsWith('-01') || i === 0) {
      parts.push(`<text class="axis" x="${x.toFixed(1)}" y="${HEIGHT - 6}">${m.key.slice(0, 4)}</text>`);
    }
  });
  parts.push(`<line class="axis" x1="${left}" y1="${HEIGHT - bottom}" x2="${WIDTH}" y2="${HEIGHT - bottom}"/>`);
  parts.push(`<text class="axis" x="0" y="12">${max.toLocaleString()}</text>`);
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="group" aria-label="${escapeHtml(
    vscode.l10n.t('Cables per month, stacked by classification'),
  )}">${parts.join('')}</svg>`;
}
