import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import {
  type ClientCapabilities,
  createProtocolConnection,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../util';

/** The node entry users and VS Code start (it runs dist/server.js with a code cache). */
export const SERVER = path.join(ROOT, 'dist', 'server-node.js');

/** A real LSP client talking JSON-RPC over stdio to the bundled server, as Neovim or Emacs would. */
export class StdioClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly #waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';

  /** `nodeArgs` go to node before the server script (the bench uses them to look at memory). */
  constructor(args: string[] = ['--stdio'], nodeArgs: string[] = [], env: NodeJS.ProcessEnv = process.env, server = SERVER) {
    this.process = spawn(process.execPath, [...nodeArgs, server, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.process.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      for (const w of [...this.#waiters]) {
        if (w.match(params)) {
          this.#waiters.splice(this.#waiters.indexOf(w), 1);
          w.resolve(params);
        }
      }
    });
    this.connection.onUnhandledNotification((n) => this.notifications.push({ method: n.method, params: n.params }));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  configuration: unknown = null;

  async initialize(capabilities: ClientCapabilities = DEFAULT_CAPABILITIES, initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions,
      workspaceFolders: null,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** Resolves with the next publishDiagnostics for `uri` that satisfies `match`. */
  waitForDiagnostics(
    uri: string,
    match: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    const existing = this.diagnostics.get(uri);
    if (existing && match(existing)) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.#waiters.push({
        match: (p) => p.uri === uri && match(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    // A server that stopped answering (a broken stream) is killed after 5 s, and the test fails on
    // its exit code instead of hanging.
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
    try {
      await Promise.race([this.connection.sendRequest('shutdown').then(() => this.connection.sendNotification('exit')), exited]);
    } catch {
      this.process.kill();
    }
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true },
  },
  workspace: { configuration: true },
};

/** One JSON-RPC message as the base protocol frames it. */
export function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

/**
 * Starts the server, writes `messages` to it in one write (so the server reads them together, as it
 * does when a client sends a request and its cancellation back to back), and resolves with every
 * response once those to the ids in `awaiting` have come.
 */
export function rawSession(
  messages: readonly object[],
  awaiting: readonly number[],
): Promise<{ id?: number; result?: unknown; error?: { code: number; message: string } }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const responses: { id?: number; result?: unknown; error?: { code: number; message: string } }[] = [];
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no responses to ${awaiting.join(', ')} within 10 s`));
    }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) break;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
        if (buffer.length < headerEnd + 4 + length) break;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as {
          id?: number;
          method?: string;
        };
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.method === undefined) responses.push(message);
      }
      if (awaiting.every((id) => responses.some((r) => r.id === id))) {
        clearTimeout(timer);
        child.kill();
        resolve(responses);
      }
    });
    child.stdin.write(messages.map(frame).join(''));
  });
}
