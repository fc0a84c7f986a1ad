// Executive Orders on classification, as cited on the E.O. line ("E.O. 12958: DECL: …").

import * as l10n from '@vscode/l10n';

/**
 * What the order number of an E.O. line refers to, e.g. 12958 → "Executive Order 12958 (1995;
 * amended 2003 by E.O. 13292), in force until mid-2010"; "not a known classification order" for
 * any other number or none. Looked up on each call, so the client's bundle is in place by then.
 */
export function executiveOrderDescription(order: number | undefined): string {
  switch (order) {
    case 11652:
      return l10n.t('Executive Order 11652 (1972–1978) on classification');
    case 12065:
      return l10n.t('Executive Order 12065 (1978–1982)');
    case 12356:
      return l10n.t('Executive Order 12356 (1982–1995)');
    case 12958:
      return l10n.t('Executive Order 12958 (1995; amended 2003 by E.O. 13292), in force until mid-2010');
    case 13292:
      return l10n.t('Executive Order 13292 (2003), amending E.O. 12958');
    case 13526:
      return l10n.t('Executive Order 13526 (from 27 June 2010)');
    default:
      return l10n.t('not a known classification order');
  }
}
