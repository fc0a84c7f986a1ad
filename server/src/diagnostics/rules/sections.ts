import * as l10n from '@vscode/l10n';
import { replace } from '../../analysis/edits';
import type { Finding, Rule } from '../types';

export const sectionRange: Rule = {
  code: 'cable/section-range',
  defaultSeverity: 'error',
  description: '`SECTION NN OF MM` with NN greater than MM, or a section 00.',
  example: '`SECTION 03 OF 02`',
  why: 'A section number cannot exceed the number of sections.',
  check(cable) {
    const section = cable.classificationLine?.section;
    if (!section) return [];
    const n = section.number.value;
    const total = section.total.value;
    if (n >= 1 && total >= 1 && n <= total) return [];
    const fixedTotal = String(Math.max(n, 1)).padStart(section.total.text.length, '0');
    return [
      {
        code: this.code,
        range: section.range,
        message: l10n.t(
          '"SECTION {0} OF {1}": the section number must be between 01 and the number of sections',
          section.number.text,
          section.total.text,
        ),
        fix:
          n >= 1
            ? replace(l10n.t('Change to {0}', `SECTION ${section.number.text} OF ${fixedTotal}`), section.total.range, fixedTotal)
            : undefined,
      },
    ];
  },
};

export const continuationSequence: Rule = {
  code: 'cable/continuation-sequence',
  defaultSeverity: 'information',
  description: 'Continuation headers (`STATE 00125608 002 OF 003`) out of sequence, or with a total that differs from `SECTION 01 OF MM`.',
  example: '`STATE 00125608 003 OF 004` right after section 1',
  why: 'Continuation headers run 002, 003 … up to the total given on the classification line; released texts sometimes drop them, so this is informational.',
  check(cable) {
    const findings: Finding[] = [];
    const declared = cable.classificationLine?.section;
    let previous = declared?.number.value ?? 1;
    let previousPage = 0;
    for (const c of cable.continuationHeaders) {
      if (/^PAGE/i.test(c.station.text)) continue;
      const section = c.section.value;
      const page = c.page?.value ?? 0;
      const inOrder = section === previous + 1 || (section === previous && page > previousPage);
      if (!inOrder && !(section === previous && page === 0 && previousPage === 0 && c === cable.continuationHeaders[0])) {
        findings.push({
          code: this.code,
          range: c.section.range,
          message: l10n.t(
            'Continuation header for section {0} follows section {1}; expected {2}',
            `${section}${page ? `.${page}` : ''}`,
            `${previous}${previousPage ? `.${previousPage}` : ''}`,
            previous + 1,
          ),
        });
      }
      if (declared && c.total.value !== declared.total.value) {
        findings.push({
          code: this.code,
          range: c.total.range,
          message: l10n.t('Continuation header says {0} sections; the classification line says {1}', c.total.value, declared.total.value),
          related: [{ range: declared.range, message: 'SECTION … OF …' }],
        });
      }
      previous = section;
      previousPage = page;
    }
    return findings;
  },
};

export const continuationSerial: Rule = {
  code: 'cable/continuation-serial',
  defaultSeverity: 'warning',
  description: 'A continuation header names another station or serial than the classification line.',
  example: '`PARIS 00000741 002 OF 003` in the cable `MADRID 000091`',
  why: 'Each continuation header repeats the station and telegram number of its own cable.',
  check(cable) {
    const line = cable.classificationLine;
    if (!line?.serial || !line.station) return [];
    const station = line.station.value.replace(/\s+/g, '');
    return cable.continuationHeaders.flatMap((c) => {
      // Continuation headers abbreviate long post names (`BUENOS AIR` for BUENOS AIRES).
      const short = c.station.value.replace(/\s+/g, '');
      if (
        c.serial.value === line.serial!.value &&
        short.length >= 4 &&
        (station.startsWith(short) || short.startsWith(station) || station.endsWith(short))
      )
        return [];
      if (c.page) return []; // old PAGE headers abbreviate the post (`CAPE T`)
      return [
        {
          code: this.code,
          range: { start: c.station.range.start, end: c.serial.range.end },
          message: l10n.t(
            'Continuation header {0} {1} does not match the classification line {2} {3}',
            c.station.text,
            c.serial.value,
            line.station!.text,
            line.serial!.value,
          ),
          related: [{ range: line.range, message: l10n.t('The classification line') }],
        },
      ];
    });
  },
};

export const stationSerialMismatch: Rule = {
  code: 'cable/header-serial-mismatch',
  defaultSeverity: 'warning',
  description: 'The FL3 station serial `#NNNN` is not the last four digits of the telegram number on the classification line.',
  example: '`DE RUEHFR #2725` with the classification line `… MOSCOW 005154`',
  why: 'The FL3 serial is the last four digits of the telegram number; a mismatch means header and text belong to different telegrams.',
  check(cable) {
    const serial = cable.header?.station?.serial;
    const telegram = cable.classificationLine?.serial;
    if (!serial || !telegram) return [];
    if (telegram.value % 10000 === serial.value % 10000) return [];
    return [
      {
        code: this.code,
        range: serial.range,
        message: l10n.t(
          'Station serial {0} does not match telegram {1} (expected #{2})',
          serial.text,
          telegram.text,
          String(telegram.value % 10000).padStart(4, '0'),
        ),
        related: [{ range: telegram.range, message: l10n.t('The telegram number') }],
      },
    ];
  },
};

export const stationSectionMismatch: Rule = {
  code: 'cable/header-section-mismatch',
  defaultSeverity: 'warning',
  description: 'The FL3 section `/NN` differs from `SECTION NN OF MM` on the classification line.',
  example: '`DE RUEHC #5608/02` with `SECTION 01 OF 02`',
  why: "The FL3 section and the classification line's section must agree.",
  check(cable) {
    const fl3 = cable.header?.station?.section;
    const line = cable.classificationLine?.section;
    if (!fl3 || !line || fl3.value === line.number.value) return [];
    return [
      {
        code: this.code,
        range: fl3.range,
        message: l10n.t('Header section /{0} but the classification line says SECTION {1}', fl3.text, line.number.text),
        related: [{ range: line.range, message: 'SECTION … OF …' }],
      },
    ];
  },
};
