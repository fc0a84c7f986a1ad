// The smallest server vscode-languageserver makes that keeps what an editor sends it: it answers
// `initialize` and holds open documents (TextDocuments), and does nothing else. Bundled and
// minified like ours (scripts/build.mjs), without our code cache, it is the bench's anchor for
// start-up (what the protocol library alone costs on this machine) and for memory with a large
// document open (what any server pays for the process and the text, before it parses anything).
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
// Lets the bench check that the document arrived and is held before it reads the memory.
connection.onRequest('bench/documentLength', (uri: string) => documents.get(uri)?.getText().length ?? -1);
documents.listen(connection);
connection.listen();
