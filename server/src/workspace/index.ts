import type { IndexedCable, WorkspaceLookup } from '../analysis/context';
import { cableName } from '../analysis/naming';
import type { CableFile } from '../cable/model';
import { ownCopy } from '../cable/scan';

/**
 * The cables of the workspace by reference id, for cross-file links, definitions and workspace
 * symbols. Fed by open documents and, where a file system is available, by a bounded background
 * scan of `*.cable` and `*.tel` files; it never blocks a request.
 */
export class WorkspaceIndex implements WorkspaceLookup {
  readonly #byUri = new Map<string, IndexedCable[]>();
  readonly #byId = new Map<string, IndexedCable[]>();

  update(uri: string, file: CableFile): void {
    this.remove(uri);
    // The index outlives the model: its strings are copies, not views into the document's text.
    const entries = file.cables.map((c) => ({
      uri,
      name: ownCopy(cableName(c)),
      referenceId: c.referenceId === undefined ? undefined : ownCopy(c.referenceId),
      subject: c.subject === undefined ? undefined : ownCopy(c.subject.text),
      range: c.range,
      selectionRange: c.classificationLine?.range ?? c.header?.range ?? c.range,
    }));
    this.#byUri.set(uri, entries);
    for (const e of entries) {
      if (!e.referenceId) continue;
      const list = this.#byId.get(e.referenceId) ?? [];
      list.push(e);
      this.#byId.set(e.referenceId, list);
    }
  }

  remove(uri: string): void {
    const old = this.#byUri.get(uri);
    if (!old) return;
    this.#byUri.delete(uri);
    for (const e of old) {
      if (!e.referenceId) continue;
      const list = (this.#byId.get(e.referenceId) ?? []).filter((x) => x.uri !== uri);
      if (list.length > 0) this.#byId.set(e.referenceId, list);
      else this.#byId.delete(e.referenceId);
    }
  }

  find(referenceId: string): readonly IndexedCable[] {
    return this.#byId.get(referenceId.toUpperCase()) ?? [];
  }

  search(query: string, limit: number): IndexedCable[] {
    const words = query.toUpperCase().split(/\s+/).filter(Boolean);
    const results: IndexedCable[] = [];
    for (const entries of this.#byUri.values()) {
      for (const e of entries) {
        const hay = `${e.name} ${e.subject ?? ''}`.toUpperCase();
        if (words.every((w) => hay.includes(w))) {
          results.push(e);
          if (results.length >= limit) return results;
        }
      }
    }
    return results;
  }

  get fileCount(): number {
    return this.#byUri.size;
  }
}
