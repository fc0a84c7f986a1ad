// The smallest server vscode-languageserver makes: it answers `initialize` and nothing else.
// Bundled and minified like ours (scripts/build.mjs), without our code cache, it is the bench's
// anchor for start-up: what the protocol library alone costs on this machine.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: {} }));
connection.listen();
