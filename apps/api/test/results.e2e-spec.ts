import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fiscalYearOf } from '@yardstick/metrics';
import { certify, RENEWAL_STANDARD, seedAgencyServiceStandard, setTargets } from './support/fixtures.js';
import { createTestApp, TEST_NOW, type TestApp } from './support/test-app.js';

// A year that has ended by the test clock's today: results are refused for periods that have not.
const FY = fiscalYearOf(new Date(TEST_NOW)) - 1;

describe('result revisions, explanations and certification', () => {
  let t: TestApp;
  let standardId: string;
  let agencyId: string;
  const api = () => t.api();

  beforeAll(async () => {
    t = await createTestApp();
    ({ agencyId, standardId } = await seedAgencyServiceStandard(t, {
      service: { name: 'Renewals', slug: 'renewals' },
      standard: { ...RENEWAL_STANDARD, code: 'RENEW' },
    }));
    await setTargets(t, standardId, [FY]);
  });
  afterAll(async () => {
    await t.close();
  });

  const record = (period: string, numerator: number, denominator: number) =>
    api().post('/api/v1/results').send({ standardId, period, numerator, denominator }).expect(201);

  it('keeps every revision when a figure is corrected, and asks for certification again', async () => {
    const result = (await record(`FY${FY}-Q1`, 95, 100)).body;
    expect(result).toMatchObject({ revision: 1, value: 95, explanation: null });
    await certify(t, result.id);

    const corrected = await api().patch(`/api/v1/results/${result.id}`).send({ numerator: 93 }).expect(200);
    expect(corrected.body).toMatchObject({
      revision: 2,
      value: 93,
      numerator: 93,
      denominator: 100,
      certifiedAt: null,
    });
    const same = await api().patch(`/api/v1/results/${result.id}`).send({ numerator: 93 }).expect(200);
    expect(same.body.revision).toBe(2); // nothing changed: no new revision

    const revisions = await api().get(`/api/v1/results/${result.id}/revisions`).expect(200);
    expect(revisions.body.map((r: { revision: number; value: number }) => [r.revision, r.value])).toEqual([
      [2, 93],
      [1, 95],
    ]);
    const bad = await api().patch(`/api/v1/results/${result.id}`).send({ numerator: 101 }).expect(400);
    expect(bad.body.details[0].field).toBe('numerator');
  });

  it('refuses to certify a missed target until it is explained', async () => {
    const missed = (await record(`FY${FY}-Q2`, 70, 100)).body;
    const refused = await (await t.certifier()).post(`/api/v1/results/${missed.id}/certify`).expect(409);
    expect(refused.body.details[0]).toMatchObject({ field: 'explanation' });

    await api().put(`/api/v1/results/${missed.id}/explanation`).send({ why: 'x', action: 'y' }).expect(400);
    const explained = await api()
      .put(`/api/v1/results/${missed.id}/explanation`)
      .send({
        why: 'A surge of applications after the fee change.',
        action: 'Temporary staff until the backlog clears in June.',
      })
      .expect(200);
    expect(explained.body.explanation).toMatchObject({ why: 'A surge of applications after the fee change.' });
    const certified = await (await t.certifier()).post(`/api/v1/results/${missed.id}/certify`).expect(200);
    expect(certified.body).toMatchObject({ certifiedAt: expect.any(String), certifiedBy: expect.any(String) });

    // The explanation is published with the result: the same words keep the certification, new words need it again.
    const same = await api()
      .put(`/api/v1/results/${missed.id}/explanation`)
      .send({
        why: 'A surge of applications after the fee change.',
        action: 'Temporary staff until the backlog clears in June.',
      })
      .expect(200);
    expect(same.body.certifiedAt).toBe(certified.body.certifiedAt);
    const reworded = await api()
      .put(`/api/v1/results/${missed.id}/explanation`)
      .send({ why: 'A surge of applications after the fee change.', action: 'Overtime until the backlog clears.' })
      .expect(200);
    expect(reworded.body).toMatchObject({ certifiedAt: null, certifiedBy: null });
    await certify(t, missed.id);
  });

  it('certifies a batch, reporting what it refused and what was already certified', async () => {
    const met = (await record(`FY${FY}-Q3`, 99, 100)).body;
    const missed = (await record(`FY${FY}-Q4`, 10, 100)).body;
    const report = await (await t.certifier()).post('/api/v1/results/certify').send({ standardId }).expect(200);
    expect(report.body).toEqual({
      certified: 2, // FY-Q1 (revision 2) and FY-Q3
      alreadyCertified: 1,
      refused: [{ resultId: missed.id, periodKey: `FY${FY}-Q4`, reason: expect.stringMatching(/explain/) }],
    });
    expect((await api().get(`/api/v1/results/${met.id}`)).body.certifiedAt).not.toBeNull();
    const uncertified = await api().get(`/api/v1/results?standardId=${standardId}&certified=false`).expect(200);
    expect(uncertified.body.items.map((r: { id: string }) => r.id)).toEqual([missed.id]);
    await (await t.certifier()).post('/api/v1/results/certify').send({}).expect(400);
    await (
      await t.certifier()
    )
      .post('/api/v1/results/certify')
      .send({ ids: ['6f1c0d9e-1111-4222-8333-444455556666'] })
      .expect(404);
  });

  it('lets only approvers (and administrators) certify', async () => {
    await api()
      .post('/api/v1/users')
      .send({ email: 'officer@agency.example', name: 'Officer', roles: [{ role: 'performance_officer', agencyId }] })
      .expect(201);
    const officer = await t.tokenFor('officer@agency.example');
    const result = (await api().get(`/api/v1/results?standardId=${standardId}&certified=false`)).body.items[0];
    await t.as(officer).post(`/api/v1/results/${result.id}/certify`).expect(403);
    await t.as(officer).patch(`/api/v1/results/${result.id}`).send({ source: 'Case system' }).expect(200);
  });

  it('certifies a whole period of an agency, leaving the missed targets until they are explained', async () => {
    const last = FY - 1;
    await api()
      .put(`/api/v1/standards/${standardId}/targets`)
      .send({ fiscalYear: last, value: 90, unit: 'percent' })
      .expect(200);
    const met = (await record(`FY${last}-Q1`, 95, 100)).body;
    const missed = (await record(`FY${last}-Q2`, 50, 100)).body;
    const outside = (await record(`FY${last - 1}-Q4`, 95, 100)).body;
    await (await t.certifier()).post('/api/v1/results/certify').send({ agencyId }).expect(400);
    await (
      await t.certifier()
    )
      .post('/api/v1/results/certify')
      .send({ agencyId, period: `FY${last}-Q5` })
      .expect(400);
    const officer = await t.tokenFor('officer@agency.example');
    await t
      .as(officer)
      .post('/api/v1/results/certify')
      .send({ agencyId, period: `FY${last}` })
      .expect(403);

    const first = await (
      await t.certifier()
    )
      .post('/api/v1/results/certify')
      .send({ agencyId, period: `FY${last}` })
      .expect(200);
    expect(first.body).toEqual({
      certified: 1,
      alreadyCertified: 0,
      refused: [{ resultId: missed.id, periodKey: `FY${last}-Q2`, reason: expect.stringMatching(/explain/) }],
    });
    expect((await api().get(`/api/v1/results/${met.id}`)).body.certifiedAt).not.toBeNull();
    expect((await api().get(`/api/v1/results/${outside.id}`)).body.certifiedAt).toBeNull();

    await api()
      .put(`/api/v1/results/${missed.id}/explanation`)
      .send({ why: 'The new case system went live in the quarter.', action: 'Overtime until the queue is cleared.' })
      .expect(200);
    const second = await (
      await t.certifier()
    )
      .post('/api/v1/results/certify')
      .send({ agencyId, period: `FY${last}` })
      .expect(200);
    expect(second.body).toEqual({ certified: 1, alreadyCertified: 1, refused: [] });
  });
  it('lets no one certify a result they entered, corrected or explained, administrators included', async () => {
    const year = FY - 3;
    await api()
      .put(`/api/v1/standards/${standardId}/targets`)
      .send({ fiscalYear: year, value: 90, unit: 'percent' })
      .expect(200);
    const certifier = await t.certifier();
    const own = (await record(`FY${year}-Q1`, 95, 100)).body;
    const refused = await api().post(`/api/v1/results/${own.id}/certify`).expect(403);
    expect(refused.body.message).toMatch(/you entered or last changed this result/);
    // The same person signed in another way (a second personal token) is still the same person.
    const again = await t.as(await t.tokenFor('admin@test.example')).post(`/api/v1/results/${own.id}/certify`);
    expect(again.status).toBe(403);

    // A list, and a whole period of the agency: the caller's own results are refused, each named.
    const other = (await record(`FY${year}-Q2`, 96, 100)).body;
    const batch = await api()
      .post('/api/v1/results/certify')
      .send({ ids: [own.id, other.id] })
      .expect(200);
    expect(batch.body).toEqual({
      certified: 0,
      alreadyCertified: 0,
      refused: [own, other].map((r) => ({
        resultId: r.id,
        periodKey: r.periodKey,
        reason: expect.stringMatching(/another approver must certify it/),
      })),
    });
    const agencyWide = await api()
      .post('/api/v1/results/certify')
      .send({ agencyId, period: `FY${year}` })
      .expect(200);
    expect(agencyWide.body).toMatchObject({ certified: 0, refused: [{}, {}] });

    // Whoever last changed it may not certify it either; the one who entered it no longer did the last change.
    await certifier.patch(`/api/v1/results/${other.id}`).send({ source: 'Case system, corrected' }).expect(200);
    await certifier.post(`/api/v1/results/${other.id}/certify`).expect(403);
    await api().post(`/api/v1/results/${other.id}/certify`).expect(200);
    await certifier.post(`/api/v1/results/${own.id}/certify`).expect(200);

    // An explanation is certified with its result: its writer may not certify it.
    const missed = (await record(`FY${year}-Q3`, 50, 100)).body;
    await certifier
      .put(`/api/v1/results/${missed.id}/explanation`)
      .send({ why: 'A system outage during the quarter.', action: 'A second data centre by the spring.' })
      .expect(200);
    await certifier.post(`/api/v1/results/${missed.id}/certify`).expect(403);
    await api().post(`/api/v1/results/${missed.id}/certify`).expect(403); // entered it
  });
});
