import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { progressLine } from '../../server/src/cli/progress';
import { defaultJobs, PARALLEL_MIN_FILES } from '../../server/src/cli/workers';
import { corpusAvailable, CORPUS, ROOT } from '../util';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
const FIXTURES = ['collapsed.cable', 'multiLine.cable', 'old.cable', 'oneLine.cable', 'partialCrlf.cable'].map((f) =>
  path.join(ROOT, 'test', 'fixtures', f),
);

/** More files than the parallel threshold, in nested folders, with an invalid-UTF-8 file whose warning must keep its place. */
function largeRun(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cable-parallel-'));
  let n = 0;
  for (let copy = 0; n <= PARALLEL_MIN_FILES + 10; copy++) {
    const sub = path.join(dir, `batch${copy % 3}`, `copy${copy}`);
    mkdirSync(sub, { recursive: true });
    for (const f of [...FIXTURES, path.join(ROOT, 'samples', 'sample.cable')]) {
      writeFileSync(path.join(sub, `${n++}-${path.basename(f)}`), readFileSync(f));
    }
  }
  writeFileSync(
    path.join(dir, 'batch1', 'latin1.cable'),
    Buffer.concat([Buffer.from('UNCLAS STATE 000001\n\n1. (U) Caf'), Buffer.from([0xe9]), Buffer.from('.\n')]),
  );
  return dir;
}

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

for (const format of ['json', 'sarif', 'text']) {
  test(`--jobs 2 prints exactly what --jobs 1 prints (${format}), in the same order`, () => {
    const dir = largeRun();
    const serial = run('--jobs', '1', '--format', format, dir);
    const parallel = run('--jobs', '2', '--format', format, dir);
    assert.equal(serial.status, 1, serial.stderr);
    assert.equal(parallel.status, serial.status);
    assert.equal(parallel.stdout, serial.stdout);
    assert.equal(parallel.stderr, serial.stderr);
    assert.match(serial.stderr, /^cable-lint: warning: .*latin1\.cable: not valid UTF-8;[^\n]*\n$/);
    if (format === 'json') {
      const files = JSON.parse(parallel.stdout).files.map((f: { file: string }) => f.file);
      assert.ok(files.length > PARALLEL_MIN_FILES);
      assert.deepEqual(files, [...files].sort(), 'files in path order');
    }
  });
}

test(
  'over a corpus subset above the threshold, json and sarif are identical serial and parallel',
  { skip: corpusAvailable() ? false : 'no corpus at ../shared/corpus/real' },
  () => {
    const files = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 150)
      .map((f) => path.join(CORPUS, f));
    for (const format of ['json', 'sarif']) {
      const serial = run('--jobs', '1', '--format', format, ...files);
      const parallel = run('--jobs', '2', '--format', format, ...files);
      assert.equal(parallel.status, serial.status);
      assert.equal(parallel.stdout, serial.stdout, format);
      assert.equal(parallel.stderr, serial.stderr);
      if (format === 'json') assert.equal(JSON.parse(serial.stdout).files.length, 150);
    }
  },
);

test('in the parallel path --jobs 3 lints in this thread and two workers, each file once', async () => {
  const dir = largeRun();
  const chunks = path.join(mkdtempSync(path.join(tmpdir(), 'cable-chunks-')), 'chunks.txt');
  writeFileSync(chunks, '');
  process.env.CABLE_TEST_CHUNKS = chunks;
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    ['--jobs', '3', '--format', 'json', dir],
    (s) => out.push(s),
    (s) => err.push(s),
    { workerScript: path.join(__dirname, 'countingWorker.js') },
  );
  delete process.env.CABLE_TEST_CHUNKS;
  const serial = run('--jobs', '1', '--format', 'json', dir);
  assert.equal(code, serial.status);
  assert.equal(`${out.join('\n')}\n`, serial.stdout);
  assert.equal(`${err.join('\n')}\n`, serial.stderr);
  const lines = readFileSync(chunks, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(' ').map(Number));
  assert.equal(new Set(lines.map(([thread]) => thread)).size, 2, 'two workers linted chunks');
  const inWorkers = lines.reduce((n, [, files]) => n + files, 0);
  const total = JSON.parse(serial.stdout).files.length;
  assert.ok(inWorkers > 0 && inWorkers < total, `${inWorkers} of ${total} files in workers, the rest in the main thread`);
});

test('unreadable files in the parallel path: same messages in the same place, the others reported, exit code 2', () => {
  const dir = largeRun();
  writeFileSync(path.join(dir, 'batch0', 'image.cable'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  const args = ['--format', 'json', path.join(dir, 'missing.cable'), dir, path.join(dir, 'also-missing.tel')];
  const serial = run('--jobs', '1', ...args);
  const parallel = run('--jobs', '2', ...args);
  assert.equal(parallel.status, 2);
  assert.equal(serial.status, 2);
  assert.equal(parallel.stderr, serial.stderr);
  assert.equal(parallel.stdout, serial.stdout);
  const messages = parallel.stderr.trim().split('\n');
  assert.match(messages[0], /missing\.cable: no such file/);
  assert.match(messages.at(-1)!, /also-missing\.tel: no such file/);
  assert.ok(messages.some((m) => /image\.cable: looks like a binary file/.test(m)));
  assert.ok(JSON.parse(parallel.stdout).files.length > PARALLEL_MIN_FILES);
});

test('a worker that dies has its files linted in the main thread', async () => {
  const dir = largeRun();
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    ['--jobs', '2', dir],
    (s) => out.push(s),
    (s) => err.push(s),
    { workerScript: path.join(__dirname, 'crashingWorker.js') },
  );
  const serial = run('--jobs', '1', dir);
  assert.equal(code, serial.status);
  assert.equal(`${out.join('\n')}\n`, serial.stdout);
  assert.equal(`${err.join('\n')}\n`, serial.stderr);
});

test('--jobs must be a whole number from 1', () => {
  for (const bad of ['0', '-2', '1.5', 'many']) {
    const result = run('--jobs', bad, path.join(ROOT, 'samples', 'sample.cable'));
    assert.equal(result.status, 2, bad);
    assert.match(result.stderr, /--jobs takes a whole number/);
  }
  assert.equal(run('--jobs=1', path.join(ROOT, 'samples', 'sample.cable')).status, 1, '--jobs=N works, and a small run is unaffected');
  assert.match(run('--help').stdout, /--jobs N[\s\S]*progress bar[\s\S]*Exit codes/);
});

test('no progress output when stderr is a pipe (CI logs)', () => {
  const result = run('--format', 'json', largeRun());
  assert.doesNotMatch(result.stderr, /\r|files\/s|\x1b/);
});

test('the progress line shows files, MB, files/s, time left and threads', () => {
  assert.equal(progressLine(0, 1420, 0, 14_100_000, 0, 2), '[------------] 0/1420 files  0.0/14.1 MB  0 files/s  ETA --:--  2 threads');
  assert.equal(
    progressLine(710, 1420, 7_060_000, 14_100_000, 2, 1),
    '[######------] 710/1420 files  7.1/14.1 MB  355 files/s  ETA 0:02  1 thread',
  );
  assert.match(progressLine(100, 250_000, 1e6, 2.5e9, 100, 2), /ETA 69:\d\d:\d\d/);
});

const ttySkip = SCRIPT ? false : 'util-linux `script` is not installed, so no pseudo-terminal can be given to the CLI';

test('a progress bar is drawn on a terminal and erased before the end; stdout is unchanged', { skip: ttySkip }, () => {
  const dir = largeRun();
  const outFile = path.join(dir, 'out.json');
  const tty = spawnSync(
    SCRIPT!,
    ['-qec', `${shq(process.execPath)} ${shq(CLI)} --jobs 2 --format json ${shq(dir)} > ${shq(outFile)}`, '/dev/null'],
    { encoding: 'utf8' },
  );
  assert.equal(tty.status, 1, tty.stderr);
  // What the terminal received: stderr only, since stdout went to the file.
  const screen = tty.stdout;
  assert.match(screen, /\r\[[#-]{12}\] \d+\/\d+ files {2}\d+\.\d\/\d+\.\d MB {2}\d+ files\/s {2}ETA (--:--|\d+:\d\d) {2}2 threads\x1b\[K/);
  assert.ok(screen.startsWith('\r['), JSON.stringify(screen.slice(0, 40)));
  // The invalid-UTF-8 warning is printed on a line of its own: the bar is erased first.
  assert.match(screen, /\r\x1b\[Kcable-lint: warning: .*latin1\.cable: not valid UTF-8;[^\r\n]*\r?\n/);
  // Whatever came last (the final frame, or a warning that erased it), no bar is left on screen.
  const lastFrame = screen.lastIndexOf('\r[');
  assert.ok(screen.indexOf('\r\x1b[K', lastFrame + 1) > lastFrame, `the last frame is erased: ${JSON.stringify(screen.slice(-120))}`);
  assert.doesNotMatch(screen.slice(screen.indexOf('\r\x1b[K', lastFrame + 1)), /files\/s/);
  assert.equal(readFileSync(outFile, 'utf8'), run('--jobs', '1', '--format', 'json', dir).stdout);
});

test('no progress bar on a terminal with --quiet, nor when only stdout is a terminal', { skip: ttySkip }, () => {
  const dir = largeRun();
  const quiet = spawnSync(
    SCRIPT!,
    ['-qec', `${shq(process.execPath)} ${shq(CLI)} --quiet --format json ${shq(dir)} > /dev/null`, '/dev/null'],
    { encoding: 'utf8' },
  );
  assert.equal(quiet.status, 1);
  assert.equal(quiet.stdout, '', '--quiet: not even the UTF-8 warning');
  const errFile = path.join(dir, 'err.txt');
  const stdoutOnly = spawnSync(
    SCRIPT!,
    ['-qec', `${shq(process.execPath)} ${shq(CLI)} --format json ${shq(dir)} 2> ${shq(errFile)}`, '/dev/null'],
    { encoding: 'utf8' },
  );
  assert.equal(stdoutOnly.status, 1);
  assert.match(readFileSync(errFile, 'utf8'), /^cable-lint: warning: .*latin1\.cable: not valid UTF-8;[^\n]*\n$/);
  assert.doesNotMatch(stdoutOnly.stdout, /files\/s/);
});

test('JSON streamed file by file is exactly JSON.stringify(…, null, 2) of the whole document', () => {
  const result = run('--format', 'json', largeRun());
  assert.equal(result.stdout, `${JSON.stringify(JSON.parse(result.stdout), null, 2)}\n`);
  const none = run('--format', 'json', path.join(ROOT, 'no-such-file.cable'));
  assert.equal(none.status, 2);
  assert.equal(none.stdout, '{\n  "files": []\n}\n', 'only unreadable files: still one document');
});

test('--jobs defaults to one thread on two CPUs or fewer, where a second did not pay, and to one less than the CPUs above', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 16].map((cpus) => defaultJobs(cpus)),
    [1, 1, 2, 3, 15],
  );
  assert.match(run('--help').stdout, new RegExp(`here ${defaultJobs()}\\)`));
});
