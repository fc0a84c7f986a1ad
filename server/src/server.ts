import * as l10n from '@vscode/l10n';
import type { ClientCapabilities, Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RequestCancelledError, throwIfCancelled } from './analysis/cancellation';
import type { FeatureContext } from './analysis/context';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './analysis/settings';
import { searchRoutingIndicators } from './data';
import { documentDiagnostics } from './diagnostics/documentDiagnostics';
import { ModelCache } from './documents';
import { codeActions } from './features/codeActions';
import { completion } from './features/completion';
import { foldingRanges } from './features/folding';
import { formatting, rangeFormatting } from './features/formatting';
import { hover } from './features/hover';
import { withJsonBytes } from './features/jsonText';
import { definition, documentLinks } from './features/links';
import { selectionRanges } from './features/selectionRanges';
import { prepareRename, rename } from './features/rename';
import { LEGEND, semanticTokens, semanticTokensInRange } from './features/semanticTokens';
import { documentSymbols, flattenSymbols } from './features/symbols';
import { workspaceSymbols } from './features/workspaceSymbols';
import { cableSkeleton } from './analysis/skeleton';
import {
  NewCableRequest,
  type ParamsOf,
  RoutingIndicatorsRequest,
  type ResultOf,
  type StatusParams,
  StatusNotification,
} from './protocol/cable';
import {
  CancellationToken,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from './protocol/lsp';
import { WorkspaceIndex } from './workspace/index';
import { type FileSystem, scanWorkspace } from './workspace/scan';

export interface ServerOptions {
  /** Present on node: lets the server index `*.cable`/`*.tel` files of the workspace folders. */
  readonly fileSystem?: FileSystem;
}

const PUSH_DELAY_MS = 250;
const INDEX_DELAY_MS = 300;

/**
 * Wires the language features to a connection. Every handler resolves the document's context (its
 * model, settings and the workspace), checks for cancellation after every await, and delegates to
 * one feature module; none of them throws but to answer a cancelled request as LSP asks.
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
  const log = (message: string) => connection.console.error(`cable: ${message}`);

  /**
   * A handler that answers `fallback` when it fails (the failure is logged) and LSP's
   * RequestCancelled error when its request is cancelled, before, during or after it runs.
   */
  const handle =
    <P, R>(fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      let result: R;
      try {
        throwIfCancelled(token);
        result = await handler(params, token);
      } catch (error) {
        if (error instanceof RequestCancelledError || token?.isCancellationRequested) throw cancelled();
        // An answer the feature chose (a rename to a name it cannot take), for the client to show.
        if (error instanceof ResponseError) throw error;
        log((error as Error)?.stack ?? String(error));
        return fallback;
      }
      if (token?.isCancellationRequested) throw cancelled();
      return result;
    };

  function settingsFor(uri: string): Promise<Settings> {
    if (!capabilities.workspace?.configuration) return Promise.resolve(DEFAULT_SETTINGS);
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = connection.workspace.getConfiguration({ scopeUri: uri, section: 'cable' }).then(readSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, cached);
    }
    return cached;
  }

  /** The context of an open document, or undefined when it is not (or no longer) open. */
  async function contextOf(uri: string, token?: CancellationToken): Promise<FeatureContext | undefined> {
    if (!documents.get(uri)) return undefined;
    const settings = await settingsFor(uri);
    throwIfCancelled(token);
    // Looked up again after the await: an edit may have come in meanwhile.
    const document = documents.get(uri);
    if (!document) return undefined;
    return { uri, file: models.get(document), settings, workspace: index, rulesPage, canDisableRules, log };
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
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        renameProvider: { prepareProvider: true },
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
      }).catch((error) => log(`workspace scan: ${String(error)}`));
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

  function schedulePush(uri: string, delay = PUSH_DELAY_MS): void {
    if (pullDiagnostics) return;
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(() => {
        pushTimers.delete(uri);
        const version = documents.get(uri)?.version;
        if (version === undefined) return;
        contextOf(uri)
          .then((context) => {
            // A newer edit has its own push coming; never publish results for an outdated version.
            if (!context || documents.get(uri)?.version !== version) return;
            void connection.sendDiagnostics({
              uri,
              version,
              diagnostics: documentDiagnostics(context, { textDocument: { uri } }, CancellationToken.None),
            });
          })
          .catch((error) => log(`diagnostics failed: ${String(error)}`));
      }, delay),
    );
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
      log(String(error));
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
    indexTimers.set(
      uri,
      setTimeout(() => indexNow(uri), INDEX_DELAY_MS),
    );
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

  /** The status the client shows, sent when it changes. */
  function sendStatus(status: StatusParams): void {
    const key = JSON.stringify(status);
    if (lastStatus.get(status.uri) === key) return;
    lastStatus.set(status.uri, key);
    void connection.sendNotification(StatusNotification.method, status);
  }

  connection.onDocumentSymbol(
    handle([], async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      if (!context) return [];
      const result = documentSymbols(context, params, token);
      const folding = foldingRanges(context, { textDocument: params.textDocument }, token);
      sendStatus({
        uri: context.uri,
        symbols: { shown: result.shown, omitted: result.omitted },
        foldingRangesOmitted: folding.omitted,
        cables: context.file.cables.length,
      });
      return capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport
        ? withJsonBytes(result.symbols, result.jsonBytes)
        : flattenSymbols(result.symbols, context.uri);
    }),
  );

  connection.onFoldingRanges(
    handle([], async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return context ? foldingRanges(context, params, token).ranges : [];
    }),
  );

  connection.onSelectionRanges(
    handle([], async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return context ? selectionRanges(context, params, token) : [];
    }),
  );

  connection.onDefinition(
    handle([], async (params, token) => {
      flushIndex();
      const context = await contextOf(params.textDocument.uri, token);
      return context ? definition(context, params, token) : [];
    }),
  );

  connection.onDocumentLinks(
    handle([], async (params, token) => {
      flushIndex();
      const context = await contextOf(params.textDocument.uri, token);
      return context ? documentLinks(context, params, token) : [];
    }),
  );

  connection.onWorkspaceSymbol(
    handle([], (params, token) => {
      flushIndex();
      return workspaceSymbols(index, params, token);
    }),
  );

  connection.onHover(
    handle(null, async (params, token) => {
      flushIndex();
      const context = await contextOf(params.textDocument.uri, token);
      return context ? hover(context, params, token) : null;
    }),
  );

  connection.onCompletion(
    handle({ isIncomplete: false, items: [] }, async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return context ? completion(context, params, token) : { isIncomplete: false, items: [] };
    }),
  );

  connection.onRequest(
    RoutingIndicatorsRequest.method,
    handle([], (params: ParamsOf<typeof RoutingIndicatorsRequest>): ResultOf<typeof RoutingIndicatorsRequest> =>
      searchRoutingIndicators(params?.query ?? '', Math.min(params?.limit ?? 2000, 2000))
        .filter((ri) => !ri.range)
        .map((ri) => ({ ri: ri.ri, names: ri.names, country: ri.country })),
    ),
  );

  connection.onRequest(
    NewCableRequest.method,
    handle({ text: '' }, (params: ParamsOf<typeof NewCableRequest>): ResultOf<typeof NewCableRequest> => {
      if (!params?.from?.name || !Array.isArray(params.to) || !['U', 'SBU', 'C', 'S', 'TS'].includes(params.level)) {
        throw new ResponseError(ErrorCodes.InvalidParams, 'cable/newCable needs from, to and a level (U, SBU, C, S or TS)');
      }
      const date = params.date ? new Date(params.date) : new Date();
      return { text: cableSkeleton({ ...params, date: Number.isNaN(date.getTime()) ? new Date() : date }) };
    }),
  );

  connection.languages.semanticTokens.on(
    handle({ data: [] }, async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return context ? semanticTokens(context, params, token) : { data: [] };
    }),
  );

  connection.languages.semanticTokens.onRange(
    handle({ data: [] }, async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return context ? semanticTokensInRange(context, params, token) : { data: [] };
    }),
  );

  connection.onCodeAction(
    handle([], async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return context ? codeActions(context, params, token) : [];
    }),
  );

  connection.onDocumentFormatting(
    handle([], async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return context ? formatting(context, params, token) : [];
    }),
  );

  connection.onDocumentRangeFormatting(
    handle([], async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return context ? rangeFormatting(context, params, token) : [];
    }),
  );

  connection.onPrepareRename(
    handle(null, async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return context ? prepareRename(context, params, token) : null;
    }),
  );

  connection.onRenameRequest(
    handle(null, async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return context ? rename(context, params, token) : null;
    }),
  );

  connection.languages.diagnostics.on(
    handle({ kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params, token) => {
      const context = await contextOf(params.textDocument.uri, token);
      return { kind: DocumentDiagnosticReportKind.Full, items: context ? documentDiagnostics(context, params, token) : [] };
    }),
  );

  documents.listen(connection);
  connection.listen();
}

/** What a cancelled request is answered with: vscode-languageclient then returns its default quietly. */
function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/** A bundle as VS Code loads it: message → translation; anything else is ignored. */
function l10nBundle(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const bundle: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) if (typeof text === 'string') bundle[key] = text;
  return bundle;
}

declare const __VERSION__: string | undefined;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
