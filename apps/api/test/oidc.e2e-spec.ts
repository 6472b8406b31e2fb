import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { User } from '../src/users/entities/user.entity.js';
import { startOidcProvider, type ProviderAccount, type TestOidcProvider } from './support/oidc-provider.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const REDIRECT_URI = 'http://yardstick.test/api/v1/auth/oidc/callback';

const cookieValue = (response: request.Response, name: string): string | undefined => {
  const header = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  return header.find((c) => c.startsWith(`${name}=`))?.split(';')[0];
};

describe('single sign-on (OpenID Connect)', () => {
  let provider: TestOidcProvider;
  // Subject at the provider -> the email it shares. Edited by the tests.
  const accounts: Record<string, ProviderAccount> = {
    'ada-sub': { email: 'Ada@Test.Example', emailVerified: true },
    'stranger-sub': { email: 'stranger@test.example', emailVerified: true },
    'unverified-sub': { email: 'grace@test.example', emailVerified: false },
    'retired-sub': { email: 'retired@test.example', emailVerified: true },
    'impostor-sub': { email: 'ada@test.example', emailVerified: true },
  };

  beforeAll(async () => {
    provider = await startOidcProvider({ accounts, redirectUri: REDIRECT_URI });
  });
  afterAll(async () => {
    await provider?.close();
  });

  /** /oidc/login, then the provider as `as`, back to /oidc/callback with the state cookie. */
  const signIn = async (t: TestApp, as: { account: string } | { abort: true }) => {
    const login = await request(t.server).get('/api/v1/auth/oidc/login').expect(302);
    const stateCookie = cookieValue(login, 'yardstick_oidc')!;
    const back = await provider.authorize(login.headers.location!, as);
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    return { login, stateCookie, back, callback: () => request(t.server).get(back.pathname + back.search) };
  };

  describe('with a private key (private_key_jwt), as with Login.gov', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_PRIVATE_KEY: provider.clientPrivateJwk,
        OIDC_REDIRECT_URI: REDIRECT_URI,
        OIDC_ACR_VALUES: 'urn:acr.login.gov:auth-only',
        OIDC_LABEL: 'Sign in with the test provider',
      });
      const create = (email: string, name: string) =>
        t.api().post('/api/v1/users').send({ email, name, roles: [] }).expect(201);
      await create('ada@test.example', 'Ada');
      await create('grace@test.example', 'Grace');
      const retired = await create('retired@test.example', 'Retired');
      await t.api().patch(`/api/v1/users/${retired.body.id}`).send({ active: false }).expect(200);
    }, 60_000);
    afterAll(async () => {
      await t?.close();
    });

    it('tells the web app that single sign-on is on, and its label', async () => {
      const status = await request(t.server).get('/api/v1/auth/oidc').expect(200);
      expect(status.body).toEqual({ enabled: true, label: 'Sign in with the test provider' });
    });

    it('sends the browser to the provider with state, nonce and PKCE (S256), in a sealed httpOnly cookie', async () => {
      const login = await request(t.server).get('/api/v1/auth/oidc/login').expect(302);
      const location = new URL(login.headers.location!);
      expect(location.origin).toBe(provider.issuer);
      expect(Object.fromEntries(location.searchParams)).toMatchObject({
        client_id: provider.clientId,
        response_type: 'code',
        redirect_uri: REDIRECT_URI,
        scope: 'openid email',
        code_challenge_method: 'S256',
        code_challenge: expect.stringMatching(/^[\w-]{43}$/),
        state: expect.stringMatching(/^[\w-]{22,}$/),
        nonce: expect.stringMatching(/^[\w-]{22,}$/),
        acr_values: 'urn:acr.login.gov:auth-only',
      });
      const setCookie = (login.headers['set-cookie'] as unknown as string[]).join('\n');
      expect(setCookie).toMatch(
        /yardstick_oidc=[\w-]+; Max-Age=600; Path=\/api\/v1\/auth\/oidc; HttpOnly; SameSite=Lax/,
      );
      // Sealed: neither the state nor the code verifier can be read from it.
      const sealed = cookieValue(login, 'yardstick_oidc')!;
      expect(Buffer.from(sealed.split('=')[1]!, 'base64url').toString('latin1')).not.toContain(
        location.searchParams.get('state')!,
      );
    });

    it('signs in an account an administrator created: provider, callback, session, /auth/me', async () => {
      const { stateCookie, callback } = await signIn(t, { account: 'ada-sub' });
      const answer = await callback().set('Cookie', stateCookie).expect(302);
      expect(answer.headers.location).toBe('/staff');
      const session = cookieValue(answer, 'yardstick_session')!;
      expect(session).toMatch(/^yardstick_session=[\w-]{40,}$/);
      const setCookie = (answer.headers['set-cookie'] as unknown as string[]).join('\n');
      expect(setCookie).toMatch(/yardstick_session=[\w-]+; .*HttpOnly; SameSite=Lax/);
      expect(setCookie).toMatch(/yardstick_oidc=; .*Path=\/api\/v1\/auth\/oidc/); // used once

      const me = await request(t.server).get('/api/v1/auth/me').set('Cookie', session).expect(200);
      expect(me.body).toMatchObject({ email: 'ada@test.example', name: 'Ada', csrfToken: expect.any(String) });

      // The first sign-in linked the provider's subject to the account, found by its verified email.
      const ada = await t.app.get(DataSource).manager.findOneByOrFail(User, { email: 'ada@test.example' });
      expect(ada.oidcSubject).toBe('ada-sub');
      expect(ada.lastLoginAt).not.toBeNull();
      const events = await t.api().get(`/api/v1/audit-events?entityId=${ada.id}`).expect(200);
      const byAction = Object.fromEntries(events.body.items.map((e: { action: string }) => [e.action, e]));
      expect(byAction['auth.login']).toMatchObject({ after: { method: 'oidc', issuer: provider.issuer } });
      expect(byAction['user.oidc_link']).toMatchObject({
        before: { oidcSubject: null },
        after: { oidcSubject: 'ada-sub' },
      });
    });

    it('authenticated with a client assertion signed by the key, for the token endpoint', () => {
      const { header, payload } = provider.assertions.at(-1)!;
      expect(header).toMatchObject({ alg: 'RS256', kid: JSON.parse(provider.clientPrivateJwk).kid });
      expect(payload).toMatchObject({
        iss: provider.clientId,
        sub: provider.clientId,
        aud: `${provider.issuer}/token`,
      });
    });

    it('finds a linked account by its subject, even when the provider shares another email', async () => {
      accounts['ada-sub']!.email = 'ada.new@elsewhere.example';
      try {
        const { stateCookie, callback } = await signIn(t, { account: 'ada-sub' });
        const answer = await callback().set('Cookie', stateCookie).expect(302);
        const me = await request(t.server)
          .get('/api/v1/auth/me')
          .set('Cookie', cookieValue(answer, 'yardstick_session')!)
          .expect(200);
        expect(me.body.email).toBe('ada@test.example');
      } finally {
        accounts['ada-sub']!.email = 'Ada@Test.Example';
      }
    });

    it('refuses someone without a Yardstick account (no self-registration), and audits it', async () => {
      const { stateCookie, callback } = await signIn(t, { account: 'stranger-sub' });
      const refused = await callback().set('Cookie', stateCookie).expect(403);
      expect(refused.body).toMatchObject({
        status: 403,
        code: 'forbidden',
        message: expect.stringMatching(/no Yardstick account for stranger@test\.example.*administrator/),
        requestId: expect.any(String),
      });
      expect(cookieValue(refused, 'yardstick_session')).toBeUndefined();
      expect(await t.app.get(DataSource).manager.countBy(User, { email: 'stranger@test.example' })).toBe(0);
      const events = await t.api().get('/api/v1/audit-events?action=auth.login_failed').expect(200);
      expect(events.body.items).toContainEqual(
        expect.objectContaining({
          subject: 'stranger@test.example',
          after: { method: 'oidc', reason: 'unknown_user' },
        }),
      );
    });

    it('refuses an email the provider has not verified, a deactivated account, and a second identity', async () => {
      for (const [account, message] of [
        ['unverified-sub', /has not verified grace@test\.example/],
        ['retired-sub', /retired@test\.example is deactivated/],
        ['impostor-sub', /linked to another identity/],
      ] as const) {
        const { stateCookie, callback } = await signIn(t, { account });
        const refused = await callback().set('Cookie', stateCookie).expect(403);
        expect(refused.body.message).toMatch(message);
        expect(cookieValue(refused, 'yardstick_session')).toBeUndefined();
      }
      const grace = await t.app.get(DataSource).manager.findOneByOrFail(User, { email: 'grace@test.example' });
      expect(grace.oidcSubject).toBeNull();
    });

    it('shows a browser a page rather than JSON when it refuses', async () => {
      const { stateCookie, callback } = await signIn(t, { account: 'stranger-sub' });
      const page = await callback()
        .set('Cookie', stateCookie)
        .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
        .expect(403)
        .expect('Content-Type', /text\/html/);
      expect(page.text).toContain('There is no Yardstick account for stranger@test.example');
      expect(page.text).toContain('href="/staff"');
    });

    it('refuses a tampered state, a tampered or missing cookie, and a replayed answer', async () => {
      const { stateCookie, back } = await signIn(t, { account: 'ada-sub' });
      const path = (url: URL) => url.pathname + url.search;
      const tampered = new URL(back);
      tampered.searchParams.set('state', `${back.searchParams.get('state')!.slice(0, -1)}x`);
      const badState = await request(t.server).get(path(tampered)).set('Cookie', stateCookie).expect(400);
      expect(badState.body).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/state/) });

      const [name, value] = stateCookie.split('=') as [string, string];
      const forged = `${name}=${value.slice(0, 20)}${value[20] === 'A' ? 'B' : 'A'}${value.slice(21)}`;
      const badCookie = await request(t.server).get(path(back)).set('Cookie', forged).expect(400);
      expect(badCookie.body.message).toMatch(/expired, or was started in another browser/);
      await request(t.server).get(path(back)).expect(400);

      // The untouched answer still works once; the provider refuses its code a second time.
      await request(t.server).get(path(back)).set('Cookie', stateCookie).expect(302);
      const replay = await request(t.server).get(path(back)).set('Cookie', stateCookie).expect(400);
      expect(replay.body.message).toMatch(/could not be verified \(invalid_grant\)/);
    });

    it('says so clearly when the user cancels at the provider (access_denied)', async () => {
      const { stateCookie, back, callback } = await signIn(t, { abort: true });
      expect(back.searchParams.get('error')).toBe('access_denied');
      const cancelled = await callback().set('Cookie', stateCookie).expect(403);
      expect(cancelled.body).toMatchObject({
        status: 403,
        code: 'forbidden',
        message: expect.stringMatching(/cancelled or refused at the identity provider \(access_denied\)/),
      });
    });
  });

  describe('with a client secret (client_secret_basic)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.secretClient.clientId,
        OIDC_CLIENT_SECRET: provider.secretClient.clientSecret,
        OIDC_REDIRECT_URI: REDIRECT_URI,
      });
      await t.api().post('/api/v1/users').send({ email: 'ada@test.example', name: 'Ada', roles: [] }).expect(201);
    }, 60_000);
    afterAll(async () => {
      await t?.close();
    });

    it('signs in the same way', async () => {
      const { stateCookie, callback } = await signIn(t, { account: 'ada-sub' });
      const answer = await callback().set('Cookie', stateCookie).expect(302);
      await request(t.server)
        .get('/api/v1/auth/me')
        .set('Cookie', cookieValue(answer, 'yardstick_session')!)
        .expect(200)
        .expect((response) => expect(response.body.email).toBe('ada@test.example'));
    });
  });

  describe('when the provider cannot be reached', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        OIDC_ISSUER: 'http://127.0.0.1:1',
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_PRIVATE_KEY: provider.clientPrivateJwk,
      });
    }, 60_000);
    afterAll(async () => {
      await t?.close();
    });

    it('starts anyway, and sign-in answers 503 until it can be reached', async () => {
      const response = await request(t.server).get('/api/v1/auth/oidc/login').expect(503);
      expect(response.body).toMatchObject({ code: 'service_unavailable', message: /cannot be reached/ });
    });
  });

  describe('when OIDC_ISSUER is not set', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    }, 60_000);
    afterAll(async () => {
      await t?.close();
    });

    it('says single sign-on is off, and its routes answer 404', async () => {
      const status = await request(t.server).get('/api/v1/auth/oidc').expect(200);
      expect(status.body).toEqual({ enabled: false, label: 'Sign in with Login.gov' });
      for (const path of ['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback?code=x&state=y']) {
        const response = await request(t.server).get(path).expect(404);
        expect(response.body).toMatchObject({ status: 404, code: 'not_found', message: /not configured/ });
      }
    });
  });
});
