import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from '../../server/src/cable/parse';
import { RULES, runRules } from '../../server/src/diagnostics/engine';
import { failOnRuleError } from '../context';
import { textAt } from '../util';
import { BASE } from './base';

type Edit = readonly [string, string];

/** For each rule: an edit of BASE that must be reported (with the text the range must cover) and a near miss that must not. */
const CASES: readonly { code: string; fires: Edit[]; at: string; nearMiss: Edit[] }[] = [
  { code: 'cable/para-mark-above-overall', fires: [['2. (C) He', '2. (S) He']], at: '(S)', nearMiss: [['2. (C) He', '2. (SBU) He']] },
  {
    code: 'cable/header-class-mismatch',
    fires: [['ZNY CCCCC', 'ZNY SSSSS']],
    at: 'SSSSS',
    nearMiss: [
      ['ZNY CCCCC', 'ZNY SSSSS'],
      ['#0123/01', '#0999/01'],
    ],
  },
  { code: 'cable/header-znr-zny', fires: [['ZNY CCCCC', 'ZNR CCCCC']], at: 'ZNR', nearMiss: [['ZNY CCCCC', 'ZNY CCCCC']] },
  {
    code: 'cable/eo-na-classified',
    fires: [['DECL: 11/26/2018', 'N/A']],
    at: 'N/A',
    nearMiss: [
      ['C O N F I D E N T I A L SECTION', 'UNCLAS SECTION'],
      ['ZNY CCCCC', 'ZNR UUUUU'],
      ['DECL: 11/26/2018', 'N/A'],
      ['Classified By: Ambassador Cameron Munter, reasons 1.4 (b) and (d)', ''],
      ['(C)', '(U)'],
      ['(C)', '(U)'],
    ],
  },
  {
    code: 'cable/eo-decl-unclassified',
    fires: [
      ['C O N F I D E N T I A L SECTION', 'UNCLAS SECTION'],
      ['ZNY CCCCC', 'ZNR UUUUU'],
      ['Classified By: Ambassador Cameron Munter, reasons 1.4 (b) and (d)', ''],
      ['(C)', '(U)'],
      ['(C)', '(U)'],
    ],
    at: '11/26/2018',
    nearMiss: [
      ['C O N F I D E N T I A L SECTION', 'UNCLAS SECTION'],
      ['ZNY CCCCC', 'ZNR UUUUU'],
      ['DECL: 11/26/2018', 'N/A'],
      ['Classified By: Ambassador Cameron Munter, reasons 1.4 (b) and (d)', ''],
      ['(C)', '(U)'],
      ['(C)', '(U)'],
    ],
  },
  {
    code: 'cable/classified-by-missing',
    fires: [['Classified By: Ambassador Cameron Munter, reasons 1.4 (b) and (d)', '']],
    at: 'C O N F I D E N T I A L',
    nearMiss: [],
  },
  {
    code: 'cable/classified-by-unclassified',
    fires: [
      ['C O N F I D E N T I A L SECTION', 'UNCLAS SECTION'],
      ['ZNY CCCCC', 'ZNR UUUUU'],
      ['(C)', '(U)'],
      ['(C)', '(U)'],
    ],
    at: 'Classified By',
    nearMiss: [],
  },
  {
    code: 'cable/caveat-not-carried',
    fires: [['2. (C) He', '2. (C//NF) He']],
    at: '(C//NF)',
    nearMiss: [
      ['SIPDIS', 'SIPDIS\nNOFORN'],
      ['2. (C) He', '2. (C//NF) He'],
    ],
  },
  {
    code: 'cable/caveat-rel-noforn',
    fires: [
      ['SIPDIS', 'SIPDIS\nNOFORN'],
      ['2. (C) He', '2. (C/REL NATO) He'],
    ],
    at: '(C/REL NATO)',
    nearMiss: [['2. (C) He', '2. (C/REL NATO) He']],
  },
  {
    code: 'cable/caption-sensitive-classified',
    fires: [['SIPDIS', 'SIPDIS\nSENSITIVE']],
    at: 'SENSITIVE',
    nearMiss: [
      ['C O N F I D E N T I A L SECTION', 'UNCLAS SECTION'],
      ['SIPDIS', 'SIPDIS\nSENSITIVE'],
    ],
  },
  { code: 'cable/caption-conflict', fires: [['SIPDIS', 'NODIS\nEXDIS']], at: 'EXDIS', nearMiss: [['SIPDIS', 'NODIS']] },
  { code: 'cable/marking-unclosed', fires: [['2. (C) He', '2. (C He']], at: '(C', nearMiss: [['2. (C) He', '2. ( C ) He']] },
  { code: 'cable/marking-unknown', fires: [['2. (C) He', '2. (SNF) He']], at: '(SNF)', nearMiss: [['2. (C) He', '2. (S/NF) He']] },
  { code: 'cable/marking-noncanonical', fires: [['2. (C) He', '2. (C NF) He']], at: '(C NF)', nearMiss: [['2. (C) He', '2. (C/NF) He']] },
  {
    code: 'cable/para-missing-mark',
    fires: [['2. (C) He', '2. He']],
    at: '2.',
    nearMiss: [
      ['1. (C) Summary', '1. Summary'],
      ['2. (C) He', '2. He'],
      ['3. (U) Comment', '3. Comment'],
    ],
  },
  {
    code: 'cable/para-number-sequence',
    fires: [['3. (U) Comment', '4. (U) Comment']],
    at: '4.',
    nearMiss: [['3. (U) Comment', '3. (U) Comment']],
  },
  {
    code: 'cable/para-number-start',
    fires: [['1. (C) Summary', '0. (C) Summary']],
    at: '0.',
    nearMiss: [
      ['SECTION 01 OF 02', 'SECTION 02 OF 02'],
      ['1. (C) Summary', '11. (C) Summary'],
      ['2. (C) He', '12. (C) He'],
      ['3. (U) Comment', '13. (U) Comment'],
      ['BELGRADE 00000123 002 OF 002', ''],
    ],
  },
  {
    code: 'cable/para-single-numbered',
    fires: [
      [
        '\n2. (C) He added points, see ref B and para 3.\nBELGRADE 00000123 002 OF 002\n-- a bullet.\n\n3. (U) Comment: This is fine. End Comment.',
        '',
      ],
    ],
    at: '1.',
    nearMiss: [
      ['1. (C) Summary', '(C) Summary'],
      ['2. (C) He', '2. (C) He'],
    ],
  },
  {
    code: 'cable/section-range',
    fires: [['SECTION 01 OF 02', 'SECTION 03 OF 02']],
    at: 'SECTION 03 OF 02',
    nearMiss: [['SECTION 01 OF 02', 'SECTION 02 OF 02']],
  },
  {
    code: 'cable/continuation-sequence',
    fires: [['BELGRADE 00000123 002 OF 002', 'BELGRADE 00000123 003 OF 002']],
    at: '003',
    nearMiss: [['BELGRADE 00000123 002 OF 002', 'BELGRADE 00000123 002 OF 002']],
  },
  {
    code: 'cable/continuation-serial',
    fires: [['BELGRADE 00000123 002 OF 002', 'BELGRADE 00000124 002 OF 002']],
    at: 'BELGRADE 00000124',
    nearMiss: [['BELGRADE 00000123 002 OF 002', 'BELGRAD 00000123 002 OF 002']],
  },
  { code: 'cable/header-serial-mismatch', fires: [['#0123/01', '#0124/01']], at: '#0124', nearMiss: [['#0123/01', '#0123/01']] },
  { code: 'cable/header-section-mismatch', fires: [['#0123/01', '#0123/02']], at: '02', nearMiss: [['#0123/01', '#0123']] },
  {
    code: 'cable/dtg-invalid',
    fires: [['P 262051Z NOV 08', 'P 312051Z NOV 08']],
    at: '312051Z NOV 08',
    nearMiss: [
      ['P 262051Z NOV 08', 'P 302051Z NOV 08'],
      ['3312058', '3352058'],
    ],
  },
  { code: 'cable/dtg-month-case', fires: [['P 262051Z NOV 08', 'P 262051Z Nov 08']], at: 'Nov', nearMiss: [] },
  {
    code: 'cable/filing-time-invalid',
    fires: [['3312058', '3992058']],
    at: '3992058',
    nearMiss: [
      ['3312058', '3662058'],
      ['P 262051Z NOV 08', 'P 312051Z DEC 08'],
    ],
  },
  { code: 'cable/filing-time-mismatch', fires: [['3312058', '3352058']], at: '3352058', nearMiss: [['3312058', '3320030']] },
  {
    code: 'cable/decl-date-invalid',
    fires: [['DECL: 11/26/2018', 'DECL: 02/30/2018']],
    at: '02/30/2018',
    nearMiss: [['DECL: 11/26/2018', 'DECL: OADR']],
  },
  {
    code: 'cable/decl-before-dtg',
    fires: [['DECL: 11/26/2018', 'DECL: 11/25/2008']],
    at: '11/25/2008',
    nearMiss: [['DECL: 11/26/2018', 'DECL: 11/26/2008']],
  },
  {
    code: 'cable/header-fl1-format',
    fires: [['VZCZCXRO0123', 'VZCZCXRO12']],
    at: 'VZCZCXRO12',
    nearMiss: [['VZCZCXRO0123', 'VZCZCXYZ012']],
  },
  {
    code: 'cable/header-ri-format',
    fires: [['PP RUEHBW', 'PP RUEHBW RUEHB1']],
    at: 'RUEHB1',
    nearMiss: [['PP RUEHBW', 'PP RUEHBW RHMFISS']],
  },
  {
    code: 'cable/header-precedence-word',
    fires: [['WASHDC PRIORITY 4366', 'WASHDC PIORITY 4366']],
    at: 'PIORITY',
    nearMiss: [
      ['WASHDC PRIORITY 4366', 'WASHDC NIACT IMMEDIATE 4366'],
      ['P 262051Z', 'O 262051Z'],
      ['PP RUEHBW', 'OO RUEHBW'],
    ],
  },
  {
    code: 'cable/header-precedence-mismatch',
    fires: [['P 262051Z NOV 08', 'R 262051Z NOV 08']],
    at: 'R',
    nearMiss: [['P 262051Z NOV 08', 'P R 262051Z NOV 08']],
  },
  {
    code: 'cable/tags-missing',
    fires: [['TAGS: PREL PGOV SR\n', '']],
    at: 'C O N F I D E N T I A L SECTION 01 OF 02 BELGRADE 000123',
    nearMiss: [['TAGS: PREL PGOV SR\n', 'TAGS PREL\n']],
  },
  {
    code: 'cable/subject-missing',
    fires: [['SUBJECT: SERBIA: A TEST CABLE\n', '']],
    at: 'C O N F I D E N T I A L SECTION 01 OF 02 BELGRADE 000123',
    nearMiss: [['SUBJECT: SERBIA: A TEST CABLE\n', 'SUBJ: SERBIA\n']],
  },
  {
    code: 'cable/eo-missing',
    fires: [['E.O. 12958: DECL: 11/26/2018\n', '']],
    at: 'C O N F I D E N T I A L SECTION 01 OF 02 BELGRADE 000123',
    nearMiss: [['E.O. 12958: DECL: 11/26/2018\n', 'EO 12958 DECL: 11/26/2018\n']],
  },
  {
    code: 'cable/tags-unknown',
    fires: [['TAGS: PREL PGOV SR', 'TAGS: PREL POGOV SR']],
    at: 'POGOV',
    nearMiss: [['TAGS: PREL PGOV SR', 'TAGS: PREL PGOV SR KV']],
  },
  {
    code: 'cable/tags-iso-code',
    fires: [['TAGS: PREL PGOV SR', 'TAGS: PREL PGOV RU']],
    at: 'RU',
    nearMiss: [['TAGS: PREL PGOV SR', 'TAGS: PREL PGOV RS']],
  },
  {
    code: 'cable/ref-undefined',
    fires: [['see ref B and', 'see ref D and']],
    at: 'ref D',
    nearMiss: [['see ref B and', 'see reftel B and']],
  },
  {
    code: 'cable/ref-para-undefined',
    fires: [['and para 3.', 'and para 7.']],
    at: 'para 7',
    nearMiss: [['and para 3.', 'and para 7 of ref A.']],
  },
  { code: 'cable/ref-unused', fires: [['see ref B and', 'see and']], at: 'B.', nearMiss: [['see ref B and', 'see refs and']] },
  { code: 'cable/block-summary-unclosed', fires: [[' End Summary.', '']], at: 'Summary:', nearMiss: [[' End Summary.', ' End\nSummary.']] },
  { code: 'cable/block-comment-unclosed', fires: [[' End Comment.', '']], at: 'Comment:', nearMiss: [[' End Comment.', ' END COMMENT']] },
  {
    code: 'cable/block-note-unclosed',
    fires: [['This is fine.', 'This is fine (Note: a note.)']],
    at: 'Note:',
    nearMiss: [['This is fine.', 'This is fine (Note: a note. End Note.)']],
  },
  {
    code: 'cable/block-text-unclosed',
    fires: [['This is fine.', 'Begin text: a quote.']],
    at: 'Begin text:',
    nearMiss: [['This is fine.', 'Begin text: a quote. End text.']],
  },
  {
    code: 'cable/block-talking-points-unclosed',
    fires: [['This is fine.', 'Begin Talking Points: a point.']],
    at: 'Begin Talking Points:',
    nearMiss: [['This is fine.', 'Begin Talking Points: a point. End Talking Points.']],
  },
  {
    code: 'cable/block-end-without-begin',
    fires: [['He added points', 'He added points. End Note.']],
    at: 'End Note.',
    nearMiss: [['He added points', 'He added points (Note: x. End Note.)']],
  },
  { code: 'cable/artefact-markdown', fires: [['2. (C) He', '- 2. (C) He']], at: '- ', nearMiss: [['-- a bullet.', '- a bullet.']] },
];

function apply(edits: readonly Edit[]): string {
  let text = BASE;
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), `the base cable contains ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

describe('diagnostic rules', () => {
  test('the base cable is clean', () => {
    assert.deepEqual(
      runRules(parse(BASE), {}, failOnRuleError).map((d) => `${d.code} ${d.message}`),
      [],
    );
  });

  test('every rule has a case here, and every case a rule', () => {
    assert.deepEqual(CASES.map((c) => c.code).sort(), RULES.map((r) => r.code).sort());
  });

  for (const c of CASES) {
    test(`${c.code} fires on its defect, with the narrowest range`, () => {
      const text = apply(c.fires);
      const found = runRules(parse(text), {}, failOnRuleError).filter((d) => d.code === c.code);
      assert.ok(found.length > 0, `${c.code} did not fire`);
      assert.equal(textAt(text, found[0].range), c.at);
      assert.ok(found[0].message.length > 10);
    });
    test(`${c.code} stays quiet on a near miss`, () => {
      const text = apply(c.nearMiss);
      const found = runRules(parse(text), {}, failOnRuleError).filter((d) => d.code === c.code);
      assert.deepEqual(
        found.map((d) => d.message),
        [],
      );
    });
  }

  test('quick fixes remove the diagnostic they fix', () => {
    const fixable = [
      'cable/tags-iso-code',
      'cable/marking-unclosed',
      'cable/marking-unknown',
      'cable/marking-noncanonical',
      'cable/section-range',
      'cable/dtg-month-case',
      'cable/header-precedence-word',
      'cable/para-number-sequence',
      'cable/block-summary-unclosed',
      'cable/artefact-markdown',
      'cable/header-znr-zny',
    ];
    for (const code of fixable) {
      const c = CASES.find((x) => x.code === code)!;
      const text = apply(c.fires);
      const finding = runRules(parse(text), {}, failOnRuleError).find((d) => d.code === code)!;
      assert.ok(finding.fix, `${code} offers a fix`);
      const fixed = applyEdits(text, finding.fix.edits);
      assert.deepEqual(
        runRules(parse(fixed), {}, failOnRuleError)
          .filter((d) => d.code === code)
          .map((d) => d.message),
        [],
        `${code} after "${finding.fix.title}"`,
      );
    }
  });

  test('renumbering fixes every paragraph at once', () => {
    const text = apply([
      ['2. (C) He', '5. (C) He'],
      ['3. (U) Comment', '9. (U) Comment'],
    ]);
    const finding = runRules(parse(text), {}, failOnRuleError).find((d) => d.code === 'cable/para-number-sequence')!;
    assert.equal(finding.fix!.edits.length, 2);
    const fixed = applyEdits(text, finding.fix!.edits);
    assert.deepEqual(
      parse(fixed).cables[0].paragraphs.map((p) => p.number.value),
      [1, 2, 3],
    );
  });

  test('renumbering updates the para N and paras N-M that cite the paragraphs', () => {
    const text = apply([
      ['2. (C) He', '5. (C) He'],
      ['3. (U) Comment', '6. (U) Comment'],
      ['and para 3.', 'and paras 5-6, para 6 and ref A para 9.'],
    ]);
    const finding = runRules(parse(text), {}, failOnRuleError).find((d) => d.code === 'cable/para-number-sequence')!;
    const fixed = applyEdits(text, finding.fix!.edits);
    assert.match(fixed, /and paras 2-3, para 3 and ref A para 9\./, 'the citations follow; one into REF A stays');
    assert.deepEqual(
      parse(fixed).cables[0].paragraphs.map((p) => p.number.value),
      [1, 2, 3],
    );
  });

  test('renumbering leaves a citation of a number two paragraphs share', () => {
    const text = apply([
      ['2. (C) He', '1. (C) He'],
      ['and para 3.', 'and para 1 and para 3.'],
    ]);
    const finding = runRules(parse(text), {}, failOnRuleError).find((d) => d.code === 'cable/para-number-sequence')!;
    const fixed = applyEdits(text, finding.fix!.edits);
    assert.match(fixed, /and para 1 and para 3\./);
    assert.deepEqual(
      parse(fixed).cables[0].paragraphs.map((p) => p.number.value),
      [1, 2, 3],
    );
  });

  test('ref-para-undefined: a section whose later sections the text lacks may cite their paragraphs', () => {
    const cited = apply([
      ['and para 3.', 'and para 9.'],
      ['BELGRADE 00000123 002 OF 002', ''],
    ]);
    assert.ok(parse(cited).cables[0].classificationLine?.section, 'SECTION 01 OF 02');
    assert.deepEqual(
      runRules(parse(cited), {}, failOnRuleError)
        .filter((d) => d.code === 'cable/ref-para-undefined')
        .map((d) => d.message),
      [],
    );
    const whole = apply([['and para 3.', 'and para 9.']]);
    assert.equal(
      runRules(parse(whole), {}, failOnRuleError).filter((d) => d.code === 'cable/ref-para-undefined').length,
      1,
      'both sections here',
    );
  });

  test('ref-undefined: a lettered ref in a cable without a REF line', () => {
    const text = apply([['REF: A. BELGRADE 100 B. STATE 118040', '']]);
    const found = runRules(parse(text), {}, failOnRuleError).filter((d) => d.code === 'cable/ref-undefined');
    assert.deepEqual(
      found.map((d) => textAt(text, d.range)),
      ['ref A', 'ref B'],
    );
  });

  test('severity settings: exact code, family prefix, off', () => {
    const text = apply([['2. (C) He', '2. (S) He']]);
    const model = parse(text);
    assert.equal(runRules(model, {}, failOnRuleError).find((d) => d.code === 'cable/para-mark-above-overall')?.severity, 'error');
    assert.equal(
      runRules(model, { 'cable/para-*': 'hint' }, failOnRuleError).find((d) => d.code === 'cable/para-mark-above-overall')?.severity,
      'hint',
    );
    assert.equal(
      runRules(model, { 'cable/para-*': 'hint', 'cable/para-mark-above-overall': 'warning' }, failOnRuleError).find(
        (d) => d.code === 'cable/para-mark-above-overall',
      )?.severity,
      'warning',
    );
    assert.equal(runRules(model, { 'cable/*': 'off' }, failOnRuleError).length, 0);
  });
});

function applyEdits(
  text: string,
  edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const e of sorted) result = result.slice(0, offset(e.range.start)) + e.newText + result.slice(offset(e.range.end));
  return result;
}
