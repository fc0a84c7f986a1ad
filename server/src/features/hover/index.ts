import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import type { FeatureContext } from '../../analysis/context';
import { contains } from '../../analysis/ranges';
import { crossReferenceHover } from './crossReferences';
import { headerHover } from './header';
import { printoutHover } from './printout';
import { textHover } from './text';

/**
 * A short markdown hover, most useful line first, for whatever cable element stands at the
 * position: routing indicators, prosigns, keywords, DTG and filing time, serials, markings,
 * captions, the E.O. line, reasons, TAGS, references, paragraph numbers, and what printed copies add
 * (office distribution, drafting and clearing lines, page headers). Document text in it
 * is escaped (markdown.ts): nothing in a cable can become a link or HTML.
 */
export function hover(context: FeatureContext, params: HoverParams, _token: CancellationToken): Hover | null {
  const { file, uri, workspace } = context;
  const position = params.position;
  const cable = file.cables.find((c) => contains(c.range, position));
  if (!cable) return null;
  const found =
    headerHover(cable, position) ??
    printoutHover(cable, position) ??
    textHover(cable, position, workspace) ??
    crossReferenceHover(file, cable, position, uri, workspace);
  if (!found) return null;
  return { contents: { kind: 'markdown', value: found.lines.join('\n\n') }, range: found.range };
}
