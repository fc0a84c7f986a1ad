// Tests for server/src/data: routing indicators, TAGS, codes, precedence, classification reasons.
// The row-count/round-trip checks compare the committed generated tables with ../shared/data
// when that folder exists (it does not in a fresh clone; those checks are then skipped).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  allClassificationReasons,
  allCodes,
  allOffices,
  lookupOffice,
  allRoutingIndicators,
  allTags,
  classificationReason,
  dataStats,
  explainRoutingIndicator,
  lookupCode,
  lookupRoutingIndicator,
  lookupTag,
  precedenceMeaning,
  searchRoutingIndicators,
  searchTags,
} from '../../server/src/data/index';

const root = path.resolve(__dirname, '../../..');
const sharedData = path.resolve(root, '../shared/data');
const compiledIndex = path.resolve(__dirname, '../../server/src/data/index.js');

function readTsv(name: string): string[][] {
  const text = readFileSync(path.join(sharedData, name), 'utf8').replace(/\r\n?/g, '\n');
  const lines = text.split('\n').filter((line) => line !== '');
  // offices.tsv opens with `#` notes before its header row.
  while (lines[0]?.startsWith('#')) lines.shift();
  return lines.slice(1).map((line) => line.split('\t'));
}

const NO_SHARED = `skipped: ${sharedData} is absent (fresh clone); the generated tables are the source of truth`;

// ---------------------------------------------------------------------------------------------
// Routing indicators

test('RUEHBW is AMEMBASSY BELGRADE, whatever the case', () => {
  for (const input of ['RUEHBW', 'ruehbw', '  RuehBw ', 'RUEHBW/AMEMBASSY BELGRADE']) {
    const info = lookupRoutingIndicator(input);
    assert.ok(info, input);
    assert.equal(info.ri, 'RUEHBW');
    assert.deepEqual(info.names, ['AMEMBASSY BELGRADE']);
    assert.equal(info.country, 'Serbia');
    assert.match(info.source, /cable headers in corpus/);
  }
});

test('shared gateways keep all their names: RUEHC, RUEKJCS, RHMFISS', () => {
  const c = lookupRoutingIndicator('ruehc');
  assert.ok(c);
  assert.ok(c.names.length > 1, 'RUEHC has several names');
  assert.equal(c.names[0], 'SECSTATE WASHDC', 'most frequently seen name first');
  assert.ok(c.names.includes('DEPT OF STATE WASHINGTON DC'));
  assert.equal(c.country, 'United States', '"(collective)" does not make the country ambiguous');
  assert.match(c.source, /ACP 117/);
  assert.match(c.source, /cable headers in corpus/);
  assert.equal(c.stations.length, c.names.length);

  const jcs = lookupRoutingIndicator('RUEKJCS');
  assert.ok(jcs && jcs.names.includes('SECDEF WASHDC') && jcs.names.includes('JOINT STAFF WASHDC'));

  const mf = lookupRoutingIndicator('RHMFISS');
  assert.ok(mf && mf.names.length > 50);
  assert.equal(mf.country, undefined, 'commands in several countries: no single country');
  assert.ok(mf.countries.includes('Germany') && mf.countries.includes('United States'));
});

test('range rows cover the RIs in their range', () => {
  const inRange = lookupRoutingIndicator('rhfjaab');
  assert.ok(inRange);
  assert.equal(inRange.stations[0].range, 'RHFJAAA THRU RHFJAAZ');
  assert.deepEqual(inRange.names, ['NAVCOMTELSTA JACKSONVILLE FL']);
  const key = lookupRoutingIndicator('RHFJAAA THRU RHFJAAZ');
  assert.deepEqual(key?.range, { first: 'RHFJAAA', last: 'RHFJAAZ' });
  // RULGPQZ is both a row of its own and the end of a range: both are reported.
  const both = lookupRoutingIndicator('RULGPQZ');
  assert.ok(both && both.names.includes('CTG 40.0') && both.names.includes('NAVCOMTELSTA JACKSONVILLE FL'));
  assert.equal(lookupRoutingIndicator('RHFJABA'), undefined, 'outside every range');
});

test('unknown RIs are undefined but still explained', () => {
  assert.equal(lookupRoutingIndicator('RUEHQQQ'), undefined);
  assert.equal(lookupRoutingIndicator(''), undefined);
  const lines = explainRoutingIndicator('RUEHQQQ');
  assert.ok(lines.length >= 5, lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('Position 1 "R"')));
  assert.ok(lines.some((l) => l.includes('United States')));
  assert.ok(lines.some((l) => l.includes('Department of State')));
  assert.ok(lines.some((l) => l.includes('not in the routing table')));
  assert.ok(lines.some((l) => l.includes('Longest known prefix: RUEH')));
  assert.deepEqual(explainRoutingIndicator('ruehqqq'), lines);

  assert.ok(explainRoutingIndicator('RHMFISS').some((l) => l.includes('DISA')));
  assert.ok(explainRoutingIndicator('RUEHC').some((l) => l.includes('shared by')));
  assert.ok(explainRoutingIndicator('RUEHWEB').some((l) => l.includes('pseudo-destination')));
  assert.match(explainRoutingIndicator('QUEHBW')[0], /does not start with R/);
  assert.match(explainRoutingIndicator('RUEH1')[0], /not a routing indicator/);
});

test('search: "RUEHB" lists posts with Belgrade among the first; "belgrade" finds RUEHBW', () => {
  const byPrefix = searchRoutingIndicators('RUEHB', 20);
  assert.ok(byPrefix.length > 5);
  assert.ok(byPrefix.every((r) => r.ri.startsWith('RUEHB')));
  const at = byPrefix.findIndex((r) => r.ri === 'RUEHBW');
  assert.ok(at >= 0 && at < 10, `RUEHBW at ${at}`);
  assert.equal(searchRoutingIndicators('ruehbw', 5)[0].ri, 'RUEHBW', 'exact RI first');

  assert.equal(searchRoutingIndicators('belgrade', 10)[0]?.ri, 'RUEHBW');
  assert.equal(searchRoutingIndicators('BELGR', 10)[0]?.ri, 'RUEHBW', 'word prefix');
  assert.ok(searchRoutingIndicators('new york', 10).some((r) => r.ri === 'RUCNDT'));
  assert.ok(
    searchRoutingIndicators('Serbia', 10).some((r) => r.ri === 'RUEHBW'),
    'country words',
  );
  assert.equal(searchRoutingIndicators('RUEHB', 3).length, 3, 'limit');
  assert.equal(searchRoutingIndicators('', 1)[0]?.ri, 'RUEHC', 'empty query: most used first');
  assert.deepEqual(searchRoutingIndicators('zzzzqqq', 10), []);
});

test('table size is self-consistent', () => {
  const stats = dataStats();
  const all = allRoutingIndicators();
  assert.equal(all.length, stats.routingIndicatorKeys);
  const ownRows = all.reduce((n, r) => n + r.stations.filter((s) => s.range === undefined).length, 0);
  assert.equal(ownRows, stats.routingIndicatorRows);
  assert.equal(allTags().length, stats.tagRows);
  assert.equal(allCodes().length, stats.codeRows);
  assert.equal(allOffices().length, stats.officeRows);
});

test('row counts and contents equal ../shared/data/*.tsv', (t) => {
  if (!existsSync(sharedData)) {
    t.skip(NO_SHARED);
    return;
  }
  const stats = dataStats();
  const ri = readTsv('routing-indicators.tsv');
  const tags = readTsv('tags.tsv');
  const codes = readTsv('codes.tsv');
  assert.equal(stats.routingIndicatorRows, ri.length, 'routing-indicators.tsv rows');
  assert.equal(stats.routingIndicatorKeys, new Set(ri.map((r) => r[0])).size, 'distinct RIs');
  assert.equal(stats.tagRows, tags.length, 'tags.tsv rows');
  assert.equal(stats.codeRows, codes.length, 'codes.tsv rows');
  t.diagnostic(
    `routing-indicators.tsv ${ri.length} rows / ${new Set(ri.map((r) => r[0])).size} keys; ` +
      `tags.tsv ${tags.length} rows; codes.tsv ${codes.length} rows`,
  );

  // Every row survives the generator verbatim.
  for (const [key, name, country, source] of ri) {
    const info = lookupRoutingIndicator(key);
    assert.ok(info, key);
    const station = info.stations.find((s) => s.name === name && s.range === undefined);
    assert.ok(station, `${key} ${name}`);
    assert.equal(station.country ?? '', country, `${key} ${name} country`);
    assert.equal(station.source, source, `${key} ${name} source`);
  }
  for (const [tag, kind, meaning, confidence, corpus, source] of tags) {
    const info = lookupTag(tag);
    assert.ok(info, tag);
    assert.deepEqual(
      [info.tag, info.kind, info.meaning, info.confidence, info.corpusCables === undefined ? '' : String(info.corpusCables), info.source],
      [tag, kind, meaning, confidence, corpus, source],
    );
  }
  const offices = readTsv('offices.tsv');
  assert.equal(stats.officeRows, offices.length, 'offices.tsv rows');
  assert.deepEqual(
    allOffices().map((o) => [o.code, o.meaning, o.kind, o.era ?? '', o.confidence, o.source, String(o.occurrences)]),
    offices,
  );
  assert.deepEqual(
    allCodes().map((c) => [c.code, c.category, c.meaning, c.example ?? '—', c.source]),
    codes.map(([code, category, meaning, example, source]) => [code, category, meaning, example === '' ? '—' : example, source]),
  );
});

// ---------------------------------------------------------------------------------------------
// Office symbols

test('office symbols: bureaus, distribution forms, OCR spacing and the nearest listed parent', () => {
  assert.match(lookupOffice('EUR')?.info.meaning ?? '', /European/);
  assert.equal(lookupOffice('eur')?.info.code, 'EUR', 'case-insensitive');
  assert.equal(lookupOffice('S/S')?.info.kind, 'staff');
  assert.equal(lookupOffice('EUR/ WE')?.info.code, 'EUR/WE', 'OCR space after the slash');
  const cia = lookupOffice('CIAE');
  assert.ok(cia && !cia.parent, 'the E form of a distribution code is listed');
  const child = lookupOffice('EUR/WE/XYZQ');
  assert.deepEqual([child?.info.code, child?.parent], ['EUR/WE', true]);
  assert.equal(lookupOffice('ZZQQ'), undefined);
  assert.equal(lookupOffice(''), undefined);
  const low = allOffices().filter((o) => o.confidence === 'low');
  assert.ok(low.length > 0 && low.every((o) => o.meaning !== ''), 'low-confidence rows keep their meaning');
});

// ---------------------------------------------------------------------------------------------
// TAGS

test('tags PREL, PGOV, RS resolve, case-insensitively', () => {
  const prel = lookupTag('prel');
  assert.equal(prel?.tag, 'PREL');
  assert.equal(prel?.kind, 'subject');
  assert.match(prel?.meaning ?? '', /External Political Relations/);
  assert.equal(prel?.confidenceLevel, 'high');
  assert.equal(lookupTag('PGOV')?.meaning, 'Political Affairs--Government; Internal Governmental Affairs');
  const rs = lookupTag(' rs ');
  assert.equal(rs?.kind, 'geo');
  assert.equal(rs?.meaning, 'Russia');
  assert.equal(lookupTag('KNNP')?.kind, 'program');
  assert.equal(lookupTag('NATO')?.kind, 'organization');
  assert.equal(lookupTag('RU'), undefined, 'ISO code, not a TAGS code');

  const p = searchTags('p', 5);
  assert.equal(p[0].tag, 'PREL', 'most used first');
  assert.ok(p.every((x) => x.tag.startsWith('P')));
  assert.equal(searchTags('russia', 5)[0]?.tag, 'RS', 'meaning words');
  assert.equal(searchTags('PGOV', 5)[0]?.tag, 'PGOV');
});

// ---------------------------------------------------------------------------------------------
// Codes, precedence, classification reasons

test('codes resolve by any spelling', () => {
  assert.equal(lookupCode('zny')?.category, 'operating signal (FL4)');
  assert.equal(lookupCode('oo')?.meaning.startsWith('IMMEDIATE'), true);
  assert.equal(lookupCode('SIPDIS')?.category, 'caption');
  assert.equal(lookupCode('nodis')?.code, 'NODIS');
  assert.equal(lookupCode('EO 12958')?.code, 'E.O. 12958');
  assert.equal(lookupCode('E.O. 12065')?.code, 'E.O. 12356 / 12065 / 11652');
  assert.equal(lookupCode('(s//nf)')?.category, 'portion mark');
  assert.equal(lookupCode('S//NF')?.code, lookupCode('(S/NF)')?.code);
  assert.equal(lookupCode('DECL')?.code, 'DECL:');
  assert.equal(lookupCode('Z')?.code, 'O / P / R / Z');
  assert.equal(lookupCode('#5608')?.code, '#NNNN');
  assert.equal(lookupCode('(CCY AD6CB6C9 WSC6493 634)')?.code, '(CCY ...)');
  assert.equal(lookupCode('C O N F I D E N T I A L')?.category, 'classification line');
  assert.equal(lookupCode('Y')?.example, undefined, '"—" means no example');
  assert.equal(lookupCode('ZNY')?.confidence, 'medium (wording)');
  assert.equal(lookupCode('NOT A CODE'), undefined);
  for (const c of allCodes()) {
    for (const a of c.aliases) assert.equal(lookupCode(a)?.code, c.code, `alias ${a}`);
  }
});

test('precedence prosigns and words', () => {
  assert.equal(precedenceMeaning('Z')?.word, 'FLASH');
  assert.equal(precedenceMeaning('zz')?.word, 'FLASH');
  assert.equal(precedenceMeaning('OO')?.word, 'IMMEDIATE');
  assert.equal(precedenceMeaning('p')?.word, 'PRIORITY');
  assert.equal(precedenceMeaning('ROUTINE')?.prosign, 'R');
  const niact = precedenceMeaning('niact  immediate');
  assert.equal(niact?.prosign, 'O');
  assert.equal(niact?.niact, true);
  assert.equal(niact?.rank, precedenceMeaning('O')?.rank);
  assert.ok((precedenceMeaning('Z')?.rank ?? 0) > (precedenceMeaning('O')?.rank ?? 0));
  assert.ok((precedenceMeaning('P')?.rank ?? 0) > (precedenceMeaning('R')?.rank ?? 0));
  assert.equal(precedenceMeaning('X'), undefined);
});

test('classification reasons 1.4 (a)-(h) and 1.5 (a)-(g)', () => {
  assert.equal(classificationReason('b')?.text, 'foreign government information');
  assert.match(classificationReason('(D)')?.text ?? '', /^foreign relations or foreign activities of the United States/);
  assert.equal(classificationReason('1.4(h)')?.title, 'Weapons of mass destruction');
  assert.equal(classificationReason('1.5 (d)')?.section, '1.5');
  assert.equal(classificationReason('h', '1.5'), undefined, '1.5 had no (h)');
  assert.equal(classificationReason('i'), undefined);
  assert.equal(allClassificationReasons().length, 8);
  assert.equal(allClassificationReasons('1.5').length, 7);
});

// ---------------------------------------------------------------------------------------------
// Lazy loading: measured in a fresh process, printed, not asserted.

test('lazy loading cost (import + first lookup), printed', (t) => {
  // An empty module is required first so Node's one-off module-loader warm-up is not counted.
  const dir = mkdtempSync(path.join(tmpdir(), 'cable-data-timing-'));
  const empty = path.join(dir, 'empty.js');
  writeFileSync(empty, '');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // Wall time (performance.now) and CPU time (process.cpuUsage; less sensitive to a busy machine).
  const script = `
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const w0 = performance.now();
    require(${JSON.stringify(empty)});
    const warmupMs = performance.now() - w0;
    const t0 = performance.now(), c0 = cpu();
    const d = require(${JSON.stringify(compiledIndex)});
    const t1 = performance.now(), c1 = cpu();
    const hit = d.lookupRoutingIndicator('RUEHBW');
    const t2 = performance.now(), c2 = cpu();
    d.lookupTag('PREL'); d.lookupCode('ZNY');
    const t3 = performance.now();
    d.searchRoutingIndicators('RUEHB', 20);
    const t4 = performance.now();
    d.allRoutingIndicators();
    const t5 = performance.now();
    process.stdout.write(JSON.stringify({ ok: hit !== undefined, loaderWarmupMs: warmupMs,
      importMs: t1 - t0, importCpuMs: c1 - c0, firstRiLookupMs: t2 - t1, firstRiLookupCpuMs: c2 - c1,
      firstTagAndCodeLookupMs: t3 - t2, firstSearchMs: t4 - t3, allRoutingIndicatorsMs: t5 - t4 }));
  `;
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const r = JSON.parse(out) as Record<string, number | boolean>;
    assert.equal(r.ok, true);
    const nums: Record<string, number> = {};
    for (const [k, v] of Object.entries(r)) if (typeof v === 'number') nums[k] = v;
    runs.push(nums);
  }
  const summary = Object.keys(runs[0])
    .map((k) => {
      const v = runs.map((r) => r[k]).sort((a, b) => a - b);
      return `${k} min ${v[0].toFixed(2)} / median ${v[2].toFixed(2)} ms`;
    })
    .join('; ');
  t.diagnostic(`5 fresh processes: ${summary}`);
  console.log(`data lazy-loading timing (5 fresh processes): ${summary}`);
});
