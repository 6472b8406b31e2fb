import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createTestApp, TEST_ADMIN, type TestApp } from '../../api/test/support/test-app.js';
import { activate, checkAxe, expectHeading, launchChromium, signIn, TIMEOUT_MS, typeInto } from './staff-support.js';

/** What is wrong with the page's tables at this width: a table wider than its column, or a scroll box unnamed. */
const tableProblems = (page: Page, desktop: boolean): Promise<string[]> =>
  page.evaluate((wide) => {
    const problems: string[] = [];
    const describe = (table: HTMLTableElement) =>
      (table.caption?.textContent ?? table.closest('[aria-label]')?.getAttribute('aria-label') ?? 'a table').trim();
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
    }
    for (const table of document.querySelectorAll('main table')) {
      if (!(table instanceof HTMLTableElement) || table.getClientRects().length === 0) continue;
      const box = table.parentElement!;
      const overflows = table.offsetWidth > box.clientWidth + 1;
      if (wide && overflows)
        problems.push(
          `"${describe(table)}" is ${table.offsetWidth} px in ${box.clientWidth} px` +
            ' DEBUG ' +
            [...(table.tBodies[0]?.rows[0]?.cells ?? [])]
              .map((c) => `${c.offsetWidth}:${c.textContent!.slice(0, 40)}`)
              .join(' | '),
        );
      if (!wide && overflows) {
        // On a phone a table may scroll inside a box a keyboard can reach and a screen reader can name.
        const named = box.getAttribute('aria-label') || box.getAttribute('aria-labelledby');
        if (box.tabIndex !== 0 || !named || getComputedStyle(box).overflowX === 'visible') {
          problems.push(`"${describe(table)}" overflows a box that is not a focusable, labelled scroll box`);
        }
      }
    }
    return problems;
  }, desktop);

/** Every public and staff page with a table, on the demonstration data: at 1280 px no table overflows. */
describe('tables fit their column at 1280 px, and scroll in a labelled box on a phone', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  const publicPaths: string[] = [];
  const staffPaths: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'true' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
    const anon = () => request(t.server);
    const home = (await anon().get('/api/v1/public/home').expect(200)).body;
    // The agency with the most standards (longest tables), and a satisfaction standard (counts and intervals).
    const agency = [...home.agencies].sort((a, b) => b.standards - a.standards)[0];
    const page = (await anon().get(`/api/v1/public/agencies/${agency.slug}`).expect(200)).body;
    const standards = page.services.flatMap((s: { standards: unknown[] }) => s.standards) as {
      agency: { slug: string };
      code: string;
      dimension: string;
      latest: unknown;
    }[];
    const path = (s: (typeof standards)[number]) =>
      `/agencies/${s.agency.slug}/standards/${encodeURIComponent(s.code)}`;
    publicPaths.push(
      '/',
      '/?q=renewal',
      `/agencies/${agency.slug}`,
      `/services/${page.services[0].slug}`,
      ...['speed', 'satisfaction'].map((d) => path(standards.find((s) => s.dimension === d && s.latest)!)),
      `/reports/${agency.slug}/${page.reportYears[0]}`,
    );
    const api = t.api();
    const standard = (await api.get('/api/v1/standards').query({ status: 'published', pageSize: 1 }).expect(200)).body
      .items[0].id;
    staffPaths.push(
      '/staff/services',
      '/staff/standards',
      `/staff/standards/${standard}`,
      '/staff/due',
      '/staff/reviews',
      '/staff/portfolio',
      `/staff/portfolio/standards/${standard}`,
      '/staff/admin/users',
      '/staff/admin/tokens',
      '/staff/admin/audit',
      '/staff/admin/catalog',
    );
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const settle = async (page: Page) => {
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: TIMEOUT_MS });
    await page.waitForFunction(() => !/Loading /.test(document.querySelector('main')?.textContent ?? ''), undefined, {
      timeout: TIMEOUT_MS,
    });
  };

  it('at 1280 px and at 375 px, on every public and staff page with a table', async () => {
    const failures: string[] = [];
    for (const [width, desktop] of [
      [1280, true],
      [375, false],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        let tables = 0;
        for (const path of publicPaths) {
          await page.goto(`${baseUrl}${path}`);
          await settle(page);
          tables += await page.locator('main table').count();
          for (const problem of await tableProblems(page, desktop)) failures.push(`${width} px ${path}: ${problem}`);
        }
        await page.goto(`${baseUrl}/staff`);
        await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
        await expectHeading(page, 'Staff workspace');
        for (const path of staffPaths) {
          await page.goto(`${baseUrl}${path}`);
          await settle(page);
          tables += await page.locator('main table').count();
          for (const problem of await tableProblems(page, desktop)) failures.push(`${width} px ${path}: ${problem}`);
        }
        // The test looks at real tables, or it proves nothing.
        expect(tables).toBeGreaterThan(20);
      } finally {
        await context.close();
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('lets an administrator set an agency’s OMB codes and contact on the Open data catalog page, by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      await page.goto(`${baseUrl}/staff`);
      await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
      await page.goto(`${baseUrl}/staff/admin/catalog`);
      await expectHeading(page, 'Open data catalog');
      await checkAxe(page, 'on the catalog page');
      const agency = 'Social Security Administration (demonstration)';
      await activate(page, page.getByRole('button', { name: `Edit ${agency}` }), 'the Edit button');
      await expectHeading(page, agency, 2);
      await typeInto(page, page.getByLabel('OMB bureau code'), '16:0', 'the bureau code');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').getByText('There is a problem').waitFor();
      await page.getByText('Must be an OMB bureau code').first().waitFor();
      await checkAxe(page, 'with an error');
      await typeInto(page, page.getByLabel('OMB bureau code'), '016:01', 'the bureau code');
      await typeInto(page, page.getByLabel('Program codes'), '016:000, 016:002', 'the program codes');
      await typeInto(page, page.getByLabel('Contact e-mail'), 'open.data@ssa.example.gov', 'the contact');
      await page.keyboard.press('Enter');
      await page.getByText(`Saved the catalog details of ${agency}.`).waitFor();
      const saved = (await t.api().get('/api/v1/agencies').query({ q: 'Social Security' }).expect(200)).body.items[0];
      expect(saved).toMatchObject({
        bureauCode: '016:01',
        programCodes: ['016:000', '016:002'],
        contactEmail: 'open.data@ssa.example.gov',
      });
    } finally {
      await context.close();
    }
  }, 120_000);
});
