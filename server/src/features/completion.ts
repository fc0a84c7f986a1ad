import * as l10n from '@vscode/l10n';
import type { CancellationToken, CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver';
import type { FeatureContext } from '../analysis/context';
import { lineText } from '../analysis/lines';
import { contains } from '../analysis/ranges';
import { cableSkeleton } from '../analysis/skeleton';
import { LEVEL_RANK, type Cable, type Level, type Position } from '../cable/model';
import { lookupCode, searchRoutingIndicators, searchTags } from '../data';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from '../protocol/lsp';

const MARKINGS: readonly { text: string; level: Level; detail: string }[] = [
  { text: '(U)', level: 'U', detail: 'UNCLASSIFIED' },
  { text: '(SBU)', level: 'SBU', detail: 'SENSITIVE BUT UNCLASSIFIED' },
  { text: '(C)', level: 'C', detail: 'CONFIDENTIAL' },
  { text: '(C//NF)', level: 'C', detail: 'CONFIDENTIAL, NOFORN' },
  { text: '(S)', level: 'S', detail: 'SECRET' },
  { text: '(S//NF)', level: 'S', detail: 'SECRET, NOFORN' },
  { text: '(TS)', level: 'TS', detail: 'TOP SECRET' },
];
const CAPTIONS = ['SIPDIS', 'NOFORN', 'SENSITIVE', 'EXDIS', 'NODIS', 'LIMDIS', 'STADIS'];
const PRECEDENCE_WORDS = ['FLASH', 'NIACT IMMEDIATE', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'];

/**
 * Context-aware completion: TAGS on the TAGS line, portion markings after a paragraph number,
 * captions in the front matter, routing indicators and precedence words on TO/INFO lines, and
 * `End Summary.` while a summary is open.
 */
export function completion(context: FeatureContext, params: CompletionParams, _token: CancellationToken): CompletionList {
  const { file } = context;
  const position = params.position;
  const line = lineText(file, position.line);
  const before = line.slice(0, position.character);
  const cable = file.cables.find((c) => contains(c.range, position));
  const items: CompletionItem[] = [];
  let wordStartAt = before.length;
  while (wordStartAt > 0 && /[A-Za-z0-9/]/.test(before[wordStartAt - 1])) wordStartAt--;
  const word = before.slice(wordStartAt);
  const wordStart = position.character - word.length;
  const replace = (text: string) => ({ range: { start: { line: position.line, character: wordStart }, end: position }, newText: text });

  if (isEmptyDocument(context, position, line, word)) return { isIncomplete: false, items: skeletonItems(replace) };

  if (cable?.tags && isOnTagsLine(cable, position, before)) {
    for (const tag of searchTags(word, 60)) {
      if (tag.tag.startsWith('(')) continue;
      items.push({
        label: tag.tag,
        kind: CompletionItemKind.Value,
        detail: l10n.t('{0} tag', tag.kind),
        documentation: tag.meaning,
        textEdit: replace(tag.tag),
        filterText: `${tag.tag} ${tag.meaning}`,
      });
    }
    return { isIncomplete: true, items };
  }

  const paragraph = /^\s{0,3}(?:¶\s*|-\s+)?\d{1,3}\s?\.\s*(\(?[A-Za-z/]*)$/.exec(before);
  if (paragraph && cable) {
    const typed = paragraph[1];
    const overall = cable.classification.level;
    const start = position.character - typed.length;
    for (const m of MARKINGS) {
      const allowed = overall === undefined || LEVEL_RANK[m.level] <= LEVEL_RANK[overall];
      const noforn = m.text.includes('NF') && !cable.classification.caveats.includes('NOFORN');
      items.push({
        label: m.text,
        kind: CompletionItemKind.EnumMember,
        detail: m.detail,
        sortText: `${allowed && !noforn ? 0 : 1}${LEVEL_RANK[m.level]}${m.text}`,
        documentation: allowed ? undefined : l10n.t("Above the cable's classification ({0})", cable.classification.label ?? '?'),
        textEdit: { range: { start: { line: position.line, character: start }, end: position }, newText: `${m.text} ` },
      });
    }
    return { isIncomplete: false, items };
  }

  const header = cable?.header;
  const addresseeLine =
    header && position.line >= header.range.start.line && position.line <= header.range.end.line + 1
      ? /^\s*(?:(?:TO|INFO|XMT)\s+)?(\S.*)?$/.exec(before)
      : undefined;
  if (header && addresseeLine && inAddressees(cable, position.line, line)) {
    const text = addresseeLine[1] ?? '';
    const slash = text.indexOf('/');
    const afterAddress =
      /\s$/.test(text) && ((slash >= 0 && slash + 1 < text.length && !/\s/.test(text[slash + 1])) || /[A-Z]\s$/.test(text));
    if (afterAddress && text.trim().length > 0) {
      for (const w of PRECEDENCE_WORDS)
        items.push({ label: w, kind: CompletionItemKind.Keyword, detail: l10n.t('precedence'), textEdit: replace(w) });
      return { isIncomplete: false, items };
    }
    if (!text.includes('/') && word.length >= 1) {
      for (const ri of searchRoutingIndicators(word, 50)) {
        if (ri.range) continue;
        const name = ri.names[0];
        items.push({
          label: `${ri.ri}/${name}`,
          kind: CompletionItemKind.Reference,
          detail: ri.country,
          documentation: ri.names.length > 1 ? { kind: MarkupKind.PlainText, value: ri.names.join('\n') } : undefined,
          filterText: `${word} ${ri.ri} ${ri.names.join(' ')}`,
          textEdit: replace(`${ri.ri}/${name}`),
        });
      }
      return { isIncomplete: true, items };
    }
  }

  if (cable && isFrontMatter(cable, position) && /^\s*[A-Z]*$/.test(before)) {
    for (const c of CAPTIONS)
      items.push({
        label: c,
        kind: CompletionItemKind.Constant,
        detail: l10n.t('caption'),
        documentation: lookupCode(c)?.meaning,
        textEdit: replace(c),
      });
  }

  if (
    cable &&
    cable.blocks.some(
      (b) =>
        b.kind === 'summary' &&
        !b.end &&
        b.begin &&
        (b.begin.start.line < position.line || (b.begin.start.line === position.line && b.begin.end.character <= position.character)),
    )
  ) {
    items.push({
      label: 'End Summary.',
      kind: CompletionItemKind.Snippet,
      detail: l10n.t('close the open summary'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: replace('End Summary.'),
      sortText: '0',
    });
  }
  return { isIncomplete: false, items };
}

const SKELETON_LEVELS: readonly { level: Level; name: string }[] = [
  { level: 'U', name: 'UNCLASSIFIED' },
  { level: 'SBU', name: 'SENSITIVE BUT UNCLASSIFIED' },
  { level: 'C', name: 'CONFIDENTIAL' },
  { level: 'S', name: 'SECRET' },
];

/** Nothing in the document but, perhaps, the word being typed. */
function isEmptyDocument(context: FeatureContext, position: Position, line: string, word: string): boolean {
  const { file } = context;
  if (file.text.length > 10_000) return false;
  return line.trim() === word && file.text.trim() === word && /^[A-Za-z]*$/.test(word) && position.line < file.lineCount;
}

/** A skeleton cable per level, every value a tab stop, for an empty document. */
function skeletonItems(replace: (text: string) => { range: { start: Position; end: Position }; newText: string }): CompletionItem[] {
  const date = new Date();
  return SKELETON_LEVELS.map(({ level, name }, i) => ({
    label: l10n.t('New cable ({0})', name),
    kind: CompletionItemKind.Snippet,
    detail: l10n.t('Transmission header, front matter, marked paragraphs and signature'),
    sortText: String(i),
    filterText: `new cable ${name} VZCZC`,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: replace(
      cableSkeleton({
        from: { ri: 'RUEHXX', name: 'AMEMBASSY POST' },
        to: [{ ri: 'RUEHC', name: 'SECSTATE WASHDC' }],
        level,
        tags: ['PREL'],
        subject: 'COUNTRY: SUBJECT',
        date,
        snippet: true,
        fillIn: true,
      }),
    ),
  }));
}

function isOnTagsLine(cable: Cable, position: Position, before: string): boolean {
  const tags = cable.tags!;
  if (position.line < tags.range.start.line || position.line > tags.range.end.line + 1) return false;
  if (position.line === tags.range.start.line) return tags.keyword.range.end.character <= position.character;
  return position.line <= tags.range.end.line || /,\s*$/.test(before) || before.trim() === '';
}

function inAddressees(cable: Cable, line: number, content: string): boolean {
  const header = cable.header!;
  const first = header.addressees[0];
  if (first && line >= first.range.start.line) return true;
  return /^\s*(?:TO|INFO|XMT)\s/.test(content);
}

function isFrontMatter(cable: Cable, position: Position): boolean {
  const start = cable.classificationLine?.range.end.line;
  const end = cable.eoLine?.range.start.line ?? cable.tags?.range.start.line ?? cable.paragraphs[0]?.range.start.line;
  return start !== undefined && end !== undefined && position.line > start && position.line < end;
}
