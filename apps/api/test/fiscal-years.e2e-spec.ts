import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AddAgencyFiscalYearStart1795340414401 } from '../../../migrations/1795340414401-AddAgencyFiscalYearStart.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Agencies whose fiscal year does not start in October: the Government of Canada's runs April to
// March, so its 2023-24 is FY2024, 1 April 2023 to 31 March 2024, with Q1 April-June.
// The test app's "now" is 2026-11-16: Canada's FY2027 Q3, the US FY2027 Q1.

const GC_HEADER =
  'fiscal_yr,service_id,service_name_en,service_standard_id,service_standard_en,type,channel,target,' +
  'volume_meeting_target,total_volume,performance,comments_en,target_met,owner_org,owner_org_title';
const gcFile = (org: string) =>
  [
    GC_HEADER,
    `2023-2024,1001,Permit renewal,11,Answer calls within 60 seconds,TML,TEL,0.9,9500,10000,0.95,,Y,${org}`,
    `2024-2025,1001,Permit renewal,11,Answer calls within 60 seconds,TML,TEL,0.9,9600,10000,0.96,,Y,${org}`,
  ].join('\n');
const CANADA = 'cfy-cfa,Canadian Fiscal Department | Ministère fiscal';

describe('fiscal years that do not start in October', () => {
  let t: TestApp;
  let query: (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;
  let canada: { id: string; slug: string };
  beforeAll(async () => {
    t = await createTestApp();
    query = (sql, parameters) => t.app.get(DataSource).query(sql, parameters);
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (file: string, params: string) =>
    t.api().post(`/api/v1/imports?${params}`).attach('file', Buffer.from(file), 'ss.csv');

  it('gives agencies October unless told otherwise, and validates the start month as 1-12', async () => {
    const created = await t
      .api()
      .post('/api/v1/agencies')
      .send({ name: 'October Agency', abbreviation: 'OCT', slug: 'oct' })
      .expect(201);
    expect(created.body.fiscalYearStartMonth).toBe(10);
    for (const bad of [0, 13, 4.5, null, '4']) {
      const refused = await t.api().patch(`/api/v1/agencies/${created.body.id}`).send({ fiscalYearStartMonth: bad });
      expect(`${String(bad)} ${refused.status} ${JSON.stringify(refused.body)}`).toMatch(
        new RegExp(`^${String(bad)} 400 .*"field":"fiscalYearStartMonth"`),
      );
    }
    const july = await t
      .api()
      .post('/api/v1/agencies')
      .send({ name: 'July Agency', abbreviation: 'JUL', slug: 'jul', fiscalYearStartMonth: 7 })
      .expect(201);
    expect(july.body.fiscalYearStartMonth).toBe(7);
    const april = await t.api().patch(`/api/v1/agencies/${july.body.id}`).send({ fiscalYearStartMonth: 4 }).expect(200);
    expect(april.body.fiscalYearStartMonth).toBe(4);
    // Only an administrator edits it.
    await request(t.server).patch(`/api/v1/agencies/${july.body.id}`).send({ fiscalYearStartMonth: 1 }).expect(401);
  });

  it('dates imported Canadian results April to March, and gives the new department April', async () => {
    const imported = await upload(gcFile(CANADA), 'format=gc-service-standards').expect(201);
    expect(imported.body).toMatchObject({ status: 'completed', inserted: 2, errorCount: 0 });
    const [agency] = await query(`SELECT id, slug, fiscal_year_start_month FROM agencies WHERE abbreviation = 'CFY'`);
    expect(agency).toMatchObject({ fiscal_year_start_month: 4 });
    canada = { id: agency!.id as string, slug: agency!.slug as string };
    expect(
      await query(
        `SELECT period_key, to_char(period_start, 'YYYY-MM-DD') AS start, to_char(period_end, 'YYYY-MM-DD') AS end,
                fiscal_year FROM results WHERE agency_id = $1 ORDER BY period_start`,
        [canada.id],
      ),
    ).toEqual([
      { period_key: 'FY2024', start: '2023-04-01', end: '2024-03-31', fiscal_year: 2024 },
      { period_key: 'FY2025', start: '2024-04-01', end: '2025-03-31', fiscal_year: 2025 },
    ]);
    const results = await t.api().get(`/api/v1/results?agencyId=${canada.id}&sort=periodStart`).expect(200);
    expect(results.body.items.map((r: { periodLabel: string }) => r.periodLabel)).toEqual([
      'FY2024 (Apr 2023-Mar 2024)',
      'FY2025 (Apr 2024-Mar 2025)',
    ]);
  });

  it("refuses to store a file's April years in an existing agency whose year starts in October", async () => {
    await t.api().post('/api/v1/agencies').send({ name: 'Existing', abbreviation: 'EXI', slug: 'exi' }).expect(201);
    const refused = await upload(gcFile('exi-exi,Existing | Existant'), 'format=gc-service-standards').expect(201);
    expect(refused.body.status).toBe('rejected');
    expect(refused.body.errors[0]).toMatchObject({ line: 2, column: 'owner_org' });
    expect(refused.body.errors[0].reason).toMatch(/starts in October, but this file's years start in April/);
    expect(
      await query(`SELECT r.id FROM results r JOIN agencies a ON a.id = r.agency_id WHERE a.slug = 'exi'`),
    ).toEqual([]);
  });

  it('keeps the start month once the agency has results', async () => {
    const refused = await t.api().patch(`/api/v1/agencies/${canada.id}`).send({ fiscalYearStartMonth: 10 }).expect(409);
    expect(JSON.stringify(refused.body)).toContain('fiscalYearStartMonth');
    // Saying the same month again changes nothing and is fine.
    await t.api().patch(`/api/v1/agencies/${canada.id}`).send({ fiscalYearStartMonth: 4 }).expect(200);
  });

  it('reads keys entered for the agency in its own calendar: quarters and what is due', async () => {
    const service = (
      await t.api().post('/api/v1/services').send({ agencyId: canada.id, name: 'Counters', slug: 'cfy-counters' })
    ).body.id;
    const standard = (
      await t
        .api()
        .post('/api/v1/standards')
        .send({
          serviceId: service,
          code: 'Q-1',
          title: 'Counter wait',
          statement: 'We serve 80% of visitors within 15 minutes.',
          dimension: 'speed',
          measureDescription: 'Share of visitors served within 15 minutes.',
          unit: 'percent',
          computation: 'share_meeting_threshold',
          direction: 'higher_is_better',
          thresholdValue: 15,
          thresholdUnit: 'minutes',
          frequency: 'quarter',
        })
        .expect(201)
    ).body.id;
    const quarter = await t
      .api()
      .post('/api/v1/results')
      .send({ standardId: standard, period: 'FY2025-Q1', numerator: 90, denominator: 100 })
      .expect(201);
    expect(quarter.body).toMatchObject({
      periodStart: '2024-04-01',
      periodEnd: '2024-06-30',
      fiscalYear: 2025,
      periodLabel: 'FY2025 Q1 (Apr-Jun 2024)',
      fiscalYearStartMonth: 4,
    });
    const q4 = await t
      .api()
      .post('/api/v1/results')
      .send({ standardId: standard, period: 'FY2025-Q4', numerator: 90, denominator: 100 })
      .expect(201);
    expect(q4.body).toMatchObject({ periodStart: '2025-01-01', periodEnd: '2025-03-31' });

    // Due: Canada's FY2027 Q1 (April-June 2026) is long overdue; Q2 (July-September) ended 2026-09-30,
    // due 30 days later, overdue by 2026-11-16; Q3 (October-December) has not ended.
    await t
      .api()
      .put(`/api/v1/standards/${standard}/targets`)
      .send({ fiscalYear: 2027, value: 80, unit: 'percent' })
      .expect(200);
    const due = await t.api().get(`/api/v1/portfolio/due?standardId=${standard}`).expect(200);
    expect(
      due.body.map((d: { periodKey: string; dueDate: string; state: string }) => [d.periodKey, d.dueDate, d.state]),
    ).toEqual([
      ['FY2027-Q1', '2026-07-30', 'overdue'],
      ['FY2027-Q2', '2026-10-30', 'overdue'],
    ]);
    expect(due.body[0].periodLabel).toBe('FY2027 Q1 (Apr-Jun 2026)');
  });

  it('names the year the agency’s way on the public pages and in the annual report', async () => {
    const [gcStandard] = await query(`SELECT id FROM standards WHERE agency_id = $1 AND code = '1001-11'`, [canada.id]);
    const id = gcStandard!.id as string;
    // Canada's current year at 2026-11-16 is FY2027 (2026-27): publishing needs its target.
    await t
      .api()
      .put(`/api/v1/standards/${id}/targets`)
      .send({ fiscalYear: 2027, value: 90, unit: 'percent' })
      .expect(200);
    await t.api().post(`/api/v1/standards/${id}/submit`).expect(200);
    await t.api().post(`/api/v1/standards/${id}/publish`).expect(200);
    await (await t.certifier()).post('/api/v1/results/certify').send({ standardId: id }).expect(200);

    const page = await request(t.server).get(`/api/v1/public/standards/${id}`).expect(200);
    const labels = JSON.stringify(page.body);
    expect(labels).toContain('FY2024 (Apr 2023-Mar 2024)');
    expect(labels).not.toContain('Oct 2023');

    const report = await request(t.server).get(`/api/v1/public/reports/${canada.slug}/2024`).expect(200);
    expect(report.body).toMatchObject({
      fiscalYear: 2024,
      fiscalYearName: '2023-24',
      previousFiscalYearName: '2022-23',
      fiscalYearSpan: 'April 2023 to March 2024',
    });
    const agency = await request(t.server).get(`/api/v1/public/agencies/${canada.slug}`).expect(200);
    expect(agency.body.reportYears).toEqual([2025, 2024]);
    expect(agency.body.fiscalYearNames).toMatchObject({ 2024: '2023-24', 2025: '2024-25' });
  });

  it('the migration gives departments imported before it April, and dates their years April to March', async () => {
    await upload(gcFile('mig-mig,Migrated Department | Ministère migré'), 'format=gc-service-standards').expect(201);
    const [migrated] = await query(`SELECT id FROM agencies WHERE abbreviation = 'MIG'`);
    const dataSource = t.app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    const migration = new AddAgencyFiscalYearStart1795340414401();
    try {
      // As stored before: October-September years under an agency without a start month.
      await migration.down(runner);
      expect(
        await query(
          `SELECT to_char(period_start, 'YYYY-MM-DD') AS start FROM results WHERE agency_id = $1 AND period_key = 'FY2024'`,
          [migrated!.id],
        ),
      ).toEqual([{ start: '2023-10-01' }]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await query(`SELECT fiscal_year_start_month FROM agencies WHERE id = $1`, [migrated!.id])).toEqual([
      { fiscal_year_start_month: 4 },
    ]);
    expect(
      await query(
        `SELECT to_char(period_start, 'YYYY-MM-DD') AS start, to_char(period_end, 'YYYY-MM-DD') AS end
           FROM results WHERE agency_id = $1 AND frequency = 'year' ORDER BY period_start`,
        [migrated!.id],
      ),
    ).toEqual([
      { start: '2023-04-01', end: '2024-03-31' },
      { start: '2024-04-01', end: '2025-03-31' },
    ]);
    // An October agency is left as it was, and so is one whose results do not all come from the file.
    expect(
      await query(`SELECT fiscal_year_start_month FROM agencies WHERE slug IN ('oct', $1)`, [canada.slug]),
    ).toEqual([{ fiscal_year_start_month: 10 }, { fiscal_year_start_month: 10 }]);
  });
});
