import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app.config.js';
import { keepShortLivedObjectsYoung } from './config/heap.js';
import { createRootLogger } from './config/logger.js';
import { startDatabaseServer, type DatabaseServer } from './database/database-server.js';

const SHUTDOWN_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  keepShortLivedObjectsYoung();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createRootLogger(config);
  let database: DatabaseServer | undefined;
  let app: NestFastifyApplication | undefined;
  let port = config.port;

  const shutdown = async (signal: string): Promise<void> => {
    logger.info(`${signal} received: closing HTTP, then the database pool, then the database server`);
    setTimeout(() => {
      logger.error('Shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    if (app) {
      await app.getHttpAdapter().getInstance().close(); // stop accepting, finish requests in flight
      await app.close(); // then destroy the TypeORM pool
    }
    await database?.stop();
    logger.info('Stopped');
    logger.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    database = await startDatabaseServer(config, {
      info: (message) => logger.info(message),
      debug: (message) => logger.debug(message),
    });
    app = await createApp(config, database, logger);
    await app.listen(config.port, config.host);
    port = (app.getHttpServer().address() as AddressInfo).port;
  } catch (error) {
    logger.fatal(
      { err: error },
      `Yardstick could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    await app?.close().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    logger.flush();
    process.exit(1);
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  logger.info(`Yardstick is ready on http://${shownHost}:${port} (${database.mode} PostgreSQL)`);
}

await main();
