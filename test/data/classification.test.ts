// Tests for server/src/data/classification.ts: level names (hover and diagnostic forms) and
// caveat meanings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { LEVEL_RANK, type Level } from '../../server/src/cable/model';
import {
  caveatMeaning,
  type ClassificationLevel,
  classificationLevelName,
  classificationLevelShortName,
} from '../../server/src/data/index';

test('every level has its full name and its short name; they differ only for SBU', () => {
  const expected: Record<ClassificationLevel, [name: string, short: string]> = {
    U: ['UNCLASSIFIED', 'UNCLASSIFIED'],
    SBU: ['SENSITIVE BUT UNCLASSIFIED', 'SBU'],
    C: ['CONFIDENTIAL', 'CONFIDENTIAL'],
    S: ['SECRET', 'SECRET'],
    TS: ['TOP SECRET', 'TOP SECRET'],
  };
  for (const [level, [name, short]] of Object.entries(expected) as [ClassificationLevel, [string, string]][]) {
    assert.equal(classificationLevelName(level), name, level);
    assert.equal(classificationLevelShortName(level), short, level);
  }
});

test("the data's level type and the model's Level are the same set of codes", () => {
  // Compile-time: each type is assignable to the other.
  const fromModel: ClassificationLevel = 'TS';
  const toModel: Level = fromModel;
  assert.equal(toModel, 'TS');
  // Run time: every level the model ranks has names.
  const levels = Object.keys(LEVEL_RANK) as Level[];
  assert.deepEqual(levels, ['U', 'SBU', 'C', 'S', 'TS']);
  for (const level of levels) {
    assert.match(classificationLevelName(level), /^[A-Z ]+$/, level);
    assert.match(classificationLevelShortName(level), /^[A-Z ]+$/, level);
  }
});

test('every caveat has its meaning; other markings have none', () => {
  const expected: Record<string, string> = {
    NOFORN: 'not releasable to foreign nationals',
    FGI: 'foreign government information',
    ORCON: 'dissemination controlled by the originator',
    FOUO: 'for official use only',
    PROPIN: 'proprietary information',
    SENSITIVE: 'sensitive but unclassified (SBU)',
  };
  for (const [caveat, meaning] of Object.entries(expected)) {
    assert.equal(caveatMeaning(caveat), meaning, caveat);
    assert.equal(caveatMeaning(` ${caveat.toLowerCase()} `), meaning, `${caveat}, re-cased and padded`);
  }
  for (const other of ['REL TO USA, GBR', 'NF', 'SIPDIS', '', 'toString', 'constructor']) {
    assert.equal(caveatMeaning(other), undefined, JSON.stringify(other));
  }
});

test('caveat meanings come from the l10n bundle configured after the module was loaded', (t) => {
  t.after(() => l10n.config({ contents: {} }));
  l10n.config({ contents: { 'not releasable to foreign nationals': 'nicht an Ausländer weiterzugeben' } });
  assert.equal(caveatMeaning('NOFORN'), 'nicht an Ausländer weiterzugeben');
  assert.equal(caveatMeaning('FGI'), 'foreign government information', 'a message missing from the bundle stays English');
  assert.equal(classificationLevelName('S'), 'SECRET', 'level names are not translated');
});
