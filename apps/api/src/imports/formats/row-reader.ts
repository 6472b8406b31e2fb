import { requireHeader, type HeaderSpec } from './header.js';
import { numberToText, readNumber, type NumberSpec } from './numbers.js';
import type { CellValue, ParsedRecord, ParsedRow, RejectedRow, RowError, TableRow } from './types.js';

/**
 * Reads the cells of one row by canonical column name, collecting every problem with the row (each
 * naming its line, column, value and, in XLSX, sheet and cell) instead of stopping at the first.
 */
export class RowReader {
  readonly errors: RowError[] = [];
  readonly warnings: RowError[] = [];

  constructor(
    readonly row: TableRow,
    private readonly columns: ReadonlyMap<string, string>,
    /** What the row is about, for its errors: department, service and standard id; KPI and year. */
    private readonly identify?: (reader: RowReader) => string | null,
  ) {}

  get line(): number {
    return this.row.line;
  }

  /** Whether the file has the column (optional columns may be left out). */
  hasColumn(column: string): boolean {
    return this.columns.has(column);
  }

  /** The cell as read; null when blank or when the file has no such column. */
  cell(column: string): CellValue {
    const header = this.columns.get(column);
    return header === undefined ? null : (this.row.cells[header] ?? null);
  }

  /** The cell as text (an XLSX number as a plain decimal), or null when blank. */
  text(column: string): string | null {
    const value = this.cell(column);
    return typeof value === 'number' ? numberToText(value) : value;
  }

  /** A text cell that must not be blank. */
  requiredText(column: string): string | null {
    const value = this.text(column);
    if (value === null) this.error(column, 'is required');
    return value;
  }

  /** A number by the one rule of numbers.ts; null when blank or wrong (then an error is recorded). */
  number(column: string, spec: NumberSpec = {}): number | null {
    return this.numberWithSign(column, spec).value;
  }

  numberWithSign(column: string, spec: NumberSpec = {}): { value: number | null; percentSign: boolean } {
    const reading = readNumber(this.cell(column), spec);
    if (reading.ok) return { value: reading.value, percentSign: reading.percentSign };
    this.error(column, reading.reason);
    return { value: null, percentSign: false };
  }

  /** Records an error about a column (its value is quoted from the file), or about the whole row. */
  error(column: string | undefined, reason: string, value?: string): void {
    this.errors.push(this.problem(column, reason, value));
  }

  warn(column: string | undefined, reason: string, value?: string): void {
    this.warnings.push(this.problem(column, reason, value));
  }

  /** The parsed row: the record when nothing is wrong, or every error. */
  result<T>(record: T): ParsedRow<T> {
    if (this.errors.length > 0) return { line: this.line, errors: this.errors };
    const parsed: ParsedRecord<T> = { line: this.line, record, warnings: this.warnings };
    const { line: _, ...at } = this.where();
    if (at.record !== undefined || at.row !== undefined) parsed.at = at;
    if (this.row.sheet !== undefined) parsed.sheet = this.row.sheet;
    if (this.row.cellRefs !== undefined) parsed.cellRefs = this.row.cellRefs;
    return parsed;
  }

  /** The row's errors, for a row that cannot make a record (at least one error has been recorded). */
  rejected(): RejectedRow {
    if (this.errors.length === 0) throw new Error(`Line ${this.line} is rejected without an error`);
    return { line: this.line, errors: this.errors };
  }

  /** The row's number and identity, as every error about it names them. */
  where(): Pick<RowError, 'line' | 'record' | 'row'> {
    const where: Pick<RowError, 'line' | 'record' | 'row'> = { line: this.line };
    if (this.row.record !== undefined) where.record = this.row.record;
    const identity = this.identify?.(this) ?? null;
    if (identity) where.row = identity;
    return where;
  }

  private problem(column: string | undefined, reason: string, value?: string): RowError {
    const problem: RowError = { ...this.where(), reason };
    if (this.row.sheet !== undefined) problem.sheet = this.row.sheet;
    if (column !== undefined) {
      const header = this.columns.get(column);
      const cell = header === undefined ? undefined : this.row.cellRefs?.[header];
      if (cell !== undefined) problem.cell = cell;
      problem.column = column;
      const shown = value ?? this.text(column) ?? undefined;
      if (shown !== undefined) problem.value = shown;
    } else if (value !== undefined) {
      problem.value = value;
    }
    return problem;
  }
}

/**
 * Runs a format over a table, a batch of rows at a time: checks the header against the format on the
 * first row (throwing ImportFileError('bad_header') naming the columns), then parses each row.
 */
export async function* parseRows<T>(
  batches: AsyncIterable<readonly TableRow[]>,
  spec: HeaderSpec,
  parseRow: (reader: RowReader) => ParsedRow<T>,
  identify?: (reader: RowReader) => string | null,
): AsyncGenerator<ParsedRow<T>[]> {
  let columns: Map<string, string> | undefined;
  for await (const rows of batches) {
    const parsed: ParsedRow<T>[] = [];
    for (const row of rows) {
      columns ??= requireHeader(row.header.names, spec, row.header.line);
      // A row that could not be read whole (wrong number of fields, a formula without a value) is not
      // checked further: its other cells may be shifted or missing.
      if (row.errors !== undefined) {
        const where = new RowReader(row, columns, identify).where();
        parsed.push({ line: row.line, errors: row.errors.map((error) => ({ ...where, ...error })) });
      } else parsed.push(parseRow(new RowReader(row, columns, identify)));
    }
    yield parsed;
  }
}

/** `line 7, value ("abc"): is not a number`, or with sheet and cell for XLSX: for error lists and CSV downloads. */
export function describeRowError(error: RowError): string {
  const line =
    error.record !== undefined && error.record !== error.line
      ? `record ${error.record} (line ${error.line})`
      : `line ${error.line}`;
  const where = error.cell !== undefined ? `${error.sheet ?? 'sheet'}!${error.cell}` : line;
  const row = error.row !== undefined ? ` [${error.row}]` : '';
  const column = `${row}${error.column !== undefined ? `, ${error.column}` : ''}`;
  const value = error.value !== undefined ? ` (${JSON.stringify(error.value)})` : '';
  return `${where}${column}${value}: ${error.reason}`;
}
