#!/usr/bin/env node
// Generates the committed lookup tables under server/src/data/ from the shared research TSVs:
//
//   ../shared/data/routing-indicators.tsv  ->  server/src/data/routingIndicators.generated.ts
//   ../shared/data/tags.tsv                ->  server/src/data/tags.generated.ts
//   ../shared/data/codes.tsv               ->  server/src/data/codes.generated.ts
//   ../shared/data/offices.tsv             ->  server/src/data/offices.generated.ts
//
// The generated files are the source of truth at build time (a fresh clone builds without
// ../shared). Every TSV row is preserved verbatim; nothing is cleaned up here, so data problems
// stay visible (they are listed by --report). Plain Node ESM, no dependencies.
//
// Usage:
//   node scripts/generate-data.mjs              regenerate from ../shared/data
//   node scripts/generate-data.mjs --check      exit 1 if the committed files are stale
//   node scripts/generate-data.mjs --report     also print data-quality findings
//   node scripts/generate-data.mjs --from DIR   read the TSVs from DIR instead of ../shared/data
//
// Encoding: routing indicators and tags are one template-literal string per table, one TSV row
// per line, fields separated by "|" (the TSVs contain no "|"), split lazily on first use by
// server/src/data/index.ts. The long, repetitive "source" column is stored as an index into a
// small list of source families (the text before the first ": ") plus the rest of the value,
// so `family + ": " + detail` restores it exactly; the generator checks the round trip.
// codes.tsv is small and needs per-row alias lists, so it is emitted as an array of tuples.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const check = args.includes('--check');
const report = args.includes('--report');
const fromIndex = args.indexOf('--from');
const dataDir = fromIndex >= 0 ? path.resolve(args[fromIndex + 1] ?? '') : path.resolve(root, '../shared/data');
const outDir = path.join(root, 'server/src/data');
const GENERATOR = 'scripts/generate-data.mjs';

if (!existsSync(dataDir)) {
  console.error(`generate-data: ${dataDir} not found. The committed *.generated.ts files stay the source of truth.`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// TSV reading

/** @returns {{ header: string[], rows: string[][], sha256: string, relPath: string }} */
function readTsv(name, expectedHeader) {
  const file = path.join(dataDir, name);
  const text = readFileSync(file, 'utf8');
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  // Leading `#` lines document the table (method, sources); they are carried into the generated file.
  const comments = [];
  while (lines.length > 0 && lines[0].startsWith('#')) comments.push(lines.shift().replace(/^#\s?/, ''));
  const header = lines[0].split('\t');
  if (header.join('\t') !== expectedHeader.join('\t')) {
    throw new Error(
      `${name}: unexpected header ${JSON.stringify(header)}; expected ${JSON.stringify(expectedHeader)}. Update ${GENERATOR}.`,
    );
  }
  const rows = lines.slice(1).map((line, i) => {
    const fields = line.split('\t');
    if (fields.length !== header.length) {
      throw new Error(`${name}:${i + 2}: ${fields.length} fields, expected ${header.length}`);
    }
    for (const f of fields) {
      if (f.includes('|')) throw new Error(`${name}:${i + 2}: field contains "|", which the encoding uses as separator`);
    }
    return fields;
  });
  return {
    header,
    comments,
    rows,
    sha256: createHash('sha256').update(text).digest('hex'),
    relPath: `../shared/data/${name}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Encoding helpers

/** Splits a source value into a family (text before the first ": ") and the rest. */
function splitSource(source) {
  const at = source.indexOf(': ');
  return at < 0 ? [source, ''] : [source.slice(0, at), source.slice(at + 2)];
}

class SourceFamilies {
  constructor() {
    /** @type {string[]} */ this.list = [];
    /** @type {Map<string, number>} */ this.counts = new Map();
  }
  encode(source) {
    const [family, detail] = splitSource(source);
    let index = this.list.indexOf(family);
    if (index < 0) index = this.list.push(family) - 1;
    this.counts.set(family, (this.counts.get(family) ?? 0) + 1);
    const restored = detail === '' ? family : `${family}: ${detail}`;
    if (restored !== source) throw new Error(`source does not round-trip: ${JSON.stringify(source)}`);
    return [String(index), detail];
  }
}

/** Non-ASCII characters as \uXXXX (comments). */
function asciiText(s) {
  return s.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A double-quoted JS string literal, ASCII only (non-ASCII as \uXXXX keeps V8 on one-byte source). */
function tsString(s) {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Rows as ONE string literal, one row per source line ("...\n\" line continuations): as cheap to
 * parse as a single-line literal (measured faster than a template literal or an array of
 * strings) while keeping one-row-per-line diffs.
 */
function rowsLiteral(lines) {
  return `"${lines.map((l) => tsString(l).slice(1, -1)).join('\\n\\\n')}"`;
}

const today = new Date().toISOString().slice(0, 10);
const fmt = (n) => n.toLocaleString('en-US');

function header({ title, tsv, lines }) {
  return [
    `// ${title}`,
    `// Source: ${tsv.relPath} (sha256 ${tsv.sha256.slice(0, 16)}..., ${fmt(tsv.rows.length)} data rows)`,
    ...lines.map((l) => `// ${asciiText(l)}`),
    `// Generated on ${today} by ${GENERATOR}; do not edit. Re-run \`npm run generate-data\`.`,
    '',
  ].join('\n');
}

function familyLines(families, column) {
  return [
    `Source column "${column}" (the value of each row is kept verbatim; families with row counts):`,
    ...families.list.map((f, i) => `  [${i}] ${f} - ${fmt(families.counts.get(f) ?? 0)} row${families.counts.get(f) === 1 ? '' : 's'}`),
  ];
}

// ---------------------------------------------------------------------------------------------
// routing-indicators.tsv

const riTsv = readTsv('routing-indicators.tsv', ['routing_indicator', 'name', 'country', 'source']);
const riFamilies = new SourceFamilies();
const riLines = [];
const riKeys = new Set();
const riFindings = [];
const RANGE = /^(R[A-Z]+) THRU (R[A-Z]+)$/;
for (const [ri, name, country, source] of riTsv.rows) {
  riKeys.add(ri);
  const [fam, detail] = riFamilies.encode(source);
  riLines.push([ri, name, country, fam, detail].join('|').replace(/\|+$/, ''));
  const range = RANGE.exec(ri);
  if (range) {
    const [, first, last] = range;
    if (first.length !== last.length || first.slice(0, -1) !== last.slice(0, -1) || first > last) {
      riFindings.push(`range row with unexpected shape: ${ri}`);
    }
  } else if (!/^R[A-Z]{3,7}$/.test(ri)) {
    riFindings.push(`RI does not match ^R[A-Z]{3,7}$: ${ri}`);
  }
  if (/\s{2,}|^\s|\s$/.test(name)) riFindings.push(`${ri}: irregular whitespace in name ${JSON.stringify(name)}`);
}
{
  const countries = new Map();
  let empty = 0;
  for (const [ri, , country] of riTsv.rows) {
    if (country === '') empty++;
    else if (country !== '(collective)') countries.set(ri, new Set([...(countries.get(ri) ?? []), country]));
  }
  riFindings.push(`${empty} rows have an empty country`);
  for (const [ri, set] of countries) if (set.size > 1) riFindings.push(`${ri}: several countries: ${[...set].join(' | ')}`);
}
const riRangeCount = [...riKeys].filter((k) => RANGE.test(k)).length;

const riFile =
  header({
    title: 'Routing indicators (RIs) -> station names, from ACP 117 and Cablegate headers.',
    tsv: riTsv,
    lines: [
      ...familyLines(riFamilies, 'source'),
      `${fmt(riTsv.rows.length)} rows, ${fmt(riKeys.size)} distinct keys (${fmt(riKeys.size - riRangeCount)} RIs + ${riRangeCount} "X THRU Y" range rows).`,
      'Several RIs map to many names (shared gateways such as RUEHC, RUEKJCS, RHMFISS): all are kept.',
    ],
  }) +
  `
/** Source families of the TSV "source" column: value = family, or family + ": " + detail. */
export const RI_SOURCE_FAMILIES: readonly string[] = [
${riFamilies.list.map((f) => `  ${tsString(f)},`).join('\n')}
];

/** Number of data rows in routing-indicators.tsv. */
export const RI_ROW_COUNT = ${riTsv.rows.length};

/** Number of distinct values of the routing_indicator column (RIs and range rows). */
export const RI_KEY_COUNT = ${riKeys.size};

/**
 * One TSV row per line, in file order: routing_indicator|name|country|sourceFamily|sourceDetail
 * (trailing empty fields omitted). Parsed lazily by ./index.ts.
 */
export const RI_ROWS =
  ${rowsLiteral(riLines)};
`;

// ---------------------------------------------------------------------------------------------
// tags.tsv

const tagTsv = readTsv('tags.tsv', ['tag', 'kind', 'meaning', 'confidence', 'corpus_cables', 'source']);
const tagFamilies = new SourceFamilies();
const tagLines = [];
const tagKeys = new Map();
const tagFindings = [];
const tagKinds = new Map();
for (const [tag, kind, meaning, confidence, corpus, source] of tagTsv.rows) {
  const key = tag.toUpperCase();
  if (tagKeys.has(key)) tagFindings.push(`duplicate tag ${tag}`);
  tagKeys.set(key, tag);
  tagKinds.set(kind, (tagKinds.get(kind) ?? 0) + 1);
  if (corpus !== '' && !/^\d+$/.test(corpus)) tagFindings.push(`${tag}: corpus_cables is not a number: ${corpus}`);
  if (/unverified/i.test(meaning)) tagFindings.push(`${tag}: meaning marked unverified (${confidence}): ${meaning}`);
  const [fam, detail] = tagFamilies.encode(source);
  tagLines.push([tag, kind, meaning, confidence, corpus, fam, detail].join('|').replace(/\|+$/, ''));
}

const tagFile =
  header({
    title: 'TAGS (Traffic Analysis by Geography and Subject) codes with kind, meaning and confidence.',
    tsv: tagTsv,
    lines: [...familyLines(tagFamilies, 'source'), `Kinds: ${[...tagKinds].map(([k, n]) => `${k} ${n}`).join(', ')}.`],
  }) +
  `
/** Source families of the TSV "source" column: value = family, or family + ": " + detail. */
export const TAG_SOURCE_FAMILIES: readonly string[] = [
${tagFamilies.list.map((f) => `  ${tsString(f)},`).join('\n')}
];

/** Number of data rows in tags.tsv. */
export const TAG_ROW_COUNT = ${tagTsv.rows.length};

/**
 * One TSV row per line, in file order: tag|kind|meaning|confidence|corpus_cables|sourceFamily|sourceDetail
 * (trailing empty fields omitted). Parsed lazily by ./index.ts.
 */
export const TAG_ROWS =
  ${rowsLiteral(tagLines)};
`;

// ---------------------------------------------------------------------------------------------
// codes.tsv

const codeTsv = readTsv('codes.tsv', ['code', 'category', 'meaning', 'where it appears / example', 'source / confidence']);

/**
 * Codes whose TSV spelling is a placeholder, matched by a pattern instead of literally
 * (regular expression source, tested against the upper-cased, space-collapsed input).
 */
const CODE_PATTERNS = new Map([
  ['(CCY ...)', '^\\(CCY\\b'],
  ['#NNNN', '^#\\d{4}(/\\d{2})?$'],
  ['1.4 (B) (D) / 1.5 (B) (D)', '^(REASONS?:? )?1\\.[45] ?\\(?[A-H]\\b'],
]);

/** Lookup spellings of one codes.tsv "code" value (e.g. "O / P / R / Z" -> O, P, R, Z). */
function codeAliases(code) {
  const parts = code.split(' / ').map((p) => p.trim());
  const out = [];
  let numberPrefix = '';
  parts.forEach((part, i) => {
    let p = part;
    if (i === 0) {
      const m = /^(E\.O\. )\d+$/.exec(p);
      if (m) numberPrefix = m[1];
    } else if (numberPrefix && /^\d+$/.test(p)) {
      p = numberPrefix + p; // "E.O. 12356 / 12065" -> "E.O. 12065"
    }
    const groups = p.match(/\([^()]*\)/g);
    if (groups && groups.length > 1 && groups.join(' ') === p.replace(/\s+/g, ' ')) out.push(...groups);
    else out.push(p);
  });
  return [...new Set(out.map((a) => a.toUpperCase().replace(/\s+/g, ' ')))];
}

/** Same normalisation as looseCodeKey() in server/src/data/index.ts. */
const looseKey = (s) =>
  s
    .toUpperCase()
    .replace(/[\s.:()]+/g, '')
    .replace(/\/{2,}/g, '/');

const codeFindings = [];
const exactOwner = new Map();
const looseOwner = new Map();
const codeTuples = codeTsv.rows.map(([code, category, meaning, example, source]) => {
  const aliases = codeAliases(code);
  for (const a of aliases) {
    if (exactOwner.has(a)) codeFindings.push(`alias ${a} of ${code} already used by ${exactOwner.get(a)}`);
    else exactOwner.set(a, code);
    const lk = looseKey(a);
    if (looseOwner.has(lk) && looseOwner.get(lk) !== code)
      codeFindings.push(`loose key ${lk} of ${code} shadowed by ${looseOwner.get(lk)}`);
    else looseOwner.set(lk, code);
  }
  const pattern = CODE_PATTERNS.get(code) ?? '';
  return [code, category, meaning, example, source, aliases, pattern];
});
for (const key of CODE_PATTERNS.keys()) {
  if (!codeTsv.rows.some((r) => r[0] === key)) throw new Error(`CODE_PATTERNS: ${key} is no longer in codes.tsv`);
}

const codeFile =
  header({
    title: 'Prosigns, operating signals, captions, markings and E.O. forms found in cables.',
    tsv: codeTsv,
    lines: [
      'Source column "source / confidence" is kept verbatim per row; it cites 5 FAH-2/5 FAH-1 sections,',
      'ACP 127/131, heuer/cablemap and corpus counts (shared/corpus/real) as stated in each row.',
      'The alias list and the optional pattern are derived by the generator (see codeAliases / CODE_PATTERNS).',
    ],
  }) +
  `
/** Number of data rows in codes.tsv. */
export const CODE_ROW_COUNT = ${codeTsv.rows.length};

/**
 * [code, category, meaning, example ("where it appears / example"), source ("source / confidence"),
 *  lookup aliases (upper case), pattern (RegExp source, "" when none)]; one tuple per TSV row.
 */
export const CODE_ROWS: ReadonlyArray<readonly [string, string, string, string, string, readonly string[], string]> = [
${codeTuples
  .map(
    ([code, category, meaning, example, source, aliases, pattern]) =>
      `  [${[code, category, meaning, example, source].map(tsString).join(', ')}, [${aliases.map(tsString).join(', ')}], ${tsString(pattern)}],`,
  )
  .join('\n')}
];
`;

// ---------------------------------------------------------------------------------------------
// offices.tsv

const officeTsv = readTsv('offices.tsv', ['code', 'meaning', 'kind', 'era', 'confidence', 'source', 'occurrences']);
const officeFindings = [];
const officeKeys = new Set();
for (const [code, , kind, , confidence, , occurrences] of officeTsv.rows) {
  if (officeKeys.has(code)) officeFindings.push(`duplicate office code ${code}`);
  officeKeys.add(code);
  if (!['high', 'medium', 'low'].includes(confidence)) officeFindings.push(`${code}: unexpected confidence ${confidence}`);
  if (!/^\d+$/.test(occurrences)) officeFindings.push(`${code}: occurrences is not a number: ${occurrences}`);
  if (!['bureau', 'staff', 'office', 'agency-distribution', 'other'].includes(kind))
    officeFindings.push(`${code}: unexpected kind ${kind}`);
}

const officeFile =
  header({
    title: 'Office symbols and distribution codes of State Department telegrams (1973-2010), with meaning, era and confidence.',
    tsv: officeTsv,
    lines: ['The notes of the TSV, verbatim (method, conventions and the sources the source column cites):', ...officeTsv.comments],
  }) +
  `
/** Number of data rows in offices.tsv. */
export const OFFICE_ROW_COUNT = ${officeTsv.rows.length};

/** [code, meaning, kind, era, confidence, source, occurrences]; one tuple per TSV row, in file order. */
export const OFFICE_ROWS: ReadonlyArray<readonly [string, string, string, string, string, string, number]> = [
${officeTsv.rows
  .map(
    ([code, meaning, kind, era, confidence, source, occurrences]) =>
      `  [${[code, meaning, kind, era, confidence, source].map(tsString).join(', ')}, ${Number(occurrences)}],`,
  )
  .join('\n')}
];
`;

// ---------------------------------------------------------------------------------------------
// Write or check

const outputs = [
  ['routingIndicators.generated.ts', riFile],
  ['tags.generated.ts', tagFile],
  ['codes.generated.ts', codeFile],
  ['offices.generated.ts', officeFile],
];

const withoutDate = (s) => s.replace(/^\/\/ Generated on \d{4}-\d{2}-\d{2} /m, '// Generated on ');
let stale = 0;
for (const [name, text] of outputs) {
  const file = path.join(outDir, name);
  if (/[^\x00-\x7e]/.test(text)) throw new Error(`${name}: generated text is not ASCII`);
  if (check) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (withoutDate(current) !== withoutDate(text)) {
      console.error(`stale: server/src/data/${name}`);
      stale++;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote server/src/data/${name} (${fmt(Buffer.byteLength(text))} bytes)`);
  }
}
console.log(
  `routing-indicators.tsv: ${fmt(riTsv.rows.length)} rows, ${fmt(riKeys.size)} distinct keys (${riRangeCount} ranges); ` +
    `tags.tsv: ${fmt(tagTsv.rows.length)} rows; codes.tsv: ${fmt(codeTsv.rows.length)} rows; offices.tsv: ${fmt(officeTsv.rows.length)} rows`,
);
if (report) {
  for (const f of [...riFindings, ...tagFindings, ...codeFindings, ...officeFindings]) console.log(`note: ${f}`);
}
if (check && stale > 0) {
  console.error('generate-data: committed data is stale; run `npm run generate-data`.');
  process.exit(1);
}
