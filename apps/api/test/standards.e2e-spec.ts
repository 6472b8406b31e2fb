import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fiscalYearOf } from '@yardstick/metrics';
import { createTestApp, TEST_NOW, type TestApp } from './support/test-app.js';

const FY = fiscalYearOf(new Date(TEST_NOW));

const renewalTime = {
  code: 'PPT-RENEW-TIME',
  title: 'Passport renewal processing time',
  statement: 'We process 90% of routine passport renewals within 6 weeks.',
  dimension: 'speed',
  measureDescription: 'Share of routine renewals completed within 42 days of receipt.',
  unit: 'percent',
  computation: 'share_meeting_threshold',
  direction: 'higher_is_better',
  thresholdValue: 42,
  thresholdUnit: 'days',
  channelScope: ['mail', 'online'],
  frequency: 'quarter',
  indicatorKind: 'customer_service',
};

describe('/api/v1/standards', () => {
  let t: TestApp;
  let agencyId: string;
  let serviceId: string;
  let standardId: string;
  const api = () => t.api();

  beforeAll(async () => {
    t = await createTestApp();
    agencyId = (
      await api().post('/api/v1/agencies').send({ name: 'Department of State', abbreviation: 'DOS', slug: 'state' })
    ).body.id;
    serviceId = (
      await api()
        .post('/api/v1/services')
        .send({ agencyId, name: 'Passport renewal', slug: 'passport-renewal', channels: ['mail', 'online'] })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a draft standard as version 1, with no target yet', async () => {
    const response = await api()
      .post('/api/v1/standards')
      .send({ ...renewalTime, serviceId })
      .expect(201);
    standardId = response.body.id;
    expect(response.body).toMatchObject({
      agencyId,
      serviceId,
      code: 'PPT-RENEW-TIME',
      status: 'draft',
      pending: null,
      current: { version: 1, status: 'draft', thresholdValue: 42, channelScope: ['mail', 'online'] },
      standing: { status: 'not_applicable', value: null, target: null },
    });
  });

  it('refuses a standard whose measure does not hold together, naming the fields', async () => {
    const noThreshold = await api()
      .post('/api/v1/standards')
      .send({
        ...renewalTime,
        code: 'X1',
        serviceId,
        unit: 'days',
        thresholdValue: undefined,
        thresholdUnit: undefined,
      })
      .expect(400);
    expect(noThreshold.body.details.map((d: { field: string }) => d.field)).toEqual([
      'unit',
      'thresholdValue',
      'thresholdUnit',
    ]);
    const unknownService = await api()
      .post('/api/v1/standards')
      .send({ ...renewalTime, code: 'X2', serviceId: '6f1c0d9e-1111-4222-8333-444455556666' })
      .expect(400);
    expect(unknownService.body.details[0]).toMatchObject({ field: 'serviceId', reason: 'no service with this id' });
    const badEnum = await api()
      .post('/api/v1/standards')
      .send({ ...renewalTime, code: 'X3', serviceId, dimension: 'speedy' });
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.details[0].field).toBe('dimension');
  });

  it('refuses a second standard with the same code in the agency (409)', async () => {
    const response = await api()
      .post('/api/v1/standards')
      .send({ ...renewalTime, serviceId })
      .expect(409);
    expect(response.body.details[0]).toMatchObject({ field: 'code', value: 'PPT-RENEW-TIME' });
  });

  describe('targets', () => {
    it("refuses a target in a unit that is not the standard's, or outside the unit's range", async () => {
      const wrongUnit = await api()
        .put(`/api/v1/standards/${standardId}/targets`)
        .send({ fiscalYear: FY, value: 42, unit: 'days' })
        .expect(400);
      expect(wrongUnit.body.details[0]).toMatchObject({
        field: 'unit',
        reason: "must be the standard's unit, percent",
      });
      const tooHigh = await api()
        .put(`/api/v1/standards/${standardId}/targets`)
        .send({ fiscalYear: FY, value: 120, unit: 'percent' })
        .expect(400);
      expect(tooHigh.body.details[0]).toMatchObject({ field: 'value', value: 120 });
      await api()
        .put(`/api/v1/standards/${standardId}/targets`)
        .send({ fiscalYear: FY, minValue: 80, maxValue: 90, unit: 'percent' })
        .expect(400);
    });

    it('sets a target per fiscal year and per quarter; setting it again replaces it', async () => {
      await api()
        .put(`/api/v1/standards/${standardId}/targets`)
        .send({ fiscalYear: FY, value: 85, unit: 'percent' })
        .expect(200);
      const replaced = await api()
        .put(`/api/v1/standards/${standardId}/targets`)
        .send({ fiscalYear: FY, value: 90, unit: 'percent', baseline: 70, note: 'Raised after the backlog cleared.' })
        .expect(200);
      expect(replaced.body).toMatchObject({ fiscalYear: FY, quarter: null, value: 90, baseline: 70 });
      await api()
        .put(`/api/v1/standards/${standardId}/targets`)
        .send({ fiscalYear: FY - 1, quarter: 2, value: 80, unit: 'percent' })
        .expect(200);
      const targets = await api().get(`/api/v1/standards/${standardId}/targets`).expect(200);
      expect(
        targets.body.map((x: { fiscalYear: number; quarter: number | null }) => [x.fiscalYear, x.quarter]),
      ).toEqual([
        [FY - 1, 2],
        [FY, null],
      ]);
    });

    it('asks within-range measures for a minimum and a maximum, in order', async () => {
      const range = await api()
        .post('/api/v1/standards')
        .send({
          ...renewalTime,
          code: 'CALL-WAIT',
          unit: 'minutes',
          computation: 'mean',
          direction: 'within_range',
          thresholdValue: undefined,
          thresholdUnit: undefined,
          serviceId,
        })
        .expect(201);
      const id = range.body.id;
      const missing = await api()
        .put(`/api/v1/standards/${id}/targets`)
        .send({ fiscalYear: FY, value: 5, unit: 'minutes' });
      expect(missing.status).toBe(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['minValue', 'maxValue', 'value']);
      const reversed = await api()
        .put(`/api/v1/standards/${id}/targets`)
        .send({ fiscalYear: FY, minValue: 10, maxValue: 2, unit: 'minutes' })
        .expect(400);
      expect(reversed.body.details[0]).toMatchObject({ field: 'minValue', reason: 'must not be above maxValue (2)' });
      await api()
        .put(`/api/v1/standards/${id}/targets`)
        .send({ fiscalYear: FY, minValue: 2, maxValue: 10, unit: 'minutes' })
        .expect(200);
    });

    it('deletes a target, and answers 404 for one that is not there', async () => {
      const targets = (await api().get(`/api/v1/standards/${standardId}/targets`)).body;
      const old = targets.find((x: { fiscalYear: number }) => x.fiscalYear === FY - 1);
      await api().delete(`/api/v1/standards/${standardId}/targets/${old.id}`).expect(204);
      await api().delete(`/api/v1/standards/${standardId}/targets/${old.id}`).expect(404);
    });
  });

  describe('lifecycle', () => {
    it('publishes only a version in review, and only with a target for the current fiscal year', async () => {
      await api().post(`/api/v1/standards/${standardId}/publish`).expect(409);
      const submitted = await api().post(`/api/v1/standards/${standardId}/submit`).expect(200);
      expect(submitted.body).toMatchObject({ status: 'in_review', current: { status: 'in_review' } });
      await api().post(`/api/v1/standards/${standardId}/submit`).expect(409);

      const noTarget = (
        await api()
          .post('/api/v1/standards')
          .send({ ...renewalTime, code: 'NO-TARGET', serviceId })
          .expect(201)
      ).body.id;
      await api().post(`/api/v1/standards/${noTarget}/submit`).expect(200);
      const refused = await api().post(`/api/v1/standards/${noTarget}/publish`).expect(409);
      expect(refused.body.message).toBe(`Set a target for FY${FY} before publishing this standard.`);

      const published = await api().post(`/api/v1/standards/${standardId}/publish`).expect(200);
      expect(published.body).toMatchObject({
        status: 'published',
        pending: null,
        current: { version: 1, status: 'published', publishedAt: expect.any(String) },
      });
    });

    it('never edits a published version in place: an edit makes a new draft, publishing it supersedes the old', async () => {
      const edited = await api()
        .patch(`/api/v1/standards/${standardId}`)
        .send({ statement: 'We process 92% of routine passport renewals within 6 weeks.' })
        .expect(200);
      expect(edited.body).toMatchObject({
        status: 'published',
        current: { version: 1, statement: renewalTime.statement },
        pending: {
          version: 2,
          status: 'draft',
          statement: 'We process 92% of routine passport renewals within 6 weeks.',
        },
      });
      await api().patch(`/api/v1/standards/${standardId}`).send({ title: 'Renewal processing time' }).expect(200);
      await api().post(`/api/v1/standards/${standardId}/submit`).expect(200);
      await api().patch(`/api/v1/standards/${standardId}`).send({ title: 'Changed in review' }).expect(409);
      const republished = await api().post(`/api/v1/standards/${standardId}/publish`).expect(200);
      expect(republished.body.current).toMatchObject({
        version: 2,
        title: 'Renewal processing time',
        status: 'published',
      });
      const versions = await api().get(`/api/v1/standards/${standardId}/versions`).expect(200);
      expect(versions.body.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
        [2, 'published'],
        [1, 'superseded'],
      ]);
      expect(versions.body[1].statement).toBe(renewalTime.statement);
    });
  });

  describe('results and standing', () => {
    // Results are recorded once their period is over: the clock moves to the day after FY ends.
    beforeAll(() => t.clock.set(`${FY}-10-01T12:00:00Z`));
    afterAll(() => t.clock.set(TEST_NOW));
    const post = (body: object) =>
      api()
        .post('/api/v1/results')
        .send({ standardId, ...body });

    it('computes the value from numerator and denominator, and checks one against the other', async () => {
      const created = await post({ period: `FY${FY}-Q1`, numerator: 9123, denominator: 10000, source: 'PIERS' }).expect(
        201,
      );
      expect(created.body).toMatchObject({ periodKey: `FY${FY}-Q1`, channel: 'all', value: 91.23, fiscalYear: FY });
      const disagree = await post({ period: `FY${FY}-Q2`, numerator: 9123, denominator: 10000, value: 95 }).expect(400);
      expect(disagree.body.details[0]).toMatchObject({
        field: 'value',
        reason: 'disagrees with numerator/denominator, which make 91.23%',
      });
    });

    it('refuses impossible counts and values, naming the field', async () => {
      const cases: [object, string][] = [
        [{ period: `FY${FY}-Q2`, numerator: 11, denominator: 10 }, 'numerator'],
        [{ period: `FY${FY}-Q2`, numerator: -1, denominator: 10 }, 'numerator'],
        [{ period: `FY${FY}-Q2`, value: 101 }, 'value'],
        [{ period: `FY${FY}-Q2`, value: -3 }, 'value'],
        [{ period: `${FY}-03`, value: 90 }, 'period'],
        [{ period: 'FY26-Q2', value: 90 }, 'period'],
        [{ period: `FY${FY}-Q2`, value: 90, channel: 'phone' }, 'channel'],
        [{ period: `FY${FY}-Q2` }, 'dataQualityNote'],
        [{ period: `FY${FY}-Q2`, numerator: 5 }, 'denominator'],
      ];
      for (const [body, field] of cases) {
        const response = await post(body);
        expect([response.status, response.body.details?.[0]?.field]).toEqual([400, field]);
      }
      await api()
        .post('/api/v1/results')
        .send({ standardId: '6f1c0d9e-1111-4222-8333-444455556666', period: 'FY2026' })
        .expect(404);
    });

    it('keeps blank apart from zero', async () => {
      const blank = await post({
        period: `FY${FY}-Q2`,
        dataQualityNote: 'System outage: no counts for the quarter.',
      }).expect(201);
      expect(blank.body.value).toBeNull();
      const zero = await post({ period: `FY${FY}-Q3`, numerator: 0, denominator: 50 }).expect(201);
      expect(zero.body.value).toBe(0);
      await post({ period: `FY${FY}-Q3`, numerator: 0, denominator: 50 }).expect(409);
    });

    it('gives each standard its status against the target of its latest result', async () => {
      const standing = async () => (await api().get(`/api/v1/standards/${standardId}`).expect(200)).body.standing;
      expect(await standing()).toMatchObject({
        status: 'not_met',
        periodKey: `FY${FY}-Q3`,
        value: 0,
        target: { value: 90 },
      });
      await post({ period: `FY${FY}-Q4`, value: 88, channel: 'online' }).expect(201); // a channel does not count alone
      expect((await standing()).periodKey).toBe(`FY${FY}-Q3`);
      await post({ period: `FY${FY}-Q4`, value: 88 }).expect(201);
      expect(await standing()).toMatchObject({ status: 'near', value: 88 });
      expect((await standing()).rule).toMatch(/near/i);
    });

    it('lists results with filters and pages', async () => {
      const all = await api().get(`/api/v1/results?standardId=${standardId}&sort=periodStart&order=desc`).expect(200);
      expect(all.body.total).toBe(5);
      expect(all.body.items[0].periodKey).toBe(`FY${FY}-Q4`);
      const online = await api().get(`/api/v1/results?standardId=${standardId}&channel=online`).expect(200);
      expect(online.body.total).toBe(1);
      const uncertified = await api().get(`/api/v1/results?agencyId=${agencyId}&certified=false&fiscalYear=${FY}`);
      expect(uncertified.body.total).toBe(5);
      await api().get('/api/v1/results?certified=maybe').expect(400);
      const one = await api().get(`/api/v1/results/${all.body.items[0].id}`).expect(200);
      expect(one.body).toEqual(all.body.items[0]);
      await api().get('/api/v1/results/6f1c0d9e-1111-4222-8333-444455556666').expect(404);
    });
  });

  describe('listing, benchmarks, retiring and deleting', () => {
    it('lists standards by agency, service, dimension, status and fiscal year', async () => {
      const list = (query: string) => api().get(`/api/v1/standards?${query}`).expect(200);
      expect((await list(`agencyId=${agencyId}`)).body.total).toBe(3);
      expect((await list('status=published')).body.items.map((s: { code: string }) => s.code)).toEqual([
        'PPT-RENEW-TIME',
      ]);
      expect((await list(`fiscalYear=${FY}&sort=code`)).body.items.map((s: { code: string }) => s.code)).toEqual([
        'CALL-WAIT',
        'PPT-RENEW-TIME',
      ]);
      expect((await list('dimension=satisfaction')).body.total).toBe(0);
      expect((await list('q=renewal&sort=title&order=desc')).body.total).toBe(3);
      await api().get('/api/v1/standards?sort=password').expect(400);
    });

    it('links benchmarks with their sources, and unlinks them', async () => {
      const benchmark = await api()
        .post('/api/v1/benchmarks')
        .send({
          name: 'Private courier document turnaround',
          sourceOrganization: 'Industry survey',
          sourceUrl: 'https://example.org/benchmarks',
          year: FY - 1,
          value: 95,
          unit: 'percent',
        })
        .expect(201);
      const linked = await api()
        .post(`/api/v1/standards/${standardId}/benchmarks`)
        .send({ benchmarkId: benchmark.body.id })
        .expect(200);
      expect(linked.body).toEqual([
        expect.objectContaining({ id: benchmark.body.id, sourceOrganization: 'Industry survey' }),
      ]);
      await api()
        .post(`/api/v1/standards/${standardId}/benchmarks`)
        .send({ benchmarkId: benchmark.body.id })
        .expect(200);
      expect((await api().get(`/api/v1/standards/${standardId}/benchmarks`)).body).toHaveLength(1);
      await api().delete(`/api/v1/standards/${standardId}/benchmarks/${benchmark.body.id}`).expect(204);
      await api().delete(`/api/v1/standards/${standardId}/benchmarks/${benchmark.body.id}`).expect(404);
    });

    it('will not delete a standard with results (409: retire it), retires it, then takes no more results', async () => {
      const refused = await api().delete(`/api/v1/standards/${standardId}`).expect(409);
      expect(refused.body.message).toMatch(/retire it instead/);
      const retired = await api().post(`/api/v1/standards/${standardId}/retire`).expect(200);
      expect(retired.body).toMatchObject({ status: 'retired', retiredAt: expect.any(String) });
      await api().post(`/api/v1/standards/${standardId}/retire`).expect(409);
      const late = await api()
        .post('/api/v1/results')
        .send({ standardId, period: `FY${FY + 1}-Q1`, value: 90 })
        .expect(409);
      expect(late.body.details[0]).toMatchObject({ field: 'standardId', reason: 'the standard is retired' });
      await api().patch(`/api/v1/standards/${standardId}`).send({ title: 'Too late' }).expect(409);
      expect((await api().get(`/api/v1/standards/${standardId}/versions`)).body).toHaveLength(2);
    });

    it('deletes a standard without results, and its versions and targets with it', async () => {
      const id = (await api().get('/api/v1/standards?q=CALL-WAIT')).body.items[0].id;
      await api().delete(`/api/v1/standards/${id}`).expect(204);
      await api().get(`/api/v1/standards/${id}`).expect(404);
      await api().get(`/api/v1/standards/${id}/versions`).expect(404);
      await api().get('/api/v1/standards/not-a-uuid').expect(400);
    });
  });
});
