import * as l10n from '@vscode/l10n';
import type { CancellationToken, DefinitionParams, DocumentLink, DocumentLinkParams, Location } from 'vscode-languageserver';
import type { FeatureContext, WorkspaceLookup } from '../analysis/context';
import { type CrossReference, crossReferences } from '../analysis/crossReferences';
import { contains } from '../analysis/ranges';
import { paragraphsNumbered, referenceEntry } from '../analysis/resolve';
import type { Range } from '../cable/model';

/** Where a cross-reference leads, as locations (a range of paragraphs leads to each of them). */
function targetsOf(ref: CrossReference, uri: string, workspace: WorkspaceLookup | undefined): Location[] {
  if (ref.kind === 'paragraph') {
    return paragraphsNumbered(ref.cable, ref.first, ref.last).map((p) => ({ uri, range: p.selectionRange }));
  }
  if (ref.kind === 'reference') {
    const target = referenceEntry(ref.cable, ref.letter);
    return target ? [{ uri, range: target.range }] : [];
  }
  // An id in the text of the cable it names (its own signature block, say) leads elsewhere only.
  return (workspace?.find(ref.referenceId) ?? [])
    .filter((c) => c.uri !== uri || !spansLines(c.range, ref.range))
    .map((c) => ({ uri: c.uri, range: c.selectionRange }));
}

function spansLines(outer: Range, inner: Range): boolean {
  return outer.start.line <= inner.start.line && inner.end.line <= outer.end.line;
}

export function definition(context: FeatureContext, params: DefinitionParams, token: CancellationToken): Location[] {
  const { file, uri, workspace } = context;
  const position = params.position;
  const ref = crossReferences(file).find((r) => contains(r.range, position));
  if (ref) return targetsOf(ref, uri, workspace);
  // A REF entry that cites a telegram leads to that telegram when the workspace has it.
  for (const cable of file.cables) {
    if (token.isCancellationRequested) return [];
    for (const entry of cable.references?.entries ?? []) {
      if (entry.cable?.referenceId && contains(entry.range, position)) {
        return (workspace?.findCited(entry.cable.referenceId, entry.cable.year === undefined) ?? []).map((c) => ({
          uri: c.uri,
          range: c.selectionRange,
        }));
      }
    }
  }
  return [];
}

/** `#L12,5` fragments are how VS Code and most clients open a file at a position. */
function withPosition(uri: string, range: Range): string {
  return `${uri}#L${range.start.line + 1},${range.start.character + 1}`;
}

export function documentLinks(context: FeatureContext, _params: DocumentLinkParams, token: CancellationToken): DocumentLink[] {
  const { file, uri, workspace } = context;
  const links: DocumentLink[] = [];
  for (const ref of crossReferences(file)) {
    if (token.isCancellationRequested) return links;
    const targets = targetsOf(ref, uri, workspace);
    if (targets.length === 0) continue;
    const tooltip =
      ref.kind === 'paragraph'
        ? l10n.t('Go to paragraph {0}', ref.first)
        : ref.kind === 'reference'
          ? ref.letter
            ? l10n.t('Go to REF {0}', ref.letter)
            : l10n.t('Go to REF')
          : l10n.t('Open {0}', ref.referenceId);
    links.push({ range: ref.range, target: withPosition(targets[0].uri, targets[0].range), tooltip });
  }
  for (const cable of file.cables) {
    for (const entry of cable.references?.entries ?? []) {
      const id = entry.cable?.referenceId;
      if (!id || !entry.cable) continue;
      const target = workspace
        ?.findCited(id, entry.cable.year === undefined)
        .find((c) => c.uri !== uri || !contains(c.range, entry.range.start));
      if (target)
        links.push({ range: entry.cable.range, target: withPosition(target.uri, target.selectionRange), tooltip: l10n.t('Open {0}', id) });
    }
  }
  return links;
}
