import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

// The test clock (TEST_NOW, 16 November 2026) is in FY2027 Q1: October is over, November and December are not.
type Cell = { periodKey: string; status: string; state: string; note: string | null };
type Row = { code: string; cells: Cell[]; current: Cell };

describe('portfolio: each cell labelled for what it is', () => {
  let t: TestApp;
  let serviceId: string;
  const api = () => t.api();

  const standard = async (code: string, frequency: string, years: number[]) => {
    const id = (
      await api()
        .post('/api/v1/standards')
        .send({
          serviceId,
          code,
          title: `${code} time`,
          statement: 'We decide 90% of requests within 30 days.',
          dimension: 'speed',
          measureDescription: 'Share of requests decided within 30 days.',
          unit: 'percent',
          computation: 'share_meeting_threshold',
          direction: 'higher_is_better',
          thresholdValue: 30,
          thresholdUnit: 'days',
          frequency,
        })
        .expect(201)
    ).body.id as string;
    for (const fiscalYear of years) {
      await api().put(`/api/v1/standards/${id}/targets`).send({ fiscalYear, value: 90, unit: 'percent' }).expect(200);
    }
    await api().post(`/api/v1/standards/${id}/submit`).expect(200);
    await api().post(`/api/v1/standards/${id}/publish`).expect(200);
    return id;
  };
  const record = async (standardId: string, period: string, numerator: number) =>
    (await api().post('/api/v1/results').send({ standardId, period, numerator, denominator: 100 }).expect(201)).body
      .id as string;
  const portfolio = async (query: Record<string, number>) =>
    (await api().get('/api/v1/portfolio').query(query).expect(200)).body as {
      rows: Row[];
      states: Record<string, number>;
      metOverTime: { periodKey: string; met: number; assessed: number; partial: number }[];
    };
  const row = (rows: Row[], code: string) => rows.find((r) => r.code === code)!;

  beforeAll(async () => {
    t = await createTestApp();
    const agencyId = (
      await api().post('/api/v1/agencies').send({ name: 'Agency', abbreviation: 'AGY', slug: 'agency' }).expect(201)
    ).body.id;
    serviceId = (await api().post('/api/v1/services').send({ agencyId, name: 'Flow', slug: 'flow' }).expect(201)).body
      .id;
    const monthly = await standard('MONTHLY', 'month', [2026, 2027]);
    const quarterly = await standard('QUARTERLY', 'quarter', [2026, 2027]);
    await standard('NEW', 'quarter', [2027]);
    await standard('YEARLY', 'year', [2026, 2027]);
    // FY2027 Q1 so far: October only, met (95%).
    await record(monthly, '2026-10', 95);
    // FY2026: Q1 certified and met, Q2 overdue (never came), Q3 missed and not certified, Q4 met.
    const q1 = await record(quarterly, 'FY2026-Q1', 95);
    await (await t.certifier()).post(`/api/v1/results/${q1}/certify`).expect(200);
    await record(quarterly, 'FY2026-Q3', 50);
    const q4 = await record(quarterly, 'FY2026-Q4', 95);
    await (await t.certifier()).post(`/api/v1/results/${q4}/certify`).expect(200);
    // FY2026 of the monthly standard: every month of Q4 certified and met, for a complete quarter to compare with.
    const certifier = await t.certifier();
    for (const month of ['2026-07', '2026-08', '2026-09']) {
      await certifier.post(`/api/v1/results/${await record(monthly, month, 95)}/certify`).expect(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('says "not due yet", not "no target", for a result whose period has not ended', async () => {
    const { rows, states } = await portfolio({ fiscalYear: 2027, quarter: 1 });
    expect(row(rows, 'QUARTERLY').current).toMatchObject({ state: 'not_due', note: 'due 2027-01-30' });
    expect(row(rows, 'NEW').current).toMatchObject({ state: 'not_due' });
    expect(row(rows, 'YEARLY').current).toMatchObject({ state: 'not_reported', note: 'reported each year' });
    expect(states).toMatchObject({ not_due: 2, no_target: 0, partial: 1, not_reported: 1 });
  });

  it('labels a quarter reported in part as partial, and leaves it out of the share met', async () => {
    const { rows, metOverTime } = await portfolio({ fiscalYear: 2027, quarter: 1 });
    expect(row(rows, 'MONTHLY').current).toMatchObject({
      state: 'partial',
      note: '1 of 3 months reported, the rest not due yet',
    });
    // FY2027 Q1 has one partial standard, not compared; FY2026 Q4 has two complete ones, both met.
    expect(metOverTime.at(-1)).toMatchObject({ periodKey: 'FY2027-Q1', met: 0, assessed: 0, partial: 1 });
    expect(metOverTime.at(-2)).toMatchObject({ periodKey: 'FY2026-Q4', met: 2, assessed: 2, partial: 0 });
  });

  it('names no target, overdue and awaiting certification for what they are', async () => {
    const { rows } = await portfolio({ fiscalYear: 2026 });
    expect(row(rows, 'NEW').cells.map((c) => c.state)).toEqual(['no_target', 'no_target', 'no_target', 'no_target']);
    expect(row(rows, 'QUARTERLY').cells.map((c) => [c.state, c.status])).toEqual([
      ['met', 'met'],
      ['overdue', 'no_data'],
      ['awaiting_certification', 'not_met'],
      ['met', 'met'],
    ]);
    expect(row(rows, 'QUARTERLY').cells[2]!.note).toBe('not met so far; 1 of 1 not certified yet');
    // The year: three quarters in, one overdue.
    expect(row(rows, 'QUARTERLY').current).toMatchObject({
      state: 'partial',
      note: '3 of 4 quarters reported, 1 overdue',
    });
  });
});
