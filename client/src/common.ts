import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
  type NewCableParams,
  type ParamsOf,
  RoutingIndicatorsRequest,
  type ResultOf,
  type StatusParams,
  StatusNotification,
} from '../../server/src/protocol/cable';
import { looksLikeCable } from './detect';
import { newCable } from './newCable';

export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/**
 * Shared by the desktop and the web extension: starts the client for `cable` documents, the
 * commands, the language status item and the opt-in detection of cables opened as plain text.
 */
export async function activateCommon(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<BaseLanguageClient> {
  const options: LanguageClientOptions = {
    documentSelector: [{ language: 'cable' }],
    initializationOptions: {
      rulesPage: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md').toString(),
      canDisableRules: true,
      // The strings of the user's display language, already loaded by VS Code (undefined in English),
      // so the server needs no file access to translate hovers and diagnostics.
      l10nBundle: vscode.l10n.bundle,
    },
    synchronize: { configurationSection: 'cable' },
  };
  const client = createClient(options);

  const status = vscode.languages.createLanguageStatusItem('cable.status', { language: 'cable' });
  status.name = vscode.l10n.t('Cable');
  status.text = vscode.l10n.t('Cable');
  status.detail = vscode.l10n.t('Cable language server');
  context.subscriptions.push(status);
  client.onNotification(StatusNotification.method, (params: StatusParams) => {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    if (params.uri !== active) return;
    const capped = params.symbols.omitted > 0 || params.foldingRangesOmitted > 0;
    status.severity = capped ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    status.text = capped
      ? vscode.l10n.t('Outline capped at {0} items', params.symbols.shown)
      : params.cables === 1
        ? vscode.l10n.t('1 cable')
        : vscode.l10n.t('{0} cables', params.cables);
    status.detail = capped
      ? vscode.l10n.t(
          '{0} outline items and {1} folding ranges left out (cable.maxOutlineItems)',
          params.symbols.omitted,
          params.foldingRangesOmitted,
        )
      : vscode.l10n.t('Cable language server');
    status.command = capped
      ? { title: vscode.l10n.t('Settings'), command: 'workbench.action.openSettings', arguments: ['cable.maxOutlineItems'] }
      : undefined;
  });

  context.subscriptions.push(
    vscode.commands.registerCommand('cable.newCable', (given?: NewCableParams) => newCable(client, given)),
    vscode.commands.registerCommand('cable.goToParagraph', () => goToParagraph()),
    vscode.commands.registerCommand('cable.lookUpRoutingIndicator', () => lookUpRoutingIndicator(client)),
    vscode.commands.registerCommand('cable.treatAsCable', async (uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (document) await vscode.languages.setTextDocumentLanguage(document, 'cable');
    }),
    vscode.commands.registerCommand('cable.disableRule', async (code: string) => {
      const config = vscode.workspace.getConfiguration('cable');
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const rules = { ...(config.get<Record<string, string>>('diagnostics.rules') ?? {}), [code]: 'off' };
      await config.update('diagnostics.rules', rules, target);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => void detectPlainText(document)),
  );
  for (const document of vscode.workspace.textDocuments) void detectPlainText(document);

  await client.start();
  context.subscriptions.push({ dispose: () => void client.stop() });
  return client;
}

async function detectPlainText(document: vscode.TextDocument): Promise<void> {
  if (document.languageId !== 'plaintext') return;
  if (!vscode.workspace.getConfiguration('cable', document.uri).get<boolean>('detectPlainText', false)) return;
  const lines: string[] = [];
  for (let i = 0; i < Math.min(document.lineCount, 8); i++) lines.push(document.lineAt(i).text);
  if (looksLikeCable(lines)) await vscode.languages.setTextDocumentLanguage(document, 'cable');
}

async function goToParagraph(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'cable') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a cable to go to one of its paragraphs.'));
    return;
  }
  const symbols =
    (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [];
  const items: (vscode.QuickPickItem & { range: vscode.Range })[] = [];
  for (const cable of symbols) {
    for (const child of cable.children) {
      if (child.kind !== vscode.SymbolKind.Number) continue;
      items.push({ label: child.name, description: symbols.length > 1 ? cable.name : undefined, range: child.selectionRange });
    }
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This cable has no numbered paragraphs.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Go to paragraph (type a number or words)'),
    matchOnDescription: true,
  });
  if (!picked) return;
  editor.selection = new vscode.Selection(picked.range.start, picked.range.start);
  editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** A searchable picker over the routing table; the pick is inserted as `RI/NAME` into a cable, else copied. */
async function lookUpRoutingIndicator(client: BaseLanguageClient): Promise<void> {
  const params: ParamsOf<typeof RoutingIndicatorsRequest> = { query: '', limit: 2000 };
  const rows = await client.sendRequest<ResultOf<typeof RoutingIndicatorsRequest>>(RoutingIndicatorsRequest.method, params);
  const items = rows.map((r) => ({
    label: r.ri,
    description: r.names[0],
    detail:
      [
        r.country,
        r.names.length > 1 ? vscode.l10n.t('also {0}', `${r.names.slice(1, 4).join('; ')}${r.names.length > 4 ? '…' : ''}`) : undefined,
      ]
        .filter(Boolean)
        .join(' — ') || undefined,
    row: r,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Type a routing indicator (RUEHBW) or a city (Belgrade)'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  const text = `${picked.row.ri}/${picked.row.names[0]}`;
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'cable') {
    await editor.edit((edit) => edit.replace(editor.selection, text));
  } else {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} copied to the clipboard.', text));
  }
}
