import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  type NewCableParams,
  NewCableRequest,
  type NewCableStation,
  type ParamsOf,
  type ResultOf,
  type RoutingIndicatorRow,
  RoutingIndicatorsRequest,
} from '../../server/src/protocol/cable';

type StationItem = vscode.QuickPickItem & { station: NewCableStation };

/**
 * "Cable: New Cable…": asks for the originating post, the addressees (from the routing table), the
 * classification, TAGS and subject, and opens an untitled cable with the server's skeleton, its
 * text to write as tab stops. Escape at any step cancels. Given the values (a keybinding's or a
 * test's arguments), it asks nothing.
 */
export async function newCable(client: BaseLanguageClient, given?: NewCableParams): Promise<void> {
  const values = isNewCableParams(given) ? given : await askForValues(client);
  if (!values) return;
  const { text } = await client.sendRequest<ResultOf<typeof NewCableRequest>>(NewCableRequest.method, { ...values, snippet: true });
  if (!text) return;
  const document = await vscode.workspace.openTextDocument({ language: 'cable' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(text));
}

function isNewCableParams(value: unknown): value is NewCableParams {
  const v = value as Partial<NewCableParams> | undefined;
  return typeof v?.from?.name === 'string' && Array.isArray(v.to) && typeof v.level === 'string';
}

async function askForValues(client: BaseLanguageClient): Promise<NewCableParams | undefined> {
  const params: ParamsOf<typeof RoutingIndicatorsRequest> = { query: '', limit: 2000 };
  const rows = await client.sendRequest<ResultOf<typeof RoutingIndicatorsRequest>>(RoutingIndicatorsRequest.method, params);
  const items = rows.map(stationItem);

  const from = await pickStations(items, {
    title: vscode.l10n.t('New cable (1/6): originating post'),
    placeholder: vscode.l10n.t('Type a city or a routing indicator (Belgrade, RUEHBW), or an address of your own'),
    many: false,
  });
  if (!from?.length) return;
  const to = await pickStations(items, {
    title: vscode.l10n.t('New cable (2/6): action addressees (TO)'),
    placeholder: vscode.l10n.t('Pick one or more addressees (SECSTATE WASHDC, a post)'),
    many: true,
  });
  if (!to?.length) return;
  const info = await pickStations(items, {
    title: vscode.l10n.t('New cable (3/6): information addressees (INFO)'),
    placeholder: vscode.l10n.t('Pick any number, or none, and press Enter'),
    many: true,
  });
  if (!info) return;

  const levels: (vscode.QuickPickItem & { level: NewCableParams['level'] })[] = [
    { label: 'UNCLASSIFIED', description: '(U)', level: 'U' },
    { label: 'SENSITIVE BUT UNCLASSIFIED', description: '(SBU)', level: 'SBU' },
    { label: 'CONFIDENTIAL', description: '(C)', level: 'C' },
    { label: 'SECRET', description: '(S)', level: 'S' },
    { label: 'TOP SECRET', description: '(TS)', level: 'TS' },
  ];
  const level = await vscode.window.showQuickPick(levels, { title: vscode.l10n.t('New cable (4/6): classification') });
  if (!level) return;

  const tags = await vscode.window.showInputBox({
    title: vscode.l10n.t('New cable (5/6): TAGS'),
    prompt: vscode.l10n.t('Subject and country tags, separated by spaces'),
    placeHolder: 'PREL PGOV SR',
    validateInput: (value) =>
      /^[A-Za-z]{2,6}(?:[\s,]+[A-Za-z]{2,6})*$/.test(value.trim()) ? undefined : vscode.l10n.t('Tags of 2–6 letters'),
  });
  if (tags === undefined) return;
  const subject = await vscode.window.showInputBox({
    title: vscode.l10n.t('New cable (6/6): subject'),
    placeHolder: 'SERBIA: DEMARCHE ON KOSOVO',
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('A subject')),
  });
  if (subject === undefined) return;

  return {
    from: from[0],
    to,
    info,
    level: level.level,
    tags: tags
      .trim()
      .toUpperCase()
      .split(/[\s,]+/),
    subject: subject.trim().toUpperCase(),
  };
}

function stationItem(row: RoutingIndicatorRow): StationItem {
  return { label: row.names[0], description: row.ri, detail: row.country, station: { ri: row.ri, name: row.names[0] } };
}

/**
 * A picker over the routing table. What is typed and matches nothing (`RUEHXX/AMEMBASSY ATLANTIS`,
 * `AMEMBASSY ATLANTIS`) is taken as it stands. Undefined when cancelled.
 */
function pickStations(
  items: readonly StationItem[],
  options: { title: string; placeholder: string; many: boolean },
): Promise<NewCableStation[] | undefined> {
  const pick = vscode.window.createQuickPick<StationItem>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.canSelectMany = options.many;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: NewCableStation[] | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidAccept(() => {
      // In a multi-select pick, Enter with nothing checked takes the highlighted row of what was typed.
      const typedOnly = options.many && pick.selectedItems.length === 0 && pick.value.trim() !== '';
      const typed = pick.value.trim().toUpperCase();
      const highlighted = pick.activeItems.length > 0 ? pick.activeItems.slice(0, 1) : matching(items, typed);
      const chosen = options.many && !typedOnly ? pick.selectedItems : highlighted;
      if (chosen.length > 0 || (options.many && !typedOnly)) return finish(chosen.map((i) => i.station));
      if (!typed) return;
      const slash = /^(R[A-Z]{3,6})\/(.+)$/.exec(typed);
      finish([slash ? { ri: slash[1], name: slash[2].trim() } : { name: typed }]);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

/** A multi-select pick highlights no row: the row the typed text names (its RI or address), else the first that contains it. */
function matching(items: readonly StationItem[], typed: string): StationItem[] {
  if (!typed) return [];
  const exact = items.find((i) => i.station.ri === typed || i.label === typed || `${i.station.ri}/${i.label}` === typed);
  const found = exact ?? items.find((i) => i.label.includes(typed));
  return found ? [found] : [];
}
