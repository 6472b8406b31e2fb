import path from 'node:path';
import type { AppConfig } from '../config/app.config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

/** Where the application's database lives: an external server, or an embedded one this process owns. */
export type DatabaseServer = {
  url: string;
  mode: 'external' | 'embedded';
  stop(): Promise<void>;
};

type Logger = { info(message: string): void; debug(message: string): void };

export async function startDatabaseServer(config: AppConfig, logger: Logger): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, mode: 'external', stop: () => Promise.resolve() };
  }
  const dataDir = path.join(config.dataDir, 'postgres');
  const embedded = new EmbeddedPostgres({
    dataDir,
    port: config.embeddedPgPort,
    onLog: (line) => logger.debug(`[postgres] ${line}`),
  });
  const started = Date.now();
  const url = await embedded.start();
  logger.info(`Embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${dataDir})`);
  return { url, mode: 'embedded', stop: () => embedded.stop() };
}
