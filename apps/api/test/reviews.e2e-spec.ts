import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fiscalYearOf } from '@yardstick/metrics';
import request from 'supertest';
import {
  recordResult,
  RENEWAL_STANDARD,
  seedAgency,
  seedService,
  seedStandard,
  seedUsers,
  setTargets,
} from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const FY = fiscalYearOf(new Date());
const LAST = FY - 1;

describe('review queue, return with a comment, portfolio and due results', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const api = () => t.api();

  beforeAll(async () => {
    t = await createTestApp();
    for (const [key, abbreviation] of [
      ['A', 'AAA'],
      ['B', 'BBB'],
    ] as const) {
      ids[key] = await seedAgency(t, { name: `Agency ${key}`, abbreviation, slug: key.toLowerCase() });
    }
    ids.service = await seedService(t, { agencyId: ids.A, name: 'Renewals', slug: 'renewals' });
    ids.standard = await seedStandard(t, { ...RENEWAL_STANDARD, serviceId: ids.service, code: 'RENEW' });
    await setTargets(t, ids.standard, [LAST, FY]);
    const users = await seedUsers(t, ids, [
      ['officer', 'performance_officer', 'A'],
      ['approver', 'approver', 'A'],
      ['approverB', 'approver', 'B'],
      ['manager', 'program_manager', null],
      ['managerB', 'program_manager', 'B'],
    ]);
    for (const [name, user] of Object.entries(users)) tokens[name] = user.token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists a standard in review with its changes, and returns it to draft with a comment (audited)', async () => {
    await t.as(tokens.officer!).post(`/api/v1/standards/${ids.standard}/submit`).expect(200);
    const queue = await t.as(tokens.approver!).get('/api/v1/reviews/standards').expect(200);
    expect(queue.body).toHaveLength(1);
    expect(queue.body[0]).toMatchObject({ published: null, version: { status: 'in_review' } });
    expect(queue.body[0].changes.map((c: { field: string }) => c.field)).toContain('statement');
    expect(queue.body[0].targets).toHaveLength(2);
    // Another agency's approver sees nothing and may not return it.
    expect((await t.as(tokens.approverB!).get('/api/v1/reviews/standards').expect(200)).body).toEqual([]);
    await t
      .as(tokens.approverB!)
      .post(`/api/v1/reviews/standards/${ids.standard}/return`)
      .send({ comment: 'Not mine to judge.' })
      .expect(403);
    await t
      .as(tokens.officer!)
      .post(`/api/v1/reviews/standards/${ids.standard}/return`)
      .send({ comment: 'Officers cannot return.' })
      .expect(403);
    await t.as(tokens.approver!).post(`/api/v1/reviews/standards/${ids.standard}/return`).send({}).expect(400);

    const returned = await t
      .as(tokens.approver!)
      .post(`/api/v1/reviews/standards/${ids.standard}/return`)
      .send({ comment: 'Say which channels count.' })
      .expect(200);
    expect(returned.body).toMatchObject({ status: 'draft', current: { status: 'draft' } });
    await t
      .as(tokens.approver!)
      .post(`/api/v1/reviews/standards/${ids.standard}/return`)
      .send({ comment: 'Again.' })
      .expect(409);

    const comments = await t
      .as(tokens.officer!)
      .get('/api/v1/reviews/comments')
      .query({ entityType: 'standard', entityId: ids.standard })
      .expect(200);
    expect(comments.body).toEqual([
      expect.objectContaining({ comment: 'Say which channels count.', authorName: expect.any(String) }),
    ]);
    const audit = await api().get('/api/v1/audit-events').query({ action: 'standard.return' }).expect(200);
    expect(audit.body.items[0]).toMatchObject({ entityId: ids.standard, after: { status: 'draft' } });
  });

  it('shows field-by-field what a new version changes from the published one', async () => {
    await t.as(tokens.officer!).post(`/api/v1/standards/${ids.standard}/submit`).expect(200);
    await t.as(tokens.approver!).post(`/api/v1/standards/${ids.standard}/publish`).expect(200);
    await t
      .as(tokens.officer!)
      .patch(`/api/v1/standards/${ids.standard}`)
      .send({ statement: 'We renew 92% of licences within 10 days.' })
      .expect(200);
    await t.as(tokens.officer!).post(`/api/v1/standards/${ids.standard}/submit`).expect(200);
    const queue = await t.as(tokens.approver!).get('/api/v1/reviews/standards').expect(200);
    expect(queue.body[0].published).toMatchObject({ version: 1, status: 'published' });
    expect(queue.body[0].changes).toEqual([
      {
        field: 'statement',
        label: 'Statement',
        before: 'We renew 90% of licences within 10 days.',
        after: 'We renew 92% of licences within 10 days.',
      },
    ]);
    await t.as(tokens.approver!).post(`/api/v1/standards/${ids.standard}/publish`).expect(200);
  });

  it('queues uncertified results with their status and explanation, and returns one with a comment', async () => {
    const record = async (period: string, numerator: number) =>
      (
        await api()
          .post('/api/v1/results')
          .send({ standardId: ids.standard, period, numerator, denominator: 100 })
          .expect(201)
      ).body.id as string;
    ids.met = await record(`FY${LAST}-Q1`, 95);
    ids.missed = await record(`FY${LAST}-Q2`, 70);
    await api()
      .put(`/api/v1/results/${ids.missed}/explanation`)
      .send({ why: 'A storm closed two offices.', action: 'Overtime until the backlog is cleared.' })
      .expect(200);

    const queue = await t.as(tokens.approver!).get('/api/v1/reviews/results').expect(200);
    expect(queue.body.map((r: { periodKey: string; status: string }) => [r.periodKey, r.status])).toEqual([
      [`FY${LAST}-Q1`, 'met'],
      [`FY${LAST}-Q2`, 'not_met'],
    ]);
    expect(queue.body[1].explanation).toMatchObject({ why: 'A storm closed two offices.' });
    expect((await t.as(tokens.approverB!).get('/api/v1/reviews/results').expect(200)).body).toEqual([]);
    await t.as(tokens.manager!).get('/api/v1/reviews/results').expect(403);
    await t
      .as(tokens.approverB!)
      .post(`/api/v1/reviews/results/${ids.missed}/return`)
      .send({ comment: 'Not my agency.' })
      .expect(403);

    const comment = await t
      .as(tokens.approver!)
      .post(`/api/v1/reviews/results/${ids.missed}/return`)
      .send({ comment: 'Say when the backlog will be cleared.' })
      .expect(200);
    expect(comment.body).toMatchObject({ entityType: 'result', entityId: ids.missed });
    const again = await t.as(tokens.approver!).get('/api/v1/reviews/results').expect(200);
    expect(again.body[1].comments[0]).toMatchObject({ comment: 'Say when the backlog will be cleared.' });
    const audit = await api().get('/api/v1/audit-events').query({ action: 'result.return' }).expect(200);
    expect(audit.body.total).toBe(1);

    await t.as(tokens.approver!).post(`/api/v1/results/${ids.met}/certify`).expect(200);
    await t
      .as(tokens.approver!)
      .post(`/api/v1/reviews/results/${ids.met}/return`)
      .send({ comment: 'Too late.' })
      .expect(409);
  });

  it('aggregates the portfolio from counts, by period, agency and dimension, in scope', async () => {
    // Q3 and Q4 of last year: 90 of 100 and 180 of 200 make 270 of 300 = 90% (met); averaging shares would not matter
    // here, but Q1+Q2 (95/100 and 70/100) make 165 of 200 = 82.5% for the half year.
    await api()
      .post('/api/v1/results')
      .send({ standardId: ids.standard, period: `FY${LAST}-Q3`, numerator: 90, denominator: 100 })
      .expect(201);
    await api()
      .post('/api/v1/results')
      .send({ standardId: ids.standard, period: `FY${LAST}-Q4`, numerator: 1800, denominator: 2000 })
      .expect(201);
    const year = await t.as(tokens.manager!).get('/api/v1/portfolio').query({ fiscalYear: LAST }).expect(200);
    // (95 + 70 + 90 + 1800) / (100 + 100 + 100 + 2000) = 89.35%: near 90, where the average of shares (87.5) is not.
    expect(year.body.rows[0].current).toMatchObject({ status: 'near' });
    expect(year.body.rows[0].current.value).toBeCloseTo((2055 / 2300) * 100, 6);
    expect(year.body.rows[0].cells.map((c: { status: string }) => c.status)).toEqual(['met', 'not_met', 'met', 'met']);
    expect(year.body.counts).toMatchObject({ near: 1, met: 0 });
    expect(year.body.byAgency).toEqual([
      {
        key: ids.A,
        label: 'Agency A',
        counts: expect.objectContaining({ near: 1 }),
        states: expect.objectContaining({ awaiting_certification: 1 }),
      },
    ]);
    expect(year.body.byDimension[0]).toMatchObject({ key: 'speed' });
    const quarter = await t
      .as(tokens.manager!)
      .get('/api/v1/portfolio')
      .query({ fiscalYear: LAST, quarter: 2 })
      .expect(200);
    expect(quarter.body).toMatchObject({ periodKey: `FY${LAST}-Q2`, counts: { not_met: 1 } });
    const point = quarter.body.metOverTime.at(-1);
    expect(point).toMatchObject({ periodKey: `FY${LAST}-Q2`, met: 0, assessed: 1, share: 0 });

    // A program manager of agency B sees none of A's standards.
    const scoped = await t.as(tokens.managerB!).get('/api/v1/portfolio').query({ fiscalYear: LAST }).expect(200);
    expect(scoped.body.rows).toEqual([]);
    await t.as(tokens.manager!).get('/api/v1/portfolio').query({ quarter: 5 }).expect(400);
  });

  it('draws a standard trend with targets, and refuses it to another agency', async () => {
    const trend = await t.as(tokens.manager!).get(`/api/v1/portfolio/standards/${ids.standard}/trend`).expect(200);
    expect(trend.body.points.map((p: { periodKey: string }) => p.periodKey)).toEqual([
      `FY${LAST}-Q1`,
      `FY${LAST}-Q2`,
      `FY${LAST}-Q3`,
      `FY${LAST}-Q4`,
    ]);
    expect(trend.body.points[1]).toMatchObject({ value: 70, target: 90, status: 'not_met', lower: null });
    expect(trend.body.marginOfError).toBeNull();
    await t.as(tokens.managerB!).get(`/api/v1/portfolio/standards/${ids.standard}/trend`).expect(403);
  });

  it('lists results due and overdue, for the standards in scope only', async () => {
    const monthly = await seedStandard(t, {
      ...RENEWAL_STANDARD,
      frequency: 'month',
      serviceId: ids.service,
      code: 'MONTHLY',
    });
    await setTargets(t, monthly, [LAST]);
    await recordResult(t, { standardId: monthly, period: `${LAST - 1}-10`, value: 91 });
    const due = await t.as(tokens.officer!).get('/api/v1/portfolio/due').query({ standardId: monthly }).expect(200);
    // Last fiscal year ended more than 30 days ago: its 11 months without a result are all overdue.
    expect(due.body).toHaveLength(11);
    expect(due.body[0]).toMatchObject({ periodKey: `${LAST - 1}-11`, state: 'overdue', standardCode: 'MONTHLY' });
    expect(due.body.map((d: { periodKey: string }) => d.periodKey)).not.toContain(`${LAST - 1}-10`);
    expect((await t.as(tokens.managerB!).get('/api/v1/portfolio/due').expect(200)).body).toEqual([]);
    await t.as(tokens.officer!).get('/api/v1/portfolio/due').query({ agencyId: 'nope' }).expect(400);
    await request(t.server).get('/api/v1/portfolio/due').expect(401);
  });
});
