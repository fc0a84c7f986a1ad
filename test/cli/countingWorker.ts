// A worker script for parallel.test.ts: the CLI's own worker, plus a line per chunk in the file
// named by CABLE_TEST_CHUNKS, so the test can prove that the files went through worker threads.
import { appendFileSync } from 'node:fs';
import { parentPort, threadId } from 'node:worker_threads';

// Registered before the CLI's listener, which replies: after the last reply the worker is terminated.
parentPort?.on('message', (request: { files: string[] }) => {
  appendFileSync(process.env.CABLE_TEST_CHUNKS!, `${threadId} ${request.files.length}\n`);
});
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the listener above is in place
require('../../server/src/cli/main');
