/**
 * The one server bundle for both hosts: under node it serves stdio/IPC, in a Web Worker it serves
 * postMessage. Shipping one file instead of two halves the extension's size; the other host's
 * code is bundled but never initialised.
 */
declare const process: { versions?: { node?: string } } | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- the host's half is loaded at run time, the other never */
if (typeof process === 'object' && typeof process?.versions?.node === 'string') {
  require('./node');
} else {
  require('./browser');
}
