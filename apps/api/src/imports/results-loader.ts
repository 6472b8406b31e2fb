import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type QueryRunner } from 'typeorm';
import { inTransaction } from '../database/transaction.js';
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
  /** The import batch the figures come in; null for results Yardstick computed itself. */
  batchId: string | null;
  /** Who recorded the figures (user or token id). */
  recordedBy: string | null;
  /** Asked once every row is staged and merged: false rolls everything back (dry runs, rejected imports). */
  shouldCommit: () => boolean;
  /**
   * Asked before each chunk is merged: false once the load will be rolled back anyway (an atomic import
   * with a bad row), so that the rest of the file is only read and checked; the rows not merged are counted as
   * staged and unchanged.
   */
  keepMerging?: () => boolean;
  /** Rows staged and merged at a time (MERGE_CHUNK_ROWS unless given). */
  chunkRows?: number;
};

/** Rows to load, a batch at a time: a file's reader hands them over as they come, a registry import all at once. */
export type StagedBatches = AsyncIterable<readonly StagedResult[]> | Iterable<readonly StagedResult[]>;

/** Rows staged and merged at a time: the next chunk is read and checked while PostgreSQL merges this one. */
const MERGE_CHUNK_ROWS = 50_000;

const COPY_BUFFER_BYTES = 128 * 1024;

/** Staging columns: each row names its standard and period by a number, their facts are staged once each. */
const STAGING_COLUMNS = [
  'seq',
  'standard_n',
  'period_n',
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
 * The result with a staged row's key, found through the natural-key index, one lookup a row: OFFSET 0 keeps
 * the planner from turning it into a join that reads every result (a hash of millions of rows, once a chunk).
 */
const EXISTING_RESULT = `SELECT r.id, r.value, r.numerator, r.denominator, r.sample_size, r.source, r.data_quality_note
  FROM results r WHERE r.standard_id = st.standard_id AND r.period_key = p.period_key AND r.channel = s.channel
  OFFSET 0`;
type StandardKey = { n: number; standardId: string; agencyId: string };
type PeriodKey = Pick<StagedResult, 'periodKey' | 'frequency' | 'periodStart' | 'periodEnd' | 'fiscalYear'> & {
  n: number;
};

/** A chunk's rows as COPY bytes, with the standards and periods that first appear in them. */
type Chunk = {
  buffers: Buffer[];
  rows: number;
  standards: StandardKey[];
  periods: PeriodKey[];
  /** The numbers of every standard the chunk's rows name. */
  standardsUsed: Set<number>;
  /** Whether any row comes with an explanation. */
  explained: boolean;
};

/**
 * Loads results the bulk way: COPY into a temporary staging table, then set-based statements merge it
 * into results (new rows inserted, changed rows updated as a new revision with the figures they replace
 * kept in result_revisions, identical rows untouched), all in one transaction. Re-loading the same rows
 * changes nothing. Loads touching the same agency merge one after the other (an advisory lock per
 * agency, taken before its first rows merge and held to the end), so concurrent imports of the same keys
 * keep every revision.
 *
 * Built for a million rows:
 * - Rows are staged and merged in chunks of MERGE_CHUNK_ROWS, and the next chunk is read, checked and
 *   turned into COPY bytes while PostgreSQL merges the last: Node and PostgreSQL work side by side, and the
 *   statement-level trigger on results sees a chunk's rows, not a million, at a time.
 * - A staged row carries only what differs from row to row; its standard and its period are numbers into
 *   two small tables of their facts (a third of the bytes, and no uuid or date parsed per row).
 * - New results get time-ordered ids (UUID version 7 layout, with the row's number in the import as the last
 *   48 bits), so the primary key grows at its right edge instead of at a random page per row.
 * - A standard with no results when its first rows merge ("fresh") takes its rows without looking for
 *   existing ones: a file names each key once.
 */
@Injectable()
export class ResultsLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(batches: StagedBatches, options: LoadOptions): Promise<LoadCounts> {
    return inTransaction(this.dataSource, options.shouldCommit, (runner) => this.loadWithin(runner, batches, options));
  }

  /** Stages and merges inside the caller's transaction (imports that also write the registry); never commits. */
  async loadWithin(
    runner: QueryRunner,
    batches: StagedBatches,
    options: Omit<LoadOptions, 'shouldCommit'>,
  ): Promise<LoadCounts> {
    const client = (await runner.connect()) as PoolClient;
    // The merges are large and planned once each: compiling them (JIT) costs more than it saves. The
    // trigger's transition table of a chunk's rows fits in memory.
    await client.query(`SET LOCAL jit = off`);
    await client.query(`SET LOCAL work_mem = '64MB'`);
    await client.query(
      `CREATE TEMPORARY TABLE import_staging (
         seq bigint NOT NULL, standard_n integer NOT NULL, period_n integer NOT NULL, channel text NOT NULL,
         value numeric, numerator bigint, denominator bigint, sample_size integer, source text,
         data_quality_note text, explanation_why text, explanation_action text
       ) ON COMMIT DROP`,
    );
    await client.query(
      `CREATE TEMPORARY TABLE import_standards (
         n integer PRIMARY KEY, standard_id uuid NOT NULL, agency_id uuid NOT NULL, fresh boolean NOT NULL
       ) ON COMMIT DROP`,
    );
    await client.query(
      `CREATE TEMPORARY TABLE import_periods (
         n integer PRIMARY KEY, period_key text NOT NULL, frequency text NOT NULL, period_start date NOT NULL,
         period_end date NOT NULL, fiscal_year smallint NOT NULL
       ) ON COMMIT DROP`,
    );
    const merge = new ChunkMerge(client, options, timeOrderedIdPrefix());
    const counts: LoadCounts = { staged: 0, inserted: 0, updated: 0, unchanged: 0 };
    let merging = true;
    for await (const chunk of readAhead(toChunks(batches, options.chunkRows ?? MERGE_CHUNK_ROWS))) {
      counts.staged += chunk.rows;
      // Once stopped, for good: a later chunk's rows may name standards staged with a skipped one.
      merging &&= options.keepMerging?.() ?? true;
      if (!merging) continue;
      await pipeline(
        Readable.from(chunk.buffers),
        client.query(copyFrom(`COPY import_staging (${STAGING_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`)),
      );
      const merged = await merge.chunk(chunk);
      counts.inserted += merged.inserted;
      counts.updated += merged.updated;
      await client.query(`TRUNCATE import_staging`);
    }
    counts.unchanged = counts.staged - counts.inserted - counts.updated;
    return counts;
  }
}

/** The statements that merge each staged chunk, and what the load has learnt of its standards so far. */
class ChunkMerge {
  /** Numbers of the standards that had results when their first rows merged ("fresh" ones did not). */
  private readonly withResults = new Set<number>();

  constructor(
    private readonly client: PoolClient,
    private readonly options: Omit<LoadOptions, 'shouldCommit'>,
    private readonly idPrefix: string,
  ) {}

  async chunk(chunk: Chunk): Promise<{ inserted: number; updated: number }> {
    await this.stageKeys(chunk);
    // Only rows of standards that had results can change one or be already there: a chunk of fresh
    // standards' rows (a first upload) skips both lookups.
    const anyWithResults = [...chunk.standardsUsed].some((n) => this.withResults.has(n));
    const updated = anyWithResults ? await this.updateChanged() : 0;
    const inserted = (await this.insertNew(true)) + (anyWithResults ? await this.insertNew(false) : 0);
    if (chunk.explained) await this.writeExplanations();
    return { inserted, updated };
  }

  private async run(sql: string, parameters: unknown[]): Promise<number> {
    return (await this.client.query(sql, parameters)).rowCount ?? 0;
  }

  /**
   * The standards and periods a chunk names for the first time, into the two small tables its rows point
   * into. The agencies' locks come first, so that whether a standard has results cannot change until commit.
   */
  private async stageKeys(chunk: Chunk): Promise<void> {
    if (chunk.standards.length > 0) {
      await lockAgencyResults(
        (sql, parameters) => this.client.query(sql, parameters),
        chunk.standards.map((standard) => standard.agencyId),
      );
      const { rows } = await this.client.query<{ n: number }>(
        `INSERT INTO import_standards (n, standard_id, agency_id, fresh)
         SELECT t.n, t.standard_id, t.agency_id,
           NOT EXISTS (SELECT 1 FROM results r WHERE r.standard_id = t.standard_id)
         FROM unnest($1::int[], $2::uuid[], $3::uuid[]) AS t(n, standard_id, agency_id)
         RETURNING n, fresh`,
        [
          chunk.standards.map((standard) => standard.n),
          chunk.standards.map((standard) => standard.standardId),
          chunk.standards.map((standard) => standard.agencyId),
        ],
      );
      for (const row of rows as { n: number; fresh: boolean }[]) if (!row.fresh) this.withResults.add(row.n);
    }
    if (chunk.periods.length > 0) {
      await this.client.query(
        `INSERT INTO import_periods (n, period_key, frequency, period_start, period_end, fiscal_year)
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::date[], $6::smallint[])`,
        [
          chunk.periods.map((period) => period.n),
          chunk.periods.map((period) => period.periodKey),
          chunk.periods.map((period) => period.frequency),
          chunk.periods.map((period) => period.periodStart),
          chunk.periods.map((period) => period.periodEnd),
          chunk.periods.map((period) => period.fiscalYear),
        ],
      );
    }
  }

  /**
   * Changed rows: the figures they replace go to result_revisions in the same statement (every part of it
   * sees the results as they were before it), and the results take the new figures as a new revision.
   */
  private updateChanged(): Promise<number> {
    return this.run(
      `WITH changed AS (
         SELECT r.id, s.value, s.numerator, s.denominator, s.sample_size, s.source, s.data_quality_note
         FROM import_staging s
         JOIN import_standards st ON st.n = s.standard_n AND NOT st.fresh
         JOIN import_periods p ON p.n = s.period_n
         CROSS JOIN LATERAL (${EXISTING_RESULT}) r
         WHERE (r.value, r.numerator, r.denominator, r.sample_size, r.source, r.data_quality_note)
           IS DISTINCT FROM (s.value, s.numerator, s.denominator, s.sample_size, s.source, s.data_quality_note)
       ),
       superseded AS (
         INSERT INTO result_revisions (result_id, revision, value, numerator, denominator, sample_size, source,
           data_quality_note, recorded_by, batch_id, created_at)
         SELECT r.id, r.revision, r.value, r.numerator, r.denominator, r.sample_size, r.source, r.data_quality_note,
           r.recorded_by, r.batch_id, r.recorded_at
         FROM changed c JOIN results r ON r.id = c.id
       )
       UPDATE results r SET value = c.value, numerator = c.numerator, denominator = c.denominator,
         sample_size = c.sample_size, source = c.source, data_quality_note = c.data_quality_note,
         revision = r.revision + 1, recorded_by = $1, batch_id = $2, recorded_at = now(),
         certified_at = NULL, certified_by = NULL, updated_at = now()
       FROM changed c WHERE r.id = c.id`,
      [this.options.recordedBy, this.options.batchId],
    );
  }

  /**
   * New keys, as a plain insert: the agency locks keep any other writer of these keys waiting. A fresh
   * standard's rows are all new (a file names each key once); the others' rows are new where no result has
   * their key.
   */
  private insertNew(fresh: boolean): Promise<number> {
    return this.run(
      `INSERT INTO results (id, standard_id, agency_id, period_key, frequency, period_start, period_end,
         fiscal_year, channel, value, numerator, denominator, sample_size, source, data_quality_note, recorded_by,
         batch_id)
       SELECT ($3 || lpad(to_hex(s.seq), 12, '0'))::uuid, st.standard_id, st.agency_id, p.period_key,
         p.frequency, p.period_start, p.period_end, p.fiscal_year, s.channel, s.value, s.numerator,
         s.denominator, s.sample_size, s.source, s.data_quality_note, $1, $2
       FROM import_staging s
       JOIN import_standards st ON st.n = s.standard_n AND st.fresh = $4
       JOIN import_periods p ON p.n = s.period_n
       ${fresh ? '' : `WHERE NOT EXISTS (${EXISTING_RESULT})`}`,
      [this.options.recordedBy, this.options.batchId, this.idPrefix, fresh],
    );
  }

  /** An explanation is published with its result: a new or changed one needs the result certified again. */
  private async writeExplanations(): Promise<void> {
    await this.run(
      `WITH written AS (
         INSERT INTO explanations (result_id, why, action, written_by)
         SELECT r.id, s.explanation_why, s.explanation_action, $1
         FROM import_staging s
         JOIN import_standards st ON st.n = s.standard_n
         JOIN import_periods p ON p.n = s.period_n
         CROSS JOIN LATERAL (${EXISTING_RESULT}) r
         WHERE s.explanation_why IS NOT NULL
         ON CONFLICT (result_id) DO UPDATE SET why = EXCLUDED.why, action = EXCLUDED.action,
           written_by = EXCLUDED.written_by, updated_at = now()
         WHERE (explanations.why, explanations.action) IS DISTINCT FROM (EXCLUDED.why, EXCLUDED.action)
         RETURNING result_id
       )
       UPDATE results SET certified_at = NULL, certified_by = NULL
       FROM written WHERE results.id = written.result_id AND results.certified_at IS NOT NULL`,
      [this.options.recordedBy],
    );
  }
}

/**
 * The first 24 hex digits of the ids one import gives its new results, in UUID version 7 layout: the
 * time in milliseconds (48 bits), version 7, then 26 random bits with the variant; the row's number in
 * the import fills the last 48 bits. Ids of one import ascend; two imports share a prefix only if they
 * start in the same millisecond with the same 26 random bits (and then the primary key refuses the second).
 */
function timeOrderedIdPrefix(): string {
  const time = Date.now().toString(16).padStart(12, '0');
  const random = randomBytes(4).readUInt32BE(0);
  const randA = (random >>> 20).toString(16).padStart(3, '0');
  const variant = (8 | ((random >>> 18) & 3)).toString(16);
  const randB = ((random >>> 6) & 0xfff).toString(16).padStart(3, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randA}-${variant}${randB}-`;
}

/**
 * Up to `depth` items of `source` taken ahead of the consumer: while the consumer awaits the database, the
 * source (reading, checking, writing COPY bytes) goes on with the next one.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, depth = 1): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const ahead: Promise<IteratorResult<T>>[] = [];
  try {
    for (;;) {
      while (ahead.length <= depth) {
        const next = iterator.next();
        // Handled here, so that a step that fails while the consumer is busy is not an unhandled rejection;
        // the consumer still gets the error when it comes to that step.
        next.catch(() => undefined);
        ahead.push(next);
      }
      const next = await ahead.shift()!;
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // A consumer that stops early (an error) ends the source too, once the step in progress is done; not
    // awaited, so that the consumer's error is not held up by a client that has stopped sending.
    iterator.return?.().catch(() => undefined);
  }
}

/**
 * Rows as chunks of COPY bytes: CSV lines written into 128 kB buffers as soon as they are made (a chunk
 * built as one string by += would be a tree of small pieces that lives long enough to reach V8's old
 * generation), each row's standard and period numbered as they first appear. Only the facts of standards
 * and periods are kept, never a row: a row's texts may be slices of a whole chunk of the file.
 */
async function* toChunks(batches: StagedBatches, chunkRows: number): AsyncGenerator<Chunk> {
  const standardNumbers = new Map<string, number>();
  const periodNumbers = new Map<string, number>();
  let seq = 0;
  let lastStandard = 0;
  let chunk = newChunk();
  let buffer = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
  let used = 0;
  const flush = (): void => {
    if (used > 0) chunk.buffers.push(buffer.subarray(0, used));
    buffer = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
    used = 0;
  };
  for await (const batch of batches) {
    for (const row of batch) {
      let standard = standardNumbers.get(row.standardId);
      if (standard === undefined) {
        standardNumbers.set(row.standardId, (standard = standardNumbers.size + 1));
        chunk.standards.push({ n: standard, standardId: row.standardId, agencyId: row.agencyId });
      }
      // Rows of one standard tend to come together: the set is touched only when the standard changes.
      if (standard !== lastStandard) chunk.standardsUsed.add((lastStandard = standard));
      if (row.explanationWhy !== null) chunk.explained = true;
      let period = periodNumbers.get(row.periodKey);
      if (period === undefined) {
        periodNumbers.set(row.periodKey, (period = periodNumbers.size + 1));
        const { periodKey, frequency, periodStart, periodEnd, fiscalYear } = row;
        chunk.periods.push({ n: period, periodKey, frequency, periodStart, periodEnd, fiscalYear });
      }
      const line =
        ++seq +
        ',' +
        standard +
        ',' +
        period +
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
      // A UTF-16 unit takes at most 3 bytes in UTF-8.
      if (used + line.length * 3 > COPY_BUFFER_BYTES) {
        flush();
        if (line.length * 3 > COPY_BUFFER_BYTES) chunk.buffers.push(Buffer.from(line));
        else used += buffer.write(line, used);
      } else {
        used += buffer.write(line, used);
      }
      if (++chunk.rows >= chunkRows) {
        flush();
        yield chunk;
        chunk = newChunk();
        lastStandard = 0;
      }
    }
  }
  flush();
  if (chunk.rows > 0) yield chunk;
}

function newChunk(): Chunk {
  return { buffers: [], rows: 0, standards: [], periods: [], standardsUsed: new Set(), explained: false };
}

/** CSV for COPY: an unquoted empty field is NULL. Numbers and channels never need quotes. */
function csvNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

/** Every text is quoted, so that an empty string stays one. */
export function csvText(value: string | null): string {
  if (value === null) return '';
  return value.includes('"') ? `"${value.replace(/"/g, '""')}"` : `"${value}"`;
}
