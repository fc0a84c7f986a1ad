/**
 * What cable-lint reports about one cable, in every format (JSON, JSON Lines, CSV, SQLite): every
 * field is read from the parse model here and nowhere else, so a field the parser gains is added
 * in this one module. Plain data (strings, numbers, booleans, null, arrays): it crosses threads.
 */
import { daysInYear, dtgToIso, fromDayOfYear } from '../cable/dates';
import type { Cable, CableFile, Range, ReferenceKind } from '../cable/model';
import { crossReferencesOf } from '../analysis/crossReferences';
import { filingYear } from '../analysis/filingTime';
import { lineText } from '../analysis/lines';

export interface AddresseeRecord {
  /** `to`, `info` or `xmt`. */
  readonly role: string;
  readonly ri: string | null;
  readonly name: string;
  readonly precedence: string | null;
}

export interface ReferenceRecord {
  readonly letter: string | null;
  /** The entry as written. */
  readonly text: string;
  /** What the entry cites: `cable`, `email`, `memo`, `meeting` or `other`. */
  readonly kind: ReferenceKind;
  /** Only when the entry cites a real telegram id: `08STATE125608` (never made up from other text). */
  readonly id: string | null;
}

export interface ParagraphRecord {
  readonly number: string;
  readonly marking: string | null;
  /** 1-based. */
  readonly line: number;
  /** With --text (always in SQLite). */
  readonly text?: string;
}

export interface CableRecord {
  readonly referenceId: string | null;
  /** In the corpus manifest's vocabulary: `SECRET//NOFORN`. */
  readonly classification: string | null;
  /** The classification line as written: `C O N F I D E N T I A L SECTION 01 OF 02 STATE 125608`. */
  readonly classificationAsWritten: string | null;
  /** The level as the cable writes it, spacing folded: `LIMITED OFFICIAL USE`, `CONFIDENTIAL`, `UNCLAS`. */
  readonly levelAsWritten: string | null;
  readonly caveats: readonly string[];
  /** SIPDIS, EXDIS, NODIS… as written. */
  readonly captions: readonly string[];
  /** ISO 8601 UTC: `2008-11-26T20:51Z`; the DTG as written when it is not a real instant. */
  readonly dtg: string | null;
  /** The filing time of the DE line in ISO 8601 UTC, its year taken from the DTG. */
  readonly filingTime: string | null;
  /** Precedence prosigns before the DTG: `O`, `P`, `R`… */
  readonly precedence: string | null;
  /** The FM line's post: `AMEMBASSY BELGRADE`. */
  readonly from: string | null;
  /** The routing indicator of the station that sent it (`DE RUEHBW`). */
  readonly originRi: string | null;
  readonly addressees: readonly AddresseeRecord[];
  /** `12958` */
  readonly executiveOrder: string | null;
  /** The text after DECL: as written (a date, OADR, an event). */
  readonly declassify: string | null;
  /** That date in ISO 8601, when it is one. */
  readonly declassifyDate: string | null;
  readonly classifiedBy: string | null;
  /** `1.4(b)`, `1.4(d)`: the section as written (nothing when the line gives none) and each reason letter. */
  readonly classificationReasons: readonly string[];
  readonly tags: readonly string[];
  readonly subject: string | null;
  /** The telegram ids the REF entries cite, in order (entries that cite no telegram are in referenceEntries only). */
  readonly references: readonly string[];
  readonly referenceEntries: readonly ReferenceRecord[];
  /** Reference ids the text cites outside the REF block, first mention order, each once. */
  readonly citedInBody: readonly string[];
  /** `SECTION 01 OF 02` on the classification line. */
  readonly section: { readonly number: number; readonly total: number } | null;
  /** The source replaced the transmission header with a note (a partial extract). */
  readonly partialExtract: boolean;
  /** Set when the header and the text name different telegrams (a source fault): `referenceId` follows the header. */
  readonly conflict: { readonly header: string; readonly text: string } | null;
  readonly paragraphCount: number;
  readonly paragraphs: readonly ParagraphRecord[];
  /** 1-based, both ends included. */
  readonly range: { readonly startLine: number; readonly endLine: number };
  /** The text after the header, with --text (always in SQLite). */
  readonly body?: string;
}

export interface RecordOptions {
  /** Include the body text and each paragraph's text. */
  readonly text: boolean;
}

export function cableRecord(file: CableFile, cable: Cable, options: RecordOptions): CableRecord {
  const header = cable.header;
  const dtg = cable.dtg?.token;
  const filing = header?.station?.filingTime?.value;
  const eo = cable.eoLine;
  const decl = eo?.declValue;
  const by = cable.classifiedBy;
  const ownId = cable.referenceId;
  const cited = new Set<string>();
  const refRange = cable.references?.range;
  for (const x of crossReferencesOf(file, cable)) {
    if (x.kind !== 'referenceId' || x.referenceId === ownId) continue;
    if (refRange && x.range.start.line >= refRange.start.line && x.range.start.line <= refRange.end.line) continue;
    cited.add(x.referenceId);
  }
  const paragraphs = cable.paragraphs.map((p): ParagraphRecord => ({
    number: p.number.text,
    marking: p.marking?.text ?? null,
    line: p.number.range.start.line + 1,
    ...(options.text ? { text: textOf(file, p.range) } : {}),
  }));
  const section = cable.classificationLine?.section;
  return {
    referenceId: ownId ?? null,
    classification: cable.classification.label ?? null,
    classificationAsWritten: cable.classificationLine ? textOf(file, cable.classificationLine.range) : null,
    levelAsWritten: cable.classification.written ?? null,
    caveats: cable.classification.caveats,
    captions: cable.captions.map((c) => c.text),
    dtg: dtg ? (dtgToIso(dtg.value) ?? dtg.text) : null,
    filingTime: dtg && filing && dtg.value.valid ? filingIso(dtg.value, filing) : null,
    precedence: cable.dtg && cable.dtg.precedence.length > 0 ? cable.dtg.precedence.map((t) => t.text).join(' ') : null,
    from: header?.from?.address?.text ?? null,
    originRi: header?.station?.routingIndicator?.text ?? null,
    addressees: (header?.addressees ?? []).map((a) => ({
      role: a.role,
      ri: a.routingIndicator?.text ?? null,
      name: a.address.text,
      precedence: a.precedence?.text ?? null,
    })),
    executiveOrder: eo?.order ? String(eo.order.value) : null,
    declassify: decl?.text ?? null,
    declassifyDate: decl?.value?.valid ? isoDate(decl.value.year, decl.value.month, decl.value.day) : null,
    classifiedBy: by?.authority || null,
    classificationReasons: by ? by.reasons.map((r) => `${by.section?.text ?? ''}(${r.value})`) : [],
    tags: cable.tags?.tags.map((t) => t.value) ?? [],
    subject: cable.subject?.text ?? null,
    references: (cable.references?.entries ?? []).flatMap((e) => (e.cable?.referenceId ? [e.cable.referenceId] : [])),
    referenceEntries:
      cable.references?.entries.map((e) => ({
        letter: e.letter?.value ?? null,
        text: e.text,
        kind: e.kind,
        id: e.cable?.referenceId ?? null,
      })) ?? [],
    citedInBody: [...cited],
    section: section ? { number: section.number.value, total: section.total.value } : null,
    partialExtract: cable.partialExtract !== undefined,
    conflict: cable.conflict ? { header: cable.conflict.header, text: cable.conflict.text } : null,
    paragraphCount: paragraphs.length,
    paragraphs,
    range: { startLine: cable.range.start.line + 1, endLine: cable.range.end.line + 1 },
    ...(options.text ? { body: cable.text ? textOf(file, cable.text) : '' } : {}),
  };
}

/** The text a range covers, its lines joined with `\n`. */
function textOf(file: CableFile, range: Range): string {
  if (range.start.line === range.end.line) return lineText(file, range.start.line).slice(range.start.character, range.end.character);
  const parts = [lineText(file, range.start.line).slice(range.start.character)];
  for (let line = range.start.line + 1; line < range.end.line; line++) parts.push(lineText(file, line));
  parts.push(lineText(file, range.end.line).slice(0, range.end.character));
  return parts.join('\n');
}

function filingIso(dtg: Parameters<typeof filingYear>[0], filing: Parameters<typeof filingYear>[1]): string | null {
  const year = filingYear(dtg, filing);
  if (filing.dayOfYear < 1 || filing.dayOfYear > daysInYear(year) || filing.hour > 23 || filing.minute > 59) return null;
  const { month, day } = fromDayOfYear(year, filing.dayOfYear);
  return `${isoDate(year, month, day)}T${pad(filing.hour)}:${pad(filing.minute)}Z`;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
