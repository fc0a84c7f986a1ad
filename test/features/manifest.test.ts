import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LEGEND } from '../../server/src/features/semanticTokens';
import { ROOT } from '../util';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const STANDARD_TYPES = new Set(['keyword', 'variable', 'number', 'string', 'comment', 'type', 'enumMember', 'decorator', 'function']);

test('every semantic token type and modifier is declared, with TextMate fallbacks', () => {
  const declaredTypes = new Set(pkg.contributes.semanticTokenTypes.map((t: { id: string }) => t.id));
  for (const type of LEGEND.tokenTypes) assert.ok(STANDARD_TYPES.has(type) || declaredTypes.has(type), `${type} declared in package.json`);
  for (const t of pkg.contributes.semanticTokenTypes) assert.ok(STANDARD_TYPES.has(t.superType), `${t.id} has a standard superType`);
  const declaredModifiers = new Set(pkg.contributes.semanticTokenModifiers.map((m: { id: string }) => m.id));
  assert.deepEqual([...LEGEND.tokenModifiers].sort(), [...declaredModifiers].sort());
  const scopes = pkg.contributes.semanticTokenScopes[0].scopes as Record<string, string[]>;
  for (const type of LEGEND.tokenTypes) assert.ok(scopes[type], `${type} has a TextMate fallback scope`);
  for (const key of Object.keys(scopes)) {
    const [type, modifier] = key.split('.');
    assert.ok(LEGEND.tokenTypes.includes(type), key);
    if (modifier) assert.ok(LEGEND.tokenModifiers.includes(modifier), key);
    for (const scope of scopes[key]) assert.match(scope, /\.cable$/, `${key}: ${scope} ends in .cable so users can retarget it`);
  }
});

test('commands the client registers are contributed, and the manifest fits VS Code 1.91 to 1.100', () => {
  const client = ['common.ts', 'cablesView.ts'].map((f) => readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8')).join('\n');
  const registered = [...client.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);
  const contributed = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
  for (const id of registered.filter((c) => c !== 'cable.disableRule')) assert.ok(contributed.has(id), `${id} contributed`);
  for (const id of contributed) assert.ok(registered.includes(id as string), `${String(id)} registered`);
  assert.equal(pkg.engines.vscode, '^1.91.0');
  // A workspace with cable files starts the server (and its index) before any cable is opened.
  assert.deepEqual(pkg.activationEvents, [
    'onLanguage:cable',
    'onLanguage:plaintext',
    'workspaceContains:**/*.cable',
    'workspaceContains:**/*.tel',
  ]);
  assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.browser, './dist/extension.js');
  const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const localised = (text: string) => text.replace(/^%([^%]+)%$/, (_, key: string) => nls[key] ?? '');
  for (const [key, value] of Object.entries(
    pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; description?: string }>,
  )) {
    assert.ok(localised(value.markdownDescription ?? value.description ?? '').length > 20, `${key} is documented`);
  }
});

test('Marketplace fields: publisher, icon drawn by scripts/icon.mjs, banner, no invented URLs', async () => {
  assert.equal(pkg.publisher, 'cable-tooling');
  assert.deepEqual(pkg.galleryBanner, { color: '#1F3A5F', theme: 'dark' });
  assert.ok(pkg.categories.includes('Programming Languages') && pkg.keywords.length <= 30);
  const png = readFileSync(path.join(ROOT, pkg.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the Marketplace wants at least 128×128');
  const { iconPng } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'icon.mjs')).href)) as { iconPng(): Buffer };
  assert.ok(iconPng().equals(png), 'images/icon.png is what scripts/icon.mjs draws (run it after changing the script)');
  // No repository exists yet: a made-up URL would be published as a broken link (see README, Publishing).
  for (const field of ['repository', 'homepage', 'bugs']) assert.equal(pkg[field], undefined, field);
  assert.match(pkg.scripts.package, /--allow-missing-repository/);
});
