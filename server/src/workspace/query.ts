import * as l10n from '@vscode/l10n';
import type { CableEntry, Citation } from './entry';

/**
 * The Cables view's filter language, in the spirit of PlusD's search form:
 * `from:MADRID to:SECSTATE tag:PREL class:secret caveat:noforn date:2006-01..2006-06
 * cites:06MADRID3104 citedby:07MADRID173 "cia flights"`. Terms of different operators must all
 * hold; the same operator given twice (or values joined by commas) means either. Bare words and
 * quoted phrases match the subject, the id, the origin and the TAGS; the index holds no body text,
 * so the body is not searched. Everything is case-insensitive.
 */
export type QueryOperator = 'from' | 'to' | 'tag' | 'class' | 'caveat' | 'date' | 'cites' | 'citedby' | 'id';

export const QUERY_OPERATORS: readonly QueryOperator[] = ['from', 'to', 'tag', 'class', 'caveat', 'date', 'cites', 'citedby', 'id'];

export type QueryTerm =
  | { readonly operator: Exclude<QueryOperator, 'date'>; readonly value: string }
  /** Minutes since 1970 (UTC): `from` inclusive, `to` exclusive; either open. */
  | { readonly operator: 'date'; readonly value: string; readonly from: number | undefined; readonly to: number | undefined };

export interface ParsedQuery {
  /** Terms by operator; the values of one operator are alternatives. */
  readonly terms: readonly QueryTerm[];
  /** Bare words and quoted phrases, upper-case: each must occur. */
  readonly words: readonly string[];
}

export interface QueryError {
  readonly message: string;
  /** Offset of the offending part in the query text. */
  readonly offset: number;
}

export type QueryParse = { readonly ok: true; readonly query: ParsedQuery } | { readonly ok: false; readonly error: QueryError };

/** Lookups a matcher needs beyond the entry itself: what a cable cites. */
export interface QueryContext {
  /** The id a citation means (a year-less REF may mean the year before). */
  resolve(citation: Citation): string;
  /** The entries with this reference id. */
  entriesWithId(id: string): readonly CableEntry[];
  /**
   * The entries whose id, subject, origin or TAGS may hold this upper-case word (every one that
   * does, perhaps more), from one scan of a flat text; undefined when the host has none.
   */
  holding?(word: string): ReadonlySet<CableEntry> | undefined;
}

/** An entry as the matcher reads it: the index's entry, with the TO addressees and the upper-case subject when at hand. */
export type Matchable = CableEntry & { readonly subjectUpper?: string };

export function parseQuery(text: string): QueryParse {
  const terms: QueryTerm[] = [];
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    const start = i;
    if (text[i] === '"') {
      const phrase = quoted(text, i);
      if (!phrase.ok) return phrase;
      i = phrase.end;
      const value = phrase.value.trim().replace(/\s+/g, ' ');
      if (value !== '') words.push(value.toUpperCase());
      continue;
    }
    while (i < text.length && !/[\s:"]/.test(text[i])) i++;
    const word = text.slice(start, i);
    if (text[i] !== ':') {
      if (text[i] === '"') return fail(l10n.t('A quote must start a phrase or a value: {0}', word + '"'), i);
      words.push(word.toUpperCase());
      continue;
    }
    const operator = word.toLowerCase();
    if (!(QUERY_OPERATORS as readonly string[]).includes(operator)) {
      return fail(
        word === ''
          ? l10n.t('A colon needs an operator before it ({0})', QUERY_OPERATORS.join(', '))
          : l10n.t('Unknown operator "{0}:" (known: {1})', word, QUERY_OPERATORS.join(', ')),
        start,
      );
    }
    i++;
    let value: string;
    const valueStart = i;
    if (text[i] === '"') {
      const phrase = quoted(text, i);
      if (!phrase.ok) return phrase;
      value = phrase.value.trim().replace(/\s+/g, ' ');
      i = phrase.end;
    } else {
      while (i < text.length && !/\s/.test(text[i])) i++;
      value = text.slice(valueStart, i);
    }
    if (value === '') return fail(l10n.t('"{0}:" needs a value', operator), start);
    for (const part of value.split(',')) {
      const one = part.trim();
      if (one === '') return fail(l10n.t('"{0}:" has an empty value between commas', operator), start);
      const term = termOf(operator as QueryOperator, one, valueStart);
      if ('message' in term) return { ok: false, error: term };
      terms.push(term);
    }
  }
  return { ok: true, query: { terms, words } };
}

function quoted(text: string, open: number): { ok: true; value: string; end: number } | { ok: false; error: QueryError } {
  const close = text.indexOf('"', open + 1);
  if (close < 0) return fail(l10n.t('Unclosed quote: add a " after {0}', text.slice(open)), open);
  return { ok: true, value: text.slice(open + 1, close), end: close + 1 };
}

function fail(message: string, offset: number): { ok: false; error: QueryError } {
  return { ok: false, error: { message, offset } };
}

function termOf(operator: QueryOperator, value: string, offset: number): QueryTerm | QueryError {
  switch (operator) {
    case 'date':
      return dateTerm(value, offset);
    case 'class': {
      const level = LEVELS[value.toUpperCase().replace(/[\s_-]+/g, ' ')];
      if (!level)
        return {
          message: l10n.t('Unknown classification "{0}" (try secret, confidential, unclassified, top secret, sbu, s, c, u)', value),
          offset,
        };
      return { operator, value: level };
    }
    case 'caveat':
      return { operator, value: CAVEATS[value.toUpperCase()] ?? value.toUpperCase() };
    case 'cites':
    case 'citedby':
    case 'id':
      if (!/^\d{2}[A-Z][A-Z-]*\d+$/i.test(value))
        return { message: l10n.t('"{0}:" takes a reference id such as 06MADRID3104, not "{1}"', operator, value), offset };
      return { operator, value: value.toUpperCase() };
    default:
      return { operator, value: value.toUpperCase() };
  }
}

/** Levels as the index's classification labels begin, by what people type. */
const LEVELS: Readonly<Record<string, string>> = {
  'TOP SECRET': 'TOP SECRET',
  TOPSECRET: 'TOP SECRET',
  TS: 'TOP SECRET',
  SECRET: 'SECRET',
  S: 'SECRET',
  CONFIDENTIAL: 'CONFIDENTIAL',
  C: 'CONFIDENTIAL',
  UNCLASSIFIED: 'UNCLASSIFIED',
  UNCLAS: 'UNCLASSIFIED',
  U: 'UNCLASSIFIED',
  SBU: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
  FOUO: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
  'LIMITED OFFICIAL USE': 'LIMITED OFFICIAL USE',
  LOU: 'LIMITED OFFICIAL USE',
};

const CAVEATS: Readonly<Record<string, string>> = {
  FOUO: 'FOR OFFICIAL USE ONLY',
  SBU: 'FOR OFFICIAL USE ONLY',
  NF: 'NOFORN',
};

/** `2006`, `2006-01`, `2006-01-15`, or two of them around `..` (either side may be left open). */
function dateTerm(value: string, offset: number): QueryTerm | QueryError {
  const dots = value.indexOf('..');
  if (dots < 0) {
    const day = datePart(value);
    if (!day) return badDate(value, offset);
    return { operator: 'date', value, from: day.start, to: day.end };
  }
  const [low, high] = [value.slice(0, dots), value.slice(dots + 2)];
  if (low === '' && high === '') return badDate(value, offset);
  const start = low === '' ? undefined : datePart(low);
  const end = high === '' ? undefined : datePart(high);
  if (start === null || end === null || (low !== '' && !start) || (high !== '' && !end)) return badDate(value, offset);
  if (start && end && start.start >= end.end) return { message: l10n.t('The date range {0} ends before it starts', value), offset };
  return { operator: 'date', value, from: start?.start, to: end?.end };
}

function badDate(value: string, offset: number): QueryError {
  return { message: l10n.t('Bad date "{0}": write 2006, 2006-01, 2006-01-15, or a range such as 2006-01..2006-06', value), offset };
}

/** The minutes a year, month or day covers, or null when it is no such date. */
function datePart(text: string): { start: number; end: number } | null {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (month === undefined) return { start: minutes(year, 0, 1), end: minutes(year + 1, 0, 1) };
  if (day === undefined) return { start: minutes(year, month - 1, 1), end: minutes(year, month, 1) };
  const start = new Date(Date.UTC(year, month - 1, day));
  if (start.getUTCMonth() !== month - 1 || start.getUTCDate() !== day) return null;
  return { start: minutes(year, month - 1, day), end: minutes(year, month - 1, day + 1) };
}

function minutes(year: number, monthIndex: number, day: number): number {
  return Date.UTC(year, monthIndex, day) / 60_000;
}

/** A test of one entry for the parsed query: terms grouped by operator (alternatives), each group and every word must hold. */
export function matcher(query: ParsedQuery, context: QueryContext): (entry: Matchable) => boolean {
  const groups = new Map<QueryOperator, ((e: Matchable) => boolean)[]>();
  for (const term of query.terms) {
    const tests = groups.get(term.operator) ?? [];
    tests.push(termTest(term, context));
    groups.set(term.operator, tests);
  }
  const all = [...groups.values()];
  const words = query.words.map((w) => ({
    word: w,
    inOrigin: memo((origin) => origin.toUpperCase().includes(w)),
    inTags: memo((tags) => hasWord(tags, w)),
  }));
  // The longest word (the rarest, as a rule) found in one scan of a flat text: every other entry fails at once.
  const longest = query.words.reduce<string | undefined>((a, b) => (a === undefined || b.length > a.length ? b : a), undefined);
  const candidates = longest === undefined ? undefined : context.holding?.(longest);
  return (entry) => {
    if (candidates && !candidates.has(entry)) return false;
    // Plain loops: a closure per entry (`some`) made this twice as slow over 250,000 cables, most of it collecting garbage.
    for (let g = 0; g < all.length; g++) {
      const tests = all[g];
      let any = false;
      for (let t = 0; t < tests.length && !any; t++) any = tests[t](entry);
      if (!any) return false;
    }
    if (words.length === 0) return true;
    const subject = entry.subjectUpper ?? entry.subject?.toUpperCase() ?? '';
    for (const { word, inOrigin, inTags } of words) {
      if (subject.includes(word) || (entry.id ?? entry.name.toUpperCase()).includes(word)) continue;
      if (inOrigin(entry.origin) || inTags(entry.tags)) continue;
      return false;
    }
    return true;
  };
}

function termTest(term: QueryTerm, context: QueryContext): (e: Matchable) => boolean {
  switch (term.operator) {
    case 'from': {
      const v = term.value;
      const origin = memo((text) => text.toUpperCase().includes(v));
      return (e) => origin(e.origin) || e.routingIndicator?.toUpperCase() === v;
    }
    case 'to': {
      const v = term.value;
      const to = memo((text) => text.toUpperCase().includes(v));
      return (e) => to(e.to);
    }
    case 'tag': {
      const v = term.value;
      const tags = memo((text) => hasWord(text, v));
      return (e) => tags(e.tags);
    }
    case 'class': {
      const v = term.value;
      // `SECRET` is the level of `SECRET//NOFORN`; `UNCLASSIFIED//FOR OFFICIAL USE ONLY` asks for the caveat too.
      const level = memo((text) => text === v || text.startsWith(`${v}//`));
      return (e) => level(e.classification);
    }
    case 'caveat': {
      const v = term.value;
      const caveat = memo((text) => text.split('//').slice(1).includes(v));
      return (e) => caveat(e.classification);
    }
    case 'date': {
      const low = term.from ?? -Infinity;
      const high = term.to ?? Infinity;
      return (e) => e.dtgMinutes !== undefined && e.dtgMinutes >= low && e.dtgMinutes < high;
    }
    case 'id': {
      const v = term.value;
      return (e) => e.id === v;
    }
    case 'cites': {
      const v = term.value;
      return (e) => e.references.some((c) => context.resolve(c) === v) || e.cites.some((c) => c.id === v);
    }
    case 'citedby': {
      const cited = new Set<string>();
      for (const citing of context.entriesWithId(term.value)) {
        for (const c of citing.references) cited.add(context.resolve(c));
        for (const c of citing.cites) cited.add(c.id);
      }
      return (e) => e.id !== undefined && cited.has(e.id);
    }
  }
}

/**
 * A test of a field's text, remembered per text: origins, addressees, TAGS and classifications
 * repeat across a corpus (the index keeps one copy of each), so a filter over a quarter of a
 * million cables tests a few thousand strings.
 */
function memo(test: (text: string) => boolean): (text: string | undefined) => boolean {
  const known = new Map<string, boolean>();
  return (text) => {
    if (text === undefined) return false;
    let result = known.get(text);
    if (result === undefined) {
      result = test(text);
      known.set(text, result);
    }
    return result;
  };
}

/** TAGS are words: `tag:PREL` finds `PREL PGOV`, not `PRELX`. */
function hasWord(list: string | undefined, word: string): boolean {
  if (!list) return false;
  for (const part of list.toUpperCase().split(/[\s,;]+/)) if (part === word) return true;
  return false;
}
