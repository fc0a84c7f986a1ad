// The Cables view's filter language: every operator, ranges, quotes, alternatives, and bad queries
// with the message that names the problem. Matching runs over entries of genuine corpus cables.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from '../../server/src/cable/parse';
import { type CableEntry, entriesOf } from '../../server/src/workspace/entry';
import { matcher, type ParsedQuery, parseQuery, type QueryContext } from '../../server/src/workspace/query';
import { CORPUS, corpusAvailable } from '../util';

const skip = !corpusAvailable() && 'needs ../shared/corpus';

function parsed(text: string): ParsedQuery {
  const result = parseQuery(text);
  if (!result.ok) assert.fail(`${text}: ${result.error.message}`);
  return result.query;
}

function error(text: string): { message: string; offset: number } {
  const result = parseQuery(text);
  assert.equal(result.ok, false, `${text} should not parse`);
  return (result as { error: { message: string; offset: number } }).error;
}

const minutes = (iso: string) => Date.parse(iso) / 60_000;

test('query: every operator, bare words and quoted phrases', () => {
  const q = parsed(
    'from:MADRID to:secstate tag:PREL class:secret caveat:noforn date:2006-01..2006-06 cites:06MADRID3104 citedby:07madrid173 id:06MADRID1914 "cia  flights" spain',
  );
  assert.deepEqual(
    q.terms.map((t) => [t.operator, t.value]),
    [
      ['from', 'MADRID'],
      ['to', 'SECSTATE'],
      ['tag', 'PREL'],
      ['class', 'SECRET'],
      ['caveat', 'NOFORN'],
      ['date', '2006-01..2006-06'],
      ['cites', '06MADRID3104'],
      ['citedby', '07MADRID173'],
      ['id', '06MADRID1914'],
    ],
  );
  assert.deepEqual(q.words, ['CIA FLIGHTS', 'SPAIN']);
  const date = q.terms.find((t) => t.operator === 'date');
  assert.ok(date && date.operator === 'date');
  assert.equal(date.from, minutes('2006-01-01T00:00Z'));
  assert.equal(date.to, minutes('2006-07-01T00:00Z'), 'a month at the end of a range counts whole');
});

test('query: dates — year, month, day, open ranges; quoted values; commas are alternatives; aliases', () => {
  const one = (text: string) => parsed(text).terms[0] as { from?: number; to?: number; value: string };
  assert.deepEqual([one('date:2006').from, one('date:2006').to], [minutes('2006-01-01T00:00Z'), minutes('2007-01-01T00:00Z')]);
  assert.deepEqual([one('date:2008-02').from, one('date:2008-02').to], [minutes('2008-02-01T00:00Z'), minutes('2008-03-01T00:00Z')]);
  assert.deepEqual([one('date:2008-02-29').from, one('date:2008-02-29').to], [minutes('2008-02-29T00:00Z'), minutes('2008-03-01T00:00Z')]);
  assert.deepEqual([one('date:2006-03..').from, one('date:2006-03..').to], [minutes('2006-03-01T00:00Z'), undefined]);
  assert.deepEqual([one('date:..2006').from, one('date:..2006').to], [undefined, minutes('2007-01-01T00:00Z')]);
  assert.equal(one('class:"top secret"').value, 'TOP SECRET');
  assert.equal(one('class:ts').value, 'TOP SECRET');
  assert.equal(one('class:C').value, 'CONFIDENTIAL');
  assert.equal(one('class:sbu').value, 'UNCLASSIFIED//FOR OFFICIAL USE ONLY');
  assert.equal(one('caveat:fouo').value, 'FOR OFFICIAL USE ONLY');
  assert.equal(one('from:"AMEMBASSY MADRID"').value, 'AMEMBASSY MADRID');
  assert.deepEqual(
    parsed('tag:PREL,pgov').terms.map((t) => t.value),
    ['PREL', 'PGOV'],
  );
  assert.deepEqual(parsed('   ').terms, []);
  assert.deepEqual(parsed('').words, []);
});

test('query: bad queries name the problem and where it is', () => {
  const unknown = error('tag:PREL frm:MADRID');
  assert.match(unknown.message, /Unknown operator "frm:"/);
  assert.match(unknown.message, /from, to, tag/);
  assert.equal(unknown.offset, 9);
  assert.match(error('date:2006-13').message, /Bad date "2006-13"/);
  assert.match(error('date:2006-02-30').message, /Bad date/);
  assert.match(error('date:06-01').message, /Bad date/);
  assert.match(error('date:..').message, /Bad date/);
  assert.match(error('date:2006-06..2006-01').message, /ends before it starts/);
  const unclosed = error('tag:PREL "cia flights');
  assert.match(unclosed.message, /Unclosed quote/);
  assert.equal(unclosed.offset, 9);
  assert.match(error('from:"madrid').message, /Unclosed quote/);
  assert.match(error('tag:').message, /"tag:" needs a value/);
  assert.match(error('from: MADRID').message, /"from:" needs a value/);
  assert.match(error('from:""').message, /"from:" needs a value/);
  assert.match(error('tag:PREL,,PGOV').message, /empty value between commas/);
  assert.match(error(':MADRID').message, /needs an operator/);
  assert.match(error('class:purple').message, /Unknown classification "purple"/);
  assert.match(error('cites:MADRID').message, /reference id such as 06MADRID3104/);
  assert.match(error('madrid"x').message, /A quote must start/);
});

/** Every cable of the corpus, as index entries, read once. */
function corpusEntries(): CableEntry[] {
  const names = readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0])
    .filter((name) => name.endsWith('.txt'));
  return names.flatMap((name) => entriesOf(parse(readFileSync(path.join(CORPUS, name), 'utf8'))));
}

function contextOver(entries: readonly CableEntry[]): QueryContext {
  return { resolve: (c) => c.id, entriesWithId: (id) => entries.filter((e) => e.id === id) };
}

test('query: each operator matches what the entry fields say, over the corpus', { skip }, () => {
  const entries = corpusEntries();
  assert.ok(entries.length > 1000);
  const run = (text: string) => entries.filter(matcher(parsed(text), contextOver(entries)));
  const upper = (s: string | undefined) => (s ?? '').toUpperCase();
  const tagsOf = (e: CableEntry) => upper(e.tags).split(/[\s,;]+/);

  const madrid = run('from:madrid');
  assert.ok(madrid.length > 0);
  assert.deepEqual(
    madrid,
    entries.filter((e) => upper(e.origin).includes('MADRID') || e.routingIndicator === 'MADRID'),
  );

  const toState = run('to:SECSTATE');
  assert.ok(toState.length > 0, 'the TO addressees are in the entry');
  assert.ok(toState.length < entries.length);
  assert.deepEqual(
    toState,
    entries.filter((e) => upper(e.to).includes('SECSTATE')),
  );

  const prel = run('tag:prel');
  assert.ok(prel.length > 0);
  assert.deepEqual(
    prel,
    entries.filter((e) => tagsOf(e).includes('PREL')),
  );
  const either = run('tag:PREL tag:PGOV');
  assert.deepEqual(
    either,
    entries.filter((e) => tagsOf(e).includes('PREL') || tagsOf(e).includes('PGOV')),
  );
  assert.ok(either.length > prel.length);
  const both = run('tag:PREL from:MADRID');
  assert.deepEqual(
    both,
    prel.filter((e) => madrid.includes(e)),
  );

  const secret = run('class:secret');
  assert.ok(
    secret.some((e) => e.classification === 'SECRET//NOFORN'),
    'the level includes its caveated labels',
  );
  assert.deepEqual(
    secret,
    entries.filter((e) => e.classification?.split('//')[0] === 'SECRET'),
  );
  const noforn = run('caveat:noforn');
  assert.ok(noforn.length > 0);
  assert.deepEqual(
    noforn,
    entries.filter((e) => (e.classification ?? '').split('//').slice(1).includes('NOFORN')),
  );
  assert.ok(run('class:confidential caveat:noforn').every((e) => e.classification === 'CONFIDENTIAL//NOFORN'));

  const lo = minutes('2006-01-01T00:00Z');
  const hi = minutes('2006-07-01T00:00Z');
  const half = run('date:2006-01..2006-06');
  assert.ok(half.length > 0);
  assert.deepEqual(
    half,
    entries.filter((e) => e.dtgMinutes !== undefined && e.dtgMinutes >= lo && e.dtgMinutes < hi),
  );

  const citing = run('cites:06MADRID3104');
  assert.ok(citing.length > 0);
  assert.deepEqual(
    citing,
    entries.filter((e) => [...e.references, ...e.cites].some((c) => c.id === '06MADRID3104')),
  );

  const source = entries.find((e) => e.id === '07MADRID173');
  assert.ok(source);
  const citedIds = new Set([...source.references, ...source.cites].map((c) => c.id));
  const cited = run('citedby:07MADRID173');
  assert.ok(cited.length > 0);
  assert.deepEqual(
    cited,
    entries.filter((e) => e.id !== undefined && citedIds.has(e.id)),
  );

  assert.deepEqual(run('id:07madrid173'), [source]);

  const word = source.subject!.split(/\s+/).find((w) => w.length > 5)!;
  const bySubject = run(word.toLowerCase());
  assert.ok(bySubject.includes(source));
  const phrase = source.subject!.split(/\s+/).slice(0, 2).join(' ');
  assert.ok(run(`"${phrase}"`).includes(source));
  assert.deepEqual(run(''), entries, 'an empty query matches everything');
});
