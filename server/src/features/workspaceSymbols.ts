import type { CancellationToken, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import type { WorkspaceLookup } from '../analysis/context';
import { SymbolKind } from '../protocol/lsp';

const MAX_RESULTS = 500;

/**
 * Go to Symbol in Workspace: the cables whose id, subject, origin or TAGS hold every word typed,
 * the exact id first, then ids that start with it, then ids that hold it, then the rest.
 *
 * The name carries the subject and TAGS after the id (`07MADRID173 · SPAIN/CIA FLIGHTS: … · PREL
 * PTER`), as PlusD lists cables, because VS Code keeps only the symbols whose *name* matches what
 * was typed (it sends the server the first word and matches the whole query against the name, the
 * rest against the container): with the id alone, "CIA FLIGHTS" found the cable here and VS Code
 * dropped it. The container holds date and origin.
 */
export function workspaceSymbols(
  workspace: WorkspaceLookup,
  params: WorkspaceSymbolParams,
  _token: CancellationToken,
): SymbolInformation[] {
  return workspace.search(params.query ?? '', MAX_RESULTS).map((c) => ({
    name: [c.name, c.subject, c.tags].filter(Boolean).join(' · '),
    kind: SymbolKind.File,
    containerName: [c.date?.slice(0, 10), c.origin].filter(Boolean).join(' · ') || undefined,
    location: { uri: c.uri, range: c.selectionRange },
  }));
}
