import { format, type InspectOptions, inspect } from 'node:util';
import {
  type Connection,
  createConnection,
  type ContentTypeEncoder,
  ProposedFeatures,
  type RemoteConsole,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { messageBytes } from './features/jsonText';
import {
  fileStorage,
  indexStoragePath,
  indexWorkerCount,
  isIndexWorker,
  nodeFileReader,
  nodeFileSystem,
  runIndexWorker,
  WorkerPoolIndexer,
} from './nodeIndex';
import { type IndexHost, startServer, VERSION } from './server';
import { InThreadIndexer } from './workspace/scan';

const HELP = `cable-language-server ${VERSION}
Language server for US State Department cables (LSP over stdio).

Usage: cable-language-server --stdio
       cable-language-server --node-ipc | --socket=PORT
Options: --version, --help`;

declare const __filename: string;

/** Files read and parsed by worker threads running this same bundle (`CABLE_INDEX_WORKERS=0`: in the server thread). */
const indexHost: IndexHost = {
  fileSystem: nodeFileSystem,
  createIndexer() {
    const workers = indexWorkerCount();
    return workers === 0 ? new InThreadIndexer(nodeFileReader) : new WorkerPoolIndexer(__filename, workers);
  },
  storage(storageFolder, workspaceFolders) {
    const file = indexStoragePath(storageFolder, workspaceFolders);
    return file ? { storage: fileStorage(file), path: file } : undefined;
  },
};

/** Set when the client asked the server to shut down: the exit code then says the stop was clean. */
let shutdown = false;

/** vscode-jsonrpc's application/json encoder, sending results registered in jsonText.ts as their known bytes. */
const jsonBytesEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message, options) {
    try {
      return Promise.resolve(options.charset === 'utf-8' ? messageBytes(message) : Buffer.from(JSON.stringify(message), options.charset));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};

/**
 * The --stdio connection with our encoder. vscode-languageserver builds its own writer for
 * --stdio, so what it does besides is done here: the server exits when the client closes stdin,
 * and, since stdout carries the protocol, console output goes to the client's log.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: jsonBytesEncoder });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  // The exit code tells a clean shutdown (the stdio tests check it is 0).
  reader.onClose(() => process.exit(shutdown ? 0 : 1));
  routeConsole(connection.console);
  return connection;
}

/**
 * Console output as window/logMessage, method for method as vscode-languageserver does for
 * --stdio, plus dirxml (which writes to stdout directly too); arguments are formatted as node's
 * console does (`%s`, `%d`… included: timeLog and timeEnd pass their text that way).
 */
function routeConsole(logger: RemoteConsole): void {
  const serialize = (args: unknown[]) => format(...args);
  const counters = new Map<string, number>();
  console.assert = (assertion?: unknown, ...args: unknown[]) => {
    if (assertion) return;
    if (args.length === 0) logger.error('Assertion failed');
    else logger.error(`Assertion failed: ${serialize(args)}`);
  };
  console.count = (label = 'default') => {
    const counter = (counters.get(String(label)) ?? 0) + 1;
    counters.set(String(label), counter);
    logger.log(`${String(label)}: ${counter}`);
  };
  console.countReset = (label?: string) => {
    if (label === undefined) counters.clear();
    else counters.delete(String(label));
  };
  console.debug = (...args: unknown[]) => logger.log(serialize(args));
  // dir and dirxml write to stdout directly, not through console.log.
  console.dir = (arg: unknown, options?: InspectOptions) => logger.log(inspect(arg, options));
  console.dirxml = (...args: unknown[]) => logger.log(serialize(args));
  console.log = (...args: unknown[]) => logger.log(serialize(args));
  console.error = (...args: unknown[]) => logger.error(serialize(args));
  console.trace = (...args: unknown[]) => {
    // Without the "Error" line and this function's frame.
    const stack = (new Error().stack ?? '').split('\n').slice(2).join('\n');
    logger.log(`Trace${args.length ? `: ${serialize(args)}` : ''}\n${stack}`);
  };
  console.warn = (...args: unknown[]) => logger.warn(serialize(args));
  console.info = (...args: unknown[]) => logger.info(serialize(args));
}

const args = process.argv.slice(2);
if (isIndexWorker()) {
  runIndexWorker();
} else if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else if (
  args.includes('--help') ||
  !args.some(
    (a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'),
  )
) {
  process.stdout.write(`${HELP}\n`);
} else {
  // The first transport argument decides, as in vscode-languageserver.
  const transport = args.find((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a));
  startServer(transport === '--stdio' ? stdioConnection() : createConnection(ProposedFeatures.all), {
    index: indexHost,
    onShutdown: () => {
      shutdown = true;
    },
  });
}
