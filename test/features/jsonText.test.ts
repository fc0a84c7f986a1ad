import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Message } from 'vscode-languageserver';
import { arrayJson, asciiJson, messageBytes, withJsonBytes } from '../../server/src/features/jsonText';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

test('a message without registered JSON is exactly JSON.stringify, as UTF-8', () => {
  const message = { jsonrpc: '2.0', id: 7, result: [{ name: 'Résumé — ¶ \uD83D\uDE00', kind: 16 }] } as Message;
  assert.equal(decode(messageBytes(message)), JSON.stringify(message));
  const notification = { jsonrpc: '2.0', method: 'cable/status', params: { uri: 'file:///a' } } as Message;
  assert.equal(decode(messageBytes(notification)), JSON.stringify(notification));
});

test('a registered result is sent as its bytes and parses to the same message', () => {
  fc.assert(
    fc.property(fc.array(fc.jsonValue(), { maxLength: 6 }), fc.oneof(fc.integer(), fc.string()), (elements, id) => {
      const result = withJsonBytes([...elements], () => arrayJson(elements.map(asciiJson)));
      const message = { jsonrpc: '2.0', id, result } as Message;
      const text = decode(messageBytes(message));
      assert.match(text, /^[\x20-\x7e]*$/, 'pure ASCII');
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(message)));
    }),
    { numRuns: 300 },
  );
});

test('asciiJson escapes every character beyond ASCII, lone surrogates included, and round-trips', () => {
  for (const value of ['é', '—', '\u007f', '\uD83D\uDE00', '\uD800', 'plain', { s: 'a\u2028b' }]) {
    const text = decode(asciiJson(value));
    assert.match(text, /^[\x20-\x7e]*$/);
    assert.deepEqual(JSON.parse(text), value);
  }
});

test('only the result registered is replaced: a copy of it is serialized as usual', () => {
  const result = withJsonBytes([1, 2], () => arrayJson([asciiJson(1), asciiJson(2)]));
  const copy = [...result, 3];
  assert.equal(decode(messageBytes({ jsonrpc: '2.0', id: 1, result: copy } as Message)), '{"jsonrpc":"2.0","id":1,"result":[1,2,3]}');
  assert.equal(decode(messageBytes({ jsonrpc: '2.0', id: 1, result } as Message)), '{"jsonrpc":"2.0","id":1,"result":[1,2]}');
});
