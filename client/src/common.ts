import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
  type DiagnosticsProfile,
  type IndexStatusParams,
  IndexStatusNotification,
  type NewCableParams,
  type ParamsOf,
  RoutingIndicatorsRequest,
  type ResultOf,
  type StatusParams,
  StatusNotification,
  WorkspaceFsReadDirectoryRequest,
  WorkspaceFsReadFileRequest,
} from '../../server/src/protocol/cable';
import { SNIFF_BYTES, SNIFF_LINES, textLooksLikeCable } from '../../server/src/protocol/detect';
import { CablesView } from './cablesView';
import { CablePreview } from './preview';
import { newCable } from './newCable';

export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/** What the host adds: the desktop passes a folder for the saved index, the web client reads files for the server. */
export interface HostOptions {
  readonly storageFolder?: string;
  /** Serve the server's file requests through workspace.fs (web), up to this many files. */
  readonly workspaceFs?: number;
}

/**
 * Shared by the desktop and the web extension: starts the client for `cable` documents, the
 * commands, the language status item and the opt-in detection of cables opened as plain text.
 */
export async function activateCommon(
  context: vscode.ExtensionContext,
  createClient: ClientFactory,
  host: HostOptions = {},
): Promise<BaseLanguageClient> {
  const options: LanguageClientOptions = {
    documentSelector: [{ language: 'cable' }],
    initializationOptions: {
      rulesPage: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md').toString(),
      canDisableRules: true,
      // The strings of the user's display language, already loaded by VS Code (undefined in English),
      // so the server needs no file access to translate hovers and diagnostics.
      l10nBundle: vscode.l10n.bundle,
      // The saved workspace index goes to the extension's storage (the server's XDG cache otherwise).
      storageFolder: host.storageFolder,
      workspaceFs: host.workspaceFs,
    },
    // `files` for files.associations and files.exclude, which decide what the workspace index holds.
    synchronize: { configurationSection: ['cable', 'files'] },
  };
  const client = createClient(options);
  if (host.workspaceFs) serveWorkspaceFs(client, context);

  const status = vscode.languages.createLanguageStatusItem('cable.status', { language: 'cable' });
  status.name = vscode.l10n.t('Cable');
  status.text = vscode.l10n.t('Cable');
  status.detail = vscode.l10n.t('Cable language server');
  context.subscriptions.push(status);
  // The server sends a document's status when it changes: kept per document, shown for the active one.
  const statuses = new Map<string, StatusParams>();
  client.onNotification(StatusNotification.method, (params: StatusParams) => {
    statuses.set(params.uri, params);
    if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) showStatus(params);
  });
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const params = editor && statuses.get(editor.document.uri.toString());
      if (params) showStatus(params);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => statuses.delete(document.uri.toString())),
  );
  function showStatus(params: StatusParams): void {
    const capped = params.symbols.omitted > 0 || params.foldingRangesOmitted > 0;
    status.severity = capped ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    status.text = capped
      ? vscode.l10n.t('Outline capped at {0} items', params.symbols.shown)
      : params.cables === 1
        ? vscode.l10n.t('1 cable')
        : vscode.l10n.t('{0} cables', params.cables);
    // A capped outline lists every cable; what it leaves out is paragraphs first, header fields before them.
    const omittedParagraphs = params.symbols.omittedParagraphs ?? 0;
    status.detail = capped
      ? vscode.l10n.t(
          'All {0} cables listed; {1} paragraphs, subjects and REF lines and {2} header fields, REF entries and sub-paragraphs left out, and {3} folding ranges (cable.maxOutlineItems)',
          params.cables,
          omittedParagraphs,
          params.symbols.omitted - omittedParagraphs,
          params.foldingRangesOmitted,
        )
      : vscode.l10n.t('Cable language server');
    if (params.profile) showProfile(params.profile);
    status.command = capped
      ? { title: vscode.l10n.t('Settings'), command: 'workbench.action.openSettings', arguments: ['cable.maxOutlineItems'] }
      : undefined;
  }

  // The diagnostics profile of the active cable, and a switch.
  const profile = vscode.languages.createLanguageStatusItem('cable.profile', { language: 'cable' });
  profile.name = vscode.l10n.t('Cable diagnostics profile');
  profile.text = vscode.l10n.t('Diagnostics: {0}', 'auto');
  profile.command = { title: vscode.l10n.t('Switch'), command: 'cable.switchDiagnosticsProfile' };
  context.subscriptions.push(profile);
  const showProfile = (value: DiagnosticsProfile) => {
    profile.text = value === 'reading' ? vscode.l10n.t('Diagnostics: reading') : vscode.l10n.t('Diagnostics: drafting');
    profile.detail =
      value === 'reading'
        ? vscode.l10n.t('Errors and warnings only (archival text)')
        : vscode.l10n.t('Every finding, hints included (a cable being written)');
  };

  // The workspace index: files, cables, what was skipped, and the round in progress.
  const index = vscode.languages.createLanguageStatusItem('cable.index', { language: 'cable' });
  index.name = vscode.l10n.t('Cable workspace index');
  index.text = vscode.l10n.t('Index: starting');
  index.command = { title: vscode.l10n.t('Details'), command: 'cable.showIndex' };
  context.subscriptions.push(index);
  let lastIndex: IndexStatusParams | undefined;
  // One handler per notification (a second would replace this one): the Cables view follows the index from here.
  const cables: { view?: CablesView } = {};
  client.onNotification(IndexStatusNotification.method, (params: IndexStatusParams) => {
    lastIndex = params;
    cables.view?.indexChanged(params);
    index.busy = params.indexing;
    index.text = params.indexing
      ? vscode.l10n.t('Indexing cables: {0} of {1}', params.done.toLocaleString(), params.total.toLocaleString())
      : vscode.l10n.t('Index: {0} cables in {1} files', params.cables.toLocaleString(), params.files.toLocaleString());
    const skipped = params.skipped.unreadable + params.skipped.binary + params.skipped.tooLarge;
    index.severity = skipped > 0 || params.limit ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    index.detail = [
      skipped > 0
        ? vscode.l10n.t(
            'skipped: {0} unreadable, {1} binary, {2} over 50 MB',
            params.skipped.unreadable,
            params.skipped.binary,
            params.skipped.tooLarge,
          )
        : undefined,
      params.limit ? vscode.l10n.t('at most {0} files in the browser', params.limit.toLocaleString()) : undefined,
    ]
      .filter(Boolean)
      .join('; ');
  });

  const preview = new CablePreview(client);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('cable.showPreview', () => preview.show(false)),
    vscode.commands.registerCommand('cable.showPreviewToSide', () => preview.show(true)),
    vscode.commands.registerCommand('cable.togglePreviewLock', () => preview.toggleLock()),
    vscode.commands.registerCommand('cable.switchDiagnosticsProfile', () => switchProfile()),
    vscode.commands.registerCommand('cable.showIndex', () => {
      const s = lastIndex;
      const text = s
        ? vscode.l10n.t(
            'Workspace index: {0} cables in {1} files; skipped {2} unreadable, {3} binary, {4} over 50 MB; {5} .txt files that are no cable. Saved in {6}.',
            s.cables,
            s.files,
            s.skipped.unreadable,
            s.skipped.binary,
            s.skipped.tooLarge,
            s.skipped.notCable,
            s.storage ?? vscode.l10n.t('(not saved)'),
          )
        : vscode.l10n.t('The workspace index has not reported yet.');
      void vscode.window.showInformationMessage(text);
    }),
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
  void offerPlainTextCables(context);

  await client.start();
  context.subscriptions.push({ dispose: () => void client.stop() });
  // After the start: the view's first requests need a running client.
  cables.view = new CablesView(client, context);
  context.subscriptions.push(cables.view);
  return client;
}

async function detectPlainText(document: vscode.TextDocument): Promise<void> {
  if (document.languageId !== 'plaintext') return;
  if (!vscode.workspace.getConfiguration('cable', document.uri).get<boolean>('detectPlainText', false)) return;
  // The index's view of a file on disk: its first SNIFF_BYTES, of which the first SNIFF_LINES lines.
  let start = '';
  for (let i = 0; i < Math.min(document.lineCount, SNIFF_LINES) && start.length < SNIFF_BYTES; i++) start += `${document.lineAt(i).text}\n`;
  if (textLooksLikeCable(start)) await vscode.languages.setTextDocumentLanguage(document, 'cable');
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

/** Reading or drafting (or back to auto), for this workspace. */
async function switchProfile(): Promise<void> {
  const items: (vscode.QuickPickItem & { value: string })[] = [
    { label: vscode.l10n.t('Reading'), description: vscode.l10n.t('errors and warnings only'), value: 'reading' },
    { label: vscode.l10n.t('Drafting'), description: vscode.l10n.t('every finding, hints included'), value: 'drafting' },
    { label: vscode.l10n.t('Auto'), description: vscode.l10n.t('drafting for .cable, reading for .txt'), value: 'auto' },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Diagnostics profile') });
  if (!picked) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('cable').update('diagnostics.profile', picked.value, target);
}

const FIRST_CONTACT_KEY = 'cable.firstContact';
/** Files looked at before the offer is made: the first .txt files VS Code's search finds. */
const FIRST_CONTACT_FILES = 20;

/**
 * A newcomer who opens a folder of `.txt` cables sees plain text until they find
 * `cable.detectPlainText`: when the workspace holds `.txt` files that pass the same sniff as the
 * index, offer once to treat them as cables in this workspace (not now: asked again next time in
 * another workspace; never: not again anywhere).
 */
async function offerPlainTextCables(context: vscode.ExtensionContext): Promise<void> {
  try {
    if (!vscode.workspace.workspaceFolders?.length) return;
    if (context.globalState.get(FIRST_CONTACT_KEY) === 'never' || context.workspaceState.get(FIRST_CONTACT_KEY)) return;
    const inspected = vscode.workspace.getConfiguration('cable').inspect<boolean>('detectPlainText');
    if (inspected?.globalValue !== undefined || inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined)
      return;
    const candidates = await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**', FIRST_CONTACT_FILES);
    let found = 0;
    for (const uri of candidates) {
      const stat = await vscode.workspace.fs.stat(uri);
      // workspace.fs reads whole files: a big one is passed over rather than read for its first 4 KB.
      if (stat.size > 1_000_000) continue;
      const start = new TextDecoder().decode((await vscode.workspace.fs.readFile(uri)).subarray(0, SNIFF_BYTES));
      if (textLooksLikeCable(start)) found++;
    }
    if (found === 0) return;
    const treat = vscode.l10n.t('Treat as cables');
    const notNow = vscode.l10n.t('Not now');
    const never = vscode.l10n.t('Never');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'This workspace holds .txt files that look like diplomatic cables. Open them as cables (outline, hovers, links, search across them)?',
      ),
      treat,
      notNow,
      never,
    );
    if (answer === treat) {
      await vscode.workspace.getConfiguration('cable').update('detectPlainText', true, vscode.ConfigurationTarget.Workspace);
      for (const document of vscode.workspace.textDocuments) await detectPlainText(document);
    } else if (answer === never) {
      await context.globalState.update(FIRST_CONTACT_KEY, 'never');
    }
    await context.workspaceState.update(FIRST_CONTACT_KEY, 'asked');
  } catch {
    // No file system or search here: no offer.
  }
}

/**
 * The server's file requests in the browser, where it has no file system of its own: folders
 * listed and files read through workspace.fs (bounded by the server).
 */
function serveWorkspaceFs(client: BaseLanguageClient, context: vscode.ExtensionContext): void {
  const base64 = (bytes: Uint8Array) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  context.subscriptions.push(
    client.onRequest(WorkspaceFsReadDirectoryRequest.method, async (params: ParamsOf<typeof WorkspaceFsReadDirectoryRequest>) => {
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(params.uri));
      return entries.map(([name, type]) => ({
        name,
        kind: type & vscode.FileType.Directory ? 'directory' : type & vscode.FileType.File ? 'file' : 'other',
      }));
    }),
    client.onRequest(WorkspaceFsReadFileRequest.method, async (params: ParamsOf<typeof WorkspaceFsReadFileRequest>) => {
      const uri = vscode.Uri.parse(params.uri);
      const stat = await vscode.workspace.fs.stat(uri).then(
        (s) => s,
        () => undefined,
      );
      if (!stat || !(stat.type & vscode.FileType.File)) return null;
      if (stat.size > params.maxBytes) return { size: stat.size, mtime: stat.mtime, base64: '' };
      const bytes = await vscode.workspace.fs.readFile(uri);
      return { size: stat.size, mtime: stat.mtime, base64: base64(bytes.subarray(0, params.maxBytes)) };
    }),
  );
}
