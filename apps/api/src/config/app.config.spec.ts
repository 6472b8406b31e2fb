import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { ConfigError, loadConfig, REPO_ROOT } from './app.config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('has working defaults: embedded database under .data, port 3000', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.join(REPO_ROOT, '.data'));
    expect(config.runMigrations).toBe(true);
    expect(config.seedDemo).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/yardstick',
      DB_POOL_SIZE: '20',
      SEED_DEMO: 'false',
      RUN_MIGRATIONS: 'no',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      BODY_LIMIT: '2MB',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/yardstick',
      dbPoolSize: 20,
      seedDemo: false,
      runMigrations: false,
      logLevel: 'debug',
      logFormat: 'json',
      bodyLimitBytes: 2 * 1024 * 1024,
      nodeEnv: 'production',
    });
  });

  it('names each bad variable, all at once', () => {
    expect(
      problemsOf({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x/y',
        SEED_DEMO: 'maybe',
        LOG_LEVEL: 'loud',
        DB_POOL_SIZE: '0',
      }),
    ).toEqual(['PORT', 'DATABASE_URL', 'DB_POOL_SIZE', 'SEED_DEMO', 'LOG_LEVEL']);
  });

  it('says what is wrong and what is expected', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be a whole number from 0 to 65535 \(got "70000"\)/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://host:5432' })).toThrow(/DATABASE_URL: must name a database/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL: must be a URL/);
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '  ', DATABASE_URL: '' }).port).toBe(3000);
  });
});
