import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fiscalYearOf } from '@yardstick/metrics';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { createTestApp, TEST_ADMIN, type TestApp } from '../../api/test/support/test-app.js';
import {
  activate,
  checkAxe,
  chooseOption,
  expectHeading,
  expectText,
  launchChromium,
  navigate,
  newPage,
  signIn,
  tabTo,
  typeInto,
  TIMEOUT_MS,
} from './staff-support.js';

const FY = fiscalYearOf(new Date());
const LAST = FY - 1;
const PASSWORD = 'a long staff password 42';

describe('staff app in Chromium: a program manager follows the portfolio, an administrator manages access', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    const api = t.api();
    const agencyId = (
      await api
        .post('/api/v1/agencies')
        .send({ name: 'Bureau of Samples', abbreviation: 'BOS', slug: 'bos' })
        .expect(201)
    ).body.id;
    const serviceId = (
      await api.post('/api/v1/services').send({ agencyId, name: 'Permit help line', slug: 'permits' }).expect(201)
    ).body.id;
    const standardId = (
      await api
        .post('/api/v1/standards')
        .send({
          serviceId,
          code: 'SAT-1',
          title: 'Caller satisfaction',
          statement: 'At least 80% of callers are satisfied with the help line.',
          dimension: 'satisfaction',
          measureDescription: 'Share of survey respondents answering 4 or 5 of 5.',
          unit: 'percent',
          computation: 'mean',
          direction: 'higher_is_better',
          frequency: 'quarter',
        })
        .expect(201)
    ).body.id;
    for (const fiscalYear of [LAST, FY]) {
      await api
        .put(`/api/v1/standards/${standardId}/targets`)
        .send({ fiscalYear, value: 80, unit: 'percent' })
        .expect(200);
    }
    await api.post(`/api/v1/standards/${standardId}/submit`).expect(200);
    await api.post(`/api/v1/standards/${standardId}/publish`).expect(200);
    for (const [quarter, value] of [
      [1, 84],
      [2, 78],
      [3, 70],
      [4, 86],
    ] as const) {
      await api
        .post('/api/v1/results')
        .send({ standardId, period: `FY${LAST}-Q${quarter}`, value, sampleSize: 400 })
        .expect(201);
    }
    await api
      .post('/api/v1/users')
      .send({
        email: 'manager@test.example',
        name: 'Pat Manager',
        password: PASSWORD,
        roles: [{ role: 'program_manager', agencyId: null }],
      })
      .expect(201);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('program manager: filters the portfolio (kept in the URL), drills down to a trend and downloads it', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff`);
      await signIn(page, 'manager@test.example', PASSWORD);
      // Navigation by role: a program manager reads; the officers', approvers' and administrators' pages are not offered.
      const nav = page.getByRole('navigation', { name: 'Staff navigation' });
      for (const link of ['Workspace', 'Standards', 'Due results', 'Portfolio']) {
        expect(await nav.getByRole('link', { name: link }).count()).toBe(1);
      }
      for (const link of ['Services', 'Import results', 'Reviews', 'Users', 'Tokens', 'Audit trail']) {
        expect(await nav.getByRole('link', { name: link }).count()).toBe(0);
      }
      const tasks = await page.getByRole('main').getByRole('heading', { level: 3 }).allTextContents();
      expect(tasks).toEqual(['Standards', 'Results due and overdue', 'Portfolio', 'E-mail settings']);
      // The standard's page shows it, with no control to change it.
      await navigate(page, 'Standards', 'Standards');
      expect(await page.getByRole('link', { name: 'Create a standard' }).count()).toBe(0);
      await activate(page, page.getByRole('link', { name: 'SAT-1' }), 'the SAT-1 link');
      await expectHeading(page, 'SAT-1: Caller satisfaction');
      await expectText(page, 'FY' + LAST);
      await page.getByRole('table', { name: 'Targets' }).waitFor({ timeout: TIMEOUT_MS });
      await page.getByRole('table', { name: 'Results of SAT-1, newest first' }).waitFor({ timeout: TIMEOUT_MS });
      expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
      expect(await page.getByRole('main').getByRole('textbox').count()).toBe(0);
      expect(await page.getByRole('main').getByRole('combobox').count()).toBe(0);
      expect(await page.getByText('No benchmark is linked yet.').count()).toBe(1);
      // An officer's page asked for by its address says it is not for this role.
      await page.goto(`${baseUrl}/staff/imports`);
      await expectHeading(page, 'Not available to you');
      await page.goto(`${baseUrl}/staff`);
      await expectHeading(page, 'Staff workspace');
      await navigate(page, 'Portfolio', 'Portfolio');
      await chooseOption(page, page.getByLabel('Fiscal year'), `FY${LAST}`, 'the fiscal year');
      await page.waitForURL(new RegExp(`fy=${LAST}`));
      await expectHeading(page, new RegExp(`^FY${LAST} \\(Oct ${LAST - 1}-Sep ${LAST}\\)$`), 2);
      // 84, 78, 70, 86 weighted by 400 respondents each: 79.5, short of 80 by less than 5%: near.
      // Not certified yet: each quarter awaits certification, with the status so far.
      await expectText(
        page.getByTestId('portfolio-summary'),
        /1 published standard: 0 met, 0 near target, 0 not met, 1 awaiting certification/,
      );
      const row = page.getByRole('row', { name: /SAT-1/ });
      expect(await row.textContent()).toMatch(
        /met so far.*near target so far.*not met so far.*met so far.*near target so far/,
      );
      expect(await row.textContent()).not.toMatch(/No target/);
      await checkAxe(page, 'on the portfolio');
      await chooseOption(page, page.getByRole('combobox', { name: 'Quarter (optional)' }), 'Q3', 'the quarter');
      await page.waitForURL(/q=3/);
      await expectText(page.getByTestId('portfolio-summary'), /1 awaiting certification/);
      // The filters survive a reload: they live in the URL.
      await page.reload();
      await expectText(page.getByTestId('portfolio-summary'), /1 awaiting certification/);
      await checkAxe(page, 'on the portfolio for one quarter');

      await activate(page, page.getByRole('link', { name: 'SAT-1' }), 'the SAT-1 link');
      await expectHeading(page, 'SAT-1: Caller satisfaction');
      await expectText(page, /The latest, .*Q4.*, is 86% against a target of 80%/);
      await activate(page, page.getByText('The numbers in this chart, as a table'), 'the table toggle');
      const table = page.getByRole('table', { name: 'SAT-1: results against target' });
      await table.waitFor({ timeout: TIMEOUT_MS });
      // A survey percentage from 400 respondents: the margin of error is shown with it.
      expect(await table.getByRole('row').nth(1).textContent()).toMatch(
        /84%.*80%.*Met.*\d+(\.\d)?%.*\d+(\.\d)?%.*Not yet/,
      );
      await checkAxe(page, 'on the trend page');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        activate(page, page.getByRole('button', { name: 'Download the trend as CSV' }), 'the CSV button'),
      ]);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv.split('\r\n')[0]).toBe(
        '"period","value","target","target_min","target_max","status","ci_lower","ci_upper","sample_size","certified"',
      );
      expect(csv).toContain(`"FY${LAST}-Q3","70","80"`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);

  it('administrator: creates an account with a role, a machine token shown once, revokes it, and finds it in the audit trail', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff`);
      await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
      await navigate(page, 'Users', 'Users');
      await checkAxe(page, 'on the users page');
      await typeInto(page, page.getByLabel('Email address'), 'new.officer@test.example', 'the email');
      await typeInto(page, page.getByLabel('Full name'), 'Nia Officer', 'the name');
      await typeInto(page, page.getByLabel('Password (optional)'), PASSWORD, 'the password');
      await activate(page, page.getByRole('button', { name: 'Add a role' }), 'Add a role');
      await chooseOption(page, page.getByLabel('Agency for role 1'), 'Bureau of Samples', 'the agency of the role');
      await activate(page, page.getByRole('button', { name: 'Create account' }), 'Create account');
      await expectText(page, 'Account created for new.officer@test.example.');
      expect(await page.getByRole('row', { name: /Nia Officer/ }).textContent()).toContain('Performance officer (BOS)');
      await checkAxe(page, 'after creating an account');

      await navigate(page, 'Tokens', 'Tokens');
      await typeInto(page, page.getByLabel('Name', { exact: true }), 'Nightly upload', 'the token name');
      await chooseOption(page, page.getByLabel('Agency', { exact: true }), 'Bureau of Samples', 'the token agency');
      // A machine token needs a permission: its legend does not call them optional.
      const permissions = page.getByRole('group', { name: /^Permissions/ });
      expect(await permissions.locator('legend').textContent()).not.toMatch(/optional/);
      await activate(page, page.getByRole('button', { name: 'Create token' }), 'Create token');
      const shown = page.getByTestId('new-token');
      await expectText(shown, 'it will not be shown again');
      const token = (await shown.locator('code').first().textContent())!;
      // The token works, for what it was given.
      await t.as(token).get('/api/v1/imports/template.csv').expect(200);
      await checkAxe(page, 'with a new token shown');
      await activate(page, page.getByRole('button', { name: 'Revoke Nightly upload' }), 'Revoke');
      await expectText(page, 'Nightly upload revoked: it no longer works.');
      await t.as(token).get('/api/v1/imports/template.csv').expect(401);

      // The import page reads the Government of Canada file too (not only Yardstick's template).
      await navigate(page, 'Import results', 'Import results');
      await chooseOption(
        page,
        page.getByLabel('File format'),
        'Government of Canada service standards file (ss.csv)',
        'the file format',
      );
      await tabTo(page, page.getByLabel('Results file (CSV or XLSX)'), 'the file input');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
      await chooser.setFiles({
        name: 'ss.csv',
        mimeType: 'text/csv',
        buffer: await readFile(new URL('../../api/src/imports/formats/fixtures/gc-ss-sample.csv', import.meta.url)),
      });
      await activate(page, page.getByRole('button', { name: 'Check the file (nothing is saved)' }), 'Check the file');
      await expectText(page.getByTestId('import-counts'), 'would be inserted');
      await checkAxe(page, 'after checking a Government of Canada file');

      // Agencies are created in the staff app, not only through the API.
      await navigate(page, 'Agencies', 'Agencies');
      await typeInto(page, page.getByLabel('Name', { exact: true }), 'Office of Examples', 'the agency name');
      await typeInto(page, page.getByLabel('Abbreviation'), 'OOE', 'the abbreviation');
      expect(await page.getByLabel('Address name (slug)').inputValue()).toBe('office-of-examples');
      await activate(page, page.getByRole('button', { name: 'Create agency' }), 'Create agency');
      await expectText(page, 'Office of Examples (OOE) created.');
      await page.getByRole('row', { name: /Office of Examples/ }).waitFor({ timeout: TIMEOUT_MS });
      await checkAxe(page, 'after creating an agency');

      await navigate(page, 'Audit trail', 'Audit trail');
      await typeInto(page, page.getByLabel('Action'), 'token.*', 'the action filter');
      await activate(page, page.getByRole('button', { name: 'Apply filters' }), 'Apply filters');
      await page.waitForURL(/action=token/);
      // The unfiltered page stays up until the filtered one arrives: wait for the other actions to go.
      await page
        .getByRole('row', { name: /user\.create/ })
        .first()
        .waitFor({ state: 'detached', timeout: TIMEOUT_MS });
      await page.getByRole('row', { name: /token\.revoke/ }).waitFor({ timeout: TIMEOUT_MS });
      const actions = await page.getByRole('table').locator('tbody code').allTextContents();
      expect(actions).toEqual(expect.arrayContaining(['token.create', 'token.revoke']));
      expect(actions.every((action) => action.startsWith('token.'))).toBe(true);
      await checkAxe(page, 'on the filtered audit trail');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);

  it('administrator: sets an agency’s fiscal year to start in April, and learns why one with results keeps its own', async () => {
    await t
      .api()
      .post('/api/v1/agencies')
      .send({ name: 'Maple Department', abbreviation: 'MAP', slug: 'map' })
      .expect(201);
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff`);
      await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
      await navigate(page, 'Agencies', 'Agencies');
      await checkAxe(page, 'on the agencies page');
      expect(await page.getByRole('row', { name: /Maple Department/ }).textContent()).toContain('October');
      await chooseOption(page, page.getByLabel('Agency', { exact: true }), 'Maple Department (MAP)', 'the agency');
      await chooseOption(page, page.getByLabel('Fiscal year starts in'), 'April', 'the start month');
      await activate(page, page.getByRole('button', { name: 'Save' }), 'Save');
      await expectText(page, 'Maple Department: its fiscal year starts in April.');
      await page.getByRole('row', { name: /Maple Department.*April/ }).waitFor({ timeout: TIMEOUT_MS });
      const [maple] = (await t.api().get('/api/v1/agencies?q=Maple').expect(200)).body.items;
      expect(maple.fiscalYearStartMonth).toBe(4);

      // The Bureau of Samples has results, dated in October years: its start month stays.
      await chooseOption(page, page.getByLabel('Agency', { exact: true }), 'Bureau of Samples (BOS)', 'the agency');
      await chooseOption(page, page.getByLabel('Fiscal year starts in'), 'April', 'the start month');
      await activate(page, page.getByRole('button', { name: 'Save' }), 'Save');
      await expectText(page, 'the start month can change only before results are recorded');
      await checkAxe(page, 'with the refusal shown');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);
});
