import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type QueryRunner } from 'typeorm';
import { lockAgencyResults } from '../results/result-write-lock.js';

/** A result row that has passed every check and names its standard by id: ready to load. */
export type StagedResult = {
  standardId: string;
  agencyId: string;
  periodKey: string;
  frequency: string;
  periodStart: string;
  periodEnd: string;
  fiscalYear: number;
  channel: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  source: string | null;
  dataQualityNote: string | null;
  explanationWhy: string | null;
  explanationAction: string | null;
};

export type LoadCounts = { staged: number; inserted: number; updated: number; unchanged: number };

export type LoadOptions = {
  batchId: string;
  /** Who recorded the figures (user or token id). */
  recordedBy: string | null;
  /** Asked once every row is staged and merged: false rolls everything back (dry runs, rejected imports). */
  shouldCommit: () => boolean;
};

const COLUMNS = [
  'standard_id',
  'agency_id',
  'period_key',
  'frequency',
  'period_start',
  'period_end',
  'fiscal_year',
  'channel',
  'value',
  'numerator',
  'denominator',
  'sample_size',
  'source',
  'data_quality_note',
  'explanation_why',
  'explanation_action',
] as const;

/**
 * Loads results the bulk way: COPY into a temporary staging table, then one set-based merge into
 * results (new rows inserted, changed rows updated as a new revision with the figures they replace
 * kept in result_revisions, identical rows untouched), all in one transaction. Re-loading the same rows
 * changes nothing. Loads touching the same agency merge one after the other (an advisory lock per
 * agency, taken after staging), so concurrent imports of the same keys keep every revision.
 */
@Injectable()
export class ResultsLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(rows: AsyncIterable<StagedResult>, options: LoadOptions): Promise<LoadCounts> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const counts = await this.loadWithin(runner, rows, options);
      if (options.shouldCommit()) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return counts;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Stages and merges inside the caller's transaction (imports that also write the registry); never commits. */
  async loadWithin(
    runner: QueryRunner,
    rows: AsyncIterable<StagedResult>,
    options: Omit<LoadOptions, 'shouldCommit'>,
  ): Promise<LoadCounts> {
    await runner.query(
      `CREATE TEMPORARY TABLE import_staging (
         standard_id uuid NOT NULL, agency_id uuid NOT NULL, period_key text NOT NULL, frequency text NOT NULL,
         period_start date NOT NULL, period_end date NOT NULL, fiscal_year smallint NOT NULL, channel text NOT NULL,
         value numeric, numerator bigint, denominator bigint, sample_size integer, source text,
         data_quality_note text, explanation_why text, explanation_action text
       ) ON COMMIT DROP`,
    );
    const client = (await runner.connect()) as PoolClient;
    const agencies = new Set<string>();
    await pipeline(
      Readable.from(toCsvChunks(rows, agencies), { objectMode: false, highWaterMark: 2 }),
      client.query(copyFrom(`COPY import_staging (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`)),
    );
    const query = runner.query.bind(runner);
    await lockAgencyResults(query, agencies);
    return this.merge(query, options);
  }

  private async merge(
    query: (sql: string, parameters?: unknown[]) => Promise<unknown>,
    options: Omit<LoadOptions, 'shouldCommit'>,
  ): Promise<LoadCounts> {
    // Changed rows first: the figures they replace go to result_revisions in the same statement (every part of
    // it sees the results as they were before it), and the results take the new figures as a new revision.
    const [{ updated }] = (await query(
      `WITH changed AS (
         SELECT r.id, s.value, s.numerator, s.denominator, s.sample_size, s.source, s.data_quality_note
         FROM import_staging s
         JOIN results r ON r.standard_id = s.standard_id AND r.period_key = s.period_key AND r.channel = s.channel
         WHERE (r.value, r.numerator, r.denominator, r.sample_size, r.source, r.data_quality_note)
           IS DISTINCT FROM (s.value, s.numerator, s.denominator, s.sample_size, s.source, s.data_quality_note)
       ),
       superseded AS (
         INSERT INTO result_revisions (result_id, revision, value, numerator, denominator, sample_size, source,
           data_quality_note, recorded_by, batch_id, created_at)
         SELECT r.id, r.revision, r.value, r.numerator, r.denominator, r.sample_size, r.source, r.data_quality_note,
           r.recorded_by, r.batch_id, r.recorded_at
         FROM changed c JOIN results r ON r.id = c.id
       ),
       updated AS (
         UPDATE results r SET value = c.value, numerator = c.numerator, denominator = c.denominator,
           sample_size = c.sample_size, source = c.source, data_quality_note = c.data_quality_note,
           revision = r.revision + 1, recorded_by = $1, batch_id = $2, recorded_at = now(),
           certified_at = NULL, certified_by = NULL, updated_at = now()
         FROM changed c WHERE r.id = c.id
         RETURNING 1
       )
       SELECT count(*)::int AS updated FROM updated`,
      [options.recordedBy, options.batchId],
    )) as [{ updated: number }];
    // Then the new keys, as a plain insert: the agency locks keep any other writer of these keys waiting.
    const [{ inserted }] = (await query(
      `WITH inserted AS (
         INSERT INTO results (standard_id, agency_id, period_key, frequency, period_start, period_end, fiscal_year,
           channel, value, numerator, denominator, sample_size, source, data_quality_note, recorded_by, batch_id)
         SELECT s.standard_id, s.agency_id, s.period_key, s.frequency, s.period_start, s.period_end, s.fiscal_year,
           s.channel, s.value, s.numerator, s.denominator, s.sample_size, s.source, s.data_quality_note, $1, $2
         FROM import_staging s
         WHERE NOT EXISTS (SELECT 1 FROM results r
           WHERE r.standard_id = s.standard_id AND r.period_key = s.period_key AND r.channel = s.channel)
         RETURNING 1
       )
       SELECT count(*)::int AS inserted FROM inserted`,
      [options.recordedBy, options.batchId],
    )) as [{ inserted: number }];
    const [{ staged }] = (await query(`SELECT count(*)::int AS staged FROM import_staging`)) as [{ staged: number }];
    await query(
      `INSERT INTO explanations (result_id, why, action, written_by)
       SELECT r.id, s.explanation_why, s.explanation_action, $1
       FROM import_staging s
       JOIN results r ON r.standard_id = s.standard_id AND r.period_key = s.period_key AND r.channel = s.channel
       WHERE s.explanation_why IS NOT NULL
       ON CONFLICT (result_id) DO UPDATE SET why = EXCLUDED.why, action = EXCLUDED.action,
         written_by = EXCLUDED.written_by, updated_at = now()
       WHERE (explanations.why, explanations.action) IS DISTINCT FROM (EXCLUDED.why, EXCLUDED.action)`,
      [options.recordedBy],
    );
    return { staged, inserted, updated, unchanged: staged - inserted - updated };
  }
}

/** Rows as CSV text for COPY, in chunks of about 64 kB; notes each row's agency on the way. */
async function* toCsvChunks(rows: AsyncIterable<StagedResult>, agencies: Set<string>): AsyncIterable<string> {
  let chunk = '';
  let agency = '';
  for await (const row of rows) {
    // Rows come grouped by standard more often than not: the set is touched only when the agency changes.
    if (row.agencyId !== agency) agencies.add((agency = row.agencyId));
    chunk +=
      row.standardId +
      ',' +
      row.agencyId +
      ',' +
      row.periodKey +
      ',' +
      row.frequency +
      ',' +
      row.periodStart +
      ',' +
      row.periodEnd +
      ',' +
      row.fiscalYear +
      ',' +
      row.channel +
      ',' +
      csvNumber(row.value) +
      ',' +
      csvNumber(row.numerator) +
      ',' +
      csvNumber(row.denominator) +
      ',' +
      csvNumber(row.sampleSize) +
      ',' +
      csvText(row.source) +
      ',' +
      csvText(row.dataQualityNote) +
      ',' +
      csvText(row.explanationWhy) +
      ',' +
      csvText(row.explanationAction) +
      '\n';
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** CSV for COPY: an unquoted empty field is NULL. Ids, period keys, dates and channels never need quotes. */
function csvNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

/** Every text is quoted, so that an empty string stays one. */
function csvText(value: string | null): string {
  if (value === null) return '';
  return value.includes('"') ? `"${value.replace(/"/g, '""')}"` : `"${value}"`;
}
