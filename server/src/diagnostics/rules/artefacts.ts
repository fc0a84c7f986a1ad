import * as l10n from '@vscode/l10n';
import { replace } from '../../analysis/edits';
import type { Rule } from '../types';

export const markdownArtefact: Rule = {
  code: 'cable/artefact-markdown',
  defaultSeverity: 'hint',
  description: 'Markdown conversion artefacts: `- ` before a paragraph number, `\\$` for `$`.',
  example: '`- 12. (U) …`, `\\$5`',
  why: 'Markdown conversions add bullets and escapes that were never in the telegram; the quick fix removes them.',
  check(cable) {
    return cable.artefacts.flatMap((a) => {
      if (a.kind === 'markdown-bullet')
        return [
          {
            code: this.code,
            range: a.range,
            message: l10n.t('Markdown bullet before a paragraph number (a conversion artefact)'),
            fix: replace(l10n.t('Remove the bullet'), a.range, ''),
          },
        ];
      if (a.kind === 'escaped-dollar')
        return [
          {
            code: this.code,
            range: a.range,
            message: l10n.t('Escaped dollar sign \\$ (a markdown conversion artefact)'),
            fix: replace(l10n.t('Replace with $'), a.range, '$'),
          },
        ];
      return [];
    });
  },
};
