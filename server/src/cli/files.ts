import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** Reads a file as UTF-8 text; refuses directories and binary files with a message that says so. */
export function readCableFile(file: string): { text: string; bytes: number; warning?: string } | { error: string } {
  try {
    if (statSync(file).isDirectory()) return { error: `${file}: is a directory` };
    const bytes = readFileSync(file);
    if (bytes.subarray(0, 8192).includes(0)) return { error: `${file}: looks like a binary file (NUL bytes); skipped` };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes: bytes.length };
    } catch {
      return {
        text: new TextDecoder('utf-8').decode(bytes),
        bytes: bytes.length,
        warning: `${file}: not valid UTF-8; undecodable bytes read as U+FFFD`,
      };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}` };
  }
}
