/** Severities as the diagnostics report them and as users set them (`off` silences a rule). */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** `{ "cable/tags-unknown": "off", "cable/marking-*": "warning" }`: by rule code or family prefix. */
export type RuleSettings = Readonly<Record<string, SeveritySetting>>;

/**
 * `reading`: errors and warnings only, for archival text the reader cannot fix (a hint such as
 * `ref-unused` on a 1975 original is noise); `drafting`: every finding; `auto`: `drafting` for
 * `.cable`/`.tel` files and new documents, `reading` for the rest (`.txt` cables, associations).
 */
export type ProfileSetting = 'auto' | 'reading' | 'drafting';

/** The `cable.*` settings the server reads; anything missing or malformed falls back to the default. */
export interface Settings {
  readonly maxOutlineItems: number;
  readonly maxFoldingRanges: number;
  readonly diagnostics: { readonly enable: boolean; readonly rules: RuleSettings; readonly profile?: ProfileSetting };
}

export const DEFAULT_SETTINGS: Settings = {
  maxOutlineItems: 5000,
  maxFoldingRanges: 5000,
  diagnostics: { enable: true, rules: {}, profile: 'auto' },
};

/** The profile that applies to a document: the setting, or for `auto`, what its name says it is. */
export function profileOf(uri: string, settings: Settings): 'reading' | 'drafting' {
  const setting = settings.diagnostics.profile ?? 'auto';
  if (setting !== 'auto') return setting;
  if (uri.startsWith('untitled:')) return 'drafting';
  const end = [uri.indexOf('?'), uri.indexOf('#')].filter((i) => i >= 0);
  const path = end.length > 0 ? uri.slice(0, Math.min(...end)) : uri;
  return /\.(?:cable|tel)$/i.test(path) ? 'drafting' : 'reading';
}

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

/** Reads the `cable` section as a client sends it (possibly null, partial or of the wrong types). */
export function readSettings(section: unknown): Settings {
  if (typeof section !== 'object' || section === null) return DEFAULT_SETTINGS;
  const s = section as Record<string, unknown>;
  const diagnostics = (typeof s.diagnostics === 'object' && s.diagnostics !== null ? s.diagnostics : {}) as Record<string, unknown>;
  const rules = parseRuleSettings(diagnostics.rules ?? {});
  return {
    maxOutlineItems: positiveInteger(s.maxOutlineItems, DEFAULT_SETTINGS.maxOutlineItems),
    maxFoldingRanges: positiveInteger(s.maxFoldingRanges, DEFAULT_SETTINGS.maxFoldingRanges),
    diagnostics: {
      enable: typeof diagnostics.enable === 'boolean' ? diagnostics.enable : true,
      rules: 'settings' in rules ? rules.settings : {},
      profile: diagnostics.profile === 'reading' || diagnostics.profile === 'drafting' ? diagnostics.profile : 'auto',
    },
  };
}

/** Reads a `{ "code or prefix*": "off|hint|information|warning|error" }` map from JSON text or a value. */
export function parseRuleSettings(input: unknown): { settings: RuleSettings } | { error: string } {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return { error: 'expected a JSON object such as {"cable/tags-unknown":"off"}' };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'expected a JSON object of rule codes to severities' };
  const settings: Record<string, SeveritySetting> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string' || !SEVERITY_SETTINGS.includes(v as SeveritySetting))
      return { error: `${key}: expected one of ${SEVERITY_SETTINGS.join(', ')}` };
    settings[key] = v as SeveritySetting;
  }
  return { settings };
}
