import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DemoSeeder } from '../src/demo/demo.seeder.js';
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

    const published = await t.api().get('/api/v1/standards?status=published&pageSize=100').expect(200);
    expect(published.body.total).toBeGreaterThan(70);
    const statuses = new Set(published.body.items.map((s: { standing: { status: string } }) => s.standing.status));
    expect(statuses.has('met') || statuses.has('near') || statuses.has('not_met')).toBe(true);
    const agencies = await t.api().get('/api/v1/agencies?pageSize=100').expect(200);
    expect(agencies.body.items.every((a: { name: string }) => a.name.endsWith('(demonstration)'))).toBe(true);
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
