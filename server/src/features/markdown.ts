/**
 * Escapes document text for a markdown hover: every markdown and HTML metacharacter is
 * backslash-escaped, so text from a cable can never become a link, an image, HTML or a command.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#!|~&$]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Document text shown as code: backticks inside are neutralised by a longer fence. */
export function code(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ');
  let fence = '`';
  while (clean.includes(fence)) fence += '`';
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
