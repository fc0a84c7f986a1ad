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
