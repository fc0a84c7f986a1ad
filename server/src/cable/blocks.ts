import type { Block, BlockKind, Range } from './model';
import { range, type Segment } from './scan';

const KIND: Readonly<Record<string, BlockKind>> = {
  SUMMARY: 'summary', COMMENT: 'comment', NOTE: 'note', TEXT: 'text', 'TALKING POINTS': 'talkingPoints',
};

const MARKER =
  /\b(?:(END\s+(?:OF\s+)?)(SUMMARY|COMMENT|NOTE|TEXT|TALKING\s+POINTS)\b[.:]?|(BEGIN\s+)(SUMMARY|COMMENT|NOTE|TEXT|TALKING\s+POINTS)\b[.:]?|(SUMMARY|COMMENT|NOTE)\s*:)/gi;

/** Pairs Summary/Comment/Note/Begin text/Talking Points markers with their ends, in one pass. */
export class BlockCollector {
  readonly #open = new Map<BlockKind, Range>();
  readonly #blocks: Block[] = [];

  scan(segment: Segment): void {
    const text = segment.text;
    // Every marker has a colon or an END/BEGIN; most lines of prose have neither.
    if (text.indexOf(':') < 0 && !/\b(?:END|BEGIN|End|Begin|end|begin)\s/.test(text)) return;
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
      const at = range(segment.line, segment.start + m.index, segment.line, segment.start + m.index + m[0].length);
      if (m[1] !== undefined) {
        this.#end(KIND[normal(m[2])], at);
      } else {
        this.#begin(KIND[normal(m[4] ?? m[5])], at);
      }
    }
  }

  finish(): Block[] {
    for (const [kind, begin] of this.#open) this.#blocks.push({ kind, range: begin, begin });
    this.#open.clear();
    return this.#blocks.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  #begin(kind: BlockKind, at: Range): void {
    const previous = this.#open.get(kind);
    if (previous) this.#blocks.push({ kind, range: previous, begin: previous });
    this.#open.set(kind, at);
  }

  #end(kind: BlockKind, at: Range): void {
    const begin = this.#open.get(kind);
    this.#open.delete(kind);
    this.#blocks.push(begin ? { kind, range: { start: begin.start, end: at.end }, begin, end: at } : { kind, range: at, end: at });
  }
}

function normal(word: string): string {
  return word.toUpperCase().replace(/\s+/g, ' ');
}
