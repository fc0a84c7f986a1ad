import type {
  Classification,
  ClassificationLine,
  ContinuationHeader,
  IdConflict,
  Level,
  PageHeader,
  Token,
  TransmissionHeader,
} from './model';
import { canonicalStation, levelOf } from './text';
import { unspace } from './scan';

const LABEL: Readonly<Record<Level, string>> = {
  U: 'UNCLASSIFIED',
  SBU: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

/**
 * The overall classification: the classification line's level, else a page banner's, else the
 * header's security group (first when header and text are of different telegrams); NOFORN and
 * SENSITIVE from the line or the captions. The label uses the corpus manifest's (WikiLeaks')
 * vocabulary, where an UNCLAS SENSITIVE or LIMITED OFFICIAL USE cable reads
 * `UNCLASSIFIED//FOR OFFICIAL USE ONLY`; `written` keeps the level as the cable writes it.
 */
export function deriveClassification(
  line: ClassificationLine | undefined,
  captions: readonly Token[],
  banners: readonly Token<Level>[],
  header: TransmissionHeader | undefined,
  headerFirst: boolean,
): Classification {
  const caveats = new Set<string>();
  // When the text is another telegram's, its caveats are that telegram's too: the header gives none.
  const textCaveats = headerFirst && header?.securityGroup?.group?.value ? [] : [...(line?.caveats ?? []), ...captions];
  for (const c of textCaveats) {
    const v = c.value.replace(/\s+/g, '').toUpperCase();
    if (v === 'NOFORN') caveats.add('NOFORN');
    else if (v === 'SENSITIVE' || v === 'SENSITIVEBUTUNCLASSIFIED' || v === 'DEASENSITIVE') caveats.add('SENSITIVE');
    else if (v === 'EFTO') caveats.add('EFTO');
    else if (['EXDIS', 'NODIS', 'LIMDIS', 'STADIS'].includes(v)) caveats.add(v);
  }
  const group = header?.securityGroup?.group?.value;
  let level: Level | undefined;
  let source: Classification['source'];
  let written: string | undefined;
  if (headerFirst && group) {
    level = group;
    source = 'securityGroup';
  } else if (line) {
    level = line.level.value;
    source = 'classificationLine';
    written = writtenLevel(line.level.text);
  } else if (banners.length > 0) {
    level = banners[0].value;
    source = 'banner';
    written = writtenLevel(banners[0].text);
  } else if (group) {
    level = group;
    source = 'securityGroup';
  }
  if (level === 'U' && caveats.has('SENSITIVE')) level = 'SBU';
  if (level === undefined) return { caveats: [...caveats] };
  let label = LABEL[level];
  if (caveats.has('NOFORN') && level !== 'U' && level !== 'SBU') label += '//NOFORN';
  return { level, caveats: [...caveats], label, ...(written ? { written } : {}), source };
}

/** `C O N F I D E N T I A L` → `CONFIDENTIAL`, `Limited  Official Use` → `LIMITED OFFICIAL USE`, `UUNCLAS` → `UNCLAS`. */
function writtenLevel(text: string): string {
  const word = unspace(text);
  if (word === 'LIMITEDOFFICIALUSE') return 'LIMITED OFFICIAL USE';
  if (word === 'TOPSECRET') return 'TOP SECRET';
  const level = levelOf(text);
  if (level === 'C') return 'CONFIDENTIAL';
  if (level === 'S') return 'SECRET';
  return /UNCLASSIFIED$/.test(word) ? 'UNCLASSIFIED' : 'UNCLAS';
}

export interface IdentityInput {
  readonly line: ClassificationLine | undefined;
  readonly continuations: readonly ContinuationHeader[];
  readonly pageHeaders: readonly PageHeader[];
  /** Two-digit year of the DTG, or of a date the source gives. */
  readonly year: number | undefined;
  readonly header: TransmissionHeader | undefined;
}

export interface Identity {
  readonly ids: { readonly referenceId?: string; readonly referenceIdWithoutYear?: string };
  readonly conflict?: IdConflict;
}

/** A station redacted in the release: `XXXXXXXXXXXX`. */
function isRedacted(station: string): boolean {
  return /^X+$/i.test(station.replace(/\s+/g, ''));
}

/** The FM post without its kind: `AMEMBASSY HARARE` → `HARARE`; undefined for the Department. */
function postOf(header: TransmissionHeader | undefined): string | undefined {
  const address = header?.from?.address?.text;
  if (!address) return undefined;
  const named = address.replace(/^(?:AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|USOFFICE|USLO|USINT|EMBASSY|CONSULATE)\s+/i, '');
  const slashes = named.indexOf('//');
  const post = (slashes < 0 ? named : named.slice(0, slashes)).trimEnd();
  return /^SECSTATE\b/i.test(post) ? undefined : post;
}

/**
 * `08STATE125608`: the two-digit year, the station without spaces, the serial without zeros. The
 * station and serial come from the classification line, else a continuation header, else a page
 * header's serial with the FM post (the page header cuts the post to six characters), else the
 * FM post with the FL3 serial (which holds the last four digits of the number only: the whole
 * number for posts, not for STATE). A redacted station is replaced by the FM post. When the
 * header and the text (classification line or continuation header) name different telegrams (different station and a serial
 * that does not match the FL3 serial), the id follows the header and the conflict is kept.
 */
export function deriveReferenceId(input: IdentityInput): Identity {
  const { line, continuations, pageHeaders, year, header } = input;
  const post = postOf(header);
  const fl3 = header?.station?.serial?.value;
  let station = line?.station?.value;
  let serial = line?.serial?.value;
  if (station !== undefined && isRedacted(station)) station = post;
  let fromText = station !== undefined && serial !== undefined && line?.station !== undefined && !isRedacted(line.station.value);
  if ((station === undefined || serial === undefined) && continuations.length > 0 && !isRedacted(continuations[0].station.value)) {
    station = continuations[0].station.value;
    serial = continuations[0].serial.value;
    fromText = true;
  }
  if ((station === undefined || serial === undefined) && pageHeaders.length > 0) {
    const page = pageHeaders[0];
    const printed = canonicalStation(page.station.value);
    if (printed === 'STATE') {
      station = 'STATE';
      serial = page.serial.value;
    } else if (post && canonicalStation(post).startsWith(printed.slice(0, 4))) {
      station = post;
      serial = page.serial.value;
    }
  }
  if ((station === undefined || serial === undefined) && post && fl3 !== undefined) {
    station = post;
    serial = fl3;
  }
  const make = (s: string, n: number) => {
    const withoutYear = `${canonicalStation(s)}${n}`;
    return year === undefined
      ? { referenceIdWithoutYear: withoutYear }
      : { referenceId: `${String(year).padStart(2, '0')}${withoutYear}`, referenceIdWithoutYear: withoutYear };
  };
  if (station === undefined || serial === undefined) return { ids: {} };
  const ids = make(station, serial);
  if (fromText && post && fl3 !== undefined && serial % 10000 !== fl3 && !sameStation(post, station)) {
    const fromHeader = make(post, fl3);
    return {
      ids: fromHeader,
      conflict: {
        header: fromHeader.referenceId ?? fromHeader.referenceIdWithoutYear,
        text: ids.referenceId ?? ids.referenceIdWithoutYear,
      },
    };
  }
  return { ids };
}

/** The same post, allowing one name to abbreviate the other (`BUENOS AIR`, `USUN NEW YORK` / `NEW YORK`). */
function sameStation(a: string, b: string): boolean {
  const x = canonicalStation(a);
  const y = canonicalStation(b);
  return x === y || x.startsWith(y) || y.startsWith(x) || x.endsWith(y) || y.endsWith(x);
}
