// Tokenization throughput of syntaxes/cable.tmLanguage.json against VS Code's Markdown grammar
// (tm-grammars' markdown.json, `text.html.markdown`) on the same texts in the same run, with the
// engine VS Code uses (vscode-textmate + vscode-oniguruma), line by line with the rule stack carried
// over as in the editor.
import type { IGrammar, StateStack } from 'vscode-textmate';
import { loadCableGrammar, loadMarkdownGrammar, splitLines } from '../test/grammar/tokenize';

export interface GrammarBenchResult {
  /** Our grammar, MB of UTF-8 text per second (best of the timed rounds). */
  oursMBps: number;
  /** The Markdown grammar on the same texts in the same run. */
  markdownMBps: number;
  /** oursMBps / markdownMBps (above 1: faster than Markdown). */
  ratio: number;
  /** Slowest single line with our grammar (each line timed twice, the smaller time kept, so that a GC pause does not count). */
  slowestLineMs: number;
  /** Where that line is and how it starts: `text <i>, line <n> (<length> chars): <first 120 chars>`. */
  slowestLine: string;
  /** One synthetic header of 100 KB collapsed into a single line (best of three, after warm-up). */
  oneLineHeader100KBms: number;
}

const ROUNDS = 3;

function tokenizeAll(grammar: IGrammar, docs: readonly string[][]): void {
  for (const lines of docs) {
    let stack: StateStack | null = null;
    for (const line of lines) stack = grammar.tokenizeLine(line, stack).ruleStack;
  }
}

function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A transmission header collapsed into one line, at least `bytes` long. */
export function syntheticOneLineHeader(bytes = 100 * 1024): string {
  const head = 'VZCZCXRO0825 OO RUEHSR DE RUEHC #5608/01 3312058 ZNR UUUUU ZZH O 262051Z NOV 08 FM SECSTATE WASHDC TO ';
  const addressees = [
    'RUEHBW/AMEMBASSY BELGRADE IMMEDIATE 0001',
    'RUEKJCS/JOINT STAFF WASHDC//J-3/J-5// PRIORITY',
    'RHMFISS/CDR USCENTCOM MACDILL AFB FL PRIORITY 7721-7722',
    'INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY',
    'AMEMBASSY RIO DE JANEIRO NIACT IMMEDIATE 0447',
  ];
  let out = head;
  for (let i = 0; out.length < bytes; i++) out += `${addressees[i % addressees.length]} `;
  return `${out}XMT AMCONSUL JOHANNESBURG`;
}

export async function benchGrammar(texts: string[]): Promise<GrammarBenchResult> {
  const [ours, markdown] = await Promise.all([loadCableGrammar(), loadMarkdownGrammar()]);
  const docs = texts.map(splitLines);
  const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;

  // Warm-up: compiles every scanner and lets V8 optimise vscode-textmate before anything is timed.
  tokenizeAll(ours, docs);
  tokenizeAll(markdown, docs);

  // Interleaved rounds so that both grammars see the same machine load; best round of each.
  let oursMs = Infinity;
  let markdownMs = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const order: Array<[IGrammar, (ms: number) => void]> = [
      [ours, (ms) => (oursMs = Math.min(oursMs, ms))],
      [markdown, (ms) => (markdownMs = Math.min(markdownMs, ms))],
    ];
    if (round % 2 === 1) order.reverse();
    for (const [grammar, record] of order) record(timeMs(() => tokenizeAll(grammar, docs)));
  }

  // Slowest line: every line timed twice (with the state it really has), the smaller time kept.
  let slowestLineMs = 0;
  let slowestLine = '';
  const perLine = docs.map((lines) => {
    const times = new Float64Array(lines.length);
    let stack: StateStack | null = null;
    lines.forEach((line, i) => {
      const before = stack;
      times[i] = timeMs(() => (stack = ours.tokenizeLine(line, before).ruleStack));
    });
    return times;
  });
  docs.forEach((lines, d) => {
    let stack: StateStack | null = null;
    lines.forEach((line, i) => {
      const before = stack;
      const ms = Math.min(
        perLine[d][i],
        timeMs(() => (stack = ours.tokenizeLine(line, before).ruleStack)),
      );
      if (ms > slowestLineMs) {
        slowestLineMs = ms;
        slowestLine = `text ${d}, line ${i + 1} (${line.length} chars): ${line.slice(0, 120)}`;
      }
    });
  });

  const header = syntheticOneLineHeader();
  ours.tokenizeLine(syntheticOneLineHeader(4096), null);
  let oneLineHeader100KBms = Infinity;
  for (let i = 0; i < 3; i++)
    oneLineHeader100KBms = Math.min(
      oneLineHeader100KBms,
      timeMs(() => ours.tokenizeLine(header, null)),
    );

  const oursMBps = megabytes / (oursMs / 1000);
  const markdownMBps = megabytes / (markdownMs / 1000);
  return { oursMBps, markdownMBps, ratio: oursMBps / markdownMBps, slowestLineMs, slowestLine, oneLineHeader100KBms };
}
