// Reference data for cables: routing indicators, TAGS, header/marking codes, classification
// levels, caveats, reasons and orders, precedence, and office symbols. One module per table; this file is the
// public API. Pure TypeScript: no vscode/LSP/node imports, usable in the browser, and nothing
// imported from outside data/.
// The tables stay English (they are reference data); the sentences that explain them are localised.
//
// The tables come from the generated modules next to this file (scripts/generate-data.mjs,
// sources cited in their headers). They are plain strings at import time; the maps are
// built on first use, so importing this module costs next to nothing.
//
// All lookups by text are case-insensitive (re-cased cables exist) and ignore surrounding whitespace.

import { CODE_ROWS } from './codes.generated';
import { RI_KEY_COUNT, RI_ROW_COUNT } from './routingIndicators.generated';
import { TAG_ROW_COUNT } from './tags.generated';
import { OFFICE_ROW_COUNT } from './offices.generated';

export type { RoutingIndicatorInfo, RoutingIndicatorStation } from './routingIndicators';
export { allRoutingIndicators, explainRoutingIndicator, lookupRoutingIndicator, searchRoutingIndicators } from './routingIndicators';
export type { TagInfo, TagKind } from './tags';
export { allTags, lookupTag, searchTags } from './tags';
export type { CodeInfo } from './codes';
export { allCodes, lookupCode } from './codes';
export type { PrecedenceInfo, PrecedenceProsign } from './precedence';
export { precedenceMeaning } from './precedence';
export type { ClassificationReason } from './classificationReasons';
export { allClassificationReasons, classificationReason } from './classificationReasons';
export type { ClassificationLevel } from './classification';
export { caveatMeaning, classificationLevelName, classificationLevelShortName } from './classification';
export { executiveOrderDescription } from './executiveOrders';
export type { OfficeInfo, OfficeKind, OfficeLookup } from './offices';
export { allOffices, lookupOffice } from './offices';

export interface DataStats {
  /** Data rows of routing-indicators.tsv. */
  readonly routingIndicatorRows: number;
  /** Distinct keys of routing-indicators.tsv (RIs and range rows). */
  readonly routingIndicatorKeys: number;
  readonly tagRows: number;
  readonly codeRows: number;
  readonly officeRows: number;
}

/** Row counts of the generated tables (no parsing needed). */
export function dataStats(): DataStats {
  return {
    routingIndicatorRows: RI_ROW_COUNT,
    routingIndicatorKeys: RI_KEY_COUNT,
    tagRows: TAG_ROW_COUNT,
    codeRows: CODE_ROWS.length,
    officeRows: OFFICE_ROW_COUNT,
  };
}
