import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { RowError } from '../imports/formats/index.js';
import { readAhead, type LoadCounts } from '../imports/results-loader.js';
import { ensurePartitions, existingPartitions, monthBound, nextMonth, partitionName } from './partitions.js';
import { monthStartOf, type TransactionRecord } from './transactions-format.js';

/** Advisory lock class of transaction imports: one per service at a time. */
const TRANSACTIONS_LOCK = 7_303;
/** Rows copied at a time: the next chunk is read and checked while PostgreSQL loads this one. */
const CHUNK_ROWS = 100_000;
const COPY_BUFFER_BYTES = 128 * 1024;
/** COPY's binary form: PostgreSQL takes the numbers as they are instead of parsing text (timestamps above all). */
const COPY_OPTIONS = 'WITH (FORMAT binary)';

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

/** A chunk's rows as COPY bytes (binary), with the months (UTC, as ms) they were received in. */
type Chunk = { buffers: Buffer[]; rows: number; months: Set<number> };

/**
 * Loads checked transaction rows into the partitioned `transactions` table in one database transaction, so
 * that a failed, refused or dry-run import leaves nothing (and no partition half-loaded): only the empty
 * partitions it created ahead, which hold nothing.
 *
 * A transaction is one row per (agency, service, external id, month received): each month's partition is
 * unique on (agency_id, service_id, external_id). Rows are copied a chunk at a time, in COPY's binary form:
 * - a chunk whose months held none of the service's transactions before this import (a first load) is
 *   copied straight into `transactions` under a savepoint: a partition's unique key refuses an external id
 *   received twice in its month (within the chunk, or with an earlier chunk of the file), and then the chunk
 *   goes the second way instead, so that the repeat is reported;
 * - any other chunk is copied into a staging table and merged set-based, a month at a time (each statement
 *   touches one partition): repeats within the file are found and reported, changed rows updated, new rows
 *   inserted, identical rows left alone.
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
    const ids = { agencyId: options.agencyId, serviceId: options.serviceId, batchId: options.batchId };
    const chunks = this.monthsAhead(toChunks(records, ids, options.chunkRows ?? CHUNK_ROWS));
    for await (const { chunk, ready } of readAhead(chunks)) {
      this.counts.staged += chunk.rows;
      merging &&= options.keepMerging();
      if (!merging) continue;
      await ready;
      const straight = [...chunk.months].every((month) => this.fresh.get(month));
      if (!straight || !(await this.copyStraight(chunk))) await this.stageAndMerge(chunk);
    }
    this.counts.unchanged = this.counts.staged - this.counts.inserted - this.counts.updated - this.removed;
    return this.counts;
  }

  /**
   * Each chunk with the preparing of its months, begun as soon as the chunk is read (see readAhead): on other
   * connections of the pool, while this one still copies the chunk before, and one chunk after the other.
   */
  private async *monthsAhead(chunks: AsyncIterable<Chunk>): AsyncGenerator<{ chunk: Chunk; ready: Promise<void> }> {
    let ready = Promise.resolve();
    for await (const chunk of chunks) {
      ready = ready.then(() => this.prepareMonths(chunk.months));
      // Handled where it is awaited; not an unhandled rejection while the chunk before is copied.
      ready.catch(() => undefined);
      yield { chunk, ready };
    }
  }

  /**
   * Partitions for the months a chunk touches, and whether each held the service's rows before this import:
   * asked on another connection, which sees what was committed (this import holds the service's lock, so no
   * other import of it is under way), not the rows this one has copied so far.
   */
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
    const rows = await this.dataSource.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM transactions WHERE agency_id = $1 AND service_id = $2
         AND received_at >= m.start AND received_at < m.start + interval '1 month') AS found
       FROM unnest($3::timestamptz[]) WITH ORDINALITY AS m(start, n) ORDER BY m.n`,
      [this.options.agencyId, this.options.serviceId, unknown.map(monthBound)],
    );
    unknown.forEach((month, index) => this.fresh.set(month, !rows[index]!.found));
  }

  /** COPY straight into transactions; false (and nothing kept) when a partition's unique key refuses a row. */
  private async copyStraight(chunk: Chunk): Promise<boolean> {
    await this.client.query('SAVEPOINT straight');
    try {
      await pipeline(
        Readable.from(chunk.buffers),
        this.client.query(copyFrom(`COPY transactions (${COPY_COLUMNS}) FROM STDIN ${COPY_OPTIONS}`)),
      );
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await this.client.query('ROLLBACK TO SAVEPOINT straight');
      return false;
    }
    await this.client.query('RELEASE SAVEPOINT straight');
    this.counts.inserted += chunk.rows;
    return true;
  }

  private async stageAndMerge(chunk: Chunk): Promise<void> {
    const { client, options } = this;
    await client.query('TRUNCATE transaction_staging');
    await pipeline(
      Readable.from(chunk.buffers),
      client.query(copyFrom(`COPY transaction_staging (${COPY_COLUMNS}) FROM STDIN ${COPY_OPTIONS}`)),
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

/** PostgreSQL's binary COPY: signature, flags, header extension length; and the trailer (a field count of -1). */
const BINARY_HEADER = Buffer.from([...Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), 0, 0, 0, 0, 0, 0, 0, 0]);
const BINARY_TRAILER = Buffer.from([0xff, 0xff]);
/** Microseconds from 1970 to 2000-01-01, PostgreSQL's epoch for timestamps. */
const PG_EPOCH_US = 946_684_800_000_000;
const TWO_32 = 2 ** 32;
/** The widest row besides its texts: 11 fields of 4 bytes of length, 3 uuids, 2 timestamps and the rest. */
const ROW_BYTES_BESIDES_TEXT = 2 + 11 * 4 + 3 * 16 + 4 + 2 * 8 + 1 + 2;

/** A uuid's 16 bytes, from its text. */
function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a uuid: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

/**
 * Checked rows as chunks of COPY bytes in the binary form (each chunk one COPY: header, rows, trailer),
 * written into 128 kB buffers as they come: every row starts with the same agency, service and batch, and the
 * instants go as the microseconds the file's text says (see parseInstantMicros), so PostgreSQL parses no
 * text but the ids and outcomes.
 */
async function* toChunks(
  batches: AsyncIterable<TransactionRecord[]>,
  ids: { agencyId: string; serviceId: string; batchId: string },
  chunkRows: number,
): AsyncGenerator<Chunk> {
  // The three ids as fields (length 16, then the bytes), one after the other: each row starts with them.
  const prefix = Buffer.concat(
    [ids.agencyId, ids.serviceId, ids.batchId].flatMap((id) => [Buffer.from([0, 0, 0, 16]), uuidBytes(id)]),
  );
  const newChunk = (): Chunk => ({ buffers: [BINARY_HEADER], rows: 0, months: new Set() });
  let chunk = newChunk();
  let buffer = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
  let used = 0;
  let lastMonth = -1;
  let monthEnd = -1;
  const flush = (): void => {
    if (used > 0) chunk.buffers.push(buffer.subarray(0, used));
    buffer = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
    used = 0;
  };
  const text = (value: string | null): void => {
    if (value === null) used = buffer.writeInt32BE(-1, used);
    else {
      const bytes = buffer.write(value, used + 4);
      buffer.writeInt32BE(bytes, used);
      used += 4 + bytes;
    }
  };
  const instant = (us: number | null): void => {
    if (us === null) {
      used = buffer.writeInt32BE(-1, used);
      return;
    }
    const sincePg = us - PG_EPOCH_US;
    const high = Math.floor(sincePg / TWO_32);
    used = buffer.writeInt32BE(8, used);
    used = buffer.writeInt32BE(high, used);
    used = buffer.writeUInt32BE(sincePg - high * TWO_32, used);
  };
  for await (const batch of batches) {
    for (const row of batch) {
      // Rows of a file tend to come in order: the month is worked out again only when it changes.
      if (row.receivedMs < lastMonth || row.receivedMs >= monthEnd) {
        lastMonth = monthStartOf(row.receivedMs);
        monthEnd = nextMonth(lastMonth);
        chunk.months.add(lastMonth);
      }
      const textChars = row.externalId.length + row.channel.length + (row.outcome?.length ?? 0);
      const needed = ROW_BYTES_BESIDES_TEXT + textChars * 3;
      if (used + needed > buffer.length) {
        flush();
        if (needed > buffer.length) buffer = Buffer.allocUnsafe(needed);
      }
      used = buffer.writeInt16BE(11, used);
      used += prefix.copy(buffer, used);
      used = buffer.writeInt32BE(4, used);
      used = buffer.writeInt32BE(row.line, used);
      text(row.externalId);
      text(row.channel);
      instant(row.receivedUs);
      instant(row.completedUs);
      text(row.outcome);
      if (row.accurate === null) used = buffer.writeInt32BE(-1, used);
      else {
        used = buffer.writeInt32BE(1, used);
        used = buffer.writeUInt8(row.accurate ? 1 : 0, used);
      }
      if (row.satisfaction === null) used = buffer.writeInt32BE(-1, used);
      else {
        used = buffer.writeInt32BE(2, used);
        used = buffer.writeInt16BE(row.satisfaction, used);
      }
      if (++chunk.rows >= chunkRows) {
        flush();
        chunk.buffers.push(BINARY_TRAILER);
        yield chunk;
        chunk = newChunk();
        lastMonth = -1;
        monthEnd = -1;
      }
    }
  }
  flush();
  if (chunk.rows > 0) {
    chunk.buffers.push(BINARY_TRAILER);
    yield chunk;
  }
}
