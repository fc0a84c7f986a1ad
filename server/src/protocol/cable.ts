/**
 * The methods this server adds to LSP, declared once for the server, the VS Code client and the
 * documentation (README, "Custom requests"). Only names and types: this module imports nothing, so
 * the client bundle does not pull in the server's libraries, and another editor's client can be
 * written from it.
 */

/** A method name with the types of its parameters and result, for the typed helpers on both sides. */
export interface RequestMethod<Params, Result> {
  readonly method: string;
  /** Never set: carries the types only. */
  readonly types?: { readonly params: Params; readonly result: Result };
}

export interface NotificationMethod<Params> {
  readonly method: string;
  readonly types?: { readonly params: Params };
}

/** Sent after an outline is computed, so the client can say in its language status item what a cap left out. */
export interface StatusParams {
  readonly uri: string;
  /** `omittedParagraphs`: subjects, REF lines and paragraphs left out (a capped outline lists every cable, then those, then header fields). */
  readonly symbols: { readonly shown: number; readonly omitted: number; readonly omittedParagraphs?: number };
  /** The diagnostics profile that applies to the document. */
  readonly profile?: DiagnosticsProfile;
  readonly foldingRangesOmitted: number;
  readonly cables: number;
}

/** `reading`: errors and warnings only (archival text the reader cannot fix); `drafting`: every finding. */
export type DiagnosticsProfile = 'reading' | 'drafting';

export const StatusNotification: NotificationMethod<StatusParams> = { method: 'cable/status' };

/** The workspace index as the language status item shows it; sent when it changes (at most twice a second). */
export interface IndexStatusParams {
  /** Files holding cables, and their cables. */
  readonly files: number;
  readonly cables: number;
  /** Files left out, by reason: unreadable, binary (a NUL byte in the first 4 KB), over 50 MB; `.txt` files that are no cable. */
  readonly skipped: { readonly unreadable: number; readonly binary: number; readonly tooLarge: number; readonly notCable: number };
  /** A round of indexing is running: `done` of `total` files. */
  readonly indexing: boolean;
  readonly done: number;
  readonly total: number;
  /** Where the index is saved (undefined: not saved, as in a browser). */
  readonly storage?: string;
  /** The host bounds the index (the web client): at most this many files. */
  readonly limit?: number;
}

export const IndexStatusNotification: NotificationMethod<IndexStatusParams> = { method: 'cable/indexStatus' };

/**
 * Sent by the server to a client that announced `workspaceFs` in initializationOptions (the web
 * client: the server runs in a Web Worker without a file system): a folder's entries.
 */
export const WorkspaceFsReadDirectoryRequest: RequestMethod<
  { readonly uri: string },
  { readonly name: string; readonly kind: 'file' | 'directory' | 'other' }[]
> = { method: 'cable/fs/readDirectory' };

/** A file's size, mtime and first `maxBytes` bytes (base64; empty when it is larger than that); null when it is gone. */
export const WorkspaceFsReadFileRequest: RequestMethod<
  { readonly uri: string; readonly maxBytes: number },
  { readonly size: number; readonly mtime: number; readonly base64: string } | null
> = { method: 'cable/fs/readFile' };

export interface RoutingIndicatorsParams {
  /** A routing-indicator prefix or words of a station name; all when empty. */
  readonly query?: string;
  /** At most 2,000. */
  readonly limit?: number;
}

export interface RoutingIndicatorRow {
  readonly ri: string;
  readonly names: string[];
  readonly country?: string;
}

/** The routing table for a picker. */
export const RoutingIndicatorsRequest: RequestMethod<RoutingIndicatorsParams | undefined, RoutingIndicatorRow[]> = {
  method: 'cable/routingIndicators',
};

export interface PreviewParams {
  readonly textDocument: { readonly uri: string };
  /** Include problem markers (diagnostics) in the HTML; hidden until the page shows them. */
  readonly problems?: boolean;
}

export interface PreviewResult {
  /**
   * The reading view's body: escaped document text, no script, no remote resource. Elements carry
   * `data-line` (0-based) for scroll sync; `data-open`/`data-open-line` anchors name a cable in
   * another file, to open on click; `#c0-p3`/`#c0-ref-A` links stay in the page.
   */
  readonly html: string;
  /** Its style sheet (VS Code's theme variables, with plain fallbacks). */
  readonly css: string;
  readonly title: string;
  readonly cables: number;
}

/** The cable decoded for reading, as HTML (the extension's preview; `cable-lint --format html`). */
export const PreviewRequest: RequestMethod<PreviewParams, PreviewResult> = { method: 'cable/preview' };
/** A station for a new cable: its routing indicator, when known, and its plain-language address (`AMEMBASSY BELGRADE`). */
export interface NewCableStation {
  readonly ri?: string;
  readonly name: string;
}

export interface NewCableParams {
  readonly from: NewCableStation;
  readonly to: readonly NewCableStation[];
  readonly info?: readonly NewCableStation[];
  /** `U`, `SBU`, `C`, `S` or `TS`. */
  readonly level: 'U' | 'SBU' | 'C' | 'S' | 'TS';
  readonly tags: readonly string[];
  readonly subject: string;
  /** ISO 8601; now when absent. */
  readonly date?: string;
  /** A VS Code snippet, with tab stops for the text to write, instead of plain text. */
  readonly snippet?: boolean;
}

export interface NewCableResult {
  readonly text: string;
}

/** A well-formed skeleton of a cable (header, front matter, marked paragraphs, signature) from the values given. */
export const NewCableRequest: RequestMethod<NewCableParams, NewCableResult> = { method: 'cable/newCable' };

/**
 * The Cables view: the workspace index browsed by date, origin, classification or TAG, narrowed by
 * a query in the filter language (README, "Filtering cables"). Undated, unsigned… cables fall in
 * the group with the empty key.
 */
export type CableGroupBy = 'month' | 'origin' | 'classification' | 'tag';

/** A query that does not parse: what is wrong, and where (an offset into the query). */
export interface CableQueryError {
  readonly message: string;
  readonly offset: number;
}

export interface CableGroupsParams {
  readonly groupBy: CableGroupBy;
  /** The filter; everything when absent or blank. */
  readonly query?: string;
  /** `month` only: a year's key (`2006`) gives its months; without it, the years. */
  readonly parent?: string;
}

export interface CableGroup {
  /** `2006`, `2006-01`, `AMEMBASSY MADRID`, `SECRET//NOFORN`, `PREL`; empty for the cables without one. */
  readonly key: string;
  readonly count: number;
  /** A year of `month`, whose children are months rather than cables. */
  readonly hasGroups: boolean;
}

export interface CableGroupsResult {
  readonly groups: readonly CableGroup[];
  /** Cables that match the query (a cable with several TAGS counts once here, once in each TAG's group). */
  readonly total: number;
  /** Cables in the index. */
  readonly indexed: number;
  readonly error?: CableQueryError;
}

/** The groups of the selection with their counts. */
export const CableGroupsRequest: RequestMethod<CableGroupsParams, CableGroupsResult> = { method: 'cable/cableGroups' };

export interface CablesParams {
  readonly query?: string;
  /** With `group`: only the cables of that group (`month` takes a year's key or a month's). */
  readonly groupBy?: CableGroupBy;
  readonly group?: string;
  /** Only the cable of this file that holds this line (0-based): to reveal it. */
  readonly at?: { readonly uri: string; readonly line: number };
  readonly offset?: number;
  /** At most 5,000; 500 when absent. */
  readonly limit?: number;
}

export interface CableItem {
  readonly uri: string;
  /** The whole cable, and its classification line or header (what a click selects). */
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly selectionRange: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly id?: string;
  readonly name: string;
  /** `2007-02-01T17:43Z` */
  readonly date?: string;
  readonly subject?: string;
  readonly classification?: string;
  readonly origin?: string;
  /** Separated by spaces. */
  readonly tags?: string;
}

export interface CablesResult {
  /** In date order (undated last), from `offset`. */
  readonly items: readonly CableItem[];
  /** All that match, of which `items` is a page. */
  readonly total: number;
  readonly error?: CableQueryError;
}

export const CablesRequest: RequestMethod<CablesParams, CablesResult> = { method: 'cable/cables' };

export interface ExportCablesParams {
  readonly query?: string;
  readonly groupBy?: CableGroupBy;
  readonly group?: string;
  readonly format: 'csv' | 'jsonl';
}

export interface ExportCablesResult {
  /** CSV (RFC 4180, CRLF) with a header row, or one JSON object a line; the columns are cable-lint's CSV columns that the index holds. */
  readonly text: string;
  readonly count: number;
  readonly columns: readonly string[];
  readonly error?: CableQueryError;
}

/** The selection's metadata, to save as a file. */
export const ExportCablesRequest: RequestMethod<ExportCablesParams, ExportCablesResult> = { method: 'cable/exportCables' };

export interface CableChartParams {
  readonly query?: string;
  /** How many of the busiest origins and TAGS; 10 when absent, at most 100. */
  readonly top?: number;
}

export interface CableChartResult {
  /** Every month from the first dated cable of the selection to the last (`2006-01`), with its cables by classification label. */
  readonly months: readonly { readonly key: string; readonly counts: Readonly<Record<string, number>> }[];
  /** The classification labels that occur, most cables first (the chart's stacking order). */
  readonly classifications: readonly string[];
  readonly origins: readonly { readonly key: string; readonly count: number }[];
  readonly tags: readonly { readonly key: string; readonly count: number }[];
  readonly total: number;
  /** Cables of the selection without a date (not in `months`). */
  readonly undated: number;
  readonly error?: CableQueryError;
}

/** The selection as a picture: cables per month by classification, and the busiest origins and TAGS. */
export const CableChartRequest: RequestMethod<CableChartParams, CableChartResult> = { method: 'cable/cableChart' };

export type ParamsOf<M> = M extends RequestMethod<infer P, unknown> ? P : M extends NotificationMethod<infer P> ? P : never;
export type ResultOf<M> = M extends RequestMethod<unknown, infer R> ? R : never;
