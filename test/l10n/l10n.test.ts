import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { StdioClient } from '../lsp/client';
import { ROOT } from '../util';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const bundle = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;

interface Call {
  readonly message: string;
  readonly args: number;
  readonly where: string;
}
const extractor = () =>
  import(pathToFileURL(path.join(ROOT, 'scripts', 'l10n.mjs')).href) as Promise<{
    extractCalls(): { calls: Call[]; errors: string[] };
    bundleOf(calls: Call[]): string;
  }>;

/** Every string value in the manifest with its JSON path. */
function strings(value: unknown, at: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${at}.${k}`, out);
  return out;
}

test('every %key% of package.json is in package.nls.json, and every key there is used', () => {
  const used = strings(pkg, '').flatMap(([, v]) => [...v.matchAll(/^%([^%\s]+)%$/g)].map((m) => m[1]));
  for (const key of used) assert.ok(key in nls, `${key} missing from package.nls.json`);
  assert.deepEqual(
    Object.keys(nls).filter((k) => !used.includes(k)),
    [],
    'unused keys in package.nls.json',
  );
  for (const [key, text] of Object.entries(nls)) assert.ok(text.trim().length > 0, `${key} is empty`);
});

test('no user-visible manifest string is left untranslatable', () => {
  const c = pkg.contributes;
  const visible: [string, string][] = [
    ['displayName', pkg.displayName],
    ['description', pkg.description],
    ...c.commands.flatMap((cmd: { command: string; title: string; category: string }) => [
      [`${cmd.command}.title`, cmd.title],
      [`${cmd.command}.category`, cmd.category],
    ]),
    ['configuration.title', c.configuration.title],
    ...Object.entries(c.configuration.properties as Record<string, { markdownDescription?: string; description?: string }>).map(
      ([k, v]) => [k, v.markdownDescription ?? v.description ?? ''] as [string, string],
    ),
    ...c.semanticTokenTypes.map((t: { id: string; description: string }) => [t.id, t.description]),
    ...c.semanticTokenModifiers.map((t: { id: string; description: string }) => [t.id, t.description]),
  ];
  for (const [where, text] of visible) assert.match(text, /^%[^%\s]+%$/, `${where} is a %key% placeholder`);
});

test('l10n/bundle.l10n.json holds exactly the messages of every l10n.t call (npm run l10n)', async () => {
  const { extractCalls, bundleOf } = await extractor();
  const { calls, errors } = extractCalls();
  assert.deepEqual(errors, []);
  assert.equal(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8'), bundleOf(calls), 'the bundle is stale: run npm run l10n');
  // The parser found every call a reader would see: none hides behind an alias or a destructured `t`.
  let written = 0;
  for (const dir of ['client/src', 'server/src']) {
    for (const file of walk(path.join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8');
      written += (text.match(/\bl10n\.t\(/g) ?? []).length;
      assert.doesNotMatch(
        text,
        /\{[^}]*\bt\b[^}]*\}\s*from\s*'@vscode\/l10n'|=\s*(?:vscode\.)?l10n\.t\b(?!\()/,
        `${file} calls l10n.t under another name`,
      );
    }
  }
  assert.equal(calls.length, written);
  assert.ok(
    calls.some((c) => c.where.startsWith('client/')) &&
      calls.some((c) => c.where.startsWith('server/src/diagnostics/')) &&
      calls.some((c) => c.where.includes('features/hover/')),
  );
});

test('each message has exactly the placeholders {0}…{n-1} for its n arguments', async () => {
  const { calls } = (await extractor()).extractCalls();
  for (const c of calls) {
    const used = new Set([...c.message.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])));
    assert.deepEqual(
      [...used].sort((a, b) => a - b),
      Array.from({ length: c.args }, (_, i) => i),
      `${c.where}: ${JSON.stringify(c.message)} with ${c.args} argument(s)`,
    );
    assert.doesNotMatch(
      c.message.replace(/\{\d+\}/g, ''),
      /\{[^}]*\}/,
      `${c.where}: braces other than placeholders would be taken for named arguments`,
    );
  }
});

// A pseudo-locale: every vowel accented and each message in ⟦ ⟧, placeholders untouched. Mapping back
// and dropping the brackets must give the English text exactly, so nothing was lost on the way.
const ACCENT: Readonly<Record<string, string>> = { a: 'à', e: 'è', i: 'ì', o: 'ò', u: 'ù', A: 'À', E: 'È', I: 'Ì', O: 'Ò', U: 'Ù' };
const PLAIN = Object.fromEntries(Object.entries(ACCENT).map(([k, v]) => [v, k]));
const pseudo = (message: string) =>
  `⟦${message
    .split(/(\{\d+\})/)
    .map((part, i) => (i % 2 ? part : part.replace(/[aeiouAEIOU]/g, (c) => ACCENT[c])))
    .join('')}⟧`;
const plain = (text: string) => text.replace(/[⟦⟧]/g, '').replace(/[àèìòùÀÈÌÒÙ]/g, (c) => PLAIN[c]);

async function session(initializationOptions: unknown) {
  const client = new StdioClient();
  await client.initialize({ textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } } }, initializationOptions);
  const uri = 'file:///l10n/sample.cable';
  const text = readFileSync(path.join(ROOT, 'samples', 'sample.cable'), 'utf8');
  await client.open(uri, text);
  const lines = text.split('\n');
  const at = (word: string) => {
    const line = lines.findIndex((l) => l.includes(word));
    return { line, character: lines[line].indexOf(word) + 1 };
  };
  const hovers: string[] = [];
  for (const word of ['RUEHBW', '262051Z', '(S)', 'ZNR']) {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(word) });
    hovers.push((hover?.contents as MarkupContent).value);
  }
  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  const diagnostics = (report as { items: Diagnostic[] }).items;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics },
  });
  await client.shutdown();
  return { hovers, diagnostics, actions };
}

test('a bundle passed in initializationOptions translates hovers, diagnostics and code actions over a real stdio connection', async () => {
  const english = await session({});
  const translated = await session({ l10nBundle: Object.fromEntries(Object.keys(bundle).map((k) => [k, pseudo(bundle[k])])) });
  assert.equal(translated.hovers.length, english.hovers.length);
  for (let i = 0; i < english.hovers.length; i++) {
    assert.notEqual(translated.hovers[i], english.hovers[i]);
    assert.match(translated.hovers[i], /⟦/);
    assert.equal(plain(translated.hovers[i]), english.hovers[i]);
  }
  assert.match(translated.hovers[0], /⟦Thìs càblè pàìrs ìt wìth `AMEMBASSY BELGRADE`\.⟧/);
  assert.ok(english.diagnostics.length >= 3);
  assert.equal(translated.diagnostics.length, english.diagnostics.length);
  for (let i = 0; i < english.diagnostics.length; i++) {
    const [t, e] = [translated.diagnostics[i], english.diagnostics[i]];
    assert.match(text(t), /^⟦.*⟧$/, text(e));
    assert.equal(plain(text(t)), text(e));
    assert.equal(t.code, e.code);
    for (const [j, related] of (t.relatedInformation ?? []).entries())
      assert.equal(plain(related.message), e.relatedInformation![j].message);
  }
  assert.ok(translated.actions.length > 0);
  for (let i = 0; i < english.actions.length; i++) {
    assert.match(translated.actions[i].title, /^⟦.*⟧$/);
    assert.equal(plain(translated.actions[i].title), english.actions[i].title);
  }
});

test('without a usable bundle the server speaks the English of the source', async () => {
  const english = await session({});
  for (const junk of [undefined, 'fr', ['x'], { Cable: 42 }]) {
    const result = await session(junk === undefined ? undefined : { l10nBundle: junk });
    assert.deepEqual(result.hovers, english.hovers);
    assert.deepEqual(result.diagnostics.map(text), english.diagnostics.map(text));
  }
  assert.ok(english.diagnostics.some((d) => text(d).startsWith('Paragraph marked (S) (SECRET) but the cable is CONFIDENTIAL')));
});

/** LSP 3.18 allows markup in a diagnostic message; this server sends plain strings. */
function text(d: Diagnostic): string {
  assert.equal(typeof d.message, 'string');
  return d.message as string;
}

function walk(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, found);
    else if (name.endsWith('.ts') && !name.endsWith('.generated.ts')) found.push(full);
  }
  return found;
}
