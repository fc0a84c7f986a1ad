import { readdir, readFile, stat } from 'node:fs/promises';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
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

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || !args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
  process.stdout.write(`${HELP}\n`);
} else {
  startServer(createConnection(ProposedFeatures.all), { fileSystem });
}
