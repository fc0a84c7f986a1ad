import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse } from '../../server/src/cable/parse';
import { corpusAvailable, corpusText, fixture, manifest } from '../util';
import { checkInvariants } from './invariants';
import { mutatedCable } from '../fuzz/properties';

const SEEDS = ['multiLine.cable', 'oneLine.cable', 'partialCrlf.cable', 'collapsed.cable', 'old.cable'].map(fixture);
const NASTY = [
  '(',
  ')',
  '//',
  '(S',
  '1.',
  '¶',
  '\r',
  '\n',
  '\u0000',
  'VZCZC',
  ' DE ',
  ' FM ',
  'SUBJECT:',
  'REF:',
  'TAGS ',
  'END SUMMARY',
  '#',
  '0',
  '\uD83D\uDE00',
  '\uD800',
];

test('random strings parse without throwing and keep the invariants', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      assert.deepEqual(checkInvariants(parse(text)), []);
    }),
    { numRuns: 400 },
  );
});

test('strings built from cable vocabulary keep the invariants', () => {
  const word = fc.constantFrom(
    ...NASTY,
    'RUEHC',
    'O 262051Z NOV 08',
    'UNCLAS',
    'S E C R E T',
    'STATE 125608',
    ' ',
    '  ',
    'INFO',
    'TO',
    'XMT',
    '(C)',
    'E.O. 12958: DECL: 01/19/2029',
  );
  fc.assert(
    fc.property(
      fc.array(word, { maxLength: 80 }).map((w) => w.join('')),
      (text) => {
        assert.deepEqual(checkInvariants(parse(text)), []);
      },
    ),
    { numRuns: 400 },
  );
});

test('mutated cables keep the invariants', () => {
  fc.assert(
    fc.property(mutatedCable, (text) => {
      assert.deepEqual(checkInvariants(parse(text)), []);
    }),
    { numRuns: 400 },
  );
});

test('the fixtures themselves keep the invariants', () => {
  for (const seed of SEEDS) assert.deepEqual(checkInvariants(parse(seed)), []);
  assert.deepEqual(checkInvariants(parse(SEEDS.join('\n'))), []);
});

test('re-parsing after an edit, reusing the previous model, equals a fresh parse', () => {
  const base = [
    fixture('multiLine.cable'),
    fixture('oneLine.cable'),
    fixture('old.cable'),
    fixture('partialCrlf.cable'),
    fixture('multiLine.cable'),
  ].join('\n\n');
  const edit = fc.tuple(
    fc.nat(),
    fc.nat({ max: 40 }),
    fc.constantFrom('x', '\n', '\n\n', '', '\r', '\r\n', '1. (S) New.\n', 'VZCZCXRO0001\n', 'UNCLAS STATE 000001\n', 'SUBJECT: Y\n'),
  );
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
      let text = base;
      let model = parse(text);
      for (const [at, length, insert] of edits) {
        const start = at % (text.length + 1);
        text = text.slice(0, start) + insert + text.slice(start + length);
        const incremental = parse(text, model);
        assert.deepEqual(incremental, parse(text));
        model = incremental;
      }
    }),
    { numRuns: 150 },
  );
});

test('an edit re-parses only the cables it touches', () => {
  const base = [fixture('multiLine.cable'), fixture('oneLine.cable'), fixture('multiLine.cable')].join('\n\n');
  const model = parse(base);
  assert.equal(model.cables.length, 3);
  // Typing in the last cable: the first two are taken over. The first edit copies them once with
  // strings of their own (they must not keep the opening text alive); later edits take them as they are.
  const typed = parse(`${base.slice(0, -5)}x${base.slice(-5)}`, model);
  assert.notEqual(typed.cables[0], model.cables[0]);
  assert.deepEqual(typed.cables[0], model.cables[0]);
  assert.deepEqual(typed.cables[1], model.cables[1]);
  const typedAgain = parse(`${base.slice(0, -5)}xy${base.slice(-5)}`, typed);
  assert.equal(typedAgain.cables[0], typed.cables[0]);
  assert.equal(typedAgain.cables[1], typed.cables[1]);
  assert.notEqual(typedAgain.cables[2], typed.cables[2]);
  // A line added in the first cable: the others are reused, moved one line down.
  const firstBody = base.indexOf('\n', base.indexOf('SUBJECT'));
  const added = parse(`${base.slice(0, firstBody)}\nA new line.${base.slice(firstBody)}`, model);
  assert.notEqual(added.cables[0], model.cables[0]);
  assert.equal(added.cables[2].range.start.line, model.cables[2].range.start.line + 1);
  assert.deepEqual(added, parse(`${base.slice(0, firstBody)}\nA new line.${base.slice(firstBody)}`));
  // The same text again: every cable is reused.
  const same = parse(`${base.slice(0, -5)}xy${base.slice(-5)}`, typedAgain);
  same.cables.forEach((c, i) => assert.equal(c, typedAgain.cables[i]));
});

test(
  're-parsing a long export of genuine cables after edits anywhere equals a fresh parse',
  { skip: corpusAvailable() ? false : 'no corpus' },
  () => {
    // Forty genuine cables of every layout back to back: edits land before, inside and after cable
    // boundaries, far apart and close together, so resuming and ending the boundary scan early are
    // both exercised.
    const rows = manifest();
    const base = Array.from({ length: 40 }, (_, i) => corpusText(rows[(i * 37) % rows.length].file)).join('\n\n');
    const lines = base.split('\n').length;
    const edit = fc.tuple(
      fc.nat({ max: lines - 1 }),
      fc.nat({ max: 3 }),
      fc.constantFrom(
        '',
        'x',
        '\n',
        '\n\n',
        '1. (S) New.\n',
        'VZCZCXRO0001\n',
        'UNCLAS STATE 000001\n',
        'O 262051Z NOV 08\nFM SECSTATE WASHDC\n',
        'SUBJECT: Y\n',
      ),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = base;
        let model = parse(text);
        for (const [line, removed, insert] of edits) {
          const all = text.split('\n');
          const at = Math.min(line, all.length - 1);
          text = [...all.slice(0, at), insert + all.slice(at, at + removed).join('\n'), ...all.slice(at + removed)].join('\n');
          const incremental = parse(text, model);
          assert.deepEqual(incremental, parse(text));
          model = incremental;
        }
      }),
      { numRuns: 40 },
    );
  },
);

/**
 * What a printed copy adds at a page break: a banner, the next page's header (the telegram's own
 * station, cut to six characters, and serial), sometimes a later section's first page with its office block.
 */
function printoutInserts(station: string, serial: number): string[][] {
  const post = station.replace(/\s+/g, ' ').slice(0, 6).padEnd(7);
  const number = String(serial).padStart(5, '0');
  return [
    ['', 'CONFIDENTIAL', '', `PAGE 02        ${post} ${number}  01 OF 02  151359Z`, ''],
    [`PAGE 03 ${post.trim()} ${number} 01 OF 02 291400Z`],
    [' CONFIDENTIAL', `PAGE 02        ${post} ${number}  01 OF 03  182017Z`],
    [
      `PAGE 01        ${post} ${number}  02 OF 02  151407Z`,
      'ACTION EUR-25',
      '',
      'INFO  OCT-01   ISO-00   CIAE-00  DODE-00  PM-07    H-02     INR-07',
      '      L-03     NSAE-00  NSC-05   PA-02    /052 W',
      '                              ------------------     064537',
    ],
  ];
}

/** The fields a reader relies on, and every paragraph's number, marking and words, printout lines left out. */
function readerView(text: string, inserted: ReadonlySet<string>) {
  const cable = parse(text).cables[0];
  const words = (range: { start: { line: number }; end: { line: number } }) =>
    text
      .split('\n')
      .slice(range.start.line, range.end.line + 1)
      .filter((line) => !inserted.has(line))
      .join(' ')
      .split(/\s+/)
      .filter(Boolean)
      .join(' ');
  return {
    id: cable.referenceId,
    classification: cable.classification.label,
    dtg: cable.dtg?.token.text,
    from: cable.header?.from?.address?.text,
    tags: cable.tags?.tags.map((t) => t.value),
    subject: cable.subject?.text,
    references: cable.references?.entries.map((e) => [e.letter?.text, e.text, e.cable?.referenceId]),
    paragraphs: cable.paragraphs.map((p) => [p.number.value, p.marking?.text, words(p.range)]),
  };
}

test('page headers and office blocks inserted at random line boundaries change neither the paragraphs nor the fields', () => {
  const seeds = ['multiLine.cable', 'eras/incoming1974.cable', 'eras/printout2000.cable'].map((name) => {
    const text = fixture(name).replace(/\r\n?/g, '\n');
    const lines = text.split('\n');
    // From the classification line on: the header above is another matter (its own distribution block).
    const line = parse(text).cables[0].classificationLine!;
    const blocks = printoutInserts(line.station!.value, line.serial!.value);
    return { name, lines, first: line.range.start.line + 1, blocks, inserted: new Set(blocks.flat().filter((l) => l.trim() !== '')) };
  });
  fc.assert(
    fc.property(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(3)), { minLength: 1, maxLength: 3 }),
      (seed, inserts) => {
        const lines = [...seed.lines];
        const positions = inserts.map(([at, which]) => ({
          at: seed.first + Math.floor(at * (lines.length - seed.first)),
          block: seed.blocks[which],
        }));
        for (const { at, block } of positions.sort((a, b) => b.at - a.at)) lines.splice(at, 0, ...block);
        const before = readerView(seed.lines.join('\n'), seed.inserted);
        const after = readerView(lines.join('\n'), seed.inserted);
        assert.deepEqual(after, before, `${seed.name} with printout lines at ${positions.map((p) => p.at).join(', ')}`);
      },
    ),
    { numRuns: 300 },
  );
});
