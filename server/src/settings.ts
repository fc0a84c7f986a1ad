import { parseRuleSettings, type RuleSettings } from './diagnostics/engine';

/** The `cable.*` settings the server reads; anything missing or malformed falls back to the default. */
export interface Settings {
  readonly maxOutlineItems: number;
  readonly maxFoldingRanges: number;
  readonly diagnostics: { readonly enable: boolean; readonly rules: RuleSettings };
}

export const DEFAULT_SETTINGS: Settings = {
  maxOutlineItems: 5000,
  maxFoldingRanges: 5000,
  diagnostics: { enable: true, rules: {} },
};

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
    },
  };
}
