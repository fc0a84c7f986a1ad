// Loads syntaxes/cable.tmLanguage.json (and, for comparisons, tm-grammars' Markdown grammar) with
// vscode-textmate + vscode-oniguruma, the same engine VS Code uses, and tokenizes text line by line.
// Shared by test/grammar/*.test.ts and bench/grammar.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

/** Repository root, from the compiled location out/test/grammar (or out/bench via the import). */
export const repoRoot = path.resolve(__dirname, '../../..');
export const grammarPath = path.join(repoRoot, 'syntaxes', 'cable.tmLanguage.json');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus/real');
export const CABLE_SCOPE = 'text.cable';
export const MARKDOWN_SCOPE = 'text.html.markdown';

export interface LineToken {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly text: string;
  /** Full scope stack, root scope first. */
  readonly scopes: readonly string[];
}

export interface TokenizedLine {
  readonly line: string;
  readonly tokens: LineToken[];
  /** vscode-textmate gave up on the line because of the time limit. */
  readonly stoppedEarly: boolean;
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** Loads onig.wasm once per process (vscode-oniguruma allows a single loadWASM call). */
export function loadOnigLib(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasmPath = path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
    const bytes = fs.readFileSync(wasmPath);
    await oniguruma.loadWASM(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (str: string) => new oniguruma.OnigString(str),
    };
  })();
  return onigLib;
}

/** The cable grammar as raw JSON (for tests that inspect the rules themselves). */
export function readCableGrammarJson(): unknown {
  return JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
}

async function loadGrammar(scopeName: string, file: string): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: loadOnigLib(),
    // Only the requested grammar is known; embedded languages (Markdown code fences) resolve to
    // nothing, which is what an editor without those grammars would do.
    loadGrammar: (name) => Promise.resolve(name === scopeName ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null),
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`could not load grammar ${scopeName} from ${file}`);
  return grammar;
}

let cableGrammar: Promise<vsctm.IGrammar> | undefined;
let markdownGrammar: Promise<vsctm.IGrammar> | undefined;

export function loadCableGrammar(): Promise<vsctm.IGrammar> {
  cableGrammar ??= loadGrammar(CABLE_SCOPE, grammarPath);
  return cableGrammar;
}

export function loadMarkdownGrammar(): Promise<vsctm.IGrammar> {
  markdownGrammar ??= loadGrammar(MARKDOWN_SCOPE, path.join(repoRoot, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json'));
  return markdownGrammar;
}

/** Splits like a VS Code text model: CRLF, CR and LF all end a line and are not part of it. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Tokenizes `text` line by line, carrying the rule stack across lines as the editor does.
 * `timeLimitMs` is passed to vscode-textmate (VS Code uses 500 ms); 0 means no limit.
 */
export function tokenizeLines(grammar: vsctm.IGrammar, lines: readonly string[], timeLimitMs = 0): TokenizedLine[] {
  let stack: vsctm.StateStack = vsctm.INITIAL;
  const out: TokenizedLine[] = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, stack, timeLimitMs);
    out.push({
      line,
      stoppedEarly: result.stoppedEarly,
      tokens: result.tokens.map((t) => ({
        startIndex: t.startIndex,
        endIndex: Math.min(t.endIndex, line.length),
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
      })),
    });
    stack = result.ruleStack;
  }
  return out;
}

/** Loads the cable grammar and tokenizes a whole text. */
export async function tokenizeCable(text: string, timeLimitMs = 0): Promise<TokenizedLine[]> {
  return tokenizeLines(await loadCableGrammar(), splitLines(text), timeLimitMs);
}

function quote(text: string, max = 48): string {
  const shown = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return JSON.stringify(shown);
}

/**
 * Readable snapshot: each source line after `> `, then one row per token that carries any scope
 * besides the root: `  <start>-<end> "<text>" <scopes below the root>`. Blank runs between two
 * other tokens are left out (their scopes follow from the neighbours); leading, trailing and
 * whole-line blanks are kept so that a region running on past its end still shows.
 */
export function renderSnapshot(lines: readonly TokenizedLine[]): string {
  const rows: string[] = [];
  for (const { line, tokens } of lines) {
    rows.push(`> ${line}`);
    for (const [i, t] of tokens.entries()) {
      if (t.scopes.length <= 1 || t.startIndex >= t.endIndex) continue;
      const interior = i > 0 && t.endIndex < line.length;
      if (interior && /^[ \t]+$/.test(t.text)) continue;
      rows.push(`  ${t.startIndex}-${t.endIndex} ${quote(t.text)} ${t.scopes.slice(1).join(' ')}`);
    }
  }
  return rows.join('\n') + '\n';
}
