import type { ImportRowError } from '@yardstick/contracts';

// Types of the first layer of results ingestion: reading import files row by row and checking what
// can be checked without the database. Nothing here knows about HTTP or TypeORM.

export const TABLE_KINDS = ['csv', 'xlsx'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export const IMPORT_FORMATS = [
  'yardstick',
  'gc-service-standards',
  'performance-gov-apr',
  'employee-feedback',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One thing wrong with one row (or a warning about it): line (or sheet and cell), column, value, reason. */
export type RowError = ImportRowError;

/** A warning has the same shape as an error, but the row is still imported. */
export type RowWarning = RowError;

/**
 * A cell as read: trimmed text, a number (XLSX only; CSV cells are always text), or null when blank.
 * XLSX dates come as `2026-03-01` text; numbers formatted as a percent come as text with `%`.
 */
export type CellValue = string | number | null;

/** The header row of a table: its line (or sheet row) and its column names, trimmed, blanks left out. */
export type TableHeader = { line: number; names: readonly string[]; sheet?: string };

/** One data row of a table, cells keyed by the header as written in the file (trimmed). */
export type TableRow = {
  line: number;
  /** CSV: the record's number, the header being 1 (the spreadsheet row), when it differs from `line`. */
  record?: number;
  cells: Record<string, CellValue>;
  /** The same object for every row of a table. */
  header: TableHeader;
  /** XLSX only: the cell reference ("D7") of each column. */
  cellRefs?: Record<string, string>;
  /** XLSX only: the worksheet's name. */
  sheet?: string;
  /** Problems found while reading the row (extra fields, a formula without a value); the row is unusable. */
  errors?: RowError[];
};

/** What a format makes of a row: a normalized record (perhaps with warnings), or the row's errors. */
export type ParsedRow<T> = ParsedRecord<T> | RejectedRow;

export type ParsedRecord<T> = {
  line: number;
  /** The record's number and identity, when the file gives them (see RowError), for later errors about it. */
  at?: Pick<RowError, 'record' | 'row'>;
  record: T;
  warnings: RowWarning[];
  /** XLSX only, so that later checks (unknown standard, ...) can name the cell too. */
  sheet?: string;
  cellRefs?: Record<string, string>;
};

export type RejectedRow = { line: number; errors: RowError[] };

export function isRejected<T>(row: ParsedRow<T>): row is RejectedRow {
  return 'errors' in row;
}

export const IMPORT_FILE_ERROR_CODES = [
  'empty_file',
  'not_utf8',
  'bad_header',
  'malformed_csv',
  'unreadable_xlsx',
  'too_many_rows',
  'corrupt_gzip',
] as const;
export type ImportFileErrorCode = (typeof IMPORT_FILE_ERROR_CODES)[number];

/** A problem with the whole file: nothing in it can be imported. */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    /** Where the problem is, when it has a place (the header's line, the first non-UTF-8 byte's line). */
    readonly line?: number,
    /** Header problems: the columns by name. */
    readonly columns?: { missing: string[]; unknown: string[]; duplicate: string[] },
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** A column of an import format, as documented in the README and the downloadable template. */
export type ColumnDoc = { name: string; description: string };

/** How a source field maps onto Yardstick, for the README. */
export type FieldMapping = { source: string; yardstick: string; rule: string };
