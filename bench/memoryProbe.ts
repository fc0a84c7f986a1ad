// Loaded into the language server by the bench only (`node --expose-gc --require …`): on SIGUSR2
// it runs a full garbage collection, gives V8 a second to hand the freed pages back to the system
// (it unmaps them on a background thread), collects again and writes the memory figures to
// stderr, so the bench can tell memory the server keeps from garbage it has not collected yet.
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  setTimeout(() => {
    gc?.();
    process.stderr.write(`cable-bench-memory ${JSON.stringify(process.memoryUsage())}\n`);
  }, 1000);
});
