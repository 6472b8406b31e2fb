import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { DemoSeeder } from '../src/demo/demo.seeder.js';
import { Explanation } from '../src/results/entities/explanation.entity.js';
import { Result } from '../src/results/entities/result.entity.js';
import { StandardVersion } from '../src/standards/entities/standard-version.entity.js';
import { StandingService } from '../src/standards/standing.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('demonstration data at start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'true' });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('loads an empty database with agencies, services, standards, targets, benchmarks and results', async () => {
    const count = async (table: string) =>
      Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    expect(await count('agencies')).toBeGreaterThanOrEqual(6);
    expect(await count('services')).toBeGreaterThanOrEqual(30);
    expect(await count('standards')).toBeGreaterThanOrEqual(90);
    expect(await count('benchmarks')).toBeGreaterThan(0);
    expect(await count('standard_benchmarks')).toBeGreaterThan(0);
    expect(await count('results')).toBeGreaterThan(5000);
    expect(await count('plans')).toBe(2 * (await count('agencies')));
    expect(await count('employee_feedback')).toBeGreaterThan(0);

    const published = await t.api().get('/api/v1/standards?status=published&pageSize=100').expect(200);
    expect(published.body.total).toBeGreaterThan(70);
    const statuses = new Set(published.body.items.map((s: { standing: { status: string } }) => s.standing.status));
    expect(statuses.has('met') || statuses.has('near') || statuses.has('not_met')).toBe(true);
    const agencies = await t.api().get('/api/v1/agencies?pageSize=100').expect(200);
    expect(agencies.body.items.every((a: { name: string }) => a.name.endsWith('(demonstration)'))).toBe(true);
  });

  it('keeps the rules users meet: every certified miss explained, no period that has not ended', async () => {
    const manager = t.app.get(DataSource).manager;
    const results = await manager.find(Result);
    const versions = new Map((await manager.find(StandardVersion)).map((v) => [v.standardId, v] as const));
    // The status the API certifies by (StandingService, as certifyMany uses it).
    const statuses = await t.app.get(StandingService).statusOfResults(results, versions);
    const explained = new Set((await manager.find(Explanation)).map((e) => e.resultId));
    const certifiedMisses = results.filter((r) => r.certifiedAt && ['not_met', 'near'].includes(statuses.get(r.id)!));
    expect(certifiedMisses.length).toBeGreaterThan(100);
    expect(certifiedMisses.filter((r) => !explained.has(r.id)).map((r) => `${r.standardId} ${r.periodKey}`)).toEqual(
      [],
    );
    // Certified only when valid: a blank value says why; entered and certified by different people.
    expect(results.filter((r) => r.value === null && !r.dataQualityNote)).toEqual([]);
    expect(results.filter((r) => r.certifiedAt && r.certifiedBy === r.recordedBy)).toEqual([]);
    // Only periods that have ended by the app's today (the seeder reads the Clock).
    const today = t.clock.today();
    expect(results.filter((r) => r.periodEnd >= today).map((r) => r.periodKey)).toEqual([]);

    // On the public page of the published standard with the most misses, each miss is explained.
    const [mostMissed] = await t.app.get(DataSource).query(
      `SELECT s.id FROM standards s JOIN results r ON r.standard_id = s.id JOIN explanations e ON e.result_id = r.id
        WHERE s.status = 'published' GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1`,
    );
    const page = await request(t.server).get(`/api/v1/public/standards/${mostMissed.id}`).expect(200);
    const missed = page.body.results.filter((r: { status: string }) => ['not_met', 'near'].includes(r.status));
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.filter((r: { explanation: unknown }) => r.explanation === null)).toEqual([]);
  });

  it('has customer feedback for the HISP services: v1 counts to FY2023, v2 responses from FY2024, small samples, one quarter not reported', async () => {
    const db = t.app.get(DataSource);
    const sets = await db.query(
      `SELECT d.question_set, min(c.fiscal_year)::int AS first, max(c.fiscal_year)::int AS last
       FROM cx_collection_details d JOIN cx_collections c ON c.id = d.collection_id GROUP BY d.question_set ORDER BY 1`,
    );
    expect(sets).toEqual([
      { question_set: 'v1', first: 2021, last: 2023 },
      expect.objectContaining({ question_set: 'v2', first: 2024 }),
    ]);
    const statuses = await db.query(`SELECT status, count(*)::int AS n FROM cx_collections GROUP BY status`);
    expect(statuses).toEqual(expect.arrayContaining([{ status: 'not_reported', n: 1 }]));
    const small = await db.query(`SELECT count(*)::int AS n FROM cx_collection_details WHERE respondents < 30`);
    expect(small[0].n).toBeGreaterThan(0);
    // The responses agree with the survey's respondent count.
    const mismatched = await db.query(
      `SELECT d.id FROM cx_collection_details d LEFT JOIN cx_responses r ON r.detail_id = d.id
       WHERE d.question_set = 'v2' GROUP BY d.id, d.respondents HAVING count(r.*) <> d.respondents`,
    );
    expect(mismatched).toEqual([]);
    const list = await t.api().get('/api/v1/cx-collections').expect(200);
    const scored = list.body.find(
      (c: { fiscalYear: number; status: string }) => c.fiscalYear === 2024 && c.status === 'published',
    );
    expect(scored.scores.questions[0]).toMatchObject({ question: 'trust' });
    expect(scored.scores.drivers).toHaveLength(7);
  });

  it('never loads twice: a database with agencies is left alone', async () => {
    expect(await t.app.get(DemoSeeder).seed(new Date())).toBe(0);
  });
});
