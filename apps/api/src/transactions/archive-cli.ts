/**
 * `npm run transactions:archive -- --before 2024-01 [--to archive/transactions] [--keep]`: detaches the
 * partitions of transactions received before that month, writes each to <to>/<partition>.csv.gz and drops it
 * (kept, detached, with --keep). Uses DATABASE_URL, or the embedded server under DATA_DIR like the app does.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig, REPO_ROOT } from '../config/app.config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { startDatabaseServer } from '../database/database-server.js';
import { archivePartitions } from './partitions.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { before: { type: 'string' }, to: { type: 'string' }, keep: { type: 'boolean', default: false } },
  });
  if (!values.before) {
    console.error('Usage: npm run transactions:archive -- --before 2024-01 [--to archive/transactions] [--keep]');
    return 2;
  }
  const config = loadConfig();
  const server = await startDatabaseServer(config, { info: console.log, debug: () => undefined });
  const dataSource = new DataSource({ ...dataSourceOptions(server.url), logging: ['error'] });
  try {
    await dataSource.initialize();
    const dir = path.resolve(REPO_ROOT, values.to ?? 'archive/transactions');
    const archived = await archivePartitions(dataSource, values.before, dir, { keep: values.keep });
    for (const partition of archived) {
      console.log(
        `${partition.name}: ${partition.rows} rows to ${partition.file}${partition.dropped ? ', dropped' : ', kept detached'}`,
      );
    }
    if (archived.length === 0) console.log(`No partition of a month before ${values.before}.`);
    return 0;
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await server.stop();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
