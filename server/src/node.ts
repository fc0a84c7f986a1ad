import { readdir, readFile, stat } from 'node:fs/promises';
import { format } from 'node:util';
import {
  type Connection, createConnection, type ContentTypeEncoder, ProposedFeatures, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { messageBytes } from './features/jsonText';
import { startServer, VERSION } from './server';
import type { FileSystem } from './workspaceScan';

const HELP = `cable-language-server ${VERSION}
Language server for US State Department cables (LSP over stdio).

Usage: cable-language-server --stdio
       cable-language-server --node-ipc | --socket=PORT
Options: --version, --help`;

const fileSystem: FileSystem = {
  async readDirectory(uri) {
    const entries = await readdir(URI.parse(uri).fsPath, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, directory: e.isDirectory() }));
  },
  async readFile(uri, maxBytes) {
    const path = URI.parse(uri).fsPath;
    if ((await stat(path)).size > maxBytes) return undefined;
    return readFile(path, 'utf8');
  },
};

/** vscode-jsonrpc's application/json encoder, sending results registered in jsonText.ts as their known bytes. */
const jsonBytesEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message, options) {
    try {
      return Promise.resolve(options.charset === 'utf-8' ? messageBytes(message) : Buffer.from(JSON.stringify(message), options.charset));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};

/**
 * The --stdio connection with our encoder. vscode-languageserver builds its own writer for
 * --stdio, so what it does besides is done here: stdout carries the protocol, so console output
 * goes to the client's log; and the server exits when the client closes stdin.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: jsonBytesEncoder });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  reader.onClose(() => process.exit(shutdown ? 0 : 1));
  const log = (write: (message: string) => void) => (...args: unknown[]) => write(format(...args));
  console.log = console.info = console.debug = log((m) => connection.console.log(m));
  console.warn = log((m) => connection.console.warn(m));
  console.error = console.trace = log((m) => connection.console.error(m));
  return connection;
}

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || !args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
  process.stdout.write(`${HELP}\n`);
} else {
  // The first transport argument decides, as in vscode-languageserver.
  const transport = args.find((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a));
  startServer(transport === '--stdio' ? stdioConnection() : createConnection(ProposedFeatures.all), { fileSystem });
}
