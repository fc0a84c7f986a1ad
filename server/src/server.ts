import * as l10n from '@vscode/l10n';
import type {
  CancellationToken, ClientCapabilities, Connection, DocumentSymbol, InitializeParams, InitializeResult, SymbolInformation,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { searchRoutingIndicators } from './data';
import {
  DidChangeConfigurationNotification, DocumentDiagnosticReportKind, NotificationType, RequestType, TextDocuments, TextDocumentSyncKind,
} from './lsp';
import { ModelCache } from './documents';
import { memo } from './features/memo';
import { withJsonBytes } from './features/jsonText';
import { codeActions } from './features/codeActions';
import { diagnostics } from './features/diagnostics';
import { completion } from './features/completion';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { definition, documentLinks } from './features/links';
import { selectionRanges } from './features/selectionRanges';
import { LEGEND, semanticTokens } from './features/semanticTokens';
import { documentSymbols } from './features/symbols';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { WorkspaceIndex } from './workspaceIndex';
import { type FileSystem, scanWorkspace } from './workspaceScan';

/** Sent when a feature capped its result, so the client can say so in a language status item. */
export interface StatusParams {
  readonly uri: string;
  readonly symbols: { readonly shown: number; readonly omitted: number };
  readonly foldingRangesOmitted: number;
  readonly cables: number;
}
export const StatusNotification = new NotificationType<StatusParams>('cable/status');

/** The routing table for a picker: `{ query }` filters by RI prefix or words of the station name. */
export const RoutingIndicatorsRequest = new RequestType<{ query?: string; limit?: number } | undefined, { ri: string; names: string[]; country?: string }[], void>('cable/routingIndicators');

export interface ServerOptions {
  /** Present on node: lets the server index `*.cable`/`*.tel` files of the workspace folders. */
  readonly fileSystem?: FileSystem;
}

const PUSH_DELAY_MS = 250;
const INDEX_DELAY_MS = 300;
/** Semantic tokens beyond this are left to the TextMate grammar (a 10 MB corpus dump has ~1M). */
const MAX_SEMANTIC_TOKENS = 200_000;

/**
 * Wires the language features to a connection. Every handler looks up the document, returns an
 * empty result when it is unknown or the request was cancelled, and delegates to one feature
 * module; none of them throws.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache();
  const index = new WorkspaceIndex();
  const settingsCache = new Map<string, Promise<Settings>>();
  const pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const lastStatus = new Map<string, string>();
  let capabilities: ClientCapabilities = {};
  let pullDiagnostics = false;
  let rulesPage: string | undefined;
  let canDisableRules = false;
  let workspaceFolders: string[] = [];

  const safely = <P, R>(fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      if (token?.isCancellationRequested) return fallback;
      try {
        return await handler(params, token);
      } catch (error) {
        connection.console.error(`cable: ${(error as Error)?.stack ?? String(error)}`);
        return fallback;
      }
    };

  const modelOf = (uri: string) => {
    const document = documents.get(uri);
    return document ? { document, model: models.get(document) } : undefined;
  };

  function settingsFor(uri: string): Promise<Settings> {
    if (!capabilities.workspace?.configuration) return Promise.resolve(DEFAULT_SETTINGS);
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'cable' })
        .then(readSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, cached);
    }
    return cached;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    const init = (params.initializationOptions ?? {}) as { rulesPage?: unknown; canDisableRules?: unknown; l10nBundle?: unknown };
    // The client's already-loaded bundle (vscode.l10n.bundle): no file to read, so this works in a
    // Web Worker too. Without one, every string is the English it is written in.
    const bundle = l10nBundle(init.l10nBundle);
    if (bundle) l10n.config({ contents: bundle });
    rulesPage = typeof init.rulesPage === 'string' ? init.rulesPage : undefined;
    canDisableRules = init.canDisableRules === true;
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: l10n.t('Cable') },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['(', '/', ' ', ','] },
        semanticTokensProvider: { legend: LEGEND, full: true, range: true },
      },
      serverInfo: { name: 'cable-language-server', version: VERSION },
    };
    if (pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: 'cable', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' }).catch(() => undefined);
    }
    if (options.fileSystem && workspaceFolders.length > 0) {
      void scanWorkspace(options.fileSystem, workspaceFolders, (uri, file) => {
        if (!documents.get(uri)) index.update(uri, file);
      }).catch((error) => connection.console.error(`cable: workspace scan: ${String(error)}`));
    }
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    if (pullDiagnostics && capabilities.workspace?.diagnostics?.refreshSupport) {
      void connection.languages.diagnostics.refresh().catch(() => undefined);
    } else if (!pullDiagnostics) {
      for (const document of documents.all()) schedulePush(document.uri, 0);
    }
  });

  async function diagnosticsFor(uri: string) {
    const entry = modelOf(uri);
    if (!entry) return [];
    const settings = await settingsFor(uri);
    if (!settings.diagnostics.enable) return [];
    return memo(entry.model, `diagnostics:${uri}:${JSON.stringify(settings.diagnostics.rules)}`, (m) => diagnostics(m, uri, settings.diagnostics.rules, rulesPage));
  }

  function schedulePush(uri: string, delay = PUSH_DELAY_MS): void {
    if (pullDiagnostics) return;
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(uri, setTimeout(() => {
      pushTimers.delete(uri);
      const document = documents.get(uri);
      if (!document) return;
      const version = document.version;
      diagnosticsFor(uri).then((list) => {
        // A newer edit has its own push coming; never publish results for an outdated version.
        if (documents.get(uri)?.version !== version) return;
        void connection.sendDiagnostics({ uri, version, diagnostics: list });
      }, (error) => connection.console.error(`cable: diagnostics failed: ${String(error)}`));
    }, delay));
  }

  // The workspace index follows open documents a moment after typing stops: parsing on every
  // keystroke just for cross-file links would make a large document lag.
  const indexTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const indexNow = (uri: string) => {
    clearTimeout(indexTimers.get(uri));
    indexTimers.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    try {
      index.update(uri, models.get(document));
    } catch (error) {
      connection.console.error(`cable: ${String(error)}`);
    }
  };
  /** Requests that read the index first bring it up to date with the open documents. */
  const flushIndex = () => {
    for (const uri of [...indexTimers.keys()]) indexNow(uri);
  };
  documents.onDidOpen((event) => indexNow(event.document.uri));
  documents.onDidChangeContent((change) => {
    const uri = change.document.uri;
    clearTimeout(indexTimers.get(uri));
    indexTimers.set(uri, setTimeout(() => indexNow(uri), INDEX_DELAY_MS));
    schedulePush(uri);
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    models.delete(uri);
    settingsCache.delete(uri);
    lastStatus.delete(uri);
    clearTimeout(pushTimers.get(uri));
    pushTimers.delete(uri);
    clearTimeout(indexTimers.get(uri));
    indexTimers.delete(uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDocumentSymbol(safely([], (params) => {
    const entry = modelOf(params.textDocument.uri);
    if (!entry) return [];
    return settingsFor(params.textDocument.uri).then((settings) => {
      const result = memo(entry.model, `symbols:${settings.maxOutlineItems}`, (m) => documentSymbols(m, settings.maxOutlineItems));
      const folding = memo(entry.model, `folding:${settings.maxFoldingRanges}`, (m) => foldingRanges(m, settings.maxFoldingRanges));
      const status: StatusParams = {
        uri: params.textDocument.uri,
        symbols: { shown: result.shown, omitted: result.omitted },
        foldingRangesOmitted: folding.omitted,
        cables: entry.model.cables.length,
      };
      const key = JSON.stringify(status);
      if (lastStatus.get(status.uri) !== key) {
        lastStatus.set(status.uri, key);
        void connection.sendNotification(StatusNotification, status);
      }
      return capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport
        ? withJsonBytes(result.symbols, result.jsonBytes)
        : flattenSymbols(result.symbols, params.textDocument.uri);
    });
  }));

  connection.onFoldingRanges(safely([], async (params) => {
    const entry = modelOf(params.textDocument.uri);
    if (!entry) return [];
    const settings = await settingsFor(params.textDocument.uri);
    return memo(entry.model, `folding:${settings.maxFoldingRanges}`, (m) => foldingRanges(m, settings.maxFoldingRanges)).ranges;
  }));

  connection.onSelectionRanges(safely([], (params) => {
    const entry = modelOf(params.textDocument.uri);
    return entry ? selectionRanges(entry.model, params.positions) : [];
  }));

  connection.onDefinition(safely([], (params) => {
    flushIndex();
    const entry = modelOf(params.textDocument.uri);
    return entry ? definition(entry.model, params.textDocument.uri, params.position, index) : [];
  }));

  connection.onDocumentLinks(safely([], (params) => {
    flushIndex();
    const entry = modelOf(params.textDocument.uri);
    return entry ? documentLinks(entry.model, params.textDocument.uri, index) : [];
  }));

  connection.onWorkspaceSymbol(safely([], (params) => {
    flushIndex();
    return index.search(params.query ?? '', 500).map((c) => ({
      name: c.name,
      kind: 1 /* File */,
      containerName: c.subject,
      location: { uri: c.uri, range: c.selectionRange },
    }));
  }));

  connection.onHover(safely(null, (params) => {
    flushIndex();
    const entry = modelOf(params.textDocument.uri);
    return entry ? hover(entry.model, params.position, params.textDocument.uri, index) : null;
  }));

  connection.onCompletion(safely({ isIncomplete: false, items: [] }, (params) => {
    const entry = modelOf(params.textDocument.uri);
    return entry ? completion(entry.model, params.position) : { isIncomplete: false, items: [] };
  }));

  connection.onRequest(RoutingIndicatorsRequest, safely([], (params: { query?: string; limit?: number } | undefined) =>
    searchRoutingIndicators(params?.query ?? '', Math.min(params?.limit ?? 2000, 2000))
      .filter((ri) => !ri.range)
      .map((ri) => ({ ri: ri.ri, names: ri.names, country: ri.country }))));

  connection.languages.semanticTokens.on(safely({ data: [] }, (params) => {
    const entry = modelOf(params.textDocument.uri);
    return entry ? memo(entry.model, 'semanticTokens', (m) => semanticTokens(m, undefined, MAX_SEMANTIC_TOKENS).tokens) : { data: [] };
  }));

  connection.languages.semanticTokens.onRange(safely({ data: [] }, (params) => {
    const entry = modelOf(params.textDocument.uri);
    return entry ? semanticTokens(entry.model, params.range, MAX_SEMANTIC_TOKENS).tokens : { data: [] };
  }));

  connection.onCodeAction(safely([], (params) => codeActions(params.textDocument.uri, params.context?.diagnostics ?? [], canDisableRules)));

  connection.languages.diagnostics.on(safely(
    { kind: DocumentDiagnosticReportKind.Full, items: [] },
    async (params) => ({ kind: DocumentDiagnosticReportKind.Full, items: await diagnosticsFor(params.textDocument.uri) }),
  ));

  documents.listen(connection);
  connection.listen();
}

/** A bundle as VS Code loads it: message → translation; anything else is ignored. */
function l10nBundle(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const bundle: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) if (typeof text === 'string') bundle[key] = text;
  return bundle;
}

/** SymbolInformation for clients that do not declare hierarchical document symbols. */
function flattenSymbols(symbols: readonly DocumentSymbol[], uri: string, container?: string, out: SymbolInformation[] = []): SymbolInformation[] {
  for (const s of symbols) {
    out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container ? { containerName: container } : {}) });
    flattenSymbols(s.children ?? [], uri, s.name, out);
  }
  return out;
}

declare const __VERSION__: string | undefined;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
