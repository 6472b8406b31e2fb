import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Direction, type ImportBatchBody } from '@yardstick/contracts';
import {
  resultPeriod,
  resultProblems,
  resultValue,
  unendedPeriodProblem,
  US_FEDERAL_CALENDAR,
  type FiscalCalendar,
  type ResultField,
  type ResultStandardFacts,
} from '@yardstick/metrics';
import { Clock } from '../common/clock.js';
import { inTransaction } from '../database/transaction.js';
import { DataSource, type QueryRunner } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import {
  AppException,
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import { Agency } from '../agencies/entities/agency.entity.js';
import { calendarOfAgency } from '../agencies/agency-calendar.js';
import { AuditService } from '../audit/audit.service.js';
import { lockAgencyResults } from '../results/result-write-lock.js';
import { ImportBatch, type ImportMode } from './entities/import-batch.entity.js';
import { ImportRun, type BatchProgress, type ImportSource } from './import-run.js';
import {
  ImportFileError,
  type AprRecord,
  type EmployeeFeedbackRecord,
  type GcServiceStandardRecord,
  type ImportFormat,
  flatten,
  isRejected,
  parseTableBatches,
  type ParsedRecord,
  type ParsedRow,
  type RowError,
  type StandardRef,
  type YardstickRecord,
} from './formats/index.js';
import {
  aprRegistryRow,
  gcRegistryRow,
  writeRegistry,
  type RegistryCounts,
  type RegistryRow,
} from './registry-import.js';
import { MAX_EMPLOYEE_FEEDBACK_ROWS, writeEmployeeFeedback } from './employee-feedback-import.js';
import { ResultsLoader, type LoadCounts, type StagedResult } from './results-loader.js';
import { CxImporter, isCxFormat, type CxImportFormat, type CxImportParams, type CxTarget } from '../cx/cx-import.js';
import { TransactionsImportService } from '../transactions/transactions-import.service.js';
import { TRANSACTIONS_FORMAT } from '../transactions/transactions-format.js';

/** Changed results an import's audit event lists one by one (the counts cover them all). */
const MAX_AUDITED_CHANGES = 10_000;

type AuditedChange = {
  agencyId: string;
  resultId: string;
  standardId: string;
  period: string;
  channel: string;
  revision: number;
  value: number | null;
  valueBefore: number | null;
};

/** What an import reads (a file's bytes, or a JSON body's items) and what is known of the upload. */
export type ImportFile = ImportSource & {
  fileName: string | null;
  /** The request's size in bytes, when known: bytesTotal, for progress bars. */
  size?: number | null;
  truncated?: () => boolean;
  /** Whether the client went away before the whole request arrived. */
  abandoned?: () => boolean;
  /** Transactions files: the upload is gzip-compressed (Content-Encoding: gzip, or a .csv.gz file). */
  gzip?: boolean;
};

export type ImportOptions = CxImportParams & {
  format: ImportFormat | CxImportFormat | typeof TRANSACTIONS_FORMAT;
  mode: ImportMode;
  batchId?: string;
  /** performance-gov-apr: the agency (abbreviation) the file reports for. */
  agency?: string;
  /** performance-gov-apr: the direction of KPIs whose Desired Direction is blank. */
  blankDirection?: Direction;
};

type AprAgency = { abbreviation: string; name: string; slug: string };

/** What a format imports into, checked before the batch starts: the APR file's agency, the CX collection, the service. */
type ImportTarget = {
  aprAgency: AprAgency | null;
  cx: CxTarget | null;
  service: Awaited<ReturnType<TransactionsImportService['service']>> | null;
};

/** Rows a service standards or APR file may have: their registry records are gathered before writing. */
export const MAX_REGISTRY_ROWS = 100_000;

@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: ResultsLoader,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cx: CxImporter,
    private readonly transactions: TransactionsImportService,
  ) {}

  /** Reads, checks and loads a file in one of the import formats; answers with the finished batch. */
  async importFile(auth: AuthContext, file: ImportFile, options: ImportOptions): Promise<ImportBatchBody> {
    const { mode, batchId, format } = options;
    if (batchId && (await this.dataSource.manager.existsBy(ImportBatch, { id: batchId }))) {
      throw new ConflictAppException(`There is already an import ${batchId}.`, [
        { field: 'batchId', value: batchId, reason: 'already used' },
      ]);
    }
    if (format === 'employee-feedback' && mode === 'partial') {
      // One survey spans several rows: keeping some of them would publish counts that do not add up.
      throw new ValidationFailedException([
        { field: 'mode', value: mode, reason: 'employee feedback files are imported whole: use atomic or dry-run' },
      ]);
    }
    if (file.json && (isCxFormat(format) || format === TRANSACTIONS_FORMAT)) {
      throw new AppException(415, 'unsupported_media_type', `A ${format} file is a file: send it as one.`, [
        { field: 'content-type', reason: 'must be multipart/form-data' },
      ]);
    }
    const target: ImportTarget = {
      aprAgency: format === 'performance-gov-apr' ? await this.aprAgency(auth, options.agency) : null,
      cx: isCxFormat(format) ? await this.cx.prepare(auth, format, options) : null,
      service: format === TRANSACTIONS_FORMAT ? await this.transactions.service(auth, options.serviceId) : null,
    };
    const batch = await this.dataSource.manager.save(
      this.dataSource.manager.create(ImportBatch, {
        ...(batchId ? { id: batchId } : {}),
        format,
        mode,
        fileName: file.fileName,
        createdBy: auth.actor.id,
        bytesTotal: file.size ?? null,
      }),
    );
    const saveBatch = (values: BatchProgress) => this.dataSource.manager.update(ImportBatch, { id: batch.id }, values);
    const run = new ImportRun(batch.id, mode, file, saveBatch, file.truncated);
    try {
      const { counts, registry } = await this.load(auth, run, file, options, target);
      if (file.truncated?.()) throw tooLarge();
      await saveBatch(run.finished(counts, registry, new Date()));
    } catch (error) {
      await saveBatch(run.failed(fileErrorOf(error), new Date()));
      throw this.failure(error, file, run);
    }
    // A customer feedback file with a bad row is refused as a whole: 422 naming each line and column.
    if (target.cx && run.rejected) {
      throw new AppException(
        422,
        'validation_failed',
        `The file has ${run.errorCount} problem${run.errorCount > 1 ? 's' : ''}; nothing was written (import ${batch.id}).`,
        run.errors.slice(0, 100).map((e) => ({
          line: e.line,
          ...(e.column !== undefined ? { column: e.column } : {}),
          ...(e.value !== undefined ? { value: e.value } : {}),
          reason: e.reason,
        })),
      );
    }
    return this.get(auth, batch.id);
  }

  /** Reads the file in its format and loads what it holds, as the run says (dry run, atomic or partial). */
  private async load(
    auth: AuthContext,
    run: ImportRun,
    file: ImportFile,
    options: ImportOptions,
    target: ImportTarget,
  ): Promise<{ counts: LoadCounts; registry: RegistryCounts | null }> {
    const { format } = options;
    if (target.service) {
      const counts = await this.transactions.load({
        service: target.service,
        batchId: run.batchId,
        stream: run.input(),
        gzip: file.gzip ?? false,
        shouldCommit: run.written,
        keepMerging: run.keepWriting,
        addErrors: run.addErrors,
        onRows: run.onRows,
      });
      return { counts, registry: null };
    }
    if (target.cx) {
      const counts = await this.cx.importFile(target.cx, run.input(), file.kind, {
        mode: run.mode,
        addErrors: run.addErrors,
        addWarnings: run.addWarnings,
        onRows: run.onRows,
        shouldCommit: run.written,
        keepWriting: run.keepWriting,
      });
      return { counts, registry: null };
    }
    if (format === 'yardstick') return { counts: await this.loadResults(auth, run), registry: null };
    if (format === 'employee-feedback') return { counts: await this.loadEmployeeFeedback(auth, run), registry: null };
    if (format === 'gc-service-standards' || format === 'performance-gov-apr') {
      return this.loadRegistryFile(auth, run, options, target.aprAgency);
    }
    throw new Error(`Unknown import format ${String(format)}`);
  }

  /** Yardstick's template: each row checked against its standard, loaded as it comes. */
  private loadResults(auth: AuthContext, run: ImportRun): Promise<LoadCounts> {
    const staged = this.stage(auth, parseTableBatches(run.table(), { format: 'yardstick' }), run, this.clock.today());
    return inTransaction(this.dataSource, run.written, async (runner) => {
      const loaded = await this.loader.loadWithin(runner, staged, {
        batchId: run.batchId,
        recordedBy: auth.actor.id,
        keepMerging: run.keepWriting,
      });
      if (run.written()) await this.auditResultChanges(auth, runner, run.batchId);
      return loaded;
    });
  }

  private async loadEmployeeFeedback(auth: AuthContext, run: ImportRun): Promise<LoadCounts> {
    const rows: ParsedRecord<EmployeeFeedbackRecord>[] = [];
    for await (const row of flatten(parseTableBatches(run.table(), { format: 'employee-feedback' }))) {
      await this.countRow(run, 'employee-feedback', row.line, MAX_EMPLOYEE_FEEDBACK_ROWS);
      if (isRejected(row)) run.addErrors(row.errors);
      else rows.push(row);
    }
    return inTransaction(this.dataSource, run.written, (runner) =>
      writeEmployeeFeedback(runner.manager, auth, rows, run.addErrors),
    );
  }

  /** A service standards or APR file: its registry records are gathered, then written with its results. */
  private async loadRegistryFile(
    auth: AuthContext,
    run: ImportRun,
    options: ImportOptions,
    aprAgency: AprAgency | null,
  ): Promise<{ counts: LoadCounts; registry: RegistryCounts }> {
    const gc = options.format === 'gc-service-standards';
    const batches: AsyncIterable<ParsedRow<GcServiceStandardRecord | AprRecord>[]> = gc
      ? parseTableBatches(run.table(), { format: 'gc-service-standards' })
      : parseTableBatches(run.table(), { format: 'performance-gov-apr', blankDirection: options.blankDirection });
    const today = this.clock.today();
    const rows: RegistryRow[] = [];
    for await (const row of flatten(batches)) {
      const progress = run.onRows(1);
      if (progress) await progress;
      if (isRejected(row)) {
        run.addErrors(row.errors);
        continue;
      }
      if (run.rowsRead > MAX_REGISTRY_ROWS) throw tooManyRows(options.format, MAX_REGISTRY_ROWS, row.line);
      run.addWarnings(row.warnings);
      const registryRow = gc
        ? gcRegistryRow(row.line, row.record as GcServiceStandardRecord, row.at)
        : aprRegistryRow(row.line, row.record as AprRecord, aprAgency!, row.at);
      // The same rule as POST /results: a period that has not ended has no result yet.
      const unended = registryRow.result && unendedPeriodProblem(registryRow.result.period, today);
      if (unended) {
        run.addErrors([{ line: row.line, ...row.at, column: gc ? 'fiscal_yr' : 'Year', reason: unended }]);
        continue;
      }
      rows.push(registryRow);
    }
    return this.writeRegistryFile(auth, rows, run);
  }

  /** Counts a row read, and refuses a file with more than `max`. */
  private async countRow(run: ImportRun, format: string, line: number, max: number): Promise<void> {
    const progress = run.onRows(1);
    if (progress) await progress;
    if (run.rowsRead > max) throw tooManyRows(format, max, line);
  }

  /** What an import that stopped answers: the client's fault (4xx) when it was, else the error itself. */
  private failure(error: unknown, file: ImportFile, run: ImportRun): unknown {
    if (file.truncated?.()) return tooLarge();
    if (error instanceof ImportFileError) {
      return new AppException(400, 'validation_failed', error.message, [
        { field: 'file', line: error.line, reason: error.message },
      ]);
    }
    // The client's doing, not a fault of ours: a warning, and no one is left to read the answer.
    if (file.abandoned?.() || isClientAbort(error)) {
      this.logger.warn(
        { batchId: run.batchId, bytesReceived: run.bytesRead, bytesTotal: file.size ?? null, rowsRead: run.rowsRead },
        'The client abandoned the upload before it ended; nothing was written',
      );
      return new AppException(400, 'bad_request', 'The upload ended before the whole file arrived.', [
        { field: 'file', reason: 'the connection closed before the end of the file: nothing was written' },
      ]);
    }
    return error;
  }

  /** Registry records and results of a service standards or APR file, in one transaction. */
  private async writeRegistryFile(
    auth: AuthContext,
    rows: RegistryRow[],
    run: ImportRun,
  ): Promise<{ counts: LoadCounts; registry: RegistryCounts }> {
    return inTransaction(this.dataSource, run.written, async (runner) => {
      // One registry import of an agency at a time: two would race to create the same records.
      await lockAgencyResults(
        (sql, parameters) => runner.query(sql, parameters),
        rows.map((row) => `registry:${row.agency.abbreviation.toUpperCase()}`),
      );
      const { counts: registry, created, results } = await writeRegistry(runner, auth, rows, run.addErrors);
      // The registry records an import adds are in the audit trail, with the import that added them.
      if (Object.values(created).some((ids) => ids.length > 0)) {
        await this.audit.record(
          auth,
          {
            action: 'import.registry',
            entityType: 'import',
            entityId: run.batchId,
            after: { created, counts: registry },
          },
          runner.manager,
        );
      }
      const counts = await this.loader.loadWithin(runner, [results], {
        batchId: run.batchId,
        recordedBy: auth.actor.id,
      });
      if (run.written()) await this.auditResultChanges(auth, runner, run.batchId);
      return { counts, registry };
    });
  }

  /**
   * The results a file changed, in the audit trail with the batch: one `import.results` event per agency,
   * in the import's transaction, with the counts and (up to MAX_AUDITED_CHANGES) each result inserted or
   * revised, its revision and the value before and after, and the results whose explanation the file wrote.
   * Beyond that number the event says how many are left out; they are the results and result_revisions
   * that carry the batch's id.
   */
  private async auditResultChanges(auth: AuthContext, runner: QueryRunner, batchId: string): Promise<void> {
    const totals: { agency_id: string; inserted: number; updated: number }[] = await runner.query(
      `SELECT agency_id, count(*) FILTER (WHERE revision = 1)::int AS inserted,
         count(*) FILTER (WHERE revision > 1)::int AS updated
       FROM results WHERE batch_id = $1 GROUP BY agency_id`,
      [batchId],
    );
    const changes: AuditedChange[] = await runner.query(
      `SELECT r.agency_id AS "agencyId", r.id AS "resultId", r.standard_id AS "standardId", r.period_key AS period,
         r.channel, r.revision, r.value::float8 AS value, v.value::float8 AS "valueBefore"
       FROM results r LEFT JOIN result_revisions v ON v.result_id = r.id AND v.revision = r.revision - 1
       WHERE r.batch_id = $1 ORDER BY r.agency_id, r.standard_id, r.period_start, r.channel LIMIT $2`,
      [batchId, MAX_AUDITED_CHANGES],
    );
    // Written in this transaction (now() is its start): explanations the file added or reworded.
    const explained: { agencyId: string; resultId: string }[] = await runner.query(
      `SELECT r.agency_id AS "agencyId", r.id AS "resultId" FROM explanations e JOIN results r ON r.id = e.result_id
       WHERE e.updated_at = now() AND e.written_by IS NOT DISTINCT FROM $1 ORDER BY r.agency_id, r.id LIMIT $2`,
      [auth.actor.id, MAX_AUDITED_CHANGES],
    );
    const agencies = new Set([...totals.map((t) => t.agency_id), ...explained.map((e) => e.agencyId)]);
    for (const agencyId of agencies) {
      const total = totals.find((t) => t.agency_id === agencyId) ?? { inserted: 0, updated: 0 };
      const listed = changes.filter((c) => c.agencyId === agencyId).map(({ agencyId: _, ...change }) => change);
      await this.audit.record(
        auth,
        {
          action: 'import.results',
          entityType: 'import',
          entityId: batchId,
          agencyId,
          after: {
            batchId,
            inserted: total.inserted,
            updated: total.updated,
            changes: listed,
            notListed: total.inserted + total.updated - listed.length,
            explained: explained.filter((e) => e.agencyId === agencyId).map((e) => e.resultId),
          },
        },
        runner.manager,
      );
    }
  }

  /** The agency an APR file reports for: it must exist, and the caller must be able to write for it. */
  private async aprAgency(auth: AuthContext, abbreviation: string | undefined): Promise<AprAgency> {
    if (!abbreviation) {
      throw new ValidationFailedException([
        {
          field: 'agency',
          reason: 'is required for an APR file, which does not name its agency: give its abbreviation',
        },
      ]);
    }
    const agency = await this.dataSource.manager
      .getRepository(Agency)
      .createQueryBuilder('agency')
      .where('upper(agency.abbreviation) = upper(:abbreviation)', { abbreviation })
      .getOne();
    if (!agency) {
      throw new ValidationFailedException([
        { field: 'agency', value: abbreviation, reason: 'no agency with this abbreviation' },
      ]);
    }
    auth.require('registry:write', agency.id);
    return { abbreviation: agency.abbreviation, name: agency.name, slug: agency.slug };
  }

  async get(auth: AuthContext, id: string): Promise<ImportBatchBody> {
    const batch = await this.dataSource.manager.findOneBy(ImportBatch, { id });
    if (!batch) throw new NotFoundAppException('Import', id);
    if (batch.createdBy !== auth.actor.id && !auth.can('audit:read')) {
      throw new NotFoundAppException('Import', id);
    }
    return toBatchBody(batch);
  }

  /** Turns parsed rows into loadable results, a batch at a time: resolves each standard once, checks what needs it. */
  private async *stage(
    auth: AuthContext,
    batches: AsyncIterable<ParsedRow<YardstickRecord>[]>,
    run: ImportRun,
    today: string,
  ): AsyncIterable<StagedResult[]> {
    const pending = new Map<string, Promise<StandardFacts | string>>();
    const resolved = new Map<string, StandardFacts | string>();
    let lastRef: StandardRef | undefined;
    let last: StandardFacts | string = '';
    for await (const rows of batches) {
      const progress = run.onRows(rows.length);
      if (progress) await progress;
      const staged: StagedResult[] = [];
      for (const row of rows) {
        if (isRejected(row)) {
          run.addErrors(row.errors);
          continue;
        }
        const ref = row.record.standardRef;
        // Rows of one standard tend to come together: most rows skip the lookup.
        if (ref !== lastRef) {
          const key = refKey(ref);
          let facts = resolved.get(key);
          if (facts === undefined) {
            let lookup = pending.get(key);
            if (!lookup) pending.set(key, (lookup = this.resolve(auth, ref)));
            facts = await lookup;
            resolved.set(key, facts);
          }
          lastRef = ref;
          last = facts;
        }
        if (typeof last === 'string') {
          run.addErrors([errorAt(row, 'standard', last)]);
          continue;
        }
        const checked = checkRow(row, last, today);
        if (checked.errors) run.addErrors(checked.errors);
        else staged.push(checked.result);
      }
      if (staged.length > 0) yield staged;
    }
  }

  /** What the checks of each row need to know about a standard, or why its rows cannot be loaded. */
  private async resolve(auth: AuthContext, ref: StandardRef): Promise<StandardFacts | string> {
    const builder = this.dataSource.getRepository(Standard).createQueryBuilder('standard');
    if ('id' in ref) builder.where('standard.id = :id', { id: ref.id });
    else {
      builder
        .innerJoin('agencies', 'agency', 'agency.id = standard.agency_id')
        .where('upper(agency.abbreviation) = upper(:agency) AND standard.code = :code', ref);
    }
    const standard = await builder.getOne();
    if (!standard) {
      return 'id' in ref ? `no standard with the id ${ref.id}` : `no standard ${ref.code} in agency ${ref.agency}`;
    }
    if (!auth.can('results:write', standard.agencyId)) {
      return `you may not record results for standard ${standard.code}`;
    }
    if (standard.status === 'retired') return `standard ${standard.code} is retired`;
    const version = await this.dataSource.manager.findOneByOrFail(StandardVersion, {
      id: (standard.publishedVersionId ?? standard.pendingVersionId)!,
    });
    return {
      id: standard.id,
      agencyId: standard.agencyId,
      calendar: await calendarOfAgency(this.dataSource.manager, standard.agencyId),
      code: standard.code,
      computation: version.computation,
      unit: version.unit,
      valueRange: version.valueRange,
      frequency: version.frequency,
      channelScope: version.channelScope,
    };
  }
}

/** A standard as the row checks see it, resolved once per file. */
type StandardFacts = ResultStandardFacts & {
  id: string;
  agencyId: string;
  /** The agency's fiscal calendar, in which the row's period is dated. */
  calendar: FiscalCalendar;
};

/** Where a template row keeps each field of a result. */
const COLUMN_OF: Record<ResultField, string> = {
  period: 'period',
  channel: 'channel',
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  dataQualityNote: 'data_quality_note',
};

/**
 * The checks of a result that need its standard: `resultProblems`, as for POST /results (the rest ran in
 * the template's parser, which asked the same function without the standard). Written for a million rows:
 * no object is made for a row that passes but the one loaded.
 */
function checkRow(
  row: ParsedRecord<YardstickRecord>,
  standard: StandardFacts,
  today: string,
): { result: StagedResult; errors?: undefined } | { errors: RowError[] } {
  const { record } = row;
  // The parser dates periods in the October calendar; an agency with another one has them again in its own.
  const figures = standard.calendar === US_FEDERAL_CALENDAR ? record : { ...record, period: record.period.key };
  const problems = resultProblems(figures, standard, { today });
  if (problems.length > 0) {
    return { errors: problems.map((p) => errorAt(row, COLUMN_OF[p.field], p.reason, p.value)) };
  }
  const period = resultPeriod(figures.period, standard.calendar)!;
  return {
    result: {
      standardId: standard.id,
      agencyId: standard.agencyId,
      periodKey: period.key,
      frequency: period.frequency,
      periodStart: period.start,
      periodEnd: period.end,
      fiscalYear: period.fiscalYear,
      channel: record.channel,
      value: resultValue(record, standard),
      numerator: record.numerator,
      denominator: record.denominator,
      sampleSize: record.sampleSize,
      source: record.source,
      dataQualityNote: record.dataQualityNote,
      explanationWhy: record.explanation?.why ?? null,
      explanationAction: record.explanation?.action ?? null,
    },
  };
}

function errorAt(row: ParsedRecord<YardstickRecord>, column: string, reason: string, value?: unknown): RowError {
  return {
    line: row.line,
    ...(row.sheet ? { sheet: row.sheet } : {}),
    ...(row.cellRefs?.[column] ? { cell: row.cellRefs[column] } : {}),
    column,
    ...(value !== undefined && value !== null ? { value: String(value) } : {}),
    reason,
  };
}

function refKey(ref: StandardRef): string {
  return 'id' in ref ? `id:${ref.id.toLowerCase()}` : `code:${ref.agency.toUpperCase()}/${ref.code}`;
}

/** Node's error for a request whose connection closed before its body ended ("aborted", ECONNRESET). */
function isClientAbort(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'ECONNRESET' && message === 'aborted';
}

function fileErrorOf(error: unknown): RowError {
  if (error instanceof ImportFileError) return { line: error.line ?? 1, reason: error.message };
  return { line: 0, reason: 'the import failed before it finished; nothing was written' };
}

/** A JSON body's items, each an object keyed by the template's columns; else a 400. */
export function jsonItems(body: unknown): Record<string, unknown>[] {
  if (
    !Array.isArray(body) ||
    body.length === 0 ||
    !body.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
  ) {
    throw new AppException(
      400,
      'validation_failed',
      "Send a JSON array of objects, one per result, with the template's columns as keys.",
      [{ field: 'body', reason: 'must be a non-empty array of objects' }],
    );
  }
  return body as Record<string, unknown>[];
}

function tooLarge(): AppException {
  return new AppException(413, 'payload_too_large', 'The file is larger than this server accepts for an import.', [
    { field: 'file', reason: 'too large: nothing was written' },
  ]);
}

function tooManyRows(format: string, max: number, line: number): ImportFileError {
  return new ImportFileError('too_many_rows', `A ${format} file may have up to ${max} rows.`, line);
}

export function toBatchBody(batch: ImportBatch): ImportBatchBody {
  return {
    id: batch.id,
    format: batch.format,
    mode: batch.mode,
    status: batch.status,
    fileName: batch.fileName,
    fileHash: batch.fileHash,
    rowsRead: batch.rowsRead,
    bytesRead: batch.bytesRead,
    bytesTotal: batch.bytesTotal,
    inserted: batch.inserted,
    updated: batch.updated,
    unchanged: batch.unchanged,
    errorCount: batch.errorCount,
    errors: batch.errors as RowError[],
    warningCount: batch.warningCount,
    warnings: batch.warnings as RowError[],
    registry: batch.registry,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
  };
}
