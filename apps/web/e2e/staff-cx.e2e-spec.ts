import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { APP_CONFIG } from '../../api/src/config/config.module.js';
import { A11_V2_COLUMNS } from '../../api/src/cx/cx-formats.js';
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

describe('customer feedback in Chromium: an officer uploads a v2 file and submits it, an approver publishes it', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
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
    const standardId = (
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
  });

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
  });
});
