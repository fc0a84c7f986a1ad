/** What features need of LSP's CancellationToken (analysis imports no LSP values). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/**
 * Thrown by a feature that stops because its request was cancelled; the server answers the
 * request with LSP's RequestCancelled error. Thrown, not returned, so that a cache never keeps
 * the half of a result computed before the stop.
 */
export class RequestCancelledError extends Error {
  constructor() {
    super('request cancelled');
    this.name = 'RequestCancelledError';
  }
}

export function throwIfCancelled(token: Cancellation | undefined): void {
  if (token?.isCancellationRequested) throw new RequestCancelledError();
}
