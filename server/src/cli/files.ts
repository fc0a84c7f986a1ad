import { type Dirent, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/** The files FILE|DIR|GLOB arguments name, in order, and a message for each argument that names none. */
export function expandArguments(args: readonly string[]): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    const found = expandArgument(arg);
    if (found.length === 0)
      problems.push(`${arg}: ${isGlob(arg) ? 'no file matches' : 'a directory without *.cable, *.tel or *.txt files'}`);
    files.push(...found);
  }
  return { files, problems };
}

/** A file as given; a directory's cable files, recursively; a glob's matches. */
export function expandArgument(arg: string): string[] {
  if (arg === '-') return [arg];
  if (isGlob(arg)) {
    const parts = arg.split(/[\\/]/);
    const fixed: string[] = [];
    while (parts.length > 0 && !isGlob(parts[0])) fixed.push(parts.shift()!);
    const base = fixed.join('/') || '.';
    const pattern = globPattern(parts.join('/'));
    return walk(base)
      .filter((f) => pattern.test(path.relative(base, f).split(path.sep).join('/')))
      .sort();
  }
  try {
    if (statSync(arg).isDirectory())
      return walk(arg)
        .filter((f) => /\.(cable|tel|txt)$/i.test(f))
        .sort();
  } catch {
    // A missing file is reported when it is read.
  }
  return [arg];
}

function isGlob(arg: string): boolean {
  return /[*?]/.test(arg);
}

function walk(dir: string, found: string[] = []): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(full, found);
    } else if (e.isFile()) {
      found.push(full);
    }
  }
  return found;
}

/** `**` any folders, `*` within a name, `?` one character; everything else literal. */
function globPattern(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      source += '(?:[^/]*/)*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The files' sizes added up, without reading them. */
export function totalBytes(files: readonly string[]): number {
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file).size;
    } catch {
      // Reported when the file is read.
    }
  }
  return total;
}

/** How `-` (standard input) is named in reports. */
export const STDIN_NAME = '<stdin>';

/**
 * The longest file read: V8's longest string is 2^29 − 24 UTF-16 units, and UTF-8 never decodes to
 * more units than it has bytes, so a file of at most this many bytes always fits in one string.
 */
export const ENGINE_MAX_FILE_BYTES = 0x1fffffe8;

/** `565 MB` */
export function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return `${mb >= 10 ? mb.toFixed(0) : String(Number(mb.toPrecision(2)))} MB`;
}

function tooLarge(file: string, bytes: number, maxBytes: number): { error: string } {
  return { error: `${file}: file too large (${megabytes(bytes)}; at most ${megabytes(maxBytes)} per file)` };
}

/**
 * Reads a file (`-`: standard input) as UTF-8 text; refuses directories, binary files and files
 * over `maxBytes` with a message that says so. The size is checked before anything is read (on
 * standard input, while it is read), so a file too large for one string never reaches the decoder.
 */
export function readCableFile(
  file: string,
  maxBytes = ENGINE_MAX_FILE_BYTES,
): { text: string; bytes: number; warning?: string } | { error: string; bytes?: number } {
  try {
    let bytes: Buffer;
    let name = file;
    if (file === '-') {
      name = STDIN_NAME;
      const read = readStandardInput(maxBytes);
      if ('tooLarge' in read) return { ...tooLarge(name, read.tooLarge, maxBytes), bytes: read.tooLarge };
      bytes = read.bytes;
    } else {
      const stat = statSync(file);
      if (stat.isDirectory()) return { error: `${file}: is a directory` };
      if (stat.size > maxBytes) return { ...tooLarge(file, stat.size, maxBytes), bytes: stat.size };
      bytes = readFileSync(file);
      if (bytes.length > maxBytes) return { ...tooLarge(file, bytes.length, maxBytes), bytes: bytes.length };
    }
    if (bytes.subarray(0, 8192).includes(0)) return { error: `${name}: looks like a binary file (NUL bytes); skipped` };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes: bytes.length };
    } catch {
      return {
        text: new TextDecoder('utf-8').decode(bytes),
        bytes: bytes.length,
        warning: `${name}: not valid UTF-8; undecodable bytes read as U+FFFD`,
      };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}` };
  }
}

/** Standard input to its end, in chunks; past `maxBytes` the rest is read and counted but not kept. */
function readStandardInput(maxBytes: number): { bytes: Buffer } | { tooLarge: number } {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(1 << 20);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking descriptor (a terminal, some pipes) with nothing yet: wait a little.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total <= maxBytes) chunks.push(Buffer.from(buffer.subarray(0, n)));
    else chunks.length = 0;
  }
  return total > maxBytes ? { tooLarge: total } : { bytes: Buffer.concat(chunks) };
}
