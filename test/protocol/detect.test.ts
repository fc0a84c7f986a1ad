import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { looksLikeCable, SNIFF_BYTES, textLooksLikeCable } from '../../server/src/protocol/detect';
import { CORPUS, corpusAvailable, ROOT } from '../util';

/** Files under `dir` (recursively) whose names match `pattern`. */
function filesUnder(dir: string, pattern: RegExp, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(file, pattern, found);
    else if (entry.isFile() && pattern.test(entry.name)) found.push(file);
  }
  return found;
}

const start = (file: string) => readFileSync(file, 'latin1').slice(0, SNIFF_BYTES);

describe('the plain-text sniff (which .txt files are cables, for the editor and the index)', () => {
  test('every genuine cable of ../shared/corpus passes, in all five layouts', { skip: !corpusAvailable() && 'no ../shared' }, () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length > 1000);
    const missed = files.filter((f) => !textLooksLikeCable(start(path.join(CORPUS, f))));
    assert.deepEqual(missed, [], `${missed.length} of ${files.length} corpus cables are not recognised`);
  });

  test('the layouts the earlier sniff missed (found by the e2e corpus folder: 30 of 1,420 corpus cables)', () => {
    const cases: Record<string, string> = {
      'office block first (printed copy)':
        'INFO  LOG-00   EEB-00   AF-00    AID-00   AMAD-00  A-00     CIAE-00\n      MEPP-00  SANA-00    /000W\n \nO 311005Z AUG 09\nFM AMEMBASSY ABU DHABI\n',
      'a DTG with a trailing code': 'R 232312Z JAN 09 ZDS\nFM AMEMBASSY MEXICO\nTO SECSTATE WASHDC 4721\n',
      'two precedences and a code (1975)': 'O R 181205Z NOV 75 ZFF4\nFM AMEMBASSY LIBREVILLE\nTO USMISSION USUN NEWYORK NIACT IMMEDIATE\n',
      'a bare DTG (1978)': '061601Z MAY 78\nFM AMEMBASSY KABUL\nTO SECSTATE WASHDC\n',
      'an OCR zero for O': '0 241208Z OCT 79\nFM AMEMBASSY TEHRAN\n',
      'a banner, then the page header': 'CONFIDENTIAL\n\nPAGE 01        CAPE T  00097  01 OF 03  182017Z\nACTION AF-00\n',
      'an e-mail wrapper': [
        'null',
        'Diana T Fritz  03/21/2007 05:47:09 PM  From  DB/Inbox:  Search Results',
        '',
        'Cable ',
        'Text:',
        'CONFIDENTIAL',
        'SIPDIS',
        'TELEGRAM                                            June 03, 2003',
      ].join('\n'),
      'addressees cut above the office block': [
        'AMEMBASSY TRIPOLI',
        'NSC WASHDC',
        'Distribution:',
        'TED1302',
        'ACTION NEA-00',
        'INFO  LOG-00   CIAE-00  INL-00',
        '                  ------------------EE9C66  240653Z /38',
        'P 240645Z OCT 08',
      ].join('\n'),
      'the classification line below a wrapper':
        'Stephen H Rogerson  12/02/2009 11:08:08 AM\n\nCable\nText:\n\nS E C R E T        DOHA 00214\n',
      "WikiLeaks' Cable dated: before glued lines": 'Cable dated:2006-01-29T11:49:00S E C R E T SECTION 01 OF 02 CAIRO 000493SIPDIS',
    };
    for (const [layout, text] of Object.entries(cases)) assert.ok(textLooksLikeCable(text), layout);
  });

  test('the layouts it always found still pass', () => {
    assert.ok(looksLikeCable(['VZCZCXRO5212', 'PP RUEHDBU']));
    assert.ok(
      looksLikeCable(['This record is a partial extract of the original cable. The full text of the original cable is not available.']),
    );
    assert.ok(looksLikeCable(['C O N F I D E N T I A L SECTION 01 OF 03 MADRID 000173']));
    assert.ok(looksLikeCable(['unclassified state 012345']));
    assert.ok(looksLikeCable(['P 011743Z FEB 07', 'FM AMEMBASSY MADRID']));
  });

  test('text that is no cable is not taken for one', () => {
    const notCables = [
      'hello world',
      'Meeting notes, not a cable.\nSecond line.',
      'To read first:\n- the Madrid cables on the flights\n- Paris on the Union for the Mediterranean\n',
      // An e-mail: mixed case, as cables never are.
      'From: Ana <ana@example.org>\nTo: Ben <ben@example.org>\nSubject: the Madrid cables\nDate: Tue, 17 Mar 2009 14:32:00 +0000\n\nSee REF A.',
      'id,date,subject\n07MADRID173,2007-02-01,SPAIN/CIA FLIGHTS\n06MADRID3104,2006-12-28,SPAIN/CIA FLIGHTS\n',
      '2009-03-17 14:32:00Z INFO server started\n2009-03-17 14:32:01Z INFO listening on 8080\n',
      'SECRET\n\nThe ingredient is love.\n',
      'TO DO\n- buy milk\n- call Ana\n',
      '',
    ];
    for (const text of notCables) assert.equal(textLooksLikeCable(text), false, JSON.stringify(text.slice(0, 60)));
  });

  test('no README, LICENSE or CHANGELOG under node_modules is taken for a cable', () => {
    const files = filesUnder(path.join(ROOT, 'node_modules'), /\.(txt|md)$|^(LICENSE|README|CHANGELOG)$/i).filter(
      (f) => statSync(f).size > 0,
    );
    assert.ok(files.length > 100, `${files.length} files`);
    const taken = files.filter((f) => textLooksLikeCable(start(f)));
    assert.deepEqual(taken, []);
  });

  test('only the first SNIFF_BYTES count: a cable line further down does not make a cable', () => {
    const prose = `${'An essay on telegrams, with nothing of one at its start. '.repeat(80)}\n`;
    assert.ok(prose.length > SNIFF_BYTES);
    assert.equal(textLooksLikeCable(`${prose}P 011743Z FEB 07\nFM AMEMBASSY MADRID\n`), false);
    assert.equal(textLooksLikeCable('P 011743Z FEB 07\nFM AMEMBASSY MADRID\n' + prose), true);
  });
});
