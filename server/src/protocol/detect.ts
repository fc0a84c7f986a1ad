/**
 * How much of a file the sniff looks at: the client reads the first SNIFF_LINES lines of a document
 * VS Code opened as plain text, the workspace index the first SNIFF_BYTES of a file on disk (of
 * which it passes the first SNIFF_LINES lines), so a file the editor would switch to Cable is a file
 * the index holds. Imports nothing: the client bundles it.
 */
export const SNIFF_BYTES = 4096;
export const SNIFF_LINES = 8;

/**
 * Whether text that VS Code opened as plain text starts like a cable: an FL1 line, a partial
 * extract note, a DTG line followed by FM, or a classification line with station and serial.
 */
export function looksLikeCable(firstLines: readonly string[]): boolean {
  const lines = firstLines
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, 6);
  if (lines.length === 0) return false;
  if (/^VZCZC[A-Z]{3}\d/i.test(lines[0])) return true;
  if (/^This record is a partial extract of the original cable/i.test(lines[0])) return true;
  if (/^(?:[ZOPR]\s+){1,2}\d{6}Z\s+[A-Z]{3}\s+\d{2}$/.test(lines[0]) && lines.slice(1, 3).some((l) => /^FM\s+\S/.test(l))) return true;
  return /^(?:UNCLAS(?:SIFIED)?|LIMITED OFFICIAL USE|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|T ?O ?P\s+S ?E ?C ?R ?E ?T)\b(?:\s+SECTION\s+\d{1,2}\s+OF\s+\d{1,2})?\s+[A-Z][A-Z .]*\s\d{1,8}\b/i.test(
    lines[0],
  );
}

/** The sniff over the start of a file's text (at most SNIFF_BYTES of it): its first SNIFF_LINES lines. */
export function textLooksLikeCable(start: string): boolean {
  return looksLikeCable(start.slice(0, SNIFF_BYTES).split(/\r\n|\r|\n/, SNIFF_LINES));
}
