import type { CancellationToken, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import type { WorkspaceLookup } from '../analysis/context';
import { SymbolKind } from '../protocol/lsp';

const MAX_RESULTS = 500;

/**
 * Go to Symbol in Workspace: the cables whose id, subject, origin or TAGS hold every word typed,
 * the exact id first, then ids that start with it, then ids that hold it, then the rest. The
 * container shows date, origin and subject, so a list of ids can be told apart.
 */
export function workspaceSymbols(
  workspace: WorkspaceLookup,
  params: WorkspaceSymbolParams,
  _token: CancellationToken,
): SymbolInformation[] {
  return workspace.search(params.query ?? '', MAX_RESULTS).map((c) => ({
    name: c.name,
    kind: SymbolKind.File,
    containerName: [c.date?.slice(0, 10), c.origin, c.subject].filter(Boolean).join(' · ') || undefined,
    location: { uri: c.uri, range: c.selectionRange },
  }));
}
