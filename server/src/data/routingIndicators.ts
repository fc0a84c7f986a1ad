// Routing indicators (routing-indicators.tsv): lookup by RI, search by RI prefix or station words,
// and a position-by-position explanation of an RI's structure.

import * as l10n from '@vscode/l10n';
import { RI_KEY_COUNT, RI_ROWS, RI_SOURCE_FAMILIES } from './routingIndicators.generated';
import { NON_WORD, restoreSource, wordsOf } from './tableText';

/** One row of routing-indicators.tsv: a station name reached through an RI. */
export interface RoutingIndicatorStation {
  /** Plain-language station name (PLAD or ACP 117 name), verbatim. */
  readonly name: string;
  /** Country as given in the table; "(collective)" marks a collective address. */
  readonly country?: string;
  /** The row's source column, verbatim (ACP 117 … or "cable headers in corpus: 14x, …"). */
  readonly source: string;
  /** How many corpus cable headers showed this RI/name pair, when the source says so. */
  readonly corpusCount?: number;
  /** Set when the row is an "RxxxxxA THRU RxxxxxZ" range row that covers the looked-up RI. */
  readonly range?: string;
}

export interface RoutingIndicatorInfo {
  /** The RI in upper case (or the range key, e.g. "RHFJAAA THRU RHFJAAZ", for a range row). */
  readonly ri: string;
  /** All station names for this RI, most frequently seen first (table order). Frozen. */
  readonly names: string[];
  /** The country, when all stations that name one agree (ignoring "(collective)"). */
  readonly country?: string;
  /** Every distinct country of the stations, in table order. Frozen. */
  readonly countries: string[];
  /** Distinct source families of the rows, "; "-joined (per-row sources are in `stations`). */
  readonly source: string;
  /** One entry per table row, in table order; exact rows first, then covering range rows. */
  readonly stations: readonly RoutingIndicatorStation[];
  /** Sum of the stations' corpus counts (0 when never seen in a corpus header). */
  readonly corpusCount: number;
  /** For range keys: the first and last RI of the range. */
  readonly range?: { readonly first: string; readonly last: string };
}

interface RangeRow {
  readonly first: string;
  readonly last: string;
  readonly line: number;
}

interface RiTable {
  readonly lines: readonly string[];
  /** key (RI or range key) -> line numbers, in table order */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  readonly ranges: readonly RangeRow[];
}

const RANGE_KEY = /^(R[A-Z]+) THRU (R[A-Z]+)$/;
const RI_SHAPE = /^R[A-Z]{3,7}$/;
const COLLECTIVE = '(collective)';

let riTable: RiTable | undefined;
/** Built infos by key (hits only: the set of possible keys is finite, misses are cheap). */
const riInfoCache = new Map<string, RoutingIndicatorInfo>();

function routingTable(): RiTable {
  if (riTable) return riTable;
  const lines = RI_ROWS.split('\n');
  const byKey = new Map<string, number[]>();
  const ranges: RangeRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const key = line.slice(0, line.indexOf('|'));
    const list = byKey.get(key);
    if (list) list.push(i);
    else {
      byKey.set(key, [i]);
      const m = RANGE_KEY.exec(key);
      if (m) ranges.push({ first: m[1], last: m[2], line: i });
    }
  }
  riTable = { lines, byKey, ranges };
  return riTable;
}

/** "14x, years 06,09,10, e.g. …" (corpus rows) → 14. */
function corpusCountOf(detail: string | undefined): number | undefined {
  const m = detail ? /^(\d+)x\b/.exec(detail) : null;
  return m ? Number(m[1]) : undefined;
}

function parseStation(line: string, range: string | undefined): RoutingIndicatorStation {
  const [, name = '', country = '', family, detail] = line.split('|');
  const source = restoreSource(RI_SOURCE_FAMILIES, family, detail);
  const count = corpusCountOf(detail);
  const station: { -readonly [K in keyof RoutingIndicatorStation]: RoutingIndicatorStation[K] } = { name, source };
  if (country) station.country = country;
  if (count !== undefined) station.corpusCount = count;
  if (range) station.range = range;
  return Object.freeze(station);
}

/** Normalises user/cable input: trims, upper-cases, drops a "/PLAD" suffix, collapses spaces. */
function normalizeRi(input: string): string {
  let s = input.trim().toUpperCase();
  const slash = s.indexOf('/');
  if (slash >= 0) s = s.slice(0, slash).trim();
  return s.replace(/\s+/g, ' ');
}

function coveringRanges(table: RiTable, ri: string): RangeRow[] {
  if (!RI_SHAPE.test(ri)) return [];
  return table.ranges.filter((r) => ri.length === r.first.length && ri >= r.first && ri <= r.last);
}

function buildInfo(key: string, exact: readonly number[], ranges: readonly RangeRow[]): RoutingIndicatorInfo {
  const table = routingTable();
  const stations: RoutingIndicatorStation[] = [];
  for (const i of exact) stations.push(parseStation(table.lines[i], undefined));
  for (const r of ranges) stations.push(parseStation(table.lines[r.line], `${r.first} THRU ${r.last}`));
  const names: string[] = [];
  const countries: string[] = [];
  const families: string[] = [];
  let corpusCount = 0;
  for (const s of stations) {
    if (!names.includes(s.name)) names.push(s.name);
    if (s.country && !countries.includes(s.country)) countries.push(s.country);
    const colon = s.source.indexOf(': ');
    const family = colon < 0 ? s.source : s.source.slice(0, colon);
    if (!families.includes(family)) families.push(family);
    corpusCount += s.corpusCount ?? 0;
  }
  const real = countries.filter((c) => c !== COLLECTIVE);
  const info: { -readonly [K in keyof RoutingIndicatorInfo]: RoutingIndicatorInfo[K] } = {
    ri: key,
    names: Object.freeze(names) as string[],
    countries: Object.freeze(countries) as string[],
    source: families.join('; '),
    stations: Object.freeze(stations),
    corpusCount,
  };
  if (real.length === 1) info.country = real[0];
  const m = RANGE_KEY.exec(key);
  if (m) info.range = Object.freeze({ first: m[1], last: m[2] });
  return Object.freeze(info);
}

/**
 * Looks up a routing indicator (e.g. "RUEHBW", "ruehbw", "RUEHC/SECSTATE WASHDC").
 * Returns every station name the table has for it — shared gateways (RUEHC, RUEKJCS, RHMFISS…)
 * have many — including "X THRU Y" range rows that cover it. Range keys themselves
 * ("RHFJAAA THRU RHFJAAZ") can be looked up too. `undefined` when the table does not know it
 * (the table is incomplete, so that is not proof of an error).
 */
export function lookupRoutingIndicator(ri: string): RoutingIndicatorInfo | undefined {
  const key = normalizeRi(ri);
  if (key === '') return undefined;
  const cached = riInfoCache.get(key);
  if (cached) return cached;
  const table = routingTable();
  const exact = table.byKey.get(key) ?? [];
  const ranges = coveringRanges(table, key);
  if (exact.length === 0 && ranges.length === 0) return undefined;
  const info = buildInfo(key, exact, ranges);
  riInfoCache.set(key, info);
  return info;
}

let allRiCache: readonly RoutingIndicatorInfo[] | undefined;

/** Every key of the table (1,706 RIs and 51 range rows), in table (alphabetical) order. */
export function allRoutingIndicators(): readonly RoutingIndicatorInfo[] {
  if (allRiCache) return allRiCache;
  const out: RoutingIndicatorInfo[] = [];
  for (const key of routingTable().byKey.keys()) {
    const info = lookupRoutingIndicator(key);
    if (info) out.push(info);
  }
  allRiCache = Object.freeze(out);
  return allRiCache;
}

/** Search entry per table key, built from the raw rows (infos are only built for hits). */
interface RiSearchEntry {
  readonly key: string;
  /** Sum of corpus counts of the key's own rows. */
  readonly usage: number;
  /** " WORD WORD … " — names and countries, upper case, non-alphanumerics as single spaces. */
  readonly text: string;
}

let riSearchIndex: readonly RiSearchEntry[] | undefined;

function searchIndex(): readonly RiSearchEntry[] {
  if (riSearchIndex) return riSearchIndex;
  const table = routingTable();
  const entries: RiSearchEntry[] = [];
  for (const [key, rows] of table.byKey) {
    let usage = 0;
    let text = '';
    for (const i of rows) {
      const [, name = '', country = '', , detail = ''] = table.lines[i].split('|');
      text += ` ${name} ${country}`;
      usage += corpusCountOf(detail) ?? 0;
    }
    entries.push({ key, usage, text: ` ${text.toUpperCase().replace(NON_WORD, ' ').trim()} ` });
  }
  riSearchIndex = entries;
  return entries;
}

/** Match tiers, best first. */
const Tier = { ExactRi: 0, RiPrefix: 1, Word: 2, WordPrefix: 3, Substring: 4 } as const;
type Tier = (typeof Tier)[keyof typeof Tier];

function compareByUsage(a: RiSearchEntry, b: RiSearchEntry): number {
  return b.usage - a.usage || a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function infosOf(entries: readonly RiSearchEntry[]): RoutingIndicatorInfo[] {
  const out: RoutingIndicatorInfo[] = [];
  for (const e of entries) {
    const info = lookupRoutingIndicator(e.key);
    if (info) out.push(info);
  }
  return out;
}

/**
 * Searches routing indicators by RI prefix ("RUEHB" → posts whose RI starts so) or by words of
 * the station names and countries ("belgrade", "new york", "munich"). Ranking: exact RI, RI
 * prefix, whole-word match, word-prefix match, substring (words of 3+ letters); within a tier,
 * RIs seen more often in the corpus headers first, then shorter, then alphabetical. Range rows
 * are included (their `range` is set) — filter them out where a single RI must be inserted.
 * An empty query lists the most frequently seen RIs.
 */
export function searchRoutingIndicators(query: string, limit = 50): RoutingIndicatorInfo[] {
  const q = query.trim().toUpperCase().replace(/\s+/g, ' ');
  const max = Math.max(0, Math.floor(limit));
  if (max === 0) return [];
  const index = searchIndex();
  if (q === '') return infosOf([...index].sort(compareByUsage).slice(0, max));
  const riLike = /^[A-Z]+$/.test(q);
  const qWords = wordsOf(q);
  const hits: { entry: RiSearchEntry; tier: Tier }[] = [];
  for (const e of index) {
    let tier: Tier | undefined;
    if (riLike && e.key === q) tier = Tier.ExactRi;
    else if (riLike && e.key.startsWith(q)) tier = Tier.RiPrefix;
    else if (qWords.length > 0) {
      if (qWords.every((w) => e.text.includes(` ${w} `))) tier = Tier.Word;
      else if (qWords.every((w) => e.text.includes(` ${w}`))) tier = Tier.WordPrefix;
      else if (qWords.every((w) => w.length >= 3 && e.text.includes(w))) tier = Tier.Substring;
    }
    if (tier !== undefined) hits.push({ entry: e, tier });
  }
  hits.sort((a, b) => a.tier - b.tier || compareByUsage(a.entry, b.entry));
  return infosOf(hits.slice(0, max).map((h) => h.entry));
}

// ---------------------------------------------------------------------------------------------
// Routing indicator structure (cable-format.md §1.9, ACP 117/127 as summarised there)

/** Position 2: nation or alliance. `documented` = stated in cable-format.md §1.9. */
const RI_NATION: Readonly<Record<string, { readonly text: string; readonly documented: boolean }>> = {
  U: { text: 'United States', documented: true },
  H: { text: 'United States, DoD/DISA-managed RIs', documented: true },
  A: { text: 'Australia', documented: true },
  B: { text: 'United Kingdom', documented: true },
  C: { text: 'Canada', documented: true },
  F: { text: 'France', documented: true },
  N: { text: 'Netherlands', documented: true },
  Q: { text: 'Belgium', documented: true },
  X: { text: 'NATO / allied', documented: true },
  Z: {
    text: 'NATO / allied per cable-format.md; the RZ… rows of the routing table are New Zealand defence stations',
    documented: true,
  },
  D: { text: 'Denmark', documented: false },
  I: { text: 'Italy', documented: false },
  K: { text: 'Greece', documented: false },
  O: { text: 'Japan', documented: false },
  P: { text: 'Portugal', documented: false },
  Y: { text: 'Norway', documented: false },
};

/** Families of 4-letter prefixes described in cable-format.md §1.9 (corpus observations). */
const RI_FAMILIES: Readonly<Record<string, string>> = {
  RUEH: 'Department of State network: posts, offices and State collectives (RUEHC = SECSTATE WASHDC)',
  RUCN: 'State collectives and a few missions (e.g. RUCNCIS CIS COLLECTIVE, RUCNDT USMISSION USUN NEW YORK)',
  RUEK: 'Washington defence addressees (RUEKJCS is shared by SECDEF, JOINT STAFF and CJCS WASHDC)',
  RUEA: 'Washington agencies (e.g. RUEAIIA CIA, RUEABND DEA, RUEAHLC DHS/ICE)',
  RHEH: 'White House (RHEHNSC NSC, RHEHAAA WHITE HOUSE/NSC)',
  RHEF: 'DIA and DHS (RHEFDIA, RHEFHLC)',
  RHMF:
    'DISA-controlled DMS gateway: one RI for many military addressees, told apart by the PLAD after the slash; ' +
    'in the corpus RHMFISS/<PLAD> carries classified and RHMFIUU/<PLAD> unclassified traffic',
  RHHM: 'US Pacific Command area (e.g. RHHMUNA HQ USPACOM HONOLULU HI)',
  RHHJ: 'US Pacific Command area (Pearl Harbor/Honolulu intelligence and fleet stations)',
  RUCJ: 'US Central Command (RUCJACC USCINCCENT)',
};

const RI_SPECIAL: Readonly<Record<string, string>> = {
  RUEHWEB:
    'RUEHWEB is a pseudo-destination seen on every VZCZCXYZ copy in the corpus (web/database re-formatted ' +
    'copies, an inference); it is not a real station and is not in the routing table.',
};

function longestKnownPrefix(table: RiTable, ri: string): string | undefined {
  for (let n = ri.length - 1; n >= 4; n--) {
    const p = ri.slice(0, n);
    if (table.byKey.has(p)) return p;
  }
  return undefined;
}

function stationSummary(info: RoutingIndicatorInfo, max = 3): string {
  const shown = info.names.slice(0, max).join('; ');
  const more = info.names.length > max ? `; … (${info.names.length} names)` : '';
  return `${shown}${more}`;
}

/**
 * Explains the structure of a routing indicator, position by position, with what the routing
 * table knows about it. Works for unknown RIs too (e.g. "RUEHQQQ"). Plain-text lines, no
 * markdown. Area letters (position 3) are only decoded where cable-format.md §1.9 does.
 */
export function explainRoutingIndicator(ri: string): string[] {
  const key = normalizeRi(ri);
  const lines: string[] = [];
  if (key === '') return [l10n.t('Empty routing indicator.')];
  const special = RI_SPECIAL[key];
  const range = RANGE_KEY.exec(key);
  if (range) {
    lines.push(l10n.t('{0} is a range row of the routing table: every 7-letter RI from {1} to {2}.', key, range[1], range[2]));
  } else if (!/^[A-Z]+$/.test(key)) {
    return [l10n.t('{0} is not a routing indicator: RIs are 4 to 7 letters A–Z starting with R.', key)];
  } else if (key[0] !== 'R') {
    return [
      l10n.t(
        '{0} does not start with R. Routing indicators in State cables start with R (worldwide/strategic tape-relay network); this is not a recognised RI.',
        key,
      ),
    ];
  }
  const core = range ? range[1] : key;
  if (!range && (core.length < 4 || core.length > 7)) {
    lines.push(l10n.t('{0} has {1} letters; routing indicators have 4 to 7 (cable-format.md §1.9).', core, core.length));
  }
  lines.push(l10n.t('Position 1 "R": worldwide (strategic) routing indicator, ACP 117/127.'));
  if (core.length >= 2) {
    const n = RI_NATION[core[1]];
    lines.push(
      !n
        ? l10n.t('Position 2 "{0}": nation/alliance; "{0}" is not decoded here.', core[1])
        : n.documented
          ? l10n.t('Position 2 "{0}": nation/alliance: {1}.', core[1], n.text)
          : l10n.t('Position 2 "{0}": nation/alliance: {1} (inferred from the ACP 117 rows of the routing table).', core[1], n.text),
    );
  }
  if (core.length >= 3) {
    lines.push(
      core.startsWith('RUE')
        ? l10n.t('Position 3 "{0}": geographic area or network of the relay; "E" = the eastern-US relays (RUEH…, RUEK…, RUEA…).', core[2])
        : l10n.t('Position 3 "{0}": geographic area or network of the relay.', core[2]),
    );
  }
  const table = routingTable();
  if (core.length >= 4) {
    const prefix = core.slice(0, 4);
    const family = RI_FAMILIES[prefix];
    const relay = table.byKey.has(prefix) ? lookupRoutingIndicator(prefix) : undefined;
    let line = l10n.t('Position 4 "{0}": relay or tributary within the area', core[3]);
    if (family) line += `; ${prefix}… = ${family}`;
    if (relay && prefix !== core) line += l10n.t(' (the table lists {0} itself as "{1}")', prefix, relay.names[0]);
    lines.push(`${line}.`);
  }
  if (core.length >= 5) {
    const station = range ? `${range[1].slice(4)}" to "${range[2].slice(4)}` : core.slice(4);
    lines.push(
      core.length > 5
        ? l10n.t('Positions 5–{0} "{1}": the station served through {2}.', core.length, station, core.slice(0, 4))
        : l10n.t('Position 5 "{0}": the station served through {1}.', station, core.slice(0, 4)),
    );
  }
  if (special) lines.push(special);
  const info = lookupRoutingIndicator(key);
  if (info) {
    const exactRows = info.stations.filter((s) => s.range === undefined).length;
    if (exactRows === 0) {
      lines.push(l10n.t('Not listed individually; covered by the range row {0}: {1}.', info.stations[0].range ?? '', stationSummary(info)));
    } else if (info.names.length > 1) {
      lines.push(
        l10n.t(
          '{0} is shared by {1} station names in the routing table ({2}); the plain-language address after the slash on TO/INFO lines tells them apart.',
          key,
          info.names.length,
          stationSummary(info),
        ),
      );
    } else {
      lines.push(
        info.country
          ? l10n.t('Routing table: {0} = {1} ({2}).', key, info.names[0], info.country)
          : l10n.t('Routing table: {0} = {1}.', key, info.names[0]),
      );
    }
  } else if (!special) {
    lines.push(
      l10n.t(
        '{0} is not in the routing table ({1} entries from ACP 117 and corpus headers); the table is incomplete, so an unknown RI is not necessarily wrong.',
        key,
        RI_KEY_COUNT.toLocaleString('en-US'),
      ),
    );
    const prefix = longestKnownPrefix(table, key);
    const known = prefix ? lookupRoutingIndicator(prefix) : undefined;
    if (prefix && known) lines.push(l10n.t('Longest known prefix: {0} = {1}.', prefix, known.names[0]));
  }
  return lines;
}
