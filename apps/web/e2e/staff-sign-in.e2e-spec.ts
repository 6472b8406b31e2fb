import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { startOidcProvider, type TestOidcProvider } from '../../api/test/support/oidc-provider.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { activate, checkAxe, expectHeading, launchChromium, newPage, TIMEOUT_MS } from './staff-support.js';

const SSO_LABEL = 'Sign in with the test provider';

/** A port free right now, so the redirect URI registered at the provider can name it before the app listens. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Opens the sign-in page and waits for the app's question "is single sign-on on?" to be answered. */
const openSignIn = async (page: Page, baseUrl: string) => {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/oidc');
  await page.goto(`${baseUrl}/staff`);
  await expectHeading(page, 'Sign in');
  return answered;
};

describe('staff sign-in in Chromium: the single sign-on button, only when OIDC is configured', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('with OIDC configured', () => {
    let provider: TestOidcProvider;
    let t: TestApp;
    let baseUrl: string;
    beforeAll(async () => {
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      const redirectUri = `${baseUrl}/api/v1/auth/oidc/callback`;
      provider = await startOidcProvider({
        accounts: { 'pat-sub': { email: 'pat@test.example', emailVerified: true } },
        redirectUri,
        browserAccount: 'pat-sub',
      });
      t = await createTestApp({
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_PRIVATE_KEY: provider.clientPrivateJwk,
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_LABEL: SSO_LABEL,
      });
      await t
        .api()
        .post('/api/v1/users')
        .send({ email: 'pat@test.example', name: 'Pat Manager', roles: [{ role: 'program_manager', agencyId: null }] })
        .expect(201);
      await t.app.listen(port, '127.0.0.1');
    }, 60_000);
    afterAll(async () => {
      await t?.close();
      await provider?.close();
    });

    it('shows the button with its label; pressing Enter on it signs in through the provider', async () => {
      const { page, errors, close } = await newPage(browser);
      try {
        const answer = await openSignIn(page, baseUrl);
        expect(await answer.json()).toEqual({ enabled: true, label: SSO_LABEL });
        const button = page.getByRole('link', { name: SSO_LABEL });
        expect(await button.getAttribute('href')).toBe('/api/v1/auth/oidc/login');
        await checkAxe(page, 'on the sign-in page with single sign-on');
        // The provider signs the browser in as pat-sub (its test interaction), then sends it back to Yardstick.
        const [toProvider] = await Promise.all([
          page.waitForRequest((r) => r.url().startsWith(`${provider.issuer}/`)),
          activate(page, button, 'the single sign-on button'),
        ]);
        expect(new URL(toProvider.url()).searchParams.get('client_id')).toBe(provider.clientId);
        await page.getByText('Signed in as').waitFor({ timeout: TIMEOUT_MS });
        await expectHeading(page, 'Staff workspace');
        expect(new URL(page.url()).pathname).toBe('/staff');
        expect(await page.getByRole('region', { name: 'Your session' }).textContent()).toContain('pat@test.example');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }, 60_000);
  });

  describe('without OIDC', () => {
    let t: TestApp;
    let baseUrl: string;
    beforeAll(async () => {
      t = await createTestApp();
      await t.app.listen(0, '127.0.0.1');
      baseUrl = await t.app.getUrl();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('shows the local sign-in form alone', async () => {
      const { page, errors, close } = await newPage(browser);
      try {
        const answer = await openSignIn(page, baseUrl);
        expect((await answer.json()) as unknown).toMatchObject({ enabled: false });
        await page.getByRole('button', { name: 'Sign in' }).waitFor();
        // Two frames after the answer, React has rendered what it said.
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        expect(await page.getByRole('link', { name: /sign in with|single sign-on/i }).count()).toBe(0);
        expect(await page.getByText('single sign-on').count()).toBe(0);
        await checkAxe(page, 'on the sign-in page without single sign-on');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  });
});
