import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SMALL_SAMPLE } from '@yardstick/metrics';
import { privateKeyProblem } from '../auth/oidc-key.js';

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
  /** Largest file an import accepts (413 beyond). */
  importMaxBytes: number;
  webDistDir: string;
  /** The first administrator, created when there are no users yet. */
  adminEmail: string;
  /** Unset: a random password is generated and printed once. */
  adminPassword: string | undefined;
  sessionTtlHours: number;
  /** Session cookies only over HTTPS; on by default in production. */
  cookieSecure: boolean;
  /** Single sign-on through OpenID Connect; undefined (OIDC_ISSUER unset) turns it off. */
  oidc: OidcConfig | undefined;
  mail: MailConfig;
  /** Run the job queue (pg-boss): the daily reminders and the mail sender. */
  jobs: boolean;
  /** Customer feedback scores from fewer respondents than this are flagged as a small sample (CX_SMALL_SAMPLE). */
  cxSmallSample: number;
};

export type MailConfig = {
  /** smtp:// or smtps:// server; undefined: messages go to the log and the outbox only. */
  smtpUrl: string | undefined;
  /** The From header: an address, or "Name <address>". */
  from: string;
  /** Where links in messages point: this site's address, without a trailing slash. */
  appUrl: string;
};

export const DEFAULT_MAIL_FROM = 'Yardstick <no-reply@yardstick.local>';

export const DEFAULT_OIDC_LABEL = 'Sign in with Login.gov';

export type OidcConfig = {
  issuer: string;
  clientId: string;
  /** private_key_jwt with a key (PEM or JWK), else client_secret_basic with a secret. */
  clientAuth:
    { method: 'private_key_jwt'; privateKey: string } | { method: 'client_secret_basic'; clientSecret: string };
  /** Where the provider sends the browser back: this server's /api/v1/auth/oidc/callback. */
  redirectUri: string;
  /** Space-separated. */
  scopes: string;
  acrValues: string | undefined;
  prompt: string | undefined;
  /** The text of the sign-in button. */
  label: string;
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
    importMaxBytes: read.byteSize('IMPORT_MAX_SIZE', '200mb'),
    webDistDir: path.resolve(REPO_ROOT, read.string('WEB_DIST_DIR', 'apps/web/dist')),
    adminEmail: read.string('ADMIN_EMAIL', 'admin@yardstick.local').toLowerCase(),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    sessionTtlHours: read.integer('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    cookieSecure: read.boolean('COOKIE_SECURE', nodeEnv === 'production'),
    oidc: undefined,
    mail: {
      smtpUrl: read.smtpUrl('SMTP_URL'),
      from: read.mailbox('MAIL_FROM', DEFAULT_MAIL_FROM),
      appUrl: '',
    },
    jobs: read.boolean('JOBS', true),
    cxSmallSample: read.integer('CX_SMALL_SAMPLE', DEFAULT_SMALL_SAMPLE, 1, 1_000_000),
  };
  config.mail.appUrl = (read.httpUrl('APP_URL', false) ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  config.oidc = readOidcConfig(read, problems, nodeEnv, config.port);
  if (config.adminPassword !== undefined && config.adminPassword.length < 12) {
    problems.push({ variable: 'ADMIN_PASSWORD', reason: 'must be at least 12 characters long' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Single sign-on: off unless OIDC_ISSUER is set; then a client id and a key or a secret are required. */
function readOidcConfig(
  read: EnvReader,
  problems: ConfigProblem[],
  nodeEnv: AppConfig['nodeEnv'],
  port: number,
): OidcConfig | undefined {
  if (read.optional('OIDC_ISSUER') === undefined) return undefined;
  const required = (variable: string, reason = 'is required when OIDC_ISSUER is set') =>
    problems.push({ variable, reason });
  const issuer = read.httpUrl('OIDC_ISSUER', nodeEnv === 'production');
  const clientId = read.optional('OIDC_CLIENT_ID');
  if (clientId === undefined) required('OIDC_CLIENT_ID');
  const privateKey = read.optional('OIDC_PRIVATE_KEY');
  const clientSecret = read.optional('OIDC_CLIENT_SECRET');
  if (privateKey === undefined && clientSecret === undefined) {
    required(
      'OIDC_PRIVATE_KEY',
      'is required when OIDC_ISSUER is set (or OIDC_CLIENT_SECRET, for client_secret_basic)',
    );
  } else if (privateKey !== undefined && clientSecret !== undefined) {
    problems.push({
      variable: 'OIDC_CLIENT_SECRET',
      reason: 'must not be set together with OIDC_PRIVATE_KEY: choose one',
    });
  } else if (privateKey !== undefined) {
    const problem = privateKeyProblem(privateKey);
    if (problem) problems.push({ variable: 'OIDC_PRIVATE_KEY', reason: problem });
  }
  let redirectUri: string | undefined = `http://localhost:${port}/api/v1/auth/oidc/callback`;
  if (read.optional('OIDC_REDIRECT_URI') !== undefined) {
    redirectUri = read.httpUrl('OIDC_REDIRECT_URI', false);
  } else if (nodeEnv === 'production') {
    required(
      'OIDC_REDIRECT_URI',
      'is required in production when OIDC_ISSUER is set: https://<host>/api/v1/auth/oidc/callback',
    );
  }
  const scopes = read.string('OIDC_SCOPES', 'openid email').split(/\s+/).join(' ');
  if (!scopes.split(' ').includes('openid')) {
    problems.push({ variable: 'OIDC_SCOPES', reason: `must include openid (got "${scopes}")` });
  }
  return {
    issuer: issuer ?? '',
    clientId: clientId ?? '',
    clientAuth:
      privateKey !== undefined
        ? { method: 'private_key_jwt', privateKey }
        : { method: 'client_secret_basic', clientSecret: clientSecret ?? '' },
    redirectUri: redirectUri ?? '',
    scopes,
    acrValues: read.optional('OIDC_ACR_VALUES'),
    prompt: read.optional('OIDC_PROMPT'),
    label: read.string('OIDC_LABEL', DEFAULT_OIDC_LABEL),
  };
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

  optional(name: string): string | undefined {
    return this.raw(name);
  }

  /** An absolute http(s) URL without query or fragment; https only when asked. */
  httpUrl(name: string, httpsOnly: boolean): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.fail(name, `must be an absolute URL like https://example.gov/ (got "${value}")`, undefined);
    }
    if (url.protocol !== 'https:' && (httpsOnly || url.protocol !== 'http:')) {
      return this.fail(
        name,
        `must use https://${httpsOnly ? ' in production' : ' or http://'} (got "${value}")`,
        undefined,
      );
    }
    if (url.search || url.hash)
      return this.fail(name, `must not have a query or a fragment (got "${value}")`, undefined);
    return value;
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

  /** smtp://[user:password@]host[:port] or smtps://...; nodemailer reads the rest. */
  smtpUrl(name: string): string | undefined {
    const url = this.url(name, ['smtp:', 'smtps:'], 'smtp://user:password@mail.example.gov:587', 'smtp:// or smtps://');
    if (url && !url.hostname) return this.fail(name, 'must name a host, e.g. smtp://mail.example.gov:587', undefined);
    return url && this.raw(name);
  }

  /** An e-mail address, or "Display Name <address>". */
  mailbox(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    const address = /^[^<>]*<([^<>]+)>$/.exec(value)?.[1] ?? value;
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(address.trim())) {
      return this.fail(
        name,
        `must be an e-mail address like no-reply@agency.gov or "Yardstick <no-reply@agency.gov>" (got "${value}")`,
        fallback,
      );
    }
    return value;
  }

  postgresUrl(name: string): string | undefined {
    const url = this.url(
      name,
      ['postgres:', 'postgresql:'],
      'postgres://user:password@host:5432/database',
      'postgres://',
    );
    if (url && url.pathname.length <= 1) {
      return this.fail(name, 'must name a database, e.g. postgres://host:5432/yardstick', undefined);
    }
    return url && this.raw(name);
  }

  /** A URL with one of the schemes; undefined when the variable is not set (or, failing, after recording why). */
  private url(name: string, protocols: string[], example: string, schemes: string): URL | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.fail(name, `must be a URL like ${example}`, undefined);
    }
    if (!protocols.includes(url.protocol)) {
      return this.fail(name, `must use the ${schemes} scheme (got "${url.protocol}")`, undefined);
    }
    return url;
  }
}
