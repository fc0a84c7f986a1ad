// The reading view's renderer: hostile text stays text, every corpus file gives well-formed HTML
// that keeps every character of the cable in order, the header card decodes the header, and the
// request answers over a real stdio connection.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type DefaultTreeAdapterMap, parse as parseHtml, parseFragment, type ParserError } from 'parse5';
import { parse } from '../../server/src/cable/parse';
import { previewPage } from '../../server/src/features/preview/page';
import { renderPreview } from '../../server/src/features/preview/render';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import type { PreviewResult } from '../../server/src/protocol/cable';
import { StdioClient } from '../lsp/client';
import { corpusAvailable, corpusText, fixture, manifest } from '../util';
import { CABLE } from './cables';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, out);
  if ('content' in node && node.content) elements(node.content, out);
  return out;
}

function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textContent).join('') : '';
}

/** The text of the document inside a node: the view's own labels (`<summary>`) left out. */
function documentText(node: Node): string {
  if (node.nodeName === 'summary') return '';
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(documentText).join('') : '';
}

const hasClass = (e: Element, name: string) => e.attrs.some((a) => a.name === 'class' && a.value.split(' ').includes(name));

function fragment(html: string): { root: DefaultTreeAdapterMap['documentFragment']; errors: ParserError[] } {
  const errors: ParserError[] = [];
  const root = parseFragment(html, { onParseError: (e) => errors.push(e) });
  return { root, errors };
}

test('hostile text stays text: no script, no handler, no link out of the page, every character kept', () => {
  const hostile = CABLE.replace('SUBJECT: SERBIA: A TEST CABLE', 'SUBJECT: <script>alert(1)</script> & "quotes"')
    .replace(
      '1. (C) Summary: The minister spoke (ref A). End Summary.',
      '1. (C) [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> javascript:alert(1)',
    )
    .replace('REF: A. BELGRADE 100', 'REF: A. <a href="javascript:alert(2)">BELGRADE</a> 100');
  const html = renderPreview(parse(hostile));
  const { root, errors } = fragment(html);
  assert.deepEqual(errors, []);
  const all = elements(root);
  assert.ok(!all.some((e) => e.tagName === 'script' || e.tagName === 'img' || e.tagName === 'iframe'), 'no element from the text');
  for (const e of all) {
    for (const a of e.attrs) {
      assert.ok(!a.name.startsWith('on'), `no handler attribute: ${a.name}`);
      if (a.name === 'href') assert.match(a.value, /^#/, `only in-page links: ${a.value}`);
      assert.doesNotMatch(a.value, /^\s*(?:javascript|command):/i, `${a.name}="${a.value}"`);
    }
  }
  const text = textContent(root);
  for (const literal of [
    '<script>alert(1)</script>',
    '[x](command:workbench.action.terminal.new)',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
  ])
    assert.ok(text.includes(literal), `${literal} shown as text`);
});

test('the header card: posts, addressees with their countries, the date with the weekday, the banner, TAGS, REF links', () => {
  const workspace = new WorkspaceIndex();
  const cited = CABLE.replace(/#0123/g, '#0100')
    .replace('BELGRADE 000123', 'BELGRADE 000100')
    .replace('SERBIA: A TEST CABLE', 'SERBIA: THE CITED CABLE');
  workspace.update('file:///work/other/08BELGRADE100.cable', parse(cited));
  const { root } = fragment(renderPreview(parse(CABLE), { workspace }));
  const card = elements(root).find((e) => e.tagName === 'header' && hasClass(e, 'card'))!;
  const text = textContent(card);
  assert.match(text, /From\s*AMEMBASSY BELGRADE/);
  assert.match(text, /SECSTATE WASHDC \(United States, Priority\)|SECSTATE WASHDC \(United States, PRIORITY\)/i);
  assert.match(text, /Wednesday, 2008-11-26 20:51 UTC/);
  assert.match(text, /PREL Political Affairs--External Political Relations/);
  assert.match(text, /THE CITED CABLE/, "the cited cable's subject from the index");
  const banner = elements(root).find((e) => hasClass(e, 'banner'))!;
  assert.ok(hasClass(banner, 'level-c'));
  const open = elements(card).find((e) => e.attrs.some((a) => a.name === 'data-open'))!;
  assert.equal(open.attrs.find((a) => a.name === 'data-open')?.value, 'file:///work/other/08BELGRADE100.cable');
  const links = elements(root)
    .filter((e) => e.tagName === 'a' && e.attrs.some((a) => a.name === 'href' && a.value.startsWith('#c0-')))
    .map((e) => e.attrs.find((a) => a.name === 'href')!.value);
  assert.ok(links.includes('#c0-ref-A') && links.includes('#c0-p3'), `para and ref links: ${links.join(' ')}`);
  for (const target of links)
    assert.ok(
      elements(root).some((e) => e.attrs.some((a) => a.name === 'id' && `#${a.value}` === target)),
      `${target} exists`,
    );
});

test('a file of several cables gets a table of contents; problems are marked without adding text', () => {
  const two = `${CABLE}\n${CABLE.replace(/#0123/g, '#0124').replace(/000123/g, '000124')}`;
  const file = parse(two);
  const html = renderPreview(file, {
    problems: [{ range: file.cables[1].paragraphs[0].range, severity: 'error', message: 'a <problem>' }],
  });
  const { root } = fragment(html);
  const toc = elements(root).find((e) => e.tagName === 'nav')!;
  assert.equal(elements(toc).filter((e) => e.tagName === 'li').length, 2);
  const marker = elements(root).find((e) => hasClass(e, 'problem'))!;
  assert.equal(marker.attrs.find((a) => a.name === 'title')?.value, 'a <problem>');
  assert.equal(textContent(marker), '');
});

test('a whole page: a strict Content-Security-Policy, the nonce on its only style and script', () => {
  const page = previewPage(renderPreview(parse(CABLE)), { title: 'x', nonce: 'abc123', cspSource: 'vscode-webview:', script: 'void 0;' });
  const errors: ParserError[] = [];
  const doc = parseHtml(page, { onParseError: (e) => errors.push(e) });
  assert.deepEqual(errors, []);
  const all = elements(doc);
  const csp = all.find((e) => e.tagName === 'meta' && e.attrs.some((a) => a.value === 'Content-Security-Policy'))!;
  assert.match(csp.attrs.find((a) => a.name === 'content')!.value, /default-src 'none'.*script-src 'nonce-abc123'/);
  for (const e of all.filter((x) => x.tagName === 'script' || x.tagName === 'style'))
    assert.equal(e.attrs.find((a) => a.name === 'nonce')?.value, 'abc123');
});

describe('every corpus file', { skip: corpusAvailable() ? false : 'no corpus' }, () => {
  test('renders well-formed HTML that keeps every character of the text, in order', () => {
    const broken: string[] = [];
    for (const row of manifest()) {
      const text = corpusText(row.file);
      const { root, errors } = fragment(renderPreview(parse(text)));
      if (errors.length > 0) broken.push(`${row.file}: ${errors[0].code} at ${errors[0].startOffset}`);
      // The text parts, cable after cable, are the document; white space aside (HTML drops a
      // newline after <pre>, and the parser folds CR LF).
      const shown = elements(root)
        .filter((e) => e.tagName === 'div' && hasClass(e, 'text'))
        .map(documentText)
        .join('');
      if (shown.replace(/\s+/g, '') !== text.replace(/\s+/g, '').replace(/\u0000/g, '\uFFFD')) broken.push(`${row.file}: text differs`);
    }
    assert.deepEqual(broken, []);
  });
});

describe('cable/preview over stdio', () => {
  let client: StdioClient;
  before(async () => {
    client = new StdioClient();
    await client.initialize();
    await client.open('file:///work/multiLine.cable', fixture('multiLine.cable'));
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0, client.stderr);
  });

  test('answers the body and its style sheet, with the decoded header', async () => {
    const result = await client.request<PreviewResult>('cable/preview', {
      textDocument: { uri: 'file:///work/multiLine.cable' },
      problems: true,
    });
    assert.equal(result.title, '09ASTANA95');
    assert.equal(result.cables, 1);
    assert.match(result.css, /\.banner/);
    const { root, errors } = fragment(result.html);
    assert.deepEqual(errors, []);
    assert.match(textContent(root), /From\s*AMEMBASSY ASTANA/);
    assert.ok(
      elements(root).some((e) => hasClass(e, 'level-s')),
      'a SECRET banner',
    );
  });

  test('a document the server does not have gets null, not an error', async () => {
    assert.equal(await client.request('cable/preview', { textDocument: { uri: 'file:///work/none.cable' } }), null);
  });
});
