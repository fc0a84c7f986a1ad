/**
 * The text of a cable, segment by segment: classification line, captions, E.O., TAGS, SUBJECT, REF,
 * Classified By, then numbered paragraphs with their sub-paragraphs, end marks and the signature.
 */
import { BlockCollector } from './blocks';
import { parseSourceDate } from './sourceDate';
import { DTG_LINE } from './header';
import type {
  Artefact,
  CalendarDate,
  ClassificationLine,
  ClassifiedBy,
  ContinuationHeader,
  EoLine,
  Level,
  PageHeader,
  Paragraph,
  Range,
  ReferenceBlock,
  Subject,
  SubParagraph,
  TagsLine,
  Token,
} from './model';
import { gluedSignature, isSignatureLine, paragraphStart, type ParagraphStart, subParagraphStart, titleOf } from './paragraphs';
import { isDistributionLine, parseBanner, parsePageHeader, startsDistribution, startsDrafting } from './printout';
import { indent, isBlank, isRegExpSpace, type Segment, tokenAt, trimmedRange } from './scan';
import {
  isOfficeLine,
  parseCaptionLine,
  parseClassificationLine,
  parseClassifiedBy,
  parseContinuationHeader,
  parseEoLine,
  parseReferences,
  parseSubject,
  parseTags,
  startsClassifiedBy,
  startsReferences,
  startsSubject,
  startsTags,
} from './text';

export interface Draft {
  classificationLine?: ClassificationLine;
  continuationHeaders: ContinuationHeader[];
  pageHeaders: PageHeader[];
  banners: Token<Level>[];
  repeatedHeaders: Range[];
  sourceDate?: Token<CalendarDate>;
  captions: Token[];
  officeLines: Token[];
  eoLine?: EoLine;
  tags?: TagsLine;
  subject?: Subject;
  references?: ReferenceBlock;
  classifiedBy?: ClassifiedBy;
  paragraphs: Paragraph[];
  signature?: Token;
  endMarks: Token[];
  artefacts: Artefact[];
}

type FieldKind = 'tags' | 'subject' | 'references' | 'classifiedBy';

function fieldStart(text: string): FieldKind | undefined {
  if (startsTags(text)) return 'tags';
  if (startsSubject(text)) return 'subject';
  if (startsReferences(text)) return 'references';
  if (startsClassifiedBy(text)) return 'classifiedBy';
  return undefined;
}

function startsAnything(segment: Segment): boolean {
  const text = segment.text;
  return (
    isBlank(text) ||
    fieldStart(text) !== undefined ||
    parseEoLine(segment) !== undefined ||
    paragraphStart(segment) !== undefined ||
    parseCaptionLine(segment) !== undefined ||
    parseContinuationHeader(segment) !== undefined
  );
}

/** A printed page's header or banner: between the lines of a field or paragraph, but no part of it. */
function isPrintNoise(segment: Segment): boolean {
  return parsePageHeader(segment) !== undefined || parseBanner(segment) !== undefined;
}

/**
 * Segments of a multi-line field: the first, then continuations until a blank line or another
 * element; a page break inside the field (banner, page header) does not end it.
 */
function fieldExtent(segments: readonly Segment[], index: number, kind: FieldKind, serial: number | undefined): number {
  let end = index;
  for (let j = index + 1; j < segments.length; j++) {
    const next = segments[j];
    if (isBlank(next.text) || isPrintNoise(next)) {
      // A page break inside the field (banner, page header, a later section's distribution lines,
      // the blank lines around them) does not end it when the field's next line follows it.
      const k = afterPageBreak(segments, j, serial);
      if (k !== undefined) {
        const after = segments[k];
        const continues = after !== undefined && !startsAnything(after) && (kind !== 'tags' || /,\s*(?:\\\s*)?$/.test(segments[end].text));
        if (!continues) break;
        j = k - 1;
        continue;
      }
    }
    if (kind === 'tags') {
      if (!/,\s*(?:\\\s*)?$/.test(segments[end].text) || startsAnything(next)) break;
    } else if (startsAnything(next)) {
      if (kind === 'references' && isBlank(next.text)) {
        const after = segments.slice(j + 1).find((s) => !isBlank(s.text));
        if (after && !startsAnything(after) && /(?:^|\s)(?:[B-H][.)]|\([B-H]\))(?:\s|[A-Z0-9])/.test(after.text)) continue;
      }
      break;
    }
    end = j;
  }
  return end;
}

/**
 * The index after a page break that starts at `from`: blank lines, banners, page headers and,
 * after a page header, distribution lines. Undefined when there is no banner or page header there,
 * or when page 1 of another telegram starts (its serial is not `serial`, the cable's own).
 */
function afterPageBreak(segments: readonly Segment[], from: number, serial: number | undefined): number | undefined {
  let k = from;
  let page = false;
  let noise = false;
  for (; k < segments.length; k++) {
    const segment = segments[k];
    if (isBlank(segment.text)) continue;
    if (isPrintNoise(segment)) {
      const header = parsePageHeader(segment)?.header;
      // Page 1 of another telegram: no field runs on into it. (A later section's page 1 repeats the serial.)
      if (header?.page.value === 1 && header.serial.value !== serial) return undefined;
      noise = true;
      page ||= header !== undefined;
      continue;
    }
    if (page && (isDistributionLine(segment.text) || /^\s*\d{1,3}\s*$/.test(segment.text))) continue;
    break;
  }
  return noise ? k : undefined;
}

/** A field's segments without blank lines and page breaks (handed to `takeNoise`, which keeps them). */
function fieldText(segments: readonly Segment[], takeNoise: (segment: Segment) => boolean): Segment[] {
  const kept: Segment[] = [segments[0]];
  let inBreak = false;
  for (let k = 1; k < segments.length; k++) {
    const s = segments[k];
    if (isBlank(s.text)) continue;
    if (takeNoise(s)) inBreak = true;
    else if (!(inBreak && isDistributionLine(s.text))) {
      inBreak = false;
      kept.push(s);
    }
  }
  return kept;
}

export function parseTextSegments(segments: readonly Segment[], draft: Draft, blocks: BlockCollector, year: number | undefined): void {
  let inBody = false;
  let nonBlankSeen = 0;
  // Ends are kept as segments and turned into ranges once, when the paragraph closes: most lines
  // of a cable are paragraph text, and a range per line would be garbage.
  let current:
    | {
        start: ParagraphStart;
        segment: Segment;
        end: Segment;
        subs: SubParagraph[];
        subEnd?: Segment;
        sub?: Omit<SubParagraph, 'range'> & { start: Segment };
      }
    | undefined;
  let lastContent: Segment | undefined;

  const closeSub = () => {
    const sub = current?.sub;
    if (current && sub && current.subEnd) {
      // Built field by field: an object rest/spread here runs the engine's generic copy per sub-paragraph.
      current.subs.push({
        label: sub.label,
        kind: sub.kind,
        marking: sub.marking,
        title: sub.title,
        range: { start: trimmedRange(sub.start).start, end: trimmedRange(current.subEnd).end },
      });
    }
    if (current) current.sub = undefined;
  };
  const closeParagraph = () => {
    if (!current) return;
    closeSub();
    const { start, segment } = current;
    const end = trimmedRange(current.end);
    const selectionEnd = start.marking?.range.end ?? start.number.range.end;
    const firstRange = start.prefix?.range ?? start.number.range;
    draft.paragraphs.push({
      range: { start: firstRange.start, end: end.end },
      number: start.number,
      marking: start.marking,
      selectionRange: { start: start.number.range.start, end: selectionEnd },
      title: titleOf(segment.text, start.textOffset),
      subParagraphs: current.subs,
      prefix: start.prefix,
    });
    current = undefined;
  };

  /** A page header or banner, kept apart: true when the segment is one. */
  const takeNoise = (segment: Segment): boolean => {
    const page = parsePageHeader(segment);
    if (page) {
      draft.pageHeaders.push(page.header);
      return true;
    }
    const banner = parseBanner(segment);
    if (banner && (draft.classificationLine !== undefined || inBody)) {
      draft.banners.push(banner);
      return true;
    }
    return false;
  };
  // A later section's repeated header inside the text (its first page header, distribution block,
  // DTG and addressees, classification line and front matter): skipped as a whole, so that the
  // paragraph it interrupts goes on after it.
  let repeat: { start: Segment; end: Segment; addressees: boolean } | undefined;
  const closeRepeat = () => {
    if (!repeat) return;
    draft.repeatedHeaders.push({ start: trimmedRange(repeat.start).start, end: trimmedRange(repeat.end).end });
    repeat = undefined;
  };

  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const text = segment.text;
    if (isBlank(text)) {
      if (repeat) repeat.addressees = false;
      continue;
    }
    nonBlankSeen++;
    if (repeat) {
      if (continuesRepeat(segment, repeat, draft) || takeNoise(segment)) {
        repeat.end = segment;
        continue;
      }
      closeRepeat();
    }
    const page = parsePageHeader(segment);
    if (page) {
      draft.pageHeaders.push(page.header);
      const laterSection = (page.header.section?.value ?? 1) > 1 || draft.pageHeaders.some((p) => p !== page.header && p.page.value === 1);
      if (page.header.page.value === 1 && laterSection && (inBody || draft.classificationLine))
        repeat = { start: segment, end: segment, addressees: false };
      continue;
    }
    if (inBody && startsRepeat(segments, i)) {
      repeat = { start: segment, end: segment, addressees: /^\s*FM\s/.test(text) };
      continue;
    }
    const continuation = text.length < 90 && mayEndContinuationHeader(text) ? parseContinuationHeader(segment) : undefined;
    if (continuation) {
      draft.continuationHeaders.push(continuation);
      continue;
    }
    if (!inBody) {
      const classification = parseClassificationLine(segment, nonBlankSeen === 1 || !draft.classificationLine);
      const bare = (line: ClassificationLine | undefined) => line !== undefined && !line.serial && !line.section;
      if (classification && (!draft.classificationLine || (bare(draft.classificationLine) && !bare(classification)))) {
        // Usually the first line; database dumps and print wrappers can put lines before it. A bare
        // level first (a page banner) gives way to the full line that follows it.
        if (draft.classificationLine) draft.banners.push(draft.classificationLine.level);
        if (!bare(classification) || nonBlankSeen === 1 || !draft.classificationLine) {
          draft.classificationLine = classification;
          continue;
        }
      }
    }
    // (A page header was taken above.)
    const banner = parseBanner(segment);
    if (banner && (draft.classificationLine !== undefined || inBody)) {
      draft.banners.push(banner);
      continue;
    }
    if (!draft.classificationLine && !inBody && !draft.sourceDate) {
      const date = parseSourceDate(segment);
      if (date) {
        draft.sourceDate = date;
        continue;
      }
    }
    if (text.length < 80 && mayBeEndMark(text) && END_MARK.test(text)) {
      draft.endMarks.push(tokenAt(segment, text.length - text.trimStart().length, text.trim()));
      continue;
    }
    const para = paragraphStart(segment);
    if (
      para &&
      acceptParagraph(
        para,
        draft.paragraphs,
        current?.start,
        current ? [...current.subs, ...(current.sub ? [current.sub] : [])] : [],
        i > 0 && isBlank(segments[i - 1].text),
      )
    ) {
      closeParagraph();
      inBody = true;
      current = { start: para, segment, end: segment, subs: [] };
      blocks.scan(segment);
      lastContent = segment;
      continue;
    }
    if (!inBody) {
      const captions = parseCaptionLine(segment);
      if (captions) {
        draft.captions.push(...captions);
        continue;
      }
      const eo = !draft.eoLine ? parseEoLine(segment) : undefined;
      if (eo) {
        draft.eoLine = eo;
        continue;
      }
      const kind = fieldStart(text);
      if (kind && !draft[kind]) {
        const end = fieldExtent(segments, i, kind, draft.classificationLine?.serial?.value);
        const fieldSegments = fieldText(segments.slice(i, end + 1), takeNoise);
        if (kind === 'tags') draft.tags = parseTags(fieldSegments);
        else if (kind === 'subject') draft.subject = parseSubject(fieldSegments);
        else if (kind === 'references')
          draft.references = parseReferences(fieldSegments, {
            year: year ?? (draft.sourceDate ? draft.sourceDate.value.year % 100 : undefined),
            station: draft.classificationLine?.station?.value,
            serial: draft.classificationLine?.serial?.value,
          });
        else draft.classifiedBy = parseClassifiedBy(fieldSegments);
        i = end;
        continue;
      }
      if (isOfficeLine(text) && !draft.subject) {
        draft.officeLines.push(tokenAt(segment, text.length - text.trimStart().length, text.trim()));
        continue;
      }
    }
    blocks.scan(segment);
    if (current) {
      const sub = subParagraphStart(segment);
      if (sub || para) {
        closeSub();
        const start = sub ?? { ...subFromParagraph(para!), textOffset: para!.textOffset };
        current.sub = { label: start.label, kind: start.kind, marking: start.marking, title: start.title, start: segment };
      }
      current.end = segment;
      if (current.sub) current.subEnd = segment;
    }
    lastContent = segment;
  }

  // The signature closes the text: a name line of its own, or glued to the last sentence.
  if (lastContent) {
    const segment = lastContent;
    const own = isSignatureLine(segment.text) && !paragraphStart(segment);
    const glued = own ? undefined : gluedSignature(segment.text);
    if (own) {
      const start = segment.text.length - segment.text.trimStart().length;
      draft.signature = tokenAt(segment, start, segment.text.trim().replace(/\\$/, '').trim());
      if (current && current.end.line === segment.line && current.start.number.range.start.line !== segment.line) {
        current.end = previousContentEnd(segments, segment, current.start.number.range) ?? current.end;
        if (current.sub && current.sub.start.line === segment.line) current.sub = undefined;
        else if (current.sub) current.subEnd = current.end;
      }
    } else if (glued) {
      draft.signature = tokenAt(segment, glued.offset, glued.name);
    }
  }
  closeRepeat();
  closeParagraph();
}

/** Where a later section's header shows in the text: its distribution block, or its DTG line followed by FM. */
function startsRepeat(segments: readonly Segment[], index: number): boolean {
  const text = segments[index].text;
  if (startsDistribution(text)) return true;
  if (!DTG_LINE.test(text)) return false;
  for (let j = index + 1; j < segments.length && j <= index + 3; j++) if (/^\s*FM\s+\S/.test(segments[j].text)) return true;
  return false;
}

/** Whether a segment still belongs to a repeated section header. */
function continuesRepeat(segment: Segment, repeat: { addressees: boolean }, draft: Draft): boolean {
  const text = segment.text;
  if (isDistributionLine(text) || /^\s*\d{1,3}\s*$/.test(text) || startsDrafting(text) || DTG_LINE.test(text)) return true;
  if (/^\s*(?:FM|TO|INFO|XMT)\s+\S/.test(text)) {
    repeat.addressees = true;
    return true;
  }
  if (repeat.addressees && text.length < 80 && !/[a-z]/.test(text) && !paragraphStart(segment)) return true;
  if (parseClassificationLine(segment, true)) {
    repeat.addressees = false;
    return true;
  }
  if (parseCaptionLine(segment) || isOfficeLine(text) || parseEoLine(segment)) return true;
  if ((startsTags(text) && draft.tags) || (startsSubject(text) && draft.subject)) return true;
  return text.length < 80 && mayBeEndMark(text) && END_MARK.test(text);
}

const END_MARK = /^\s*NNNN\s*$|^\s*BT\s*$|^\s*\d{4}[A-Z]+\d+\s+-\s+[A-Z/]+(?: [A-Z/]+)*\s*$/;

/** `NNNN`, `BT` and the `0001STATE123 - …` trailer start with N, B or a digit. */
function mayBeEndMark(text: string): boolean {
  const c = text.charCodeAt(indent(text));
  return c === 78 || c === 66 || (c >= 48 && c <= 57) || isRegExpSpace(c);
}

/** Continuation headers end in a page count (`002 OF 004`) or a DTG (`182017Z`): one character tells. */
function mayEndContinuationHeader(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0) {
    const c = text.charCodeAt(end);
    if (c !== 92 /* \ */ && !isRegExpSpace(c)) break;
    end--;
  }
  const c = text.charCodeAt(end);
  return (c >= 48 && c <= 57) || c === 90; /* Z */
}

function previousContentEnd(segments: readonly Segment[], before: Segment, floor: Range): Segment | undefined {
  const index = segments.lastIndexOf(before);
  for (let j = index - 1; j >= 0; j--) {
    const s = segments[j];
    if (s.line < floor.start.line) return undefined;
    if (!isBlank(s.text) && !parseContinuationHeader(s)) return s;
  }
  return undefined;
}

function subFromParagraph(para: ParagraphStart): Omit<SubParagraph, 'range'> {
  return { label: para.number, kind: 'number', marking: para.marking, title: '' };
}

/**
 * Tells a numbered paragraph from a numbered list inside one: a list restarts low (`1.`, `2.`) or
 * continues its own items; a paragraph carries a marking, follows the last paragraph, or jumps
 * past it.
 */
function acceptParagraph(
  para: ParagraphStart,
  previous: readonly Paragraph[],
  open: ParagraphStart | undefined,
  openSubs: readonly { kind: string; label: { value: unknown } }[],
  afterBlank: boolean,
): boolean {
  const last = open ?? previous[previous.length - 1];
  if (!last) return true;
  if (para.marking) return true;
  if (para.number.value === last.number.value + 1) return true;
  const lastSub = openSubs[openSubs.length - 1];
  if (lastSub?.kind === 'number' && lastSub.label.value === para.number.value - 1) return false;
  // A wrapped line can start with a number (`September` / `15. Charge told…`): a jump only
  // counts as a paragraph when a blank line sets it apart, or in cables that mark nothing.
  const marked = previous.some((p) => p.marking) || open?.marking !== undefined;
  return para.number.value > last.number.value && (afterBlank || !marked);
}
