import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from '../../server/src/cable/parse';
import type { Cable } from '../../server/src/cable/model';
import { runRules } from '../../server/src/diagnostics/engine';
import { failOnRuleError } from '../context';
import { corpusAvailable, corpusText, manifest } from '../util';

/** Every corpus file that gets an error-level diagnostic, and why the source text really is defective. */
const GENUINE_ERRORS: Record<string, string> = {
  '05NEWDELHI1764.txt': 'CONFIDENTIAL cable with paragraphs marked (S) and (S/NF)',
  '08BAGHDAD392.txt': 'CONFIDENTIAL cable with paragraphs marked (S/REL ACGU)',
  '08BERLIN1387.txt': 'CONFIDENTIAL cable with paragraph 10 marked (S/NF)',
  '09DAMASCUS179.txt': 'CONFIDENTIAL cable with paragraph 14 marked (S)',
  '09KABUL1892.txt': 'portion marking (N/SF), a typo for (S//NF)',
  '09TRIPOLI1025.txt': 'portion marking (SNF), a typo for (S//NF)',
  '09BEIJING1970.txt': 'marking "(C XXXXXXXXXXXX" lost its parenthesis to a redaction',
};

const available = corpusAvailable();

describe('rules on the corpus', { skip: available ? false : 'no corpus' }, () => {
  const rows = available ? manifest() : [];
  const models = rows.map((row) => ({ row, model: parse(corpusText(row.file)) }));

  test('error-level diagnostics only on listed genuine defects; counts per rule', () => {
    const perRule = new Map<string, { count: number; files: Set<string> }>();
    const errorFiles = new Set<string>();
    for (const { row, model } of models) {
      for (const d of runRules(model, {}, failOnRuleError)) {
        const key = `${d.severity.padEnd(11)} ${d.code}`;
        const entry = perRule.get(key) ?? { count: 0, files: new Set() };
        entry.count++;
        entry.files.add(row.file);
        perRule.set(key, entry);
        if (d.severity === 'error') errorFiles.add(row.file);
      }
    }
    console.log('diagnostics on the 1,420 genuine cables (occurrences, files):');
    for (const [key, { count, files }] of [...perRule].sort())
      console.log(`  ${String(count).padStart(5)} ${String(files.size).padStart(5)}  ${key}`);
    const rate = (errorFiles.size / rows.length) * 100;
    console.log(`files with an error: ${errorFiles.size} of ${rows.length} (${rate.toFixed(2)}%), all listed as genuine defects`);
    assert.ok(rate <= 0.5, `errors on ${rate.toFixed(2)}% of the genuine files`);
    assert.deepEqual([...errorFiles].filter((f) => !GENUINE_ERRORS[f]).sort(), [], 'errors on files not known to be defective');
    assert.deepEqual(
      Object.keys(GENUINE_ERRORS)
        .filter((f) => !errorFiles.has(f))
        .sort(),
      [],
      'listed files that no longer get an error',
    );
    for (const [key, { files }] of perRule) {
      if (key.startsWith('warning'))
        assert.ok(files.size <= 15, `${key} warns on ${files.size} genuine files: too noisy for warning level`);
    }
  });

  test('mutation test: one injected defect per family is reported on its line', () => {
    const clean = models
      .filter(({ model }) => runRules(model, {}, failOnRuleError).every((d) => d.severity !== 'error') && model.cables.length === 1)
      .map(({ row }) => ({ row, text: corpusText(row.file) }));
    const results = new Map<string, { tried: number; found: number; missed: string[] }>();
    for (const { row, text } of clean) {
      const cable = parse(text).cables[0];
      for (const mutation of MUTATIONS) {
        const injected = mutation.inject(text, cable);
        if (!injected) continue;
        const entry = results.get(mutation.family) ?? { tried: 0, found: 0, missed: [] };
        entry.tried++;
        const hit = runRules(parse(injected.text), {}, failOnRuleError).some(
          (d) => d.code === mutation.code && d.range.start.line === injected.line,
        );
        if (hit) entry.found++;
        else if (entry.missed.length < 5) entry.missed.push(row.file);
        results.set(mutation.family, entry);
      }
    }
    let tried = 0;
    let found = 0;
    console.log(`mutation test over ${clean.length} genuine cables without errors:`);
    for (const [family, r] of results) {
      tried += r.tried;
      found += r.found;
      console.log(
        `  ${family.padEnd(28)} ${r.found}/${r.tried} (${((r.found / r.tried) * 100).toFixed(1)}%)${r.missed.length ? `  missed e.g. ${r.missed.join(', ')}` : ''}`,
      );
    }
    console.log(`  detection rate: ${found}/${tried} (${((found / tried) * 100).toFixed(1)}%)`);
    assert.ok(found / tried >= 0.95, `detection rate ${((found / tried) * 100).toFixed(1)}%`);
    for (const [family, r] of results) assert.ok(r.found / r.tried >= 0.9, `${family}: ${r.found}/${r.tried}`);
  });
});

interface Mutation {
  readonly family: string;
  readonly code: string;
  inject(text: string, cable: Cable): { text: string; line: number } | undefined;
}

function replaceAt(text: string, line: number, character: number, length: number, replacement: string): string {
  const lines = text.split(/(?<=\n)/);
  const content = lines[line];
  lines[line] = content.slice(0, character) + replacement + content.slice(character + length);
  return lines.join('');
}

const HIGHER: Record<string, string> = { U: '(C)', SBU: '(C)', C: '(S)', S: '(TS)' };

const MUTATIONS: readonly Mutation[] = [
  {
    family: 'classification (marking)',
    code: 'cable/para-mark-above-overall',
    inject(text, cable) {
      const level = cable.classification.level;
      const p = cable.paragraphs.find((x) => x.marking?.closed && x.marking.level === level);
      if (!p || !level || !cable.classificationLine || level === 'TS' || level === 'U' || level === 'SBU') return undefined;
      const m = p.marking!;
      return { text: replaceAt(text, m.range.start.line, m.range.start.character, m.text.length, HIGHER[level]), line: m.range.start.line };
    },
  },
  {
    family: 'classification (header)',
    code: 'cable/header-class-mismatch',
    inject(text, cable) {
      const g = cable.header?.securityGroup?.group;
      if (!g?.value || !cable.classificationLine) return undefined;
      const other = g.value === 'S' ? 'CCCCC' : 'SSSSS';
      return { text: replaceAt(text, g.range.start.line, g.range.start.character, 5, other), line: g.range.start.line };
    },
  },
  {
    family: 'portion marking (unclosed)',
    code: 'cable/marking-unclosed',
    inject(text, cable) {
      const p = cable.paragraphs.find((x) => x.marking?.closed && /^\([A-Z]+\)$/.test(x.marking.text));
      if (!p) return undefined;
      const m = p.marking!;
      return { text: replaceAt(text, m.range.end.line, m.range.end.character - 1, 1, ''), line: m.range.start.line };
    },
  },
  {
    family: 'portion marking (unknown)',
    code: 'cable/marking-unknown',
    inject(text, cable) {
      const p = cable.paragraphs.find((x) => x.marking?.closed);
      if (!p) return undefined;
      const m = p.marking!;
      return { text: replaceAt(text, m.range.start.line, m.range.start.character, m.text.length, '(SNF)'), line: m.range.start.line };
    },
  },
  {
    family: 'paragraph numbering',
    code: 'cable/para-number-sequence',
    inject(text, cable) {
      if (cable.partialExtract || cable.paragraphs.length < 3) return undefined;
      const p = cable.paragraphs[1];
      if (p.number.value !== cable.paragraphs[0].number.value + 1 || cable.paragraphs[2].number.value !== p.number.value + 1)
        return undefined;
      const digits = p.number.text.match(/^\d+/)![0];
      return {
        text: replaceAt(text, p.number.range.start.line, p.number.range.start.character, digits.length, String(p.number.value + 40)),
        line: p.number.range.start.line,
      };
    },
  },
  {
    family: 'sections',
    code: 'cable/section-range',
    inject(text, cable) {
      const s = cable.classificationLine?.section;
      if (!s) return undefined;
      const bad = String(s.total.value + 1).padStart(s.number.text.length, '0');
      return {
        text: replaceAt(text, s.number.range.start.line, s.number.range.start.character, s.number.text.length, bad),
        line: s.range.start.line,
      };
    },
  },
  {
    family: 'dates (DTG)',
    code: 'cable/dtg-invalid',
    inject(text, cable) {
      const dtg = cable.dtg?.token;
      if (!dtg?.value.valid) return undefined;
      return { text: replaceAt(text, dtg.range.start.line, dtg.range.start.character, 2, '32'), line: dtg.range.start.line };
    },
  },
  {
    family: 'dates (DECL)',
    code: 'cable/decl-date-invalid',
    inject(text, cable) {
      const decl = cable.eoLine?.declValue;
      if (!decl?.value?.valid || !/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(decl.text)) return undefined;
      return {
        text: replaceAt(text, decl.range.start.line, decl.range.start.character, decl.text.length, '02/30/2019'),
        line: decl.range.start.line,
      };
    },
  },
  {
    family: 'TAGS',
    code: 'cable/tags-unknown',
    inject(text, cable) {
      const tag = cable.tags?.tags.find((t) => /^[A-Z]{4}$/.test(t.text));
      if (!tag) return undefined;
      return { text: replaceAt(text, tag.range.start.line, tag.range.start.character, 4, 'QQXZ'), line: tag.range.start.line };
    },
  },
  {
    family: 'blocks',
    code: 'cable/block-summary-unclosed',
    inject(text, cable) {
      const b = cable.blocks.find((x) => x.kind === 'summary' && x.begin && x.end && x.end.start.line === x.end.end.line);
      if (!b) return undefined;
      return {
        text: replaceAt(text, b.end!.start.line, b.end!.start.character, b.end!.end.character - b.end!.start.character, ''),
        line: b.begin!.start.line,
      };
    },
  },
  {
    family: 'conversion artefacts',
    code: 'cable/artefact-markdown',
    inject(text, cable) {
      const p = cable.paragraphs.find((x) => x.number.range.start.character === 0 && !x.prefix);
      if (!p || cable.collapsed) return undefined;
      return { text: replaceAt(text, p.number.range.start.line, 0, 0, '- '), line: p.number.range.start.line };
    },
  },
];
