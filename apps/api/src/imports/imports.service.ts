import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ErrorDetail } from '@yardstick/contracts';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException, ConflictAppException, NotFoundAppException } from '../common/errors/app.exception.js';
import { checkResult } from '../results/results.service.js';
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import { ImportBatch, type ImportMode } from './entities/import-batch.entity.js';
import {
  ImportFileError,
  isRejected,
  parseImportFile,
  type ParsedRecord,
  type RowError,
  type StandardRef,
  type TableKind,
  type YardstickRecord,
} from './formats/index.js';
import { ResultsLoader, type StagedResult } from './results-loader.js';

/** Errors kept on the batch (all are counted); the full list is what the file would produce again. */
const MAX_STORED_ERRORS = 1000;
const PROGRESS_EVERY = 10_000;

export type ImportBatchBody = {
  id: string;
  format: string;
  mode: ImportMode;
  status: ImportBatch['status'];
  fileName: string | null;
  fileHash: string | null;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: RowError[];
  createdAt: string;
  finishedAt: string | null;
};

type ResolvedStandard = { standard: Standard; version: StandardVersion } | { error: string };

/** Column of the template that each result field comes from, to name it in errors. */
const COLUMN_OF: Record<string, string> = {
  period: 'period',
  channel: 'channel',
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  sampleSize: 'sample_size',
  dataQualityNote: 'data_quality_note',
};

@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: ResultsLoader,
  ) {}

  /** Reads, checks and loads a results file in Yardstick's template; answers with the finished batch. */
  async importResults(
    auth: AuthContext,
    file: {
      stream: Readable;
      kind: TableKind;
      fileName: string | null;
      truncated?: () => boolean;
      /** JSON bodies arrive as CSV with a header line: errors then name the item (line - 1). */
      itemNumbers?: boolean;
    },
    mode: ImportMode,
    batchId?: string,
  ): Promise<ImportBatchBody> {
    if (batchId && (await this.dataSource.manager.existsBy(ImportBatch, { id: batchId }))) {
      throw new ConflictAppException(`There is already an import ${batchId}.`, [
        { field: 'batchId', value: batchId, reason: 'already used' },
      ]);
    }
    const batch = await this.dataSource.manager.save(
      this.dataSource.manager.create(ImportBatch, {
        ...(batchId ? { id: batchId } : {}),
        format: 'yardstick',
        mode,
        fileName: file.fileName,
        createdBy: auth.actor.id,
      }),
    );
    const hash = createHash('sha256');
    const hashed = file.stream.pipe(
      new PassThrough({ transform: (chunk, _encoding, done) => (hash.update(chunk), done(null, chunk)) }),
    );
    file.stream.on('error', (error) => hashed.destroy(error));
    const errors: RowError[] = [];
    let errorCount = 0;
    let rowsRead = 0;
    const addErrors = (found: RowError[]): void => {
      errorCount += found.length;
      for (const error of found) {
        if (errors.length < MAX_STORED_ERRORS)
          errors.push(file.itemNumbers ? { ...error, line: error.line - 1 } : error);
      }
    };
    const staged = this.stage(
      auth,
      parseImportFile(hashed, { kind: file.kind, format: 'yardstick' }),
      addErrors,
      async () => {
        rowsRead += 1;
        if (rowsRead % PROGRESS_EVERY === 0)
          await this.dataSource.manager.update(ImportBatch, { id: batch.id }, { rowsRead });
      },
    );
    try {
      const counts = await this.loader.load(staged, {
        batchId: batch.id,
        recordedBy: auth.actor.id,
        shouldCommit: () => !file.truncated?.() && (mode === 'partial' || (mode === 'atomic' && errorCount === 0)),
      });
      if (file.truncated?.()) {
        throw new AppException(413, 'payload_too_large', 'The file is larger than this server accepts for an import.', [
          { field: 'file', reason: 'too large: nothing was written' },
        ]);
      }
      const written = mode === 'partial' || (mode === 'atomic' && errorCount === 0);
      await this.dataSource.manager.update(
        ImportBatch,
        { id: batch.id },
        {
          status: mode === 'atomic' && errorCount > 0 ? 'rejected' : 'completed',
          rowsRead,
          // A dry run reports what would change; a rejected atomic import changed nothing.
          inserted: written || mode === 'dry-run' ? counts.inserted : 0,
          updated: written || mode === 'dry-run' ? counts.updated : 0,
          unchanged: written || mode === 'dry-run' ? counts.unchanged : 0,
          errorCount,
          errors,
          fileHash: hash.digest('hex'),
          finishedAt: new Date(),
        },
      );
    } catch (error) {
      await this.dataSource.manager.update(
        ImportBatch,
        { id: batch.id },
        {
          status: 'failed',
          rowsRead,
          errorCount: errorCount + 1,
          errors: [...errors, fileErrorOf(error)].slice(0, MAX_STORED_ERRORS),
          finishedAt: new Date(),
        },
      );
      if (error instanceof ImportFileError) {
        throw new AppException(400, 'validation_failed', error.message, [
          { field: 'file', line: error.line, reason: error.message },
        ]);
      }
      throw error;
    }
    return this.get(auth, batch.id);
  }

  async get(auth: AuthContext, id: string): Promise<ImportBatchBody> {
    const batch = await this.dataSource.manager.findOneBy(ImportBatch, { id });
    if (!batch) throw new NotFoundAppException('Import', id);
    if (batch.createdBy !== auth.actor.id && !auth.can('audit:read')) {
      throw new NotFoundAppException('Import', id);
    }
    return toBatchBody(batch);
  }

  /** Turns parsed rows into loadable results: resolves each standard once, checks what needs it. */
  private async *stage(
    auth: AuthContext,
    rows: AsyncIterable<import('./formats/index.js').ParsedRow<YardstickRecord>>,
    addErrors: (errors: RowError[]) => void,
    onRow: () => Promise<void>,
  ): AsyncIterable<StagedResult> {
    const standards = new Map<string, Promise<ResolvedStandard>>();
    for await (const row of rows) {
      await onRow();
      if (isRejected(row)) {
        addErrors(row.errors);
        continue;
      }
      const key = refKey(row.record.standardRef);
      if (!standards.has(key)) standards.set(key, this.resolve(row.record.standardRef));
      const resolved = await standards.get(key)!;
      const staged = 'error' in resolved ? [errorAt(row, 'standard', resolved.error)] : checkRow(auth, row, resolved);
      if (Array.isArray(staged)) addErrors(staged);
      else yield staged;
    }
  }

  private async resolve(ref: StandardRef): Promise<ResolvedStandard> {
    const builder = this.dataSource.getRepository(Standard).createQueryBuilder('standard');
    if ('id' in ref) builder.where('standard.id = :id', { id: ref.id });
    else {
      builder
        .innerJoin('agencies', 'agency', 'agency.id = standard.agency_id')
        .where('upper(agency.abbreviation) = upper(:agency) AND standard.code = :code', ref);
    }
    const standard = await builder.getOne();
    if (!standard) {
      return {
        error: 'id' in ref ? `no standard with the id ${ref.id}` : `no standard ${ref.code} in agency ${ref.agency}`,
      };
    }
    const version = await this.dataSource.manager.findOneByOrFail(StandardVersion, {
      id: (standard.publishedVersionId ?? standard.pendingVersionId)!,
    });
    return { standard, version };
  }
}

function checkRow(
  auth: AuthContext,
  row: ParsedRecord<YardstickRecord>,
  { standard, version }: { standard: Standard; version: StandardVersion },
): StagedResult | RowError[] {
  if (!auth.can('results:write', standard.agencyId)) {
    return [errorAt(row, 'standard', `you may not record results for standard ${standard.code}`)];
  }
  if (standard.status === 'retired') return [errorAt(row, 'standard', `standard ${standard.code} is retired`)];
  const { record } = row;
  if (record.valueHasPercentSign && version.unit !== 'percent') {
    return [errorAt(row, 'value', `has a % sign, but standard ${standard.code} is measured in ${version.unit}`)];
  }
  try {
    const checked = checkResult(
      {
        standardId: standard.id,
        period: record.period.key,
        channel: record.channel,
        value: record.value,
        numerator: record.numerator,
        denominator: record.denominator,
        sampleSize: record.sampleSize,
        source: record.source,
        dataQualityNote: record.dataQualityNote,
      },
      version,
    );
    return {
      ...checked,
      standardId: standard.id,
      agencyId: standard.agencyId,
      channel: record.channel,
      sampleSize: record.sampleSize,
      source: record.source,
      dataQualityNote: record.dataQualityNote,
      explanationWhy: record.explanation?.why ?? null,
      explanationAction: record.explanation?.action ?? null,
    };
  } catch (error) {
    const details = (error as { details?: ErrorDetail[] }).details;
    if (!details) throw error;
    return details.map((d) => errorAt(row, COLUMN_OF[d.field ?? ''] ?? d.field ?? 'value', d.reason, d.value));
  }
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

function fileErrorOf(error: unknown): RowError {
  if (error instanceof ImportFileError) return { line: error.line ?? 1, reason: error.message };
  return { line: 0, reason: 'the import failed before it finished; nothing was written' };
}

/** A JSON array of template rows as a CSV stream, so that JSON goes through the same reader and checks. */
export function jsonRowsAsCsv(items: unknown): Readable {
  if (
    !Array.isArray(items) ||
    items.length === 0 ||
    !items.every((item) => typeof item === 'object' && item !== null)
  ) {
    throw new AppException(
      400,
      'validation_failed',
      "Send a JSON array of objects, one per result, with the template's columns as keys.",
      [{ field: 'body', reason: 'must be a non-empty array of objects' }],
    );
  }
  const columns = [...new Set(items.flatMap((item) => Object.keys(item as object)))];
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'object') return '"[object]"';
    return `"${String(value).replace(/"/g, '""')}"`;
  };
  const lines = [
    columns.join(','),
    ...items.map((item) => columns.map((c) => cell((item as Record<string, unknown>)[c])).join(',')),
  ];
  return Readable.from([lines.join('\n') + '\n']);
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
    inserted: batch.inserted,
    updated: batch.updated,
    unchanged: batch.unchanged,
    errorCount: batch.errorCount,
    errors: batch.errors as RowError[],
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
  };
}
