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
  readonly header?: TransmissionHeader;
  /** The date-time group, from the header or from a partial extract's bare DTG. */
  readonly dtg?: DateTimeGroup;
  readonly text?: Range;
  readonly classificationLine?: ClassificationLine;
  readonly continuationHeaders: readonly ContinuationHeader[];
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

export interface ReferenceEntry {
  readonly range: Range;
  readonly letter?: Token;
  readonly text: string;
  /** Present when the entry cites a telegram: station as written, number, optional year. */
  readonly cable?: CableCitation;
}

export interface CableCitation {
  readonly station: string;
  readonly number: number;
  readonly year?: number;
  /** `08STATE125608`; the citing cable's year is assumed when the entry gives none. */
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
