import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { RowError } from '../imports/formats/index.js';
import { csvText, readAhead, type LoadCounts } from '../imports/results-loader.js';
import { ensurePartitions, existingPartitions, monthBound, nextMonth, partitionName } from './partitions.js';
import { monthStartOf, type TransactionRecord } from './transactions-format.js';

/** Advisory lock class of transaction imports: one per service at a time. */
const TRANSACTIONS_LOCK = 7_303;
/** Rows copied at a time: the next chunk is read and checked while PostgreSQL loads this one. */
const CHUNK_ROWS = 100_000;
const COPY_BUFFER_BYTES = 128 * 1024;

/** Columns of a COPY line, into transactions or into the staging table (which has the same ones). */
const COPY_COLUMNS =
  'agency_id, service_id, batch_id, source_line, external_id, channel, received_at, completed_at, outcome, accurate, satisfaction';

export type TransactionLoadOptions = {
  agencyId: string;
  serviceId: string;
  batchId: string;
  /** Asked at the end: false rolls everything back (dry runs, rejected imports). */
  shouldCommit: () => boolean;
  /** Asked before each chunk: false once the load will be rolled back anyway (an atomic import with a bad row). */
  keepMerging: () => boolean;
  /** Duplicates are found in PostgreSQL, which holds the file's rows: they are reported here. */
  addErrors: (errors: RowError[]) => void;
  /** Rows loaded at a time (CHUNK_ROWS unless given). */
  chunkRows?: number;
};

/** A chunk's rows as COPY bytes, with the months (UTC, as ms) they were received in. */
type Chunk = { buffers: Buffer[]; rows: number; months: Set<number> };

/**
 * Loads checked transaction rows into the partitioned `transactions` table in one database transaction, so
 * that a failed, refused or dry-run import leaves nothing (and no partition half-loaded): only the empty
 * partitions it created ahead, which hold nothing.
 *
 * A transaction is one row per (agency, service, external id, month received). Rows are copied a chunk at a
 * time:
 * - a chunk whose months held none of the service's transactions before this import (a first load) is
 *   copied straight into `transactions` under a savepoint: the primary key refuses an exact repeat, and then
 *   the chunk goes the second way instead;
 * - any other chunk is copied into a staging table and merged set-based, a month at a time (each statement
 *   touches one partition): repeats within the file are found and reported, changed rows updated, new rows
 *   inserted, identical rows left alone.
 * Before commit, the months loaded the first way are checked for an external id received twice in a month.
 * Imports of one service go one after another (an advisory lock per service).
 */
@Injectable()
export class TransactionsLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(records: AsyncIterable<TransactionRecord[]>, options: TransactionLoadOptions): Promise<LoadCounts> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const client = (await runner.connect()) as PoolClient;
      const counts = await new TransactionLoad(this.dataSource, client, options).run(records);
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
}

/** One load: what it knows of the months it has met, and its counts. */
class TransactionLoad {
  private readonly counts: LoadCounts = { staged: 0, inserted: 0, updated: 0, unchanged: 0 };
  /** Months met so far -> whether they held none of the service's rows before this import. */
  private readonly fresh = new Map<number, boolean>();
  /** Months that took rows straight from COPY: checked for repeats before commit. */
  private readonly copiedStraight = new Set<number>();
  private partitions: Set<string> | undefined;
  private removed = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: PoolClient,
    private readonly options: TransactionLoadOptions,
  ) {}

  async run(records: AsyncIterable<TransactionRecord[]>): Promise<LoadCounts> {
    const { client, options } = this;
    await client.query(`SET LOCAL jit = off`);
    // Timestamps without an offset are UTC, as the file's reader took them.
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    await client.query(`SET LOCAL work_mem = '64MB'`);
    await client.query(`SELECT pg_advisory_xact_lock(${TRANSACTIONS_LOCK}, hashtext($1))`, [options.serviceId]);
    await client.query(
      `CREATE TEMPORARY TABLE transaction_staging (LIKE transactions INCLUDING DEFAULTS) ON COMMIT DROP`,
    );
    let merging = true;
    const prefix = `${options.agencyId},${options.serviceId},${options.batchId},`;
    for await (const chunk of readAhead(toChunks(records, prefix, options.chunkRows ?? CHUNK_ROWS))) {
      this.counts.staged += chunk.rows;
      merging &&= options.keepMerging();
      if (!merging) continue;
      await this.prepareMonths(chunk.months);
      const straight = [...chunk.months].every((month) => this.fresh.get(month));
      if (!straight || !(await this.copyStraight(chunk))) await this.stageAndMerge(chunk);
    }
    if (merging && options.keepMerging() && this.copiedStraight.size > 0) await this.repeatsInMonths();
    this.counts.unchanged = this.counts.staged - this.counts.inserted - this.counts.updated - this.removed;
    return this.counts;
  }

  /** Partitions for the months a chunk touches, and whether each held the service's rows before. */
  private async prepareMonths(months: Set<number>): Promise<void> {
    const unknown = [...months].filter((month) => !this.fresh.has(month));
    if (unknown.length === 0) return;
    this.partitions ??= await existingPartitions(this.dataSource);
    const missing = unknown.filter((month) => !this.partitions!.has(partitionName(month)));
    if (missing.length > 0) {
      // On another connection, committed at once: see ensurePartitions.
      await ensurePartitions(this.dataSource, missing);
      for (const month of missing) this.partitions.add(partitionName(month));
    }
    const { rows } = await this.client.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM transactions WHERE agency_id = $1 AND service_id = $2
         AND received_at >= m.start AND received_at < m.start + interval '1 month') AS found
       FROM unnest($3::timestamptz[]) WITH ORDINALITY AS m(start, n) ORDER BY m.n`,
      [this.options.agencyId, this.options.serviceId, unknown.map(monthBound)],
    );
    unknown.forEach((month, index) => this.fresh.set(month, !rows[index]!.found));
  }

  /** COPY straight into transactions; false (and nothing kept) when the primary key refuses a row. */
  private async copyStraight(chunk: Chunk): Promise<boolean> {
    await this.client.query('SAVEPOINT straight');
    try {
      await pipeline(
        Readable.from(chunk.buffers),
        this.client.query(copyFrom(`COPY transactions (${COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv)`)),
      );
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await this.client.query('ROLLBACK TO SAVEPOINT straight');
      return false;
    }
    await this.client.query('RELEASE SAVEPOINT straight');
    this.counts.inserted += chunk.rows;
    for (const month of chunk.months) this.copiedStraight.add(month);
    return true;
  }

  private async stageAndMerge(chunk: Chunk): Promise<void> {
    const { client, options } = this;
    await client.query('TRUNCATE transaction_staging');
    await pipeline(
      Readable.from(chunk.buffers),
      client.query(copyFrom(`COPY transaction_staging (${COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv)`)),
    );
    for (const month of [...chunk.months].sort((a, b) => a - b)) {
      const range = [monthBound(month), monthBound(nextMonth(month))];
      // Within the chunk: the first row of an external id in a month stays, the later ones are reported.
      const within = await client.query<{ external_id: string; lines: number[] }>(
        `SELECT external_id, array_agg(source_line ORDER BY source_line) AS lines FROM transaction_staging
         WHERE received_at >= $1 AND received_at < $2 GROUP BY external_id HAVING count(*) > 1`,
        range,
      );
      // With rows of this import merged from earlier chunks.
      const earlier = await client.query<{ external_id: string; line: number; first: number }>(
        `SELECT s.external_id, s.source_line AS line, t.source_line AS first
         FROM transaction_staging s JOIN transactions t ON t.agency_id = $3 AND t.service_id = $4
           AND t.external_id = s.external_id AND t.received_at >= $1 AND t.received_at < $2
         WHERE s.received_at >= $1 AND s.received_at < $2 AND t.batch_id = $5`,
        [...range, options.agencyId, options.serviceId, options.batchId],
      );
      const repeats = [
        ...within.rows.flatMap((row) =>
          row.lines.slice(1).map((line) => ({ externalId: row.external_id, line, first: row.lines[0]! })),
        ),
        ...earlier.rows.map((row) => ({ externalId: row.external_id, line: row.line, first: row.first })),
      ];
      if (repeats.length > 0) {
        this.reportRepeats(repeats);
        await client.query(`DELETE FROM transaction_staging WHERE source_line = ANY($1::int[])`, [
          repeats.map((repeat) => repeat.line),
        ]);
      }
      const updated = await client.query(
        `UPDATE transactions t SET received_at = s.received_at, channel = s.channel, completed_at = s.completed_at,
           outcome = s.outcome, accurate = s.accurate, satisfaction = s.satisfaction, batch_id = s.batch_id,
           source_line = s.source_line
         FROM transaction_staging s
         WHERE t.agency_id = $3 AND t.service_id = $4 AND t.external_id = s.external_id
           AND t.received_at >= $1 AND t.received_at < $2 AND s.received_at >= $1 AND s.received_at < $2
           AND (t.received_at, t.channel, t.completed_at, t.outcome, t.accurate, t.satisfaction)
             IS DISTINCT FROM (s.received_at, s.channel, s.completed_at, s.outcome, s.accurate, s.satisfaction)`,
        [...range, options.agencyId, options.serviceId],
      );
      const inserted = await client.query(
        `INSERT INTO transactions (${COPY_COLUMNS})
         SELECT ${COPY_COLUMNS} FROM transaction_staging s
         WHERE s.received_at >= $1 AND s.received_at < $2 AND NOT EXISTS (
           SELECT 1 FROM transactions t WHERE t.agency_id = $3 AND t.service_id = $4
             AND t.external_id = s.external_id AND t.received_at >= $1 AND t.received_at < $2)`,
        [...range, options.agencyId, options.serviceId],
      );
      this.counts.updated += updated.rowCount ?? 0;
      this.counts.inserted += inserted.rowCount ?? 0;
    }
  }

  /**
   * The months first loaded by this import (straight from COPY): an external id received twice in a month
   * keeps only its first row. One statement for them all.
   */
  private async repeatsInMonths(): Promise<void> {
    const { client, options } = this;
    const months = [...this.copiedStraight].sort((a, b) => a - b);
    const range = [monthBound(months[0]!), monthBound(nextMonth(months.at(-1)!))];
    const { rows } = await client.query<{ external_id: string; lines: number[] }>(
      `SELECT external_id, array_agg(source_line ORDER BY source_line) AS lines FROM transactions
       WHERE agency_id = $1 AND service_id = $2 AND received_at >= $3 AND received_at < $4
         AND date_trunc('month', received_at, 'UTC') = ANY($5::timestamptz[])
       GROUP BY external_id, date_trunc('month', received_at, 'UTC') HAVING count(*) > 1`,
      [options.agencyId, options.serviceId, ...range, months.map(monthBound)],
    );
    if (rows.length === 0) return;
    const repeats = rows.flatMap((row) =>
      row.lines.slice(1).map((line) => ({ externalId: row.external_id, line, first: row.lines[0]! })),
    );
    this.reportRepeats(repeats);
    const deleted = await client.query(
      `DELETE FROM transactions WHERE agency_id = $1 AND service_id = $2 AND received_at >= $3 AND received_at < $4
         AND batch_id = $5 AND source_line = ANY($6::int[])`,
      [options.agencyId, options.serviceId, ...range, options.batchId, repeats.map((repeat) => repeat.line)],
    );
    this.counts.inserted -= deleted.rowCount ?? 0;
  }

  private reportRepeats(repeats: { externalId: string; line: number; first: number }[]): void {
    this.removed += repeats.length;
    this.options.addErrors(
      repeats
        .sort((a, b) => a.line - b.line)
        .map((repeat) => ({
          line: repeat.line,
          column: 'external_id',
          value: repeat.externalId,
          reason: `repeats line ${repeat.first}: an external_id may appear once a month (of received_at) in a file`,
        })),
    );
  }
}

/**
 * Checked rows as chunks of COPY bytes, written into 128 kB buffers as they come (see the results loader's
 * toChunks): every line starts with the same agency, service and batch.
 */
async function* toChunks(
  batches: AsyncIterable<TransactionRecord[]>,
  prefix: string,
  chunkRows: number,
): AsyncGenerator<Chunk> {
  let chunk: Chunk = { buffers: [], rows: 0, months: new Set() };
  let buffer = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
  let used = 0;
  let lastMonth = -1;
  let monthEnd = -1;
  const flush = (): void => {
    if (used > 0) chunk.buffers.push(buffer.subarray(0, used));
    buffer = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
    used = 0;
  };
  for await (const batch of batches) {
    for (const row of batch) {
      // Rows of a file tend to come in order: the month is worked out again only when it changes.
      if (row.receivedMs < lastMonth || row.receivedMs >= monthEnd) {
        lastMonth = monthStartOf(row.receivedMs);
        monthEnd = nextMonth(lastMonth);
        chunk.months.add(lastMonth);
      }
      const line =
        prefix +
        row.line +
        ',' +
        csvText(row.externalId) +
        ',' +
        row.channel +
        ',' +
        row.receivedAt +
        ',' +
        (row.completedAt ?? '') +
        ',' +
        csvText(row.outcome) +
        ',' +
        (row.accurate === null ? '' : row.accurate ? 't' : 'f') +
        ',' +
        (row.satisfaction ?? '') +
        '\n';
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
        chunk = { buffers: [], rows: 0, months: new Set() };
        lastMonth = -1;
        monthEnd = -1;
      }
    }
  }
  flush();
  if (chunk.rows > 0) yield chunk;
}
