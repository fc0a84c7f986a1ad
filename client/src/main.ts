/**
 * The one client bundle for desktop and web: `main` and `browser` in package.json both point here,
 * and the host decides which LanguageClient starts (a child process or a Web Worker).
 */
import type * as vscode from 'vscode';

declare const process: { versions?: { node?: string } } | undefined;

type Entry = { activate(context: vscode.ExtensionContext): Promise<void>; deactivate(): void };
// The host's half, chosen at run time: one bundle serves the desktop and the web extension.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment
const entry: Entry = typeof process === 'object' && typeof process?.versions?.node === 'string' ? require('./node') : require('./browser');

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return entry.activate(context);
}

export function deactivate(): void {
  entry.deactivate();
}
