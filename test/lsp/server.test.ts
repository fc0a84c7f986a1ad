import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  Definition,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  InitializeResult,
  Location,
  SelectionRange,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from '../../server/src/cable/parse';
import { outlineOf } from '../context';
import { corpusAvailable, corpusText, fixture } from '../util';
import { rawSession, StdioClient } from './client';

const MULTI = 'file:///work/multiLine.cable';
const ONE = 'file:///work/oneLine.cable';

function names(symbols: readonly DocumentSymbol[]): string[] {
  return symbols.map((s) => s.name);
}

describe('language server over stdio', () => {
  let client: StdioClient;
  let init: InitializeResult;

  before(async () => {
    client = new StdioClient();
    init = await client.initialize();
    await client.open(MULTI, fixture('multiLine.cable'));
    await client.open(ONE, fixture('oneLine.cable'));
  });
  after(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr}`);
  });

  test('initialize advertises the features statically', () => {
    const caps = init.capabilities;
    assert.equal(init.serverInfo?.name, 'cable-language-server');
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    for (const feature of [
      'documentSymbolProvider',
      'foldingRangeProvider',
      'selectionRangeProvider',
      'definitionProvider',
      'documentLinkProvider',
      'workspaceSymbolProvider',
      'codeActionProvider',
    ] as const) {
      assert.ok(caps[feature], `${feature} advertised`);
    }
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client that lacks them');
  });

  test('the outline of a multi-line header cable', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: MULTI } });
    assert.deepEqual(names(symbols), ['09ASTANA95']);
    const cable = symbols[0];
    assert.equal(cable.detail, 'SECRET — KAZAKHSTAN: CENTCOM CDR PETRAEUS MEETS PRESIDENT NAZARVAYEV, JANUARY 14');
    assert.deepEqual(names(cable.children!), [
      'Transmission header',
      'Subject',
      'REF',
      '1. (S) SUMMARY:',
      '2. (SBU) U.S. Central Command Commander General David Petraeus met…',
      '3. (S//NF) General Petraeus thanked President Nazarbayev. The',
      '4. (C) COMMENT:',
      '5. (U) General Petraeus has cleared this cable.',
    ]);
    const header = cable.children![0];
    assert.deepEqual(names(header.children!), [
      'VZCZCXRO0320',
      'PP RUEHBI RUEHCI RUEHFL',
      'DE RUEHTA #0095',
      'ZNY SSSSS',
      '200556Z JAN 09',
      'FM AMEMBASSY ASTANA',
      'TO RUEHC/SECSTATE WASHDC',
      'INFO RUCNCIS/CIS COLLECTIVE',
      'INFO RUEHBJ/AMEMBASSY BEIJING',
      'INFO RUEKJCS/SECDEF WASHDC',
    ]);
    const third = cable.children![5];
    assert.deepEqual(third.selectionRange, { start: { line: 33, character: 0 }, end: { line: 33, character: 10 } });
    assert.equal(third.range.end.line, 37, 'paragraph 3 runs through the continuation header to its last sub-paragraph');
    assert.deepEqual(names(third.children!), ['A. First point.', 'B. Second point.']);
  });

  test('the outline of a one-line header cable', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: ONE } });
    assert.deepEqual(names(symbols), ['08STATE125608']);
    const header = symbols[0].children![0];
    assert.equal(header.name, 'Transmission header (one line)');
    assert.ok(names(header.children!).includes('TO RUEHBW/AMEMBASSY BELGRADE'));
    assert.deepEqual(names(symbols[0].children!).slice(2), ['11. (U) This is a demarche. Cost is \\$5.', '12. (U) Second paragraph.']);
  });

  test('an incremental edit is reflected in the next outline', async () => {
    const uri = 'file:///work/edit.cable';
    await client.open(uri, fixture('multiLine.cable'));
    // Append a sixth paragraph after the signature line, then change paragraph 5's marking.
    await client.change(uri, 2, [
      { range: { start: { line: 42, character: 8 }, end: { line: 42, character: 8 } }, text: '\n\n6. (C) Added later.' },
    ]);
    await client.change(uri, 3, [{ range: { start: { line: 41, character: 3 }, end: { line: 41, character: 6 } }, text: '(C)' }]);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const paragraphs = symbols[0].children!.filter((s) => /^\d+\./.test(s.name)).map((s) => s.name);
    assert.equal(paragraphs.length, 6);
    assert.equal(paragraphs[4], '5. (C) General Petraeus has cleared this cable.');
    assert.equal(paragraphs[5], '6. (C) Added later.');
  });

  test('folding ranges for header, paragraphs, REF and blocks', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: MULTI } });
    const spans = folds.map((f) => `${f.startLine}-${f.endLine}`);
    assert.ok(spans.includes('0-9'), 'the header');
    assert.ok(spans.includes('19-20'), 'the wrapped subject');
    assert.ok(spans.includes('26-28'), 'paragraph 1');
    assert.ok(spans.includes('33-37'), 'paragraph 3');
    for (let i = 1; i < folds.length; i++) assert.ok(folds[i - 1].startLine <= folds[i].startLine, 'sorted');
  });

  test('selection ranges grow from word to marking to paragraph to cable', async () => {
    const [range] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri: MULTI },
      positions: [{ line: 33, character: 5 }],
    });
    const chain: string[] = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent)
      chain.push(`${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`);
    assert.deepEqual(chain.slice(0, 3), ['33:3-33:10', '33:0-37:16', '11:0-43:0']);
  });

  test('para N and ref A lead to their targets', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: MULTI } });
    const para = links.find((l) => l.range.start.line === 31);
    assert.ok(para, 'a link on "para 3"');
    assert.equal(para.target, `${MULTI}#L34,1`);
    const defParagraph = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: MULTI },
      position: { line: 31, character: 53 },
    });
    assert.deepEqual(defParagraph, [{ uri: MULTI, range: { start: { line: 33, character: 0 }, end: { line: 33, character: 10 } } }]);
    const defRef = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: MULTI },
      position: { line: 31, character: 40 },
    });
    assert.equal(defRef.length, 1);
    assert.equal(defRef[0].range.start.line, 22, 'ref A → the REF line');
  });

  test('workspace symbols list the open cables by id and subject', async () => {
    const byId = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'ASTANA' });
    assert.ok(byId.some((s) => s.name.startsWith('09ASTANA95 · ') && s.location.uri === MULTI));
    const bySubject = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'kosovo' });
    assert.deepEqual(
      bySubject.map((s) => s.name.split(' · ')[0]),
      ['08STATE125608'],
    );
  });

  test('a REF citing a cable in the workspace links to it', async () => {
    const citing = 'file:///work/citing.cable';
    await client.open(
      citing,
      'UNCLAS STATE 000777\n\nTAGS: PREL\nSUBJECT: FOLLOW-UP\n\nREF: STATE 125608\n\n1. (U) See reftel and 08STATE125608.\n',
    );
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: citing } });
    const targets = links.map((l) => l.target);
    assert.ok(targets.includes(`${ONE}#L2,1`), `links: ${JSON.stringify(targets)}`);
  });

  test('requests for a document that is not open return empty results', async () => {
    const uri = 'file:///work/never-opened.cable';
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
    await client.open(uri, 'UNCLAS STATE 1\n\n1. (U) Text.');
    await client.close(uri);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(
      await client.request<Definition>('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 0 } }),
      [],
    );
  });

  test('a cancelled request does not break the server', async () => {
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol');
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: MULTI } }, source.token);
    source.cancel();
    await pending.then(
      () => undefined,
      (error: { code?: number }) => assert.equal(error.code, -32800),
    );
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: MULTI } });
    assert.equal(symbols.length, 1);
  });

  test('diagnostics are pushed to a client without pull diagnostics, for the current version', async () => {
    const uri = 'file:///work/bad.cable';
    await client.open(
      uri,
      'C O N F I D E N T I A L SECTION 03 OF 02 STATE 000001\n\nTAGS: PREL\nSUBJECT: X\n\n1. (S) Too high.\n2. (C Unclosed.\n',
      1,
    );
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const codes = published.diagnostics
      .filter((d) => d.severity === 1)
      .map((d) => d.code)
      .sort();
    assert.deepEqual(codes, ['cable/marking-unclosed', 'cable/para-mark-above-overall', 'cable/section-range']);
  });

  test('a request cancelled before it runs is answered with RequestCancelled (-32800); the next one normally', async () => {
    const uri = 'file:///work/cancel.cable';
    const methods = [
      'textDocument/documentSymbol',
      'textDocument/foldingRange',
      'textDocument/semanticTokens/full',
      'textDocument/documentLink',
      'textDocument/hover',
    ];
    const messages: object[] = [
      { id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } },
      { method: 'initialized', params: {} },
      {
        method: 'textDocument/didOpen',
        params: { textDocument: { uri, languageId: 'cable', version: 1, text: fixture('multiLine.cable') } },
      },
    ];
    methods.forEach((method, i) => {
      messages.push({ id: 10 + i, method, params: { textDocument: { uri }, position: { line: 4, character: 3 } } });
      messages.push({ method: '$/cancelRequest', params: { id: 10 + i } });
    });
    messages.push({ id: 99, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    const responses = await rawSession(messages, [...methods.map((_, i) => 10 + i), 99]);
    for (const [i, method] of methods.entries()) {
      assert.equal(responses.find((r) => r.id === 10 + i)?.error?.code, -32800, method);
    }
    const after = responses.find((r) => r.id === 99)!;
    assert.equal(after.error, undefined);
    assert.deepEqual((after.result as SymbolInformation[]).map((s) => s.name)[0], '09ASTANA95');
  });
});

describe('the outline of an export over stdio', () => {
  let client: StdioClient;
  before(async () => {
    client = new StdioClient();
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0, `server exit code; stderr: ${client.stderr}`);
  });

  test("an export's outline stays the outline of the current text through edits that move cables and edits that do not", async () => {
    // The server sends each cable's outline from JSON kept since the cable was last parsed
    // (features/jsonText.ts): this checks it against an outline computed afresh from the same text.
    const uri = 'file:///work/export.cable';
    const seeds = ['multiLine.cable', 'oneLine.cable', 'old.cable', 'partialCrlf.cable'].map(fixture);
    const text = [...seeds, seeds[0].replace('1. (S) SUMMARY:', '1. (S) Résumé — \uD83D\uDE00 SUMMARY:')].join('\n\n');
    const document = TextDocument.create(uri, 'cable', 1, text);
    await client.open(uri, text);
    const at = (line: number, character = 0) => ({ line, character });
    const edits = [
      { range: { start: at(3), end: at(3) }, text: 'x' },
      { range: { start: at(60), end: at(60) }, text: '\n\n' },
      { range: { start: at(75, 2), end: at(75, 4) }, text: 'é' },
      { range: { start: at(0), end: at(2) }, text: '' },
      { range: { start: at(document.lineCount - 3), end: at(document.lineCount - 3) }, text: '7. (C) Une phrase — ajoutée.\n' },
    ];
    const expected = () => JSON.parse(JSON.stringify(outlineOf(parse(document.getText()), 5000).symbols));
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), expected());
    for (const [i, change] of edits.entries()) {
      TextDocument.update(document, [change], i + 2);
      await client.change(uri, i + 2, [change]);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), expected(), `after edit ${i + 1}`);
    }
  });
});

describe('a client that declares no capabilities at all', () => {
  test('still gets the outline (flat), folding and pushed diagnostics', async () => {
    const client = new StdioClient();
    try {
      const init = await client.initialize({});
      assert.ok(init.capabilities.documentSymbolProvider);
      const uri = 'file:///work/bare.cable';
      await client.open(uri, fixture('multiLine.cable'));
      const symbols = await client.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.some((s) => s.name === '1. (S) SUMMARY:' && s.containerName === '09ASTANA95' && s.location.uri === uri));
      const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      assert.ok(folds.length >= 5);
      const published = await client.waitForDiagnostics(uri);
      assert.ok(Array.isArray(published.diagnostics));
    } finally {
      await client.shutdown();
    }
  });
});

describe('settings', () => {
  test('rule severities and the outline cap are read per document', async () => {
    const client = new StdioClient();
    try {
      client.configuration = { maxOutlineItems: 3, diagnostics: { rules: { 'cable/section-*': 'off', 'cable/marking-unclosed': 'hint' } } };
      await client.initialize();
      const uri = 'file:///work/settings.cable';
      await client.open(uri, 'C O N F I D E N T I A L SECTION 03 OF 02 STATE 000001\n\n1. (C Unclosed.\n2. (C) Two.\n3. (C) Three.\n');
      const published = await client.waitForDiagnostics(uri);
      const relevant = published.diagnostics.filter((d) => /^cable\/(section|marking)-/.test(String(d.code)));
      assert.deepEqual(
        relevant.map((d) => [d.code, d.severity]),
        [['cable/marking-unclosed', 4]],
      );
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const count = (list: readonly DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
      assert.equal(count(symbols), 3);
      const status = client.notifications.find((n) => n.method === 'cable/status');
      assert.deepEqual((status?.params as { symbols: unknown }).symbols, { shown: 3, omitted: 1, omittedParagraphs: 1 });
    } finally {
      await client.shutdown();
    }
  });
});

describe('corpus cables over stdio', { skip: corpusAvailable() ? false : 'no corpus' }, () => {
  test('outline and folding of cables in every layout', async () => {
    const client = new StdioClient();
    try {
      await client.initialize();
      for (const file of [
        '09ASTANA95.txt',
        '66BUENOSAIRES2481.txt',
        '06NEWDELHI5135.txt',
        '04ANKARA348.flatjson.txt',
        '00HARARE6677.txt',
        '72TEHRAN1164.wl2011html.txt',
      ]) {
        const uri = `file:///corpus/${file}`;
        const text = corpusText(file);
        await client.open(uri, text);
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.equal(symbols.length, 1, file);
        const paragraphs = symbols[0].children!.filter((s) => /^\d+\./.test(s.name));
        assert.ok(paragraphs.length >= 3, `${file}: ${paragraphs.length} paragraphs`);
        const lines = text.split(/\r\n|\r|\n/);
        for (const p of paragraphs) {
          const at = lines[p.selectionRange.start.line].slice(p.selectionRange.start.character);
          assert.ok(at.startsWith(p.name.split(' ')[0]), `${file}: ${p.name} is where the outline says`);
        }
        const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
        // A body whose newlines were removed is one line: nothing to fold.
        assert.ok(lines.filter((l) => l.trim()).length === 1 || folds.length > 0, file);
      }
    } finally {
      await client.shutdown();
    }
  });
});

describe('workspace index', () => {
  test('cables in *.cable and *.tel files of the workspace folders are found without opening them', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const dir = mkdtempSync(path.join(tmpdir(), 'cable-ws-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'kosovo.tel'), fixture('oneLine.cable'));
    writeFileSync(path.join(dir, 'notes.txt'), fixture('multiLine.cable'));
    const client = new StdioClient();
    try {
      await client.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dir).href,
        capabilities: {},
        workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      });
      await client.connection.sendNotification('initialized', {});
      let found: SymbolInformation[] = [];
      for (let i = 0; i < 100 && found.length === 0; i++) {
        found = await client.request<SymbolInformation[]>('workspace/symbol', { query: '08STATE125608' });
        if (found.length === 0) await new Promise((r) => setTimeout(r, 50));
      }
      assert.deepEqual(
        found.map((s) => [s.name.split(' · ')[0], s.location.uri.endsWith('/sub/kosovo.tel')]),
        [['08STATE125608', true]],
      );
      const none = await client.request<SymbolInformation[]>('workspace/symbol', { query: '09ASTANA95' });
      assert.deepEqual(none, [], '.txt files are not indexed unless opened');
    } finally {
      await client.shutdown();
    }
  });
});
