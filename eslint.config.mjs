// ESLint 9 flat config: eslint's recommended rules, typescript-eslint's recommended type-checked
// rules (TypeScript files; tests and bench without the no-unsafe-* family), and the import
// boundaries between the layers of server/src and client/src, derived from scripts/layers.mjs
// (test/architecture/layers.test.ts checks the same table and fails on cycles between layers).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describePackages, LAYERS, LSP_VALUES, layerOf, matchesPackage, rulesFor } from './scripts/layers.mjs';

// Unused bindings are dead code, but `_`-prefixed ones are deliberate (a callback's unused
// parameter, a rest sibling that drops a property: bench/noModelCache.ts, features/jsonText.ts).
const UNUSED = { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true };

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'dist/',
    'out/',
    '.e2e-cache/',
    '**/*.generated.ts',
    'test/grammar/snapshots/',
    'test/fixtures/',
    'test/e2e/fixtures/',
  ]),
  {
    files: ['**/*.ts', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The project's regexes match ANSI escapes (CLI output) and NUL/control bytes (teletype text) on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    rules: { 'no-unused-vars': ['error', UNUSED] },
  },
  {
    // page.evaluate() callbacks: Playwright runs them in the browser page or worker, not in node.
    files: ['scripts/e2e/ui.mjs', 'scripts/e2e/web.mjs', 'scripts/e2e/corpus.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Type-aware: the program of tsconfig.json, built once (about 10 s for the whole lint on the 2-core machine).
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', UNUSED],
      // node:test's test()/describe() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after'] }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests read JSON (CLI output, LSP messages, package.json) and assert on its fields: `any` there is the point.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Only hit by functions destructured from dynamically imported modules, which have no `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  ...boundaryConfigs(),
);

/**
 * One config object per layer folder and folder depth (a relative specifier names its target
 * relative to the importing file, and no-restricted-imports matches the specifier's text), then one
 * per file that the table singles out. A later object replaces an earlier one's options for the
 * same rule, so each object carries every restriction for its files.
 */
function boundaryConfigs() {
  const MAX_DEPTH = 5; // subfolders below a layer's folder that get rules
  const configs = [];
  const singled = new Set([...LSP_VALUES.modules, ...Object.keys(LSP_VALUES.hosts)]);
  for (const layer of LAYERS) {
    for (const p of layer.paths) {
      if (p.endsWith('.ts')) {
        singled.add(p);
        continue;
      }
      for (const file of Object.keys(layer.files ?? {})) singled.add(file);
      for (let depth = 0; depth <= (layer.root ? 0 : MAX_DEPTH); depth++) {
        const sub = '_/'.repeat(depth);
        configs.push(restrictions(`${p}/${'*/'.repeat(depth)}*.ts`, layer, `${p}/${sub}_.ts`));
      }
    }
  }
  for (const file of singled) {
    configs.push(restrictions(file, layerOf(file), file));
  }
  return configs;
}

function restrictions(glob, layer, file) {
  const rules = rulesFor(layer, file);
  const dir = path.posix.dirname(file);
  const patterns = [];

  // Relative imports: only into the layer itself and the layers it may import.
  const allowed = [];
  if (rules.self) allowed.push(...layer.paths.map((p) => relativeAlternative(dir, p, layer.root)));
  for (const entry of rules.may) {
    if (entry.includes('/')) allowed.push(relativeAlternative(dir, entry, false));
    else
      for (const p of LAYERS.find((l) => l.name === entry).paths)
        allowed.push(relativeAlternative(dir, p, LAYERS.find((l) => l.name === entry).root));
  }
  patterns.push({
    regex: allowed.length ? `^(?!(?:${allowed.join('|')}))\\.` : '^\\.',
    caseSensitive: true,
    message: `${layer.name} may import only ${rules.self ? 'itself' : 'nothing of its own'}${rules.may.length ? ` and ${rules.may.join(', ')}` : ''} (scripts/layers.mjs).`,
  });

  // Packages: only those listed; the type-only ones through `import type`.
  if (!rules.packages.includes('*')) {
    const listed = [...rules.packages, ...rules.typePackages].map(packageAlternative);
    patterns.push({
      regex: listed.length ? `^(?![./])(?!(?:${listed.join('|')}))` : '^(?![./])',
      caseSensitive: true,
      message: `${layer.name} may import only the packages ${describePackages(rules)} (scripts/layers.mjs).`,
    });
  }
  const typeOnly = rules.typePackages.map(packageAlternative);
  if (typeOnly.length) {
    const values = rules.packages.map(packageAlternative);
    patterns.push({
      regex: `^${values.length ? `(?!(?:${values.join('|')}))` : ''}(?:${typeOnly.join('|')})`,
      caseSensitive: true,
      allowTypeImports: true,
      message: `${layer.name} may import only types from this package: \`import type\` (scripts/layers.mjs).`,
    });
  }

  // LSP values: only protocol/lsp.ts, where the layer's packages would let them in.
  const lspAllowed = LSP_VALUES.packages.some((p) => rules.packages.some((entry) => matchesPackage(p, entry)));
  if (lspAllowed && !LSP_VALUES.modules.includes(file)) {
    const hosts = (LSP_VALUES.hosts[file] ?? []).map(packageAlternative);
    patterns.push({
      regex: `^${hosts.length ? `(?!(?:${hosts.join('|')}))` : ''}(?:${LSP_VALUES.packages.map(packageAlternative).join('|')})`,
      caseSensitive: true,
      allowTypeImports: true,
      message: 'Only protocol/lsp.ts imports values from vscode-languageserver: import them from there, or use `import type`.',
    });
  }
  return { files: [glob], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
}

/** A regex alternative matching the relative specifiers, from `dir`, that land in `target`. */
function relativeAlternative(dir, target, rootOnly) {
  const isFile = target.endsWith('.ts');
  const rel = path.posix.relative(dir, isFile ? target.slice(0, -3) : target);
  if (isFile) return `${escape(rel.startsWith('.') ? rel : `./${rel}`)}(?:\\.[jt]s)?$`;
  if (rel === '') return rootOnly ? '\\./[^/]+$' : '\\./';
  const ups = rel.split('/');
  if (ups.every((s) => s === '..')) {
    // `dir` is inside `target`: ./x, or up to as many ../ as lead back to it (and no further).
    return rootOnly ? `(?:\\.\\./){${ups.length}}[^./][^/]*$` : `\\./|(?:\\.\\./){1,${ups.length}}(?!\\.\\./)`;
  }
  const prefix = escape(rel.startsWith('.') ? rel : `./${rel}`);
  return rootOnly ? `${prefix}/[^/]+$` : `${prefix}(?:/|$)`;
}

/** A regex alternative matching a package entry of scripts/layers.mjs's notation. */
function packageAlternative(entry) {
  if (entry === 'node:') return 'node:';
  if (entry.endsWith('*')) return escape(entry.slice(0, -1));
  return `${escape(entry)}(?:/|$)`;
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
