// What POST /api/v1/imports and GET /api/v1/imports/:id answer: the import batch.

export const IMPORT_MODES = ['atomic', 'partial', 'dry-run'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_STATUSES = ['running', 'completed', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * One thing wrong with one row (or a warning about it): `line` is the 1-based line where a CSV record starts,
 * or the sheet row of an XLSX file, with `sheet` and `cell` ("D7") naming the cell.
 */
export type ImportRowError = {
  /** The physical line the row starts on (a quoted cell may hold line breaks, so it can differ from `record`). */
  line: number;
  /** CSV: the record's number in the file, the header being 1: the row a spreadsheet shows it on. */
  record?: number;
  /** What the row is about, in the file's own terms (department, service and standard id; KPI and year). */
  row?: string;
  sheet?: string;
  cell?: string;
  column?: string;
  value?: string;
  reason: string;
};

export type ImportBatchBody = {
  id: string;
  format: string;
  mode: ImportMode;
  status: ImportStatus;
  fileName: string | null;
  fileHash: string | null;
  rowsRead: number;
  /** Progress while it runs: bytes of the upload received, of bytesTotal (null when the client did not say). */
  bytesRead: number;
  bytesTotal: number | null;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  /** The first 1,000 errors; errorCount says how many there were in all. */
  errors: ImportRowError[];
  warningCount: number;
  warnings: ImportRowError[];
  /** Service standards and APR files: the registry records they created or changed. */
  registry: Record<string, number> | null;
  createdAt: string;
  finishedAt: string | null;
};
