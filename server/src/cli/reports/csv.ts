import { csvRecord } from '../../analysis/csv';
import type { LintDiagnostic } from '../../diagnostics/engine';
import type { FileResult } from '../lint';
import type { AddresseeRecord, CableRecord } from '../records';
import { diagnosticsPerCable } from './cableDiagnostics';
import type { Report, ReportContext, ReportFormat } from './report';

/** Lists in one cell: RFC 4180 has no lists, and `; ` reads well in a spreadsheet and splits in pandas. */
const LIST = '; ';

type Cell = string | number | boolean | null;
type Column = readonly [name: string, value: (file: string, cable: CableRecord, diagnostics: readonly LintDiagnostic[]) => Cell];

const names = (cable: CableRecord, role: string, pick: (a: AddresseeRecord) => string | null) =>
  cable.addressees
    .filter((a) => a.role === role)
    .map((a) => pick(a) ?? '')
    .join(LIST);
const count = (diagnostics: readonly LintDiagnostic[], severity: string) => diagnostics.filter((d) => d.severity === severity).length;

/**
 * The columns of `--format csv`, in order (documented in the README). Empty cell: no value;
 * booleans `true`/`false`; lists joined with `; `, the `_ri` lists aligned with their names.
 */
export const CSV_COLUMNS: readonly Column[] = [
  ['file', (file) => file],
  ['start_line', (_, c) => c.range.startLine],
  ['end_line', (_, c) => c.range.endLine],
  ['reference_id', (_, c) => c.referenceId],
  ['classification', (_, c) => c.classification],
  ['classification_as_written', (_, c) => c.classificationAsWritten],
  ['caveats', (_, c) => c.caveats.join(LIST)],
  ['captions', (_, c) => c.captions.join(LIST)],
  ['dtg', (_, c) => c.dtg],
  ['filing_time', (_, c) => c.filingTime],
  ['precedence', (_, c) => c.precedence],
  ['origin', (_, c) => c.from],
  ['origin_ri', (_, c) => c.originRi],
  ['to', (_, c) => names(c, 'to', (a) => a.name)],
  ['to_ri', (_, c) => names(c, 'to', (a) => a.ri)],
  ['info', (_, c) => names(c, 'info', (a) => a.name)],
  ['info_ri', (_, c) => names(c, 'info', (a) => a.ri)],
  ['executive_order', (_, c) => c.executiveOrder],
  ['declassify', (_, c) => c.declassify],
  ['declassify_date', (_, c) => c.declassifyDate],
  ['classified_by', (_, c) => c.classifiedBy],
  ['classification_reasons', (_, c) => c.classificationReasons.join(LIST)],
  ['tags', (_, c) => c.tags.join(LIST)],
  ['subject', (_, c) => c.subject],
  ['references', (_, c) => c.referenceEntries.map((e) => e.text).join(LIST)],
  ['reference_ids', (_, c) => c.referenceEntries.map((e) => e.id ?? '').join(LIST)],
  ['cited_in_body', (_, c) => c.citedInBody.join(LIST)],
  ['section', (_, c) => c.section?.number ?? null],
  ['sections', (_, c) => c.section?.total ?? null],
  ['partial_extract', (_, c) => c.partialExtract],
  ['paragraph_count', (_, c) => c.paragraphCount],
  ['errors', (_, __, d) => count(d, 'error')],
  ['warnings', (_, __, d) => count(d, 'warning')],
];

/** With --text, the last column. */
const BODY_COLUMN: Column = ['body', (_, c) => c.body ?? ''];

/** RFC 4180: CRLF after each record (the last LF is left to `out`, which adds one). */
function records(rows: readonly (readonly Cell[])[]): string {
  let text = '';
  for (let i = 0; i < rows.length; i++) text += (i === 0 ? '' : '\r\n') + csvRecord(rows[i]);
  return `${text}\r`;
}

/** Rows are written this many at a time: one write per batch, not per file. */
const BATCH_ROWS = 256;

class CsvReport implements Report {
  readonly #columns: readonly Column[];
  #pending: Cell[][] = [];

  constructor(
    readonly out: (line: string) => void,
    context: ReportContext,
  ) {
    this.#columns = context.text ? [...CSV_COLUMNS, BODY_COLUMN] : CSV_COLUMNS;
    out(records([this.#columns.map(([name]) => name)]));
  }

  add(r: FileResult): void {
    const diagnostics = diagnosticsPerCable(r);
    if (r.cables.length === 0) return;
    for (let i = 0; i < r.cables.length; i++)
      this.#pending.push(this.#columns.map(([, value]) => value(r.file, r.cables[i], diagnostics[i])));
    if (this.#pending.length >= BATCH_ROWS) this.#flush();
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const rows = this.#pending;
    this.#pending = [];
    this.out(records(rows));
  }

  finish(): void {
    this.#flush();
  }
}

export const csvFormat: ReportFormat = {
  create: (out, context) => new CsvReport(out, context),
};
