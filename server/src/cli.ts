import { readFileSync, statSync } from 'node:fs';
import { parse } from './cable/parse';
import type { Cable } from './cable/model';
import { dtgToIso } from './cable/dates';
import { computeDiagnostics, type LintDiagnostic, parseRuleSettings, type RuleSettings } from './diagnostics/engine';
import { runDemo } from './demo';

const USAGE = `Usage: cable-lint [--format text|json] [--rules JSON] FILE...

Parses US State Department cables and prints their metadata and diagnostics.

Options:
  --format text|json   output format (default: text)
  --rules JSON         severity per rule code or family prefix, e.g. '{"cable/tags-*":"off"}'
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
  let format: 'text' | 'json' = 'text';
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
      if (value !== 'text' && value !== 'json') {
        err(`cable-lint: --format takes text or json, not ${value ?? 'nothing'}`);
        return 2;
      }
      format = value;
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
  for (const file of files) {
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
  } else {
    for (const r of results) {
      for (const c of r.cables) {
        out(`${r.file}:${c.range.startLine}: ${c.referenceId ?? '(no reference id)'} ${c.classification ?? '(no classification)'}${c.dtg ? ` ${c.dtg}` : ''}${c.subject ? ` — ${c.subject}` : ''} (${c.paragraphs.length} paragraphs)`);
      }
      for (const d of r.diagnostics) out(`${r.file}:${d.line}:${d.character}: ${d.severity} ${d.code} ${d.message}`);
    }
  }
  if (unreadable > 0) return 2;
  return errors > 0 ? 1 : 0;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
}
