import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Cable } from '../../server/src/cable/model';
import { cableSkeleton } from '../../server/src/analysis/skeleton';
import { parse } from '../../server/src/cable/parse';
import { runRules } from '../../server/src/diagnostics/engine';
import { failOnRuleError } from '../context';
import { BASE } from '../rules/base';
import { ROOT } from '../util';

interface Snippet {
  readonly prefix: string | string[];
  readonly description: string;
  readonly body: string[];
}

const SNIPPETS = JSON.parse(readFileSync(path.join(ROOT, 'snippets', 'cable.json'), 'utf8')) as Record<string, Snippet>;

/** The text a snippet inserts with every tab stop at its default and every choice at its first option. */
function expand(body: readonly string[], choice = 0): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^|}]*(?:,[^|}]*)*)\|\}/g, (_m, options: string) => options.split(',')[choice] ?? options.split(',')[0])
    .replace(/\$\{\d+:([^}]*)\}/g, (_m, value: string) => value)
    .replace(/\$0/g, '');
}

/** BASE with one of its lines (or none) replaced by a snippet's text. */
function withSnippet(name: string, replacing: string, choice = 0): { text: string; cable: Cable } {
  const snippet = SNIPPETS[name];
  assert.ok(snippet, `snippet ${name}`);
  assert.ok(BASE.includes(replacing));
  const text = BASE.replace(replacing, expand(snippet.body, choice).replace(/\n$/, ''));
  const cables = parse(text).cables;
  assert.equal(cables.length, 1);
  return { text, cable: cables[0] };
}

function errorsAndWarnings(text: string): string[] {
  return runRules(parse(text), {}, failOnRuleError)
    .filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => `${d.code}: ${d.message}`);
}

describe('snippets', () => {
  test('package.json contributes snippets/cable.json for the cable language', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { snippets: { language: string; path: string }[] };
    };
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'cable', path: './snippets/cable.json' }]);
    assert.deepEqual(Object.keys(SNIPPETS).sort(), ['Front matter', 'REF block', 'Summary block', 'Talking Points']);
    for (const [name, s] of Object.entries(SNIPPETS)) assert.ok(s.prefix.length > 0 && s.description.length > 0, name);
  });

  test('front matter: classification line, E.O. line, TAGS and SUBJECT, with no error or warning', () => {
    const skeleton = cableSkeleton({
      from: { ri: 'RUEHXX', name: 'AMEMBASSY POST' },
      to: [{ ri: 'RUEHC', name: 'SECSTATE WASHDC' }],
      level: 'U',
      tags: ['PGOV'],
      subject: 'OTHER',
      date: new Date(Date.UTC(2026, 0, 5, 10, 0)),
    });
    const front = skeleton.slice(skeleton.indexOf('UNCLAS POST'), skeleton.indexOf('SUBJECT: OTHER') + 'SUBJECT: OTHER'.length);
    const text = skeleton.replace(front, expand(SNIPPETS['Front matter'].body).replace(/\n$/, ''));
    const cable = parse(text).cables[0];
    assert.equal(cable.classificationLine?.level.value, 'U');
    assert.equal(cable.referenceId, '26POST1');
    assert.equal(cable.eoLine?.notApplicable?.text, 'N/A');
    assert.deepEqual(
      cable.tags?.tags.map((t) => t.text),
      ['PREL'],
    );
    assert.equal(cable.subject?.text, 'COUNTRY: SUBJECT');
    assert.deepEqual(errorsAndWarnings(text), []);
  });

  test('REF block: two lettered entries the text can cite', () => {
    const { text, cable } = withSnippet('REF block', 'REF: A. BELGRADE 100 B. STATE 118040');
    assert.deepEqual(
      cable.references?.entries.map((e) => [e.letter?.value, e.text]),
      [
        ['A', 'STATE 123456'],
        ['B', 'POST 000100'],
      ],
    );
    assert.deepEqual(errorsAndWarnings(text), []);
  });

  test('Summary block: a marked paragraph whose summary is closed', () => {
    const { text, cable } = withSnippet('Summary block', '1. (C) Summary: The minister spoke (ref A). End Summary.', 2);
    assert.equal(cable.paragraphs[0].number.value, 1);
    assert.equal(cable.paragraphs[0].marking?.text, '(C)');
    const summary = cable.blocks.find((b) => b.kind === 'summary');
    assert.ok(summary?.begin && summary.end, 'opened and closed');
    assert.deepEqual(
      errorsAndWarnings(text).filter((d) => !d.startsWith('cable/ref-')),
      [],
    );
  });

  test('Talking Points: a closed block', () => {
    const { text, cable } = withSnippet('Talking Points', '-- a bullet.');
    const block = cable.blocks.find((b) => b.kind === 'talkingPoints');
    assert.ok(block?.begin && block.end, 'opened and closed');
    assert.deepEqual(errorsAndWarnings(text), []);
  });
});
