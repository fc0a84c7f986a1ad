/**
 * The parsed model of a cable file. Pure data: no vscode or LSP imports, so the server, the CLI,
 * the browser worker and the tests share it.
 *
 * Positions are 0-based lines and UTF-16 character offsets (the LSP convention), so a feature can
 * hand a range to the editor unchanged. Every element keeps the text exactly as written next to
 * its parsed value: diagnostics and quick fixes need both.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A piece of source text with its range and, where it has one, its parsed value. */
export interface Token<T = string> {
  readonly text: string;
  readonly range: Range;
  readonly value: T;
}

/** Classification levels in ascending order of sensitivity. `SBU` covers UNCLAS SENSITIVE, LOU and FOUO. */
export type Level = 'U' | 'SBU' | 'C' | 'S' | 'TS';

export const LEVEL_RANK: Readonly<Record<Level, number>> = { U: 0, SBU: 1, C: 2, S: 3, TS: 4 };

export interface CableFile {
  readonly text: string;
  readonly lineCount: number;
  /** Back to back; together their ranges cover the whole text, so nothing is lost. */
  readonly cables: readonly Cable[];
}

export interface Cable {
  readonly range: Range;
  /** WikiLeaks/cablemap style id: `08STATE125608`; undefined when the text lacks the station, serial or year. */
  readonly referenceId?: string;
  /** Station and serial without the year (`STATE125608`), when the year is not in the text. */
  readonly referenceIdWithoutYear?: string;
  /** Print wrappers, partial-extract notes and office distribution blocks before the header. */
  readonly preamble?: Range;
  readonly partialExtract?: Range;
  /** A date the source gives outside the telegram (`Cable dated:2006-01-29T11:49:00`, `Wednesday, 29 November 2000, 13:59`). */
  readonly sourceDate?: Token<CalendarDate>;
  /** The office distribution block of a Department printout (`ACTION EUR-25`, `INFO …`, `/110 W`, the control line). */
  readonly distribution?: DistributionBlock;
  /** Drafting, approving and clearing lines: of a Department original, or of a post's print wrapper. */
  readonly drafting?: DraftingLines;
  /** Classification banners of printed pages (`CONFIDENTIAL`, `CONFIDENTIAL     PTQ1859`): not part of the text. */
  readonly banners: readonly Token<Level>[];
  /** Later sections' repeated headers inside the text (page 1, distribution, DTG, addressees, front matter): not text. */
  readonly repeatedHeaders: readonly Range[];
  /** False when nothing of a telegram is in the text (no header, DTG, classification, TAGS, SUBJECT or marked paragraph). */
  readonly recognized: boolean;
  /** The header and the text name different telegrams (a source fault): the id follows the header. */
  readonly conflict?: IdConflict;
  readonly header?: TransmissionHeader;
  /** The date-time group, from the header or from a partial extract's bare DTG. */
  readonly dtg?: DateTimeGroup;
  readonly text?: Range;
  readonly classificationLine?: ClassificationLine;
  readonly continuationHeaders: readonly ContinuationHeader[];
  /** Page headers of printed copies (`PAGE 02  CAPE T  00097  01 OF 03  182017Z`), wherever they fall: not text. */
  readonly pageHeaders: readonly PageHeader[];
  readonly captions: readonly Token[];
  readonly officeLines: readonly Token[];
  readonly eoLine?: EoLine;
  readonly tags?: TagsLine;
  readonly subject?: Subject;
  readonly references?: ReferenceBlock;
  readonly classifiedBy?: ClassifiedBy;
  readonly paragraphs: readonly Paragraph[];
  readonly blocks: readonly Block[];
  readonly signature?: Token;
  readonly endMarks: readonly Token[];
  /** Overall classification derived from the classification line, captions and the header. */
  readonly classification: Classification;
  /** Conversion artefacts seen in the text (markdown `- ` before numbers, `\$`, `¶`). */
  readonly artefacts: readonly Artefact[];
  /** True when the source collapsed the body's newlines (fields and paragraphs share lines). */
  readonly collapsed: boolean;
}

export interface Classification {
  readonly level?: Level;
  readonly caveats: readonly string[];
  /** In the corpus manifest's vocabulary: `SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`… */
  readonly label?: string;
  /** The level as the cable writes it, spacing folded: `LIMITED OFFICIAL USE`, `CONFIDENTIAL`, `UNCLAS`. */
  readonly written?: string;
  /** Where the level comes from. */
  readonly source?: 'classificationLine' | 'banner' | 'securityGroup';
}

export interface IdConflict {
  /** The id from the transmission header (FM post or DE station, FL3 serial). */
  readonly header: string;
  /** The id the classification line gives. */
  readonly text: string;
}

/** `EUR-25`: an office symbol and the number of copies it gets. */
export interface OfficeEntry {
  readonly range: Range;
  readonly office: Token;
  readonly copies: Token<number>;
}

export interface DistributionBlock {
  readonly range: Range;
  /** `ACTION` (incoming) or `ORIGIN` (outgoing), with the office. */
  readonly action?: { readonly keyword: Token; readonly entry: OfficeEntry };
  readonly infoKeyword?: Token;
  readonly info: readonly OfficeEntry[];
  /** `/110 W`: the total of the copies; `W` on telegrams from posts, `R` on Department originals. */
  readonly total?: Token<number>;
  /** The six-character control number of the dashed line. */
  readonly control?: Token;
}

/** `DRAFTED BY EUR/WE:JSMITH:LK`, `APPROVED BY S/S:MR. ORTIZ`, `EUR/WE - MR. BARBOUR`, `CLEARED: A/DCM:TEWILLIAMS`. */
export interface OfficerLine {
  readonly range: Range;
  readonly keyword?: Token;
  /** The office symbol: `EUR/WE`, `S/S`, `POL`. */
  readonly office?: Token;
  /** The rest as written: officer, initials, date, telephone. */
  readonly officer?: Token;
}

export interface DraftingLines {
  readonly range: Range;
  readonly drafted?: OfficerLine;
  readonly approved?: OfficerLine;
  readonly clearances: readonly OfficerLine[];
  /** The offices listed after `DESIRED DISTRIBUTION`. */
  readonly desiredDistribution?: Token;
}

export interface Artefact {
  readonly kind: 'markdown-bullet' | 'escaped-dollar' | 'pilcrow' | 'trailing-backslash';
  readonly range: Range;
}

// ---------------------------------------------------------------------------------------------
// Transmission header (ACP-127 format lines)

export interface TransmissionHeader {
  readonly range: Range;
  /** `oneLine` when the dataset collapsed the whole header into a single line. */
  readonly layout: 'multiLine' | 'oneLine';
  readonly transmissionId?: Token;
  readonly precedenceProsign?: Token;
  readonly relays: readonly Token[];
  readonly station?: StationLine;
  readonly securityGroup?: SecurityGroup;
  readonly dtg?: DateTimeGroup;
  readonly from?: FromLine;
  readonly addressees: readonly Addressee[];
}

export interface StationLine {
  readonly range: Range;
  readonly keyword: Token;
  readonly routingIndicator?: Token;
  readonly serial?: Token<number>;
  readonly section?: Token<number>;
  readonly filingTime?: Token<JulianTime | undefined>;
}

export interface JulianTime {
  readonly dayOfYear: number;
  readonly hour: number;
  readonly minute: number;
}

export interface SecurityGroup {
  readonly range: Range;
  /** `ZNR` or `ZNY`. */
  readonly signal: Token;
  /** `UUUUU`, `CCCCC`…; value is the level the group stands for, when known. */
  readonly group?: Token<Level | undefined>;
  readonly extras: readonly Token[];
}

export interface DateTimeGroup {
  readonly range: Range;
  readonly precedence: readonly Token[];
  /** The `262051Z NOV 08` part. */
  readonly token: Token<DtgValue>;
}

export interface DtgValue {
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** 1–12, or 0 when the month is not a known abbreviation. */
  readonly month: number;
  readonly twoDigitYear: number;
  readonly year: number;
  /** The calendar and clock values are possible. */
  readonly valid: boolean;
}

export interface FromLine {
  readonly range: Range;
  readonly keyword: Token;
  readonly address?: Token;
}

export type AddresseeRole = 'to' | 'info' | 'xmt';

export interface Addressee {
  readonly range: Range;
  readonly role: AddresseeRole;
  /** The `TO`/`INFO`/`XMT` keyword when this addressee is the first of its list. */
  readonly keyword?: Token;
  readonly routingIndicator?: Token;
  readonly address: Token;
  readonly precedence?: Token;
  readonly mcn?: Token;
  readonly collective: boolean;
}

// ---------------------------------------------------------------------------------------------
// Text

export interface ClassificationLine {
  readonly range: Range;
  readonly level: Token<Level>;
  readonly caveats: readonly Token[];
  readonly section?: SectionMark;
  readonly station?: Token;
  readonly serial?: Token<number>;
}

export interface SectionMark {
  readonly range: Range;
  readonly number: Token<number>;
  readonly total: Token<number>;
}

export interface ContinuationHeader {
  readonly range: Range;
  readonly station: Token;
  readonly serial: Token<number>;
  readonly section: Token<number>;
  readonly page?: Token<number>;
  readonly total: Token<number>;
}

/** `PAGE 01        BERLIN  03009  01 OF 06  151359Z`, `PAGE 01 STATE 195297`: the post as printed (six characters at most). */
export interface PageHeader {
  readonly range: Range;
  readonly page: Token<number>;
  readonly station: Token;
  readonly serial: Token<number>;
  readonly section?: Token<number>;
  readonly total?: Token<number>;
  /** `151359Z`: day, hour and minute of the printing. */
  readonly time?: Token;
}

export interface EoLine {
  readonly range: Range;
  readonly keyword: Token;
  readonly order?: Token<number>;
  /** `DECL:` keyword, when present. */
  readonly decl?: Token;
  /** The text after DECL (a date, OADR, MR, an event). */
  readonly declValue?: Token<CalendarDate | undefined>;
  readonly notApplicable?: Token;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly valid: boolean;
}

export interface TagsLine {
  readonly range: Range;
  readonly keyword: Token;
  readonly tags: readonly Token[];
}

export interface Subject {
  readonly range: Range;
  readonly keyword: Token;
  /** The subject on one line, white space folded. */
  readonly text: string;
  readonly marking?: Marking;
}

export interface ReferenceBlock {
  readonly range: Range;
  readonly keyword: Token;
  readonly entries: readonly ReferenceEntry[];
}

export type ReferenceKind = 'cable' | 'email' | 'memo' | 'meeting' | 'other';

export interface ReferenceEntry {
  readonly range: Range;
  readonly letter?: Token;
  /** As written, without the letter. */
  readonly text: string;
  /** What the entry cites: a telegram, an e-mail, a memo or report, a meeting or call, or something else. */
  readonly kind: ReferenceKind;
  /** Present when the entry cites a telegram: station as written, number, optional year. */
  readonly cable?: CableCitation;
}

export interface CableCitation {
  readonly station: string;
  readonly number: number;
  /** As the entry gives it (`2006`, `06`, `(06)`); absent when the entry gives none. */
  readonly year?: number;
  /**
   * `08STATE125608`, only when the citation is a real telegram id: a known station, and a year the
   * entry gives or, when it gives none, the citing cable's (the cable convention: references to
   * telegrams of another year carry the year).
   */
  readonly referenceId?: string;
  readonly range: Range;
}

export interface ClassifiedBy {
  readonly range: Range;
  readonly keyword: Token;
  readonly authority: string;
  /** `1.4`, `1.5` as written. */
  readonly section?: Token;
  /** Reason letters, lower-cased: `b`, `d`. */
  readonly reasons: readonly Token[];
}

export interface Marking {
  readonly range: Range;
  readonly text: string;
  readonly level?: Level;
  readonly caveats: readonly string[];
  /** Closed parenthesis and every part known. */
  readonly wellFormed: boolean;
  readonly closed: boolean;
  readonly unknownParts: readonly string[];
}

export interface Paragraph {
  readonly range: Range;
  /** `1.` as written (without the `¶` or `- ` prefix). */
  readonly number: Token<number>;
  readonly marking?: Marking;
  /** Number and marking: what the outline selects. */
  readonly selectionRange: Range;
  /** First words, or the lead-in such as `Summary:`. */
  readonly title: string;
  readonly subParagraphs: readonly SubParagraph[];
  /** `¶` or `- ` before the number. */
  readonly prefix?: Token;
}

export interface SubParagraph {
  readonly range: Range;
  readonly label: Token<string | number>;
  readonly kind: 'letter' | 'parenthesized-letter' | 'parenthesized-number' | 'number' | 'bullet';
  readonly marking?: Marking;
  readonly title: string;
}

export type BlockKind = 'summary' | 'comment' | 'note' | 'text' | 'talkingPoints';

export interface Block {
  readonly kind: BlockKind;
  readonly range: Range;
  readonly begin?: Range;
  readonly end?: Range;
}
