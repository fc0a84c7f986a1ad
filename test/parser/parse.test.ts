import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from '../../server/src/cable/parse';
import type { Range, Token } from '../../server/src/cable/model';
import { fixture, textAt } from '../util';

function at(text: string, range: Range): string {
  return textAt(text, range);
}

function tokenText<T>(source: string, token: Token<T> | undefined): string | undefined {
  return token ? at(source, token.range) : undefined;
}

describe('multi-line header', () => {
  const source = fixture('multiLine.cable');
  const cable = parse(source).cables[0];
  const header = cable.header!;

  test('FL1 to FL5 fields with exact ranges', () => {
    assert.equal(header.layout, 'multiLine');
    assert.equal(tokenText(source, header.transmissionId), 'VZCZCXRO0320');
    assert.equal(header.precedenceProsign?.text, 'PP');
    assert.deepEqual(
      header.relays.map((r) => r.text),
      ['RUEHBI', 'RUEHCI', 'RUEHFL'],
    );
    assert.equal(tokenText(source, header.station?.routingIndicator), 'RUEHTA');
    assert.equal(header.station?.serial?.value, 95);
    assert.equal(tokenText(source, header.station?.serial), '#0095');
    assert.equal(header.station?.section?.value, 1);
    assert.deepEqual(header.station?.filingTime?.value, { dayOfYear: 20, hour: 5, minute: 56 });
    assert.equal(header.securityGroup?.signal.text, 'ZNY');
    assert.equal(header.securityGroup?.group?.value, 'S');
    assert.deepEqual(
      header.securityGroup?.extras.map((e) => e.text),
      ['ZZH'],
    );
  });

  test('the DTG is decoded', () => {
    const dtg = header.dtg!;
    assert.equal(at(source, dtg.range), 'P 200556Z JAN 09');
    assert.deepEqual(
      dtg.precedence.map((p) => p.text),
      ['P'],
    );
    assert.equal(dtg.token.text, '200556Z JAN 09');
    assert.deepEqual(dtg.token.value, { day: 20, hour: 5, minute: 56, month: 1, twoDigitYear: 9, year: 2009, valid: true });
  });

  test('FM, TO and INFO addressees with RI, PLAD, precedence and MCN', () => {
    assert.equal(tokenText(source, header.from?.address), 'AMEMBASSY ASTANA');
    const rows = header.addressees.map((a) => [
      a.role,
      a.routingIndicator?.text,
      a.address.text,
      a.precedence?.text,
      a.mcn?.text,
      a.collective,
    ]);
    assert.deepEqual(rows, [
      ['to', 'RUEHC', 'SECSTATE WASHDC', 'PRIORITY', '4366', false],
      ['info', 'RUCNCIS', 'CIS COLLECTIVE', 'PRIORITY', '1049', true],
      ['info', 'RUEHBJ', 'AMEMBASSY BEIJING', 'PRIORITY', '0447', false],
      ['info', 'RUEKJCS', 'SECDEF WASHDC', 'PRIORITY', '0537', false],
    ]);
    for (const a of header.addressees) {
      assert.equal(tokenText(source, a.address), a.address.text);
      assert.equal(tokenText(source, a.mcn), a.mcn?.text);
    }
    assert.equal(header.addressees[0].keyword?.text, 'TO');
    assert.equal(header.addressees[1].keyword?.text, 'INFO');
  });

  test('classification line, captions, office line, E.O., TAGS, SUBJECT', () => {
    const line = cable.classificationLine!;
    assert.equal(at(source, line.range), 'S E C R E T SECTION 01 OF 02 ASTANA 000095');
    assert.equal(line.level.value, 'S');
    assert.equal(line.section?.number.value, 1);
    assert.equal(line.section?.total.value, 2);
    assert.equal(tokenText(source, line.station), 'ASTANA');
    assert.equal(line.serial?.value, 95);
    assert.deepEqual(
      cable.captions.map((c) => c.value),
      ['SIPDIS'],
    );
    assert.deepEqual(
      cable.officeLines.map((o) => o.text),
      ['STATE FOR P, SCA/CEN, EUR/RUS, NEA/IR'],
    );
    assert.equal(cable.eoLine?.order?.value, 12958);
    assert.equal(tokenText(source, cable.eoLine?.declValue), '01/19/2029');
    assert.deepEqual(cable.eoLine?.declValue?.value, { year: 2029, month: 1, day: 19, valid: true });
    assert.deepEqual(
      cable.tags?.tags.map((t) => tokenText(source, t)),
      ['PGOV', 'PREL', 'AF', 'IR', 'RS', 'KZ'],
    );
    assert.equal(cable.subject?.text, 'KAZAKHSTAN: CENTCOM CDR PETRAEUS MEETS PRESIDENT NAZARVAYEV, JANUARY 14');
    assert.equal(cable.subject?.range.end.line, cable.subject.range.start.line + 1, 'the subject wraps onto a second line');
  });

  test('REF entries and Classified By', () => {
    const refs = cable.references!;
    assert.deepEqual(
      refs.entries.map((e) => [e.letter?.value, e.text, e.cable?.station, e.cable?.number, e.cable?.referenceId]),
      [
        ['A', 'ASTANA 0012', 'ASTANA', 12, '09ASTANA12'],
        ['B', 'STATE 5678', 'STATE', 5678, '09STATE5678'],
      ],
    );
    assert.equal(tokenText(source, refs.entries[1].letter), 'B.');
    const by = cable.classifiedBy!;
    assert.equal(by.authority, 'Ambassador Richard E. Hoagland');
    assert.equal(by.section?.text, '1.4');
    assert.deepEqual(
      by.reasons.map((r) => [r.value, tokenText(source, r)]),
      [
        ['b', 'B'],
        ['d', 'D'],
      ],
    );
  });

  test('numbered paragraphs with markings, titles, ranges and sub-paragraphs', () => {
    const rows = cable.paragraphs.map((p) => [p.number.text, p.marking?.text, p.marking?.level, p.title]);
    assert.deepEqual(rows, [
      ['1.', '(S)', 'S', 'SUMMARY:'],
      ['2.', '(SBU)', 'SBU', 'U.S. Central Command Commander General David Petraeus met…'],
      ['3.', '(S//NF)', 'S', 'General Petraeus thanked President Nazarbayev. The'],
      ['4.', '(C)', 'C', 'COMMENT:'],
      ['5.', '(U)', 'U', 'General Petraeus has cleared this cable.'],
    ]);
    assert.deepEqual(cable.paragraphs[2].marking?.caveats, ['NOFORN']);
    const third = cable.paragraphs[2];
    assert.equal(at(source, third.selectionRange), '3. (S//NF)');
    // Paragraph 3 runs through the continuation page header to its last sub-paragraph.
    assert.ok(at(source, third.range).includes('ASTANA 00000095 002 OF 002'));
    assert.ok(at(source, third.range).endsWith('B. Second point.'));
    assert.deepEqual(
      third.subParagraphs.map((s) => [s.label.text, s.kind]),
      [
        ['A.', 'letter'],
        ['B.', 'letter'],
      ],
    );
    assert.deepEqual(
      cable.paragraphs[0].subParagraphs.map((s) => s.kind),
      ['bullet', 'bullet'],
    );
    // The signature is not part of the last paragraph.
    assert.equal(at(source, cable.paragraphs[4].range), '5. (U) General Petraeus has cleared this cable.');
  });

  test('continuation header, blocks, signature, reference id, classification', () => {
    assert.equal(cable.continuationHeaders.length, 1);
    const cont = cable.continuationHeaders[0];
    assert.deepEqual([cont.station.value, cont.serial.value, cont.section.value, cont.total.value], ['ASTANA', 95, 2, 2]);
    assert.deepEqual(
      cable.blocks.map((b) => [b.kind, b.end !== undefined]),
      [
        ['summary', true],
        ['comment', true],
      ],
    );
    assert.equal(at(source, cable.blocks[0].end!), 'END SUMMARY.');
    assert.equal(cable.signature?.text, 'HOAGLAND');
    assert.equal(cable.referenceId, '09ASTANA95');
    assert.deepEqual(cable.classification, { level: 'S', caveats: [], label: 'SECRET', written: 'SECRET', source: 'classificationLine' });
  });
});

describe('one-line header', () => {
  const source = fixture('oneLine.cable');
  const cable = parse(source).cables[0];
  const header = cable.header!;

  test('every field is found inside the single line', () => {
    assert.equal(header.layout, 'oneLine');
    assert.equal(header.range.start.line, 0);
    assert.equal(header.range.end.line, 0);
    assert.equal(header.transmissionId?.text, 'VZCZCXRO0825');
    assert.equal(header.precedenceProsign?.text, 'OO');
    assert.deepEqual(
      header.relays.map((r) => r.text),
      ['RUEHSR'],
    );
    assert.equal(tokenText(source, header.station?.routingIndicator), 'RUEHC');
    assert.equal(header.station?.serial?.value, 5608);
    assert.deepEqual(header.station?.filingTime?.value, { dayOfYear: 331, hour: 20, minute: 58 });
    assert.equal(tokenText(source, header.securityGroup?.group), 'UUUUU');
    assert.equal(at(source, header.dtg!.range), 'O 262051Z NOV 08');
    assert.equal(tokenText(source, header.from?.address), 'SECSTATE WASHDC');
  });

  test('addressees are split by RI, precedence and MCN', () => {
    const rows = header.addressees.map((a) => [a.role, a.routingIndicator?.text, a.address.text, a.precedence?.text, a.mcn?.text]);
    assert.deepEqual(rows, [
      ['to', 'RUEHBW', 'AMEMBASSY BELGRADE', 'IMMEDIATE', '0001'],
      ['to', 'RUEHSR', 'AMCONSUL STRASBOURG', 'PRIORITY', '4366'],
      ['info', 'RUEHZL', 'EUROPEAN POLITICAL COLLECTIVE', 'PRIORITY', undefined],
      ['xmt', undefined, 'AMCONSUL JOHANNESBURG', undefined, undefined],
    ]);
    for (const a of header.addressees) assert.equal(tokenText(source, a.address), a.address.text);
  });

  test('text after the header, markdown artefacts, shifted numbering', () => {
    assert.equal(cable.referenceId, '08STATE125608');
    assert.equal(cable.classification.label, 'UNCLASSIFIED');
    assert.equal(cable.eoLine?.notApplicable?.text, 'N/A');
    assert.deepEqual(
      cable.paragraphs.map((p) => [p.prefix?.text, p.number.value]),
      [
        ['-', 11],
        ['-', 12],
      ],
    );
    assert.deepEqual(
      cable.artefacts.map((a) => a.kind),
      ['markdown-bullet', 'escaped-dollar', 'markdown-bullet'],
    );
  });

  test('a classification line glued to the header line starts the text', () => {
    const glued =
      'VZCZCXRO0825 OO RUEHSR DE RUEHC #5608 3312058 ZNR UUUUU ZZH O 262051Z NOV 08 FM SECSTATE WASHDC TO RUEHBW/AMEMBASSY BELGRADE IMMEDIATE 0001 UNCLAS STATE 125608\nTAGS: PREL\nSUBJECT: X\n\n1. (U) Text.';
    const c = parse(glued).cables[0];
    assert.equal(c.header?.addressees.length, 1);
    assert.equal(c.header?.addressees[0].mcn?.text, '0001');
    assert.equal(c.classificationLine?.station?.text, 'STATE');
    assert.equal(c.referenceId, '08STATE125608');
  });
});

describe('other layouts', () => {
  test('partial extract with CRLF, pilcrows and 1.(C) without a space', () => {
    const source = fixture('partialCrlf.cable');
    const cable = parse(source).cables[0];
    assert.ok(cable.partialExtract);
    assert.equal(cable.dtg?.token.text, '291359Z Nov 00');
    assert.equal(cable.dtg?.token.value.month, 11);
    assert.equal(cable.referenceId, '00HARARE6677');
    assert.equal(cable.classification.label, 'CONFIDENTIAL');
    assert.deepEqual(
      cable.paragraphs.map((p) => [p.prefix?.text, p.number.text, p.marking?.text]),
      [
        ['¶', '1.', '(C)'],
        ['¶', '2.', '(C)'],
      ],
    );
    assert.deepEqual(
      cable.tags?.tags.map((t) => t.value),
      ['PGOV', 'PREL', 'ZI'],
    );
    // CRLF: ranges never include the \r.
    for (const p of cable.paragraphs) assert.ok(!at(source, p.range).includes('\r'));
  });

  test('a body with every newline removed is cut into its fields and paragraphs', () => {
    const source = fixture('collapsed.cable');
    const cable = parse(source).cables[0];
    assert.equal(cable.collapsed, true);
    assert.equal(cable.referenceId, undefined, 'no date in the text');
    assert.equal(cable.referenceIdWithoutYear, 'ANKARA348');
    assert.equal(cable.classificationLine?.level.value, 'C');
    assert.deepEqual(
      cable.captions.map((c) => c.value),
      ['SIPDIS'],
    );
    assert.equal(tokenText(source, cable.eoLine?.declValue), '01/07/2014');
    assert.deepEqual(
      cable.tags?.tags.map((t) => t.value),
      ['PREL', 'PGOV', 'PINS', 'TU'],
    );
    assert.equal(cable.subject?.text, 'turkish p.m. Erdogan goes to washington');
    assert.deepEqual(
      cable.classifiedBy?.reasons.map((r) => r.value),
      ['b', 'd'],
    );
    assert.deepEqual(
      cable.paragraphs.map((p) => [p.number.value, p.marking?.text, p.range.start.line]),
      [
        [1, '(C)', 0],
        [2, '(C)', 0],
        [3, '(C)', 0],
      ],
    );
    assert.ok(at(source, cable.paragraphs[1].range).startsWith('¶2. (C) P.M. Erdogan'));
    assert.equal(cable.signature?.text, 'EDELMAN');
  });

  test('an old cable that starts at the DTG, without RIs', () => {
    const source = fixture('old.cable');
    const cable = parse(source).cables[0];
    assert.equal(cable.header?.transmissionId, undefined);
    assert.deepEqual(
      cable.header?.dtg?.precedence.map((p) => p.text),
      ['P', 'R'],
    );
    assert.equal(cable.header?.addressees.length, 4);
    assert.equal(cable.header?.addressees[0].routingIndicator, undefined);
    assert.equal(cable.referenceId, '66BUENOSAIRES2481');
    assert.deepEqual(
      cable.references?.entries.map((e) => e.cable?.referenceId),
      ['66STATE106206', undefined],
    );
    assert.deepEqual(
      cable.paragraphs.map((p) => [p.number.value, p.marking]),
      [
        [1, undefined],
        [2, undefined],
      ],
    );
    assert.equal(cable.signature?.text, 'MARTIN');
  });

  test('several cables in one file are split and cover the file', () => {
    const source = [fixture('multiLine.cable'), fixture('oneLine.cable'), fixture('old.cable'), fixture('collapsed.cable')].join('\n\n');
    const file = parse(source);
    assert.deepEqual(
      file.cables.map((c) => c.referenceId ?? c.referenceIdWithoutYear),
      ['09ASTANA95', '08STATE125608', '66BUENOSAIRES2481', 'ANKARA348'],
    );
    assert.deepEqual(file.cables[0].range.start, { line: 0, character: 0 });
    for (let i = 1; i < file.cables.length; i++) {
      assert.equal(file.cables[i].range.start.line, file.cables[i - 1].range.end.line + 1);
    }
    assert.equal(file.cables[file.cables.length - 1].range.end.line, file.lineCount - 1);
  });
});

describe('markings', () => {
  const cases: [string, string | undefined, string[], boolean, boolean][] = [
    ['1. (C) Text', 'C', [], true, true],
    ['1. (S/NF) Text', 'S', ['NOFORN'], true, true],
    ['1. (S//FGI//NF) Text', 'S', ['FGI', 'NOFORN'], true, true],
    ['1. (C/REL NATO) Text', 'C', ['REL TO NATO'], true, true],
    ['1. ( C ) Text', 'C', [], true, true],
    ['1. (C NF) Text', 'C', ['NOFORN'], true, true],
    ['1. (U//FOUO) Text', 'SBU', ['FOUO'], true, true],
    ['1. (LOU) Text', 'SBU', [], true, true],
    ['1. (SNF) Text', undefined, [], true, false],
    ['1. (N/SF) Text', undefined, [], true, false],
    ['1. (C Text without a closing parenthesis', 'C', [], false, false],
  ];
  for (const [line, level, caveats, closed, wellFormed] of cases) {
    test(line, () => {
      const p = parse(`UNCLAS STATE 1\n\n${line}`).cables[0].paragraphs[0];
      assert.ok(p.marking, 'a marking is found');
      assert.equal(p.marking.level, level);
      assert.deepEqual(p.marking.caveats, caveats);
      assert.equal(p.marking.closed, closed);
      assert.equal(p.marking.wellFormed, wellFormed);
    });
  }
  test('(A) after a number is not a marking', () => {
    assert.equal(parse('UNCLAS STATE 1\n\n1. (A) first').cables[0].paragraphs[0].marking, undefined);
  });
});

describe('totality', () => {
  for (const [name, input] of [
    ['empty', ''],
    ['blank lines', '\n\n\r\n'],
    ['binary', '\u0000\u0001\uFFFD\uD800 VZCZC\u0000 DE # ZNY'],
    ['a header keyword alone', 'VZCZC'],
    ['a DTG alone', 'O 262051Z NOV 08'],
    ['unclosed everything', 'SUBJECT:\nREF:\nTAGS ,\n1. (\n(S'],
  ] as const) {
    test(name, () => {
      const file = parse(input);
      assert.ok(file.cables.length >= 1);
      assert.equal(file.cables[0].range.start.line, 0);
    });
  }
});

describe('artefacts in multi-cable files', () => {
  // Lines that can hold an artefact are found by a search per cable: each cable must find its own,
  // with every kind of line break.
  const cableWith = (serial: string, body: string[]) => [`UNCLAS STATE ${serial}`, '', 'TAGS: PREL', 'SUBJECT: X', '', ...body];
  const plain = cableWith('000002', ['1. (U) Nothing to see.', '']);
  const marked = cableWith('000001', ['- 1. (U) Costs five dollars.', '', '¶2. (U) Costs \\$5 and ends\\', '']);
  const last = cableWith('000003', ['1. (U) Price \\$7.']);
  for (const [name, lineBreak] of [
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['lone \\r', '\r'],
  ] as const) {
    test(`each cable finds its own artefacts (${name})`, () => {
      const source = [...marked, ...plain, ...last].join(lineBreak);
      const file = parse(source);
      assert.equal(file.cables.length, 3);
      const found = file.cables.map((c) =>
        c.artefacts.map((a) => `${a.kind}@${a.range.start.line}:${a.range.start.character} ${textAt(source, a.range)}`),
      );
      assert.deepEqual(found, [
        ['markdown-bullet@5:0 - ', 'escaped-dollar@7:14 \\$', 'pilcrow@7:0 ¶', 'trailing-backslash@7:26 \\'],
        [],
        ['escaped-dollar@21:13 \\$'],
      ]);
    });
  }

  test('a fragment whose first line opens with a markdown bullet', () => {
    const source = '- 12. (U) The text goes on.\n- 13. (U) And on.';
    const artefacts = parse(source).cables.flatMap((c) =>
      c.artefacts.map((a) => `${a.kind}@${a.range.start.line}:${a.range.start.character}`),
    );
    assert.deepEqual(artefacts, ['markdown-bullet@0:0', 'markdown-bullet@1:0']);
  });
});
