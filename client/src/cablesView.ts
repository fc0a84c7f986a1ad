import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  type CableGroupBy,
  CableGroupsRequest,
  type CableItem,
  CablesRequest,
  ExportCablesRequest,
  type IndexStatusParams,
  type ParamsOf,
  type ResultOf,
} from '../../server/src/protocol/cable';
import { CablesChart } from './cablesChart';

const PAGE = 500;
const HISTORY_KEY = 'cable.cablesView.history';
const GROUP_BY_KEY = 'cable.cablesView.groupBy';
const HISTORY_SIZE = 20;

interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly key: string;
  readonly count: number;
  readonly hasGroups: boolean;
  readonly parent: GroupNode | undefined;
}

interface CableNode {
  readonly kind: 'cable';
  readonly id: string;
  readonly item: CableItem;
  readonly parent: GroupNode | undefined;
}

interface MoreNode {
  readonly kind: 'more';
  readonly id: string;
  readonly parent: GroupNode;
  readonly shown: number;
  readonly total: number;
}

type Node = GroupNode | CableNode | MoreNode;

/**
 * The Cables view: the workspace index by Year › Month, origin, classification or TAG, narrowed by
 * the filter, fed by the server's cable/cableGroups and cable/cables requests. Nodes are kept by
 * id until the next refresh, so that "Reveal in Cables View" finds the very objects the tree holds.
 */
export class CablesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly #view: vscode.TreeView<Node>;
  readonly #nodes = new Map<string, Node>();
  /** How many cables of a group are listed ("Show more" raises it). */
  readonly #shown = new Map<string, number>();
  #groupBy: CableGroupBy;
  #query = '';
  #lastIndex: { cables: number; indexing: boolean } | undefined;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #chart: CablesChart;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly context: vscode.ExtensionContext,
  ) {
    this.#groupBy = context.workspaceState.get<CableGroupBy>(GROUP_BY_KEY, 'month');
    this.#view = vscode.window.createTreeView('cable.cablesView', { treeDataProvider: this, showCollapseAll: true });
    this.#chart = new CablesChart(client, this);
    this.#disposables.push(
      this.#view,
      this.#chart,
      vscode.commands.registerCommand('cable.cablesView.showChart', () => this.#chart.show()),
      this.#changed,
      vscode.commands.registerCommand('cable.cablesView.filter', () => this.filter()),
      vscode.commands.registerCommand('cable.cablesView.clearFilter', () => this.setQuery('')),
      vscode.commands.registerCommand('cable.cablesView.groupBy', () => this.chooseGroupBy()),
      vscode.commands.registerCommand('cable.cablesView.refresh', () => this.refresh()),
      vscode.commands.registerCommand('cable.cablesView.export', () => this.exportSelection()),
      vscode.commands.registerCommand('cable.cablesView.showMore', (node: MoreNode) => this.showMore(node)),
      vscode.commands.registerCommand('cable.openCable', (item: CableItem) => openCable(item)),
      vscode.commands.registerCommand('cable.revealInCablesView', () => this.revealActive()),
    );
    void vscode.commands.executeCommand('setContext', 'cable.cablesView.filtered', false);
    this.#describe(undefined, undefined);
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }

  /** The index changed: refresh when its cable count moves or a round of indexing ends (statuses come at most twice a second). */
  indexChanged(status: IndexStatusParams): void {
    const last = this.#lastIndex;
    this.#lastIndex = { cables: status.cables, indexing: status.indexing };
    if (last && status.indexing && last.indexing && last.cables === status.cables) return;
    // While a large index builds, every refresh makes the server sort it by date again: every 3 s at most, and once at the end.
    const now = Date.now();
    if (status.indexing && now - this.#lastRefresh < 3000) return;
    this.#lastRefresh = now;
    this.refresh();
  }

  #lastRefresh = 0;

  refresh(): void {
    this.#nodes.clear();
    this.#changed.fire(undefined);
    void this.#chart.update();
  }

  get query(): string {
    return this.#query;
  }

  setQuery(query: string): void {
    this.#query = query.trim();
    this.#shown.clear();
    void vscode.commands.executeCommand('setContext', 'cable.cablesView.filtered', this.#query !== '');
    this.refresh();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'more') {
      const item = new vscode.TreeItem(vscode.l10n.t('Show more ({0} of {1} shown)', node.shown, node.total));
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { title: vscode.l10n.t('Show more'), command: 'cable.cablesView.showMore', arguments: [node] };
      return item;
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(this.#groupLabel(node), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = node.count.toLocaleString();
      item.contextValue = 'cableGroup';
      item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[this.#groupBy]);
      item.tooltip = vscode.l10n.t('{0}: {1} cables', this.#groupLabel(node), node.count.toLocaleString());
      return item;
    }
    const c = node.item;
    const item = new vscode.TreeItem(c.id ?? c.name, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = [c.date?.slice(0, 10), c.subject].filter(Boolean).join(' · ');
    item.iconPath = classificationIcon(c.classification);
    item.contextValue = 'cable';
    item.resourceUri = vscode.Uri.parse(c.uri);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${c.id ?? c.name}\n`);
    for (const [label, value] of [
      [vscode.l10n.t('Date'), c.date],
      [vscode.l10n.t('Classification'), c.classification],
      [vscode.l10n.t('Origin'), c.origin],
      [vscode.l10n.t('TAGS'), c.tags],
      [vscode.l10n.t('Subject'), c.subject],
    ])
      if (value) tooltip.appendText(`${label}: ${value}\n`);
    item.tooltip = tooltip;
    item.command = { title: vscode.l10n.t('Open Cable'), command: 'cable.openCable', arguments: [c] };
    return item;
  }

  getParent(node: Node): Node | undefined {
    return node.parent;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    try {
      if (!node) return await this.#groups(undefined);
      if (node.kind !== 'group') return [];
      if (node.hasGroups) return await this.#groups(node);
      return await this.#cables(node);
    } catch (error) {
      if (!node) this.#describe(undefined, String(error));
      return [];
    }
  }

  async #groups(parent: GroupNode | undefined): Promise<Node[]> {
    const params: ParamsOf<typeof CableGroupsRequest> = { groupBy: this.#groupBy, query: this.#query, parent: parent?.key };
    const result = await this.client.sendRequest<ResultOf<typeof CableGroupsRequest>>(CableGroupsRequest.method, params);
    if (!parent) this.#describe(result.error ? undefined : result.total, result.error?.message);
    if (result.error) return [];
    return result.groups.map((g) =>
      this.#node<GroupNode>(`${this.#groupBy}/${g.key}`, (id) => ({
        kind: 'group',
        id,
        key: g.key,
        count: g.count,
        hasGroups: g.hasGroups,
        parent,
      })),
    );
  }

  async #cables(group: GroupNode): Promise<Node[]> {
    const limit = this.#shown.get(group.id) ?? PAGE;
    const params: ParamsOf<typeof CablesRequest> = { query: this.#query, groupBy: this.#groupBy, group: group.key, offset: 0, limit };
    const result = await this.client.sendRequest<ResultOf<typeof CablesRequest>>(CablesRequest.method, params);
    const nodes: Node[] = result.items.map((item) => this.#cableNode(item, group));
    if (result.total > result.items.length) {
      nodes.push({ kind: 'more', id: `${group.id}/more`, parent: group, shown: result.items.length, total: result.total });
    }
    return nodes;
  }

  #cableNode(item: CableItem, parent: GroupNode | undefined): CableNode {
    return this.#node<CableNode>(`${parent?.id ?? ''}/${item.uri}#${item.range.start.line}`, (id) => ({ kind: 'cable', id, item, parent }));
  }

  #node<T extends Node>(id: string, make: (id: string) => T): T {
    const known = this.#nodes.get(id);
    if (known) return known as T;
    const node = make(id);
    this.#nodes.set(id, node);
    return node;
  }

  showMore(node: MoreNode): void {
    this.#shown.set(node.parent.id, node.shown + PAGE * 4);
    this.#changed.fire(node.parent);
  }

  #groupLabel(node: GroupNode): string {
    if (node.key !== '') return node.key;
    switch (this.#groupBy) {
      case 'month':
        return vscode.l10n.t('No date');
      case 'origin':
        return vscode.l10n.t('No origin');
      case 'classification':
        return vscode.l10n.t('No classification');
      case 'tag':
        return vscode.l10n.t('No TAGS');
    }
  }

  /** The view's description: the filter and its matches; the message: what is wrong with the query. */
  #describe(total: number | undefined, error: string | undefined): void {
    if (error) {
      this.#view.description = this.#query;
      this.#view.message = vscode.l10n.t('Invalid filter: {0}', error);
      return;
    }
    this.#view.message = this.#query !== '' && total === 0 ? vscode.l10n.t('No cable matches the filter.') : undefined;
    if (total === undefined) this.#view.description = undefined;
    else if (this.#query === '') this.#view.description = vscode.l10n.t('{0} cables', total.toLocaleString());
    else this.#view.description = vscode.l10n.t('{0} — {1} matches', this.#query, total.toLocaleString());
  }

  async chooseGroupBy(): Promise<void> {
    const choices: (vscode.QuickPickItem & { value: CableGroupBy })[] = (
      [
        { label: vscode.l10n.t('Year › Month'), value: 'month' },
        { label: vscode.l10n.t('Origin'), value: 'origin' },
        { label: vscode.l10n.t('Classification'), value: 'classification' },
        { label: vscode.l10n.t('TAG'), value: 'tag' },
      ] as const
    ).map((c) => ({
      ...c,
      picked: c.value === this.#groupBy,
      description: c.value === this.#groupBy ? vscode.l10n.t('current') : undefined,
    }));
    const picked = await vscode.window.showQuickPick(choices, { placeHolder: vscode.l10n.t('Group cables by') });
    if (picked) this.setGroupBy(picked.value);
  }

  setGroupBy(value: CableGroupBy): void {
    this.#groupBy = value;
    void this.context.workspaceState.update(GROUP_BY_KEY, value);
    this.refresh();
  }

  /** An input with the past filters below it; the count (or what is wrong) shows as one types. */
  async filter(): Promise<void> {
    const history = this.context.workspaceState.get<string[]>(HISTORY_KEY, []);
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
    pick.title = vscode.l10n.t('Filter Cables');
    pick.placeholder = vscode.l10n.t('from:MADRID tag:PREL class:secret date:2006-01..2006-06 "words of the subject"');
    pick.value = this.#query;
    const items = () => [
      ...(pick.value.trim() ? [{ label: pick.value.trim(), description: vscode.l10n.t('apply') }] : []),
      ...history.filter((h) => h !== pick.value.trim()).map((h) => ({ label: h, description: vscode.l10n.t('recent') })),
    ];
    pick.items = items();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = 0;
    const check = () => {
      const mine = ++asked;
      const params: ParamsOf<typeof CablesRequest> = { query: pick.value, limit: 0 };
      void this.client.sendRequest<ResultOf<typeof CablesRequest>>(CablesRequest.method, params).then((r) => {
        if (mine !== asked) return;
        // The title, not a validation message (QuickPick has none in this VS Code API): what is wrong, or the count.
        pick.title = r.error
          ? vscode.l10n.t('Filter Cables: {0}', r.error.message)
          : vscode.l10n.t('Filter Cables: {0} matches', r.total.toLocaleString());
      });
    };
    pick.onDidChangeValue(() => {
      pick.items = items();
      if (timer) clearTimeout(timer);
      timer = setTimeout(check, 150);
    });
    check();
    const chosen = await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.label ?? pick.value));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    if (chosen === undefined) return;
    const query = chosen.trim();
    if (query) {
      const next = [query, ...history.filter((h) => h !== query)].slice(0, HISTORY_SIZE);
      await this.context.workspaceState.update(HISTORY_KEY, next);
    }
    this.setQuery(query);
  }

  /** The cable under the cursor, in the tree (its group opened), when the filter lets it in. */
  async revealActive(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a cable to reveal it in the Cables view.'));
      return;
    }
    const at = { uri: editor.document.uri.toString(), line: editor.selection.active.line };
    const ask = (query: string) =>
      this.client.sendRequest<ResultOf<typeof CablesRequest>>(CablesRequest.method, { query, at, limit: 1 } satisfies ParamsOf<
        typeof CablesRequest
      >);
    let found = (await ask(this.#query)).items[0];
    if (!found && this.#query !== '') {
      if (!(await ask('')).items[0]) return notIndexed();
      const clear = vscode.l10n.t('Clear Filter');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('This cable is not in the current filter.'), clear);
      if (answer !== clear) return;
      this.setQuery('');
      found = (await ask('')).items[0];
    }
    if (!found) return notIndexed();
    await this.#reveal(found);
  }

  async #reveal(item: CableItem): Promise<void> {
    let parent: GroupNode | undefined;
    for (const key of this.#groupPath(item)) {
      const children = await this.getChildren(parent);
      parent = children.find((n): n is GroupNode => n.kind === 'group' && n.key === key);
      if (!parent) return;
    }
    if (parent) await this.getChildren(parent);
    const node = this.#nodes.get(this.#cableNode(item, parent).id) ?? this.#cableNode(item, parent);
    try {
      await this.#view.reveal(node, { select: true, focus: true, expand: false });
    } catch {
      // A cable beyond the listed page of its group: its group is open, the cable is not listed.
    }
  }

  /** The groups a cable sits in, from the top, under the current grouping. */
  #groupPath(item: CableItem): string[] {
    switch (this.#groupBy) {
      case 'month':
        return item.date ? [item.date.slice(0, 4), item.date.slice(0, 7)] : [''];
      case 'origin':
        return [item.origin ?? ''];
      case 'classification':
        return [item.classification ?? ''];
      case 'tag':
        return [
          item.tags
            ?.toUpperCase()
            .split(/[\s,;]+/)
            .find(Boolean) ?? '',
        ];
    }
  }

  async exportSelection(): Promise<void> {
    const formats = [
      { label: 'CSV', description: vscode.l10n.t('the columns of cable-lint --format csv that the index holds'), value: 'csv' as const },
      { label: 'JSON Lines', description: vscode.l10n.t('one object a line, the same columns'), value: 'jsonl' as const },
    ];
    const format = await vscode.window.showQuickPick(formats, { placeHolder: vscode.l10n.t('Export the cables of the current filter as') });
    if (!format) return;
    const params: ParamsOf<typeof ExportCablesRequest> = { query: this.#query, format: format.value };
    const result = await this.client.sendRequest<ResultOf<typeof ExportCablesRequest>>(ExportCablesRequest.method, params);
    if (result.error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Invalid filter: {0}', result.error.message));
      return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = format.value === 'csv' ? 'cables.csv' : 'cables.jsonl';
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format.value === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Exported {0} cables to {1}', result.count.toLocaleString(), target.toString(true)),
    );
  }
}

function notIndexed(): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not in a cable of the workspace index.'));
}

async function openCable(item: CableItem): Promise<void> {
  const start = new vscode.Position(item.selectionRange.start.line, item.selectionRange.start.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(item.uri), {
    selection: new vscode.Range(start, start),
    preview: true,
  });
  const whole = new vscode.Range(item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);
  editor.revealRange(new vscode.Range(whole.start, whole.start), vscode.TextEditorRevealType.AtTop);
}

const GROUP_ICONS: Record<CableGroupBy, string> = { month: 'calendar', origin: 'globe', classification: 'shield', tag: 'tag' };

/** The classification as the colours of US classification banners: green, blue, red, orange; a lock for classified levels. */
function classificationIcon(classification: string | undefined): vscode.ThemeIcon {
  const level = classification?.split('//')[0];
  switch (level) {
    case 'TOP SECRET':
      return new vscode.ThemeIcon('lock', new vscode.ThemeColor('charts.orange'));
    case 'SECRET':
      return new vscode.ThemeIcon('lock', new vscode.ThemeColor('charts.red'));
    case 'CONFIDENTIAL':
      return new vscode.ThemeIcon('lock', new vscode.ThemeColor('charts.blue'));
    case 'LIMITED OFFICIAL USE':
      return new vscode.ThemeIcon('unlock', new vscode.ThemeColor('charts.yellow'));
    case 'UNCLASSIFIED':
      return new vscode.ThemeIcon('unlock', new vscode.ThemeColor('charts.green'));
    default:
      return new vscode.ThemeIcon('question');
  }
}
