// Scope assertions for every cable element (both header layouts), snapshots of whole corpus cables,
// grammar hygiene checks, the language configuration's wordPattern, and a time-budget check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  corpusDir,
  loadCableGrammar,
  readCableGrammarJson,
  renderSnapshot,
  repoRoot,
  splitLines,
  tokenizeCable,
  tokenizeLines,
  type TokenizedLine,
} from './tokenize';

// Scopes that wrap others, abbreviated in the expectations below.
const HDR = 'meta.header.transmission.cable';
const ADDR = 'meta.header.addressing.cable';
const ADDRESSEE = 'meta.addressee.cable';
const CLASS_LINE = 'meta.classification-line.cable';
const PM = 'meta.portion-mark.cable';
const PARA = 'meta.paragraph-number.cable';
const SUBJ = 'meta.subject.cable';
const TAGS = 'meta.tags.cable';
const REF = 'meta.ref.cable';
const CLSBY = 'meta.classified-by.cable';
const EO = 'meta.eo.cable';

/** [start column, token text, scopes below `text.cable`]. */
type Expected = readonly [number, string, string];
interface Case {
  readonly name: string;
  /** The document, line by line, with every token of each line that carries a scope (blank tokens aside). */
  readonly lines: ReadonlyArray<readonly [string, readonly Expected[]]>;
}

/** Tokens that carry a scope besides the root, blank runs left out (they only repeat the enclosing scopes). */
function scopedTokens(line: TokenizedLine): Expected[] {
  return line.tokens
    .filter((t) => t.scopes.length > 1 && t.text.trim() !== '')
    .map((t) => [t.startIndex, t.text, t.scopes.slice(1).join(' ')] as const);
}

const CASES: readonly Case[] = [
  {
    name: 'transmission header, one field per line',
    lines: [
      ['VZCZCXRO0320', [[0, 'VZCZCXRO0320', `${HDR} constant.language.transmission-id.cable`]]],
      [
        'PP RUEHBI RUEHCI',
        [
          [0, 'PP', `${HDR} storage.modifier.precedence.priority.cable`],
          [3, 'RUEHBI', `${HDR} entity.name.tag.routing-indicator.cable`],
          [10, 'RUEHCI', `${HDR} entity.name.tag.routing-indicator.cable`],
        ],
      ],
      [
        'RUEHLA RUEHROV',
        [
          [0, 'RUEHLA', `${HDR} entity.name.tag.routing-indicator.cable`],
          [7, 'RUEHROV', `${HDR} entity.name.tag.routing-indicator.cable`],
        ],
      ],
      [
        'ZZ RUEHC RUEHBW',
        [
          [0, 'ZZ', `${HDR} storage.modifier.precedence.flash.cable`],
          [3, 'RUEHC', `${HDR} entity.name.tag.routing-indicator.cable`],
          [9, 'RUEHBW', `${HDR} entity.name.tag.routing-indicator.cable`],
        ],
      ],
      [
        'RR RUEHWEB',
        [
          [0, 'RR', `${HDR} storage.modifier.precedence.routine.cable`],
          [3, 'RUEHWEB', `${HDR} entity.name.tag.routing-indicator.cable`],
        ],
      ],
      [
        'DE RUEHTA #0095/01 0200556',
        [
          [0, 'DE', `${HDR} meta.station-serial.cable keyword.control.de.cable`],
          [3, 'RUEHTA', `${HDR} meta.station-serial.cable entity.name.tag.routing-indicator.cable`],
          [10, '#', `${HDR} meta.station-serial.cable punctuation.definition.serial.cable`],
          [11, '0095', `${HDR} meta.station-serial.cable constant.numeric.serial.cable`],
          [15, '/', `${HDR} meta.station-serial.cable punctuation.separator.section.cable`],
          [16, '01', `${HDR} meta.station-serial.cable constant.numeric.section.cable`],
          [19, '0200556', `${HDR} meta.station-serial.cable constant.numeric.date.julian.cable`],
        ],
      ],
      [
        'ZNY SSSSS ZZH',
        [
          [0, 'ZNY', `${HDR} meta.security-warning.cable keyword.other.security-warning.cable`],
          [4, 'SSSSS', `${HDR} meta.security-warning.cable string.regexp.classification.secret.cable`],
          [10, 'ZZH', `${HDR} meta.security-warning.cable keyword.other.security-warning.cable`],
        ],
      ],
      [
        'P 200556Z JAN 09',
        [
          [0, 'P', `${HDR} meta.dtg.cable storage.modifier.precedence.priority.cable`],
          [2, '200556Z JAN 09', `${HDR} meta.dtg.cable constant.numeric.date.dtg.cable`],
        ],
      ],
      [
        'FM AMEMBASSY ASTANA',
        [
          [0, 'FM', `${ADDR} ${ADDRESSEE} keyword.control.from.cable`],
          [3, 'AMEMBASSY ASTANA', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
        ],
      ],
      [
        'TO RUEHC/SECSTATE WASHDC PRIORITY 4366',
        [
          [0, 'TO', `${ADDR} keyword.control.to.cable`],
          [3, 'RUEHC', `${ADDR} ${ADDRESSEE} entity.name.tag.routing-indicator.cable`],
          [8, '/', `${ADDR} ${ADDRESSEE} punctuation.separator.routing.cable`],
          [9, 'SECSTATE WASHDC', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [25, 'PRIORITY', `${ADDR} storage.modifier.precedence.priority.cable`],
          [34, '4366', `${ADDR} constant.numeric.mcn.cable`],
        ],
      ],
      [
        'INFO RUCNCIS/CIS COLLECTIVE PRIORITY 1049',
        [
          [0, 'INFO', `${ADDR} keyword.control.info.cable`],
          [5, 'RUCNCIS', `${ADDR} ${ADDRESSEE} entity.name.tag.routing-indicator.cable`],
          [12, '/', `${ADDR} ${ADDRESSEE} punctuation.separator.routing.cable`],
          [13, 'CIS COLLECTIVE', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [28, 'PRIORITY', `${ADDR} storage.modifier.precedence.priority.cable`],
          [37, '1049', `${ADDR} constant.numeric.mcn.cable`],
        ],
      ],
      [
        'RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY',
        [
          [0, 'RUEHZL', `${ADDR} ${ADDRESSEE} entity.name.tag.routing-indicator.cable`],
          [6, '/', `${ADDR} ${ADDRESSEE} punctuation.separator.routing.cable`],
          [7, 'EUROPEAN POLITICAL COLLECTIVE', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [37, 'PRIORITY', `${ADDR} storage.modifier.precedence.priority.cable`],
        ],
      ],
      [
        'RUEKJCS/JOINT STAFF WASHDC//J-3/J-5// FLASH',
        [
          [0, 'RUEKJCS', `${ADDR} ${ADDRESSEE} entity.name.tag.routing-indicator.cable`],
          [7, '/', `${ADDR} ${ADDRESSEE} punctuation.separator.routing.cable`],
          [8, 'JOINT STAFF WASHDC', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [26, '//', `${ADDR} punctuation.definition.office-symbol.begin.cable`],
          [28, 'J-3/J-5', `${ADDR} variable.parameter.office-symbol.cable`],
          [35, '//', `${ADDR} punctuation.definition.office-symbol.end.cable`],
          [38, 'FLASH', `${ADDR} storage.modifier.precedence.flash.cable`],
        ],
      ],
      [
        'RUEHNE/AMEMBASSY NEW DELHI NIACT IMMEDIATE 7721-7722',
        [
          [0, 'RUEHNE', `${ADDR} ${ADDRESSEE} entity.name.tag.routing-indicator.cable`],
          [6, '/', `${ADDR} ${ADDRESSEE} punctuation.separator.routing.cable`],
          [7, 'AMEMBASSY NEW DELHI', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [27, 'NIACT IMMEDIATE', `${ADDR} storage.modifier.precedence.niact-immediate.cable`],
          [43, '7721-7722', `${ADDR} constant.numeric.mcn.cable`],
        ],
      ],
      [
        'RUEHRO/AMEMBASSY ROME ROUTINE 0001',
        [
          [0, 'RUEHRO', `${ADDR} ${ADDRESSEE} entity.name.tag.routing-indicator.cable`],
          [6, '/', `${ADDR} ${ADDRESSEE} punctuation.separator.routing.cable`],
          [7, 'AMEMBASSY ROME', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [22, 'ROUTINE', `${ADDR} storage.modifier.precedence.routine.cable`],
          [30, '0001', `${ADDR} constant.numeric.mcn.cable`],
        ],
      ],
      [
        'XMT AMCONSUL JOHANNESBURG',
        [
          [0, 'XMT', `${ADDR} ${ADDRESSEE} keyword.control.xmt.cable`],
          [4, 'AMCONSUL JOHANNESBURG', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
        ],
      ],
      ['', []],
      [
        'S E C R E T SECTION 01 OF 03 ASTANA 000095',
        [
          [0, 'S E C R E T', `${CLASS_LINE} string.regexp.classification.secret.cable`],
          [12, 'SECTION', `${CLASS_LINE} keyword.other.section.cable`],
          [20, '01', `${CLASS_LINE} constant.numeric.section.cable`],
          [23, 'OF', `${CLASS_LINE} keyword.other.section.cable`],
          [26, '03', `${CLASS_LINE} constant.numeric.section.cable`],
          [29, 'ASTANA', `${CLASS_LINE} entity.name.type.station.cable`],
          [36, '000095', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
      ['', []],
    ],
  },
  {
    name: 'transmission header collapsed into one line',
    lines: [
      [
        'VZCZCXRO0825 OO RUEHSR DE RUEHC #5608/01 3312058 ZNR UUUUU ZZH O 262051Z NOV 08 FM SECSTATE WASHDC TO RUEHBW/AMEMBASSY BELGRADE IMMEDIATE 0001 INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY XMT AMCONSUL JOHANNESBURG',
        [
          [0, 'VZCZCXRO0825', `${HDR} constant.language.transmission-id.cable`],
          [13, 'OO', `${HDR} storage.modifier.precedence.immediate.cable`],
          [16, 'RUEHSR', `${HDR} entity.name.tag.routing-indicator.cable`],
          [23, 'DE', `${HDR} meta.station-serial.cable keyword.control.de.cable`],
          [26, 'RUEHC', `${HDR} meta.station-serial.cable entity.name.tag.routing-indicator.cable`],
          [32, '#', `${HDR} meta.station-serial.cable punctuation.definition.serial.cable`],
          [33, '5608', `${HDR} meta.station-serial.cable constant.numeric.serial.cable`],
          [37, '/', `${HDR} meta.station-serial.cable punctuation.separator.section.cable`],
          [38, '01', `${HDR} meta.station-serial.cable constant.numeric.section.cable`],
          [41, '3312058', `${HDR} meta.station-serial.cable constant.numeric.date.julian.cable`],
          [49, 'ZNR', `${HDR} meta.security-warning.cable keyword.other.security-warning.cable`],
          [53, 'UUUUU', `${HDR} meta.security-warning.cable markup.inserted.classification.unclassified.cable`],
          [59, 'ZZH', `${HDR} meta.security-warning.cable keyword.other.security-warning.cable`],
          [63, 'O', `${HDR} meta.dtg.cable storage.modifier.precedence.immediate.cable`],
          [65, '262051Z NOV 08', `${HDR} meta.dtg.cable constant.numeric.date.dtg.cable`],
          [80, 'FM', `${HDR} ${ADDRESSEE} keyword.control.from.cable`],
          [83, 'SECSTATE WASHDC', `${HDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [99, 'TO', `${HDR} keyword.control.to.cable`],
          [102, 'RUEHBW', `${HDR} ${ADDRESSEE} entity.name.tag.routing-indicator.cable`],
          [108, '/', `${HDR} ${ADDRESSEE} punctuation.separator.routing.cable`],
          [109, 'AMEMBASSY BELGRADE', `${HDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [128, 'IMMEDIATE', `${HDR} storage.modifier.precedence.immediate.cable`],
          [138, '0001', `${HDR} constant.numeric.mcn.cable`],
          [143, 'INFO', `${HDR} keyword.control.info.cable`],
          [148, 'RUEHZL', `${HDR} ${ADDRESSEE} entity.name.tag.routing-indicator.cable`],
          [154, '/', `${HDR} ${ADDRESSEE} punctuation.separator.routing.cable`],
          [155, 'EUROPEAN POLITICAL COLLECTIVE', `${HDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [185, 'PRIORITY', `${HDR} storage.modifier.precedence.priority.cable`],
          [194, 'XMT', `${HDR} ${ADDRESSEE} keyword.control.xmt.cable`],
          [198, 'AMCONSUL JOHANNESBURG', `${HDR} ${ADDRESSEE} string.unquoted.plad.cable`],
        ],
      ],
      ['', []],
      [
        'UNCLAS SECTION 01 OF 02 STATE 125608',
        [
          [0, 'UNCLAS', `${CLASS_LINE} markup.inserted.classification.unclassified.cable`],
          [7, 'SECTION', `${CLASS_LINE} keyword.other.section.cable`],
          [15, '01', `${CLASS_LINE} constant.numeric.section.cable`],
          [18, 'OF', `${CLASS_LINE} keyword.other.section.cable`],
          [21, '02', `${CLASS_LINE} constant.numeric.section.cable`],
          [24, 'STATE', `${CLASS_LINE} entity.name.type.station.cable`],
          [30, '125608', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
    ],
  },
  {
    name: 'old header without routing indicators (1966)',
    lines: [
      [
        'P R 281848Z DEC 66',
        [
          [0, 'P', `${HDR} meta.dtg.cable storage.modifier.precedence.priority.cable`],
          [2, 'R', `${HDR} meta.dtg.cable storage.modifier.precedence.routine.cable`],
          [4, '281848Z DEC 66', `${HDR} meta.dtg.cable constant.numeric.date.dtg.cable`],
        ],
      ],
      [
        'FM AMEMBASSY BUENOS AIRES',
        [
          [0, 'FM', `${ADDR} ${ADDRESSEE} keyword.control.from.cable`],
          [3, 'AMEMBASSY BUENOS AIRES', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
        ],
      ],
      [
        'TO SECSTATE WASHDC PRIORITY',
        [
          [0, 'TO', `${ADDR} ${ADDRESSEE} keyword.control.to.cable`],
          [3, 'SECSTATE WASHDC', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [19, 'PRIORITY', `${ADDR} storage.modifier.precedence.priority.cable`],
        ],
      ],
      [
        'INFO USCINCSO',
        [
          [0, 'INFO', `${ADDR} ${ADDRESSEE} keyword.control.info.cable`],
          [5, 'USCINCSO', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
        ],
      ],
      ['AMEMBASSY RIO DE JANEIRO', [[0, 'AMEMBASSY RIO DE JANEIRO', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`]]],
      ['STATE GRNC', [[0, 'STATE GRNC', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`]]],
      ['', []],
      [
        'UNCLASSIFIED BUENOS AIRES 2481',
        [
          [0, 'UNCLASSIFIED', `${CLASS_LINE} markup.inserted.classification.unclassified.cable`],
          [13, 'BUENOS AIRES', `${CLASS_LINE} entity.name.type.station.cable`],
          [26, '2481', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
    ],
  },
  {
    name: 'partial extract and received-copy furniture',
    lines: [
      [
        'This record is a partial extract of the original cable. The full text of the original cable is not available.',
        [
          [
            0,
            'This record is a partial extract of the original cable. The full text of the original cable is not available.',
            'comment.line.partial-extract.cable',
          ],
        ],
      ],
      ['', []],
      ['291359Z Nov 00', [[0, '291359Z Nov 00', `${HDR} meta.dtg.cable constant.numeric.date.dtg.cable`]]],
      [
        'PAGE 01        HARARE  06677  01 OF 03  291400Z',
        [[0, 'PAGE 01        HARARE  06677  01 OF 03  291400Z', 'comment.line.page-header.cable']],
      ],
      ['ACTION AF-00', [[0, 'ACTION AF-00', 'comment.line.distribution.cable']]],
      ['INFO  LOG-00   NP-00    AID-00', [[0, 'INFO  LOG-00   NP-00    AID-00', 'comment.line.distribution.cable']]],
      [
        '                  ------------------A54E38  291401Z /38',
        [[0, '                  ------------------A54E38  291401Z /38', 'comment.line.distribution.cable']],
      ],
      ['Wednesday, 29 November 2000, 13:59', [[0, 'Wednesday, 29 November 2000, 13:59', 'constant.numeric.date.created.cable']]],
      ['2004CARACA02200 - CONFIDENTIAL', [[0, '2004CARACA02200 - CONFIDENTIAL', 'comment.line.footer.cable']]],
    ],
  },
  {
    name: 'Department printouts of the 1970s: short page headers, ORIGIN, totals, the control line, drafting lines',
    lines: [
      ['PAGE 01        STATE  195297', [[0, 'PAGE 01        STATE  195297', 'comment.line.page-header.cable']]],
      [
        'PAGE 02        CAPE T  00097  01 OF 03  182017Z',
        [[0, 'PAGE 02        CAPE T  00097  01 OF 03  182017Z', 'comment.line.page-header.cable']],
      ],
      ['ORIGIN EUR-12', [[0, 'ORIGIN EUR-12', 'comment.line.distribution.cable']]],
      [
        '      USIA-15  ACDA-19  SAJ-01   TRSE-00  /110 W',
        [[0, '      USIA-15  ACDA-19  SAJ-01   TRSE-00  /110 W', 'comment.line.distribution.cable']],
      ],
      ['      /040 R', [[0, '      /040 R', 'comment.line.distribution.cable']]],
      [
        '                              ------------------     064536',
        [[0, '                              ------------------     064536', 'comment.line.distribution.cable']],
      ],
      [
        'DRAFTED BY EUR/WE:JSMITH:LK',
        [
          [0, 'DRAFTED BY', 'keyword.other.drafting.cable'],
          [11, 'EUR/WE', 'entity.name.section.office.cable'],
          [17, ':JSMITH:LK', 'string.unquoted.officer.cable'],
        ],
      ],
      [
        'APPROVED BY S/S - MR. ORTIZ',
        [
          [0, 'APPROVED BY', 'keyword.other.drafting.cable'],
          [12, 'S/S', 'entity.name.section.office.cable'],
          [15, ' - MR. ORTIZ', 'string.unquoted.officer.cable'],
        ],
      ],
      ['DESIRED DISTRIBUTION', [[0, 'DESIRED DISTRIBUTION', 'keyword.other.drafting.cable']]],
    ],
  },
  {
    name: 'address block ends at a blank line or at the classification line',
    lines: [
      [
        'FM AMEMBASSY HARARE',
        [
          [0, 'FM', `${ADDR} ${ADDRESSEE} keyword.control.from.cable`],
          [3, 'AMEMBASSY HARARE', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
        ],
      ],
      [
        'TO SECSTATE WASHDC IMMEDIATE 7738',
        [
          [0, 'TO', `${ADDR} ${ADDRESSEE} keyword.control.to.cable`],
          [3, 'SECSTATE WASHDC', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
          [19, 'IMMEDIATE', `${ADDR} storage.modifier.precedence.immediate.cable`],
          [29, '7738', `${ADDR} constant.numeric.mcn.cable`],
        ],
      ],
      ['', []],
      ['This is text.', []],
      [
        'RHEHNSC/NSC WASHDC',
        [
          [0, 'RHEHNSC', `${ADDR} ${ADDRESSEE} entity.name.tag.routing-indicator.cable`],
          [7, '/', `${ADDR} ${ADDRESSEE} punctuation.separator.routing.cable`],
          [8, 'NSC WASHDC', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
        ],
      ],
      [
        'CONFIDENTIAL SECTION 01 OF 08 NEW DELHI 005135',
        [
          [0, 'CONFIDENTIAL', `${CLASS_LINE} markup.deleted.classification.confidential.cable`],
          [13, 'SECTION', `${CLASS_LINE} keyword.other.section.cable`],
          [21, '01', `${CLASS_LINE} constant.numeric.section.cable`],
          [24, 'OF', `${CLASS_LINE} keyword.other.section.cable`],
          [27, '08', `${CLASS_LINE} constant.numeric.section.cable`],
          [30, 'NEW DELHI', `${CLASS_LINE} entity.name.type.station.cable`],
          [40, '005135', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
      [
        'RUEHC/SECSTATE WASHDC',
        [
          [0, 'RUEHC', `${ADDR} ${ADDRESSEE} entity.name.tag.routing-indicator.cable`],
          [5, '/', `${ADDR} ${ADDRESSEE} punctuation.separator.routing.cable`],
          [6, 'SECSTATE WASHDC', `${ADDR} ${ADDRESSEE} string.unquoted.plad.cable`],
        ],
      ],
      ['Wednesday, 29 November 2000, 13:59', [[0, 'Wednesday, 29 November 2000, 13:59', 'constant.numeric.date.created.cable']]],
    ],
  },
  {
    name: 'classification lines and banners',
    lines: [
      [
        'C O N F I D E N T I A L SECTION 01 OF 08 NEW DELHI 005135',
        [
          [0, 'C O N F I D E N T I A L', `${CLASS_LINE} markup.deleted.classification.confidential.cable`],
          [24, 'SECTION', `${CLASS_LINE} keyword.other.section.cable`],
          [32, '01', `${CLASS_LINE} constant.numeric.section.cable`],
          [35, 'OF', `${CLASS_LINE} keyword.other.section.cable`],
          [38, '08', `${CLASS_LINE} constant.numeric.section.cable`],
          [41, 'NEW DELHI', `${CLASS_LINE} entity.name.type.station.cable`],
          [51, '005135', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
      [
        'UNCLAS STATE 125608',
        [
          [0, 'UNCLAS', `${CLASS_LINE} markup.inserted.classification.unclassified.cable`],
          [7, 'STATE', `${CLASS_LINE} entity.name.type.station.cable`],
          [13, '125608', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
      [
        'UNCLAS SENSITIVE SECTION 01 OF 02 BERLIN 000123',
        [
          [0, 'UNCLAS', `${CLASS_LINE} markup.inserted.classification.unclassified.cable`],
          [7, 'SENSITIVE', `${CLASS_LINE} support.type.caption.sensitive.cable`],
          [17, 'SECTION', `${CLASS_LINE} keyword.other.section.cable`],
          [25, '01', `${CLASS_LINE} constant.numeric.section.cable`],
          [28, 'OF', `${CLASS_LINE} keyword.other.section.cable`],
          [31, '02', `${CLASS_LINE} constant.numeric.section.cable`],
          [34, 'BERLIN', `${CLASS_LINE} entity.name.type.station.cable`],
          [41, '000123', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
      [
        'C o n f i d e n t i a l section 01 of 04 ankara 000348',
        [
          [0, 'C o n f i d e n t i a l', `${CLASS_LINE} markup.deleted.classification.confidential.cable`],
          [24, 'section', `${CLASS_LINE} keyword.other.section.cable`],
          [32, '01', `${CLASS_LINE} constant.numeric.section.cable`],
          [35, 'of', `${CLASS_LINE} keyword.other.section.cable`],
          [38, '04', `${CLASS_LINE} constant.numeric.section.cable`],
          [41, 'ankara', `${CLASS_LINE} entity.name.type.station.cable`],
          [48, '000348', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
      [
        'LIMITED OFFICIAL USE GABORONE 0097',
        [
          [0, 'LIMITED OFFICIAL USE', `${CLASS_LINE} markup.changed.classification.lou.cable`],
          [21, 'GABORONE', `${CLASS_LINE} entity.name.type.station.cable`],
          [30, '0097', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
      [
        'T O P S E C R E T STATE 000001',
        [
          [0, 'T O P S E C R E T', `${CLASS_LINE} string.regexp.classification.top-secret.cable`],
          [18, 'STATE', `${CLASS_LINE} entity.name.type.station.cable`],
          [24, '000001', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
      [
        'SECRET//FGI//NOFORN//MR',
        [
          [0, 'SECRET', 'meta.classification-banner.cable string.regexp.classification.secret.cable'],
          [6, '//', 'meta.classification-banner.cable punctuation.separator.caveat.cable'],
          [8, 'FGI', 'meta.classification-banner.cable keyword.other.caveat.fgi.cable'],
          [11, '//', 'meta.classification-banner.cable punctuation.separator.caveat.cable'],
          [13, 'NOFORN', 'meta.classification-banner.cable keyword.other.caveat.noforn.cable'],
          [19, '//', 'meta.classification-banner.cable punctuation.separator.caveat.cable'],
          [21, 'MR', 'meta.classification-banner.cable'],
        ],
      ],
      [' CONFIDENTIAL', [[1, 'CONFIDENTIAL', 'meta.classification-banner.cable markup.deleted.classification.confidential.cable']]],
      [
        'S E C R E T NOFORN SECTION 01 OF 02 BAKU 000123',
        [
          [0, 'S E C R E T', `${CLASS_LINE} string.regexp.classification.secret.cable`],
          [12, 'NOFORN', `${CLASS_LINE} keyword.other.caveat.noforn.cable`],
          [19, 'SECTION', `${CLASS_LINE} keyword.other.section.cable`],
          [27, '01', `${CLASS_LINE} constant.numeric.section.cable`],
          [30, 'OF', `${CLASS_LINE} keyword.other.section.cable`],
          [33, '02', `${CLASS_LINE} constant.numeric.section.cable`],
          [36, 'BAKU', `${CLASS_LINE} entity.name.type.station.cable`],
          [41, '000123', `${CLASS_LINE} constant.numeric.serial.cable`],
        ],
      ],
    ],
  },
  {
    name: 'continuation page headers',
    lines: [
      ['STATE 00125608 002 OF 002', [[0, 'STATE 00125608 002 OF 002', 'comment.line.continuation-header.cable']]],
      ['PARIS 00000741 001.2 OF 004', [[0, 'PARIS 00000741 001.2 OF 004', 'comment.line.continuation-header.cable']]],
      ['NEW DELHI 00005135 003 OF 008', [[0, 'NEW DELHI 00005135 003 OF 008', 'comment.line.continuation-header.cable']]],
      ['Kiev 00001261 002 of 004', [[0, 'Kiev 00001261 002 of 004', 'comment.line.continuation-header.cable']]],
    ],
  },
  {
    name: 'captions',
    lines: [
      ['SIPDIS', [[0, 'SIPDIS', 'support.type.caption.sipdis.cable']]],
      ['NOFORN', [[0, 'NOFORN', 'keyword.other.caveat.noforn.cable']]],
      ['SENSITIVE', [[0, 'SENSITIVE', 'support.type.caption.sensitive.cable']]],
      ['EXDIS', [[0, 'EXDIS', 'support.type.caption.exdis.cable']]],
      ['NODIS', [[0, 'NODIS', 'support.type.caption.nodis.cable']]],
      ['LIMDIS', [[0, 'LIMDIS', 'support.type.caption.limdis.cable']]],
      ['STADIS', [[0, 'STADIS', 'support.type.caption.stadis.cable']]],
      ['C O R R E C T E D  C O P Y', [[0, 'C O R R E C T E D  C O P Y', 'support.type.caption.corrected-copy.cable']]],
    ],
  },
  {
    name: 'E.O. lines',
    lines: [
      [
        'E.O. 12958: DECL: 01/19/2029',
        [
          [0, 'E.O.', `${EO} keyword.control.eo.cable`],
          [5, '12958', `${EO} constant.numeric.eo-order.cable`],
          [10, ':', `${EO} punctuation.separator.key-value.cable`],
          [12, 'DECL', `${EO} keyword.control.decl.cable`],
          [16, ':', `${EO} punctuation.separator.key-value.cable`],
          [18, '01/19/2029', `${EO} constant.numeric.date.decl.cable`],
        ],
      ],
      [
        'EO 12958 DECL: 01/19/2029',
        [
          [0, 'EO', `${EO} keyword.control.eo.cable`],
          [3, '12958', `${EO} constant.numeric.eo-order.cable`],
          [9, 'DECL', `${EO} keyword.control.decl.cable`],
          [13, ':', `${EO} punctuation.separator.key-value.cable`],
          [15, '01/19/2029', `${EO} constant.numeric.date.decl.cable`],
        ],
      ],
      [
        'E.O. 12958: N/A',
        [
          [0, 'E.O.', `${EO} keyword.control.eo.cable`],
          [5, '12958', `${EO} constant.numeric.eo-order.cable`],
          [10, ':', `${EO} punctuation.separator.key-value.cable`],
          [12, 'N/A', `${EO} constant.language.na.cable`],
        ],
      ],
      [
        'E.O. 12356: DECL: OADR',
        [
          [0, 'E.O.', `${EO} keyword.control.eo.cable`],
          [5, '12356', `${EO} constant.numeric.eo-order.cable`],
          [10, ':', `${EO} punctuation.separator.key-value.cable`],
          [12, 'DECL', `${EO} keyword.control.decl.cable`],
          [16, ':', `${EO} punctuation.separator.key-value.cable`],
          [18, 'OADR', `${EO} constant.language.decl-exemption.cable`],
        ],
      ],
      [
        'E.O. 13526: DECL: 2020/02/23',
        [
          [0, 'E.O.', `${EO} keyword.control.eo.cable`],
          [5, '13526', `${EO} constant.numeric.eo-order.cable`],
          [10, ':', `${EO} punctuation.separator.key-value.cable`],
          [12, 'DECL', `${EO} keyword.control.decl.cable`],
          [16, ':', `${EO} punctuation.separator.key-value.cable`],
          [18, '2020/02/23', `${EO} constant.numeric.date.decl.cable`],
        ],
      ],
    ],
  },
  {
    name: 'TAGS, SUBJECT, REF and Classified By',
    lines: [
      [
        'TAGS PGOV, PREL, AF, IR, RS, KZ',
        [
          [0, 'TAGS', `${TAGS} keyword.control.tags.cable`],
          [5, 'PGOV', `${TAGS} entity.name.tag.subject.cable`],
          [9, ',', `${TAGS} punctuation.separator.tags.cable`],
          [11, 'PREL', `${TAGS} entity.name.tag.subject.cable`],
          [15, ',', `${TAGS} punctuation.separator.tags.cable`],
          [17, 'AF', `${TAGS} entity.name.tag.geographic.cable`],
          [19, ',', `${TAGS} punctuation.separator.tags.cable`],
          [21, 'IR', `${TAGS} entity.name.tag.geographic.cable`],
          [23, ',', `${TAGS} punctuation.separator.tags.cable`],
          [25, 'RS', `${TAGS} entity.name.tag.geographic.cable`],
          [27, ',', `${TAGS} punctuation.separator.tags.cable`],
          [29, 'KZ', `${TAGS} entity.name.tag.geographic.cable`],
        ],
      ],
      [
        'TAGS: PREL KNNP EUN OVIP (STEINBERG, JAMES B.)',
        [
          [0, 'TAGS', `${TAGS} keyword.control.tags.cable`],
          [4, ':', `${TAGS} punctuation.separator.key-value.cable`],
          [6, 'PREL', `${TAGS} entity.name.tag.subject.cable`],
          [11, 'KNNP', `${TAGS} entity.name.tag.program.cable`],
          [16, 'EUN', `${TAGS} entity.name.tag.organization.cable`],
          [20, 'OVIP', `${TAGS} entity.name.tag.subject.cable`],
          [25, '(', `${TAGS} punctuation.definition.person.begin.cable`],
          [26, 'STEINBERG, JAMES B.', `${TAGS} variable.other.person.cable`],
          [45, ')', `${TAGS} punctuation.definition.person.end.cable`],
        ],
      ],
      [
        'TAGS: EFIS, PBTS,',
        [
          [0, 'TAGS', `${TAGS} keyword.control.tags.cable`],
          [4, ':', `${TAGS} punctuation.separator.key-value.cable`],
          [6, 'EFIS', `${TAGS} entity.name.tag.subject.cable`],
          [10, ',', `${TAGS} punctuation.separator.tags.cable`],
          [12, 'PBTS', `${TAGS} entity.name.tag.subject.cable`],
          [16, ',', `${TAGS} punctuation.separator.tags.cable`],
        ],
      ],
      [
        'AR, SIPDIS',
        [
          [0, 'AR', `${TAGS} entity.name.tag.geographic.cable`],
          [2, ',', `${TAGS} punctuation.separator.tags.cable`],
          [4, 'SIPDIS', `${TAGS} support.type.caption.sipdis.cable`],
        ],
      ],
      [
        'SUBJECT:  KAZAKHSTAN:  CENTCOM CDR PETRAEUS MEETS PRESIDENT',
        [
          [0, 'SUBJECT', `${SUBJ} keyword.control.subject.cable`],
          [7, ':', `${SUBJ} punctuation.separator.key-value.cable`],
          [10, 'KAZAKHSTAN:  CENTCOM CDR PETRAEUS MEETS PRESIDENT', `${SUBJ} markup.heading.subject.cable`],
        ],
      ],
      ['NAZARVAYEV, JANUARY 14', [[0, 'NAZARVAYEV, JANUARY 14', `${SUBJ} markup.heading.subject.cable`]]],
      ['', []],
      [
        'REF: A. MADRID 881 B. 08STATE125608',
        [
          [0, 'REF', `${REF} keyword.control.ref.cable`],
          [3, ':', `${REF} punctuation.separator.key-value.cable`],
          [5, 'A', `${REF} constant.language.reference-letter.cable`],
          [6, '.', `${REF} punctuation.definition.reference-letter.cable`],
          [8, 'MADRID', `${REF} meta.reference.cable entity.name.type.station.cable`],
          [15, '881', `${REF} meta.reference.cable constant.numeric.serial.cable`],
          [19, 'B', `${REF} constant.language.reference-letter.cable`],
          [20, '.', `${REF} punctuation.definition.reference-letter.cable`],
          [22, '08', `${REF} meta.reference-id.cable constant.numeric.year.cable`],
          [24, 'STATE', `${REF} meta.reference-id.cable entity.name.type.station.cable`],
          [29, '125608', `${REF} meta.reference-id.cable constant.numeric.serial.cable`],
        ],
      ],
      [
        'B. STATE 5678',
        [
          [0, 'B', `${REF} constant.language.reference-letter.cable`],
          [1, '.', `${REF} punctuation.definition.reference-letter.cable`],
          [3, 'STATE', `${REF} meta.reference.cable entity.name.type.station.cable`],
          [9, '5678', `${REF} meta.reference.cable constant.numeric.serial.cable`],
        ],
      ],
      [
        'C. 05 STATE 226504',
        [
          [0, 'C', `${REF} constant.language.reference-letter.cable`],
          [1, '.', `${REF} punctuation.definition.reference-letter.cable`],
          [3, '05', `${REF} meta.reference.cable constant.numeric.year.cable`],
          [6, 'STATE', `${REF} meta.reference.cable entity.name.type.station.cable`],
          [12, '226504', `${REF} meta.reference.cable constant.numeric.serial.cable`],
        ],
      ],
      [
        'REFTEL: HARARE 6584',
        [
          [0, 'REFTEL', `${REF} keyword.control.ref.cable`],
          [6, ':', `${REF} punctuation.separator.key-value.cable`],
          [8, 'HARARE', `${REF} meta.reference.cable entity.name.type.station.cable`],
          [15, '6584', `${REF} meta.reference.cable constant.numeric.serial.cable`],
        ],
      ],
      [
        'Classified By: Ambassador Richard E. Hoagland: 1.4 (B), (D)',
        [
          [0, 'Classified', `${CLSBY} keyword.control.classified-by.cable`],
          [11, 'By', `${CLSBY} keyword.control.classified-by.cable`],
          [13, ':', `${CLSBY} punctuation.separator.key-value.cable`],
          [14, ' Ambassador Richard E. Hoagland: ', 'meta.classified-by.cable'],
          [47, '1.4', `${CLSBY} meta.reason.cable constant.numeric.reason.cable`],
          [50, ' (', `${CLSBY} meta.reason.cable`],
          [52, 'B', `${CLSBY} meta.reason.cable constant.language.reason-letter.cable`],
          [53, '), (', `${CLSBY} meta.reason.cable`],
          [57, 'D', `${CLSBY} meta.reason.cable constant.language.reason-letter.cable`],
          [58, ')', `${CLSBY} meta.reason.cable`],
        ],
      ],
      [
        'CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).',
        [
          [0, 'CLASSIFIED', `${CLSBY} keyword.control.classified-by.cable`],
          [11, 'BY', `${CLSBY} keyword.control.classified-by.cable`],
          [13, ' AMBASSADOR TOM MCDONALD FOR ', 'meta.classified-by.cable'],
          [42, 'REASONS', `${CLSBY} keyword.other.reason.cable`],
          [50, '1.5', `${CLSBY} meta.reason.cable constant.numeric.reason.cable`],
          [53, ' (', `${CLSBY} meta.reason.cable`],
          [55, 'B', `${CLSBY} meta.reason.cable constant.language.reason-letter.cable`],
          [56, ') AND (', `${CLSBY} meta.reason.cable`],
          [63, 'D', `${CLSBY} meta.reason.cable constant.language.reason-letter.cable`],
          [64, ').', `${CLSBY} meta.reason.cable`],
        ],
      ],
      ['', []],
      [
        '1. (S) SUMMARY: x',
        [
          [0, '1.', `${PARA} markup.heading.paragraph-number.cable`],
          [3, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [4, 'S', `${PM} string.regexp.classification.secret.cable`],
          [5, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [7, 'SUMMARY', 'keyword.control.summary.begin.cable'],
        ],
      ],
    ],
  },
  {
    name: 'paragraph numbers, portion marks and block markers',
    lines: [
      [
        '1. (S) SUMMARY: President Nazarbayev told CENTCOM. END SUMMARY.',
        [
          [0, '1.', `${PARA} markup.heading.paragraph-number.cable`],
          [3, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [4, 'S', `${PM} string.regexp.classification.secret.cable`],
          [5, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [7, 'SUMMARY', 'keyword.control.summary.begin.cable'],
          [51, 'END SUMMARY', 'keyword.control.summary.end.cable'],
        ],
      ],
      [
        '¶2. (C) text',
        [
          [0, '¶', `${PARA} punctuation.definition.paragraph.cable`],
          [1, '2.', `${PARA} markup.heading.paragraph-number.cable`],
          [4, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [5, 'C', `${PM} markup.deleted.classification.confidential.cable`],
          [6, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
        ],
      ],
      [
        '- 12. (U) text',
        [
          [0, '-', `${PARA} keyword.other.bullet.cable`],
          [2, '12.', `${PARA} markup.heading.paragraph-number.cable`],
          [6, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [7, 'U', `${PM} markup.inserted.classification.unclassified.cable`],
          [8, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
        ],
      ],
      [
        '1.(C) text',
        [
          [0, '1.', `${PARA} markup.heading.paragraph-number.cable`],
          [2, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [3, 'C', `${PM} markup.deleted.classification.confidential.cable`],
          [4, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
        ],
      ],
      [
        '3 . (SBU) text',
        [
          [0, '3 .', `${PARA} markup.heading.paragraph-number.cable`],
          [4, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [5, 'SBU', `${PM} markup.changed.classification.sbu.cable`],
          [8, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
        ],
      ],
      [
        'The text (U) (SBU) (LOU) (C) (S) (TS) (S//NF) (C/REL NATO) (U//FOUO) (S//FGI//NF) (C NF) ( C ) (S/REL USA, SAU)',
        [
          [9, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [10, 'U', `${PM} markup.inserted.classification.unclassified.cable`],
          [11, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [13, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [14, 'SBU', `${PM} markup.changed.classification.sbu.cable`],
          [17, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [19, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [20, 'LOU', `${PM} markup.changed.classification.lou.cable`],
          [23, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [25, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [26, 'C', `${PM} markup.deleted.classification.confidential.cable`],
          [27, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [29, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [30, 'S', `${PM} string.regexp.classification.secret.cable`],
          [31, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [33, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [34, 'TS', `${PM} string.regexp.classification.top-secret.cable`],
          [36, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [38, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [39, 'S', `${PM} string.regexp.classification.secret.cable`],
          [40, '//', `${PM} punctuation.separator.caveat.cable`],
          [42, 'NF', `${PM} keyword.other.caveat.noforn.cable`],
          [44, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [46, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [47, 'C', `${PM} markup.deleted.classification.confidential.cable`],
          [48, '/', `${PM} punctuation.separator.caveat.cable`],
          [49, 'REL', `${PM} keyword.other.caveat.rel.cable`],
          [57, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [59, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [60, 'U', `${PM} markup.inserted.classification.unclassified.cable`],
          [61, '//', `${PM} punctuation.separator.caveat.cable`],
          [63, 'FOUO', `${PM} keyword.other.caveat.fouo.cable`],
          [67, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [69, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [70, 'S', `${PM} string.regexp.classification.secret.cable`],
          [71, '//', `${PM} punctuation.separator.caveat.cable`],
          [73, 'FGI', `${PM} keyword.other.caveat.fgi.cable`],
          [76, '//', `${PM} punctuation.separator.caveat.cable`],
          [78, 'NF', `${PM} keyword.other.caveat.noforn.cable`],
          [80, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [82, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [83, 'C', `${PM} markup.deleted.classification.confidential.cable`],
          [85, 'NF', `${PM} keyword.other.caveat.noforn.cable`],
          [87, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [89, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [91, 'C', `${PM} markup.deleted.classification.confidential.cable`],
          [93, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [95, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [96, 'S', `${PM} string.regexp.classification.secret.cable`],
          [97, '/', `${PM} punctuation.separator.caveat.cable`],
          [98, 'REL', `${PM} keyword.other.caveat.rel.cable`],
          [110, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
        ],
      ],
      ['No marks: target(s) (S/WCI) (U/S) (A) (c)', []],
      [
        'Comment: x. End Comment. (Note: y. End Note.) Begin text: z. End text.',
        [
          [0, 'Comment', 'keyword.control.comment.begin.cable'],
          [12, 'End Comment', 'keyword.control.comment.end.cable'],
          [26, 'Note', 'keyword.control.note.begin.cable'],
          [35, 'End Note', 'keyword.control.note.end.cable'],
          [46, 'Begin text', 'keyword.control.text.begin.cable'],
          [61, 'End text', 'keyword.control.text.end.cable'],
        ],
      ],
      [
        'BEGIN TALKING POINTS. END TALKING POINTS. Begin Quote: do it. End quote. Begin Summary x End summary',
        [
          [0, 'BEGIN TALKING POINTS', 'keyword.control.talking-points.begin.cable'],
          [22, 'END TALKING POINTS', 'keyword.control.talking-points.end.cable'],
          [42, 'Begin Quote', 'keyword.control.quote.begin.cable'],
          [62, 'End quote', 'keyword.control.quote.end.cable'],
          [73, 'Begin Summary', 'keyword.control.summary.begin.cable'],
          [89, 'End summary', 'keyword.control.summary.end.cable'],
        ],
      ],
    ],
  },
  {
    name: 'bullets, sub-paragraphs, redactions, pass lines, headings, signature, NNNN',
    lines: [
      [
        '-- the situation XXXXXXXXXXXX worries him; see reftel and SEPTEL.',
        [
          [0, '--', 'keyword.other.bullet.cable'],
          [17, 'XXXXXXXXXXXX', 'comment.block.redaction.cable'],
          [47, 'reftel', 'variable.language.reference.cable'],
          [58, 'SEPTEL', 'variable.language.reference.cable'],
        ],
      ],
      ['A. First item', [[0, 'A.', 'markup.heading.subparagraph.cable']]],
      ['(B) Second item', [[0, '(B)', 'markup.heading.subparagraph.cable']]],
      ['2a. Third item', [[0, '2a.', 'markup.heading.subparagraph.cable']]],
      ['STATE FOR P, SCA/CEN, EUR/RUS', [[0, 'STATE FOR', 'keyword.other.pass.cable']]],
      ['BILATERAL RELATIONS', [[0, 'BILATERAL RELATIONS', 'markup.heading.section.cable']]],
      [
        '11. (U) General Petraeus has cleared this cable. HOAGLAND',
        [
          [0, '11.', `${PARA} markup.heading.paragraph-number.cable`],
          [4, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [5, 'U', `${PM} markup.inserted.classification.unclassified.cable`],
          [6, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [49, 'HOAGLAND', 'entity.name.function.signature.cable'],
        ],
      ],
      ['RICE', [[0, 'RICE', 'entity.name.function.signature.cable']]],
      ['NNNN', [[0, 'NNNN', 'keyword.control.end-of-message.cable']]],
    ],
  },
  {
    name: 'look-alikes in the text stay text',
    lines: [
      ['DE KLERK WILL ANNOUNCE:', [[0, 'DE KLERK WILL ANNOUNCE', 'markup.heading.section.cable']]],
      ['FM Steinmeier said the NIE on Iran offered the chance', []],
      ['TO THE MINISTER THIS WAS NEWS', []],
      ['secret files on PP officials. The allegations have surfaced', []],
      ['SECRETARY RICE SAID THAT THE TALKS WENT WELL', []],
      ['the summary of the talks and a note on the text', []],
    ],
  },
  {
    name: 'a text whose newlines were lost (flatjson)',
    lines: [
      [
        'C o n f i d e n t i a l section 01 of 04 ankara 000348SipdisE.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m. Erdogan goes to washington: how strong a leader?(U) Classified by Ambassador Eric Edelman; reasons: 1.5 (b,d).¶1. (C) Summary: P.M. Erdogan expects Washington. End summary.¶2. (C) P.M. XXXXXXXXXXXX said.',
        [
          [0, 'C o n f i d e n t i a l', `${CLASS_LINE} markup.deleted.classification.confidential.cable`],
          [24, 'section', `${CLASS_LINE} keyword.other.section.cable`],
          [32, '01', `${CLASS_LINE} constant.numeric.section.cable`],
          [35, 'of', `${CLASS_LINE} keyword.other.section.cable`],
          [38, '04', `${CLASS_LINE} constant.numeric.section.cable`],
          [41, 'ankara', `${CLASS_LINE} entity.name.type.station.cable`],
          [48, '000348', `${CLASS_LINE} constant.numeric.serial.cable`],
          [54, 'Sipdis', 'support.type.caption.sipdis.cable'],
          [60, 'E.o.', `${EO} keyword.control.eo.cable`],
          [65, '12958', `${EO} constant.numeric.eo-order.cable`],
          [70, ':', `${EO} punctuation.separator.key-value.cable`],
          [72, 'decl', `${EO} keyword.control.decl.cable`],
          [76, ':', `${EO} punctuation.separator.key-value.cable`],
          [78, '01/07/2014', `${EO} constant.numeric.date.decl.cable`],
          [89, 'Tags', `${TAGS} keyword.control.tags.cable`],
          [93, ':', `${TAGS} punctuation.separator.key-value.cable`],
          [95, 'prel', `${TAGS} entity.name.tag.subject.cable`],
          [99, ',', `${TAGS} punctuation.separator.tags.cable`],
          [101, 'pgov', `${TAGS} entity.name.tag.subject.cable`],
          [105, ',', `${TAGS} punctuation.separator.tags.cable`],
          [107, 'pins', `${TAGS} entity.name.tag.subject.cable`],
          [111, ',', `${TAGS} punctuation.separator.tags.cable`],
          [113, 'tu', `${TAGS} entity.name.tag.geographic.cable`],
          [116, 'Subject', `${SUBJ} keyword.control.subject.cable`],
          [123, ':', `${SUBJ} punctuation.separator.key-value.cable`],
          [125, 'turkish p.m. Erdogan goes to washington: how strong a leader?', `${SUBJ} markup.heading.subject.cable`],
          [186, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [187, 'U', `${PM} markup.inserted.classification.unclassified.cable`],
          [188, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [190, 'Classified', `${CLSBY} keyword.control.classified-by.cable`],
          [201, 'by', `${CLSBY} keyword.control.classified-by.cable`],
          [203, ' Ambassador Eric Edelman; ', 'meta.classified-by.cable'],
          [229, 'reasons', `${CLSBY} keyword.other.reason.cable`],
          [236, ': ', 'meta.classified-by.cable'],
          [238, '1.5', `${CLSBY} meta.reason.cable constant.numeric.reason.cable`],
          [241, ' (', `${CLSBY} meta.reason.cable`],
          [243, 'b', `${CLSBY} meta.reason.cable constant.language.reason-letter.cable`],
          [244, ',', `${CLSBY} meta.reason.cable`],
          [245, 'd', `${CLSBY} meta.reason.cable constant.language.reason-letter.cable`],
          [246, ').', `${CLSBY} meta.reason.cable`],
          [248, '¶', `${PARA} punctuation.definition.paragraph.cable`],
          [249, '1.', `${PARA} markup.heading.paragraph-number.cable`],
          [252, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [253, 'C', `${PM} markup.deleted.classification.confidential.cable`],
          [254, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [256, 'Summary', 'keyword.control.summary.begin.cable'],
          [298, 'End summary', 'keyword.control.summary.end.cable'],
          [310, '¶', `${PARA} punctuation.definition.paragraph.cable`],
          [311, '2.', `${PARA} markup.heading.paragraph-number.cable`],
          [314, '(', `${PM} punctuation.definition.portion-mark.begin.cable`],
          [315, 'C', `${PM} markup.deleted.classification.confidential.cable`],
          [316, ')', `${PM} punctuation.definition.portion-mark.end.cable`],
          [323, 'XXXXXXXXXXXX', 'comment.block.redaction.cable'],
        ],
      ],
    ],
  },
];

for (const c of CASES) {
  test(`scopes: ${c.name}`, async () => {
    const doc = await tokenizeCable(c.lines.map(([text]) => text).join('\n'));
    c.lines.forEach(([text, expected], i) => {
      assert.equal(doc[i].line, text);
      assert.deepEqual(scopedTokens(doc[i]), expected, `line ${i}: ${JSON.stringify(text)}`);
    });
  });
}

test('scopes: the one-line header carries the transmission-header scope from column 0 to the end', async () => {
  const [line] = await tokenizeCable(CASES[1].lines[0][0]);
  assert.ok(line.tokens.length > 20);
  for (const t of line.tokens) assert.equal(t.scopes[1], HDR, `token ${JSON.stringify(t.text)} at ${t.startIndex}`);
  assert.equal(line.tokens.at(-1)?.endIndex, line.line.length);
});

test('scopes: a state carried over lines (SUBJECT, TAGS, REF, address block) ends where it should', async () => {
  const doc = await tokenizeCable(
    [
      'SUBJECT: ONE',
      'TWO',
      '',
      'after subject',
      'TAGS: PREL,',
      'PGOV',
      'after tags',
      'REF: STATE 1',
      'B. STATE 2',
      '1. (C) after ref',
      'FM AMEMBASSY PARIS',
      'TO SECSTATE WASHDC',
      '',
      'after address',
    ].join('\n'),
  );
  const metaOf = (i: number) => new Set(doc[i].tokens.flatMap((t) => t.scopes.filter((s) => s.startsWith('meta.'))));
  assert.ok(metaOf(1).has(SUBJ));
  assert.ok(metaOf(5).has(TAGS));
  assert.ok(metaOf(8).has(REF));
  assert.ok(metaOf(11).has(ADDR));
  for (const i of [2, 3, 6, 9, 12, 13]) {
    for (const s of [SUBJ, TAGS, REF, ADDR, HDR]) assert.ok(!metaOf(i).has(s), `line ${i} still has ${s}`);
  }
});

// ---------------------------------------------------------------- grammar hygiene

interface RawRule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  captures?: Record<string, RawRule>;
  beginCaptures?: Record<string, RawRule>;
  endCaptures?: Record<string, RawRule>;
  whileCaptures?: Record<string, RawRule>;
  patterns?: RawRule[];
  repository?: Record<string, RawRule>;
  include?: string;
}

/** Every rule of the grammar (not the grammar object itself, whose `name` is a display name). */
function* grammarRules(grammar: RawRule): Generator<RawRule> {
  for (const r of grammar.patterns ?? []) yield* rules(r);
  for (const r of Object.values(grammar.repository ?? {})) yield* rules(r);
}

function* rules(rule: RawRule): Generator<RawRule> {
  yield rule;
  for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures', 'repository'] as const) {
    for (const r of Object.values(rule[key] ?? {})) yield* rules(r);
  }
  for (const r of rule.patterns ?? []) yield* rules(r);
}

test('grammar: every scope is a theme-standard name ending in .cable, never invalid.*', () => {
  const grammar = readCableGrammarJson() as RawRule & { scopeName: string };
  assert.equal(grammar.scopeName, 'text.cable');
  const standard = /^(?:comment|constant|entity|keyword|markup|meta|punctuation|storage|string|support|variable)\./;
  const seen = new Set<string>();
  for (const rule of grammarRules(grammar)) {
    for (const name of [rule.name, rule.contentName]) {
      for (const scope of name?.split(' ') ?? []) {
        seen.add(scope);
        assert.match(scope, standard, scope);
        assert.match(scope, /\.cable$/, scope);
      }
    }
  }
  assert.ok(seen.size > 80, `only ${seen.size} scopes`);
});

test('grammar: regions end at the line end or a blank line; no Oniguruma traps', () => {
  const grammar = readCableGrammarJson() as RawRule;
  for (const rule of grammarRules(grammar)) {
    if (rule.begin !== undefined) {
      assert.ok(rule.end !== undefined || rule.while !== undefined, `begin without end/while: ${rule.begin}`);
      // A region either ends on its own line (`$`), ends at the next line start (a `while` that
      // never holds), or is a begin/while region whose condition fails on a blank line.
      if (rule.end !== undefined) assert.match(rule.end, /\$/, `end cannot reach the line end: ${rule.end}`);
      if (rule.while !== undefined && rule.while !== '^' && rule.while !== '\\G\\x{FFFF}') {
        const onBlank = new RegExp(
          rule.while
            .replace(/^\^\\G/, '^')
            .replace(/\+\+|\*\+|\?\+/g, (q) => q[0])
            .replace(/\\x\{FFFF\}/g, '\\uFFFF'),
        );
        assert.doesNotMatch('', onBlank, `while holds on a blank line: ${rule.while}`);
      }
    }
    for (const src of [rule.match, rule.begin, rule.end, rule.while]) {
      if (src === undefined) continue;
      // In Oniguruma's Ruby syntax {n,m}+ is not possessive but a repeat of a repeat.
      assert.doesNotMatch(src, /\{\d+(?:,\d*)?\}\+/, `nested repeat {n,m}+ in ${src}`);
      // ^ is tried at every position of a line by vscode-oniguruma: line rules use ^\G (see `document`).
      if (src !== '^') assert.doesNotMatch(src, /^\^(?!\\G)/, `line rule without \\G: ${src}`);
    }
  }
});

// ---------------------------------------------------------------- language configuration

test('language configuration: the wordPattern keeps cable tokens whole', () => {
  const config = JSON.parse(fs.readFileSync(path.join(repoRoot, 'language-configuration.json'), 'utf8')) as {
    wordPattern: { pattern: string; flags?: string };
    colorizedBracketPairs: unknown[];
    comments?: unknown;
  };
  assert.deepEqual(config.colorizedBracketPairs, []);
  assert.equal(config.comments, undefined);
  const flags = `${config.wordPattern.flags ?? ''}g`;
  // VS Code's getWordAtText: the match of the word pattern that contains the column.
  const wordAt = (line: string, column: number): string | undefined => {
    for (const m of line.matchAll(new RegExp(config.wordPattern.pattern, flags))) {
      if (m.index <= column && column <= m.index + m[0].length) return m[0];
    }
    return undefined;
  };
  const line =
    'DE RUEHC #5608/01 3312058 O 262051Z NOV 08 TO RUEHBW/AMEMBASSY BELGRADE; ref 08STATE125608. (S//NF) E.O. 12958 Kazakhstan’s (C/REL NATO) target(s)';
  const expectWord = (word: string, offset = 1) => {
    const at = line.indexOf(word);
    assert.ok(at >= 0, word);
    assert.equal(wordAt(line, at + offset), word);
  };
  for (const word of [
    'RUEHBW',
    '262051Z',
    '08STATE125608',
    '(S//NF)',
    'E.O.',
    '#5608/01',
    'RUEHC',
    'Kazakhstan’s',
    '(C/REL NATO)',
    'AMEMBASSY',
  ]) {
    expectWord(word);
  }
  expectWord('#5608/01', 6); // on the section number
  assert.equal(wordAt(line, line.indexOf('(s)') + 1), 's'); // not a portion mark
  assert.equal(wordAt(line, line.indexOf('BELGRADE') + 8), 'BELGRADE'); // the semicolon ends the word
});

// ---------------------------------------------------------------- time budget

/** The corpus tests skip, as every corpus test does, where ../shared is not beside the project. */
const NO_CORPUS = fs.existsSync(corpusDir) ? false : `no corpus at ${corpusDir}`;

test('time budget: no corpus line and no 100 KB line exhausts VS Code’s 500 ms per-line budget', { skip: NO_CORPUS }, async () => {
  const grammar = await loadCableGrammar();
  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length > 1000, `corpus not found at ${corpusDir}`);
  for (const file of files) {
    const lines = tokenizeLines(grammar, splitLines(fs.readFileSync(path.join(corpusDir, file), 'utf8')), 500);
    const stopped = lines.findIndex((l) => l.stoppedEarly);
    assert.equal(stopped, -1, `${file}:${stopped + 1} stopped early`);
  }
  const header = 'VZCZCXRO0825 OO RUEHSR DE RUEHC #5608/01 3312058 ZNR UUUUU ZZH O 262051Z NOV 08 FM SECSTATE WASHDC TO ';
  const addressees = 'RUEHBW/AMEMBASSY BELGRADE IMMEDIATE 0001 INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY ';
  const paragraph = '1. (S//NF) The minister (C) said XXXXXXXXXXXX that 08STATE125608 talks were useful; see reftel. End Comment. ';
  for (const long of [header + addressees.repeat(1100), paragraph.repeat(1000), 'A'.repeat(100_000), ' '.repeat(100_000) + 'x']) {
    const [line] = tokenizeLines(grammar, [long], 500);
    assert.equal(line.stoppedEarly, false, long.slice(0, 40));
    assert.equal(line.tokens.at(-1)?.endIndex, long.length);
  }
});

// ---------------------------------------------------------------- snapshots of whole corpus cables

const SNAPSHOT_DIR = path.join(repoRoot, 'test', 'grammar', 'snapshots');
const SNAPSHOTS = [
  '09ASTANA95', // wl2010html: one header field per line, one paragraph per line, signature glued to the text
  '66BUENOSAIRES2481', // cables.csv: 1966, no routing indicators, wrapped upper-case text
  '06NEWDELHI5135', // pdf2txt: CRLF, no blank line after the header, ¶ paragraph marks
  '04ANKARA348.flatjson', // flatjson: all newlines lost, re-cased classification line
  '00HARARE6677', // partial extract: received-copy print format, page headers inside the text
];

for (const name of SNAPSHOTS) {
  test(`snapshot: ${name}`, { skip: NO_CORPUS }, async () => {
    const text = fs.readFileSync(path.join(corpusDir, `${name}.txt`), 'utf8');
    const actual = renderSnapshot(await tokenizeCable(text));
    const file = path.join(SNAPSHOT_DIR, `${name}.snap`);
    if (process.env.UPDATE_SNAPSHOTS === '1') {
      fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
      fs.writeFileSync(file, actual);
      return;
    }
    assert.ok(fs.existsSync(file), `missing ${file}; run with UPDATE_SNAPSHOTS=1 to create it`);
    const expected = fs.readFileSync(file, 'utf8');
    if (actual === expected) return;
    const a = actual.split('\n');
    const e = expected.split('\n');
    const i = a.findIndex((row, k) => row !== e[k]);
    const context = (rows: string[]) => rows.slice(Math.max(0, i - 3), i + 4).join('\n');
    assert.fail(
      `${name}.snap differs at row ${i + 1} (UPDATE_SNAPSHOTS=1 rewrites it)\n--- expected\n${context(e)}\n+++ actual\n${context(a)}`,
    );
  });
}
