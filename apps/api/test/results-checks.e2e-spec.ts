import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

/** A bad result, as the single-result route takes it (the import sends the same figures as a template row). */
type BadResult = {
  period: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  dataQualityNote?: string;
};

// Each is wrong in one way; the route and the import must refuse it for the same reason, in the same words.
const BAD: { what: string; result: BadResult; field: string; column: string }[] = [
  {
    what: 'a value when the denominator is 0',
    result: { period: '2026-01', value: 50, numerator: 0, denominator: 0 },
    field: 'value',
    column: 'value',
  },
  {
    what: 'a blank value without a note',
    result: { period: '2026-02' },
    field: 'dataQualityNote',
    column: 'data_quality_note',
  },
  {
    what: 'a numerator without its denominator',
    result: { period: '2026-03', numerator: 5, dataQualityNote: 'counts only' },
    field: 'denominator',
    column: 'denominator',
  },
  {
    what: 'a value that disagrees with its counts',
    result: { period: '2026-04', value: 91.3, numerator: 9123, denominator: 10000 },
    field: 'value',
    column: 'value',
  },
  { what: 'a percent above 100', result: { period: '2026-05', value: 120 }, field: 'value', column: 'value' },
  {
    what: 'a quarter for a monthly standard',
    result: { period: 'FY2026-Q2', value: 90 },
    field: 'period',
    column: 'period',
  },
  { what: 'a month that has not ended', result: { period: '2026-12', value: 90 }, field: 'period', column: 'period' },
];

describe('one set of result checks: POST /results and an import refuse a bad result with the same reason', () => {
  let t: TestApp;
  let standardId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const agencyId = (
      await t.api().post('/api/v1/agencies').send({ name: 'Agency', abbreviation: 'AGY', slug: 'agency' }).expect(201)
    ).body.id;
    const serviceId = (
      await t.api().post('/api/v1/services').send({ agencyId, name: 'Claims', slug: 'claims' }).expect(201)
    ).body.id;
    standardId = (
      await t
        .api()
        .post('/api/v1/standards')
        .send({
          serviceId,
          code: 'CLAIMS-TIME',
          title: 'Claims time',
          statement: 'We decide 90% of claims within 30 days.',
          dimension: 'speed',
          measureDescription: 'Share of claims decided within 30 days.',
          unit: 'percent',
          computation: 'share_meeting_threshold',
          direction: 'higher_is_better',
          thresholdValue: 30,
          thresholdUnit: 'days',
          frequency: 'month',
        })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const templateRow = (result: BadResult): Record<string, string | number | null> => ({
    standard_id: standardId,
    period: result.period,
    value: result.value ?? null,
    numerator: result.numerator ?? null,
    denominator: result.denominator ?? null,
    data_quality_note: result.dataQualityNote ?? null,
  });

  it.each(BAD)('$what', async ({ result, field, column }) => {
    const single = await t
      .api()
      .post('/api/v1/results')
      .send({ standardId, ...result })
      .expect(400);
    const routeReasons = (single.body.details as { field: string; reason: string }[])
      .filter((detail) => detail.field === field)
      .map((detail) => detail.reason);
    expect(routeReasons).toHaveLength(1);

    const csv = await t
      .api()
      .post('/api/v1/imports?mode=dry-run')
      .attach(
        'file',
        Buffer.from(
          `standard_id,period,value,numerator,denominator,data_quality_note\n` +
            `${standardId},${result.period},${result.value ?? ''},${result.numerator ?? ''},${result.denominator ?? ''},${result.dataQualityNote ?? ''}\n`,
        ),
        'results.csv',
      )
      .expect(201);
    const json = await t
      .api()
      .post('/api/v1/imports?mode=dry-run')
      .send([templateRow(result)])
      .expect(201);
    for (const imported of [csv, json]) {
      const importReasons = (imported.body.errors as { column?: string; reason: string }[])
        .filter((error) => error.column === column)
        .map((error) => error.reason);
      expect(importReasons).toEqual(routeReasons);
    }
  });
});
