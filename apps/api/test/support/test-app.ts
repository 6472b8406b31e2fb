import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { FixedClock } from '../../src/common/clock.js';
import { ApiToken } from '../../src/auth/entities/api-token.entity.js';
import { newSecret, sha256 } from '../../src/auth/secrets.js';
import { loadConfig } from '../../src/config/app.config.js';
import { createRootLogger } from '../../src/config/logger.js';
import { User } from '../../src/users/entities/user.entity.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_ADMIN = { email: 'admin@test.example', password: 'correct horse battery staple' };

export type TestApp = {
  app: NestFastifyApplication;
  /** The Node HTTP server, for supertest. */
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  database: TestDatabase;
  /** The app's clock: set or advance it to move "now" for every rule that reads the time. */
  clock: FixedClock;
  /** Requests as the administrator (a personal API token). */
  api(): ReturnType<typeof request.agent>;
  /** Requests with this bearer token. */
  as(token: string): ReturnType<typeof request.agent>;
  /** A new personal token for the user with this email. */
  tokenFor(email: string): Promise<string>;
  /**
   * Requests as a second administrator, created on first use: separation of duties lets no one certify a
   * result they entered or last changed, so results the administrator records are certified through this one.
   */
  certifier(): Promise<ReturnType<typeof request.agent>>;
  close(): Promise<void>;
};

/** The whole application, as main.ts builds it, on its own migrated database, with an administrator. */
/** The instant every test app starts at unless told otherwise (FY2027 Q1: after FY2026's results are due). */
export const TEST_NOW = '2026-11-16T12:00:00.000Z';

export async function createTestApp(
  env: Record<string, string> = {},
  options: {
    now?: Date | string;
    /** Share another app's database (a second API process); it is not dropped on close. */
    database?: TestDatabase;
    /** Receives the app's log lines (JSON), at LOG_LEVEL (give one in env: tests are silent by default). */
    logLines?: (line: Record<string, unknown>) => void;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', // TEST_LOG_LEVEL=error shows what a 500 was
    LOG_FORMAT: 'json',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    JOBS: 'false', // tests run the daily job and the mail queue by hand (RemindersService.run, JobsRunner.drainMail)
    ...env,
  });
  const clock = new FixedClock(options.now ?? TEST_NOW);
  const app = await createApp(
    config,
    { url: database.url, mode: 'external' },
    createRootLogger(config, options.logLines && lineSink(options.logLines)),
    clock,
  );
  const server = app.getHttpServer();
  const dataSource = app.get(DataSource);
  const tokenFor = async (email: string): Promise<string> => {
    const user = await dataSource.manager.findOneByOrFail(User, { email: email.toLowerCase() });
    const secret = `ys_${newSecret()}`;
    await dataSource.manager.insert(ApiToken, {
      kind: 'personal',
      name: 'test',
      prefix: secret.slice(0, 10),
      tokenHash: sha256(secret),
      userId: user.id,
    });
    return secret;
  };
  const as = (token: string) => request.agent(server).set('Authorization', `Bearer ${token}`);
  const adminToken = await tokenFor(TEST_ADMIN.email);
  let certifierToken: Promise<string> | undefined;
  const certifier = async () => {
    certifierToken ??= as(adminToken)
      .post('/api/v1/users')
      .send({
        email: 'certifier@test.example',
        name: 'Second administrator',
        roles: [{ role: 'admin', agencyId: null }],
      })
      .expect(201)
      .then(() => tokenFor('certifier@test.example'));
    return as(await certifierToken);
  };
  return {
    app,
    server,
    database,
    clock,
    api: () => as(adminToken),
    as,
    tokenFor,
    certifier,
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

/** A pino destination that hands each JSON line, parsed, to `receive`. */
function lineSink(receive: (line: Record<string, unknown>) => void): { write(chunk: string): void } {
  return {
    write: (chunk) => {
      for (const text of chunk.split('\n')) if (text) receive(JSON.parse(text) as Record<string, unknown>);
    },
  };
}
