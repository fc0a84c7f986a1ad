import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from '../../server/src/cable/parse';
import type { CableFile } from '../../server/src/cable/model';
import { checkInvariants } from '../parser/invariants';
import { corpusAvailable, corpusText, manifest, type ManifestRow } from '../util';

/**
 * Files whose reference id, as the corpus names them, cannot come from their text. Each is a
 * defect of the source, checked by hand.
 */
const ID_EXCEPTIONS: Record<string, string> = {
  '09HAVANA132.txt': 'the Havana header carries the text of MOSCOW 000512',
  '88BAGHDAD28.txt': 'the Baghdad header carries the text of STATE 068250 (a re-cased partial extract)',
  '7575LIBREVILLE1895.txt': 'WikiLeaks id doubles the year; the text reads "75 LIBREVILLE 1895" (id 75LIBREVILLE1895)',
  '7575LIBREVILLE1895.wl2011html.txt': 'WikiLeaks id doubles the year; the text reads "75 LIBREVILLE 1895" (id 75LIBREVILLE1895)',
};

/**
 * Files whose header and text are two telegrams (a fault of the source, checked by hand): the id
 * and the level follow the header, as the manifest does, and the model keeps the text's id beside it.
 */
const CONFLICTS: Record<string, string> = {
  '07PARIS2725.txt': 'the Paris header carries the text of MOSCOW 005154',
  '09CHISINAU694.txt': 'the Chisinau header carries the text of ULAANBAATAR 000234',
  '09MOSCOW1108.txt': 'the Moscow header carries the text of SHENYANG 000004 (its classification line is garbled)',
  '10MEXICO614.txt': 'the Mexico header carries the text of ISLAMABAD 000416',
};

/** Files whose manifest classification (WikiLeaks metadata) disagrees with what the text says. */
const CLASSIFICATION_EXCEPTIONS: Record<string, string> = {
  '05LONDON4981.txt': 'text: CONFIDENTIAL + SENSITIVE caption, no NOFORN; metadata says CONFIDENTIAL//NOFORN',
  '06SEOUL2238.txt': 'text: CONFIDENTIAL + SENSITIVE caption, no NOFORN; metadata says CONFIDENTIAL//NOFORN',
  '08BRASILIA504.txt': 'text: CONFIDENTIAL + SENSITIVE caption, no NOFORN; metadata says CONFIDENTIAL//NOFORN',
  '08LONDON1991.txt': 'text: CONFIDENTIAL, no NOFORN anywhere; metadata says CONFIDENTIAL//NOFORN',
  '09MEXICO3061.txt': 'text has a NOFORN caption; metadata says SECRET',
  '09MEXICO3101.txt': 'text has a NOFORN caption; metadata says SECRET',
  '09STATE81957.txt': 'text has a NOFORN caption; metadata says SECRET',
  '09STATE83014.txt': 'text has a NOFORN caption; metadata says SECRET',
  '07PARIS1791.txt': 'text carries "SENSITIVE BUT UNCLASSIFIED"; metadata says UNCLASSIFIED',
  '07PARIS2027.txt': 'text carries "SENSITIVE BUT UNCLASSIFIED"; metadata says UNCLASSIFIED',
  '09UNVIEVIENNA279.txt': 'pdf2txt (PlusD) metadata labels UNCLAS SENSITIVE as UNCLASSIFIED',
  '09UNVIEVIENNA281.txt': 'pdf2txt (PlusD) metadata labels UNCLAS SENSITIVE as UNCLASSIFIED',
  '09USEUBRUSSELS948.txt': 'pdf2txt (PlusD) metadata labels UNCLAS SENSITIVE as UNCLASSIFIED',
  '09HAVANA132.txt': 'text of another cable (MOSCOW 000512, CONFIDENTIAL)',
  '10MEXICO614.txt': 'header UNCLAS (ZNR UUUUU) over the text of ISLAMABAD 000416 (SECRET); metadata says UNCLASSIFIED//FOUO',
  '88BAGHDAD28.txt': 'text of another cable (STATE 068250, SECRET)',
  '08RABAT727.txt': 'text and header (ZNY CCCCC) say CONFIDENTIAL; metadata says SECRET',
  '09TBILISI1123.txt': 'text and header (ZNY CCCCC) say CONFIDENTIAL; metadata says SECRET//NOFORN',
};

const available = corpusAvailable();

describe('corpus', { skip: available ? false : 'no ../shared/corpus/real beside the project' }, () => {
  const rows = available ? manifest() : [];
  const parsed = new Map<string, { row: ManifestRow; text: string; file: CableFile }>();
  for (const row of rows) {
    const text = corpusText(row.file);
    parsed.set(row.file, { row, text, file: parse(text) });
  }

  test('covers all 1,420 files of the manifest', () => {
    assert.equal(rows.length, 1420);
  });

  test('reference ids agree with the manifest', () => {
    let exact = 0;
    let withoutYear = 0;
    const wrong: string[] = [];
    for (const { row, file } of parsed.values()) {
      const cable = file.cables[0];
      if (cable.referenceId === row.referenceId) {
        exact++;
        if (ID_EXCEPTIONS[row.file]) wrong.push(`${row.file} is listed as an exception but now matches`);
      }
      else if (cable.referenceId === undefined && cable.referenceIdWithoutYear === row.referenceId.replace(/^\d{2}/, '')) withoutYear++;
      else if (!ID_EXCEPTIONS[row.file]) wrong.push(`${row.file}: ${cable.referenceId ?? cable.referenceIdWithoutYear}`);
      else assert.notEqual(cable.referenceId, row.referenceId, `${row.file} is listed as an exception but now matches`);
    }
    console.log(`reference ids: ${exact} exact, ${withoutYear} without a year in the text (station and serial match), ${Object.keys(ID_EXCEPTIONS).length} listed exceptions, of ${rows.length}`);
    assert.deepEqual(wrong, []);
  });

  test('a header over the text of another telegram: the id follows the header and the conflict is flagged', () => {
    const flagged = [...parsed.values()].filter(({ file }) => file.cables[0].conflict !== undefined);
    assert.deepEqual(flagged.map(({ row }) => row.file).sort(), Object.keys(CONFLICTS).sort());
    for (const { row, file } of flagged) {
      const conflict = file.cables[0].conflict!;
      assert.equal(conflict.header, row.referenceId, row.file);
      assert.ok(CONFLICTS[row.file].includes(conflict.text.replace(/^\d{2}/, '').replace(/\d+$/, '')), `${row.file}: ${conflict.text}`);
    }
    console.log(`header and text of two telegrams: ${flagged.length} files, each flagged`);
  });

  test('classification agrees with the manifest', () => {
    let same = 0;
    const wrong: string[] = [];
    for (const { row, file } of parsed.values()) {
      const expected = row.classification.replace(/ \(from text\)$/, '');
      const actual = file.cables[0].classification.label;
      if (actual === expected) {
        same++;
        if (CLASSIFICATION_EXCEPTIONS[row.file]) wrong.push(`${row.file} is listed as an exception but now agrees`);
      } else if (!CLASSIFICATION_EXCEPTIONS[row.file]) wrong.push(`${row.file}: ${actual} (manifest ${expected})`);
    }
    console.log(`classification: ${same} of ${rows.length} agree, ${Object.keys(CLASSIFICATION_EXCEPTIONS).length} listed exceptions`);
    assert.deepEqual(wrong, []);
  });

  test('TAGS and SUBJECT are found wherever the text has them', () => {
    const missing: string[] = [];
    let tags = 0;
    let subjects = 0;
    for (const { row, text, file } of parsed.values()) {
      const cable = file.cables[0];
      if (/^\s*TAGS?\b|\bTAGS?:/im.test(text)) {
        tags++;
        if (!cable.tags || cable.tags.tags.length === 0) missing.push(`${row.file}: TAGS`);
      }
      if (/SUBJ(?:ECT)?\s*:/i.test(text)) {
        subjects++;
        if (!cable.subject || !cable.subject.text) missing.push(`${row.file}: SUBJECT`);
      }
    }
    console.log(`TAGS found in ${tags} files, SUBJECT in ${subjects}`);
    assert.deepEqual(missing, []);
  });

  test('every file keeps the model invariants', () => {
    const broken: string[] = [];
    for (const { row, file } of parsed.values()) {
      const problems = checkInvariants(file);
      if (problems.length > 0) broken.push(`${row.file}: ${problems.slice(0, 3).join('; ')}`);
    }
    assert.deepEqual(broken, []);
  });

  test('numbered paragraphs are found and numbered as written', () => {
    let paragraphs = 0;
    let filesWithParagraphs = 0;
    for (const { text, file } of parsed.values()) {
      const lines = text.split(/\r\n|\r|\n/);
      for (const cable of file.cables) {
        if (cable.paragraphs.length > 0) filesWithParagraphs++;
        for (const p of cable.paragraphs) {
          paragraphs++;
          const written = lines[p.number.range.start.line].slice(p.number.range.start.character, p.number.range.end.character);
          assert.equal(written, p.number.text);
          assert.equal(Number.parseInt(written, 10), p.number.value);
        }
      }
    }
    console.log(`${paragraphs} numbered paragraphs in ${filesWithParagraphs} cables`);
    assert.ok(filesWithParagraphs > 1300);
  });

  test('a file of many cables back to back is split at each cable', () => {
    const files = [...parsed.values()];
    const starts: number[] = [];
    let line = 0;
    const parts: string[] = [];
    for (const { text } of files) {
      starts.push(line);
      parts.push(text);
      line += text.split(/\r\n|\r|\n/).length + 1;
    }
    const joined = parse(parts.join('\n\n'));
    const found = joined.cables.map((c) => c.range.start.line);
    // A boundary counts when a cable starts within two lines of the file's first line
    // (leading blank lines may go to the previous cable).
    let hit = 0;
    let k = 0;
    for (const start of starts) {
      while (k < found.length && found[k] < start - 2) k++;
      if (k < found.length && found[k] <= start + 2) hit++;
    }
    const rate = hit / starts.length;
    console.log(`multi-cable split: ${hit} of ${starts.length} boundaries found (${(rate * 100).toFixed(1)}%), ${joined.cables.length} cables`);
    assert.deepEqual(checkInvariants(joined), []);
    assert.ok(rate >= 0.995, `only ${(rate * 100).toFixed(1)}% of the boundaries found`);
  });
});
