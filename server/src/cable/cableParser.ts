/**
 * One cable from its lines: the transmission header and what precedes it (print wrappers, a partial
 * extract's note), then the text, cut into segments (collapsed.ts) and read field by field (body.ts).
 */
import { BlockCollector } from './blocks';
import { DTG_LINE, FL1, parseDtg, parseHeader } from './header';
import type {
  Artefact,
  Cable,
  CalendarDate,
  DateTimeGroup,
  DistributionBlock,
  DraftingLines,
  Level,
  PageHeader,
  Range,
  Token,
  TransmissionHeader,
} from './model';
import { parseBanner, parseDistribution, parseDrafting, parsePageHeader } from './printout';
import { deriveClassification, deriveReferenceId } from './referenceId';
import { parseSourceDate } from './sourceDate';
import { isBlank, isRegExpSpace, range, type Segment, type SourceLine, trimmedRange, wholeLine } from './scan';

import { PARTIAL_EXTRACT } from './boundaries';
import { type Draft, parseTextSegments } from './body';
import { textSegments } from './collapsed';

interface Anchor {
  readonly line: number;
  readonly kind: 'fl1' | 'dtg';
}

/**
 * The line the transmission header starts on: its FL1, else its DTG line. A DTG after the first
 * SUBJECT line is not looked for (the text can quote one); an FL1 still is, up to the first marked
 * paragraph: print wrappers repeat TAGS and Subject before the telegram they wrap.
 */
function findHeaderAnchor(lines: readonly SourceLine[], first: number, last: number): Anchor | undefined {
  const limit = Math.min(last, first + 150);
  let dtg: Anchor | undefined;
  let dtgsStill = true;
  for (let i = first; i <= limit; i++) {
    const text = lines[i];
    if (FL1.test(text)) return { line: i, kind: 'fl1' };
    // After a SUBJECT line (a database's metadata above the telegram has one) a DTG still opens the
    // header when the FM line follows it.
    if (!dtg && DTG_LINE.test(text) && (dtgsStill || fmFollows(lines, i, last))) dtg = { line: i, kind: 'dtg' };
    if (/^\s{0,3}(?:¶\s*)?\d{1,3}\.\s+\(/.test(text) || text.length > 400) break;
    if (/^\s*SUBJ(?:ECT)?\s*:/i.test(text)) {
      dtgsStill = false;
      if (dtg) break;
    }
  }
  return dtg;
}

/** An FM line within the three lines after `line`. */
function fmFollows(lines: readonly SourceLine[], line: number, last: number): boolean {
  for (let i = line + 1; i <= Math.min(last, line + 3); i++) if (/^\s*FM\s+\S/.test(lines[i])) return true;
  return false;
}

export function parseCable(
  lines: readonly SourceLine[],
  first: number,
  last: number,
  markerLines: Uint8Array,
  artefactLines: Uint8Array,
): Cable {
  const cableRange = range(first, 0, last, lines[last].length);
  const anchor = findHeaderAnchor(lines, first, last);
  let header: TransmissionHeader | undefined;
  let textLine = first;
  let textSegment: Segment | undefined;
  let partialExtract: Range | undefined;
  let preamble: Range | undefined;
  let dtg: DateTimeGroup | undefined;

  let distribution: DistributionBlock | undefined;
  let drafting: DraftingLines | undefined;
  const preambleBanners: Token<Level>[] = [];
  const preamblePages: PageHeader[] = [];
  let sourceDate: Token<CalendarDate> | undefined;
  // The note stands before the header, or, where WikiLeaks dropped the header, at the top.
  for (let i = first; i <= (anchor?.line ?? Math.min(last, first + 3)); i++) {
    if (PARTIAL_EXTRACT.test(lines[i])) partialExtract = trimmedRange(wholeLine(lines, i));
  }
  if (anchor) {
    const firstContent = firstNonBlank(lines, first, anchor.line);
    if (firstContent < anchor.line) {
      preamble = range(firstContent, 0, anchor.line - 1, lines[anchor.line - 1].length);
      // A Department printout's page header, banner and distribution block, or a post's wrapper.
      distribution = parseDistribution(lines, firstContent, anchor.line - 1);
      drafting = parseDrafting(lines, firstContent, anchor.line - 1);
      for (let i = firstContent; i < anchor.line; i++) {
        const segment = wholeLine(lines, i);
        const banner = parseBanner(segment);
        if (banner) preambleBanners.push(banner);
        const page = parsePageHeader(segment);
        if (page) preamblePages.push(page.header);
        sourceDate ??= parseSourceDate(segment);
      }
    }
    const result = parseHeader(lines, anchor.line, last);
    if (result.printout) {
      const { first: from, last: to } = result.printout;
      distribution ??= parseDistribution(lines, from, to);
      for (let i = from; i <= to; i++) {
        const segment = wholeLine(lines, i);
        const banner = parseBanner(segment);
        if (banner) preambleBanners.push(banner);
        const page = parsePageHeader(segment);
        if (page) preamblePages.push(page.header);
      }
    }
    header = result.header;
    dtg = header.dtg;
    textLine = result.nextLine;
    textSegment = result.textSegment;
  }
  if (!dtg && partialExtract) {
    for (let i = first; i <= Math.min(last, first + 10); i++) {
      const m = DTG_LINE.exec(lines[i]);
      if (m) {
        dtg = parseDtg(wholeLine(lines, i), m);
        break;
      }
    }
  }

  if (!anchor) {
    // Without a header, a source's own date line can open the text (flattened dumps).
    for (let i = first; i <= Math.min(last, first + 3) && !sourceDate; i++) sourceDate = parseSourceDate(wholeLine(lines, i));
  }

  const draft: Draft = {
    continuationHeaders: [],
    pageHeaders: preamblePages,
    banners: preambleBanners,
    repeatedHeaders: [],
    captions: [],
    officeLines: [],
    paragraphs: [],
    endMarks: [],
    artefacts: [],
  };
  const blocks = new BlockCollector(markerLines);
  const segments = textSegments(lines, textLine, last, textSegment);
  const collapsed = segments.collapsed;
  parseTextSegments(segments.list, draft, blocks, dtg?.token.value.twoDigitYear ?? (sourceDate ? sourceDate.value.year % 100 : undefined));
  collectArtefacts(lines, first, last, draft.artefacts, artefactLines);
  sourceDate ??= draft.sourceDate;

  const textStart = segments.list.find((s) => !isBlank(s.text));
  const text = textStart ? range(textStart.line, textStart.start, last, lines[last].length) : undefined;
  const identity = deriveReferenceId({
    line: draft.classificationLine,
    continuations: draft.continuationHeaders,
    pageHeaders: draft.pageHeaders,
    year: dtg?.token.value.twoDigitYear ?? (sourceDate ? sourceDate.value.year % 100 : undefined),
    header,
  });
  const classification = deriveClassification(
    draft.classificationLine,
    draft.captions,
    draft.banners,
    header,
    identity.conflict !== undefined,
  );
  const recognized =
    header !== undefined ||
    dtg !== undefined ||
    draft.classificationLine !== undefined ||
    draft.tags !== undefined ||
    draft.subject !== undefined ||
    draft.eoLine !== undefined ||
    draft.banners.length > 0 ||
    draft.paragraphs.some((p) => p.marking !== undefined);
  const { sourceDate: _, ...fields } = draft;
  return {
    range: cableRange,
    ...identity.ids,
    ...(identity.conflict ? { conflict: identity.conflict } : {}),
    preamble,
    partialExtract,
    sourceDate,
    distribution,
    drafting,
    header,
    dtg,
    text,
    ...fields,
    blocks: blocks.finish(),
    classification,
    collapsed,
    recognized,
  };
}

function firstNonBlank(lines: readonly SourceLine[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (!isBlank(lines[i])) return i;
  return to;
}

/** Artefacts on the lines `flagged` with ARTEFACT_SEARCHES. */
function collectArtefacts(lines: readonly SourceLine[], first: number, last: number, artefacts: Artefact[], flagged: Uint8Array): void {
  for (let i = first; i <= last; i++) {
    if (flagged[i] !== 1) continue;
    const text = lines[i];
    const md = /^(-\s+)\d{1,3}\.\s/.exec(text);
    if (md) artefacts.push({ kind: 'markdown-bullet', range: range(i, 0, i, md[1].length) });
    // Searched with indexOf, not matchAll: a line of pilcrows would otherwise allocate a match
    // object per pilcrow besides the artefact.
    for (let at = text.indexOf('\\$'); at >= 0; at = text.indexOf('\\$', at + 2))
      artefacts.push({ kind: 'escaped-dollar', range: range(i, at, i, at + 2) });
    for (let at = text.indexOf('¶'); at >= 0; at = text.indexOf('¶', at + 1))
      artefacts.push({ kind: 'pilcrow', range: range(i, at, i, at + 1) });
    // A backslash closing the line (white space after it allowed), not one escaped by another.
    let end = text.length;
    while (end > 0 && isRegExpSpace(text.charCodeAt(end - 1))) end--;
    if (end > 0 && text.charCodeAt(end - 1) === 92 && text.charCodeAt(end - 2) !== 92)
      artefacts.push({ kind: 'trailing-backslash', range: range(i, end - 1, i, end) });
  }
}
