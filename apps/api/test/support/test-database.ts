import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type TestDatabase = {
  name: string;
  url: string;
  /** Runs SQL as the server's admin connection (not inside the test database). */
  admin(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  drop(): Promise<void>;
};

function fromGlobalSetup(variable: string): string {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is not set: run the API tests through jest (see global-setup.js)`);
  return value;
}

const serverUrl = (): string => fromGlobalSetup('TEST_DATABASE_SERVER_URL');

function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database for one test file: a migrated copy of the template, or an empty one. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `yardstick_test_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string, params?: unknown[]): Promise<pg.QueryResult> => {
    const client = new pg.Client({ connectionString: withDatabaseName(serverUrl(), 'postgres') });
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  };
  await admin(
    `CREATE DATABASE ${name}${options.empty ? '' : ` TEMPLATE ${fromGlobalSetup('TEST_TEMPLATE_DATABASE')}`}`,
  );
  return {
    name,
    url: withDatabaseName(serverUrl(), name),
    admin,
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  };
}
