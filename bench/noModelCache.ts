// Stands in for server/src/documents.ts in a bench-only build of the server (scripts/build.mjs,
// out/bench/no-model-server.js): every request parses the document again and nothing of the
// parse is kept. The bench measures that build's memory with the same 10 MB document: what running
// the parser costs a process even when the server keeps no model at all, the floor under any
// design that parses the document (a lazy model included).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableFile } from '../server/src/cable/model';
import { parse } from '../server/src/cable/parse';

export class ModelCache {
  get(document: TextDocument): CableFile {
    return parse(document.getText());
  }

  delete(_uri: string): void {}
}
