import picomatch from 'picomatch/posix';

/**
 * Which files of a workspace folder the index holds, from the settings that decide what VS Code
 * opens as a cable: `*.cable` and `*.tel`, every `files.associations` pattern mapped to `cable`,
 * and, while `cable.detectPlainText` is on, `*.txt` and extension-less files that pass the
 * plain-text sniff. `cable.index.include` narrows that, `cable.index.exclude` and `files.exclude`
 * take away from it.
 */
export interface IndexSettings {
  readonly enable: boolean;
  /** Globs relative to the workspace folder; empty: every file in scope. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly detectPlainText: boolean;
  /** `files.associations` patterns whose language is `cable`. */
  readonly associations: readonly string[];
  /** `files.exclude` patterns set to true. */
  readonly filesExclude: readonly string[];
}

/** Folders no corpus lives in and every walk should skip (the default of `cable.index.exclude`). */
export const DEFAULT_INDEX_EXCLUDE: readonly string[] = ['**/node_modules', '**/bower_components', '**/.git', '**/.hg', '**/.svn'];

export const DEFAULT_INDEX_SETTINGS: IndexSettings = {
  enable: true,
  include: [],
  exclude: DEFAULT_INDEX_EXCLUDE,
  detectPlainText: false,
  associations: [],
  filesExclude: [],
};

/** `cable`: indexed as is; `sniff`: indexed when its first 4 KB look like a cable; undefined: not in scope. */
export type FileKind = 'cable' | 'sniff' | undefined;

type Matcher = (path: string) => boolean;

const CABLE_EXTENSION = /\.(?:cable|tel)$/i;
const TEXT_EXTENSION = /\.txt$/i;

export class IndexScope {
  readonly #include: Matcher | undefined;
  readonly #exclude: Matcher;
  readonly #excludeFolder: Matcher;
  readonly #associations: Matcher | undefined;

  constructor(readonly settings: IndexSettings) {
    const options = { dot: true };
    this.#include = settings.include.length > 0 ? picomatch([...settings.include], options) : undefined;
    const excluded = [...settings.exclude, ...settings.filesExclude];
    this.#exclude = excluded.length > 0 ? picomatch(excluded, options) : () => false;
    // `**/x/**` excludes the folder x itself too: the walk then never enters it.
    const folders = excluded.map((p) => p.replace(/\/\*\*$/, '')).filter((p) => p.length > 0);
    this.#excludeFolder = folders.length > 0 ? picomatch(folders, options) : () => false;
    // Patterns without a slash match the base name, as VS Code reads files.associations; the others the path in the folder.
    const byName = settings.associations.filter((p) => !p.includes('/'));
    const byPath = settings.associations.filter((p) => p.includes('/'));
    const nameMatcher = byName.length > 0 ? picomatch(byName, options) : undefined;
    const pathMatcher = byPath.length > 0 ? picomatch(byPath, options) : undefined;
    this.#associations =
      nameMatcher || pathMatcher
        ? (path) => (nameMatcher?.(path.slice(path.lastIndexOf('/') + 1)) ?? false) || (pathMatcher?.(path) ?? false)
        : undefined;
  }

  /** A key that changes when the scope does: a saved index built for another scope is read again. */
  get key(): string {
    const s = this.settings;
    return JSON.stringify([s.enable, s.include, s.exclude, s.detectPlainText, s.associations, s.filesExclude]);
  }

  /** What a file (path relative to its workspace folder, `/`-separated) is to the index. */
  kindOf(relativePath: string): FileKind {
    if (!this.settings.enable || relativePath.length === 0) return undefined;
    if (this.#exclude(relativePath) || this.#inExcludedFolder(relativePath)) return undefined;
    if (this.#include && !this.#include(relativePath)) return undefined;
    const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
    if (CABLE_EXTENSION.test(name)) return 'cable';
    if (this.#associations?.(relativePath)) return 'cable';
    if (this.settings.detectPlainText && (TEXT_EXTENSION.test(name) || !hasExtension(name))) return 'sniff';
    return undefined;
  }

  /** Whether the walk skips a folder (path relative to its workspace folder). */
  excludesFolder(relativePath: string): boolean {
    return this.#excludeFolder(relativePath) || this.#exclude(relativePath);
  }

  #inExcludedFolder(relativePath: string): boolean {
    for (let slash = relativePath.indexOf('/'); slash > 0; slash = relativePath.indexOf('/', slash + 1)) {
      if (this.excludesFolder(relativePath.slice(0, slash))) return true;
    }
    return false;
  }
}

/** `README`, `.profile` (a leading dot is no extension separator): no extension. */
function hasExtension(name: string): boolean {
  return name.lastIndexOf('.') > 0;
}

/** Reads the settings from the `cable` and `files` sections as a client sends them (possibly null or malformed). */
export function readIndexSettings(cable: unknown, files: unknown): IndexSettings {
  const c = record(cable);
  const index = record(c.index);
  const f = record(files);
  const associations = Object.entries(record(f.associations))
    .filter(([, language]) => language === 'cable')
    .map(([pattern]) => pattern);
  const filesExclude = Object.entries(record(f.exclude))
    .filter(([, on]) => on === true)
    .map(([pattern]) => pattern);
  return {
    enable: typeof index.enable === 'boolean' ? index.enable : DEFAULT_INDEX_SETTINGS.enable,
    include: globs(index.include) ?? DEFAULT_INDEX_SETTINGS.include,
    exclude: globs(index.exclude) ?? DEFAULT_INDEX_SETTINGS.exclude,
    detectPlainText: c.detectPlainText === true,
    associations: associations.filter(validGlob),
    filesExclude: filesExclude.filter(validGlob),
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function globs(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === 'string' && validGlob(v));
}

/** A pattern picomatch can compile (a user's typo must not stop the index). */
function validGlob(pattern: string): boolean {
  if (pattern.length === 0) return false;
  try {
    picomatch(pattern);
    return true;
  } catch {
    return false;
  }
}
