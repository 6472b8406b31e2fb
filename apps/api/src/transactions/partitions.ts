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
 * Creates the partitions of these months that do not exist yet, each in a short transaction of its own on a
 * connection of the pool (so an import still running can use them at once, and a failed import leaves only
 * empty partitions). CREATE TABLE ... PARTITION OF would take an ACCESS EXCLUSIVE lock on `transactions`,
 * waiting for every import and query in progress (the import asking for it among them); a table created alone
 * and then ATTACHed takes only SHARE UPDATE EXCLUSIVE, which readers and writers do not wait for. Its CHECK of
 * the month's range lets ATTACH skip scanning it.
 */
export async function ensurePartitions(dataSource: DataSource, monthStarts: Iterable<number>): Promise<string[]> {
  const created: string[] = [];
  const wanted = [...new Set(monthStarts)].sort((a, b) => a - b);
  if (wanted.length === 0) return created;
  const existing = await existingPartitions(dataSource);
  const missing = wanted.filter((month) => !existing.has(partitionName(month)));
  for (const month of missing) {
    const name = partitionName(month);
    const from = monthBound(month);
    const to = monthBound(nextMonth(month));
    await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`);
      const [row] = await manager.query<{ found: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'transactions'::regclass AND c.relname = $1) AS found`,
        [name],
      );
      if (row?.found) return;
      await manager.query(`CREATE TABLE "${name}" (LIKE transactions INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await manager.query(
        `ALTER TABLE "${name}" ADD CONSTRAINT "${name}_range" CHECK (received_at >= '${from}' AND received_at < '${to}')`,
      );
      await manager.query(
        `ALTER TABLE transactions ATTACH PARTITION "${name}" FOR VALUES FROM ('${from}') TO ('${to}')`,
      );
      created.push(name);
    });
  }
  return created;
}

/** The partitions of `transactions`, by name. */
export async function existingPartitions(dataSource: Pick<DataSource, 'query'>): Promise<Set<string>> {
  const rows = await dataSource.query<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'transactions'::regclass`,
  );
  return new Set(rows.map((row) => row.name));
}

export { PARTITION_LOCK };
