import * as l10n from '@vscode/l10n';
import type { DocumentLink, Location } from 'vscode-languageserver';
import type { Cable, CableFile, Position, Range } from '../cable/model';
import type { WorkspaceIndex } from '../workspaceIndex';
import { type CrossReference, crossReferences } from './crossReferences';
import { contains } from './ranges';

/** Where a cross-reference leads, as locations (a range of paragraphs leads to each of them). */
export function resolve(ref: CrossReference, uri: string, index: WorkspaceIndex | undefined): Location[] {
  if (ref.kind === 'paragraph') {
    return paragraphsNumbered(ref.cable, ref.first, ref.last).map((p) => ({ uri, range: p.selectionRange }));
  }
  if (ref.kind === 'reference') {
    const entries = ref.cable.references?.entries ?? [];
    const target = ref.letter ? entries.find((e) => e.letter?.value === ref.letter) : entries.length === 1 ? entries[0] : undefined;
    return target ? [{ uri, range: target.range }] : [];
  }
  return (index?.find(ref.referenceId) ?? []).filter((c) => c.uri !== uri || !sameStart(c.range, ref.range)).map((c) => ({ uri: c.uri, range: c.selectionRange }));
}

function sameStart(a: Range, b: Range): boolean {
  return a.start.line <= b.start.line && b.end.line <= a.end.line;
}

function paragraphsNumbered(cable: Cable, first: number, last: number) {
  return cable.paragraphs.filter((p) => p.number.value >= first && p.number.value <= Math.min(last, first + 50));
}

export function definition(file: CableFile, uri: string, position: Position, index: WorkspaceIndex | undefined): Location[] {
  const ref = crossReferences(file).find((r) => contains(r.range, position));
  if (ref) return resolve(ref, uri, index);
  // A REF entry that cites a telegram leads to that telegram when the workspace has it.
  for (const cable of file.cables) {
    for (const entry of cable.references?.entries ?? []) {
      if (entry.cable?.referenceId && contains(entry.range, position)) {
        return (index?.find(entry.cable.referenceId) ?? []).map((c) => ({ uri: c.uri, range: c.selectionRange }));
      }
    }
  }
  return [];
}

/** `#L12,5` fragments are how VS Code and most clients open a file at a position. */
function withPosition(uri: string, range: Range): string {
  return `${uri}#L${range.start.line + 1},${range.start.character + 1}`;
}

export function documentLinks(file: CableFile, uri: string, index: WorkspaceIndex | undefined): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const ref of crossReferences(file)) {
    const targets = resolve(ref, uri, index);
    if (targets.length === 0) continue;
    const tooltip = ref.kind === 'paragraph' ? l10n.t('Go to paragraph {0}', ref.first) : ref.kind === 'reference' ? (ref.letter ? l10n.t('Go to REF {0}', ref.letter) : l10n.t('Go to REF')) : l10n.t('Open {0}', ref.referenceId);
    links.push({ range: ref.range, target: withPosition(targets[0].uri, targets[0].range), tooltip });
  }
  for (const cable of file.cables) {
    for (const entry of cable.references?.entries ?? []) {
      const id = entry.cable?.referenceId;
      if (!id || !entry.cable) continue;
      const target = index?.find(id).find((c) => c.uri !== uri || !contains(c.range, entry.range.start));
      if (target) links.push({ range: entry.cable.range, target: withPosition(target.uri, target.selectionRange), tooltip: l10n.t('Open {0}', id) });
    }
  }
  return links;
}
