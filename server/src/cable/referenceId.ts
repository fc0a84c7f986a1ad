import type { Classification, ClassificationLine, ContinuationHeader, DateTimeGroup, Level, Token, TransmissionHeader } from './model';
import { canonicalStation } from './text';

const LABEL: Readonly<Record<Level, string>> = {
  U: 'UNCLASSIFIED',
  SBU: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

/**
 * The overall classification: the classification line's level, else the header's security group;
 * NOFORN and SENSITIVE from the line or the captions. The label uses the corpus manifest's
 * (WikiLeaks') vocabulary, where an UNCLAS SENSITIVE cable reads `UNCLASSIFIED//FOR OFFICIAL USE ONLY`.
 */
export function deriveClassification(
  line: ClassificationLine | undefined,
  captions: readonly Token[],
  header: TransmissionHeader | undefined,
): Classification {
  const caveats = new Set<string>();
  for (const c of [...(line?.caveats ?? []), ...captions]) {
    const v = c.value.replace(/\s+/g, '').toUpperCase();
    if (v === 'NOFORN') caveats.add('NOFORN');
    else if (v === 'SENSITIVE' || v === 'SENSITIVEBUTUNCLASSIFIED' || v === 'DEASENSITIVE') caveats.add('SENSITIVE');
    else if (v === 'EFTO') caveats.add('EFTO');
    else if (['EXDIS', 'NODIS', 'LIMDIS', 'STADIS'].includes(v)) caveats.add(v);
  }
  let level: Level | undefined = line?.level.value ?? header?.securityGroup?.group?.value;
  if (level === 'U' && caveats.has('SENSITIVE')) level = 'SBU';
  if (level === undefined) return { caveats: [...caveats] };
  let label = LABEL[level];
  if (caveats.has('NOFORN') && level !== 'U' && level !== 'SBU') label += '//NOFORN';
  return { level, caveats: [...caveats], label };
}

/** `08STATE125608`: the DTG's two-digit year, the station without spaces, the serial without zeros. */
export function deriveReferenceId(
  line: ClassificationLine | undefined,
  continuations: readonly ContinuationHeader[],
  dtg: DateTimeGroup | undefined,
  header: TransmissionHeader | undefined,
): { referenceId?: string; referenceIdWithoutYear?: string } {
  let station = line?.station?.value;
  let serial = line?.serial?.value;
  if ((station === undefined || serial === undefined) && continuations.length > 0) {
    station = continuations[0].station.value;
    serial = continuations[0].serial.value;
  }
  if ((station === undefined || serial === undefined) && header?.from?.address && header.station?.serial) {
    // No classification line: the FM post and the FL3 station serial. The serial holds only the last
    // four digits of the telegram number, which is the whole number for posts but not for STATE.
    const post = header.from.address.text.replace(/^(?:AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|EMBASSY|CONSULATE)\s+/i, '');
    if (!/^SECSTATE\b/i.test(post)) {
      station = post;
      serial = header.station.serial.value;
    }
  }
  if (station === undefined || serial === undefined) return {};
  const withoutYear = `${canonicalStation(station)}${serial}`;
  if (!dtg) return { referenceIdWithoutYear: withoutYear };
  const year = String(dtg.token.value.twoDigitYear).padStart(2, '0');
  return { referenceId: `${year}${withoutYear}`, referenceIdWithoutYear: withoutYear };
}
