import * as l10n from '@vscode/l10n';
import type { CancellationToken, CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { FeatureContext } from '../analysis/context';
import type { DiagnosticData } from '../analysis/edits';
import { CodeActionKind } from '../protocol/lsp';

export const DISABLE_RULE_COMMAND = 'cable.disableRule';

/**
 * Quick fixes for the diagnostics in the request's context: the rule's own fix where the correct
 * text is clear, and (for clients that implement the command) "Disable rule X in settings".
 */
export function codeActions(context: FeatureContext, params: CodeActionParams, _token: CancellationToken): CodeAction[] {
  const { uri, canDisableRules } = context;
  const actions: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const diagnostic of params.context?.diagnostics ?? []) {
    if (diagnostic.source !== 'cable') continue;
    const fix = (diagnostic.data as DiagnosticData | undefined)?.fix;
    if (fix) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      });
    }
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    if (canDisableRules && code && !disabled.has(code)) {
      disabled.add(code);
      actions.push({
        title: l10n.t('Disable rule {0} in settings', code),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: l10n.t('Disable rule {0}', code), command: DISABLE_RULE_COMMAND, arguments: [code] },
      });
    }
  }
  return actions;
}
