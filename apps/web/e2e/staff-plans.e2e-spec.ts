import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PLAN_PARTS } from '@yardstick/contracts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { APP_CONFIG } from '../../api/src/config/config.module.js';
import { PublicCache } from '../../api/src/public/public-cache.service.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
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
} from './staff-support.js';

// The test app's clock is in FY2027 (2026-10-01 to 2027-09-30).
const FY = 2027;
const PASSWORD = 'a long staff password 42';
const field = (page: Page, name: string) => page.locator(`#field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`);

describe('Customer Service Plans in Chromium: an officer writes one, an approver publishes it', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let planUrl = '';
  let serviceId = '';
  beforeAll(async () => {
    t = await createTestApp();
    const built = path.join(t.app.get<{ webDistDir: string }>(APP_CONFIG).webDistDir, 'index.html');
    if (!existsSync(built)) throw new Error(`${built} is missing: build the web app first (npm run build)`);
    const api = t.api();
    const agencyId = (
      await api.post('/api/v1/agencies').send({ name: 'Office of Plans', abbreviation: 'OPL', slug: 'opl' }).expect(201)
    ).body.id;
    serviceId = (
      await api
        .post('/api/v1/services')
        .send({ agencyId, name: 'Licence renewal', slug: 'licence-renewal' })
        .expect(201)
    ).body.id;
    const standardId = (
      await api
        .post('/api/v1/standards')
        .send({
          serviceId,
          code: 'REN-TIME',
          title: 'Renewal time',
          statement: 'We renew 90% of licences within 10 days.',
          dimension: 'speed',
          measureDescription: 'Share of renewals within 10 days.',
          unit: 'percent',
          computation: 'share_meeting_threshold',
          direction: 'higher_is_better',
          thresholdValue: 10,
          thresholdUnit: 'days',
          frequency: 'quarter',
        })
        .expect(201)
    ).body.id;
    await api
      .put(`/api/v1/standards/${standardId}/targets`)
      .send({ fiscalYear: FY, value: 90, unit: 'percent' })
      .expect(200);
    await api.post(`/api/v1/standards/${standardId}/submit`).expect(200);
    await api.post(`/api/v1/standards/${standardId}/publish`).expect(200);
    for (const [email, role] of [
      ['officer@test.example', 'performance_officer'],
      ['approver@test.example', 'approver'],
    ] as const) {
      await api
        .post('/api/v1/users')
        .send({ email, name: role, password: PASSWORD, roles: [{ role, agencyId }] })
        .expect(201);
    }
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('officer: writes the plan, is told of a milestone outside the year, fixes it and submits', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff/plans`);
      await signIn(page, 'officer@test.example', PASSWORD);
      await expectHeading(page, 'Customer Service Plans');
      await checkAxe(page, 'on the plans list');
      await activate(page, page.getByRole('link', { name: 'Write a plan' }), 'Write a plan');
      await expectHeading(page, 'Write a plan');
      await chooseOption(page, page.getByLabel('Agency'), 'Office of Plans', 'the agency');
      await typeInto(page, page.getByLabel('Fiscal year'), String(FY), 'the fiscal year');
      await typeInto(page, page.getByLabel('Summary'), 'Renew online in one sitting.', 'the summary');
      for (const key of PLAN_PARTS) {
        await field(page, `parts.${key}.approach`).fill(`Approach for ${key}.`);
        await field(page, `parts.${key}.benefits`).fill(`Benefits for ${key}.`);
      }
      await activate(page, page.getByRole('button', { name: 'Add a milestone to part a' }), 'Add a milestone');
      await typeInto(
        page,
        field(page, 'parts.signature_initiative.milestones.0.title'),
        'Online renewal pilot',
        'the milestone',
      );
      await field(page, 'parts.signature_initiative.milestones.0.dueDate').fill(`${FY}-10-15`);
      await tabTo(page, page.getByLabel('Renewal time (REN-TIME)'), 'the standard checkbox');
      await page.keyboard.press('Space');
      await checkAxe(page, 'on the plan form');
      await activate(page, page.getByRole('button', { name: 'Save draft' }), 'Save draft');
      await expectText(page, 'There is a problem');
      await expectText(page, /must be within the plan's fiscal year/i);
      await checkAxe(page, 'on the plan form with an error');
      expect((await t.api().get('/api/v1/plans').expect(200)).body.total).toBe(0);

      await field(page, 'parts.signature_initiative.milestones.0.dueDate').fill(`${FY - 1}-10-15`);
      await activate(page, page.getByRole('button', { name: 'Save draft' }), 'Save draft');
      await expectHeading(page, /Plan of Office of Plans, FY2027/);
      planUrl = page.url();
      await activate(page, page.getByRole('button', { name: 'Submit for review' }), 'Submit for review');
      await expectText(page, 'Plan submitted for review.');
      await checkAxe(page, 'on the submitted plan');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('approver: publishes it; the public page reads without JavaScript, with the late milestone', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(planUrl);
      await signIn(page, 'approver@test.example', PASSWORD);
      await expectHeading(page, /Plan of Office of Plans, FY2027/);
      await activate(page, page.getByRole('button', { name: 'Publish plan' }), 'Publish plan');
      await expectText(page, 'Plan published: version 1 is public.');
      await checkAxe(page, 'on the published plan');
      await navigate(page, 'Plans', 'Customer Service Plans');
      await expectText(page, 'Published');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
    t.app.get(PublicCache).invalidate();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const pub = await context.newPage();
      const response = await pub.goto(`${baseUrl}/agencies/opl/plans/${FY}`);
      expect(response?.status()).toBe(200);
      await expectHeading(pub, `Office of Plans: Customer Service Plan, fiscal year ${FY}`);
      await expectText(pub, 'Renew online in one sitting.');
      await expectText(pub, 'Approach for streamlining.');
      const row = pub.getByRole('row', { name: /Online renewal pilot/ });
      expect(await row.innerText()).toContain('Late');
      expect(await pub.getByRole('link', { name: 'Renewal time' }).count()).toBeGreaterThan(0);
      const agency = await pub.goto(`${baseUrl}/agencies/opl`);
      expect(agency?.status()).toBe(200);
      expect(await pub.getByRole('link', { name: `Customer Service Plan, fiscal year ${FY}` }).count()).toBe(1);
    } finally {
      await context.close();
    }
    // axe runs inside the page, so it checks the same page with JavaScript on.
    const withScripts = await newPage(browser);
    try {
      await withScripts.page.goto(`${baseUrl}/agencies/opl/plans/${FY}`);
      await expectHeading(withScripts.page, `Office of Plans: Customer Service Plan, fiscal year ${FY}`);
      await checkAxe(withScripts.page, 'on the public plan page');
      expect(withScripts.errors).toEqual([]);
    } finally {
      await withScripts.close();
    }
  }, 120_000);

  it('approver: returns a plan in review with a comment, publishes then withdraws an employee summary; officer edits it', async () => {
    const api = t.api();
    const agencyId = (await api.get(`/api/v1/services/${serviceId}`).expect(200)).body.agencyId;
    const parts = Object.fromEntries(
      PLAN_PARTS.map((key) => [key, { approach: `Earlier ${key}.`, benefits: `Gains of ${key}.`, milestones: [] }]),
    );
    const planId = (
      await api
        .post('/api/v1/plans')
        .send({ agencyId, fiscalYear: FY - 1, summary: 'Last year, shorter queues.', parts, standardIds: [] })
        .expect(201)
    ).body.id;
    await api.post(`/api/v1/plans/${planId}/submit`).expect(200);
    const feedbackId = (
      await api
        .post('/api/v1/employee-feedback')
        .send({
          serviceId,
          periodKey: `FY${FY}-Q1`,
          employeesSurveyed: 40,
          employeesResponding: 31,
          barriers: [{ theme: 'Old forms', count: 12 }],
          ideas: [{ theme: 'Online renewal', count: 9 }],
          summary: 'Staff want the paper form gone.',
        })
        .expect(201)
    ).body.id;

    const approver = await newPage(browser);
    try {
      const page = approver.page;
      await page.goto(`${baseUrl}/staff/reviews`);
      await signIn(page, 'approver@test.example', PASSWORD);
      await expectHeading(page, 'Review queue');
      await expectHeading(page, 'Customer Service Plans awaiting publication', 2);
      await expectText(page, 'Last year, shorter queues.');
      await checkAxe(page, 'on the review queue with a plan');
      await activate(
        page,
        page.getByRole('button', { name: `Return Office of Plans FY${FY - 1} plan with a comment` }),
        'the return button',
      );
      // The comment field has the keyboard as soon as the form opens.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await page.keyboard.type('Part (e) needs dates for its milestones.');
      await checkAxe(page, 'on the return form');
      await activate(page, page.getByRole('button', { name: 'Return with comment' }), 'Return with comment');
      await expectText(page, `The Office of Plans FY${FY - 1} plan is returned to its officer with your comment.`);
      await expectText(page, 'No plan is waiting for review.');
      const returned = (await api.get(`/api/v1/plans/${planId}`).expect(200)).body;
      expect(returned.status).toBe('draft');
      expect(returned.current.status).toBe('draft');

      await navigate(page, 'Employee feedback', 'Front-line employee feedback');
      await activate(
        page,
        page.getByRole('button', { name: `Publish summary of Licence renewal, FY${FY}-Q1` }),
        'Publish summary',
      );
      await expectText(page, 'Summary published.');
      await activate(
        page,
        page.getByRole('button', { name: `Withdraw summary of Licence renewal, FY${FY}-Q1` }),
        'Withdraw summary',
      );
      await expectText(page, 'Summary withdrawn: it is staff only again.');
      await checkAxe(page, 'on the employee feedback page after withdrawing');
      expect((await api.get(`/api/v1/employee-feedback/${feedbackId}`).expect(200)).body.publishedAt).toBeNull();
      expect(approver.errors).toEqual([]);
    } finally {
      await approver.close();
    }

    const officer = await newPage(browser);
    try {
      const page = officer.page;
      await page.goto(`${baseUrl}/staff/employee-feedback`);
      await signIn(page, 'officer@test.example', PASSWORD);
      await expectHeading(page, 'Front-line employee feedback');
      expect(await page.getByRole('button', { name: /Withdraw summary/ }).count()).toBe(0);
      await activate(page, page.getByRole('button', { name: `Edit Licence renewal, FY${FY}-Q1` }), 'Edit');
      await expectHeading(page, `Edit employee feedback of Licence renewal, FY${FY}-Q1`, 2);
      await checkAxe(page, 'on the employee feedback edit form');
      await typeInto(page, page.getByLabel('Employees responding'), '32', 'employees responding');
      await typeInto(page, page.getByLabel('Summary'), 'Staff want the paper form gone, and longer hours.', 'summary');
      await activate(page, page.getByRole('button', { name: 'Save changes' }), 'Save changes');
      await expectText(page, 'Changes saved.');
      await expectHeading(page, 'Record employee feedback', 2);
      const saved = (await api.get(`/api/v1/employee-feedback/${feedbackId}`).expect(200)).body;
      expect(saved).toMatchObject({
        employeesResponding: 32,
        summary: 'Staff want the paper form gone, and longer hours.',
        barriers: [{ theme: 'Old forms', count: 12 }],
      });
      expect(officer.errors).toEqual([]);
    } finally {
      await officer.close();
    }
  }, 120_000);
});
