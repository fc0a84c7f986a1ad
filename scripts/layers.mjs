// The layers of server/src and client/src: which folder may import which, and which npm packages.
// Defined here once. eslint.config.mjs derives its `no-restricted-imports` rules from it, and
// test/architecture/layers.test.ts checks every import against it and fails on any cycle between
// layers. A layer may always import its own files, unless it says `self: false`.
//
// Fields of a layer:
//   name          how messages name the layer
//   paths         where its files are: folders, or single .ts files (today's places of files that move)
//   root          true for the files directly in server/src (no subfolder)
//   may           other layers it may import, by name, or paths (a folder or .ts file) inside one
//   packages      npm packages it may import, values and types: 'x' means x and x/...,
//                 'x*' any package whose name starts with x, 'node:' node's built-ins, '*' any package
//   typePackages  npm packages it may import with `import type` only (same notation)
//   files         per-file overrides of the fields above, by path

/** vscode-languageserver and its parts: their types may be imported anywhere but where a layer says not. */
export const LSP_TYPES = 'vscode-languageserver*';

/**
 * The VALUES of vscode-languageserver are imported only by protocol/lsp.ts (one bundled copy of the
 * CommonJS library: see that module's comment). Types are fine anywhere (`import type`).
 * `modules` are exempt; `hosts` may import values from the host-specific entry they name.
 */
export const LSP_VALUES = {
  packages: ['vscode-languageserver', 'vscode-languageserver-protocol', 'vscode-languageserver-types'],
  modules: ['server/src/protocol/lsp.ts'],
  hosts: {
    'server/src/node.ts': ['vscode-languageserver/node'],
    'server/src/browser.ts': ['vscode-languageserver/browser'],
  },
};

/** The layers. Code that runs in both hosts (node and a browser worker) gets no node built-ins: only cli and root may. */
export const LAYERS = [
  {
    name: 'cable',
    paths: ['server/src/cable'],
    may: [],
    packages: [],
    typePackages: [],
  },
  {
    name: 'data',
    paths: ['server/src/data'],
    may: [],
    packages: ['@vscode/l10n'],
    typePackages: [],
  },
  {
    name: 'protocol',
    paths: ['server/src/protocol'],
    may: [],
    packages: [],
    typePackages: [LSP_TYPES],
    files: {
      'server/src/protocol/lsp.ts': { packages: ['vscode-languageserver'] },
      // Custom LSP methods and their types, shared with the client: imports nothing.
      'server/src/protocol/cable.ts': { self: false, packages: [], typePackages: [] },
      // The plain-text sniff, shared by the client and the workspace index: imports nothing.
      'server/src/protocol/detect.ts': { self: false, packages: [], typePackages: [] },
    },
  },
  {
    name: 'analysis',
    paths: ['server/src/analysis'],
    may: ['cable', 'data'],
    packages: ['@vscode/l10n'],
    typePackages: [LSP_TYPES],
  },
  {
    name: 'workspace',
    paths: ['server/src/workspace'],
    may: ['cable', 'data', 'analysis', 'protocol'],
    // Also runs in a browser worker: no node built-ins, the file system comes through an interface.
    packages: ['@vscode/l10n', 'vscode-uri', 'picomatch'],
    typePackages: [LSP_TYPES],
  },
  {
    name: 'features',
    paths: ['server/src/features'],
    may: ['analysis', 'cable', 'data', 'protocol', 'workspace'],
    packages: ['@vscode/l10n'],
    typePackages: [LSP_TYPES],
  },
  {
    name: 'diagnostics',
    paths: ['server/src/diagnostics'],
    may: ['analysis', 'cable', 'data', 'protocol'],
    packages: ['@vscode/l10n'],
    typePackages: [LSP_TYPES],
  },
  {
    name: 'cli',
    paths: ['server/src/cli'],
    may: ['cable', 'data', 'analysis', 'diagnostics', 'features', 'protocol', 'workspace'],
    packages: ['*'], // node only
    typePackages: [],
  },
  {
    name: 'root',
    paths: ['server/src'],
    root: true, // server.ts, documents.ts, settings.ts, node.ts, browser.ts, main.ts, launch.ts, …: the wiring
    may: ['cable', 'data', 'protocol', 'analysis', 'workspace', 'features', 'diagnostics', 'cli'],
    packages: ['*'],
    typePackages: [],
  },
  {
    name: 'client',
    paths: ['client/src'],
    // The custom methods, and how to start the server process (its node options and environment).
    may: ['server/src/protocol/cable.ts', 'server/src/protocol/detect.ts', 'server/src/protocol/serverProcess.ts'],
    packages: ['vscode', 'vscode-languageclient'],
    typePackages: [],
  },
];

/** The layer's fields for one file, its `files` override laid over them. */
export function rulesFor(layer, file) {
  const own = layer.files?.[file] ?? {};
  return { self: true, ...layer, ...own };
}

/** The layer a repository-relative path (a .ts file, or a folder) belongs to, or undefined. */
export function layerOf(file) {
  let best;
  let bestLength = -1;
  for (const layer of LAYERS) {
    for (const p of layer.paths) {
      const hit = layer.root ? file.startsWith(`${p}/`) && !file.slice(p.length + 1).includes('/') : file === p || file.startsWith(`${p}/`);
      if (hit && p.length > bestLength) {
        best = layer;
        bestLength = p.length;
      }
    }
  }
  return best;
}

/** Whether a bare specifier matches a package entry of the notation above. */
export function matchesPackage(specifier, entry) {
  if (entry === '*') return true;
  if (entry === 'node:') return specifier.startsWith('node:');
  if (entry.endsWith('*')) return specifier.startsWith(entry.slice(0, -1));
  return specifier === entry || specifier.startsWith(`${entry}/`);
}

/** Whether `specifier` (a bare one) is an LSP value `file` may not import. */
export function isBannedLspValue(file, specifier) {
  if (LSP_VALUES.modules.includes(file)) return false;
  if ((LSP_VALUES.hosts[file] ?? []).some((entry) => matchesPackage(specifier, entry))) return false;
  return LSP_VALUES.packages.some((entry) => matchesPackage(specifier, entry));
}

/**
 * Why `file` may not import `specifier`, or undefined when it may. `target` is the repository-relative
 * path a relative specifier resolves to (undefined for a package); `typeOnly` whether the import
 * brings in types only (`import type`, `import { type A }`, `import('x').T`).
 */
export function checkImport({ file, specifier, target, typeOnly }) {
  const layer = layerOf(file);
  if (!layer) return `${file} is in no layer of scripts/layers.mjs`;
  const rules = rulesFor(layer, file);
  if (target === undefined) {
    if (!typeOnly && isBannedLspValue(file, specifier)) {
      return `imports values from ${specifier}: only protocol/lsp.ts does (use \`import type\`, or import the value from protocol/lsp)`;
    }
    if (rules.packages.some((entry) => matchesPackage(specifier, entry))) return undefined;
    if (rules.typePackages.some((entry) => matchesPackage(specifier, entry))) {
      return typeOnly ? undefined : `${layer.name} may import only types from ${specifier} (\`import type\`)`;
    }
    return `${layer.name} may not import the package ${specifier} (allowed: ${describePackages(rules)})`;
  }
  const targetLayer = layerOf(target);
  if (!targetLayer) return `imports ${target}, which is in no layer of scripts/layers.mjs`;
  if (targetLayer === layer) return rules.self ? undefined : `${file} imports nothing, not even its own layer`;
  const allowed = rules.may.some((entry) =>
    entry.includes('/') ? target === entry || target.startsWith(`${entry}/`) : entry === targetLayer.name,
  );
  return allowed
    ? undefined
    : `${layer.name} may not import ${targetLayer.name} (${target}); allowed: ${rules.may.join(', ') || 'nothing'}`;
}

/** The packages a layer's rules allow, for messages. */
export function describePackages(rules) {
  const all = [...rules.packages, ...rules.typePackages.map((p) => `${p} (types only)`)];
  return all.length ? all.join(', ') : 'none';
}
