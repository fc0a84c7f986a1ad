import * as l10n from '@vscode/l10n';
import type {
  CallHierarchyIncomingCall,
  CallHierarchyIncomingCallsParams,
  CallHierarchyItem,
  CallHierarchyOutgoingCall,
  CallHierarchyOutgoingCallsParams,
  CallHierarchyPrepareParams,
  CancellationToken,
  Range,
} from 'vscode-languageserver';
import { referenceIdAt } from '../analysis/citations';
import type { CitationPlace, FeatureContext, IndexedCable, WorkspaceLookup } from '../analysis/context';
import { cableName } from '../analysis/naming';
import { contains } from '../analysis/ranges';
import { SymbolKind } from '../protocol/lsp';

/**
 * The citation tree as LSP's call hierarchy: incoming calls are the cables that cite a cable (by REF
 * or in their text), outgoing calls the telegrams it cites. A call hierarchy rather than the type
 * hierarchy: citing is a relation between instances with a place (the REF entry or the id in the
 * text, which is what `fromRanges` carries), and a cable cites many and is cited by many; the type
 * hierarchy means subtyping and has no ranges for the relation. A cited telegram the workspace lacks
 * still shows, at the place that cites it, so the tree says what is missing.
 */
interface ItemData {
  readonly referenceId?: string;
  /** The cable's first line in its file, for a cable without a reference id. */
  readonly line?: number;
  /** Not in the workspace: the item stands at the citing place. */
  readonly missing?: boolean;
}

export function prepareCallHierarchy(
  context: FeatureContext,
  params: CallHierarchyPrepareParams,
  _token: CancellationToken,
): CallHierarchyItem[] | null {
  const { file, uri, workspace } = context;
  const at = referenceIdAt(file, params.position);
  if (at && !at.own) {
    const cited = workspace?.findCited(at.referenceId, at.yearAssumed) ?? [];
    if (cited.length > 0) return [itemOf(cited[0])];
    return [missingItem(at.referenceId, uri, at.range)];
  }
  const cable = at?.cable ?? file.cables.find((c) => contains(c.range, params.position));
  if (!cable) return null;
  const selectionRange = cable.classificationLine?.range ?? cable.header?.range ?? cable.range;
  const data: ItemData = { referenceId: cable.referenceId, line: cable.range.start.line };
  return [
    {
      name: cableName(cable),
      kind: SymbolKind.File,
      detail: cable.subject?.text,
      uri,
      range: cable.range,
      selectionRange,
      data,
    },
  ];
}

export function incomingCalls(
  workspace: WorkspaceLookup,
  params: CallHierarchyIncomingCallsParams,
  token: CancellationToken,
): CallHierarchyIncomingCall[] {
  const id = dataOf(params.item).referenceId;
  if (!id) return [];
  const calls = new Map<string, CallHierarchyIncomingCall>();
  for (const place of workspace.citing(id)) {
    if (token.isCancellationRequested) break;
    const key = `${place.cable.uri}#${place.cable.range.start.line}`;
    const call = calls.get(key) ?? { from: itemOf(place.cable), fromRanges: [] };
    call.fromRanges.push(place.range);
    calls.set(key, call);
  }
  return [...calls.values()];
}

export function outgoingCalls(
  workspace: WorkspaceLookup,
  params: CallHierarchyOutgoingCallsParams,
  token: CancellationToken,
): CallHierarchyOutgoingCall[] {
  const data = dataOf(params.item);
  if (data.missing) return [];
  const calls = new Map<string, { places: CitationPlace[] }>();
  for (const place of workspace.citationsOf(params.item.uri, { referenceId: data.referenceId, line: data.line })) {
    const group = calls.get(place.referenceId) ?? { places: [] };
    group.places.push(place);
    calls.set(place.referenceId, group);
  }
  const result: CallHierarchyOutgoingCall[] = [];
  for (const [id, { places }] of calls) {
    if (token.isCancellationRequested) break;
    const cited = workspace.find(id);
    result.push({
      to: cited.length > 0 ? itemOf(cited[0]) : missingItem(id, params.item.uri, places[0].range),
      fromRanges: places.map((p) => p.range),
    });
  }
  return result;
}

function itemOf(cable: IndexedCable): CallHierarchyItem {
  const data: ItemData = { referenceId: cable.referenceId, line: cable.range.start.line };
  const detail = [cable.date?.slice(0, 10), cable.origin, cable.subject].filter(Boolean).join(' · ');
  return {
    name: cable.name,
    kind: SymbolKind.File,
    detail,
    uri: cable.uri,
    range: cable.range,
    selectionRange: cable.selectionRange,
    data,
  };
}

function missingItem(referenceId: string, uri: string, range: Range): CallHierarchyItem {
  const data: ItemData = { referenceId, missing: true };
  return { name: referenceId, kind: SymbolKind.Null, detail: l10n.t('not in the workspace'), uri, range, selectionRange: range, data };
}

function dataOf(item: CallHierarchyItem): ItemData {
  const data = item.data as ItemData | undefined;
  return typeof data === 'object' && data !== null ? data : {};
}
