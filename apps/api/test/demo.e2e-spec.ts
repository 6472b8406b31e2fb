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
    expect(await count('plans')).toBe(2 * (await count('agencies')));
    expect(await count('employee_feedback')).toBeGreaterThan(0);

    const published = await t.api().get('/api/v1/standards?status=published&pageSize=100').expect(200);
    expect(published.body.total).toBeGreaterThan(70);
    const statuses = new Set(published.body.items.map((s: { standing: { status: string } }) => s.standing.status));
    expect(statuses.has('met') || statuses.has('near') || statuses.has('not_met')).toBe(true);
    const agencies = await t.api().get('/api/v1/agencies?pageSize=100').expect(200);
    expect(agencies.body.items.every((a: { name: string }) => a.name.endsWith('(demonstration)'))).toBe(true);
  });

  it('never loads twice: a database with agencies is left alone', async () => {
    expect(await t.app.get(DemoSeeder).seed(new Date())).toBe(0);
  });
});
