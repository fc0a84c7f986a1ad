import * as l10n from '@vscode/l10n';
import type { WorkspaceLookup } from '../../analysis/context';
import { crossReferencesOf } from '../../analysis/crossReferences';
import { contains } from '../../analysis/ranges';
import { paragraphsNumbered, referenceEntry } from '../../analysis/resolve';
import type { Cable, CableFile, Position } from '../../cable/model';
import { code, escapeMarkdown } from '../markdown';
import type { Found } from './parts';
import { citedCable, fileNames } from './text';

/** `para 3`, `paras 3-5`, `ref A`, `reftel` and reference ids in the body: what they point at. */
export function crossReferenceHover(
  file: CableFile,
  cable: Cable,
  position: Position,
  uri: string,
  workspace: WorkspaceLookup | undefined,
): Found | undefined {
  const ref = crossReferencesOf(file, cable).find((r) => contains(r.range, position));
  if (!ref) return undefined;
  if (ref.kind === 'paragraph') {
    const targets = paragraphsNumbered(cable, ref.first, ref.last);
    if (targets.length === 0)
      return {
        range: ref.range,
        lines: [l10n.t('**Paragraph {0}** — not in this cable', `${ref.first}${ref.last !== ref.first ? `–${ref.last}` : ''}`)],
      };
    return {
      range: ref.range,
      lines: targets
        .slice(0, 5)
        .map((p) => `**${p.number.value}.** ${p.marking ? `${code(p.marking.text)} ` : ''}${escapeMarkdown(p.title)}`),
    };
  }
  if (ref.kind === 'reference') {
    const entries = cable.references?.entries ?? [];
    const entry = referenceEntry(cable, ref.letter);
    if (!entry) {
      const listed =
        entries
          .map((e) => e.letter?.value)
          .filter(Boolean)
          .join(', ') || l10n.t('unlettered references');
      return {
        range: ref.range,
        lines: [
          entries.length === 0
            ? l10n.t('**Reference** — this cable has no REF line')
            : l10n.t('**REF {0}** — no such reference; the REF line lists {1}', escapeMarkdown(ref.letter ?? ''), listed),
        ],
      };
    }
    return {
      range: ref.range,
      lines: [
        `**REF ${escapeMarkdown(entry.letter?.value ?? '')}** ${code(entry.text)}`,
        entry.cable?.referenceId ? l10n.t('Telegram {0}.', code(entry.cable.referenceId)) : '',
      ].filter(Boolean),
    };
  }
  const files = workspace?.find(ref.referenceId).filter((c) => c.uri !== uri) ?? [];
  return {
    range: ref.range,
    lines: [
      l10n.t('**{0}** — reference id (year, station, serial)', escapeMarkdown(ref.referenceId)),
      ...(files.length > 0 ? citedCable(files[0]).slice(1) : []),
      files.length > 0 ? l10n.t('In the workspace: {0}.', fileNames(files)) : l10n.t('Not in the workspace.'),
    ],
  };
}
