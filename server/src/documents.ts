import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from './cable/parse';
import type { CableFile } from './cable/model';

interface Entry {
  readonly version: number;
  readonly model: CableFile;
}

/**
 * The parsed model of each open document, computed once per version and shared by every feature:
 * a burst of outline, folding, hover and diagnostics requests after an edit parses the text once,
 * and only the cables the edit touched.
 */
export class ModelCache {
  readonly #entries = new Map<string, Entry>();

  get(document: TextDocument): CableFile {
    const entry = this.#entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.model;
    // The previous version's model lets the parser keep every cable the edit did not touch.
    const model = parse(document.getText(), entry?.model);
    this.#entries.set(document.uri, { version: document.version, model });
    return model;
  }

  delete(uri: string): void {
    this.#entries.delete(uri);
  }

  get size(): number {
    return this.#entries.size;
  }
}
