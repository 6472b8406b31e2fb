import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { createTestApp, TEST_ADMIN, type TestApp } from '../../api/test/support/test-app.js';
import { checkAxe, expectHeading, fail, launchChromium, signIn, TIMEOUT_MS } from './staff-support.js';

const PASSWORD = 'a long staff password 42';

type Check = { path: string; h1: RegExp; as?: 'admin' | 'manager'; context?: BrowserContextOptions };

/** Every staff page on the demonstration data: one h1, its title, the skip link first, zero axe violations. */
describe('every staff page in Chromium, on the demonstration data', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'true' });
    const api = t.api();
    const standards = await api.get('/api/v1/standards').query({ status: 'published', pageSize: 1 }).expect(200);
    ids.standard = standards.body.items[0].id;
    // One standard in review, so the queue shows a field-by-field change.
    await api.patch(`/api/v1/standards/${ids.standard}`).send({ title: 'A clearer title for review' }).expect(200);
    await api.post(`/api/v1/standards/${ids.standard}/submit`).expect(200);
    await api
      .post('/api/v1/users')
      .send({
        email: 'pm@test.example',
        name: 'Pat Manager',
        password: PASSWORD,
        roles: [{ role: 'program_manager', agencyId: null }],
      })
      .expect(201);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const checks = (): Check[] => [
    { path: '/staff', h1: /^Staff workspace$/ },
    { path: '/staff/services', h1: /^Services$/ },
    { path: '/staff/standards', h1: /^Standards$/ },
    { path: '/staff/standards/new', h1: /^Create a standard$/ },
    { path: `/staff/standards/${ids.standard}`, h1: /: A clearer title for review$/ },
    { path: '/staff/imports', h1: /^Import results$/ },
    { path: '/staff/due', h1: /^Results due and overdue$/ },
    { path: '/staff/reviews', h1: /^Review queue$/ },
    { path: '/staff/portfolio', h1: /^Portfolio$/ },
    { path: `/staff/portfolio/standards/${ids.standard}`, h1: /: / },
    { path: '/staff/admin/users', h1: /^Users$/ },
    { path: '/staff/admin/tokens', h1: /^Tokens$/ },
    { path: '/staff/admin/audit', h1: /^Audit trail$/ },
    { path: '/staff/no-such-page', h1: /^Page not found$/ },
    { path: `/staff/standards/${ids.standard}`, h1: /: A clearer title for review$/, as: 'manager' },
    { path: '/staff/admin/users', h1: /^Not available to you$/, as: 'manager' },
    {
      path: '/staff/portfolio',
      h1: /^Portfolio$/,
      as: 'manager',
      context: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
    },
  ];

  const visit = async (page: Page, check: Check) => {
    await page.goto(`${baseUrl}${check.path}`);
    const h1 = page.getByRole('heading', { level: 1 });
    await h1.first().waitFor({ timeout: TIMEOUT_MS });
    // Let the page's queries settle (their "Loading" lines go), so axe sees the page as a person would.
    await page.waitForFunction(() => !/Loading /.test(document.querySelector('main')?.textContent ?? ''), undefined, {
      timeout: TIMEOUT_MS,
    });
    if ((await h1.count()) !== 1) fail(`${await h1.count()} h1 elements`);
    const text = (await h1.textContent())?.trim() ?? '';
    if (!check.h1.test(text)) fail(`h1 is "${text}", expected ${check.h1}`);
    const title = await page.title();
    if (!title.endsWith(' | Yardstick') || !title.startsWith(text.slice(0, 20)))
      fail(`title "${title}" does not name the page "${text}"`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (first !== 'Skip to main content') fail(`first Tab stop is "${first}"`);
    await checkAxe(page, `on ${check.path}`);
  };

  it('renders every staff page accessibly, for an administrator and a program manager', async () => {
    const failures: string[] = [];
    const contexts = new Map<string, { page: Page; close: () => Promise<void> }>();
    try {
      for (const check of checks()) {
        const who = check.as ?? 'admin';
        const key = `${who}${check.context ? ' mobile' : ''}`;
        let session = contexts.get(key);
        if (!session) {
          const context = await browser.newContext(check.context ?? { viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          page.setDefaultTimeout(TIMEOUT_MS);
          page.on('pageerror', (error) => failures.push(`${key}: uncaught ${error.message}`));
          await page.goto(`${baseUrl}/staff`);
          if (who === 'admin') await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
          else await signIn(page, 'pm@test.example', PASSWORD);
          await expectHeading(page, 'Staff workspace');
          session = { page, close: () => context.close() };
          contexts.set(key, session);
        }
        try {
          await visit(session.page, check);
        } catch (error) {
          failures.push(`${check.path} as ${key}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      for (const { close } of contexts.values()) await close();
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
