// Every regex of syntaxes/cable.tmLanguage.json (match/begin/end/while, recursively, repository
// included) is checked with recheck (https://makenowjust-labs.github.io/recheck/) for super-linear
// backtracking. recheck analyses JavaScript regexes, so the Oniguruma dialect is first translated:
//
//   Oniguruma                       checked as (JavaScript)          why that is sound
//   X*+  X++  X?+  (possessive)     X*   X+   X?                     backtracking can only grow
//   (?>X)          (atomic)         (?:X)                            backtracking can only grow
//   \G             (search start)   (nothing)                        an anchor only restricts matches
//   \x{FFFF}                        \uFFFF                           same character
//
// so a regex that is safe after translation is safe in Oniguruma. Two Oniguruma-only shapes are
// rejected outright instead of translated: X{n,m}+ (in Ruby syntax a repeat of a repeat, not a
// possessive interval) and (?i) (case folding; the grammar spells cases out for speed anyway).
// Nothing is skipped: a regex recheck cannot decide fails the test too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, type Diagnostics, type Parameters } from 'recheck';
import { readCableGrammarJson } from './tokenize';

interface Found {
  readonly where: string;
  readonly source: string;
}

function collect(node: unknown, where: string, out: Found[]): Found[] {
  if (Array.isArray(node)) {
    node.forEach((v, i) => collect(v, `${where}[${i}]`, out));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && ['match', 'begin', 'end', 'while'].includes(key)) {
        out.push({ where: `${where}.${key}`, source: value });
      } else {
        collect(value, `${where}.${key}`, out);
      }
    }
  }
  return out;
}

/** Oniguruma → JavaScript, see the table above. Throws on the shapes that are rejected. */
export function toJavaScript(source: string): string {
  if (/\{\d+(?:,\d*)?\}\+/.test(source)) throw new Error('X{n,m}+ is a nested repeat in Oniguruma');
  if (/\(\?[a-z]*i/.test(source)) throw new Error('(?i) is not used in this grammar');
  let out = '';
  let inClass = false;
  let afterQuantifier = false; // the previous token was an unescaped *, + or ?
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      afterQuantifier = false;
      if (next === 'G') {
        i++;
      } else if (next === 'x' && source[i + 2] === '{') {
        const close = source.indexOf('}', i);
        out += `\\u${source.slice(i + 3, close).padStart(4, '0')}`;
        i = close;
      } else {
        out += c + (next ?? '');
        i++;
      }
      continue;
    }
    if (inClass || c === '[') {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c;
      afterQuantifier = false;
      continue;
    }
    if (c === '(' && source.startsWith('?>', i + 1)) {
      out += '(?:';
      i += 2;
      afterQuantifier = false;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      if (c === '?' && source[i - 1] === '(') {
        out += c; // group syntax (?: (?= (?<! …
        afterQuantifier = false;
      } else if (afterQuantifier) {
        if (c === '?') out += c; // lazy *? +? ?? stays
        afterQuantifier = false; // a `+` here makes the quantifier possessive: dropped
      } else {
        out += c;
        afterQuantifier = true;
      }
      continue;
    }
    out += c;
    afterQuantifier = false;
  }
  return out;
}

test('the Oniguruma → JavaScript translation', () => {
  assert.equal(
    toJavaScript(String.raw`^\G[ \t]*+(?>[A-Z]++(?:[ ][A-Z]++){0,3})?+\x{FFFF}`),
    String.raw`^[ \t]*(?:[A-Z]+(?:[ ][A-Z]+){0,3})?\uFFFF`,
  );
  assert.equal(toJavaScript(String.raw`[*+?]\++a\*+`), String.raw`[*+?]\++a\*+`); // escaped * and + are literals
  assert.equal(toJavaScript(String.raw`[ \t]*+.*?x??(?:a)?+`), String.raw`[ \t]*.*?x??(?:a)?`);
  assert.throws(() => toJavaScript('a{1,2}+'), /nested repeat/);
  assert.throws(() => toJavaScript('(?i:abc)'), /\(\?i\)/);
  new RegExp(toJavaScript(String.raw`(?<![A-Za-z0-9_])X{5,}`), 'u');
});

// recheck's time-based limits make its fuzzer depend on machine load, so they are switched off in
// favour of its step-based limits (deterministic with the default seed); fewer fuzzing iterations
// keep the whole check within about 30 s. The canaries below prove these settings still find
// both exponential (automaton checker) and polynomial (fuzz checker, look-arounds) cases.
const PARAMS: Parameters = {
  timeout: 60_000,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  recallTimeout: -1,
  maxIteration: 5,
};

test('recheck with these settings finds known-vulnerable regexes', { timeout: 60_000 }, async () => {
  const canaries = [
    '^(a+)+$',
    // An earlier version of the address-block `while`: a blank-accepting class followed by [ \t]*$.
    String.raw`^(?=[ \t]*(?:(?:FM|TO|INFO|XMT)[ \t]|R[A-Z0-9]{3,7}/|(?!UNCLAS|SECRET|SUBJ)[A-Z][A-Z0-9 .,/&()'#-]*\\?[ \t]*$))`,
    String.raw`(?<![A-Za-z])[A-Z][A-Z ]*[ \t]*:`,
  ];
  for (const source of canaries) {
    const d = await check(source, 'u', PARAMS);
    assert.equal(d.status, 'vulnerable', source);
  }
});

test('no regex of the grammar is vulnerable to ReDoS (recheck)', { timeout: 120_000 }, async () => {
  const found = collect(readCableGrammarJson(), '', []);
  // Deduplicate: merged rules reuse the same sources.
  const unique = [...new Map(found.map((f) => [f.source, f])).values()];
  assert.ok(unique.length > 60, `only ${unique.length} regexes found`);

  const results: Array<{ found: Found; translated: string; diagnostics: Diagnostics }> = [];
  const pending = [...unique];
  const started = Date.now();
  // Several checks at a time: recheck's native agent runs them in parallel.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let f = pending.shift(); f; f = pending.shift()) {
        const translated = toJavaScript(f.source);
        new RegExp(translated, 'u'); // must be valid JavaScript before recheck sees it
        const diagnostics = await check(translated, 'u', PARAMS);
        results.push({ found: f, translated, diagnostics });
      }
    }),
  );

  const count = (status: string) => results.filter((r) => r.diagnostics.status === status).length;
  const by = (checker: string) => results.filter((r) => r.diagnostics.checker === checker).length;
  console.log(
    `recheck: ${results.length} distinct regexes (${found.length} in the grammar, ${by('automaton')} by automaton, ` +
      `${by('fuzz')} by fuzzing) — ${count('safe')} safe, ${count('vulnerable')} vulnerable, ` +
      `${count('unknown')} unknown, none skipped, ${Date.now() - started} ms`,
  );
  const problems = results.flatMap(({ found: f, translated, diagnostics: d }) =>
    d.status === 'vulnerable'
      ? [`${f.where} is vulnerable (${d.complexity.type}), attack ${d.attack.pattern}:\n  ${f.source}`]
      : d.status === 'unknown'
        ? [`${f.where}: recheck could not decide (${d.error.kind}):\n  ${translated}`]
        : [],
  );
  assert.deepEqual(problems, []);
});
