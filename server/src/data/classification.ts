// Classification levels and handling caveats: the names shown in hovers and diagnostic messages.

import * as l10n from '@vscode/l10n';

/**
 * Level codes of classification lines, markings and security groups. Declared here rather than
 * imported so that data/ depends on nothing outside it; the same union as `Level` in
 * cable/model.ts, so either type passes for the other.
 */
export type ClassificationLevel = 'U' | 'SBU' | 'C' | 'S' | 'TS';

// Level names stay English, like the classification lines they name.
const LEVEL_NAMES: Readonly<Record<ClassificationLevel, { readonly name: string; readonly short: string }>> = {
  U: { name: 'UNCLASSIFIED', short: 'UNCLASSIFIED' },
  SBU: { name: 'SENSITIVE BUT UNCLASSIFIED', short: 'SBU' },
  C: { name: 'CONFIDENTIAL', short: 'CONFIDENTIAL' },
  S: { name: 'SECRET', short: 'SECRET' },
  TS: { name: 'TOP SECRET', short: 'TOP SECRET' },
};

/** The level's full name, e.g. "SENSITIVE BUT UNCLASSIFIED", "TOP SECRET" (used in hovers). */
export function classificationLevelName(level: ClassificationLevel): string {
  return LEVEL_NAMES[level].name;
}

/**
 * The level's name as diagnostic messages write it: "SBU" for SBU, which is how cables mark it,
 * and the full name for the other levels.
 */
export function classificationLevelShortName(level: ClassificationLevel): string {
  return LEVEL_NAMES[level].short;
}

/**
 * Meaning of a handling caveat as markings and captions carry it ("NOFORN", "FGI", "ORCON",
 * "FOUO", "PROPIN", "SENSITIVE"); `undefined` for others (e.g. "REL TO …").
 * A function, not a table: the strings are looked up after the client's bundle is configured.
 */
export function caveatMeaning(caveat: string): string | undefined {
  switch (caveat.trim().toUpperCase()) {
    case 'NOFORN':
      return l10n.t('not releasable to foreign nationals');
    case 'FGI':
      return l10n.t('foreign government information');
    case 'ORCON':
      return l10n.t('dissemination controlled by the originator');
    case 'FOUO':
      return l10n.t('for official use only');
    case 'PROPIN':
      return l10n.t('proprietary information');
    case 'SENSITIVE':
      return l10n.t('sensitive but unclassified (SBU)');
    default:
      return undefined;
  }
}
