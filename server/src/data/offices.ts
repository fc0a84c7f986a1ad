// Office symbols and distribution codes (offices.tsv): the offices of distribution blocks
// (`ACTION EUR-25`, `INFO CIAE-00`), drafting and clearing lines (`DRAFTED BY EUR/WE:JSMITH`)
// and slash symbols in the text (`S/S-O`).

import { OFFICE_ROWS } from './offices.generated';

export type OfficeKind = 'bureau' | 'staff' | 'office' | 'agency-distribution' | 'other';

export interface OfficeInfo {
  /** The symbol as offices.tsv writes it: `EUR`, `EUR/WE`, `S/S-O`, `CIAE`. */
  readonly code: string;
  readonly meaning: string;
  readonly kind: OfficeKind;
  /** Years the meaning holds, when known: `1949–`, `1966–1980s (symbol EA)`. */
  readonly era?: string;
  /** `low` means a guess from the letters or from usage (the meaning then says "Probably"). */
  readonly confidence: 'high' | 'medium' | 'low';
  readonly source: string;
  /** Occurrences in the texts the table was built from. */
  readonly occurrences: number;
}

const KINDS: readonly OfficeKind[] = ['bureau', 'staff', 'office', 'agency-distribution', 'other'];

let byCode: ReadonlyMap<string, OfficeInfo> | undefined;

function table(): ReadonlyMap<string, OfficeInfo> {
  if (byCode) return byCode;
  const map = new Map<string, OfficeInfo>();
  for (const [code, meaning, kind, era, confidence, source, occurrences] of OFFICE_ROWS) {
    const info: OfficeInfo = Object.freeze({
      code,
      meaning,
      kind: (KINDS as readonly string[]).includes(kind) ? (kind as OfficeKind) : 'other',
      ...(era ? { era } : {}),
      confidence: confidence === 'high' || confidence === 'low' ? confidence : 'medium',
      source,
      occurrences,
    });
    if (!map.has(code.toUpperCase())) map.set(code.toUpperCase(), info);
  }
  byCode = map;
  return map;
}

export interface OfficeLookup {
  readonly info: OfficeInfo;
  /** True when the symbol itself is not in the table and `info` is the office it belongs to (`EUR/WE/X` → `EUR/WE`). */
  readonly parent: boolean;
}

/**
 * The office a symbol names. OCR spacing is folded (`EUR/ WE`); a symbol the table lacks falls
 * back to its nearest listed parent (`EUR/SCE/X` → `EUR/SCE` → `EUR`), flagged as such.
 */
export function lookupOffice(symbol: string): OfficeLookup | undefined {
  const key = symbol
    .toUpperCase()
    .split('/')
    .map((part) => part.trim())
    .join('/');
  if (key === '') return undefined;
  const offices = table();
  const exact = offices.get(key);
  if (exact) return { info: exact, parent: false };
  for (let cut = key.lastIndexOf('/'); cut > 0; cut = key.lastIndexOf('/', cut - 1)) {
    const parent = offices.get(key.slice(0, cut));
    if (parent) return { info: parent, parent: true };
  }
  return undefined;
}

export function allOffices(): readonly OfficeInfo[] {
  return [...table().values()];
}
