/**
 * How much of a file the sniff looks at: the client reads the first SNIFF_LINES lines of a document
 * VS Code opened as plain text, the workspace index the first SNIFF_BYTES of a file on disk (of
 * which it passes the first SNIFF_LINES lines), so a file the editor would switch to Cable is a file
 * the index holds. Imports nothing: the client bundles it.
 */
export const SNIFF_BYTES = 4096;
export const SNIFF_LINES = 80;

const FL1 = /^VZCZC[A-Z]{3}\d/i;
const PARTIAL_EXTRACT = /^This record is a partial extract of the original cable/i;
/** WikiLeaks' metadata line (`Cable dated:2006-01-29T11:49:00`), also in front of a dump whose lines were glued. */
const CABLE_DATED = /^Cable dated:\s*\d{4}-\d\d-\d\d/;
const LEVEL = String.raw`(?:UNCLAS(?:SIFIED)?|LIMITED OFFICIAL USE|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|T ?O ?P\s+S ?E ?C ?R ?E ?T)`;
/** `C O N F I D E N T I A L SECTION 01 OF 03 MADRID 000173`, `CONFIDENTIAL 75 LIBREVILLE 1895`. */
const STATION_SERIAL = String.raw`(?:\s+SECTION\s+\d{1,2}\s+OF\s+\d{1,2})?\s+(?:\d{2}\s+)?[A-Z][A-Z .]*\s\d{1,8}`;
/** On the first line, as the earlier sniff had it: any case, anything after the serial. */
const CLASSIFICATION_FIRST = new RegExp(String.raw`^${LEVEL}\b${STATION_SERIAL}\b`, 'i');
/** Below a wrapper or an office block: capitals, and nothing after the serial. */
const CLASSIFICATION_LATER = new RegExp(String.raw`^${LEVEL}\b${STATION_SERIAL}\s*$`);

/**
 * Lines a telegram has and other text seldom does, each a kind: two kinds make a cable. Capitals
 * only, as telegrams are written (an e-mail's `Subject:` or `To:` is not `SUBJECT:` or `TO `).
 */
const SIGNS: readonly (readonly [kind: string, pattern: RegExp])[] = [
  // `P 011743Z FEB 07`, `R 232312Z JAN 09 ZDS`, `O R 181205Z NOV 75 ZFF4`, `061601Z MAY 78`, an OCR'd `0 241208Z OCT 79`.
  ['dtg', /^(?:[ZOPR0]\s+){0,2}\d{6}\s?Z\s+[A-Z]{3}\s+\d{2}\b/],
  ['from', /^FM\s+[A-Z]/],
  ['to', /^TO\s+[A-Z]/],
  ['level', new RegExp(String.raw`^${LEVEL}\s*$`)],
  ['tags', /^TAGS:?\s+[A-Z]{2,6}\b/],
  ['subject', /^SUBJ(?:ECT)?:\s*\S/],
  ['executiveOrder', /^E\.?\s?O\.?:?\s+1\d{4}\b/],
  ['reference', /^REF(?:S|TEL)?:\s*\S/],
  // A printed copy: `PAGE 01  BERLIN  03009 …`, `ACTION NEA-00`, `INFO  LOG-00   CIAE-00 …`.
  ['page', /^PAGE\s+\d{2}\s+[A-Z]/],
  ['distribution', /^(?:ACTION|ORIGIN|INFO)\s+[A-Z]{1,6}-\d{2}\b/],
  ['caption', /^SIPDIS\s*$/],
];

/**
 * Whether text that VS Code opened as plain text starts like a cable: an FL1 line, a partial
 * extract note or WikiLeaks' `Cable dated:` first, a classification line with station and serial, or two kinds of telegram
 * line (a DTG and FM, FM and TO, TAGS and SUBJECT, an office distribution block and a banner…),
 * so that printed copies (office block first), e-mail wrappers around a telegram and 1970s
 * originals (a bare DTG) are found as well as Cablegate's layout.
 */
export function looksLikeCable(firstLines: readonly string[]): boolean {
  const lines = firstLines.map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length === 0) return false;
  const first = lines[0];
  if (FL1.test(first) || PARTIAL_EXTRACT.test(first) || CABLE_DATED.test(first) || CLASSIFICATION_FIRST.test(first)) return true;
  const kinds = new Set<string>();
  for (const line of lines) {
    if (CLASSIFICATION_LATER.test(line)) return true;
    for (const [kind, pattern] of SIGNS) {
      if (kinds.has(kind) || !pattern.test(line)) continue;
      kinds.add(kind);
      if (kinds.size >= 2) return true;
    }
  }
  return false;
}

/** The sniff over the start of a file's text (at most SNIFF_BYTES of it): its first SNIFF_LINES lines. */
export function textLooksLikeCable(start: string): boolean {
  return looksLikeCable(start.slice(0, SNIFF_BYTES).split(/\r\n|\r|\n/, SNIFF_LINES));
}
