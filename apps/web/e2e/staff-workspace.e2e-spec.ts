import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { APP_CONFIG } from '../../api/src/config/config.module.js';
import { createTestApp, TEST_ADMIN, type TestApp } from '../../api/test/support/test-app.js';
import {
  activate,
  checkAxe,
  expectHeading,
  expectText,
  launchChromium,
  newPage,
  signIn,
  tabTo,
} from './staff-support.js';

const PASSWORD = 'a long staff password 42';

/** 16 November 2026: FY2026 Q4 was due on 30 October; FY2027 Q1 is due on 30 January 2027. */
describe('staff workspace home in Chromium: what an officer and an approver should do next', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({}, { now: '2026-12-20T12:00:00Z' });
    const built = path.join(t.app.get<{ webDistDir: string }>(APP_CONFIG).webDistDir, 'index.html');
    if (!existsSync(built)) throw new Error(`${built} is missing: build the web app first (npm run build)`);
    const api = t.api();
    const agencyId = (
      await api
        .post('/api/v1/agencies')
        .send({ name: 'Office of Examples', abbreviation: 'OFC', slug: 'ofc' })
        .expect(201)
    ).body.id;
    const serviceId = (
      await api.post('/api/v1/services').send({ agencyId, name: 'Permits', slug: 'permits' }).expect(201)
    ).body.id;
    ids.standard = (
      await api
        .post('/api/v1/standards')
        .send({
          serviceId,
          code: 'PERMIT-SPEED',
          title: 'Permit speed',
          statement: 'We decide 90% of permits within 10 days.',
          dimension: 'speed',
          measureDescription: 'Share of permits decided within 10 days.',
          unit: 'percent',
          computation: 'share_meeting_threshold',
          direction: 'higher_is_better',
          thresholdValue: 10,
          thresholdUnit: 'days',
          frequency: 'quarter',
        })
        .expect(201)
    ).body.id;
    for (const fiscalYear of [2026, 2027]) {
      await api.put(`/api/v1/standards/${ids.standard}/targets`).send({ fiscalYear, value: 90, unit: 'percent' });
    }
    // Q1 and Q2 in, waiting for certification; Q3 returned with a comment; Q4 missing (overdue).
    for (const period of ['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3']) {
      ids[period] = (
        await api.post('/api/v1/results').send({ standardId: ids.standard, period, value: 92 }).expect(201)
      ).body.id;
    }
    await api
      .post(`/api/v1/reviews/results/${ids['FY2026-Q3']}/return`)
      .send({ comment: 'Check the July figure.' })
      .expect(200);
    for (const [email, role, name] of [
      ['officer@test.example', 'performance_officer', 'Olu Officer'],
      ['approver@test.example', 'approver', 'Ada Approver'],
    ] as const) {
      await api
        .post('/api/v1/users')
        .send({ email, name, password: PASSWORD, roles: [{ role, agencyId }] })
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

  it('officer: sees what is overdue, due soon and returned, and reaches the page that resolves it by keyboard', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff`);
      await signIn(page, 'officer@test.example', PASSWORD);
      await expectHeading(page, 'Staff workspace');
      await expectText(page, 'What to do next: 1 overdue, 0 due in the next 30 days, 1 returned to you.');
      const main = page.getByRole('main');
      expect(await main.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
        'Overdue 1',
        'Due in the next 30 days 0',
        'Returned to you with a comment 1',
        'Everything you can do',
      ]);
      await expectText(page, 'Check the July figure.');
      await expectText(page, 'Nothing is due in the next 30 days.');
      await checkAxe(page, 'on the officer’s workspace');
      const overdue = page
        .getByRole('region', { name: /^Overdue/ })
        .getByRole('link', { name: 'PERMIT-SPEED: Permit speed' });
      expect(await overdue.getAttribute('href')).toBe(`/staff/standards/${ids.standard}`);
      await activate(page, overdue, 'the overdue result’s link');
      await expectHeading(page, /PERMIT-SPEED/);
      // The settings page, with the keyboard: a choice saved, and said so.
      await page.goto(`${baseUrl}/staff/settings`);
      await expectHeading(page, 'E-mail settings');
      await checkAxe(page, 'on the e-mail settings page');
      // A radio group takes one Tab stop (its chosen radio); the arrow keys choose another.
      await tabTo(page, page.locator('#officer_reminder-immediate'), 'the reminders’ current choice');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#officer_reminder-weekly_digest').isChecked()).toBe(true);
      await activate(page, page.getByRole('button', { name: 'Save settings' }), 'the save button');
      await expectText(page, 'Your settings are saved.');
      await checkAxe(page, 'on the e-mail settings page, saved');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
    const officerToken = await t.tokenFor('officer@test.example');
    const settings = (await t.as(officerToken).get('/api/v1/notifications/settings').expect(200)).body.settings;
    expect(settings.find((s: { kind: string }) => s.kind === 'officer_reminder').delivery).toBe('weekly_digest');
  }, 90_000);

  it('approver: sees what waits for review, linking to the review queue', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff`);
      await signIn(page, 'approver@test.example', PASSWORD);
      await expectHeading(page, 'Staff workspace');
      await expectText(page, 'What to do next: 2 waiting for your review.');
      const review = page.getByRole('region', { name: /^Waiting for your review/ });
      expect(await review.getByRole('listitem').count()).toBe(2);
      expect(await page.getByRole('heading', { name: /^Overdue/ }).count()).toBe(0);
      await checkAxe(page, 'on the approver’s workspace');
      await activate(page, review.getByRole('link').first(), 'the first result waiting for review');
      await expectHeading(page, /Review/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 90_000);

  it('administrator: runs today’s reminders and reads the outbox, its messages listed', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff/admin/outbox`);
      await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
      await expectHeading(page, 'Messages and outbox');
      await checkAxe(page, 'on the outbox, empty');
      await activate(page, page.getByRole('button', { name: 'Run today’s reminders now' }), 'the run button');
      await expectText(page, /^1 new message for 2026-12-20/);
      // The approver's digest (2 results wait); the officer chose the weekly digest, and 20 December is a Sunday.
      await page.getByRole('table', { name: 'Messages, newest first' }).waitFor();
      await expectText(page, 'approver@test.example');
      await checkAxe(page, 'on the outbox with a message');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 90_000);
});
