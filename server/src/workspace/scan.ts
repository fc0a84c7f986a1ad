import { parse } from '../cable/parse';
import type { CableFile } from '../cable/model';

/** The little a workspace scan needs; node supplies it, the browser has none. */
export interface FileSystem {
  /** Entries of a folder URI: names with a flag for folders. */
  readDirectory(uri: string): Promise<{ name: string; directory: boolean }[]>;
  /** UTF-8 text, or undefined when unreadable or larger than `maxBytes`. */
  readFile(uri: string, maxBytes: number): Promise<string | undefined>;
}

export const SCAN_LIMITS = { files: 2000, bytesPerFile: 10_000_000, depth: 8 } as const;
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);

/**
 * Indexes `*.cable` and `*.tel` files below the folders, one file per macrotask so requests keep
 * flowing, within SCAN_LIMITS. Errors end the scan of that folder quietly.
 */
export async function scanWorkspace(
  fs: FileSystem,
  folders: readonly string[],
  found: (uri: string, file: CableFile) => void,
): Promise<number> {
  let count = 0;
  const queue: { uri: string; depth: number }[] = folders.map((uri) => ({ uri, depth: 0 }));
  while (queue.length > 0 && count < SCAN_LIMITS.files) {
    const { uri, depth } = queue.shift()!;
    let entries: { name: string; directory: boolean }[];
    try {
      entries = await fs.readDirectory(uri);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const child = `${uri.replace(/\/$/, '')}/${encodeURIComponent(entry.name)}`;
      if (entry.directory) {
        if (depth < SCAN_LIMITS.depth && !SKIP.has(entry.name) && !entry.name.startsWith('.')) queue.push({ uri: child, depth: depth + 1 });
      } else if (/\.(cable|tel)$/i.test(entry.name) && count < SCAN_LIMITS.files) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const text = await fs.readFile(child, SCAN_LIMITS.bytesPerFile).catch(() => undefined);
        if (text === undefined) continue;
        count++;
        found(child, parse(text));
      }
    }
  }
  return count;
}
