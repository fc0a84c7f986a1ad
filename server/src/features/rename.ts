import * as l10n from '@vscode/l10n';
import type { CancellationToken, PrepareRenameParams, Range, RenameParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { FeatureContext } from '../analysis/context';
import { crossReferencesOf } from '../analysis/crossReferences';
import { lineText } from '../analysis/lines';
import { contains } from '../analysis/ranges';
import type { Cable, Position, Token } from '../cable/model';
import { ErrorCodes, ResponseError } from '../protocol/lsp';

/** The letters `ref A` can cite in the text (analysis/crossReferences.ts): a REF letter is renamed to one of them. */
const REF_LETTER = /^[A-H]$/i;

/** A REF letter at a position: on the REF line (`A.`) or in the text (`ref A`, `reftel A`). */
interface LetterAt {
  readonly cable: Cable;
  readonly letter: string;
  readonly range: Range;
}

/** The range and the letter a rename would change, or null where no REF letter is. */
export function prepareRename(
  context: FeatureContext,
  params: PrepareRenameParams,
  _token: CancellationToken,
): { range: Range; placeholder: string } | null {
  const found = letterAt(context, params.position);
  return found ? { range: found.range, placeholder: found.letter } : null;
}

/**
 * Renames a REF letter: the entry on the REF line and every `ref A`/`reftel A` of the same
 * cable that cites it. A letter another entry already has would merge two references: refused.
 */
export function rename(context: FeatureContext, params: RenameParams, _token: CancellationToken): WorkspaceEdit | null {
  const found = letterAt(context, params.position);
  if (!found) return null;
  const newLetter = params.newName.trim();
  if (!REF_LETTER.test(newLetter)) throw new ResponseError(ErrorCodes.InvalidParams, l10n.t('A REF letter is one letter from A to H'));
  const upper = newLetter.toUpperCase();
  if (upper === found.letter) return { changes: { [context.uri]: [] } };
  const entries = found.cable.references?.entries ?? [];
  if (entries.some((e) => e.letter?.value === upper))
    throw new ResponseError(ErrorCodes.InvalidParams, l10n.t('REF {0} is already on the REF line', upper));
  const edits: TextEdit[] = [];
  const entry = entries.find((e) => e.letter?.value === found.letter);
  if (entry?.letter) edits.push({ range: letterRangeOf(entry.letter), newText: upper });
  for (const ref of crossReferencesOf(context.file, found.cable)) {
    if (ref.kind !== 'reference' || ref.letter !== found.letter || !ref.letterRange) continue;
    // As written: `ref a` stays lower case.
    edits.push({ range: ref.letterRange, newText: lowerCaseAt(context, ref.letterRange) ? upper.toLowerCase() : upper });
  }
  return { changes: { [context.uri]: edits } };
}

function letterAt(context: FeatureContext, position: Position): LetterAt | undefined {
  const cable = context.file.cables.find((c) => contains(c.range, position));
  if (!cable) return undefined;
  for (const entry of cable.references?.entries ?? []) {
    if (entry.letter && contains(entry.letter.range, position))
      return { cable, letter: entry.letter.value, range: letterRangeOf(entry.letter) };
  }
  for (const ref of crossReferencesOf(context.file, cable)) {
    if (ref.kind === 'reference' && ref.letter && ref.letterRange && contains(ref.range, position)) {
      return { cable, letter: ref.letter, range: ref.letterRange };
    }
  }
  return undefined;
}

/** The letter itself inside `A.` or `(A)`. */
function letterRangeOf(letter: Token): Range {
  const at = Math.max(0, letter.text.indexOf(letter.value));
  const start = { line: letter.range.start.line, character: letter.range.start.character + at };
  return { start, end: { line: start.line, character: start.character + letter.value.length } };
}

function lowerCaseAt(context: FeatureContext, range: Range): boolean {
  const char = lineText(context.file, range.start.line)[range.start.character];
  return char !== undefined && char !== char.toUpperCase();
}
