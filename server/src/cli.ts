import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from './cable/parse';
import type { Cable } from './cable/model';
import { dtgToIso } from './cable/dates';
import { computeDiagnostics, type LintDiagnostic, parseRuleSettings, RULES, type RuleSettings, severityFor } from './diagnostics/engine';
import { runDemo } from './demo';

const USAGE = `Usage: cable-lint [--format text|json|sarif] [--rules JSON] [--summary] FILE|DIR|GLOB...

Parses US State Department cables and prints their metadata and diagnostics.
A directory is searched for *.cable, *.tel and *.txt files; a quoted glob ('corpus/**/*.txt') is
expanded here.

Options:
  --format text|json|sarif   output format (default: text); sarif is SARIF 2.1.0 for code scanning
  --rules JSON         severity per rule code or family prefix, e.g. '{"cable/tags-*":"off"}'
  --summary            counts per rule, per classification and per station (on stderr with json/sarif)
  --demo               show the outline, diagnostics and hovers of a bundled sample cable
  --version, --help

Exit codes: 0 no error-level diagnostic; 1 at least one error-level diagnostic;
2 a file could not be read or the arguments were wrong (the other files are still processed).`;

export interface CableSummary {
  readonly referenceId: string | null;
  readonly classification: string | null;
  readonly caveats: readonly string[];
  readonly dtg: string | null;
  readonly from: string | null;
  readonly tags: readonly string[];
  readonly subject: string | null;
  readonly references: readonly string[];
  readonly paragraphs: readonly { number: string; marking: string | null; line: number }[];
  readonly range: { startLine: number; endLine: number };
}

export function summarize(cable: Cable): CableSummary {
  const dtg = cable.dtg?.token.value;
  return {
    referenceId: cable.referenceId ?? null,
    classification: cable.classification.label ?? null,
    caveats: cable.classification.caveats,
    dtg: dtg ? (dtgToIso(dtg) ?? cable.dtg!.token.text) : null,
    from: cable.header?.from?.address?.text ?? null,
    tags: cable.tags?.tags.map((t) => t.value) ?? [],
    subject: cable.subject?.text ?? null,
    references: cable.references?.entries.map((e) => e.cable?.referenceId ?? e.text) ?? [],
    paragraphs: cable.paragraphs.map((p) => ({ number: p.number.text, marking: p.marking?.text ?? null, line: p.number.range.start.line + 1 })),
    range: { startLine: cable.range.start.line + 1, endLine: cable.range.end.line + 1 },
  };
}

interface FileResult {
  readonly file: string;
  readonly cables: CableSummary[];
  readonly diagnostics: LintDiagnostic[];
}

/** Reads a file as UTF-8 text; refuses directories and binary files with a message that says so. */
export function readCableFile(file: string): { text: string; warning?: string } | { error: string } {
  try {
    if (statSync(file).isDirectory()) return { error: `${file}: is a directory` };
    const bytes = readFileSync(file);
    if (bytes.subarray(0, 8192).includes(0)) return { error: `${file}: looks like a binary file (NUL bytes); skipped` };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { text: new TextDecoder('utf-8').decode(bytes), warning: `${file}: not valid UTF-8; undecodable bytes read as U+FFFD` };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}` };
  }
}

export function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  let format: 'text' | 'json' | 'sarif' = 'text';
  let summary = false;
  let rules: RuleSettings = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      out(USAGE);
      return 0;
    } else if (arg === '--version') {
      out(VERSION);
      return 0;
    } else if (arg === '--demo') {
      out(runDemo());
      return 0;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (value !== 'text' && value !== 'json' && value !== 'sarif') {
        err(`cable-lint: --format takes text, json or sarif, not ${value ?? 'nothing'}`);
        return 2;
      }
      format = value;
    } else if (arg === '--summary') {
      summary = true;
    } else if (arg === '--rules' || arg.startsWith('--rules=')) {
      const value = arg.includes('=') ? arg.slice(8) : argv[++i];
      const parsed = parseRuleSettings(value ?? '');
      if ('error' in parsed) {
        err(`cable-lint: --rules: ${parsed.error}`);
        return 2;
      }
      rules = parsed.settings;
    } else if (arg.startsWith('-') && arg !== '-') {
      err(`cable-lint: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) {
    err(USAGE);
    return 2;
  }
  const results: FileResult[] = [];
  let unreadable = 0;
  let errors = 0;
  const expanded: string[] = [];
  for (const arg of files) {
    const found = expandArgument(arg);
    if (found.length === 0) {
      err(`cable-lint: ${arg}: ${/[*?]/.test(arg) ? 'no file matches' : 'a directory without *.cable, *.tel or *.txt files'}`);
      unreadable++;
    }
    expanded.push(...found);
  }
  for (const file of expanded) {
    const read = readCableFile(file);
    if ('error' in read) {
      err(`cable-lint: ${read.error}`);
      unreadable++;
      continue;
    }
    if (read.warning) err(`cable-lint: warning: ${read.warning}`);
    const model = parse(read.text);
    const diagnostics = computeDiagnostics(model, rules);
    errors += diagnostics.filter((d) => d.severity === 'error').length;
    results.push({ file, cables: model.cables.map(summarize), diagnostics });
  }
  if (format === 'json') {
    out(JSON.stringify({ files: results }, null, 2));
  } else if (format === 'sarif') {
    out(JSON.stringify(toSarif(results, rules), null, 2));
  } else {
    for (const r of results) {
      for (const c of r.cables) {
        out(`${r.file}:${c.range.startLine}: ${c.referenceId ?? '(no reference id)'} ${c.classification ?? '(no classification)'}${c.dtg ? ` ${c.dtg}` : ''}${c.subject ? ` — ${c.subject}` : ''} (${c.paragraphs.length} paragraphs)`);
      }
      for (const d of r.diagnostics) out(`${r.file}:${d.line}:${d.character}: ${d.severity} ${d.code} ${d.message}`);
    }
  }
  if (summary) (format === 'text' ? out : err)(summarizeRun(results));
  if (unreadable > 0) return 2;
  return errors > 0 ? 1 : 0;
}

/** A file as given; a directory's cable files, recursively; a glob's matches. */
export function expandArgument(arg: string): string[] {
  if (/[*?]/.test(arg)) {
    const parts = arg.split(/[\\/]/);
    const fixed: string[] = [];
    while (parts.length > 0 && !/[*?]/.test(parts[0])) fixed.push(parts.shift()!);
    const base = fixed.join('/') || '.';
    const pattern = globPattern(parts.join('/'));
    return walk(base).filter((f) => pattern.test(path.relative(base, f).split(path.sep).join('/'))).sort();
  }
  try {
    if (statSync(arg).isDirectory()) return walk(arg).filter((f) => /\.(cable|tel|txt)$/i.test(f)).sort();
  } catch {
    // A missing file is reported when it is read.
  }
  return [arg];
}

function walk(dir: string, found: string[] = []): string[] {
  let entries: import('node:fs').Dirent[];
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

const SARIF_LEVEL: Readonly<Record<string, string>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0: one run, every rule's metadata, one result per diagnostic. */
export function toSarif(results: readonly FileResult[], settings: RuleSettings): object {
  const index = new Map(RULES.map((r, i) => [r.code, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cable-lint',
          version: VERSION,
          rules: RULES.map((r) => {
            const level = severityFor(r, settings);
            return {
              id: r.code,
              name: r.code.replace(/^cable\//, ''),
              shortDescription: { text: r.description },
              fullDescription: { text: `${r.description} Example: ${r.example}` },
              help: { text: r.why },
              defaultConfiguration: level === 'off' ? { enabled: false } : { level: SARIF_LEVEL[level] },
            };
          }),
        },
      },
      artifacts: results.map((r) => ({ location: { uri: toUri(r.file) } })),
      results: results.flatMap((r, artifactIndex) => r.diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: index.get(d.code),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: toUri(r.file), index: artifactIndex },
            region: { startLine: d.line, startColumn: d.character, endLine: d.endLine, endColumn: d.endCharacter },
          },
        }],
      }))),
    }],
  };
}

function toUri(file: string): string {
  return file.split(path.sep).map(encodeURIComponent).join('/');
}

function summarizeRun(results: readonly FileResult[]): string {
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const rules = new Map<string, number>();
  const classifications = new Map<string, number>();
  const stations = new Map<string, number>();
  let cables = 0;
  for (const r of results) {
    for (const d of r.diagnostics) count(rules, `${d.severity} ${d.code}`);
    for (const c of r.cables) {
      cables++;
      count(classifications, c.classification ?? '(none)');
      count(stations, c.referenceId ? stationOf(c.referenceId) : '(unknown)');
    }
  }
  const table = (title: string, map: Map<string, number>) =>
    [`${title}:`, ...[...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `  ${String(v).padStart(6)}  ${k}`)].join('\n');
  return [`${results.length} files, ${cables} cables`, table('diagnostics per rule', rules), table('cables per classification', classifications), table('cables per station', stations)].join('\n');
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
}

/** `08STATE125608` → `STATE`. */
function stationOf(referenceId: string): string {
  let end = referenceId.length;
  while (end > 0 && referenceId.charCodeAt(end - 1) >= 48 && referenceId.charCodeAt(end - 1) <= 57) end--;
  return referenceId.slice(2, end);
}
