/**
 * The reading view's style sheet and a whole HTML page around a rendered body: for `cable-lint
 * --format html` and for the webview, which adds its nonce and Content-Security-Policy.
 */
import { escapeHtml } from './render';

/**
 * VS Code's theme variables where the page is a webview, plain colours elsewhere (a printed page,
 * a browser). Banners use the standard colours of each level (green, blue, red, orange).
 */
export const PREVIEW_CSS = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px);
  color: var(--vscode-editor-foreground, #1f1f1f); background: var(--vscode-editor-background, #fff); line-height: 1.5;
  max-width: 52rem; margin: 0 auto; padding: 0 1.25rem 3rem; }
a { color: var(--vscode-textLink-foreground, #0b57d0); }
a:focus-visible, summary:focus-visible, button:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0b57d0); outline-offset: 2px; }
.toc { border-bottom: 1px solid var(--vscode-panel-border, #ccc); margin-bottom: 1rem; }
.cable { margin: 1.5rem 0 3rem; }
.banner { text-align: center; font-weight: 700; letter-spacing: .08em; padding: .2rem; color: #fff; margin: .5rem 0; }
.level-u, .level-sbu { background: #007a33; }
.level-c { background: #0033a0; }
.level-s { background: #c8102e; }
.level-ts { background: #ff8c00; color: #000; }
.card h1 { font-size: 1.35em; margin: .2rem 0 .6rem; }
.card .id { font-family: var(--vscode-editor-font-family, monospace); margin: .6rem 0 0; opacity: .8; }
.card table { border-collapse: collapse; width: 100%; }
.card th { text-align: left; vertical-align: top; padding: .15rem 1rem .15rem 0; white-space: nowrap; font-weight: 600; width: 8rem; }
.card td { padding: .15rem 0; }
ul.plain { list-style: none; margin: 0; padding: 0; }
ul.tags li { display: inline; margin-right: .9rem; }
.muted { opacity: .75; }
.text { margin-top: 1.2rem; border-top: 1px solid var(--vscode-panel-border, #ccc); padding-top: .8rem; }
.text pre { white-space: pre-wrap; font-family: var(--vscode-editor-font-family, monospace); font-size: .9em; }
details.transmission summary { cursor: pointer; opacity: .8; }
p.line { margin: .15rem 0; white-space: pre-wrap; }
p.front { font-family: var(--vscode-editor-font-family, monospace); font-size: .92em; }
section.para { margin: .8rem 0; }
section.para .num { font-weight: 700; margin-right: .2rem; }
.mark { display: inline-block; font-size: .8em; font-weight: 700; padding: 0 .35em; border-radius: .3em; color: #fff; background: #555; }
.sub { display: block; margin-left: 1.8rem; }
.block-summary, .block-comment, .block-note, .block-talkingPoints { border-left: 3px solid var(--vscode-textBlockQuote-border, #999);
  padding-left: .8rem; background: var(--vscode-textBlockQuote-background, transparent); }
.noise { display: none; }
body.show-noise .noise { display: inline; opacity: .6; font-family: var(--vscode-editor-font-family, monospace); }
.problem { display: none; }
body.show-problems .problem { display: inline-block; width: .55em; height: .55em; border-radius: 50%; margin-left: .3em; vertical-align: middle; }
.severity-error { background: var(--vscode-editorError-foreground, #d32f2f); }
.severity-warning { background: var(--vscode-editorWarning-foreground, #b26a00); }
.severity-information, .severity-hint { background: var(--vscode-editorInfo-foreground, #1a73e8); }
.toolbar { position: sticky; top: 0; background: var(--vscode-editor-background, #fff); padding: .4rem 0; display: flex; gap: .5rem; z-index: 1; }
.toolbar button { font: inherit; color: var(--vscode-button-secondaryForeground, inherit); background: var(--vscode-button-secondaryBackground, #eee);
  border: 1px solid var(--vscode-button-border, transparent); padding: .1rem .6rem; cursor: pointer; }
@media (forced-colors: active) { .banner, .mark { forced-color-adjust: none; border: 1px solid CanvasText; } }
@media print { .toolbar, details.transmission summary { display: none; } body { max-width: none; }
  .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; } section.para { break-inside: avoid-page; } }
`;

export interface PageOptions {
  readonly title: string;
  /** Set in a webview: the CSP then allows this nonce's style and script only. */
  readonly nonce?: string;
  /** The webview's own source (`webview.cspSource`), for resources it serves. */
  readonly cspSource?: string;
  /** A script to run (with the nonce). */
  readonly script?: string;
  /** Controls shown above the text (the webview's toggles). */
  readonly toolbar?: string;
}

/** A complete, self-contained HTML document: no remote content, no script without the nonce. */
export function previewPage(body: string, options: PageOptions): string {
  const nonce = options.nonce;
  const csp = nonce
    ? `default-src 'none'; img-src ${options.cspSource ?? "'none'"}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`
    : "default-src 'none'; style-src 'unsafe-inline';";
  const nonceAttribute = nonce ? ` nonce="${nonce}"` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style${nonceAttribute}>${PREVIEW_CSS}</style>`,
    '</head>',
    '<body>',
    options.toolbar ?? '',
    `<main>${body}</main>`,
    options.script && nonce ? `<script nonce="${nonce}">${options.script}</script>` : '',
    '</body>',
    '</html>',
  ].join('\n');
}
