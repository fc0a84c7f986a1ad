// The layers of server/src and client/src (scripts/layers.mjs): no cycle between them, every import
// allowed by the table, and eslint.config.mjs (derived from the same table) judging as this test does.
// Imports are read with TypeScript's own parser, which tells type-only imports apart.
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import tseslint from 'typescript-eslint';
import * as ts from 'typescript';
import { ROOT } from '../util';

interface Layer {
  readonly name: string;
  readonly paths: readonly string[];
}
interface ImportCheck {
  readonly file: string;
  readonly specifier: string;
  readonly target: string | undefined;
  readonly typeOnly: boolean;
}
interface LayerTable {
  readonly LAYERS: readonly Layer[];
  readonly layerOf: (file: string) => Layer | undefined;
  readonly checkImport: (check: ImportCheck) => string | undefined;
}

// scripts/ is not compiled to out/: load the table from the source tree at run time.
const table = import(pathToFileURL(path.join(ROOT, 'scripts', 'layers.mjs')).href) as Promise<LayerTable>;

const SOURCES = ['server/src', 'client/src'];

interface Import extends ImportCheck {
  readonly line: number;
}

/** Every import of a file: declarations, re-exports, `import x = require()`, require() and import() calls, import types. */
function importsOf(file: string, text: string): Omit<Import, 'target'>[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Omit<Import, 'target'>[] = [];
  const add = (node: ts.Node, specifier: ts.Node | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ file, specifier: specifier.text, typeOnly, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allTypes =
        !!clause &&
        !clause.name &&
        !!bindings &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((e) => e.isTypeOnly);
      add(node, node.moduleSpecifier, !!clause?.isTypeOnly || allTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const clause = node.exportClause;
      const allTypes = !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      add(node, node.moduleSpecifier, node.isTypeOnly || allTypes);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require'))
        add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The repository-relative .ts file a relative specifier of `file` names (the path it would be, if missing). */
function resolve(file: string, specifier: string): string {
  const base = path.posix.join(path.posix.dirname(file), specifier).replace(/\.[jt]s$/, '');
  for (const candidate of [`${base}.ts`, `${base}/index.ts`]) if (existsSync(path.join(ROOT, candidate))) return candidate;
  return `${base}.ts`;
}

function sourceFiles(dir: string, found: string[] = []): string[] {
  const full = path.join(ROOT, dir);
  if (!existsSync(full)) return found;
  for (const name of readdirSync(full).sort()) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) sourceFiles(rel, found);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(rel);
  }
  return found;
}

function projectImports(): Import[] {
  const all: Import[] = [];
  for (const file of SOURCES.flatMap((dir) => sourceFiles(dir))) {
    for (const i of importsOf(file, readFileSync(path.join(ROOT, file), 'utf8'))) {
      all.push({ ...i, target: i.specifier.startsWith('.') ? resolve(file, i.specifier) : undefined });
    }
  }
  return all;
}

/** Strongly connected components (Tarjan) of a graph given as node → successors; only those of 2+ nodes. */
function cyclicComponents(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return components;
}

/** The shortest path from `from` to `to` inside `component` (breadth-first), as its nodes, or undefined. */
function shortestPath(
  graph: ReadonlyMap<string, ReadonlySet<string>>,
  component: readonly string[],
  from: string,
  to: string,
): string[] | undefined {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const v = queue.shift()!;
    if (v === to) {
      const nodes = [to];
      for (let u = to; u !== from; u = previous.get(u)!) nodes.unshift(previous.get(u)!);
      return nodes;
    }
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (component.includes(w) && !previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return undefined;
}

/** For every edge inside a component, the shortest cycle through it: each distinct cycle once, start repeated at the end. */
function cyclesOf(graph: ReadonlyMap<string, ReadonlySet<string>>, component: readonly string[]): string[][] {
  const cycles = new Map<string, string[]>();
  for (const from of [...component].sort()) {
    for (const to of [...(graph.get(from) ?? [])].sort()) {
      if (to === from || !component.includes(to)) continue;
      const back = shortestPath(graph, component, to, from);
      if (!back) continue;
      const ring = [from, ...back.slice(0, -1)];
      const first = ring.indexOf([...ring].sort()[0]);
      const rotated = [...ring.slice(first), ...ring.slice(0, first)];
      cycles.set(rotated.join(' '), [...rotated, rotated[0]]);
    }
  }
  return [...cycles.values()].sort((x, y) => x.length - y.length || x.join().localeCompare(y.join()));
}

function addEdge(graph: Map<string, Set<string>>, from: string, to: string): void {
  if (!graph.has(from)) graph.set(from, new Set());
  if (!graph.has(to)) graph.set(to, new Set());
  graph.get(from)!.add(to);
}

test('no cycle between the layers of server/src and client/src', async () => {
  const { layerOf } = await table;
  const graph = new Map<string, Set<string>>();
  const evidence = new Map<string, Import[]>();
  for (const i of projectImports()) {
    if (i.target === undefined) continue;
    const from = layerOf(i.file)?.name ?? path.posix.dirname(i.file);
    const to = layerOf(i.target)?.name ?? path.posix.dirname(i.target);
    if (from === to) continue;
    addEdge(graph, from, to);
    const key = `${from} → ${to}`;
    evidence.set(key, [...(evidence.get(key) ?? []), i]);
  }
  const report: string[] = [];
  for (const component of cyclicComponents(graph)) {
    for (const cycle of cyclesOf(graph, component)) {
      report.push(`cycle: ${cycle.join(' → ')}`);
      for (let n = 0; n + 1 < cycle.length; n++) {
        const edge = `${cycle[n]} → ${cycle[n + 1]}`;
        const imports = evidence.get(edge)!;
        const shown = imports.slice(0, 3).map((i) => `${i.file}:${i.line} imports '${i.specifier}'${i.typeOnly ? ' (types)' : ''}`);
        report.push(`  ${edge}: ${shown.join('; ')}${imports.length > 3 ? `; and ${imports.length - 3} more` : ''}`);
      }
    }
  }
  if (report.length > 0) assert.fail(`Layers must not import each other in a cycle (scripts/layers.mjs):\n${report.join('\n')}`);
});

test('every import of server/src and client/src is allowed by the layer table', async () => {
  const { checkImport, layerOf } = await table;
  const problems: string[] = [];
  for (const file of SOURCES.flatMap((dir) => sourceFiles(dir))) {
    if (!layerOf(file)) problems.push(`${file}: in no layer of scripts/layers.mjs (add its folder to the table)`);
  }
  for (const i of projectImports()) {
    if (!layerOf(i.file)) continue;
    const why = checkImport(i);
    if (why) problems.push(`${i.file}:${i.line} imports '${i.specifier}'${i.typeOnly ? ' (types)' : ''}: ${why}`);
  }
  if (problems.length > 0) assert.fail(`${problems.length} imports outside the layer table (scripts/layers.mjs):\n${problems.join('\n')}`);
});

test('the cycle finder reports a cycle and passes a layered graph', () => {
  const graph = (edges: string) => {
    const g = new Map<string, Set<string>>();
    for (const edge of edges.split(' ')) addEdge(g, edge[0], edge[2]);
    return g;
  };
  const layered = graph('a>b b>c a>c d>a');
  assert.deepEqual(cyclicComponents(layered), []);
  const cyclic = graph('a>b b>c c>a c>d d>e e>d');
  assert.deepEqual(cyclicComponents(cyclic), [
    ['d', 'e'],
    ['a', 'b', 'c'],
  ]);
  assert.deepEqual(cyclesOf(cyclic, ['a', 'b', 'c']), [['a', 'b', 'c', 'a']]);
  const twoRings = graph('a>b b>a b>c c>b c>a');
  assert.deepEqual(cyclesOf(twoRings, ['a', 'b', 'c']), [
    ['a', 'b', 'a'],
    ['b', 'c', 'b'],
    ['a', 'b', 'c', 'a'],
  ]);
  const imports = importsOf(
    'x.ts',
    [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { type D, E } from './c';",
      "import './d';",
      "export { F } from './e';",
      "export type { G } from './f';",
      "const h = require('./g');",
      "let i: import('./h').I;",
      "void import('./i');",
    ].join('\n'),
  );
  assert.deepEqual(
    imports.map((i) => `${i.specifier}${i.typeOnly ? ' type' : ''}`),
    ['./a type', './b type', './c', './d', './e', './f type', './g', './h type', './i'],
  );
});

test('eslint.config.mjs judges imports as the layer table does', async () => {
  const { LAYERS, checkImport } = await table;
  // The probe files exist in no TypeScript program: lint them without type information.
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: path.join(ROOT, 'eslint.config.mjs'),
    overrideConfig: { files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked },
  });
  // Each layer's files at two depths, and the files the table singles out.
  const files = [
    ...LAYERS.flatMap((l) => l.paths.flatMap((p) => (p.endsWith('.ts') ? [p] : [`${p}/x.ts`, `${p}/sub/x.ts`]))),
    'server/src/protocol/lsp.ts',
    'server/src/protocol/cable.ts',
    'server/src/node.ts',
    'server/src/browser.ts',
  ].filter((f) => !f.startsWith('server/src/sub/'));
  const targets = [
    ...LAYERS.flatMap((l) => l.paths.map((p) => (p.endsWith('.ts') ? p : `${p}/y.ts`))),
    'server/src/protocol/cable.ts',
    'server/src/features/sub/y.ts',
  ];
  const packages = [
    '@vscode/l10n',
    'vscode-languageserver',
    'vscode-languageserver/node',
    'vscode-languageserver/browser',
    'vscode-languageserver-textdocument',
    'vscode-uri',
    'node:fs',
    'fs',
    'vscode',
    'vscode-languageclient/node',
    'left-pad',
  ];
  const disagreements: string[] = [];
  let restricted = 0;
  let allowed = 0;
  for (const file of files) {
    const specifiers = [
      ...targets
        .filter((t) => t !== file)
        .map((t) => {
          const rel = path.posix.relative(path.posix.dirname(file), t.replace(/\.ts$/, ''));
          return rel.startsWith('.') ? rel : `./${rel}`;
        }),
      ...packages,
    ];
    const lines: string[] = [];
    const expected: (string | undefined)[] = [];
    for (const specifier of specifiers) {
      for (const typeOnly of [false, true]) {
        lines.push(typeOnly ? `import type { T } from '${specifier}';` : `import { v } from '${specifier}';`);
        const target = specifier.startsWith('.') ? path.posix.join(path.posix.dirname(file), `${specifier}.ts`) : undefined;
        expected.push(checkImport({ file, specifier, target, typeOnly }));
      }
    }
    const [result] = await eslint.lintText(lines.join('\n'), { filePath: path.join(ROOT, file) });
    const fatal = result.messages.find((m) => m.fatal);
    if (fatal) assert.fail(`eslint could not lint the probe for ${file}: ${fatal.message}`);
    const flagged = new Set(result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.line));
    expected.forEach((why, n) => {
      if (why) restricted++;
      else allowed++;
      if (!!why !== flagged.has(n + 1)) {
        disagreements.push(`${file}: ${lines[n]} — table: ${why ?? 'allowed'}; eslint: ${flagged.has(n + 1) ? 'restricted' : 'allowed'}`);
      }
    });
  }
  if (disagreements.length > 0) assert.fail(`eslint.config.mjs and scripts/layers.mjs disagree:\n${disagreements.join('\n')}`);
  assert.ok(restricted > 100 && allowed > 100, `both verdicts were checked: ${restricted} restricted, ${allowed} allowed`);
});
