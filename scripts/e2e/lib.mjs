// Shared helpers for the end-to-end scripts: paths, logging, bounded child processes that live in
// their own process group (spawn `detached` = setsid) and are always torn down by group.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const RIPGREP_PACKAGE_VERSION = '1.15.11';
export const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Everything downloaded or generated lives here, never inside the repository. */
export const cacheDir = path.resolve(
  process.env.CABLE_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cable-e2e'),
);
export const codeServerPrefix = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = path.join(codeServerPrefix, 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.CABLE_E2E_CHROMIUM || '/usr/bin/chromium';
export const workspaceDir = path.join(root, 'test', 'e2e', 'fixtures', 'workspace');
export const vsixPath = path.join(root, 'cable-language.vsix');
export const extensionId = 'cable-tooling.cable-language';

const started = Date.now();
let logPrefix = 'e2e';
export function log(message) {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stdout.write(`[${logPrefix} ${s}s] ${message}\n`);
}

/** The word in front of every log line (`e2e` unless a script sets its own). */
export function setLogPrefix(prefix) {
  logPrefix = prefix;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects after `ms` with a message naming what timed out. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Process groups

const groups = new Map(); // pgid -> label

/** Sends `signal` to the whole process group; true if the group still existed. */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid) {
  return signalGroup(pgid, 0);
}

/** SIGTERM the group, wait up to `graceMs`, then SIGKILL whatever is left. */
export async function killGroup(pgid, graceMs = 3000) {
  if (!pgid) return;
  if (signalGroup(pgid, 'SIGTERM')) {
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && groupAlive(pgid)) await sleep(100);
    if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
  }
  groups.delete(pgid);
}

/** Registers a process group started by someone else (e.g. Playwright's browser) for teardown. */
export function trackGroup(pgid, label) {
  installExitHandlers();
  groups.set(pgid, label);
}

export async function killAllGroups() {
  await Promise.all([...groups.keys()].map((pgid) => killGroup(pgid, 2000)));
}

function killAllGroupsSync() {
  for (const pgid of groups.keys()) signalGroup(pgid, 'SIGKILL');
  groups.clear();
}

let handlersInstalled = false;
let signalHandler = async (signal) => {
  log(`received ${signal}, stopping child processes`);
  await killAllGroups();
  process.exit(130);
};

/** Make sure no process group outlives this script, whatever way it ends. */
export function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllGroupsSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => signalHandler(signal));
}

/**
 * Replaces what SIGINT, SIGTERM and SIGHUP do (by default: kill every group, exit 130). The
 * handler must end the process; groups left running are still killed on exit.
 */
export function onSignal(handler) {
  installExitHandlers();
  signalHandler = handler;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Removes the `<prefix><pid>` folders of `parent` whose process is gone, except `keep`: per-process
 * state of earlier runs (run-<pid>, serve-<pid>) that ended without cleaning up.
 */
export function removeDeadProcessDirs(parent, prefix, keep) {
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    const dir = path.join(parent, name);
    if (dir === keep || isAlive(Number(name.slice(prefix.length)))) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts a long-running child in its own process group (setsid). Returns the child; its pid is
 * the group id. Output goes to `logStream` (or is inherited).
 */
export function startGroup(command, args, { env, cwd, label, logStream } = {}) {
  installExitHandlers();
  const child = spawn(command, args, {
    cwd: cwd ?? root,
    env: env ?? process.env,
    detached: true, // setsid(): new session and process group, pgid === child.pid
    stdio: logStream ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  if (logStream) {
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
  }
  if (child.pid) groups.set(child.pid, label ?? command);
  return child;
}

/**
 * Runs a command to completion in its own process group, with a hard timeout that kills the group.
 * Resolves with { code, output }; rejects on timeout or (unless `allowFailure`) non-zero exit.
 */
export function runCommand(command, args, { env, cwd, timeoutMs = 300_000, quiet = false, allowFailure = false, label } = {}) {
  installExitHandlers();
  const name = label ?? [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: cwd ?? root,
      env: env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid) groups.set(child.pid, name);
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      if (output.length > 4_000_000) output = output.slice(-2_000_000);
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, 2000);
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      groups.delete(child.pid);
      reject(new Error(`${name}: ${err.message}`));
    });
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      // The leader is gone; make sure nothing it started lingers in its group.
      await killGroup(child.pid, 1000);
      if (timedOut) {
        reject(Object.assign(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s: ${name}`), { output }));
      } else if (code !== 0 && !allowFailure) {
        reject(Object.assign(new Error(`${name} exited with ${code ?? signal}`), { output, code }));
      } else {
        resolve({ code, output });
      }
    });
  });
}

/** Lists files below `dir` (recursively) whose path matches `re`. */
export function findFiles(dir, re, found = []) {
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) findFiles(full, re, found);
    else if (re.test(full)) found.push(full);
  }
  return found;
}
