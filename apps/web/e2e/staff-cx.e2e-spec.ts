import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { APP_CONFIG } from '../../api/src/config/config.module.js';
import { A11_COUNTS_HEADER, A11_V2_COLUMNS } from '../../api/src/cx/cx-formats.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import {
  activate,
  checkAxe,
  chooseOption,
  expectHeading,
  expectText,
  launchChromium,
  newPage,
  signIn,
  tabTo,
} from './staff-support.js';

const PASSWORD = 'a long staff password 42';

/** 40 responses, every fourth a thumbs down, as Touchpoints writes them (BOM, CRLF). */
const responsesFile = (): Buffer => {
  const lines = [A11_V2_COLUMNS.join(',')];
  for (let i = 1; i <= 40; i++) {
    const up = i % 4 !== 0;
    lines.push(`${5000 + i},${up ? 1 : 0},${up ? '1,1,0,0,1,0,0,0,0,0,0,0,0,0' : '0,0,0,0,0,0,0,1,1,0,0,0,0,0'},""`);
  }
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n');
};

/** One FY2023 Q1 online survey in the FY2019-23 answer counts file: 50 respondents, every question asked. */
const countsFile = (): Buffer => {
  const counts = A11_COUNTS_HEADER.required.filter((c) => /^q\d_\d$/.test(c));
  const header = ['fiscal_year', 'quarter', 'channel', 'customers_served', 'surveys_offered', 'respondents', ...counts];
  const row = ['2023', '1', 'online', '"1,200"', '300', '50', ...counts.map((c) => (c.endsWith('_5') ? '30' : '5'))];
  return Buffer.from(`${header.join(',')}\n${row.join(',')}\n`);
};

describe('customer feedback in Chromium: an officer uploads a v2 file and submits it, an approver publishes it', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let standardId = '';
  beforeAll(async () => {
    t = await createTestApp();
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
      await api
        .post('/api/v1/services')
        .send({ agencyId, name: 'Veterans benefits', slug: 'benefits', hisp: true, channels: ['online'] })
        .expect(201)
    ).body.id;
    standardId = (
      await api
        .post('/api/v1/standards')
        .send({
          serviceId,
          code: 'BEN-TRUST',
          title: 'Trust in the service',
          statement: 'Most customers trust the service.',
          dimension: 'satisfaction',
          measureDescription: 'Share of positive answers to the trust question.',
          unit: 'percent',
          computation: 'share_meeting_threshold',
          direction: 'higher_is_better',
          thresholdValue: 4,
          thresholdUnit: 'score',
          frequency: 'quarter',
        })
        .expect(201)
    ).body.id;
    for (const fiscalYear of [2026, 2027]) {
      await api
        .put(`/api/v1/standards/${standardId}/targets`)
        .send({ fiscalYear, value: 80, unit: 'percent' })
        .expect(200);
    }
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
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('officer: uploads the responses of FY2026 Q4 and submits the collection', async () => {
    const { page, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff/customer-feedback`);
      await signIn(page, 'officer@test.example', PASSWORD);
      await expectHeading(page, 'Customer feedback');
      await expectText(page, 'FY2026-Q4');
      await checkAxe(page, 'on the customer feedback page');
      await chooseOption(page, page.getByLabel('Service', { exact: true }), 'Veterans benefits', 'the service');
      await chooseOption(page, page.getByLabel('Fiscal year'), 'FY2026', 'the fiscal year');
      await chooseOption(page, page.getByLabel('Quarter'), 'Q4', 'the quarter');
      await tabTo(page, page.getByLabel('Responses file (CSV)'), 'the file input');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
      await chooser.setFiles({ name: 'responses.csv', mimeType: 'text/csv', buffer: responsesFile() });
      await activate(page, page.getByRole('button', { name: 'Upload responses' }), 'the upload button');
      await expectText(page, 'Responses imported: 40 new');
      await checkAxe(page, 'after the upload');
      await activate(page, page.getByRole('button', { name: 'Submit FY2026-Q4' }), 'the submit button');
      await expectText(page, 'Submitted, awaiting publication');
      await checkAxe(page, 'after submitting');
    } finally {
      await close();
    }
  }, 120_000);

  it('approver: publishes the collection, which the public service page then shows', async () => {
    const { page, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff/reviews`);
      await signIn(page, 'approver@test.example', PASSWORD);
      await expectHeading(page, 'Review queue');
      await expectText(page, 'Collection FY2026-Q4');
      await checkAxe(page, 'on the review queue with a collection');
      await activate(page, page.getByRole('button', { name: 'Publish FY2026-Q4' }), 'the publish button');
      await expectText(page, 'No collection awaits publication.');
      await page.goto(`${baseUrl}/services/benefits`);
      await expectHeading(page, 'Customer experience', 2);
      await expectText(page, 'not a random sample');
      await checkAxe(page, 'on the public service page with its customer experience section');
    } finally {
      await close();
    }
  }, 120_000);

  it('officer: imports FY2019-23 answer counts from the import page, and links the trust standard to its question', async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${baseUrl}/staff/imports`);
      await signIn(page, 'officer@test.example', PASSWORD);
      await expectHeading(page, 'Import results');
      await expectHeading(page, 'Upload customer feedback', 2);
      await chooseOption(page, page.getByLabel('Kind of customer feedback file'), 'Answer counts', 'the format');
      const template = page.getByRole('link', { name: 'answer counts CSV template' });
      expect(await template.getAttribute('href')).toBe('/api/v1/imports/a11-question-counts-template.csv');
      expect(await page.getByLabel('Quarter').count()).toBe(0);
      await checkAxe(page, 'on the import page with the answer counts format');
      await chooseOption(page, page.getByLabel('Service', { exact: true }), 'Veterans benefits', 'the service');
      await tabTo(page, page.getByLabel('Answer counts file (CSV or Excel)'), 'the file input');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
      await chooser.setFiles({ name: 'counts.csv', mimeType: 'text/csv', buffer: countsFile() });
      await activate(page, page.getByRole('button', { name: 'Upload file' }), 'the upload button');
      await expectText(page, 'Surveys imported: 1 new');
      await checkAxe(page, 'after the answer counts upload');
      const collections = (await t.api().get('/api/v1/cx-collections').expect(200)).body as { periodKey: string }[];
      expect(collections.map((c) => c.periodKey)).toContain('FY2023-Q1');

      await page.goto(`${baseUrl}/staff/standards/${standardId}`);
      await expectHeading(page, /BEN-TRUST/);
      await expectHeading(page, 'Customer feedback survey', 2);
      await chooseOption(
        page,
        page.getByLabel('Survey question that measures this standard'),
        'Trust',
        'the survey question',
      );
      await activate(page, page.getByRole('button', { name: 'Save survey question' }), 'Save survey question');
      await expectText(page, /Linked to the “Trust \(question 1 from FY2024\)” question/);
      await checkAxe(page, 'on the standard page with its survey question');
      const link = await t.api().get(`/api/v1/cx-collections/standard-questions/${standardId}`).expect(200);
      expect(link.body.question).toBe('trust');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);
});
