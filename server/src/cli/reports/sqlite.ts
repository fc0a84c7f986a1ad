import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
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

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}
/** Rows per transaction: few commits, and a bounded journal. */
const FILES_PER_TRANSACTION = 2000;

/**
 * The database itself, in the writer thread. Written to `<file>.partial` beside the target and
 * renamed over it at the end, so a run that fails or is stopped never leaves a half-written
 * database under the name asked for.
 */
class SqliteWriter {
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
    this.#db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192; PRAGMA cache_size = -65536;');
    this.#db.exec(SQLITE_SCHEMA);
    // Kept up to date row by row, so the writer thread indexes while the linting goes on instead of
    // in one pass after it (the full-text index is most of the database's cost).
    this.#db.exec(SQLITE_INDEXES);
    // Long texts are bound as UTF-8 bytes and cast back to text: the library encodes a string in a
    // JavaScript loop, and Buffer.from does it natively (a third of the run's time for the bodies).
    const prepare = (table: string, columns: string) =>
      this.#db.prepare(
        `INSERT INTO ${table} (${columns}) VALUES (${columns
          .split(',')
          .map((c) => (c === 'body' || c === 'text' ? 'CAST(? AS TEXT)' : '?'))
          .join(',')})`,
      );
    this.#insert = {
      cable: prepare(
        'cables',
        'file,start_line,end_line,reference_id,classification,classification_as_written,caveats,captions,dtg,year,filing_time,precedence,origin,origin_ri,executive_order,declassify,declassify_date,classified_by,classification_reasons,tags,subject,section,sections,partial_extract,paragraph_count,body',
      ),
      addressee: prepare('addressees', 'cable_id,position,role,ri,name,precedence'),
      tag: prepare('tags', 'cable_id,position,tag'),
      ref: prepare('refs', 'cable_id,citing_id,source,letter,text,cited_id'),
      paragraph: prepare('paragraphs', 'cable_id,number,marking,line,text'),
      diagnostic: prepare('diagnostics', 'cable_id,file,line,character,end_line,end_character,severity,code,message'),
      fts: prepare('cables_fts', 'rowid,subject,body'),
    };
    this.#db.exec('BEGIN');
  }

  add(r: FileResult): void {
    const insert = this.#insert;
    const diagnostics = diagnosticsPerCable(r);
    r.cables.forEach((c, i) => {
      const body = utf8(c.body ?? '');
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
          body,
        ]).lastInsertRowid,
      );
      // Bound again rather than read back from `cables`, which costs twice as much.
      insert.fts.run([id, c.subject, body]);
      c.addressees.forEach((a, n) => insert.addressee.run([id, n + 1, a.role, a.ri, a.name, a.precedence]));
      c.tags.forEach((t, n) => insert.tag.run([id, n + 1, t]));
      for (const e of c.referenceEntries) insert.ref.run([id, c.referenceId, 'ref', e.letter, e.text, e.id]);
      for (const cited of c.citedInBody) insert.ref.run([id, c.referenceId, 'body', null, null, cited]);
      for (const p of c.paragraphs) insert.paragraph.run([id, p.number, p.marking, p.line, utf8(p.text ?? '')]);
      for (const d of diagnostics[i])
        insert.diagnostic.run([id, r.file, d.line, d.character, d.endLine, d.endCharacter, d.severity, d.code, d.message]);
    });
    if (++this.#files % FILES_PER_TRANSACTION === 0) this.#db.exec('COMMIT; BEGIN');
  }

  finish(): void {
    this.#db.exec('COMMIT');
    this.#db.exec('ANALYZE');
    this.#close();
    renameSync(this.#partial, this.#target);
  }

  abandon(): void {
    try {
      this.#close();
    } finally {
      rmSync(this.#partial, { force: true });
    }
  }

  #close(): void {
    for (const statement of Object.values(this.#insert)) statement.finalize();
    this.#db.close();
  }
}

interface WriterData {
  readonly cableSqliteWriter: true;
  readonly target: string;
  /** [files written, failed]: the main thread waits on it when too many files are in flight. */
  readonly progress: SharedArrayBuffer;
}
type WriterReply = { readonly done: true } | { readonly error: string };

/** Files handed to the writer and not yet written: bounds the memory of a run that lints faster than it writes. */
const MAX_FILES_IN_FLIGHT = 64;
const WRITER_TIMEOUT_SECONDS = 60;

/**
 * The report in the main thread: hands each file to a writer thread, which owns the database, so
 * SQLite (its WebAssembly, and building the full-text index) runs beside the linting instead of
 * after each file. Files go over in order; when the writer falls behind by MAX_FILES_IN_FLIGHT,
 * `add` waits for it.
 */
class SqliteReport implements Report {
  readonly #worker: Worker;
  readonly #progress: Int32Array;
  readonly #replies: WriterReply[] = [];
  #waiting: ((reply: WriterReply) => void) | undefined;
  #sent = 0;

  constructor(target: string, script: string) {
    const progress = new SharedArrayBuffer(8);
    this.#progress = new Int32Array(progress);
    const data: WriterData = { cableSqliteWriter: true, target, progress };
    this.#worker = new Worker(script, { workerData: data });
    const deliver = (reply: WriterReply) => {
      if (this.#waiting) this.#waiting(reply);
      else this.#replies.push(reply);
    };
    this.#worker.on('message', deliver);
    this.#worker.on('error', (e) => deliver({ error: e.message }));
    this.#worker.on('exit', () => deliver({ error: 'the database writer stopped' }));
  }

  add(result: FileResult): void {
    let waited = 0;
    for (;;) {
      // The reason comes with abandon(), which the caller calls next.
      if (Atomics.load(this.#progress, 1) !== 0) throw new Error('the database could not be written');
      const written = Atomics.load(this.#progress, 0);
      if (this.#sent - written < MAX_FILES_IN_FLIGHT) break;
      // A writer that died without a word (its thread crashed) would otherwise be waited for forever.
      if (Atomics.wait(this.#progress, 0, written, 1000) === 'timed-out' && ++waited >= WRITER_TIMEOUT_SECONDS)
        throw new Error(`the database writer wrote nothing for ${WRITER_TIMEOUT_SECONDS} s`);
    }
    this.#sent++;
    this.#worker.postMessage(result);
  }

  async finish(): Promise<void> {
    const reply = await this.#end('finish');
    if ('error' in reply) throw new Error(reply.error);
  }

  /** Rejects with the writer's error when it failed. */
  async abandon(): Promise<void> {
    const reply = await this.#end('abandon');
    if ('error' in reply) throw new Error(reply.error);
  }

  async #end(command: 'finish' | 'abandon'): Promise<WriterReply> {
    this.#worker.postMessage(command);
    const reply = this.#replies.shift() ?? (await new Promise<WriterReply>((resolve) => (this.#waiting = resolve)));
    this.#waiting = undefined;
    await this.#worker.terminate();
    return reply;
  }
}

/** Whether this thread is the writer a SqliteReport started. */
function isSqliteWriter(): boolean {
  return !isMainThread && Boolean((workerData as Partial<WriterData> | null)?.cableSqliteWriter);
}

/** The body of the writer thread: each file into the database, then 'finish' or 'abandon'. */
function serveAsSqliteWriter(): void {
  const { target, progress } = workerData as WriterData;
  const counters = new Int32Array(progress);
  const reply = (r: WriterReply) => parentPort!.postMessage(r);
  let writer: SqliteWriter;
  try {
    writer = new SqliteWriter(target);
  } catch (e) {
    const failure = (e as Error).message;
    Atomics.store(counters, 1, 1);
    parentPort!.on('message', (message: unknown) => {
      if (message === 'finish' || message === 'abandon') reply({ error: failure });
    });
    return;
  }
  let failure: string | undefined;
  parentPort!.on('message', (message: FileResult | 'finish' | 'abandon') => {
    try {
      if (message === 'abandon') {
        writer.abandon();
        reply(failure ? { error: failure } : { done: true });
      } else if (failure) {
        if (message === 'finish') reply({ error: failure });
      } else if (message === 'finish') {
        writer.finish();
        reply({ done: true });
      } else {
        writer.add(message);
        Atomics.add(counters, 0, 1);
        Atomics.notify(counters, 0);
      }
    } catch (e) {
      failure ??= (e as Error).message;
      Atomics.store(counters, 1, 1);
      Atomics.notify(counters, 0);
      if (message === 'finish' || message === 'abandon') reply({ error: failure });
    }
  });
}

if (isSqliteWriter()) serveAsSqliteWriter();

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
    return new SqliteReport(context.outputFile, context.script ?? __filename);
  },
};
