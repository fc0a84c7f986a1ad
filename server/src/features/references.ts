import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import { referenceIdAt } from '../analysis/citations';
import type { FeatureContext } from '../analysis/context';

/**
 * Find All References on a reference id (an id in the text, a REF entry, `ref A`, or the cable's own
 * classification line or header): every place in an indexed cable that cites that telegram, by
 * REF or in its text, with the cable itself first when the client asks for declarations.
 */
export function references(context: FeatureContext, params: ReferenceParams, token: CancellationToken): Location[] {
  const { workspace } = context;
  const at = referenceIdAt(context.file, params.position);
  if (!at || !workspace) return [];
  const cited = at.own ? [] : workspace.findCited(at.referenceId, at.yearAssumed);
  const id = cited[0]?.referenceId ?? at.referenceId;
  const locations: Location[] = [];
  if (params.context?.includeDeclaration) {
    for (const c of at.own ? workspace.find(id) : cited) locations.push({ uri: c.uri, range: c.selectionRange });
  }
  if (token.isCancellationRequested) return locations;
  for (const place of workspace.citing(id)) locations.push({ uri: place.cable.uri, range: place.range });
  return locations;
}
