/**
 * The workspace index where the server has no file system (a Web Worker on vscode.dev): folders and
 * files come from the client, which reads them through workspace.fs, and are parsed in this thread
 * between requests. Bounded: the client reads whole files, so the index stops at a number of files.
 */
import type { Connection } from 'vscode-languageserver';
import { type ParamsOf, type ResultOf, WorkspaceFsReadDirectoryRequest, WorkspaceFsReadFileRequest } from './protocol/cable';
import type { IndexHost } from './server';
import { InThreadIndexer, MAX_FILE_BYTES } from './workspace/scan';

export function clientIndexHost(connection: Connection, limit: number): IndexHost & { readonly limit: number } {
  return {
    limit,
    fileSystem: {
      readDirectory: (uri) =>
        connection.sendRequest<ResultOf<typeof WorkspaceFsReadDirectoryRequest>>(WorkspaceFsReadDirectoryRequest.method, {
          uri,
        } satisfies ParamsOf<typeof WorkspaceFsReadDirectoryRequest>),
      // No links to follow through workspace.fs's listing: a folder is itself.
      realPath: (uri) => Promise.resolve(uri),
    },
    createIndexer: () =>
      new InThreadIndexer({
        async open(uri) {
          const file = await connection.sendRequest<ResultOf<typeof WorkspaceFsReadFileRequest>>(WorkspaceFsReadFileRequest.method, {
            uri,
            maxBytes: MAX_FILE_BYTES,
          } satisfies ParamsOf<typeof WorkspaceFsReadFileRequest>);
          if (!file) return undefined;
          const bytes = fromBase64(file.base64);
          let position = 0;
          return {
            size: file.size,
            mtime: file.mtime,
            read(count: number) {
              const chunk = bytes.subarray(position, position + count);
              position += chunk.length;
              return Promise.resolve(chunk);
            },
            close: () => Promise.resolve(),
          };
        },
      }),
    storage: () => undefined,
  };
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
