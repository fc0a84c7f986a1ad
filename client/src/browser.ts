import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { activateCommon } from './common';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').toString(true));
  await activateCommon(context, (options: LanguageClientOptions) => new LanguageClient('cable', vscode.l10n.t('Cable Language Server'), worker, options));
}

export function deactivate(): void {}
