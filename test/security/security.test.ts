import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { checkSync } from 'recheck';
import { CAPTION, CLASSIFICATION_PARTS, CLASSIFICATION_START } from '../../server/src/cable/text';
import { MARKER, WRAPPED_WORD } from '../../server/src/cable/blocks';
import { ROOT } from '../util';

function sources(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, found);
    else if (name.endsWith('.ts') && !name.endsWith('.generated.ts')) found.push(full);
  }
  return found;
}

const SHIPPED = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))];

test('shipped code runs no eval, spawns no process, opens no network connection, trusts no markdown', () => {
  const forbidden: [RegExp, string][] = [
    [/\beval\s*\(/, 'eval'],
    [/new\s+Function\s*\(/, 'new Function'],
    [
      /from\s+'node:(?:child_process|http|https|net|dgram|tls)'|require\('(?:node:)?(?:child_process|http|https|net)'\)/,
      'process or network module',
    ],
    [/\bfetch\s*\(|XMLHttpRequest|WebSocket\b/, 'network request'],
    [/isTrusted/, 'trusted markdown'],
    [/telemetry/i, 'telemetry'],
  ];
  const hits: string[] = [];
  for (const file of SHIPPED) {
    const text = readFileSync(file, 'utf8');
    for (const [pattern, what] of forbidden) if (pattern.test(text)) hits.push(`${path.relative(ROOT, file)}: ${what}`);
    // Compiling code at run time is eval by another name: only the node entry may, and only the
    // server bundle beside it (to use a V8 code cache).
    if (/from\s+'node:vm'|require\('(?:node:)?vm'\)/.test(text) && path.relative(ROOT, file) !== path.join('server', 'src', 'launch.ts'))
      hits.push(`${path.relative(ROOT, file)}: vm`);
  }
  assert.deepEqual(hits, []);
  const launch = readFileSync(path.join(ROOT, 'server', 'src', 'launch.ts'), 'utf8');
  assert.match(launch, /const bundle = path\.join\(__dirname, 'server\.js'\);/);
  assert.equal(launch.match(/new Script\(/g)?.length, 1);
});

/** Every regular-expression literal in the shipped sources, with its flags. */
function regexLiterals(): { file: string; source: string; flags: string }[] {
  const found: { file: string; source: string; flags: string }[] = [];
  for (const file of SHIPPED) {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sourceFile);
        const end = text.lastIndexOf('/');
        found.push({ file: path.relative(ROOT, file), source: text.slice(1, end), flags: text.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
}

test('no regular expression in the parser, features, rules or client can backtrack super-linearly (recheck)', { timeout: 600_000 }, () => {
  const patterns = [
    ...regexLiterals(),
    ...[CLASSIFICATION_START, ...Object.values(CLASSIFICATION_PARTS), CAPTION, MARKER, WRAPPED_WORD].map((r) => ({
      file: 'built at run time',
      source: r.source,
      flags: r.flags,
    })),
  ];
  const vulnerable: string[] = [];
  const undecided: string[] = [];
  let checked = 0;
  for (const p of patterns) {
    // recheck's own dialect: the `d` (indices) and `y` flags do not change matching cost.
    const flags = p.flags.replace(/[dy]/g, '');
    // A sticky pattern is tried at one position only, which is what `^` tells the checker.
    const source = p.flags.includes('y') ? `^(?:${p.source})` : p.source;
    const result = checkSync(source, flags, { timeout: 10_000 });
    checked++;
    if (result.status === 'vulnerable')
      vulnerable.push(
        `${p.file}: /${p.source}/${p.flags} — ${result.complexity?.type ?? ''} ${JSON.stringify(result.attack?.pattern ?? '')}`,
      );
    else if (result.status === 'unknown')
      undecided.push(`${p.file}: /${p.source}/ ${JSON.stringify((result as { error?: unknown }).error ?? '')}`);
  }
  console.log(`recheck: ${checked} regular expressions checked, ${vulnerable.length} vulnerable`);
  assert.ok(checked > 150, `only ${checked} patterns found`);
  assert.deepEqual(vulnerable, []);
  assert.deepEqual(undecided, [], 'every pattern decided');
});

test('the .vsix ships only what runs: no sources, tests, maps or corpus', () => {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  const files = result.stdout
    .trim()
    .split('\n')
    .map((f) => f.trim())
    .sort();
  assert.deepEqual(
    files,
    [
      'LICENSE',
      'README.md',
      'dist/extension.js',
      'dist/server-node.js',
      'dist/server.js',
      'docs/rules.md',
      'images/cables-view.svg',
      'images/icon.png',
      'l10n/bundle.l10n.json',
      'language-configuration.json',
      'package.json',
      'package.nls.json',
      'snippets/cable.json',
      'syntaxes/cable.tmLanguage.json',
    ].filter((f) => files.includes(f) || f !== 'language-configuration.json'),
  );
  for (const f of files) assert.doesNotMatch(f, /\.map$|^test\/|^out\/|corpus|\.ts$/, f);
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    assert.doesNotMatch(
      readFileSync(path.join(ROOT, bundle), 'utf8'),
      /sourceMappingURL=.*\/work\//,
      `${bundle} points at no absolute source map`,
    );
  }
});
