// The layouts of every era the corpus work meets, one fixture per pattern (test/fixtures/eras/):
// a. Department printouts (page headers, banners, office distribution, drafting lines);
// b. mixed layouts (a collapsed body under a multi-line header, blocks glued without a separator,
//    a print wrapper around a full header); c. redacted stations; d. page headers inside fields;
// e. REF entries that are not telegrams; f. LIMITED OFFICIAL USE; g. a file that holds no cable;
// h. a header over the text of another telegram.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Cable } from '../../server/src/cable/model';
import { parse } from '../../server/src/cable/parse';
import { runRules } from '../../server/src/diagnostics/engine';
import { failOnRuleError } from '../context';
import { ROOT, textAt } from '../util';
import { checkInvariants } from './invariants';

const read = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'eras', name), 'utf8');

function only(name: string): { text: string; cable: Cable } {
  const text = read(name);
  const file = parse(text);
  assert.deepEqual(checkInvariants(file), [], `${name}: model invariants`);
  assert.equal(file.cables.length, 1, `${name}: one cable`);
  return { text, cable: file.cables[0] };
}

const paragraphNumbers = (cable: Cable) => cable.paragraphs.map((p) => `${p.number.value}${p.marking?.text ?? ''}`);
const errors = (text: string) =>
  runRules(parse(text), {}, failOnRuleError)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code}@${d.range.start.line + 1}`);

describe('a. the Department printout layout', () => {
  test('an incoming 1974 telegram: banner, page headers, distribution with copy counts and total, control line, old spacing', () => {
    const { text, cable } = only('incoming1974.cable');
    assert.equal(cable.referenceId, '74BERLIN3009');
    assert.equal(cable.classification.label, 'CONFIDENTIAL');
    assert.equal(cable.header?.from?.address?.text, 'USMISSION BERLIN');
    assert.equal(cable.dtg?.token.text, '151230Z JUL 74');
    assert.equal(cable.eoLine?.order?.value, 11652, '`E. O. 11652:` with the old spacing');
    assert.equal(cable.subject?.text, 'ALLIED REACTION TO SOVIET PROTEST ON FEDERAL ENVIRONMENTAL AGENCY');
    const block = cable.distribution!;
    assert.equal(block.action?.keyword.text, 'ACTION');
    assert.deepEqual([block.action?.entry.office.text, block.action?.entry.copies.value], ['EUR', 25]);
    assert.equal(block.total?.value, 110);
    const sum = [...(block.action ? [block.action.entry] : []), ...block.info].reduce((n, e) => n + e.copies.value, 0);
    assert.equal(sum, 110, 'the total is the sum of the copy counts');
    assert.equal(block.control?.text, '064536');
    assert.ok(cable.pageHeaders.length >= 2);
    assert.deepEqual(
      cable.pageHeaders
        .slice(0, 2)
        .map((p) => [p.page.value, p.station.text, p.serial.value, p.section?.value, p.total?.value, p.time?.text]),
      [
        [1, 'BERLIN', 3009, 1, 2, '151359Z'],
        [2, 'BERLIN', 3009, 1, 2, '151359Z'],
      ],
    );
    assert.ok(cable.banners.length >= 2 && cable.banners.every((b) => b.value === 'C'));
    assert.deepEqual(errors(text), []);
  });

  test('a page break between the lines of a paragraph does not split it, and the page header is not its text', () => {
    const { text, cable } = only('incoming1974.cable');
    assert.deepEqual(paragraphNumbers(cable).slice(0, 3), ['1', '2', '3']);
    const second = cable.paragraphs[1];
    const page2 = cable.pageHeaders.find((p) => p.page.value === 2)!;
    assert.ok(
      second.range.start.line < page2.range.start.line && second.range.end.line > page2.range.start.line,
      'paragraph 2 spans the page break',
    );
    assert.match(textAt(text, second.range), /\(SEE PARA 4\)\.$/);
    assert.ok(!cable.paragraphs.some((p) => /^PAGE\b|^MADE\b/.test(p.title)), 'no paragraph starts at a page header or its continuation');
  });

  test('an outgoing 1975 Department telegram: ORIGIN, DRAFTED BY, APPROVED BY, clearances, DESIRED DISTRIBUTION, /NNN R', () => {
    const { text, cable } = only('outgoing1975.cable');
    assert.equal(cable.referenceId, '75STATE195297');
    assert.equal(cable.header?.from?.address?.text, 'SECSTATE WASHDC');
    assert.equal(cable.dtg?.token.value.day, 19, '`192122 Z` with the old space');
    assert.deepEqual([cable.distribution?.action?.keyword.text, cable.distribution?.action?.entry.office.text], ['ORIGIN', 'EUR']);
    assert.match(cable.distribution?.total?.text ?? '', /^\/040 R$/);
    const drafting = cable.drafting!;
    assert.deepEqual([drafting.drafted?.office?.text, drafting.drafted?.officer?.text], ['EUR/WE', 'JSMITH:LK']);
    assert.deepEqual([drafting.approved?.office?.text, drafting.approved?.officer?.text], ['EUR', 'AAHARTMAN']);
    assert.deepEqual(
      drafting.clearances.map((c) => [c.office?.text, c.officer?.text]),
      [
        ['EUR/WE', 'MR. BARBOUR'],
        ['S/S', 'MR. ORTIZ'],
      ],
    );
    assert.equal(drafting.desiredDistribution?.text, 'EUR, INR, NSC');
    assert.equal(cable.eoLine?.notApplicable?.text.replace(/\s+/g, ''), 'N/A', '`N/ A`');
    assert.deepEqual(paragraphNumbers(cable), ['1', '2']);
    assert.deepEqual(errors(text), []);
  });

  test('a 2000 printout: banner with a control number, three page headers, the subject and the FM line stay clean', () => {
    const { text, cable } = only('printout2000.cable');
    assert.equal(cable.referenceId, '00HARARE6677');
    assert.equal(cable.classification.label, 'CONFIDENTIAL');
    assert.equal(cable.header?.from?.address?.text, 'AMEMBASSY HARARE', 'd. the FM line is found below the distribution block');
    assert.equal(
      cable.subject?.text,
      'ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER',
      'd. the page header inside the subject is left out',
    );
    assert.deepEqual(
      cable.references?.entries.map((e) => e.cable?.referenceId),
      ['00HARARE6584'],
    );
    assert.deepEqual(paragraphNumbers(cable), ['1(C)', '2(C)', '3(C)']);
    assert.match(
      textAt(text, cable.paragraphs[1].range),
      /PAGE 03 .* COALITION GOVERNMENT WOULD ARREST THE DECLINE\./,
      'the paragraph runs on past the page header',
    );
    assert.ok(cable.repeatedHeaders.length >= 1, "section 2's repeated header is kept apart");
    assert.equal(cable.distribution?.total?.value, 12);
    assert.equal(cable.distribution?.control?.text, 'A54E38');
    assert.deepEqual(errors(text), []);
  });
});

test('d. a partial extract whose DTG stands above the printout: the FM line and the distribution are still found', () => {
  const printout = read('printout2000.cable').replace('O 291359Z NOV 00\n', '');
  const text = `This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n291359Z Nov 00\n\n${printout}`;
  const file = parse(text);
  assert.deepEqual(checkInvariants(file), []);
  const cable = file.cables[0];
  assert.equal(cable.referenceId, '00HARARE6677');
  assert.equal(cable.header?.from?.address?.text, 'AMEMBASSY HARARE');
  assert.deepEqual(
    cable.header?.addressees.map((a) => a.address.text),
    ['SECSTATE WASHDC', 'NSC WASHDC', 'AMEMBASSY NAIROBI'],
  );
  assert.equal(cable.distribution?.total?.value, 12);
  assert.equal(cable.subject?.text, 'ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER');
  assert.deepEqual(paragraphNumbers(cable), ['1(C)', '2(C)', '3(C)']);
});

describe("a database's metadata above the telegram (PlusD: Date, Canonical ID, TAGS, Subject…)", () => {
  test("with the printout under it: the header is found past the metadata Subject, and the fields are the telegram's", () => {
    const { text, cable } = only('plusd1975.cable');
    assert.equal(cable.referenceId, '75STATE195297');
    assert.equal(cable.header?.from?.address?.text, 'SECSTATE WASHDC');
    assert.equal(cable.dtg?.token.text, '192122Z AUG 75');
    assert.equal(cable.subject?.text, 'PORTUGUESE REQUEST FOR CONSULTATIONS');
    assert.equal(cable.distribution?.total?.value, 40);
    assert.deepEqual(paragraphNumbers(cable), ['1', '2']);
    assert.deepEqual(errors(text), []);
  });

  test('the text alone under the metadata: the year comes from its Date line, for the id and the REF entries', () => {
    const { cable } = only('plusdTextOnly.cable');
    assert.equal(cable.referenceId, '75STATE195297');
    assert.deepEqual([cable.sourceDate?.value.year, cable.sourceDate?.value.month, cable.sourceDate?.value.day], [1975, 8, 19]);
    assert.equal(cable.references?.entries[0].cable?.referenceId, '75LISBON4810');
    assert.equal(cable.classification.written, 'LIMITED OFFICIAL USE');
  });
});

test('a field does not run on into page 1 of another copy', () => {
  const text = read('incoming1974.cable').replace(
    'SUBJECT: ALLIED REACTION TO SOVIET PROTEST ON\n         FEDERAL ENVIRONMENTAL AGENCY',
    'SUBJECT: ALLIED REACTION TO SOVIET PROTEST\n\nCONFIDENTIAL\n\nPAGE 01        BERLIN  03010  01 OF 01  151400Z\n\n44\nACTION EUR-25\n\nDRAFTED BY EUR/CE:XYZ',
  );
  assert.equal(parse(text).cables[0].subject?.text, 'ALLIED REACTION TO SOVIET PROTEST');
});

describe('b. mixed layouts', () => {
  test('a multi-line header over a body whose newlines were collapsed: the paragraphs are found', () => {
    const { cable } = only('collapsedBody.cable');
    assert.equal(cable.referenceId, '06DUBLIN2469');
    assert.deepEqual(paragraphNumbers(cable), ['1(C)', '2(C)', '3(U)', '4(C)']);
  });

  test('an addressee glued to the classification line (`…DEPTRANS WASHDC PRIORITYUNCLAS DUBLIN 02469`)', () => {
    const { cable } = only('glued.cable');
    assert.equal(cable.referenceId, '06DUBLIN2469');
    assert.equal(cable.classification.label, 'UNCLASSIFIED');
    const last = cable.header?.addressees.at(-1);
    assert.deepEqual(
      [last?.routingIndicator?.text, last?.address.text, last?.precedence?.text],
      ['RUEAWJA', 'DEPTRANS WASHDC', 'PRIORITY'],
    );
    assert.equal(cable.subject?.text, 'IRELAND: AVIATION TALKS');
  });

  test('a dump with every field glued (`Cable dated:2006-01-29T11:49:00S E C R E T SECTION 01 OF 02 CAIRO 000493SIPDIS…`)', () => {
    const { cable } = only('glued2.cable');
    assert.equal(cable.referenceId, '06CAIRO493', 'the year comes from the date the dump gives');
    assert.deepEqual([cable.sourceDate?.value.year, cable.sourceDate?.value.month, cable.sourceDate?.value.day], [2006, 1, 29]);
    assert.equal(cable.classification.label, 'SECRET');
    assert.deepEqual(
      cable.tags?.tags.map((t) => t.value),
      ['PREL', 'EG'],
    );
    assert.equal(cable.subject?.text, 'EGYPT: SCENESETTER FOR THE DIRECTOR');
    assert.deepEqual(paragraphNumbers(cable), ['1(S)', '2(C)', '3(S)']);
  });

  test('a print wrapper around a complete header: id, DTG and FM come from the header inside it', () => {
    const { cable } = only('wrapper2003.cable');
    assert.equal(cable.referenceId, '03ABUDHABI2641');
    assert.equal(cable.dtg?.token.text, '031250Z JUN 03');
    assert.equal(cable.header?.from?.address?.text, 'AMEMBASSY ABU DHABI');
    assert.equal(cable.sourceDate?.text, 'June 03, 2003');
    assert.deepEqual(
      [cable.drafting?.drafted?.office?.text, cable.drafting?.approved?.office?.text],
      ['POL', 'AMB'],
      "the post's DRAFTED:/APPROVED: lines",
    );
    assert.deepEqual(
      cable.drafting?.clearances.map((c) => c.office?.text),
      ['A/DCM', 'ECON'],
    );
  });
});

test('c. a redacted station takes the FM post; a REF to a redacted station is no telegram id', () => {
  const { cable } = only('redacted.cable');
  assert.equal(cable.referenceId, '10SHENYANG4');
  assert.ok(!JSON.stringify(cable).includes('XXXXXXXXXXXX4'));
  const [entry] = cable.references!.entries;
  assert.equal(entry.cable?.referenceId, undefined);
  assert.notEqual(entry.kind, 'cable');
});

describe('e. REF entries: letter, text as written, kind, and an id only where it is a real telegram id', () => {
  test('entries of every kind', () => {
    const { cable } = only('references.cable');
    assert.deepEqual(
      cable.references!.entries.map((e) => [e.letter?.text, e.kind, e.cable?.referenceId ?? null]),
      [
        ['A.', 'cable', '06MADRID3104'],
        ['B.', 'other', null],
        ['C.', 'memo', null],
        ['D.', 'cable', '07KABUL2245'],
        ['E.', 'other', null],
        ['F.', 'cable', '06STATE5678'],
        ['G.', 'email', null],
        ['H.', 'cable', '07KUWAIT539'],
      ],
    );
    assert.equal(cable.references!.entries[1].text, 'OCTOBER 25 PARIS POINTS', 'the text as written');
    const kabul = cable.references!.entries[3].cable!;
    assert.deepEqual([kabul.station, kabul.number, kabul.year], ['KABUL', 2245, undefined], '`REFTEL` is not part of the station');
  });

  test('letters written twice (`A. A) 04 STATE 274965 / B. B) MADRID 156`)', () => {
    const { cable } = only('doubleLetters.cable');
    assert.deepEqual(
      cable.references!.entries.map((e) => e.cable?.referenceId),
      ['04STATE274965', '05MADRID156'],
    );
  });

  test('a year-less serial of the citing station above its own serial is from an earlier year: no id is made up', () => {
    const text = read('references.cable').replace('H. KUWAIT 539', 'H. MADRID 9539');
    const entry = parse(text).cables[0].references!.entries[7];
    assert.deepEqual(
      [entry.kind, entry.cable?.station, entry.cable?.number, entry.cable?.referenceId],
      ['cable', 'MADRID', 9539, undefined],
    );
  });
});

test('f. LIMITED OFFICIAL USE is kept as written beside the manifest vocabulary', () => {
  const { cable } = only('outgoing1975.cable');
  assert.equal(cable.classification.written, 'LIMITED OFFICIAL USE');
  assert.equal(cable.classification.label, 'UNCLASSIFIED//FOR OFFICIAL USE ONLY');
});

test('g. a file that holds nothing of a telegram is not recognised as a cable', () => {
  const { cable } = only('notACable.txt');
  assert.equal(cable.recognized, false);
  assert.equal(cable.referenceId, undefined);
  for (const name of ['incoming1974.cable', 'glued2.cable', 'wrapper2003.cable', 'collapsedBody.cable'])
    assert.equal(only(name).cable.recognized, true, name);
});

test('h. a header over the text of another telegram: the id follows the header and the conflict is kept', () => {
  const { text, cable } = only('twoCables.cable');
  assert.equal(cable.referenceId, '07PARIS2725');
  assert.deepEqual(cable.conflict, { header: '07PARIS2725', text: '07MOSCOW5154' });
  assert.equal(cable.classification.label, 'CONFIDENTIAL', 'the level follows the header, as the id does');
  assert.deepEqual(errors(text), [], "the text's paragraph markings are judged against the text's own classification line");
});
