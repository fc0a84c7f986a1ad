import { markdownArtefact } from './artefacts';
import { blockEndWithoutBegin, commentUnclosed, noteUnclosed, summaryUnclosed, talkingPointsUnclosed, textUnclosed } from './blocks';
import {
  caveatNotCarried,
  classifiedByMissing,
  classifiedByOnUnclassified,
  distributionConflict,
  eoDeclOnUnclassified,
  eoNotApplicableOnClassified,
  headerClassificationMismatch,
  paraMarkAboveOverall,
  relToWithNoforn,
  securityWarningMismatch,
  sensitiveOnClassified,
} from './classification';
import { declBeforeDtg, declDateInvalid, dtgInvalid, dtgMonthCase, filingTimeInvalid, filingTimeMismatch } from './dates';
import { eoMissing, subjectMissing, tagsIsoCode, tagsMissing, tagsUnknown } from './fields';
import { precedenceMismatch, precedenceWordUnknown, routingIndicatorFormat, transmissionIdFormat } from './header';
import { markingNonCanonical, markingUnclosed, markingUnknown, paragraphMissingMark } from './markings';
import { paragraphSequence, paragraphStart, singleNumberedParagraph } from './numbering';
import { paragraphReferenceUndefined, referenceUndefined, referenceUnused } from './references';
import { continuationSequence, continuationSerial, sectionRange, stationSectionMismatch, stationSerialMismatch } from './sections';
import type { Rule } from '../types';

/** Every rule, grouped by family in the order docs/rules.md lists them. */
export const RULES: readonly Rule[] = [
  // classification consistency
  paraMarkAboveOverall,
  headerClassificationMismatch,
  securityWarningMismatch,
  eoNotApplicableOnClassified,
  eoDeclOnUnclassified,
  classifiedByMissing,
  classifiedByOnUnclassified,
  caveatNotCarried,
  relToWithNoforn,
  sensitiveOnClassified,
  distributionConflict,
  // portion markings
  markingUnclosed,
  markingUnknown,
  markingNonCanonical,
  paragraphMissingMark,
  // paragraph numbering
  paragraphSequence,
  paragraphStart,
  singleNumberedParagraph,
  // sections and serials
  sectionRange,
  continuationSequence,
  continuationSerial,
  stationSerialMismatch,
  stationSectionMismatch,
  // dates
  dtgInvalid,
  dtgMonthCase,
  filingTimeInvalid,
  filingTimeMismatch,
  declDateInvalid,
  declBeforeDtg,
  // header syntax
  transmissionIdFormat,
  routingIndicatorFormat,
  precedenceWordUnknown,
  precedenceMismatch,
  // fields and TAGS
  tagsMissing,
  subjectMissing,
  eoMissing,
  tagsUnknown,
  tagsIsoCode,
  // references
  referenceUndefined,
  referenceUnused,
  paragraphReferenceUndefined,
  // blocks
  summaryUnclosed,
  commentUnclosed,
  noteUnclosed,
  textUnclosed,
  talkingPointsUnclosed,
  blockEndWithoutBegin,
  // conversion artefacts
  markdownArtefact,
];
