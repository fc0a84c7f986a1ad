import * as l10n from '@vscode/l10n';
import type { BlockKind } from '../../cable/model';
import { replace } from '../../analysis/edits';
import type { Finding, Rule } from '../types';

const NAME: Readonly<Record<BlockKind, [string, string]>> = {
  summary: ['Summary', 'End Summary.'],
  comment: ['Comment', 'End Comment.'],
  note: ['Note', 'End Note.'],
  text: ['Begin text', 'End text.'],
  talkingPoints: ['Begin Talking Points', 'End Talking Points.'],
};

function unclosed(kind: BlockKind, code: string, severity: Rule['defaultSeverity'], example: string, why: string): Rule {
  return {
    code,
    defaultSeverity: severity,
    description: `${NAME[kind][0]} opened without a closing ${NAME[kind][1]}`,
    example,
    why,
    check(cable) {
      const findings: Finding[] = [];
      for (const b of cable.blocks) {
        if (b.kind !== kind || !b.begin || b.end) continue;
        const paragraph = cable.paragraphs.find((p) => p.range.start.line <= b.begin!.start.line && b.begin!.end.line <= p.range.end.line);
        const at = paragraph?.range.end ?? b.begin.end;
        findings.push({
          code: this.code,
          range: b.begin,
          message: l10n.t('{0} without {1}', NAME[kind][0], NAME[kind][1]),
          fix: kind === 'summary' ? replace(l10n.t('Add "{0}"', NAME[kind][1]), { start: at, end: at }, ` ${NAME[kind][1]}`) : undefined,
        });
      }
      return findings;
    },
  };
}

export const summaryUnclosed = unclosed(
  'summary',
  'cable/block-summary-unclosed',
  'information',
  '`1. (C) Summary: …` with no `End Summary.`',
  'A summary should end explicitly so readers know where the body begins; the quick fix adds End Summary.',
);
export const commentUnclosed = unclosed(
  'comment',
  'cable/block-comment-unclosed',
  'hint',
  '`Comment: …` with no `End Comment.`',
  'Comments are often closed implicitly by the end of the paragraph, so this is a hint.',
);
export const noteUnclosed = unclosed(
  'note',
  'cable/block-note-unclosed',
  'hint',
  '`(Note: …` with no `End Note.`',
  'Notes are often closed by the closing parenthesis alone, so this is a hint.',
);
export const textUnclosed = unclosed(
  'text',
  'cable/block-text-unclosed',
  'warning',
  '`Begin text:` with no `End text.`',
  'Quoted texts must end explicitly or the reader cannot tell quotation from comment.',
);
export const talkingPointsUnclosed = unclosed(
  'talkingPoints',
  'cable/block-talking-points-unclosed',
  'warning',
  '`Begin Talking Points` with no `End Talking Points`',
  'Talking points are delivered verbatim; their end must be explicit.',
);

export const blockEndWithoutBegin: Rule = {
  code: 'cable/block-end-without-begin',
  defaultSeverity: 'hint',
  description: 'An `End Summary.`, `End Comment.`, `End text.` … with nothing open to close.',
  example: '`End Comment.` with no comment opened',
  why: 'Usually a lost opening line, or the opening phrase in an unusual form.',
  check(cable) {
    return cable.blocks
      .filter((b) => b.end && !b.begin)
      .map((b) => ({
        code: this.code,
        range: b.end!,
        message: l10n.t('{0} without a {1} before it', NAME[b.kind][1].replace(/\.$/, ''), NAME[b.kind][0]),
      }));
  },
};
