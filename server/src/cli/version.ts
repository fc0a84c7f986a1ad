declare const __VERSION__: string | undefined;

/** package.json's version, defined in the bundles by scripts/build.mjs; tsc's output (the tests) has none. */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
