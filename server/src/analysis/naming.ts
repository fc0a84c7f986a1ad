import * as l10n from '@vscode/l10n';
import type { Cable } from '../cable/model';

/** What the outline, workspace symbols and the index call a cable: its reference id when the text gives one. */
export function cableName(cable: Cable): string {
  return cable.referenceId ?? cable.referenceIdWithoutYear ?? cable.dtg?.token.text ?? cable.subject?.text ?? l10n.t('Cable');
}
