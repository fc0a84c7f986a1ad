import type { Cable, CableFile, Position, Range } from '../cable/model';
import { crossReferences } from './crossReferences';
import { contains } from './ranges';
import { referenceEntry } from './resolve';

/** A reference id a position stands on, and the cable whose text it is in. */
export interface IdAt {
  readonly referenceId: string;
  /** A REF entry written without a year: the id assumes the citing cable's year. */
  readonly yearAssumed: boolean;
  /** The cable at the position. */
  readonly cable: Cable;
  /** The id is the cable's own (its classification line or header), not one it cites. */
  readonly own: boolean;
  /** The id as written (the REF entry's citation, the id in the text, the classification line). */
  readonly range: Range;
}

/**
 * The reference id at a position: an id in the text, a REF entry citing a telegram (or `ref A`
 * pointing at one), or the cable's own classification line or header, which stand for its own id.
 */
export function referenceIdAt(file: CableFile, position: Position): IdAt | undefined {
  const cable = file.cables.find((c) => contains(c.range, position));
  if (!cable) return undefined;
  const ref = crossReferences(file).find((r) => r.cable === cable && contains(r.range, position));
  if (ref?.kind === 'referenceId') {
    return { referenceId: ref.referenceId, yearAssumed: false, cable, own: ref.referenceId === cable.referenceId, range: ref.range };
  }
  if (ref?.kind === 'reference') {
    const cited = referenceEntry(cable, ref.letter)?.cable;
    if (cited?.referenceId)
      return { referenceId: cited.referenceId, yearAssumed: cited.year === undefined, cable, own: false, range: ref.range };
  }
  for (const entry of cable.references?.entries ?? []) {
    if (entry.cable?.referenceId && contains(entry.range, position)) {
      return {
        referenceId: entry.cable.referenceId,
        yearAssumed: entry.cable.year === undefined,
        cable,
        own: false,
        range: entry.cable.range,
      };
    }
  }
  const own = [cable.classificationLine?.range, cable.header?.range, ...cable.continuationHeaders.map((h) => h.range)];
  const hit = own.find((r) => r && contains(r, position));
  if (cable.referenceId && hit) return { referenceId: cable.referenceId, yearAssumed: false, cable, own: true, range: hit };
  return undefined;
}
