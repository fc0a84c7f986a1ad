// Loaded into the language server by the bench only (`node --expose-gc --require …`): on SIGUSR2
// it runs a full garbage collection and writes the memory figures to stderr, so the bench can tell
// memory the server keeps from garbage it has not collected yet.
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  process.stderr.write(`cable-bench-memory ${JSON.stringify(process.memoryUsage())}\n`);
});
