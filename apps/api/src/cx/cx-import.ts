import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CHANNELS, CX_SURVEY_TYPES, type Channel, type CxQuestionSet, type CxSurveyType } from '@yardstick/contracts';
import type { PoolClient } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { DataSource, type QueryRunner } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException, ConflictAppException, ValidationFailedException } from '../common/errors/app.exception.js';
import { inTransaction } from '../database/transaction.js';
import { readTableBatches } from '../imports/formats/read-table.js';
import { requireHeader } from '../imports/formats/header.js';
import { RowReader } from '../imports/formats/row-reader.js';
import {
  ImportFileError,
  isRejected,
  type ParsedRow,
  type RowError,
  type TableKind,
} from '../imports/formats/types.js';
import type { LoadCounts } from '../imports/results-loader.js';
import {
  A11_COUNTS_HEADER,
  a11V2Columns,
  a11V2Line,
  HISP_QUESTIONS_HEADER,
  HISP_VOLUMES_HEADER,
  hispFileKind,
  parseCountsRow,
  parseHispRow,
  type SurveyRow,
} from './cx-formats.js';
import { CX_EDITABLE, CxService } from './cx.service.js';

export const CX_IMPORT_FORMATS = ['a11-responses', 'a11-question-counts', 'performance-gov-hisp'] as const;
export type CxImportFormat = (typeof CX_IMPORT_FORMATS)[number];

export function isCxFormat(format: string): format is CxImportFormat {
  return (CX_IMPORT_FORMATS as readonly string[]).includes(format);
}

export type CxImportParams = {
  serviceId?: string;
  fiscalYear?: number;
  quarter?: number;
  channel?: string;
  surveyType?: string;
};

/** What an import writes into, checked before the file is read. */
export type CxTarget = {
  format: CxImportFormat;
  serviceId: string;
  agencyId: string;
  fiscalYear: number | null;
  quarter: number | null;
  channel: Channel;
  surveyType: CxSurveyType | null;
};

export type CxImportHooks = {
  mode: 'atomic' | 'partial' | 'dry-run';
  addErrors: (errors: RowError[]) => void;
  addWarnings: (warnings: RowError[]) => void;
  onRows: (count: number) => Promise<void> | undefined;
  /** Asked at the end: false rolls everything back. */
  shouldCommit: () => boolean;
  /** False once the import will be rolled back anyway (an atomic import with a bad row): stop writing. */
  keepWriting: () => boolean;
};

/** Rows an aggregated file (question counts, performance.gov) may have: they are gathered before writing. */
const MAX_SURVEY_ROWS = 10_000;
const COPY_COLUMNS = `external_id, trust, ${['positive', 'negative']
  .flatMap((side) =>
    ['effectiveness', 'ease', 'efficiency', 'transparency', 'humanity', 'employee', 'other'].map((d) => `${side}_${d}`),
  )
  .join(', ')}, free_text`;
const WRITE_BYTES = 64 * 1024;

/**
 * Customer feedback files through the import pipeline. Per-response files are streamed with COPY: straight
 * into cx_responses when the collection has none yet (a first upload, the large case), else into a staging
 * table merged set-based on (collection, external_id), so that re-uploading a file changes nothing.
 */
@Injectable()
export class CxImporter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cx: CxService,
  ) {}

  /** Checks the query parameters and the caller's right to write for the service, before any row is read. */
  async prepare(auth: AuthContext, format: CxImportFormat, params: CxImportParams): Promise<CxTarget> {
    const problems: { field: string; value?: unknown; reason: string }[] = [];
    if (!params.serviceId) problems.push({ field: 'serviceId', reason: 'is required: the service the surveys are of' });
    const responses = format === 'a11-responses';
    if (responses) {
      if (params.fiscalYear === undefined) problems.push({ field: 'fiscalYear', reason: 'is required' });
      else if (params.fiscalYear < 2024) {
        problems.push({
          field: 'fiscalYear',
          value: params.fiscalYear,
          reason:
            'must be 2024 or later: the per-response (v2) questions start in FY2024; use format=a11-question-counts before',
        });
      }
      if (params.quarter === undefined) problems.push({ field: 'quarter', reason: 'is required' });
      if (!params.channel) problems.push({ field: 'channel', reason: 'is required' });
    }
    if (params.channel && !(CHANNELS as readonly string[]).includes(params.channel)) {
      problems.push({ field: 'channel', value: params.channel, reason: `must be one of: ${CHANNELS.join(', ')}` });
    }
    if (params.surveyType && !(CX_SURVEY_TYPES as readonly string[]).includes(params.surveyType)) {
      problems.push({ field: 'surveyType', value: params.surveyType, reason: 'must be thumbs or likert' });
    }
    if (problems.length > 0) throw new ValidationFailedException(problems);
    const service = await this.cx.writableService(auth, params.serviceId!, 'serviceId');
    if (responses) this.cx.checkQuarter(params.fiscalYear!, params.quarter!);
    return {
      format,
      serviceId: service.id,
      agencyId: service.agencyId,
      fiscalYear: params.fiscalYear ?? null,
      quarter: params.quarter ?? null,
      channel: (params.channel ?? 'other') as Channel,
      surveyType: (params.surveyType as CxSurveyType | undefined) ?? null,
    };
  }

  async importFile(target: CxTarget, input: Readable, kind: TableKind, hooks: CxImportHooks): Promise<LoadCounts> {
    return inTransaction(this.dataSource, hooks.shouldCommit, (runner) =>
      target.format === 'a11-responses'
        ? this.loadResponses(runner, target, input, kind, hooks)
        : this.loadSurveys(runner, target, input, kind, hooks),
    );
  }

  // -------------------------------------------------------------------------------- per-response files

  private async loadResponses(
    runner: QueryRunner,
    target: CxTarget,
    input: Readable,
    kind: TableKind,
    hooks: CxImportHooks,
  ): Promise<LoadCounts> {
    const client = (await runner.connect()) as PoolClient;
    await client.query(`SET LOCAL jit = off`);
    const collectionId = await this.editableCollection(runner, target, target.fiscalYear!, target.quarter!);
    const detail = await this.detailFor(runner, collectionId, target.channel, 'v2', target.surveyType);
    const { rows: existing } = await client.query<{ any: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM cx_responses WHERE collection_id = $1) AS any',
      [collectionId],
    );
    // A first upload goes straight into cx_responses (its primary key finds a repeated id); otherwise, or to
    // keep the good rows of a file with repeats (partial), through staging and a merge.
    const direct = !existing[0]!.any && hooks.mode !== 'partial';
    const prefix = direct ? `"${collectionId}","${detail.id}",` : '';
    if (!direct) {
      await client.query(
        `CREATE TEMPORARY TABLE cx_staging (line integer NOT NULL, external_id text NOT NULL, trust smallint NOT NULL,
           ${COPY_COLUMNS.split(', ')
             .slice(2, 16)
             .map((c) => `${c} boolean NOT NULL`)
             .join(', ')}, free_text text)
         ON COMMIT DROP`,
      );
    }
    const copy: CopyStreamQuery = client.query(
      copyFrom(
        direct
          ? `COPY cx_responses (collection_id, detail_id, ${COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv)`
          : `COPY cx_staging (line, ${COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv)`,
      ),
    );
    let copyError = null as Error | null; // set by the stream's error handler
    const finished = new Promise<void>((resolve) => {
      copy.on('finish', resolve);
      copy.on('close', resolve);
      copy.on('error', (error: Error) => {
        copyError = error;
        resolve();
      });
    });
    /** The file line of each COPY line, to name the line of a repeated id that the primary key finds. */
    let lines = new Uint32Array(1 << 16);
    let copied = 0;
    let writing = true;
    let pending = '';
    const flush = async (): Promise<void> => {
      if (pending === '' || copyError) return;
      const ok = copy.write(pending);
      pending = '';
      if (!ok && !copyError) {
        await new Promise<void>((resolve) => {
          const done = () => {
            copy.off('drain', done);
            copy.off('error', done);
            resolve();
          };
          copy.on('drain', done);
          copy.on('error', done);
        });
      }
    };
    let headers: string[] | undefined;
    const surveyType = detail.surveyType;
    try {
      for await (const rows of readTableBatches(input, kind)) {
        const progress = hooks.onRows(rows.length);
        if (progress) await progress;
        for (const row of rows) {
          headers ??= a11V2Columns(row);
          if (row.errors) {
            hooks.addErrors(row.errors);
            continue;
          }
          const parsed = a11V2Line(row, headers, surveyType);
          if ('errors' in parsed) {
            hooks.addErrors(parsed.errors);
            continue;
          }
          if (!writing) continue;
          if (copied === lines.length) {
            const grown = new Uint32Array(lines.length * 2);
            grown.set(lines);
            lines = grown;
          }
          lines[copied++] = row.line;
          pending += direct ? prefix + parsed.line + '\n' : row.line + ',' + parsed.line + '\n';
        }
        if (writing && !hooks.keepWriting()) writing = false;
        if (pending.length >= WRITE_BYTES || !writing) await flush();
      }
      if (headers === undefined)
        throw new ImportFileError('empty_file', 'The file has no responses: it is empty or has only a header.', 1);
      await flush();
    } catch (error) {
      // The connection is in COPY mode: end it with CopyFail before the transaction can roll back.
      copy.destroy(error as Error);
      await finished;
      throw error;
    }
    copy.end();
    await finished;
    if (copyError) {
      const duplicate = duplicateOf(copyError, lines);
      if (!duplicate) throw copyError;
      hooks.addErrors([duplicate]);
      return { staged: copied, inserted: 0, updated: 0, unchanged: copied };
    }
    if (direct) return { staged: copied, inserted: copy.rowCount, updated: 0, unchanged: copied - copy.rowCount };
    return this.mergeStaged(client, collectionId, detail.id, copied, hooks);
  }

  /** Repeats within the file and ids of another survey of the collection are errors; the rest is merged. */
  private async mergeStaged(
    client: PoolClient,
    collectionId: string,
    detailId: string,
    staged: number,
    hooks: CxImportHooks,
  ): Promise<LoadCounts> {
    const { rows: repeats } = await client.query<{ line: number; external_id: string; first: number }>(
      `SELECT line, external_id, first FROM (
         SELECT line, external_id, min(line) OVER (PARTITION BY external_id) AS first FROM cx_staging) s
       WHERE line <> first ORDER BY line LIMIT 1000`,
    );
    const { rows: elsewhere } = await client.query<{ line: number; external_id: string; channel: string }>(
      `SELECT s.line, s.external_id, d.channel FROM cx_staging s
       JOIN cx_responses r ON r.collection_id = $1 AND r.external_id = s.external_id AND r.detail_id <> $2
       JOIN cx_collection_details d ON d.id = r.detail_id ORDER BY s.line LIMIT 1000`,
      [collectionId, detailId],
    );
    hooks.addErrors([
      ...repeats.map((r) => ({
        line: r.line,
        column: 'external_id',
        value: r.external_id,
        reason: `is repeated: line ${r.first} has the same id`,
      })),
      ...elsewhere.map((r) => ({
        line: r.line,
        column: 'external_id',
        value: r.external_id,
        reason: `is already a response of this collection's ${r.channel} survey`,
      })),
    ]);
    if (!hooks.keepWriting()) return { staged, inserted: 0, updated: 0, unchanged: staged };
    const flags = COPY_COLUMNS.split(', ').slice(1, 16);
    const { rows } = await client.query<{ inserted: number; updated: number }>(
      `WITH up AS (
         INSERT INTO cx_responses (collection_id, detail_id, ${COPY_COLUMNS})
         SELECT DISTINCT ON (s.external_id) $1::uuid, $2::uuid, ${COPY_COLUMNS.split(', ')
           .map((c) => `s.${c}`)
           .join(', ')}
         FROM cx_staging s
         WHERE NOT EXISTS (SELECT 1 FROM cx_responses r WHERE r.collection_id = $1 AND r.external_id = s.external_id AND r.detail_id <> $2)
         ORDER BY s.external_id, s.line
         ON CONFLICT (collection_id, external_id) DO UPDATE SET
           ${[...flags, 'free_text'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
         WHERE (${[...flags, 'free_text'].map((c) => `cx_responses.${c}`).join(', ')})
           IS DISTINCT FROM (${[...flags, 'free_text'].map((c) => `EXCLUDED.${c}`).join(', ')})
         RETURNING (xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
      [collectionId, detailId],
    );
    const { inserted, updated } = rows[0]!;
    if (inserted + updated > 0)
      await client.query('UPDATE cx_collections SET updated_at = now() WHERE id = $1', [collectionId]);
    // Rows refused (repeats, another survey's ids) are errors, not unchanged.
    const { rows: kept } = await client.query<{ n: number }>(
      `SELECT count(DISTINCT s.external_id)::int AS n FROM cx_staging s
       WHERE NOT EXISTS (SELECT 1 FROM cx_responses r WHERE r.collection_id = $1 AND r.external_id = s.external_id
         AND r.detail_id <> $2)`,
      [collectionId, detailId],
    );
    return { staged, inserted, updated, unchanged: kept[0]!.n - inserted - updated };
  }

  // ------------------------------------------------------------------- aggregated files (v1, averages)

  private async loadSurveys(
    runner: QueryRunner,
    target: CxTarget,
    input: Readable,
    kind: TableKind,
    hooks: CxImportHooks,
  ): Promise<LoadCounts> {
    const rows: (SurveyRow & { line: number })[] = [];
    let hispKind: 'volumes' | 'questions' | undefined;
    let columns: Map<string, string> | undefined;
    const seen = new Map<string, number>();
    let names: { hisp: string; service: string } | undefined;
    for await (const batch of readTableBatches(input, kind)) {
      const progress = hooks.onRows(batch.length);
      if (progress) await progress;
      for (const row of batch) {
        if (target.format === 'performance-gov-hisp') hispKind ??= hispFileKind(row.header.names);
        columns ??= requireHeader(
          row.header.names,
          target.format === 'a11-question-counts'
            ? A11_COUNTS_HEADER
            : hispKind === 'volumes'
              ? HISP_VOLUMES_HEADER
              : HISP_QUESTIONS_HEADER,
          row.header.line,
        );
        if (row.errors) {
          hooks.addErrors(row.errors);
          continue;
        }
        if (rows.length >= MAX_SURVEY_ROWS) {
          throw new ImportFileError(
            'too_many_rows',
            `A ${target.format} file may have up to ${MAX_SURVEY_ROWS} rows.`,
            row.line,
          );
        }
        const reader = new RowReader(row, columns);
        const parsed: ParsedRow<SurveyRow> =
          target.format === 'a11-question-counts' ? parseCountsRow(reader) : parseHispRow(reader, hispKind!);
        if (isRejected(parsed)) {
          hooks.addErrors(parsed.errors);
          continue;
        }
        hooks.addWarnings(parsed.warnings);
        const record = parsed.record;
        if ('hisp' in record) {
          const own = record as SurveyRow & { hisp: string; service: string };
          names ??= { hisp: own.hisp, service: own.service };
          if (own.hisp !== names.hisp || own.service !== names.service) {
            hooks.addErrors([
              {
                line: row.line,
                column: 'hisp',
                value: own.hisp,
                reason: `names another service than the first row (${names.hisp} ${names.service}): one file, one service`,
              },
            ]);
            continue;
          }
          record.channel = target.channel;
        }
        const key = `${record.fiscalYear}-${record.quarter}-${record.channel}-${record.questions[0]?.question ?? ''}`;
        const first = seen.get(key);
        if (first !== undefined) {
          hooks.addErrors([
            {
              line: row.line,
              column: 'quarter',
              value: String(record.quarter),
              reason: `repeats line ${first} (same fiscal year, quarter${record.questions.length === 1 ? ', question' : ''} and channel)`,
            },
          ]);
          continue;
        }
        seen.set(key, row.line);
        const started = this.quarterProblem(record.fiscalYear, record.quarter);
        if (started) {
          hooks.addErrors([{ line: row.line, column: 'quarter', value: String(record.quarter), reason: started }]);
          continue;
        }
        rows.push({ ...record, line: row.line });
      }
    }
    if (columns === undefined)
      throw new ImportFileError('empty_file', 'The file has no rows: it is empty or has only a header.', 1);
    const counts: LoadCounts = { staged: rows.length, inserted: 0, updated: 0, unchanged: 0 };
    const questionSet: CxQuestionSet = target.format === 'a11-question-counts' ? 'v1' : 'averages';
    for (const row of rows) {
      if (!hooks.keepWriting()) break;
      let collectionId: string;
      try {
        collectionId = await this.editableCollection(runner, target, row.fiscalYear, row.quarter);
      } catch (error) {
        if (!(error instanceof AppException)) throw error;
        hooks.addErrors([{ line: row.line, column: 'quarter', value: String(row.quarter), reason: error.message }]);
        continue;
      }
      const outcome = await this.writeSurvey(runner, collectionId, row, questionSet, target.surveyType);
      if ('error' in outcome)
        hooks.addErrors([{ line: row.line, column: 'channel', value: row.channel, reason: outcome.error }]);
      else if (outcome.written !== 'unchanged') counts[outcome.written] += 1;
    }
    counts.unchanged = counts.staged - counts.inserted - counts.updated;
    return counts;
  }

  /** A survey's volumes and question answers, written over what was there: inserted, updated or unchanged. */
  private async writeSurvey(
    runner: QueryRunner,
    collectionId: string,
    row: SurveyRow,
    questionSet: CxQuestionSet,
    surveyType: CxSurveyType | null,
  ): Promise<{ written: 'inserted' | 'updated' | 'unchanged' } | { error: string }> {
    const before = await runner.query(
      `SELECT d.id, d.question_set, d.customers_served, d.surveys_offered, d.respondents, d.transaction_point, d.omb_control_number
       FROM cx_collection_details d WHERE d.collection_id = $1 AND d.channel = $2`,
      [collectionId, row.channel],
    );
    const existing = before[0] as { id: string; question_set: string } | undefined;
    if (existing && existing.question_set !== questionSet) {
      return {
        error: `this quarter's ${row.channel} survey holds ${existing.question_set} data; it is not mixed with ${questionSet}`,
      };
    }
    const snapshot = async (id: string) =>
      JSON.stringify([
        await runner.query(
          'SELECT customers_served, surveys_offered, respondents, transaction_point, omb_control_number FROM cx_collection_details WHERE id = $1',
          [id],
        ),
        await runner.query(
          'SELECT question, question_text, count1, count2, count3, count4, count5, average_score FROM cx_question_answers WHERE detail_id = $1 ORDER BY question',
          [id],
        ),
      ]);
    const was = existing ? await snapshot(existing.id) : null;
    let detailId = existing?.id;
    if (!detailId) {
      const inserted = await runner.query(
        `INSERT INTO cx_collection_details (collection_id, channel, transaction_point, survey_type, question_set)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [collectionId, row.channel, row.transactionPoint ?? 'post_interaction', surveyType ?? 'likert', questionSet],
      );
      detailId = (inserted[0] as { id: string }).id;
    }
    if (row.volumes) {
      await runner.query(
        `UPDATE cx_collection_details SET customers_served = $2, surveys_offered = $3, respondents = $4,
           transaction_point = COALESCE($5, transaction_point), omb_control_number = COALESCE($6, omb_control_number)
         WHERE id = $1`,
        [
          detailId,
          row.volumes.customersServed,
          row.volumes.surveysOffered,
          row.volumes.respondents,
          row.transactionPoint,
          row.ombControlNumber,
        ],
      );
    }
    for (const q of row.questions) {
      const c = q.counts ?? [null, null, null, null, null];
      await runner.query(
        `INSERT INTO cx_question_answers (detail_id, question, question_text, count1, count2, count3, count4, count5, average_score)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (detail_id, question) DO UPDATE SET question_text = EXCLUDED.question_text, count1 = EXCLUDED.count1,
           count2 = EXCLUDED.count2, count3 = EXCLUDED.count3, count4 = EXCLUDED.count4, count5 = EXCLUDED.count5,
           average_score = EXCLUDED.average_score`,
        [detailId, q.question, q.text, ...c, q.average],
      );
    }
    if (was === null) return { written: 'inserted' };
    const now = await snapshot(detailId);
    if (now === was) return { written: 'unchanged' };
    await runner.query('UPDATE cx_collections SET updated_at = now() WHERE id = $1', [collectionId]);
    return { written: 'updated' };
  }

  // ----------------------------------------------------------------------------------------- shared

  /** Finds or creates the service's collection for the quarter, locked, and refuses one past draft. */
  private async editableCollection(
    runner: QueryRunner,
    target: CxTarget,
    fiscalYear: number,
    quarter: number,
  ): Promise<string> {
    await runner.query(
      `INSERT INTO cx_collections (service_id, agency_id, fiscal_year, quarter) VALUES ($1, $2, $3, $4)
       ON CONFLICT (service_id, fiscal_year, quarter) DO NOTHING`,
      [target.serviceId, target.agencyId, fiscalYear, quarter],
    );
    const found = (await runner.query(
      'SELECT id, status FROM cx_collections WHERE service_id = $1 AND fiscal_year = $2 AND quarter = $3 FOR UPDATE',
      [target.serviceId, fiscalYear, quarter],
    )) as { id: string; status: (typeof CX_EDITABLE)[number] }[];
    const collection = found[0]!;
    if (!CX_EDITABLE.includes(collection.status)) {
      throw new ConflictAppException(
        `The FY${fiscalYear} Q${quarter} collection of this service is ${collection.status.replace('_', ' ')}: only a draft or returned one takes new data.`,
        [{ field: 'quarter', value: quarter, reason: `collection ${collection.id} is ${collection.status}` }],
      );
    }
    return collection.id;
  }

  /** The collection's survey for the channel, made if need be; its survey type decides what a trust answer may be. */
  private async detailFor(
    runner: QueryRunner,
    collectionId: string,
    channel: Channel,
    questionSet: CxQuestionSet,
    surveyType: CxSurveyType | null,
  ): Promise<{ id: string; surveyType: CxSurveyType }> {
    const found = (await runner.query(
      'SELECT id, survey_type, question_set FROM cx_collection_details WHERE collection_id = $1 AND channel = $2',
      [collectionId, channel],
    )) as { id: string; survey_type: CxSurveyType; question_set: CxQuestionSet }[];
    const existing = found[0];
    if (existing) {
      if (existing.question_set !== questionSet) {
        throw new ConflictAppException(`This quarter's ${channel} survey holds ${existing.question_set} data.`);
      }
      if (surveyType && surveyType !== existing.survey_type) {
        throw new ValidationFailedException([
          {
            field: 'surveyType',
            value: surveyType,
            reason: `this quarter's ${channel} survey is ${existing.survey_type}`,
          },
        ]);
      }
      return { id: existing.id, surveyType: existing.survey_type };
    }
    const type = surveyType ?? 'thumbs';
    const inserted = (await runner.query(
      `INSERT INTO cx_collection_details (collection_id, channel, survey_type, question_set) VALUES ($1, $2, $3, $4) RETURNING id`,
      [collectionId, channel, type, questionSet],
    )) as { id: string }[];
    return { id: inserted[0]!.id, surveyType: type };
  }

  private quarterProblem(fiscalYear: number, quarter: number): string | null {
    try {
      this.cx.checkQuarter(fiscalYear, quarter);
      return null;
    } catch (error) {
      if (error instanceof AppException) return error.details[0]?.reason ?? error.message;
      throw error;
    }
  }
}

/** The row error of a repeated external_id that the primary key refused during a direct COPY, or null. */
function duplicateOf(error: Error, lines: Uint32Array): RowError | null {
  const pg = error as Error & { code?: string; detail?: string; where?: string };
  if (pg.code !== '23505') return null;
  const id = /=\([^,]+, (.*)\) already exists/.exec(pg.detail ?? '')?.[1];
  const copyLine = Number(/COPY cx_responses, line (\d+)/.exec(pg.where ?? '')?.[1]);
  const line = Number.isSafeInteger(copyLine) && copyLine > 0 ? lines[copyLine - 1] : undefined;
  return {
    line: line ?? 0,
    column: 'external_id',
    ...(id !== undefined ? { value: id } : {}),
    reason: 'is repeated: an earlier line of the file has the same id (each response once)',
  };
}
