import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { type ParamsOf, PreviewRequest, type ResultOf } from '../../server/src/protocol/cable';
import { escapeHtml, nonce } from './webviewHtml';

/** Typing pauses this long before the preview is rendered again. */
const UPDATE_DELAY_MS = 250;
/** A scroll the other side caused is not echoed back for this long. */
const ECHO_MS = 300;

/**
 * The reading view beside the editor, as VS Code's Markdown preview: "Cable: Open Preview" (in
 * place) and "… to the Side", following the active cable editor unless locked, updated while typing,
 * scroll-synchronised both ways. The HTML comes from the server (`cable/preview`), escaped there;
 * the page allows only its own nonce's style and script, and links open only cables the server named.
 */
export class CablePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private locked = false;
  private title = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastEditorScroll = 0;
  private lastPreviewScroll = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: BaseLanguageClient) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.panel || this.locked || !editor || editor.document.languageId !== 'cable' || editor.document === this.document) return;
        this.document = editor.document;
        void this.update();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (!this.panel || event.textEditor.document !== this.document || Date.now() - this.lastPreviewScroll < ECHO_MS) return;
        const line = event.visibleRanges[0]?.start.line;
        if (line === undefined) return;
        this.lastEditorScroll = Date.now();
        void this.panel.webview.postMessage({ type: 'reveal', line });
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.document && this.locked) this.panel?.dispose();
      }),
    );
  }

  /** Opens (or moves) the preview for the active cable. */
  async show(toSide: boolean): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document.languageId === 'cable' ? editor.document : this.document;
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a cable to preview it.'));
      return;
    }
    this.document = document;
    const column = toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
    if (this.panel) this.panel.reveal(column, toSide);
    else this.panel = this.createPanel(column, toSide);
    await this.update();
  }

  toggleLock(): void {
    this.locked = !this.locked;
    this.updateTitle();
  }

  private createPanel(column: vscode.ViewColumn, preserveFocus: boolean): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      'cable.preview',
      vscode.l10n.t('Preview'),
      { viewColumn: column, preserveFocus },
      // No local resources at all: everything the page needs is inline, with a nonce.
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [], retainContextWhenHidden: false },
    );
    panel.onDidDispose(() => {
      this.panel = undefined;
      clearTimeout(this.timer);
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message));
    return panel;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    const panel = this.panel;
    const document = this.document;
    if (!panel || !document) return;
    const params: ParamsOf<typeof PreviewRequest> = { textDocument: { uri: document.uri.toString() }, problems: true };
    let result: ResultOf<typeof PreviewRequest> | null;
    try {
      result = await this.client.sendRequest<ResultOf<typeof PreviewRequest> | null>(PreviewRequest.method, params);
    } catch {
      return;
    }
    if (!result || panel !== this.panel || document !== this.document) return;
    this.updateTitle(result.title);
    if (panel.webview.html === '') panel.webview.html = page(result, panel.webview.cspSource);
    else void panel.webview.postMessage({ type: 'update', html: result.html });
    const line = vscode.window.visibleTextEditors.find((e) => e.document === document)?.visibleRanges[0]?.start.line;
    if (line !== undefined) void panel.webview.postMessage({ type: 'reveal', line });
  }

  private updateTitle(title?: string): void {
    if (title !== undefined) this.title = title;
    if (!this.panel) return;
    const text = vscode.l10n.t('Preview {0}', this.title);
    this.panel.title = this.locked ? vscode.l10n.t('[Locked] {0}', text) : text;
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { type?: unknown; line?: unknown; uri?: unknown };
    const document = this.document;
    if (m.type === 'scroll' && typeof m.line === 'number' && document) {
      if (Date.now() - this.lastEditorScroll < ECHO_MS) return;
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      if (!editor) return;
      this.lastPreviewScroll = Date.now();
      const position = new vscode.Position(Math.max(0, Math.min(m.line, document.lineCount - 1)), 0);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    } else if (m.type === 'open' && typeof m.uri === 'string') {
      // Only the URIs of files the server indexed reach the page; anything else is refused.
      let uri: vscode.Uri;
      try {
        uri = vscode.Uri.parse(m.uri, true);
      } catch {
        return;
      }
      if (uri.scheme === 'command' || uri.scheme === 'javascript') return;
      const line = typeof m.line === 'number' ? m.line : 0;
      const position = new vscode.Position(line, 0);
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
    }
  }

  dispose(): void {
    this.panel?.dispose();
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

function page(result: ResultOf<typeof PreviewRequest>, cspSource: string): string {
  const n = nonce();
  const csp = `default-src 'none'; img-src ${cspSource}; style-src 'nonce-${n}'; script-src 'nonce-${n}';`;
  const problems = escapeHtml(vscode.l10n.t('Problems'));
  const noise = escapeHtml(vscode.l10n.t('Transmission lines'));
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(result.title)}</title>
<style nonce="${n}">${result.css}</style>
</head>
<body>
<div class="toolbar" role="toolbar">
<button type="button" id="toggle-problems" aria-pressed="false">${problems}</button>
<button type="button" id="toggle-noise" aria-pressed="false">${noise}</button>
</div>
<main>${result.html}</main>
<script nonce="${n}">${SCRIPT}</script>
</body>
</html>`;
}

/** The page's script: toggles, scroll sync, link clicks. No eval, no HTML from anywhere but the server's escaped body. */
const SCRIPT = `
(() => {
  const vscode = acquireVsCodeApi();
  const state = Object.assign({ problems: false, noise: false }, vscode.getState() || {});
  const main = document.querySelector('main');
  function apply() {
    document.body.classList.toggle('show-problems', state.problems);
    document.body.classList.toggle('show-noise', state.noise);
    document.getElementById('toggle-problems').setAttribute('aria-pressed', String(state.problems));
    document.getElementById('toggle-noise').setAttribute('aria-pressed', String(state.noise));
    vscode.setState(state);
  }
  document.getElementById('toggle-problems').addEventListener('click', () => { state.problems = !state.problems; apply(); });
  document.getElementById('toggle-noise').addEventListener('click', () => { state.noise = !state.noise; apply(); });
  apply();
  let ignoreScrollUntil = 0;
  function elements() { return Array.from(main.querySelectorAll('[data-line]')); }
  function reveal(line) {
    // The element that starts last at or before the line; of several on one line, the outermost (first).
    let best;
    let bestLine = -1;
    for (const el of elements()) {
      const l = Number(el.getAttribute('data-line'));
      if (l > line) break;
      if (l > bestLine && el.getClientRects().length > 0) { best = el; bestLine = l; }
    }
    ignoreScrollUntil = Date.now() + 300;
    if (!best || best === elements()[0]) window.scrollTo(0, 0);
    else best.scrollIntoView({ block: 'start' });
  }
  let pending = false;
  window.addEventListener('scroll', () => {
    if (Date.now() < ignoreScrollUntil || pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      for (const el of elements()) {
        const rect = el.getBoundingClientRect();
        if (rect.height > 0 && rect.bottom > 40) { vscode.postMessage({ type: 'scroll', line: Number(el.getAttribute('data-line')) }); break; }
      }
    });
  });
  document.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest('a') : null;
    if (!a) return;
    const uri = a.getAttribute('data-open');
    const href = a.getAttribute('href') || '';
    if (uri) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', uri, line: Number(a.getAttribute('data-open-line') || 0) });
    } else if (href.startsWith('#') && href.length > 1) {
      event.preventDefault();
      const target = document.getElementById(href.slice(1));
      if (target) { target.scrollIntoView({ block: 'start' }); target.setAttribute('tabindex', '-1'); target.focus({ preventScroll: true }); }
    } else {
      event.preventDefault();
    }
  });
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update' && typeof m.html === 'string') { main.innerHTML = m.html; }
    else if (m.type === 'reveal' && typeof m.line === 'number') { reveal(m.line); }
  });
})();
`;
