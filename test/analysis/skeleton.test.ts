import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cableSkeleton, postOf, type SkeletonOptions } from '../../server/src/analysis/skeleton';
import type { Level } from '../../server/src/cable/model';
import { parse } from '../../server/src/cable/parse';
import { lookupRoutingIndicator } from '../../server/src/data';
import { runRules } from '../../server/src/diagnostics/engine';
import { failOnRuleError } from '../context';

const LEVELS: readonly Level[] = ['U', 'SBU', 'C', 'S', 'TS'];
const CLASSIFIED: ReadonlySet<Level> = new Set(['C', 'S', 'TS']);

/** A station as the new-cable command gives it: the routing table's indicator and first name. */
function station(ri: string) {
  const info = lookupRoutingIndicator(ri);
  assert.ok(info, `${ri} is in the routing table`);
  return { ri, name: info.names[0] };
}

function options(level: Level, overrides: Partial<SkeletonOptions> = {}): SkeletonOptions {
  return {
    from: station('RUEHNE'),
    to: [station('RUEHC')],
    info: [station('RUEHBJ'), station('RUEHLM')],
    level,
    tags: ['PREL', 'PGOV', 'IN'],
    subject: 'INDIA: A NEW CABLE',
    date: new Date(Date.UTC(2026, 11, 4, 2, 40)),
    serial: 123,
    ...overrides,
  };
}

/** The text a snippet inserts when every tab stop keeps its default. */
function expandSnippet(snippet: string): string {
  let text = snippet;
  // Innermost placeholders first; the skeleton nests none, but a loop keeps this honest.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/\$\{\d+:((?:\\.|[^\\}$])*)\}/g, (_m, value: string) => value);
  }
  return text.replace(/\$0/g, '').replace(/\\([$}\\])/g, '$1');
}

function diagnostics(text: string) {
  return runRules(parse(text), {}, failOnRuleError).map((d) => `${d.severity} ${d.code}: ${d.message}`);
}

describe('the new-cable skeleton', () => {
  for (const level of LEVELS) {
    test(`${level}: one cable with the values given and no diagnostic at all`, () => {
      const text = cableSkeleton(options(level));
      const file = parse(text);
      assert.equal(file.cables.length, 1);
      const cable = file.cables[0];
      assert.deepEqual(diagnostics(text), []);
      assert.equal(cable.referenceId, '26NEWDELHI123');
      assert.equal(cable.classification.level, level);
      assert.equal(cable.header?.layout, 'multiLine');
      assert.equal(cable.header?.from?.address?.text, 'AMEMBASSY NEW DELHI');
      assert.deepEqual(
        cable.header?.addressees.map((a) => [a.role, a.routingIndicator?.text, a.address.text]),
        [
          ['to', 'RUEHC', 'SECSTATE WASHDC'],
          ['info', 'RUEHBJ', 'AMEMBASSY BEIJING'],
          ['info', 'RUEHLM', 'AMEMBASSY COLOMBO'],
        ],
      );
      assert.deepEqual(cable.dtg?.token.value, { day: 4, hour: 2, minute: 40, month: 12, twoDigitYear: 26, year: 2026, valid: true });
      assert.deepEqual(
        cable.tags?.tags.map((t) => t.text),
        ['PREL', 'PGOV', 'IN'],
      );
      assert.equal(cable.subject?.text, 'INDIA: A NEW CABLE');
      assert.deepEqual(
        cable.paragraphs.map((p) => [p.number.value, p.marking?.level]),
        [
          [1, level],
          [2, level],
          [3, level],
        ],
      );
      assert.ok(cable.signature, 'a signature');
      assert.equal(cable.classifiedBy !== undefined, CLASSIFIED.has(level), 'Classified By where the level needs it');
      assert.equal(cable.eoLine?.notApplicable !== undefined, !CLASSIFIED.has(level), 'E.O. N/A on unclassified cables only');
    });
  }

  test('the snippet, its tab stops left as they are, is the plain skeleton', () => {
    for (const level of LEVELS) {
      const plain = cableSkeleton(options(level));
      const snippet = cableSkeleton(options(level, { snippet: true }));
      assert.notEqual(snippet, plain);
      assert.match(snippet, /\$\{1:/);
      assert.equal(expandSnippet(snippet), plain);
      const filled = cableSkeleton(options(level, { snippet: true, fillIn: true }));
      assert.equal(expandSnippet(filled), plain);
      assert.ok(
        (filled.match(/\$\{\d+:/g) ?? []).length > (snippet.match(/\$\{\d+:/g) ?? []).length,
        'stations, TAGS and subject are tab stops',
      );
    }
  });

  test('a subject with $ and } stays literal in a snippet', () => {
    const snippet = cableSkeleton(options('U', { subject: 'COST: $5 {X}', snippet: true }));
    assert.equal(parse(expandSnippet(snippet)).cables[0].subject?.text, 'COST: $5 {X}');
  });

  test('the station of the classification line comes from the post', () => {
    assert.equal(postOf('AMEMBASSY NEW DELHI'), 'NEW DELHI');
    assert.equal(postOf('AMCONSUL MUMBAI'), 'MUMBAI');
    assert.equal(postOf('SECSTATE WASHDC'), 'STATE');
    assert.equal(postOf('USMISSION GENEVA'), 'GENEVA');
  });

  test('from the Department, to a post', () => {
    const text = cableSkeleton(options('C', { from: station('RUEHC'), to: [station('RUEHNE')], info: [] }));
    assert.deepEqual(diagnostics(text), []);
    assert.equal(parse(text).cables[0].referenceId, '26STATE123');
  });

  test('any date, serial and level gives a skeleton without an error-level diagnostic', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2089, 11, 31)), noInvalidDate: true }),
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom(...LEVELS),
        (date, serial, level) => {
          const found = diagnostics(cableSkeleton(options(level, { date, serial })));
          assert.deepEqual(
            found.filter((d) => !d.startsWith('hint') && !d.startsWith('information')),
            [],
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
