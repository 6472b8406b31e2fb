import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app.config.js';
import { createRootLogger } from '../../src/config/logger.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type TestApp = {
  app: NestFastifyApplication;
  /** The Node HTTP server, for supertest. */
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  database: TestDatabase;
  close(): Promise<void>;
};

/** The whole application, as main.ts builds it, on its own migrated database. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', // TEST_LOG_LEVEL=error shows what a 500 was
    LOG_FORMAT: 'json',
    ...env,
  });
  const app = await createApp(config, { url: database.url, mode: 'external' }, createRootLogger(config));
  return {
    app,
    server: app.getHttpServer(),
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
