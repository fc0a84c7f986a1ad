import type { CancellationToken } from 'vscode-languageserver';
import type { FeatureContext } from '../../analysis/context';
import { throwIfCancelled } from '../../analysis/cancellation';
import { cableName } from '../../analysis/naming';
import type { PreviewParams, PreviewResult } from '../../protocol/cable';
import { PREVIEW_CSS } from './page';
import { type PreviewProblem, renderPreview } from './render';

/** `cable/preview`: the reading view's body and style sheet; the host wraps them in its page. */
export function preview(
  context: FeatureContext,
  _params: PreviewParams,
  token: CancellationToken,
  problems: readonly PreviewProblem[],
): PreviewResult {
  throwIfCancelled(token);
  const { file } = context;
  const html = renderPreview(file, { workspace: context.workspace, problems });
  const first = file.cables[0];
  const title = file.cables.length === 1 && first ? cableName(first) : `${file.cables.length} cables`;
  return { html, css: PREVIEW_CSS, title, cables: file.cables.length };
}
