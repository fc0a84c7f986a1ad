// Loaded into a language server by the bench only (`node --expose-gc --require …`): on SIGUSR2
// it runs a full garbage collection, waits a second, collects again, and then waits until the
// resident size stops falling before it writes the memory figures to stderr. V8 hands freed
// pages back to the system on a background thread, for a second or two after a collection:
// read at once, a 10 MB document's figure included 9–25 MB about to be returned. So the bench
// reads memory the server keeps, not garbage it has not collected or returned yet.
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  setTimeout(() => {
    gc?.();
    let last = process.memoryUsage().rss;
    let steady = 0;
    const settle = (waited: number) => {
      const rss = process.memoryUsage().rss;
      steady = last - rss < 256 * 1024 ? steady + 1 : 0;
      last = rss;
      if (steady >= 2 || waited >= 5000)
        process.stderr.write(`cable-bench-memory ${JSON.stringify({ ...process.memoryUsage(), settled: steady >= 2 })}\n`);
      else setTimeout(() => settle(waited + 250), 250);
    };
    setTimeout(() => settle(250), 250);
  }, 1000);
});
