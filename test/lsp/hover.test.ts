import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fixture } from '../util';
import { StdioClient } from './client';

const MULTI = 'file:///work/multiLine.cable';
const ONE = 'file:///work/oneLine.cable';

/** Markdown as a reader sees it: backslash escapes removed. */
function unescape(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}

describe('hover over stdio', () => {
  let client: StdioClient;
  let texts: Record<string, string[]>;

  before(async () => {
    client = new StdioClient();
    await client.initialize();
    texts = { [MULTI]: fixture('multiLine.cable').split('\n'), [ONE]: fixture('oneLine.cable').split('\n') };
    await client.open(MULTI, fixture('multiLine.cable'));
    await client.open(ONE, fixture('oneLine.cable'));
  });
  after(() => client.shutdown());

  async function hoverAt(uri: string, line: number, character: number): Promise<string | undefined> {
    const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    return result ? (result.contents as MarkupContent).value : undefined;
  }

  /** Hovers at the first and the last character of `token` on `line` and returns both texts. */
  async function both(uri: string, line: number, token: string, occurrence = 0): Promise<[string, string]> {
    const content = texts[uri][line];
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = content.indexOf(token, at + 1);
    assert.ok(at >= 0, `${token} on line ${line}`);
    const first = await hoverAt(uri, line, at);
    const last = await hoverAt(uri, line, at + token.length - 1);
    assert.ok(first && last, `a hover at both ends of ${token}`);
    assert.equal(first, last, `the same hover at both ends of ${token}`);
    return [first, last];
  }

  const cases: [string, number, string, RegExp, number?][] = [
    [MULTI, 0, 'VZCZCXRO0320', /FL1 transmission identifier/],
    [MULTI, 1, 'PP', /PRIORITY/],
    [MULTI, 1, 'RUEHBI', /MUMBAI/],
    [MULTI, 2, 'RUEHTA', /ASTANA/],
    [MULTI, 2, '#0095', /telegram 95|Telegram 95/i],
    [MULTI, 2, '0200556', /2009-01-20T05:56Z/],
    [MULTI, 3, 'ZNY', /classified/i],
    [MULTI, 3, 'SSSSS', /SECRET/],
    [MULTI, 4, '200556Z JAN 09', /2009-01-20T05:56Z.*Tuesday/],
    [MULTI, 6, 'RUEHC', /SECSTATE WASHDC/],
    [MULTI, 6, 'PRIORITY', /PRIORITY/],
    [MULTI, 6, '4366', /message continuity number/],
    [MULTI, 7, 'RUCNCIS', /CIS COLLECTIVE/],
    [MULTI, 11, 'S E C R E T', /SECRET/],
    [MULTI, 13, 'SIPDIS', /SIPRNet|SIPDIS/i],
    [MULTI, 17, '01/19/2029', /2029-01-19/],
    [MULTI, 18, 'RS', /Russia/],
    [MULTI, 24, 'B', /1\.4 \(b\).*Foreign government information/is, 1],
    [MULTI, 33, '(S//NF)', /SECRET, NOFORN: not releasable to foreign nationals/],
    [MULTI, 31, 'para 3', /General Petraeus thanked/],
    [MULTI, 31, 'ref A', /ASTANA 0012/],
    [ONE, 0, 'RUEHBW', /AMEMBASSY BELGRADE/],
    [ONE, 0, 'OO', /IMMEDIATE/],
    [ONE, 0, '3312058', /2008-11-26T20:58Z.*Agrees with the DTG: filed 7 minutes after it/s],
    [ONE, 0, '262051Z NOV 08', /2008-11-26T20:51Z.*Wednesday/],
    [ONE, 0, 'UUUUU', /UNCLASSIFIED/],
    [ONE, 0, 'XMT', /do NOT receive|exclu/i],
    [ONE, 0, '#5608', /Telegram 125608/],
  ];
  for (const [uri, line, token, expected, occurrence] of cases) {
    test(`${uri === ONE ? 'one-line' : 'multi-line'}: ${token}`, async () => {
      const [text] = await both(uri, line, token, occurrence);
      assert.match(unescape(text), expected);
    });
  }

  test("a routing indicator gets the cable's own pairing and its structure", async () => {
    const [escaped] = await both(MULTI, 6, 'RUEHC');
    const text = unescape(escaped);
    assert.match(text, /This cable pairs it with `SECSTATE WASHDC`/);
    assert.match(text, /Position 1 "R"/);
  });

  test('an unknown routing indicator is still explained', async () => {
    const uri = 'file:///work/unknown-ri.cable';
    await client.open(
      uri,
      'VZCZCXRO0001\nRR RUEHQQZ\nDE RUEHQQZ #0001 0011200\nZNR UUUUU ZZH\nR 011200Z JAN 09\nFM AMEMBASSY NOWHERE\nTO RUEHC/SECSTATE WASHDC 0001\n\nUNCLAS NOWHERE 000001\n',
    );
    const text = unescape((await hoverAt(uri, 1, 4))!);
    assert.match(text, /not in the table/);
    assert.match(text, /Position 2 "U"/);
  });

  test('document text in a hover is escaped', async () => {
    const uri = 'file:///work/hostile.cable';
    const hostile =
      'UNCLAS STATE 000001\n\nTAGS: PREL\nSUBJECT: X\n\nREF: A. [x](command:workbench.action.quit) <img src=x onerror=alert(1)> STATE 5\n\n1. (U) See ref A.\n';
    await client.open(uri, hostile);
    for (const [line, character] of [
      [7, 11],
      [5, 6],
      [5, 8],
    ]) {
      const text = await hoverAt(uri, line, character);
      assert.ok(text, `a hover at ${line}:${character}`);
      // Outside code spans (which markdown never interprets) no link, image or HTML may remain.
      const outsideCode = text.replace(/(`+)[^`]*?\1/g, '');
      assert.ok(!/\]\(command:/.test(outsideCode) && !/<img/i.test(outsideCode), text);
      assert.ok(text.includes('command:workbench.action.quit'), 'the text is shown, not dropped');
    }
  });

  test('no hover on plain body text', async () => {
    assert.equal(await hoverAt(MULTI, 30, 40), undefined);
  });
});

describe('completion over stdio', () => {
  let client: StdioClient;
  before(async () => {
    client = new StdioClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  async function complete(text: string, line: number, character: number): Promise<CompletionList> {
    const uri = `file:///work/complete-${line}-${character}-${text.length}.cable`;
    await client.open(uri, text);
    return client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  }

  test('TAGS on the TAGS line, filtered by what is typed', async () => {
    const list = await complete('UNCLAS STATE 000001\n\nTAGS: PREL, PG\nSUBJECT: X\n', 2, 14);
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('PGOV'), labels.slice(0, 10).join(' '));
    assert.ok(list.items.find((i) => i.label === 'PGOV')?.documentation);
  });

  test('portion markings after a paragraph number, allowed levels first', async () => {
    const list = await complete('C O N F I D E N T I A L STATE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n1. ', 5, 3);
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 3), ['(U)', '(SBU)', '(C)']);
    assert.ok(sorted.indexOf('(S)') > sorted.indexOf('(C)'));
  });

  test('routing indicators on TO/INFO lines: typing RUEHB offers the posts', async () => {
    const text = 'VZCZCXRO0001\nOO RUEHBW\nDE RUEHC #0001 0011200\nZNR UUUUU ZZH\nO 011200Z JAN 09\nFM SECSTATE WASHDC\nTO RUEHB';
    const list = await complete(text, 6, 8);
    const belgrade = list.items.find((i) => i.label === 'RUEHBW/AMEMBASSY BELGRADE');
    assert.ok(
      belgrade,
      list.items
        .slice(0, 10)
        .map((i) => i.label)
        .join(', '),
    );
  });

  test('precedence words after an addressee', async () => {
    const text =
      'VZCZCXRO0001\nOO RUEHBW\nDE RUEHC #0001 0011200\nZNR UUUUU ZZH\nO 011200Z JAN 09\nFM SECSTATE WASHDC\nTO RUEHBW/AMEMBASSY BELGRADE ';
    const list = await complete(text, 6, 29);
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['FLASH', 'NIACT IMMEDIATE', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'],
    );
  });

  test('End Summary. while a summary is open', async () => {
    const list = await complete('UNCLAS STATE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n1. (U) Summary: things happened.\n', 6, 0);
    assert.ok(list.items.some((i) => i.label === 'End Summary.'));
    const closed = await complete('UNCLAS STATE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n1. (U) Summary: things happened. End Summary.\n', 6, 0);
    assert.ok(!closed.items.some((i) => i.label === 'End Summary.'));
  });

  test('the routing table request for the look-up command', async () => {
    const rows = await client.request<{ ri: string; names: string[] }[]>('cable/routingIndicators', { query: 'belgrade' });
    assert.equal(rows[0]?.ri, 'RUEHBW');
  });
});
