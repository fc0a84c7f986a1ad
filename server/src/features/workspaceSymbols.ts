import type { CancellationToken, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import type { WorkspaceLookup } from '../analysis/context';
import { SymbolKind } from '../protocol/lsp';

const MAX_RESULTS = 500;

/** Go to Symbol in Workspace: the cables of the workspace whose id or subject holds every word typed. */
export function workspaceSymbols(
  workspace: WorkspaceLookup,
  params: WorkspaceSymbolParams,
  _token: CancellationToken,
): SymbolInformation[] {
  return workspace.search(params.query ?? '', MAX_RESULTS).map((c) => ({
    name: c.name,
    kind: SymbolKind.File,
    containerName: c.subject,
    location: { uri: c.uri, range: c.selectionRange },
  }));
}
