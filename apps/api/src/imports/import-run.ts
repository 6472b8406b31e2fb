import { createHash } from 'node:crypto';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import type { ImportBatch, ImportMode } from './entities/import-batch.entity.js';
import { jsonTable, readTableBatches, type RowError, type TableKind, type TableRow } from './formats/index.js';
import type { RegistryCounts } from './registry-import.js';
import type { LoadCounts } from './results-loader.js';

/** Errors kept on the batch (all are counted); the full list is what the file would produce again. */
export const MAX_STORED_ERRORS = 1000;
const PROGRESS_EVERY = 10_000;

/** What an import reads: a file's bytes, or the items of a JSON body (already a table). */
export type ImportSource =
  | { stream: Readable; json?: undefined; kind: TableKind }
  | { json: readonly Record<string, unknown>[]; stream?: undefined; kind: 'csv' };

/** The columns of an import batch a run fills in as it goes and when it ends. */
export type BatchProgress = Partial<
  Pick<
    ImportBatch,
    | 'status'
    | 'rowsRead'
    | 'bytesRead'
    | 'inserted'
    | 'updated'
    | 'unchanged'
    | 'errorCount'
    | 'warningCount'
    | 'registry'
    | 'fileHash'
    | 'finishedAt'
  > & { errors: RowError[]; warnings: RowError[] }
>;

/**
 * One import as it runs: what it has read (rows, bytes, the file's hash), the errors and warnings found
 * (all counted, the first MAX_STORED_ERRORS kept), the progress it reports, and whether what it wrote is
 * kept. Its methods are bound, so that the readers and loaders can be handed them as callbacks.
 */
export class ImportRun {
  readonly errors: RowError[] = [];
  readonly warnings: RowError[] = [];
  errorCount = 0;
  warningCount = 0;
  rowsRead = 0;
  bytesRead = 0;
  private readonly hash = createHash('sha256');
  // Progress is reported by wall time (not the Clock of business rules): it paces writes, decides nothing.
  private lastProgress = Date.now();
  private progressAt = 0;
  private hashed: Readable | undefined;

  constructor(
    readonly batchId: string,
    readonly mode: ImportMode,
    private readonly source: ImportSource,
    /** Saves the batch's progress while it runs. */
    private readonly save: (progress: BatchProgress) => Promise<unknown>,
    /** Whether the upload was larger than the server accepts (then nothing is kept). */
    private readonly truncated: () => boolean = () => false,
  ) {
    if (source.stream) {
      const hashed = new PassThrough({
        transform: (chunk: Buffer, _encoding, done) => {
          this.bytesRead += chunk.length;
          this.hash.update(chunk);
          done(null, chunk);
        },
      });
      // A client that goes away makes the upload fail with "aborted", perhaps before the parser reads a
      // byte (it starts once the loader has its connection): pipeline listens for errors on both streams
      // from now on and hands the error to whoever reads `hashed`, so it never goes unhandled.
      pipeline(source.stream, hashed, () => undefined);
      this.hashed = hashed;
    } else {
      const text = JSON.stringify(source.json);
      this.bytesRead = Buffer.byteLength(text);
      this.hash.update(text);
    }
  }

  /** The file's bytes, counted and hashed as they are read (formats that read them their own way). */
  input(): Readable {
    if (!this.hashed) throw new Error('This import has no file to read: it came as JSON');
    return this.hashed;
  }

  /** The file as a table of rows, a batch at a time: a JSON body's items as they are. */
  table(): AsyncIterable<readonly TableRow[]> | Iterable<readonly TableRow[]> {
    return this.source.json ? jsonTable(this.source.json) : readTableBatches(this.input(), this.source.kind);
  }

  readonly addErrors = (found: readonly RowError[]): void => {
    this.errorCount += found.length;
    for (const error of found) if (this.errors.length < MAX_STORED_ERRORS) this.errors.push(error);
  };

  readonly addWarnings = (found: readonly RowError[]): void => {
    this.warningCount += found.length;
    for (const warning of found) if (this.warnings.length < MAX_STORED_ERRORS) this.warnings.push(warning);
  };

  /** Counts rows read; every 10,000 rows, or every second for slow files (XLSX), the batch says how far it got. */
  readonly onRows = (count: number): Promise<void> | undefined => {
    this.rowsRead += count;
    const now = Date.now();
    const since = this.rowsRead - this.progressAt;
    if (since < PROGRESS_EVERY && (since < 100 || now - this.lastProgress < 1000)) return;
    this.progressAt = this.rowsRead;
    this.lastProgress = now;
    return this.save({ rowsRead: this.rowsRead, bytesRead: this.bytesRead }).then(() => undefined);
  };

  /** Whether what the import wrote is kept: a partial import always, an atomic one without errors. */
  readonly written = (): boolean =>
    !this.truncated() && (this.mode === 'partial' || (this.mode === 'atomic' && this.errorCount === 0));

  /** An atomic import with a bad row writes nothing: the rest is read only to report every error. */
  readonly keepWriting = (): boolean => this.mode !== 'atomic' || this.errorCount === 0;

  get rejected(): boolean {
    return this.mode === 'atomic' && this.errorCount > 0;
  }

  /** The batch once the whole file is read: a dry run reports what would change, a rejected import nothing. */
  finished(counts: LoadCounts, registry: RegistryCounts | null, finishedAt: Date): BatchProgress {
    const reported = this.written() || this.mode === 'dry-run';
    return {
      status: this.rejected ? 'rejected' : 'completed',
      rowsRead: this.rowsRead,
      bytesRead: this.bytesRead,
      inserted: reported ? counts.inserted : 0,
      updated: reported ? counts.updated : 0,
      unchanged: reported ? counts.unchanged : 0,
      errorCount: this.errorCount,
      errors: this.errors,
      warningCount: this.warningCount,
      warnings: this.warnings,
      registry: registry && reported ? registry : null,
      fileHash: this.hash.digest('hex'),
      finishedAt,
    };
  }

  /** The batch of an import that stopped: the error that stopped it is the last one. */
  failed(error: RowError, finishedAt: Date): BatchProgress {
    return {
      status: 'failed',
      rowsRead: this.rowsRead,
      bytesRead: this.bytesRead,
      errorCount: this.errorCount + 1,
      errors: [...this.errors, error].slice(0, MAX_STORED_ERRORS),
      finishedAt,
    };
  }
}
