import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.js';
import { MIGRATIONS } from '../src/database/migrations.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const userTables = async (): Promise<string[]> =>
    (
      await dataSource.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      )
    ).map((row) => row.table_name);

  it('apply on an empty database and leave the schema exactly as the entities describe it', async () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name ?? m.name));
    expect(await dataSource.showMigrations()).toBe(false);
    const drift = await dataSource.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('revert one by one down to an empty schema, then apply again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await userTables()).toEqual(['migrations']);
    expect(await dataSource.query('SELECT * FROM migrations')).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await userTables()).length).toBeGreaterThan(1);
  });
});
