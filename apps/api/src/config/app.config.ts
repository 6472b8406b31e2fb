import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file whose package.json declares workspaces. */
export const REPO_ROOT = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export type AppConfig = {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Set when an external PostgreSQL is used; absent means Yardstick starts an embedded one. */
  databaseUrl: string | undefined;
  dbPoolSize: number;
  dataDir: string;
  embeddedPgPort: number;
  runMigrations: boolean;
  seedDemo: boolean;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** Largest request body accepted, in bytes (uploads have their own limit). */
  bodyLimitBytes: number;
  webDistDir: string;
  /** The first administrator, created when there are no users yet. */
  adminEmail: string;
  /** Unset: a random password is generated and printed once. */
  adminPassword: string | undefined;
  sessionTtlHours: number;
  /** Session cookies only over HTTPS; on by default in production. */
  cookieSecure: boolean;
};

/** One bad environment variable: which one, what was wrong, what it should be. */
export type ConfigProblem = { variable: string; reason: string };

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.reason}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the whole configuration from the environment in one place.
 * Every problem is collected so that one start-up attempt reports all of them.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: ConfigProblem[] = [];
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const config: AppConfig = {
    nodeEnv,
    host: read.string('HOST', '127.0.0.1'),
    port: read.integer('PORT', 3000, 0, 65535),
    databaseUrl: read.postgresUrl('DATABASE_URL'),
    dbPoolSize: read.integer('DB_POOL_SIZE', 10, 1, 500),
    dataDir: path.resolve(REPO_ROOT, read.string('DATA_DIR', '.data')),
    embeddedPgPort: read.integer('EMBEDDED_PG_PORT', 0, 0, 65535),
    runMigrations: read.boolean('RUN_MIGRATIONS', true),
    seedDemo: read.boolean('SEED_DEMO', true),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat: read.oneOf(
      'LOG_FORMAT',
      LOG_FORMATS,
      process.stdout.isTTY && nodeEnv !== 'production' ? 'pretty' : 'json',
    ),
    bodyLimitBytes: read.byteSize('BODY_LIMIT', '1mb'),
    webDistDir: path.resolve(REPO_ROOT, read.string('WEB_DIST_DIR', 'apps/web/dist')),
    adminEmail: read.string('ADMIN_EMAIL', 'admin@yardstick.local').toLowerCase(),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    sessionTtlHours: read.integer('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    cookieSecure: read.boolean('COOKIE_SECURE', nodeEnv === 'production'),
  };
  if (config.adminPassword !== undefined && config.adminPassword.length < 12) {
    problems.push({ variable: 'ADMIN_PASSWORD', reason: 'must be at least 12 characters long' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: ConfigProblem[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  private fail<T>(variable: string, reason: string, fallback: T): T {
    this.problems.push({ variable, reason });
    return fallback;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      return this.fail(name, `must be a whole number from ${min} to ${max} (got "${value}")`, fallback);
    }
    return Number(value);
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    return this.fail(name, `must be true or false (got "${value}")`, fallback);
  }

  oneOf<const T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(name, `must be one of ${allowed.join(', ')} (got "${value}")`, fallback);
  }

  byteSize(name: string, fallback: string): number {
    const value = this.raw(name) ?? fallback;
    const match = /^(\d+)(b|kb|mb|gb)$/i.exec(value);
    if (!match) return this.fail(name, `must be a size like 512kb or 1mb (got "${value}")`, 0);
    const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[match[2]!.toLowerCase() as 'b'];
    return Number(match[1]) * unit;
  }

  postgresUrl(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.fail(name, 'must be a URL like postgres://user:password@host:5432/database', undefined);
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      return this.fail(name, `must use the postgres:// scheme (got "${url.protocol}")`, undefined);
    }
    if (url.pathname.length <= 1) {
      return this.fail(name, 'must name a database, e.g. postgres://host:5432/yardstick', undefined);
    }
    return value;
  }
}
