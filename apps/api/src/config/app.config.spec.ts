import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
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

  describe('mail (SMTP_URL, MAIL_FROM, APP_URL) and jobs', () => {
    it('without SMTP_URL writes to the log and the outbox, from a default sender, with links to this server', () => {
      expect(loadConfig({ PORT: '4000' })).toMatchObject({
        mail: { smtpUrl: undefined, from: 'Yardstick <no-reply@yardstick.local>', appUrl: 'http://localhost:4000' },
        jobs: true,
      });
    });

    it('reads an SMTP server, a sender with a name, the site address and the job switch', () => {
      expect(
        loadConfig({
          SMTP_URL: 'smtps://user:secret@mail.agency.gov:465',
          MAIL_FROM: 'Performance team <performance@agency.gov>',
          APP_URL: 'https://yardstick.agency.gov/',
          JOBS: 'false',
        }),
      ).toMatchObject({
        mail: {
          smtpUrl: 'smtps://user:secret@mail.agency.gov:465',
          from: 'Performance team <performance@agency.gov>',
          appUrl: 'https://yardstick.agency.gov',
        },
        jobs: false,
      });
    });

    it('stops start-up naming SMTP_URL or MAIL_FROM when they are wrong', () => {
      expect(problemsOf({ SMTP_URL: 'http://mail.agency.gov', MAIL_FROM: 'nobody' })).toEqual([
        'SMTP_URL',
        'MAIL_FROM',
      ]);
      expect(problemsOf({ SMTP_URL: 'not a url' })).toEqual(['SMTP_URL']);
      expect(problemsOf({ MAIL_FROM: 'Team <not an address>' })).toEqual(['MAIL_FROM']);
      expect(problemsOf({ APP_URL: 'ftp://x' })).toEqual(['APP_URL']);
      expect(() => loadConfig({ SMTP_URL: 'mail.agency.gov:25' })).toThrow(
        /SMTP_URL: must use the smtp:\/\/ or smtps:\/\/ scheme/,
      );
      expect(() => loadConfig({ MAIL_FROM: 'x' })).toThrow(/MAIL_FROM: must be an e-mail address/);
    });
  });

  describe('single sign-on (OIDC_*)', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const pem = rsa.export({ format: 'pem', type: 'pkcs8' }).toString();
    const sso = {
      OIDC_ISSUER: 'https://idp.int.identitysandbox.gov/',
      OIDC_CLIENT_ID: 'urn:gov:gsa:openidconnect.profiles:sp:sso:agency:yardstick',
    };

    it('is off unless OIDC_ISSUER is set', () => {
      expect(loadConfig({}).oidc).toBeUndefined();
      expect(loadConfig({ OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }).oidc).toBeUndefined();
    });

    it('reads a private key (PEM, also with \\n for line breaks, or JWK) for private_key_jwt, with defaults', () => {
      const config = loadConfig({ ...sso, OIDC_PRIVATE_KEY: pem, PORT: '8080' });
      expect(config.oidc).toEqual({
        issuer: sso.OIDC_ISSUER,
        clientId: sso.OIDC_CLIENT_ID,
        clientAuth: { method: 'private_key_jwt', privateKey: pem.trim() },
        redirectUri: 'http://localhost:8080/api/v1/auth/oidc/callback',
        scopes: 'openid email',
        acrValues: undefined,
        prompt: undefined,
        label: 'Sign in with Login.gov',
      });
      expect(loadConfig({ ...sso, OIDC_PRIVATE_KEY: pem.trim().replace(/\n/g, '\\n') }).oidc).toBeDefined();
      const jwk = JSON.stringify({ ...rsa.export({ format: 'jwk' }), kid: 'k1' });
      expect(loadConfig({ ...sso, OIDC_PRIVATE_KEY: jwk }).oidc?.clientAuth.method).toBe('private_key_jwt');
    });

    it('reads a client secret for client_secret_basic, and the optional settings', () => {
      const config = loadConfig({
        ...sso,
        OIDC_CLIENT_SECRET: 's3cret',
        OIDC_REDIRECT_URI: 'https://yardstick.example.gov/api/v1/auth/oidc/callback',
        OIDC_SCOPES: 'openid  email profile',
        OIDC_ACR_VALUES: 'urn:acr.login.gov:auth-only',
        OIDC_PROMPT: 'select_account',
        OIDC_LABEL: 'Sign in with PIV',
      });
      expect(config.oidc).toMatchObject({
        clientAuth: { method: 'client_secret_basic', clientSecret: 's3cret' },
        redirectUri: 'https://yardstick.example.gov/api/v1/auth/oidc/callback',
        scopes: 'openid email profile',
        acrValues: 'urn:acr.login.gov:auth-only',
        prompt: 'select_account',
        label: 'Sign in with PIV',
      });
    });

    it('names what is missing when the issuer is set', () => {
      expect(problemsOf({ OIDC_ISSUER: sso.OIDC_ISSUER })).toEqual(['OIDC_CLIENT_ID', 'OIDC_PRIVATE_KEY']);
      expect(() => loadConfig({ OIDC_ISSUER: sso.OIDC_ISSUER })).toThrow(
        /OIDC_CLIENT_ID: is required when OIDC_ISSUER is set[\s\S]*OIDC_PRIVATE_KEY: is required when OIDC_ISSUER is set \(or OIDC_CLIENT_SECRET/,
      );
      expect(problemsOf({ ...sso, OIDC_PRIVATE_KEY: pem, OIDC_CLIENT_SECRET: 's' })).toEqual(['OIDC_CLIENT_SECRET']);
    });

    it('refuses a key it cannot use, without repeating the key', () => {
      const short = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
        format: 'pem',
        type: 'pkcs8',
      });
      const publicJwk = JSON.stringify(rsa.export({ format: 'jwk' }), ['kty', 'n', 'e']);
      for (const [key, reason] of [
        ['not a key', /must be a PEM private key .* or a private JWK/],
        [short.toString(), /is an RSA key shorter than 2048 bits/],
        [publicJwk, /is a public JWK/],
        ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', /is not a readable/],
      ] as const) {
        let message = '';
        try {
          loadConfig({ ...sso, OIDC_PRIVATE_KEY: key });
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toMatch(new RegExp(`OIDC_PRIVATE_KEY: ${reason.source}`));
        expect(message).not.toContain(key);
      }
    });

    it('checks the URLs and the scopes; https and an explicit redirect URI in production', () => {
      expect(problemsOf({ ...sso, OIDC_ISSUER: 'idp.example.gov', OIDC_CLIENT_SECRET: 's' })).toEqual(['OIDC_ISSUER']);
      expect(problemsOf({ ...sso, OIDC_CLIENT_SECRET: 's', OIDC_REDIRECT_URI: 'ftp://x/cb' })).toEqual([
        'OIDC_REDIRECT_URI',
      ]);
      expect(problemsOf({ ...sso, OIDC_CLIENT_SECRET: 's', OIDC_SCOPES: 'email' })).toEqual(['OIDC_SCOPES']);
      expect(loadConfig({ ...sso, OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_SECRET: 's' }).oidc?.issuer).toBe(
        'http://127.0.0.1:9000',
      );
      expect(
        problemsOf({ ...sso, NODE_ENV: 'production', OIDC_ISSUER: 'http://idp.example.gov', OIDC_CLIENT_SECRET: 's' }),
      ).toEqual(['OIDC_ISSUER', 'OIDC_REDIRECT_URI']);
    });
  });
});
