import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableFile } from '../../server/src/cable/model';
import { parse } from '../../server/src/cable/parse';
import { CORPUS, corpusAvailable, corpusText, fixture } from '../util';
import { StdioClient } from './client';

/** What formatting must keep: every value a reader of the cable would look at. */
function values(file: CableFile) {
  return file.cables.map((c) => ({
    id: c.referenceId,
    dtg: c.dtg?.token.value,
    addressees: c.header?.addressees.map((a) => [a.role, a.routingIndicator?.text, a.address.text, a.precedence?.text, a.mcn?.text]),
    classification: c.classification,
    tags: c.tags?.tags.map((t) => t.text),
    subject: c.subject?.text,
    paragraphs: c.paragraphs.map((p) => [p.number.value, p.marking?.text]),
  }));
}

/** The words of a text, with `1.(C)` read as two words, so a space added between them is no change of words. */
function words(text: string): string[] {
  return text
    .replace(/(\d\.)\(/g, '$1 (')
    .split(/\s+/)
    .filter(Boolean);
}

/** The text without the markdown artefacts formatting removes, found here by their own patterns. */
function withoutArtefacts(text: string): string {
  return text.replace(/\\\$/g, '$').replace(/^-[ \t]+(?=\d{1,3}\.[ \t])/gm, '');
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.cable', 'cable', 1, text), [...edits]);
}

function assertNoOverlap(edits: readonly TextEdit[]): void {
  for (let i = 1; i < edits.length; i++) {
    const previous = edits[i - 1].range.end;
    const start = edits[i].range.start;
    assert.ok(
      previous.line < start.line || (previous.line === start.line && previous.character <= start.character),
      'edits in order, none overlapping',
    );
  }
}

describe('formatting over stdio', () => {
  let client: StdioClient;
  let init: InitializeResult;
  let version = 0;

  before(async () => {
    client = new StdioClient();
    init = await client.initialize();
  });
  after(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr}`);
  });

  async function format(text: string, range?: TextEdit['range']): Promise<TextEdit[]> {
    const uri = `file:///work/format${++version}.cable`;
    await client.open(uri, text);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = range
      ? await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range, options })
      : await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
    await client.close(uri);
    return edits;
  }

  test('initialize advertises formatting and range formatting', () => {
    assert.equal(init.capabilities.documentFormattingProvider, true);
    assert.equal(init.capabilities.documentRangeFormattingProvider, true);
  });

  test('a one-line transmission header unfolds into one format line per line', async () => {
    const text = fixture('oneLine.cable');
    assert.equal(parse(text).cables[0].header?.layout, 'oneLine');
    const edits = await format(text);
    assertNoOverlap(edits);
    const formatted = apply(text, edits);
    assert.deepEqual(formatted.split('\n').slice(0, 11), [
      'VZCZCXRO0825',
      'OO RUEHSR',
      'DE RUEHC #5608/01 3312058',
      'ZNR UUUUU ZZH',
      'O 262051Z NOV 08',
      'FM SECSTATE WASHDC',
      'TO RUEHBW/AMEMBASSY BELGRADE IMMEDIATE 0001',
      'RUEHSR/AMCONSUL STRASBOURG PRIORITY 4366',
      'INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY',
      'XMT AMCONSUL JOHANNESBURG',
      'UNCLAS SECTION 01 OF 02 STATE 125608',
    ]);
    const model = parse(formatted);
    assert.equal(model.cables[0].header?.layout, 'multiLine');
    assert.deepEqual(values(model), values(parse(text)));
    assert.match(formatted, /^11\. \(U\) This is a demarche\. Cost is \$5\.$/m, 'bullet and escape removed');
    assert.match(formatted, /^12\. \(U\) Second paragraph\.$/m);
    assert.deepEqual(model.cables[0].artefacts, []);
    assert.deepEqual(await format(formatted), [], 'formatting a formatted text changes nothing');
  });

  test('a CRLF file keeps its line breaks', async () => {
    const text = fixture('oneLine.cable').replace(/\n/g, '\r\n');
    const formatted = apply(text, await format(text));
    assert.equal(formatted.replace(/\r\n/g, '').includes('\n'), false, 'no bare line feed');
    assert.equal(formatted.split('\r\n')[1], 'OO RUEHSR');
  });

  test('edits are minimal: each replaces white space or an artefact', async () => {
    const text = fixture('oneLine.cable');
    const document = TextDocument.create('file:///x.cable', 'cable', 1, text);
    for (const edit of await format(text)) {
      const replaced = document.getText(edit.range);
      assert.ok(/^\s*$/.test(replaced) || replaced === '- ' || replaced === '\\$', `replaces ${JSON.stringify(replaced)}`);
      assert.ok(
        edit.newText === '' || edit.newText === '\n' || edit.newText === ' ' || edit.newText === '$',
        `inserts ${JSON.stringify(edit.newText)}`,
      );
    }
  });

  test('a marking glued to its number gets a space, trailing white space goes, words stay', async () => {
    const text = 'UNCLAS STATE 000123  \nTAGS: PREL\nSUBJECT: TEST\n\n1.(U) First paragraph.   \n\n2.(U) Second, with \\$10.\t\n';
    const formatted = apply(text, await format(text));
    assert.equal(formatted, 'UNCLAS STATE 000123\nTAGS: PREL\nSUBJECT: TEST\n\n1. (U) First paragraph.\n\n2. (U) Second, with $10.\n');
  });

  test('range formatting edits only the lines of the range, and a header it touches whole', async () => {
    const text = fixture('oneLine.cable');
    const paragraph = text.split('\n').findIndex((l) => l.startsWith('- 12.'));
    const edits = await format(text, { start: { line: paragraph, character: 0 }, end: { line: paragraph, character: 3 } });
    assert.deepEqual(
      edits.map((e) => e.range.start.line),
      [paragraph],
      'only the bullet of the paragraph in the range',
    );
    const headerEdits = await format(text, { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } });
    assert.equal(apply(text, headerEdits).split('\n')[9], 'XMT AMCONSUL JOHANNESBURG');
  });

  test(
    'on every corpus file, the model keeps its values and formatting twice gives what formatting once gives',
    { skip: !corpusAvailable() },
    async () => {
      const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
      assert.ok(files.length > 1000, `corpus at ${CORPUS}`);
      let changed = 0;
      for (const file of files) {
        const text = corpusText(file);
        const edits = await format(text);
        assertNoOverlap(edits);
        const formatted = apply(text, edits);
        if (formatted !== text) changed++;
        assert.deepEqual(values(parse(formatted)), values(parse(text)), `${file}: the same values`);
        assert.deepEqual(words(formatted), words(withoutArtefacts(text)), `${file}: every word in order`);
        assert.deepEqual(await format(formatted), [], `${file}: formatting twice gives what formatting once gives`);
      }
      // Trailing white space alone is on most corpus files: a formatter that did nothing would fail here.
      assert.ok(changed > files.length / 2, `${changed} of ${files.length} files changed`);
    },
  );
});
