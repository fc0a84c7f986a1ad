import type { Message } from 'vscode-languageserver';

/**
 * Results whose JSON is already known, as UTF-8 bytes. The outline of a large export is hundreds
 * of KB of JSON, most of it from cables an edit did not touch; serializing and encoding it again on
 * every request took as long as the rest of the request. A feature keeps each cable's bytes with
 * its cached result, the server registers them for the response here, and the stdio writer
 * (node.ts) sends them instead of running JSON.stringify on the result.
 *
 * The result itself stays an ordinary value: transports that serialize on their own (node IPC,
 * the browser's postMessage) send it as usual, and so is any result never registered.
 */
const registered = new WeakMap<object, () => readonly Uint8Array[]>();
const utf8 = new TextEncoder();

/** Registers the JSON of `value` in parts; joined, they must parse to exactly `value`. */
export function withJsonBytes<T extends object>(value: T, jsonBytes: (() => readonly Uint8Array[]) | undefined): T {
  if (jsonBytes) registered.set(value, jsonBytes);
  return value;
}

/**
 * JSON text with every character beyond ASCII written as a \u escape: the same value once parsed,
 * but a client decodes pure ASCII faster and
 * parses it as a one-byte string.
 */
export function asciiJson(value: unknown): Uint8Array {
  const json = JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return utf8.encode(json);
}

const OPEN = utf8.encode('[');
const COMMA = utf8.encode(',');
const CLOSE = utf8.encode(']');
const MESSAGE_END = utf8.encode('}');

/** An array's JSON from its elements' JSON. */
export function arrayJson(elements: readonly Uint8Array[]): Uint8Array[] {
  const parts: Uint8Array[] = [OPEN];
  elements.forEach((element, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(element);
  });
  parts.push(CLOSE);
  return parts;
}

/** The message as UTF-8 JSON, with a registered result's bytes put in place of serializing it. */
export function messageBytes(message: Message): Uint8Array {
  const result = (message as { result?: unknown }).result;
  const jsonBytes = typeof result === 'object' && result !== null ? registered.get(result) : undefined;
  if (!jsonBytes) return utf8.encode(JSON.stringify(message));
  // The rest of the message is serialized as usual and the result goes last, as vscode-jsonrpc
  // writes a response: {"jsonrpc","id","result"}.
  const { result: _, ...rest } = message as { result?: unknown };
  const head = JSON.stringify(rest);
  const parts = [utf8.encode(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"result":`), ...jsonBytes(), MESSAGE_END];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
