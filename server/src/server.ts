import * as l10n from '@vscode/l10n';
import type { ClientCapabilities, Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RequestCancelledError, throwIfCancelled } from './analysis/cancellation';
import type { FeatureContext } from './analysis/context';
import { DEFAULT_SETTINGS, profileOf, readSettings, type Settings } from './analysis/settings';
import { searchRoutingIndicators } from './data';
import { documentDiagnostics } from './diagnostics/documentDiagnostics';
import { clientIndexHost } from './clientFiles';
import { ModelCache } from './documents';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from './features/callHierarchy';
import { codeActions } from './features/codeActions';
import { completion } from './features/completion';
import { foldingRanges } from './features/folding';
import { formatting, rangeFormatting } from './features/formatting';
import { hover } from './features/hover';
import { withJsonBytes } from './features/jsonText';
import { definition, documentLinks } from './features/links';
import { references } from './features/references';
import { selectionRanges } from './features/selectionRanges';
import { prepareRename, rename } from './features/rename';
import { LEGEND, semanticTokens, semanticTokensInRange } from './features/semanticTokens';
import { documentSymbols, flattenSymbols } from './features/symbols';
import { workspaceSymbols } from './features/workspaceSymbols';
import { cableSkeleton } from './analysis/skeleton';
import { preview } from './features/preview';
import type { PreviewProblem } from './features/preview/render';
import {
  CableChartRequest,
  CableGroupsRequest,
  CablesRequest,
  ExportCablesRequest,
  type IndexStatusParams,
  IndexStatusNotification,
  NewCableRequest,
  type ParamsOf,
  PreviewRequest,
  RoutingIndicatorsRequest,
  type ResultOf,
  type StatusParams,
  StatusNotification,
} from './protocol/cable';
import {
  CancellationToken,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from './protocol/lsp';
import { IndexBuilder, type IndexedFolder, type ProgressSink } from './workspace/builder';
import { CableBrowser } from './workspace/browse';
import { WorkspaceIndex } from './workspace/index';
import type { IndexStorage } from './workspace/persist';
import { type FileIndexer, type FileSystem, normalizeUri } from './workspace/scan';
import { IndexScope, readIndexSettings } from './workspace/scope';

/** What a host gives the workspace index: node has files, threads and a cache folder. */
export interface IndexHost {
  readonly fileSystem: FileSystem;
  createIndexer(): FileIndexer;
  /** Where to save the index of these workspace folders; `storageFolder` is the client's (initializationOptions). */
  storage(storageFolder: string | undefined, workspaceFolders: readonly string[]): { storage: IndexStorage; path: string } | undefined;
}

export interface ServerOptions {
  /** Present on node: the server indexes the cable files of the workspace folders. */
  readonly index?: IndexHost;
  /** Called once the server has answered `shutdown` (its pending work saved). */
  readonly onShutdown?: () => void;
}

const PUSH_DELAY_MS = 250;
const INDEX_DELAY_MS = 300;
const INDEX_STATUS_DELAY_MS = 500;
/** The most files a client-read index (the web) holds: every one crosses the connection whole. */
const WEB_INDEX_LIMIT = 10_000;
const PROGRESS_DELAY_MS = 250;
/** One formatter for progress counts: `toLocaleString` makes one a call, a millisecond each on the server thread. */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/**
 * Wires the language features to a connection. Every handler resolves the document's context (its
 * model, settings and the workspace), checks for cancellation after every await, and delegates to
 * one feature module; none of them throws but to answer a cancelled request as LSP asks.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache();
  const index = new WorkspaceIndex();
  const browser = new CableBrowser(index);
  const settingsCache = new Map<string, Promise<Settings>>();
  const pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const lastStatus = new Map<string, { key: string; status: StatusParams }>();
  let capabilities: ClientCapabilities = {};
  let pullDiagnostics = false;
  let rulesPage: string | undefined;
  let canDisableRules = false;
  let workspaceFolders: string[] = [];
  let storageFolder: string | undefined;
  let builder: IndexBuilder | undefined;
  let storagePath: string | undefined;
  let indexHost = options.index;
  /** At most this many files, where the host bounds the index. */
  let indexLimit: number | undefined;
  /** Resolves once the saved index is loaded (or found missing): requests that read the index wait for it, not for the walk. */
  let indexLoaded: Promise<void> = Promise.resolve();
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
    const init = (params.initializationOptions ?? {}) as {
      rulesPage?: unknown;
      canDisableRules?: unknown;
      l10nBundle?: unknown;
      storageFolder?: unknown;
      workspaceFs?: unknown;
    };
    // The client's already-loaded bundle (vscode.l10n.bundle): no file to read, so this works in a
    // Web Worker too. Without one, every string is the English it is written in.
    const bundle = l10nBundle(init.l10nBundle);
    if (bundle) l10n.config({ contents: bundle });
    rulesPage = typeof init.rulesPage === 'string' ? init.rulesPage : undefined;
    canDisableRules = init.canDisableRules === true;
    storageFolder = typeof init.storageFolder === 'string' && init.storageFolder.length > 0 ? init.storageFolder : undefined;
    // Without a file system of its own (a Web Worker), the server reads through the client, if it offers to.
    if (!indexHost && typeof init.workspaceFs === 'number' && init.workspaceFs > 0) {
      const host = clientIndexHost(connection, Math.min(init.workspaceFs, WEB_INDEX_LIMIT));
      indexHost = host;
      indexLimit = host.limit;
    }
    workspaceFolders = (params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : [])).map(normalizeUri);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: l10n.t('Cable') },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        referencesProvider: true,
        callHierarchyProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
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
    if (indexHost && workspaceFolders.length > 0) indexLoaded = startIndex(indexHost);
    if (capabilities.workspace?.workspaceFolders) {
      // Folders added or removed: the index walks the new set (files of removed folders go in the sweep).
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => normalizeUri(f.uri)));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => normalizeUri(f.uri))];
        if (!indexHost) return;
        if (!builder) {
          if (workspaceFolders.length > 0) indexLoaded = startIndex(indexHost);
          return;
        }
        void indexedFolders()
          .then((folders) => builder?.rescan(folders))
          .catch((error) => log(`workspace index: ${String(error)}`));
      });
    }
  });

  /** The index's scope for every workspace folder, from its `cable` and `files` settings. */
  async function indexedFolders(): Promise<IndexedFolder[]> {
    return Promise.all(
      workspaceFolders.map(async (uri) => {
        if (!capabilities.workspace?.configuration) return { uri, scope: new IndexScope(readIndexSettings(undefined, undefined)) };
        const [cable, files] = (await connection.workspace
          .getConfiguration([
            { scopeUri: uri, section: 'cable' },
            { scopeUri: uri, section: 'files' },
          ])
          .catch(() => [undefined, undefined])) as unknown[];
        return { uri, scope: new IndexScope(readIndexSettings(cable, files)) };
      }),
    );
  }

  async function startIndex(host: IndexHost): Promise<void> {
    try {
      const saved = host.storage(storageFolder, workspaceFolders);
      storagePath = saved?.path;
      builder = new IndexBuilder(index, {
        fileSystem: host.fileSystem,
        indexer: host.createIndexer(),
        storage: saved?.storage,
        isOpen: (uri) => documents.get(uri) !== undefined || openKeys.has(uri),
        maxFiles: indexLimit,
        beginProgress,
        changed: scheduleIndexStatus,
        log,
      });
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        // Every file: whether one is a cable depends on settings (associations, the sniff) that change.
        void connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
          .catch(() => undefined);
      }
      await builder.start(await indexedFolders());
    } catch (error) {
      log(`workspace index: ${String(error)}`);
    }
  }

  /** LSP work-done progress for a round of indexing, when the client supports it ("Indexing cables: 120,000 of 250,000"). */
  function beginProgress(): ProgressSink {
    if (!capabilities.window?.workDoneProgress) return { report: scheduleIndexStatus, end: scheduleIndexStatus };
    let reporter: Awaited<ReturnType<typeof connection.window.createWorkDoneProgress>> | undefined;
    let ended = false;
    let last = { done: 0, total: 0 };
    let lastSent = 0;
    // Before the walk has found a file, "0 of 0" would say nothing.
    const message = () =>
      last.total > 0
        ? l10n.t('{0} of {1}', COUNT_FORMAT.format(last.done), COUNT_FORMAT.format(last.total))
        : l10n.t('looking for cable files');
    const send = () => {
      if (!reporter || ended) return;
      lastSent = Date.now();
      const percentage = last.total > 0 ? Math.floor((last.done / last.total) * 100) : 0;
      reporter.report(percentage, message());
    };
    void connection.window.createWorkDoneProgress().then(
      (created) => {
        reporter = created;
        if (ended) {
          created.done();
          return;
        }
        created.begin(l10n.t('Indexing cables'), 0, message(), false);
      },
      () => undefined,
    );
    return {
      report(done, total) {
        last = { done, total };
        if (Date.now() - lastSent >= PROGRESS_DELAY_MS) send();
        scheduleIndexStatus();
      },
      end() {
        if (ended) return;
        send();
        ended = true;
        reporter?.done();
        scheduleIndexStatus();
      },
    };
  }

  let indexStatusTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleIndexStatus(): void {
    if (indexStatusTimer) return;
    indexStatusTimer = setTimeout(sendIndexStatus, INDEX_STATUS_DELAY_MS);
  }

  function sendIndexStatus(): void {
    indexStatusTimer = undefined;
    const counts = index.counts;
    const status: IndexStatusParams = {
      files: counts.files,
      cables: counts.cables,
      skipped: counts.skipped,
      indexing: builder?.busy ?? false,
      done: builder?.done ?? 0,
      total: builder?.total ?? 0,
      storage: storagePath,
      limit: indexLimit,
    };
    void connection.sendNotification(IndexStatusNotification.method, status);
    if (!status.indexing) index.prepareSearch();
  }

  connection.onShutdown(async () => {
    await builder?.save();
    builder?.dispose();
    options.onShutdown?.();
  });

  connection.onDidChangeWatchedFiles((params) => {
    builder?.filesChanged(params.changes);
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    // The profile shown for each open cable follows the setting (nothing else asks again for its status).
    for (const [uri, { status }] of lastStatus) {
      void settingsFor(uri).then((settings) => {
        if (lastStatus.has(uri)) sendStatus({ ...status, profile: profileOf(uri, settings) });
      });
    }
    if (builder) {
      const current = builder.folders.map((f) => f.scope.key).join('\n');
      void indexedFolders()
        .then((folders) => {
          if (builder && folders.map((f) => f.scope.key).join('\n') !== current) return builder.rescan(folders);
        })
        .catch((error) => log(`workspace index: ${String(error)}`));
    }
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
  /** Requests that read the index wait for the saved index, then bring it up to date with the open documents. */
  const flushIndex = async () => {
    await indexLoaded;
    for (const uri of [...indexTimers.keys()]) indexNow(uri);
  };
  /** Index keys of open documents (a client may spell a URI otherwise than the index does). */
  const openKeys = new Set<string>();
  documents.onDidOpen((event) => {
    openKeys.add(normalizeUri(event.document.uri));
    indexNow(event.document.uri);
  });
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
    openKeys.delete(normalizeUri(uri));
    // The file on disk replaces the document's text in the index (without a file system, the last text stays).
    builder?.documentClosed(uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** The status the client shows, sent when it changes. */
  function sendStatus(status: StatusParams): void {
    const key = JSON.stringify(status);
    if (lastStatus.get(status.uri)?.key === key) return;
    lastStatus.set(status.uri, { key, status });
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
        symbols: { shown: result.shown, omitted: result.omitted, omittedParagraphs: result.omittedParagraphs },
        foldingRangesOmitted: folding.omitted,
        cables: context.file.cables.length,
        profile: profileOf(context.uri, context.settings),
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
      await flushIndex();
      const context = await contextOf(params.textDocument.uri, token);
      return context ? definition(context, params, token) : [];
    }),
  );

  connection.onDocumentLinks(
    handle([], async (params, token) => {
      await flushIndex();
      const context = await contextOf(params.textDocument.uri, token);
      return context ? documentLinks(context, params, token) : [];
    }),
  );

  connection.onWorkspaceSymbol(
    handle([], async (params, token) => {
      await flushIndex();
      throwIfCancelled(token);
      return workspaceSymbols(index, params, token);
    }),
  );

  connection.onReferences(
    handle([], async (params, token) => {
      await flushIndex();
      const context = await contextOf(params.textDocument.uri, token);
      return context ? references(context, params, token) : [];
    }),
  );

  connection.languages.callHierarchy.onPrepare(
    handle(null, async (params, token) => {
      await flushIndex();
      const context = await contextOf(params.textDocument.uri, token);
      return context ? prepareCallHierarchy(context, params, token) : null;
    }),
  );

  connection.languages.callHierarchy.onIncomingCalls(
    handle([], async (params, token) => {
      await flushIndex();
      return incomingCalls(index, params, token);
    }),
  );

  connection.languages.callHierarchy.onOutgoingCalls(
    handle([], async (params, token) => {
      await flushIndex();
      return outgoingCalls(index, params, token);
    }),
  );

  connection.onHover(
    handle(null, async (params, token) => {
      await flushIndex();
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

  // The Cables view: a query that does not parse is an answer (its error), not a failed request.
  connection.onRequest(
    CableGroupsRequest.method,
    handle(
      { groups: [], total: 0, indexed: 0 },
      async (params: ParamsOf<typeof CableGroupsRequest>): Promise<ResultOf<typeof CableGroupsRequest>> => {
        await flushIndex();
        return browser.groups(params);
      },
    ),
  );
  connection.onRequest(
    CablesRequest.method,
    handle({ items: [], total: 0 }, async (params: ParamsOf<typeof CablesRequest>): Promise<ResultOf<typeof CablesRequest>> => {
      await flushIndex();
      return browser.cables(params);
    }),
  );
  connection.onRequest(
    CableChartRequest.method,
    handle(
      { months: [], classifications: [], origins: [], tags: [], total: 0, undated: 0 },
      async (params: ParamsOf<typeof CableChartRequest>): Promise<ResultOf<typeof CableChartRequest>> => {
        await flushIndex();
        return browser.chart(params);
      },
    ),
  );
  connection.onRequest(
    ExportCablesRequest.method,
    handle(
      { text: '', count: 0, columns: [] },
      async (params: ParamsOf<typeof ExportCablesRequest>): Promise<ResultOf<typeof ExportCablesRequest>> => {
        await flushIndex();
        return browser.export(params);
      },
    ),
  );

  connection.onRequest(
    PreviewRequest.method,
    handle(null, async (params: ParamsOf<typeof PreviewRequest>, token): Promise<ResultOf<typeof PreviewRequest> | null> => {
      await flushIndex();
      const context = await contextOf(params.textDocument.uri, token);
      if (!context) return null;
      const problems: PreviewProblem[] = params.problems
        ? documentDiagnostics(context, { textDocument: params.textDocument }, token).map((d) => ({
            range: d.range,
            severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : d.severity === 3 ? 'information' : 'hint',
            message: typeof d.message === 'string' ? d.message : d.message.value,
          }))
        : [];
      return preview(context, params, token, problems);
    }),
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
