// Text helpers shared by the routing-indicator and TAGS modules.

/**
 * Restores a row's "source" column: the generated tables store it as an index into the table's
 * source families plus the text after the first ": " (see scripts/generate-data.mjs).
 */
export function restoreSource(families: readonly string[], family: string | undefined, detail: string | undefined): string {
  const name = families[Number(family ?? '0')] ?? '';
  return detail ? `${name}: ${detail}` : name;
}

export const NON_WORD = /[^A-Z0-9]+/g;

export function wordsOf(text: string): string[] {
  return text
    .toUpperCase()
    .split(NON_WORD)
    .filter((w) => w !== '');
}
