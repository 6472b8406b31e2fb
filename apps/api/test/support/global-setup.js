// Plain JavaScript on purpose: Jest loads global setup outside its ESM module system, where the
// TypeScript sources' `.js` import suffixes do not resolve. It uses the compiled API instead, and
// compiles it first (incremental: a fraction of a second when nothing changed).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const TEMPLATE_DATABASE = 'yardstick_test_template';

/**
 * One PostgreSQL server for the whole run: DATABASE_URL's when set, else an embedded one in a
 * temporary folder. A template database is migrated once; each test file clones it.
 */
export default async function globalSetup() {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'apps/api'], {
    cwd: root,
    stdio: 'inherit',
  });
  const dist = (file) => import(path.join(root, 'apps/api/dist/apps/api/src', file));
  const { EmbeddedPostgres } = await dist('database/embedded-postgres.js');
  const { dataSourceOptions } = await dist('database/data-source.js');
  const { DataSource } = await import('typeorm');

  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const tempRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'yardstick-test-'));
    await fs.chmod(tempRoot, 0o755); // the unprivileged postgres user must reach its data folder
    const embedded = new EmbeddedPostgres({ dataDir: path.join(tempRoot, 'postgres'), database: 'postgres' });
    serverUrl = await embedded.start();
    globalThis.yardstickTestServer = { embedded, tempRoot };
  }
  process.env.TEST_DATABASE_SERVER_URL = serverUrl;
  process.env.TEST_TEMPLATE_DATABASE = TEMPLATE_DATABASE;

  const admin = new DataSource({ type: 'postgres', url: withDatabaseName(serverUrl, 'postgres') });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.destroy();

  const template = new DataSource(dataSourceOptions(withDatabaseName(serverUrl, TEMPLATE_DATABASE)));
  await template.initialize();
  await template.runMigrations({ transaction: 'each' });
  await template.destroy();
}

function withDatabaseName(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
