import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Runs `work` in one transaction on its own connection, then commits it if `shouldCommit()` says so once
 * the work is done (else rolls it back: dry runs, rejected imports); an error rolls it back and is rethrown.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  shouldCommit: () => boolean,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const done = await work(runner);
    if (shouldCommit()) await runner.commitTransaction();
    else await runner.rollbackTransaction();
    return done;
  } catch (error) {
    // A rollback that fails too (the connection is gone) must not hide the error that caused it.
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
