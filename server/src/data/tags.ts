// TAGS (tags.tsv): subject, program, geographic, organisation and person tags.

import { TAG_ROWS, TAG_SOURCE_FAMILIES } from './tags.generated';
import { restoreSource, wordsOf } from './tableText';

export type TagKind = 'subject' | 'program' | 'geo' | 'region' | 'organization' | 'person';

export interface TagInfo {
  /** The tag as written in tags.tsv (upper case; "(NAME)" is the person-tag pattern). */
  readonly tag: string;
  readonly kind: TagKind;
  readonly meaning: string;
  /** Verbatim confidence column: "high", "high (verbatim PlusD)", "medium", "low". */
  readonly confidence: string;
  /** First word of `confidence`. */
  readonly confidenceLevel: 'high' | 'medium' | 'low';
  /** Number of corpus cables carrying the tag, when the table gives one. */
  readonly corpusCables?: number;
  /** The row's source column, verbatim. */
  readonly source: string;
}

const TAG_KINDS: readonly TagKind[] = ['subject', 'program', 'geo', 'region', 'organization', 'person'];

function isTagKind(s: string): s is TagKind {
  return (TAG_KINDS as readonly string[]).includes(s);
}

function confidenceLevel(s: string): 'high' | 'medium' | 'low' {
  const w = s.trim().toLowerCase();
  return w.startsWith('high') ? 'high' : w.startsWith('low') ? 'low' : 'medium';
}

interface TagTable {
  readonly list: readonly TagInfo[];
  readonly byTag: ReadonlyMap<string, TagInfo>;
}

let tagTable: TagTable | undefined;

function tags(): TagTable {
  if (tagTable) return tagTable;
  const list: TagInfo[] = [];
  const byTag = new Map<string, TagInfo>();
  for (const line of TAG_ROWS.split('\n')) {
    const [tag = '', kind = '', meaning = '', confidence = '', corpus = '', family, detail] = line.split('|');
    const info: { -readonly [K in keyof TagInfo]: TagInfo[K] } = {
      tag,
      // tags.tsv only uses the six kinds; anything new is shown as a subject tag rather than dropped.
      kind: isTagKind(kind) ? kind : 'subject',
      meaning,
      confidence,
      confidenceLevel: confidenceLevel(confidence),
      source: restoreSource(TAG_SOURCE_FAMILIES, family, detail),
    };
    if (corpus !== '') info.corpusCables = Number(corpus);
    const frozen = Object.freeze(info);
    list.push(frozen);
    if (!byTag.has(tag.toUpperCase())) byTag.set(tag.toUpperCase(), frozen);
  }
  tagTable = { list: Object.freeze(list), byTag };
  return tagTable;
}

/** Looks up a TAGS code ("PREL", "rs", "KNNP", "NATO"); `undefined` when not in tags.tsv. */
export function lookupTag(tag: string): TagInfo | undefined {
  return tags().byTag.get(tag.trim().toUpperCase());
}

/**
 * Tags for completion/quick picks: tags starting with `query` first (exact match on top), then
 * tags whose meaning has words starting with the query words ("russia" → RS). Within a tier,
 * tags used in more corpus cables first, then alphabetical.
 */
export function searchTags(query: string, limit = 50): TagInfo[] {
  const q = query.trim().toUpperCase();
  const max = Math.max(0, Math.floor(limit));
  const list = tags().list;
  const byUse = (a: TagInfo, b: TagInfo): number =>
    (b.corpusCables ?? 0) - (a.corpusCables ?? 0) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
  if (q === '') return [...list].sort(byUse).slice(0, max);
  const qWords = wordsOf(q);
  const hits: { info: TagInfo; tier: number }[] = [];
  for (const info of list) {
    const t = info.tag.toUpperCase();
    let tier = -1;
    if (t === q) tier = 0;
    else if (t.startsWith(q)) tier = 1;
    else if (qWords.length > 0) {
      const words = wordsOf(info.meaning);
      if (qWords.every((w) => words.some((x) => x.startsWith(w)))) tier = 2;
    }
    if (tier >= 0) hits.push({ info, tier });
  }
  hits.sort((a, b) => a.tier - b.tier || byUse(a.info, b.info));
  return hits.slice(0, max).map((h) => h.info);
}

/** All tags, in tags.tsv order. */
export function allTags(): readonly TagInfo[] {
  return tags().list;
}
