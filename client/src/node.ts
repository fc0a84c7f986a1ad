import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, TransportKind } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS, serverProcessEnv } from '../../server/src/protocol/serverProcess';
import { activateCommon } from './common';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // server-node.js runs dist/server.js with a V8 code cache kept in the extension's global storage.
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-node.js').fsPath;
  const env = { ...serverProcessEnv(process.env), CABLE_CACHE_DIR: context.globalStorageUri.fsPath };
  const serverOptions = {
    run: { module, transport: TransportKind.stdio, options: { env, execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.stdio, options: { env, execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6011'] } },
  };
  await activateCommon(
    context,
    (options: LanguageClientOptions) => new LanguageClient('cable', vscode.l10n.t('Cable Language Server'), serverOptions, options),
    // Per workspace where VS Code has a folder for it (the index is of the workspace's files).
    { storageFolder: (context.storageUri ?? context.globalStorageUri).fsPath },
  );
}

export function deactivate(): void {}
