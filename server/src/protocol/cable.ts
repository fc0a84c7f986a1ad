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
  readonly symbols: { readonly shown: number; readonly omitted: number };
  readonly foldingRangesOmitted: number;
  readonly cables: number;
}

export const StatusNotification: NotificationMethod<StatusParams> = { method: 'cable/status' };

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

export type ParamsOf<M> = M extends RequestMethod<infer P, unknown> ? P : M extends NotificationMethod<infer P> ? P : never;
export type ResultOf<M> = M extends RequestMethod<unknown, infer R> ? R : never;
