/**
 * The values (enums, notification and request types, the documents manager) the server takes
 * from vscode-languageserver, imported in this one module; types are imported where they are used.
 * The library is CommonJS, and the bundler wraps it once for every module that imports a value
 * from it, copying its 700-odd exports each time: one copy instead of one per feature module is
 * a visible part of the server's start (CHANGELOG).
 */
export {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  CancellationToken,
  FoldingRangeKind,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
