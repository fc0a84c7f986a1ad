// A worker script for parallel.test.ts that dies on its first chunk, as a worker that runs out of
// memory would: the CLI must still report every file.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => {
  throw new Error('worker crashed on purpose');
});
