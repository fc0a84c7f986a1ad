import type { Rule } from '../types';
import { headerClassificationMismatch, paraMarkAboveOverall } from './classification';
import { dtgInvalid } from './dates';
import { markingUnclosed, markingUnknown } from './markings';
import { sectionRange } from './sections';

/** Every rule, in the order docs/rules.md lists them. */
export const RULES: readonly Rule[] = [
  paraMarkAboveOverall,
  headerClassificationMismatch,
  markingUnclosed,
  markingUnknown,
  sectionRange,
  dtgInvalid,
];
