import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';

describe('accounts, sessions, tokens and hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (email: string, password: string) =>
    request(t.server).post('/api/v1/auth/login').send({ email, password });
  const cookieOf = (response: request.Response): string => {
    const header = response.headers['set-cookie'] as unknown as string[];
    return header.find((c) => c.startsWith('yardstick_session='))!.split(';')[0]!;
  };

  describe('sessions', () => {
    let cookie: string;
    let csrf: string;

    it('signs the administrator in with a password, in an httpOnly SameSite cookie', async () => {
      const response = await login(TEST_ADMIN.email.toUpperCase(), TEST_ADMIN.password).expect(200);
      const setCookie = (response.headers['set-cookie'] as unknown as string[]).join('\n');
      expect(setCookie).toMatch(/yardstick_session=[\w-]{40,}; .*HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      expect(response.body).toMatchObject({
        email: TEST_ADMIN.email,
        roles: [{ role: 'admin', agencyId: null }],
        csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
      });
      expect(response.body.permissions).toContain('users:manage');
      cookie = cookieOf(response);
      csrf = response.body.csrfToken;
      await request(t.server).get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
      await request(t.server).get('/api/v1/auth/me').expect(401);
    });

    it('refuses a change made with the cookie unless it carries the CSRF token', async () => {
      const agency = { name: 'Agency C', abbreviation: 'CCC', slug: 'c' };
      const missing = await request(t.server).post('/api/v1/agencies').set('Cookie', cookie).send(agency).expect(403);
      expect(missing.body.message).toMatch(/X-CSRF-Token/);
      await request(t.server)
        .post('/api/v1/agencies')
        .set('Cookie', cookie)
        .set('X-CSRF-Token', `${csrf.slice(1)}x`)
        .send(agency)
        .expect(403);
      await request(t.server)
        .post('/api/v1/agencies')
        .set('Cookie', cookie)
        .set('X-CSRF-Token', csrf)
        .send(agency)
        .expect(201);
    });

    it('ends the session on sign-out', async () => {
      await request(t.server).post('/api/v1/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf).expect(204);
      await request(t.server).get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
    });
  });

  describe('what the staff app is told of the caller', () => {
    it("names, for each permission, the agencies it covers: an officer's agency and its bureaus, an administrator's all", async () => {
      const parent = (
        await t.api().post('/api/v1/agencies').send({ name: 'Scoped', abbreviation: 'SCP', slug: 'scoped' }).expect(201)
      ).body.id;
      const bureau = (
        await t
          .api()
          .post('/api/v1/agencies')
          .send({ name: 'Scoped bureau', abbreviation: 'SCPB', slug: 'scoped-bureau', parentId: parent })
          .expect(201)
      ).body.id;
      const other = (
        await t.api().post('/api/v1/agencies').send({ name: 'Other', abbreviation: 'OTH', slug: 'other' }).expect(201)
      ).body.id;
      await t
        .api()
        .post('/api/v1/users')
        .send({
          email: 'scoped-officer@test.example',
          name: 'Scoped officer',
          password: 'a long enough passphrase',
          roles: [{ role: 'performance_officer', agencyId: parent }],
        })
        .expect(201);
      const officer = (await login('scoped-officer@test.example', 'a long enough passphrase').expect(200)).body;
      expect([...officer.scopes['registry:write']].sort()).toEqual([parent, bureau].sort());
      expect(officer.scopes['registry:write']).not.toContain(other);
      expect(officer.scopes['standards:publish']).toBeUndefined();
      const admin = (await login(TEST_ADMIN.email, TEST_ADMIN.password).expect(200)).body;
      expect(admin.scopes['registry:write']).toBe('all');
    });
  });

  describe('passwords and throttling', () => {
    beforeAll(async () => {
      await t.api().post('/api/v1/users').send({
        email: 'officer@test.example',
        name: 'Officer',
        password: 'a long enough passphrase',
        roles: [],
      });
    });

    it('gives the same answer for a wrong password and an unknown account, and audits both', async () => {
      const wrong = await login('officer@test.example', 'not the passphrase').expect(401);
      const unknown = await login('nobody@test.example', 'not the passphrase').expect(401);
      expect(wrong.body.message).toBe(unknown.body.message);
      const events = await t.api().get('/api/v1/audit-events?action=auth.login_failed').expect(200);
      expect(events.body.items.map((e: { subject: string }) => e.subject).sort()).toEqual([
        'nobody@test.example',
        'officer@test.example',
      ]);
    });

    it('refuses short passwords, naming the field', async () => {
      const response = await t
        .api()
        .post('/api/v1/users')
        .send({ email: 'short@test.example', name: 'Short', password: 'tooshort', roles: [] })
        .expect(400);
      expect(response.body.details[0]).toMatchObject({ field: 'password' });
    });

    it('answers 429 with Retry-After after repeated failures for one account, even with the right password', async () => {
      for (let i = 0; i < 4; i += 1) await login('officer@test.example', `wrong ${i}`).expect(401);
      const blocked = await login('officer@test.example', 'a long enough passphrase').expect(429);
      expect(blocked.body.code).toBe('too_many_requests');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('API tokens', () => {
    it('shows a token once, stores only its hash, and stops it when revoked', async () => {
      const created = await t.api().post('/api/v1/tokens').send({ name: 'laptop', kind: 'personal' }).expect(201);
      expect(created.body.token).toMatch(/^ys_[\w-]{40,}$/);
      const listed = await t.api().get('/api/v1/tokens').expect(200);
      const entry = listed.body.find((x: { id: string }) => x.id === created.body.id);
      expect(entry).toMatchObject({ name: 'laptop', prefix: created.body.token.slice(0, 10) });
      expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
      const stored = await t.app
        .get(DataSource)
        .query('SELECT token_hash FROM api_tokens WHERE id = $1', [created.body.id]);
      expect(stored[0].token_hash).not.toContain(created.body.token);

      const me = await t.as(created.body.token).get('/api/v1/auth/me').expect(200);
      expect(me.body.email).toBe(TEST_ADMIN.email);
      expect(
        (await t.api().get('/api/v1/tokens')).body.find((x: { id: string }) => x.id === created.body.id).lastUsedAt,
      ).not.toBeNull();
      await t.as(created.body.token).get('/api/v1/auth/me').expect(200);
      const uses = await t.api().get(`/api/v1/audit-events?action=token.use&entityId=${created.body.id}`).expect(200);
      expect(uses.body.total).toBe(2); // every use is in the audit trail
      await t.api().delete(`/api/v1/tokens/${created.body.id}`).expect(204);
      const refused = await t.as(created.body.token).get('/api/v1/auth/me').expect(401);
      expect(refused.body.message).toMatch(/revoked/);
      await t.as('ys_made-up-token').get('/api/v1/auth/me').expect(401);
      await request(t.server).get('/api/v1/auth/me').set('Authorization', 'Basic abc').expect(401);
    });

    it('stops every token and session of a deactivated account', async () => {
      const user = await t
        .api()
        .post('/api/v1/users')
        .send({ email: 'leaver@test.example', name: 'Leaver', password: 'a long enough passphrase', roles: [] })
        .expect(201);
      const token = await t.tokenFor('leaver@test.example');
      const session = cookieOf(await login('leaver@test.example', 'a long enough passphrase').expect(200));
      await t.as(token).get('/api/v1/auth/me').expect(200);
      await t.api().patch(`/api/v1/users/${user.body.id}`).send({ active: false }).expect(200);
      await t.as(token).get('/api/v1/auth/me').expect(401);
      await request(t.server).get('/api/v1/auth/me').set('Cookie', session).expect(401);
      await login('leaver@test.example', 'a long enough passphrase').expect(401);
    });
  });

  describe('audit trail of changes', () => {
    it('records who created and changed a record, with the record before and after', async () => {
      const created = await t
        .api()
        .post('/api/v1/agencies')
        .send({ name: 'Audited', abbreviation: 'AUD', slug: 'audited' })
        .expect(201);
      await t.api().patch(`/api/v1/agencies/${created.body.id}`).send({ name: 'Audited agency' }).expect(200);
      const events = await t.api().get(`/api/v1/audit-events?entityId=${created.body.id}&order=asc`).expect(200);
      expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['agency.create', 'agency.update']);
      const [create, update] = events.body.items;
      expect(create).toMatchObject({ actorType: 'token', before: null, after: { name: 'Audited' } });
      expect(update).toMatchObject({
        before: { name: 'Audited' },
        after: { name: 'Audited agency' },
        requestId: expect.any(String),
      });
    });
  });

  describe('hardening', () => {
    it('sends security headers and a Content-Security-Policy, and no CORS headers to other origins', async () => {
      const response = await request(t.server).get('/api/health').set('Origin', 'https://evil.example').expect(200);
      expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(t.server)
        .options('/api/v1/agencies')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('never puts a stack trace or SQL in an error body', async () => {
      const { name, admin } = t.database;
      await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      await admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      try {
        const response = await t.api().get('/api/v1/standards');
        expect(response.status).toBe(500);
        expect(response.body).toEqual({
          status: 500,
          code: 'internal_error',
          message: 'Something went wrong on our side. Quote the request id if you report it.',
          details: [],
          requestId: expect.any(String),
        });
        expect(response.text).not.toMatch(/SELECT|node_modules|at \w+ \(/);
      } finally {
        await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      }
    });
  });
});
