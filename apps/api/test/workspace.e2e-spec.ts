import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

// TEST_NOW is 2026-11-16 (FY2027 Q1): the due lists look at FY2026 and FY2027; FY2025 is older.
const content = {
  title: 'Renewal time',
  statement: 'We renew 90% of licences within 10 days.',
  dimension: 'speed',
  measureDescription: 'Share of renewals completed within 10 days.',
  unit: 'percent',
  computation: 'share_meeting_threshold',
  direction: 'higher_is_better',
  thresholdValue: 10,
  thresholdUnit: 'days',
  frequency: 'quarter',
};

describe("the workspace's 'returned to you with a comment' list", () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const returned = async (who: string) =>
    (await t.as(tokens[who]!).get('/api/v1/workspace').expect(200)).body.returned as {
      kind: string;
      id: string;
      staffUrl: string;
      comment: string;
      dueDate: string | null;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    const api = t.api();
    for (const key of ['A', 'B']) {
      ids[key] = (
        await api
          .post('/api/v1/agencies')
          .send({ name: `Agency ${key}`, abbreviation: `${key}${key}${key}`, slug: `agency-${key.toLowerCase()}` })
          .expect(201)
      ).body.id;
    }
    ids.service = (
      await api
        .post('/api/v1/services')
        .send({ agencyId: ids.A, name: 'Renewals', slug: 'renewals', hisp: true, channels: ['online'] })
        .expect(201)
    ).body.id;
    for (const code of ['OLD', 'NEW']) {
      ids[code] = (
        await api
          .post('/api/v1/standards')
          .send({ ...content, serviceId: ids.service, code })
          .expect(201)
      ).body.id;
    }
    for (const [name, role, agency] of [
      ['officer', 'performance_officer', 'A'],
      ['approver', 'approver', 'A'],
      ['officerB', 'performance_officer', 'B'],
    ] as const) {
      const email = `${name}@test.example`;
      await api
        .post('/api/v1/users')
        .send({ email, name, roles: [{ role, agencyId: ids[agency] }] })
        .expect(201);
      tokens[name] = await t.tokenFor(email);
    }
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists a returned standard, an older year’s result and collection, each linking to the page that resolves it', async () => {
    const officer = t.as(tokens.officer!);
    const approver = () => t.as(tokens.approver!);
    // A standard's draft, submitted and returned.
    await officer.post(`/api/v1/standards/${ids.NEW}/submit`).expect(200);
    await approver()
      .post(`/api/v1/reviews/standards/${ids.NEW}/return`)
      .send({ comment: 'Name the threshold in the statement.' })
      .expect(200);
    // A result of FY2025, older than the years the due lists look at, returned.
    await t.api().put(`/api/v1/standards/${ids.OLD}/targets`).send({ fiscalYear: 2025, value: 90, unit: 'percent' });
    ids.result = (
      await t
        .as(tokens.officer!)
        .post('/api/v1/results')
        .send({ standardId: ids.OLD, period: 'FY2025-Q4', value: 81 })
        .expect(201)
    ).body.id;
    await approver()
      .post(`/api/v1/reviews/results/${ids.result}/return`)
      .send({ comment: 'Explain the miss.' })
      .expect(200);
    // A customer feedback collection of FY2025 Q4, submitted and returned.
    ids.collection = (
      await t
        .as(tokens.officer!)
        .post('/api/v1/cx-collections')
        .send({ serviceId: ids.service, fiscalYear: 2025, quarter: 4 })
        .expect(201)
    ).body.id;
    await t
      .as(tokens.officer!)
      .put(`/api/v1/cx-collections/${ids.collection}/details`)
      .send({ channel: 'online', surveyType: 'thumbs', customersServed: 1000, surveysOffered: 200, respondents: 41 })
      .expect(200);
    await t.as(tokens.officer!).post(`/api/v1/cx-collections/${ids.collection}/submit`).expect(200);
    await approver()
      .post(`/api/v1/reviews/cx-collections/${ids.collection}/return`)
      .send({ comment: 'Give the OMB control number.' })
      .expect(200);

    const list = await returned('officer');
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'standard',
          id: ids.NEW,
          comment: 'Name the threshold in the statement.',
          staffUrl: `/staff/standards/${ids.NEW}`,
          dueDate: null,
        }),
        expect.objectContaining({
          kind: 'result',
          id: ids.result,
          comment: 'Explain the miss.',
          staffUrl: `/staff/standards/${ids.OLD}`,
        }),
        expect.objectContaining({
          kind: 'collection',
          id: ids.collection,
          comment: 'Give the OMB control number.',
          staffUrl: '/staff/customer-feedback',
        }),
      ]),
    );
    expect(list).toHaveLength(3);
    const home = (await t.as(tokens.officer!).get('/api/v1/workspace').expect(200)).body;
    expect(home.counts.returned).toBe(3);
    // Another agency's officer sees none of it.
    expect(await returned('officerB')).toEqual([]);

    // Submitted again, the standard leaves the list (and waits for review instead).
    await t.as(tokens.officer!).post(`/api/v1/standards/${ids.NEW}/submit`).expect(200);
    expect((await returned('officer')).map((i) => i.kind).sort()).toEqual(['collection', 'result']);
  });
});
