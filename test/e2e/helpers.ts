// Shared helpers for the end-to-end suite. Everything goes through the public `vscode` API so the
// same files run under @vscode/test-electron (desktop VS Code) and code-server (VS Code web).
// Never sleep a fixed time: poll the condition with `waitFor` and a timeout.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'cable-tooling.cable-language';
export const LANGUAGE_ID = 'cable';

/** How long to wait for the language server's first answer (it starts on first activation). */
export const SERVER_TIMEOUT_MS = Number(process.env.CABLE_E2E_SERVER_TIMEOUT_MS ?? 30_000);

/** Folder that holds the sample cables (also opened as the workspace by both runners). */
export function fixturesFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) return folder.uri;
  // out/test/e2e/helpers.js -> test/e2e/fixtures/workspace
  return vscode.Uri.file(path.resolve(__dirname, '..', '..', '..', 'test', 'e2e', 'fixtures', 'workspace'));
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(fixturesFolder(), name);
}

export function getExtension(): vscode.Extension<unknown> {
  const ext =
    vscode.extensions.getExtension(EXTENSION_ID) ??
    vscode.extensions.all.find((e) => (e.packageJSON?.contributes?.languages ?? []).some((l: { id?: string }) => l.id === LANGUAGE_ID));
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = SERVER_TIMEOUT_MS,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    intervalMs = Math.min(intervalMs * 1.5, 500);
  }
}

export interface OpenedFixture {
  uri: vscode.Uri;
  document: vscode.TextDocument;
  editor: vscode.TextEditor;
}

/** Opens a sample cable in an editor (which activates the extension via onLanguage:cable). */
export async function openFixture(name: string): Promise<OpenedFixture> {
  const uri = fixtureUri(name);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { uri, document, editor };
}

/** A document symbol flattened out of the outline tree, with its nesting depth. */
export interface FlatSymbol {
  name: string;
  detail: string;
  kind: vscode.SymbolKind;
  range: vscode.Range;
  selectionRange: vscode.Range;
  depth: number;
}

type AnySymbol = vscode.DocumentSymbol | vscode.SymbolInformation;

export function flattenSymbols(symbols: readonly AnySymbol[], depth = 0, out: FlatSymbol[] = []): FlatSymbol[] {
  for (const s of symbols) {
    const range = 'range' in s && s.range ? s.range : (s as vscode.SymbolInformation).location.range;
    const selectionRange = 'selectionRange' in s && s.selectionRange ? s.selectionRange : range;
    out.push({ name: s.name, detail: 'detail' in s ? s.detail : '', kind: s.kind, range, selectionRange, depth });
    if ('children' in s && s.children?.length) flattenSymbols(s.children, depth + 1, out);
  }
  return out;
}

export async function documentSymbols(uri: vscode.Uri): Promise<AnySymbol[]> {
  const result = await vscode.commands.executeCommand<AnySymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return result ?? [];
}

/**
 * Opens a fixture and waits until the language server answers with a non-empty outline:
 * the signal that the client started, the server initialised and parsed the document.
 */
export async function openFixtureAndWaitForServer(
  name: string,
  timeoutMs = SERVER_TIMEOUT_MS,
): Promise<OpenedFixture & { symbols: AnySymbol[] }> {
  const opened = await openFixture(name);
  const symbols = await waitFor(
    `document symbols for ${name} (is the language server running? languageId=${opened.document.languageId}, active=${getExtension().isActive})`,
    async () => {
      const s = await documentSymbols(opened.uri);
      return s.length > 0 ? s : undefined;
    },
    timeoutMs,
  );
  return { ...opened, symbols };
}

/** Line number (0-based) of the first line at or after `fromLine` that starts with `prefix`. */
export function lineStartingWith(document: vscode.TextDocument, prefix: string, fromLine = 0): number {
  for (let line = fromLine; line < document.lineCount; line++) {
    if (document.lineAt(line).text.startsWith(prefix)) return line;
  }
  throw new Error(`no line starting with ${JSON.stringify(prefix)} after line ${fromLine + 1} in ${document.uri.path}`);
}

/** Position of the first occurrence of `needle` in the document (optionally on a given line). */
export function positionOf(document: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  if (index < 0) throw new Error(`${JSON.stringify(needle)} not found in ${document.uri.path}`);
  return document.positionAt(index + offsetInNeedle);
}

/** Last line of the block of non-blank lines that starts at `startLine`. */
export function endOfBlock(document: vscode.TextDocument, startLine: number): number {
  let line = startLine;
  while (line + 1 < document.lineCount && document.lineAt(line + 1).text.trim() !== '') line++;
  return line;
}

/** Plain text of hover contents, whatever form the provider used. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export function diagnosticCodes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '')));
}

/** Waits until VS Code holds diagnostics for `uri` that satisfy `accept` (default: at least one). */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = SERVER_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  let last: readonly vscode.Diagnostic[] = [];
  try {
    return await waitFor(
      `diagnostics for ${uri.path}`,
      () => {
        last = vscode.languages.getDiagnostics(uri);
        return accept(last) ? [...last] : undefined;
      },
      timeoutMs,
    );
  } catch (err) {
    const seen = last.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} [${diagnosticCodes([d])[0]}] ${d.message}`);
    throw new Error(`${(err as Error).message}; diagnostics present: ${seen.length ? '\n  ' + seen.join('\n  ') : 'none'}`);
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * A test for a language-server feature that is not implemented yet. It is reported as pending
 * (skipped) unless CABLE_E2E_ALL=1 is set; replace `laterTest` by `test` once the feature lands.
 */
export function laterTest(title: string, fn: Mocha.AsyncFunc): void {
  if (process.env.CABLE_E2E_ALL) test(title, fn);
  else test.skip(title, fn);
}
