import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { activateCommon } from './common';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await startServerWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js'));
  await activateCommon(
    context,
    (options: LanguageClientOptions) => new LanguageClient('cable', vscode.l10n.t('Cable Language Server'), worker, options),
    // The server in the Web Worker reads the workspace through workspace.fs, bounded (WEB_INDEX_LIMIT in server.ts).
    { workspaceFs: 5000 },
  );
}

export function deactivate(): void {}

/**
 * Starts the server bundle in a Web Worker. VS Code's web worker extension host loads workers from
 * http(s) URLs (vscode.dev's extension CDN, @vscode/test-web) but throws "Creating workers from
 * remote extensions is currently not supported" for the `vscode-remote:` URI of an extension
 * installed on a server (code-server, Codespaces, remote tunnels). There the script is read
 * through the editor's file system and started from a blob URL.
 */
async function startServerWorker(script: vscode.Uri): Promise<Worker> {
  const options: WorkerOptions = { name: 'Cable Language Server' };
  if (['http', 'https', 'file'].includes(script.scheme)) return new Worker(script.toString(true), options);
  const code = new TextDecoder().decode(await vscode.workspace.fs.readFile(script));
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })), options);
}
