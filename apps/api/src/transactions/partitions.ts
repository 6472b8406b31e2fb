import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

/** Advisory lock class of partition changes (creating, detaching): one at a time, across instances. */
const PARTITION_LOCK = 7_302;

/** A month's partition: transactions_y2026m03 holds what was received in March 2026 (UTC). */
export function partitionName(monthStartMs: number): string {
  const date = new Date(monthStartMs);
  return `transactions_y${date.getUTCFullYear()}m${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `2026-03-01T00:00:00Z`: a UTC month's first instant, as PostgreSQL reads it. */
export function monthBound(monthStartMs: number): string {
  return new Date(monthStartMs).toISOString().replace('.000Z', 'Z');
}

export function nextMonth(monthStartMs: number): number {
  const date = new Date(monthStartMs);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/**
 * Creates the partitions of these months that do not exist yet, in a short transaction of their own on a
 * connection of the pool (so an import still running can use them at once, and a failed import leaves only
 * empty partitions): one statement for them all. CREATE TABLE ... PARTITION OF would take an ACCESS EXCLUSIVE
 * lock on `transactions`, waiting for every import and query in progress (the import asking for it among
 * them); a table created alone and then ATTACHed takes only SHARE UPDATE EXCLUSIVE, which readers and writers
 * do not wait for. Its CHECK of the month's range lets ATTACH skip scanning it, and its unique key
 * on (agency_id, service_id, external_id) holds an external id once a month.
 */
export async function ensurePartitions(dataSource: DataSource, monthStarts: Iterable<number>): Promise<void> {
  const wanted = [...new Set(monthStarts)].sort((a, b) => a - b);
  if (wanted.length === 0) return;
  const months = wanted.map((month) => ({
    name: partitionName(month),
    from: monthBound(month),
    to: monthBound(nextMonth(month)),
  }));
  // The months come from numbers (never from a file's text): the literals below are safe.
  await dataSource.query(
    `DO $$
     DECLARE m record;
     BEGIN
       PERFORM pg_advisory_xact_lock(${PARTITION_LOCK});
       FOR m IN SELECT * FROM (VALUES ${months.map((m) => `('${m.name}', '${m.from}', '${m.to}')`).join(', ')}) AS v(name, lo, hi)
         WHERE NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                           WHERE i.inhparent = 'transactions'::regclass AND c.relname = v.name)
       LOOP
         EXECUTE format('CREATE TABLE %I (LIKE transactions INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', m.name);
         EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (received_at >= %L AND received_at < %L)',
                        m.name, m.name || '_range', m.lo, m.hi);
         EXECUTE format('CREATE UNIQUE INDEX %I ON %I (agency_id, service_id, external_id)', m.name || '_key', m.name);
         EXECUTE format('ALTER TABLE transactions ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', m.name, m.lo, m.hi);
       END LOOP;
     END $$`,
  );
}

/** The partitions of `transactions`, by name. */
export async function existingPartitions(dataSource: { query: DataSource['query'] }): Promise<Set<string>> {
  const rows = await dataSource.query<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'transactions'::regclass`,
  );
  return new Set(rows.map((row) => row.name));
}

export type ArchivedPartition = { name: string; rows: number; file: string; dropped: boolean };

/**
 * Detaches every partition of a month before `beforeMonth` (YYYY-MM), writes its rows to `<dir>/<name>.csv.gz`
 * (CSV with a header, as COPY writes it), then drops it unless `keep`. A partition is detached first, in its own
 * transaction: from then on no query sees it, and should writing the file fail the table is still there,
 * detached, to archive again.
 */
export async function archivePartitions(
  dataSource: DataSource,
  beforeMonth: string,
  dir: string,
  options: { keep?: boolean } = {},
): Promise<ArchivedPartition[]> {
  const match = /^(\d{4})-(\d{2})$/.exec(beforeMonth);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new Error(`--before must be a month like 2024-01, not ${beforeMonth}`);
  }
  const before = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1);
  const names = [...(await existingPartitions(dataSource))]
    .filter((name) => {
      const found = /^transactions_y(\d{4})m(\d{2})$/.exec(name);
      return found !== null && Date.UTC(Number(found[1]), Number(found[2]) - 1, 1) < before;
    })
    .sort();
  await mkdir(dir, { recursive: true });
  const archived: ArchivedPartition[] = [];
  for (const name of names) {
    await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`);
      await manager.query(`ALTER TABLE transactions DETACH PARTITION "${name}"`);
    });
    const file = path.join(dir, `${name}.csv.gz`);
    const runner = dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      await client.query(`SET TimeZone = 'UTC'`);
      await pipeline(
        client.query(copyTo(`COPY "${name}" TO STDOUT WITH (FORMAT csv, HEADER true)`)),
        createGzip(),
        createWriteStream(file),
      );
      const counted = await client.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM "${name}"`);
      const rows = counted.rows[0]?.rows ?? 0;
      if (!options.keep) await client.query(`DROP TABLE "${name}"`);
      archived.push({ name, rows, file, dropped: !options.keep });
    } finally {
      await runner.release();
    }
  }
  return archived;
}
