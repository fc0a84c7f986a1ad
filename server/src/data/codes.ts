// Codes (codes.tsv): prosigns, operating signals, captions, markings and E.O. forms.

import { CODE_ROWS } from './codes.generated';

export interface CodeInfo {
  /** The code as written in codes.tsv, e.g. "ZNY", "O / P / R / Z", "(C/NF) (S/NF) …". */
  readonly code: string;
  /** Upper-case spellings that look this entry up, e.g. ["O", "P", "R", "Z"]. */
  readonly aliases: readonly string[];
  /** Free-text category, e.g. "precedence prosign (FL2)", "caption", "portion mark". */
  readonly category: string;
  readonly meaning: string;
  /** "where it appears / example" column; undefined when the table has "—". */
  readonly example?: string;
  /** "source / confidence" column, verbatim. */
  readonly source: string;
  /** Trailing confidence statement of `source` ("high", "medium (wording)", …), when present. */
  readonly confidence?: string;
}

interface CodeTable {
  readonly list: readonly CodeInfo[];
  readonly exact: ReadonlyMap<string, CodeInfo>;
  readonly loose: ReadonlyMap<string, CodeInfo>;
  readonly patterns: readonly { readonly re: RegExp; readonly info: CodeInfo }[];
}

let codeTable: CodeTable | undefined;

const codeKey = (s: string): string => s.trim().toUpperCase().replace(/\s+/g, ' ');
/**
 * Tolerant key: ignores spaces, dots, colons and parentheses, and "//" vs "/"
 * ("EO 12958" → "E.O. 12958", "S//NF" → "(S/NF)"). Same as looseKey in scripts/generate-data.mjs.
 */
const looseCodeKey = (s: string): string =>
  s
    .toUpperCase()
    .replace(/[\s.:()]+/g, '')
    .replace(/\/{2,}/g, '/');

function trailingConfidence(source: string): string | undefined {
  const parts = source.split(';');
  const last = parts[parts.length - 1].trim();
  return /^(high|medium|low)\b/i.test(last) ? last : undefined;
}

function codes(): CodeTable {
  if (codeTable) return codeTable;
  const list: CodeInfo[] = [];
  const exact = new Map<string, CodeInfo>();
  const loose = new Map<string, CodeInfo>();
  const patterns: { re: RegExp; info: CodeInfo }[] = [];
  for (const [code, category, meaning, example, source, aliases, pattern] of CODE_ROWS) {
    const info: { -readonly [K in keyof CodeInfo]: CodeInfo[K] } = {
      code,
      aliases: Object.freeze([...aliases]),
      category,
      meaning,
      source,
    };
    if (example !== '' && example !== '—') info.example = example;
    const confidence = trailingConfidence(source);
    if (confidence) info.confidence = confidence;
    const frozen = Object.freeze(info);
    list.push(frozen);
    for (const a of aliases) {
      if (!exact.has(a)) exact.set(a, frozen);
      const lk = looseCodeKey(a);
      if (!loose.has(lk)) loose.set(lk, frozen);
    }
    if (pattern) patterns.push({ re: new RegExp(pattern), info: frozen });
  }
  codeTable = { list: Object.freeze(list), exact, loose, patterns };
  return codeTable;
}

/**
 * Looks up a code from codes.tsv by any of its spellings: "ZNY", "oo", "SIPDIS", "(S//NF)",
 * "E.O. 12958" / "EO 12958", "DECL", "NIACT IMMEDIATE", "#5608", "(CCY AD6CB6C9 …)",
 * "1.4 (b)". Exact spelling first, then a tolerant match, then placeholder patterns.
 */
export function lookupCode(code: string): CodeInfo | undefined {
  const key = codeKey(code);
  if (key === '') return undefined;
  const table = codes();
  return table.exact.get(key) ?? table.loose.get(looseCodeKey(key)) ?? table.patterns.find((p) => p.re.test(key))?.info;
}

/** All codes, in codes.tsv order. */
export function allCodes(): readonly CodeInfo[] {
  return codes().list;
}
