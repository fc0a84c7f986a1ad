/**
 * Where the cables of a file start: a new transmission header, partial-extract note or classification
 * line with its front matter after the previous cable's body. After an edit the scan resumes shortly
 * before the change and stops once it meets the boundaries of the unchanged end again.
 */
import { DISTRIBUTION_LINE, DTG_LINE, FL1 } from './header';
import type { CableFile } from './model';
import { indent, isBlank, isRegExpSpace, type SourceLine, wholeLine } from './scan';
import { parseClassificationLine } from './text';

import type { TextChange } from './incremental';

/** Where each cable starts and the line that told (a header after a wrapper is pulled back to it). */
export interface CableScan {
  readonly starts: readonly number[];
  readonly detections: readonly number[];
}

export const cableScans = new WeakMap<CableFile, CableScan>();

export const PARTIAL_EXTRACT = /^\s*This record is a partial extract of the original cable/i;
/** Print wrappers and office distribution blocks that precede a header. */
const WRAPPER_LINE =
  /^\s*(?:null\s*$|\S[^\n]{0,80}DB\/Inbox|Results\s*$|Cable\s*$|Text:|TELEGRAM\b|To:|Action:|From:|Captions:|Ref:|_{5,}|CX[A-Z]+:|ACTION:|INFO:|DISSEMINATION:|CHARGE:|(?:APPROVED|DRAFTED|CLEARED)(?: BY)?:|SOURCE:|Distribution:|[A-Z]{3}\d{3,4}\s*$|\d{6}\s*$|\([A-Z]+\)\s*\/\d+[A-Z]\s*$|PAGE\s+01\s)/;

function isHeaderStart(lines: readonly SourceLine[], index: number): boolean {
  const text = lines[index];
  if (FL1.test(text) || PARTIAL_EXTRACT.test(text)) return true;
  if (DTG_LINE.test(text)) {
    for (let j = index + 1; j < lines.length && j <= index + 3; j++) if (/^\s*FM\s/.test(lines[j])) return true;
    return /\sFM\s/.test(text);
  }
  return false;
}

/**
 * Every line that can start a cable begins (after spaces) with VZCZC, `This record…`, a bare DTG
 * (a digit, or a precedence letter and a space), or a classification level: a cheap look at the
 * first characters spares most lines of text the header patterns.
 */
function mayStartCable(text: string): boolean {
  const at = indent(text);
  const c = text.charCodeAt(at);
  if (isRegExpSpace(c) || (c >= 48 && c <= 57)) return true;
  const lower = c | 0x20;
  if (lower === 118 /* v */) return true;
  if ((c === 90 || c === 79 || c === 80 || c === 82 || c === 89) /* Z O P R Y */ && isRegExpSpace(text.charCodeAt(at + 1))) return true;
  if (lower === 116 /* t */ && (text.charCodeAt(at + 1) | 0x20) === 104 /* h */) return true;
  return CLASSIFICATION_LIKE.test(text);
}

/** A classification line (section 1 or none) followed within a few lines by E.O./TAGS/SUBJECT. */
function isTextStart(lines: readonly SourceLine[], index: number): boolean {
  if (!CLASSIFICATION_LIKE.test(lines[index])) return false;
  const classification = parseClassificationLine(wholeLine(lines, index), false);
  if (!classification || (classification.section && classification.section.number.value > 1)) return false;
  // A collapsed body carries its front matter on the same line.
  if (/(?:E\.?\s?O\.?\s?\d{5}|\bTAGS?\b|SUBJ(?:ECT)?\s*:)/i.test(lines[index].slice(0, 2000))) return true;
  for (let j = index + 1; j < lines.length && j <= index + 15; j++) {
    if (/^\s*(?:E\.?\s?O\.?\s?\d{5}|TAGS?\b|SUBJ(?:ECT)?\s*:)/i.test(lines[j])) return true;
  }
  return false;
}

/**
 * How far past a line the decision whether a cable starts there looks: isHeaderStart 3 lines,
 * isTextStart 15, repeatsHeader 8 + 40. An edit can change the decisions up to this many lines
 * before it.
 */
const START_LOOKAHEAD = 49;

export function findCableStarts(lines: readonly SourceLine[], change?: TextChange): CableScan {
  const old = change && cableScans.get(change.previous);
  if (old && change.identical) return old;
  let starts = [0];
  let detections = [0];
  let from = 0;
  if (old) {
    // Decisions well before the first changed line stand: resume at the last cable detected there.
    let k = old.detections.length - 1;
    while (k > 0 && old.detections[k] + START_LOOKAHEAD >= change.unchangedBefore) k--;
    starts = old.starts.slice(0, k + 1);
    detections = old.detections.slice(0, k + 1);
    from = detections[k];
  }
  const resumeAfter = change ? change.lineCount - change.unchangedAfter + 3 : Number.POSITIVE_INFINITY;
  const oldDetection = new Map<number, number>();
  old?.detections.forEach((line, index) => oldDetection.set(line, index));
  // A new cable can only start once the current one has a body; a SUBJECT counts only after the
  // classification line, because print wrappers and database dumps repeat SUBJECT before it.
  let seenBody = false;
  let seenHeader = false;
  let seenClassification = false;
  let dtg: string | undefined;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i];
    // A header after this cable's own header and classification line starts the next cable even
    // when this one was cut short before its body.
    const complete = seenBody || (seenHeader && seenClassification);
    const mayStart = mayStartCable(text);
    if (complete && mayStart && (isHeaderStart(lines, i) || (seenBody && isTextStart(lines, i))) && !repeatsHeader(lines, i, dtg)) {
      let start = i;
      const floor = starts[starts.length - 1];
      const wrapper = (k: number) => WRAPPER_LINE.test(lines[k]) || DISTRIBUTION_LINE.test(lines[k]);
      // Pull the new cable's print wrapper or distribution block (and blank lines inside it) along with it.
      for (let k = start - 1; k > floor; k--) {
        if (isBlank(lines[k])) continue;
        if (!wrapper(k)) break;
        start = k;
      }
      starts.push(start);
      detections.push(i);
      // In the unchanged end of the text, a cable detected where the previous scan detected one
      // starts the same sequence as before, moved by the lines the edit added.
      const index = i >= resumeAfter ? oldDetection.get(i - change!.delta) : undefined;
      if (old && index !== undefined && old.starts[index] + change.delta === start) {
        for (let k = index + 1; k < old.starts.length; k++) {
          starts.push(old.starts[k] + change.delta);
          detections.push(old.detections[k] + change.delta);
        }
        return { starts, detections };
      }
      seenBody = false;
      seenHeader = false;
      seenClassification = false;
      dtg = undefined;
    }
    if (dtg === undefined && mayStart) {
      dtg = DTG_LINE.exec(text)?.slice(2, 7).join(' ');
      if (dtg !== undefined) dtg += ` ${stationSerial(lines, i)}`;
    }
    if (seenBody) continue;
    if (!seenHeader && !seenClassification && (FL1.test(text) || DTG_LINE.test(text))) seenHeader = true;
    if (!seenClassification && CLASSIFICATION_LIKE.test(text) && parseClassificationLine(wholeLine(lines, i), false))
      seenClassification = true;
    if (/^\s{0,3}(?:¶\s*)?\d{1,3}\.\s+\(/.test(text) || (seenClassification && (text.length > 400 || /^\s*SUBJ(?:ECT)?\s*:/i.test(text)))) {
      seenBody = true;
    }
  }
  return { starts, detections };
}

/**
 * Received printouts repeat the header for every section: same DTG and station serial, and the
 * text that follows is a later section, not a new classification line of section 1.
 */
function repeatsHeader(lines: readonly SourceLine[], index: number, dtg: string | undefined): boolean {
  if (dtg === undefined) return false;
  for (let j = index; j < lines.length && j <= index + 8; j++) {
    const m = DTG_LINE.exec(lines[j]);
    if (!m) continue;
    if (`${m.slice(2, 7).join(' ')} ${stationSerial(lines, j)}` !== dtg) return false;
    for (let k = j + 1; k < lines.length && k <= j + 40; k++) {
      if (!CLASSIFICATION_LIKE.test(lines[k])) continue;
      const classification = parseClassificationLine(wholeLine(lines, k), false);
      if (classification) return classification.section !== undefined && classification.section.number.value > 1;
    }
    return true;
  }
  return false;
}

/** The `#NNNN` of the FL3 line near a DTG line, or '' for headers without one. */
function stationSerial(lines: readonly SourceLine[], dtgLine: number): string {
  for (let j = Math.max(0, dtgLine - 3); j < dtgLine; j++) {
    const m = /^\s*DE\s+\S+\s+(#\d+)/.exec(lines[j]);
    if (m) return m[1];
  }
  return '';
}

/**
 * Cheap test before the classification-line pattern: the first six letters (spaces skipped,
 * either case) begin a level as the pattern spells it, with the first letter possibly doubled
 * (`UUNCLAS`, `SS E C R E T`). Prose that merely starts alike (`Secretary`, `Congress`, `United`)
 * stops here: such lines are common and the full pattern is dear.
 */
const CLASSIFICATION_LIKE = {
  test(text: string): boolean {
    // Bit k stands for LEVEL_STARTS[k]; each letter keeps the levels it continues. No string is built.
    let candidates = ALL_LEVELS;
    let letters = 0;
    let end = 0;
    for (let i = 0; i < text.length && letters < 6 && i < 40; i++) {
      const code = text.charCodeAt(i);
      if (code === 32 || code === 9) continue;
      if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) return false;
      const upper = code & ~0x20;
      for (let k = 0; k < LEVEL_STARTS.length; k++) {
        if ((candidates & (1 << k)) !== 0 && LEVEL_STARTS[k].charCodeAt(letters) !== upper) candidates &= ~(1 << k);
      }
      if (candidates === 0) return false;
      letters++;
      end = i + 1;
    }
    if (letters === 0) return false;
    // SECRET is a whole word: `SECRETARY` is not a level.
    if (letters < 6 || candidates !== SECRET_ONLY) return true;
    const next = text.charCodeAt(end) | 0x20;
    return !(next >= 97 && next <= 122);
  },
};
const LEVEL_STARTS = ['UNCLAS', 'UUNCLA', 'LIMITE', 'CONFID', 'CCONFI', 'TOPSEC', 'SECRET', 'SSECRE'];
const ALL_LEVELS = (1 << LEVEL_STARTS.length) - 1;
const SECRET_ONLY = 1 << LEVEL_STARTS.indexOf('SECRET');
