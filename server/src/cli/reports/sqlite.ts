import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Database, Statement } from 'node-sqlite3-wasm';
import type { FileResult } from '../lint';
import { diagnosticsPerCable } from './cableDiagnostics';
import type { Report, ReportContext, ReportFormat } from './report';

/**
 * The schema of `--format sqlite` (documented in the README). `cables.id` is the row id the other
 * tables point at; reference ids repeat across a corpus (the same cable from two sources), so they
 * are not keys. Lists are also kept joined with `; ` in `cables`, for a quick look.
 */
export const SQLITE_SCHEMA = `
CREATE TABLE cables (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  start_line INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  reference_id TEXT,
  classification TEXT,
  classification_as_written TEXT,
  caveats TEXT,
  captions TEXT,
  dtg TEXT,
  year INTEGER,
  filing_time TEXT,
  precedence TEXT,
  origin TEXT,
  origin_ri TEXT,
  executive_order TEXT,
  declassify TEXT,
  declassify_date TEXT,
  classified_by TEXT,
  classification_reasons TEXT,
  tags TEXT,
  subject TEXT,
  section INTEGER,
  sections INTEGER,
  partial_extract INTEGER NOT NULL,
  paragraph_count INTEGER NOT NULL,
  body TEXT
);
CREATE TABLE addressees (
  cable_id INTEGER NOT NULL REFERENCES cables(id),
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  ri TEXT,
  name TEXT NOT NULL,
  precedence TEXT
);
CREATE TABLE tags (
  cable_id INTEGER NOT NULL REFERENCES cables(id),
  position INTEGER NOT NULL,
  tag TEXT NOT NULL
);
CREATE TABLE refs (
  cable_id INTEGER NOT NULL REFERENCES cables(id),
  citing_id TEXT,
  source TEXT NOT NULL,
  letter TEXT,
  text TEXT,
  cited_id TEXT
);
CREATE TABLE paragraphs (
  cable_id INTEGER NOT NULL REFERENCES cables(id),
  number TEXT NOT NULL,
  marking TEXT,
  line INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE TABLE diagnostics (
  cable_id INTEGER NOT NULL REFERENCES cables(id),
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  character INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_character INTEGER NOT NULL,
  severity TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE VIRTUAL TABLE cables_fts USING fts5(subject, body, content='cables', content_rowid='id');
`;

/** Built once the rows are in: one pass over sorted data instead of an update per insert. */
export const SQLITE_INDEXES = `
CREATE INDEX cables_dtg ON cables(dtg);
CREATE INDEX cables_year ON cables(year);
CREATE INDEX cables_origin ON cables(origin);
CREATE INDEX cables_classification ON cables(classification);
CREATE INDEX cables_reference_id ON cables(reference_id);
CREATE INDEX addressees_cable ON addressees(cable_id);
CREATE INDEX addressees_name ON addressees(name);
CREATE INDEX tags_cable ON tags(cable_id);
CREATE INDEX tags_tag ON tags(tag);
CREATE INDEX refs_cable ON refs(cable_id);
CREATE INDEX refs_cited ON refs(cited_id);
CREATE INDEX paragraphs_cable ON paragraphs(cable_id);
CREATE INDEX diagnostics_cable ON diagnostics(cable_id);
CREATE INDEX diagnostics_code ON diagnostics(code);
`;

const LIST = '; ';
/** Rows per transaction: few commits, and a bounded journal. */
const FILES_PER_TRANSACTION = 2000;

/**
 * Written to `<file>.partial` beside the target and renamed over it at the end, so a run that
 * fails or is stopped never leaves a half-written database under the name asked for.
 */
class SqliteReport implements Report {
  readonly #target: string;
  readonly #partial: string;
  readonly #db: Database;
  readonly #insert: Record<'cable' | 'fts' | 'addressee' | 'tag' | 'ref' | 'paragraph' | 'diagnostic', Statement>;
  #files = 0;

  constructor(target: string) {
    this.#target = target;
    this.#partial = `${target}.partial`;
    // Created here, so the database gets the usual permissions (SQLite would create it readable by its owner only).
    writeFileSync(this.#partial, '');
    this.#db = new (loadSqlite().Database)(this.#partial);
    // Nothing to recover: a failed run deletes the file, so the journal and syncs only cost time.
    this.#db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192;');
    this.#db.exec(SQLITE_SCHEMA);
    const prepare = (table: string, columns: string) =>
      this.#db.prepare(`INSERT INTO ${table} (${columns}) VALUES (${columns.split(',').map(() => '?')})`);
    this.#insert = {
      cable: prepare(
        'cables',
        'file,start_line,end_line,reference_id,classification,classification_as_written,caveats,captions,dtg,year,filing_time,precedence,origin,origin_ri,executive_order,declassify,declassify_date,classified_by,classification_reasons,tags,subject,section,sections,partial_extract,paragraph_count,body',
      ),
      fts: prepare('cables_fts', 'rowid,subject,body'),
      addressee: prepare('addressees', 'cable_id,position,role,ri,name,precedence'),
      tag: prepare('tags', 'cable_id,position,tag'),
      ref: prepare('refs', 'cable_id,citing_id,source,letter,text,cited_id'),
      paragraph: prepare('paragraphs', 'cable_id,number,marking,line,text'),
      diagnostic: prepare('diagnostics', 'cable_id,file,line,character,end_line,end_character,severity,code,message'),
    };
    this.#db.exec('BEGIN');
  }

  add(r: FileResult): void {
    const insert = this.#insert;
    const diagnostics = diagnosticsPerCable(r);
    r.cables.forEach((c, i) => {
      const year = c.dtg && /^\d{4}-/.test(c.dtg) ? Number(c.dtg.slice(0, 4)) : null;
      const id = Number(
        insert.cable.run([
          r.file,
          c.range.startLine,
          c.range.endLine,
          c.referenceId,
          c.classification,
          c.classificationAsWritten,
          c.caveats.join(LIST),
          c.captions.join(LIST),
          c.dtg,
          year,
          c.filingTime,
          c.precedence,
          c.from,
          c.originRi,
          c.executiveOrder,
          c.declassify,
          c.declassifyDate,
          c.classifiedBy,
          c.classificationReasons.join(LIST),
          c.tags.join(LIST),
          c.subject,
          c.section?.number ?? null,
          c.section?.total ?? null,
          c.partialExtract ? 1 : 0,
          c.paragraphCount,
          c.body ?? '',
        ]).lastInsertRowid,
      );
      insert.fts.run([id, c.subject, c.body ?? '']);
      c.addressees.forEach((a, n) => insert.addressee.run([id, n + 1, a.role, a.ri, a.name, a.precedence]));
      c.tags.forEach((t, n) => insert.tag.run([id, n + 1, t]));
      for (const e of c.referenceEntries) insert.ref.run([id, c.referenceId, 'ref', e.letter, e.text, e.id]);
      for (const cited of c.citedInBody) insert.ref.run([id, c.referenceId, 'body', null, null, cited]);
      for (const p of c.paragraphs) insert.paragraph.run([id, p.number, p.marking, p.line, p.text ?? '']);
      for (const d of diagnostics[i])
        insert.diagnostic.run([id, r.file, d.line, d.character, d.endLine, d.endCharacter, d.severity, d.code, d.message]);
    });
    if (++this.#files % FILES_PER_TRANSACTION === 0) this.#db.exec('COMMIT; BEGIN');
  }

  finish(): void {
    this.#db.exec('COMMIT');
    this.#db.exec(SQLITE_INDEXES);
    this.#db.exec("INSERT INTO cables_fts(cables_fts) VALUES ('optimize'); ANALYZE;");
    this.#close();
    renameSync(this.#partial, this.#target);
  }

  abandon(): void {
    this.#close();
    rmSync(this.#partial, { force: true });
  }

  #close(): void {
    for (const statement of Object.values(this.#insert)) statement.finalize();
    this.#db.close();
  }
}

/**
 * SQLite compiled to WebAssembly (node-sqlite3-wasm: FTS5 built in, writes the file through node's
 * fs, nothing to compile or download at install). Loaded only when a database is written: compiling
 * its WebAssembly would add about 30 ms to every start. Kept out of the bundle, which would lose the
 * .wasm file beside it.
 */
function loadSqlite(): typeof import('node-sqlite3-wasm') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node-sqlite3-wasm') as typeof import('node-sqlite3-wasm');
}

export const sqliteFormat: ReportFormat = {
  needsFile: true,
  alwaysText: true,
  create: (_out, context: ReportContext) => {
    if (!context.outputFile) throw new Error('--format sqlite needs --output FILE');
    return new SqliteReport(context.outputFile);
  },
};

