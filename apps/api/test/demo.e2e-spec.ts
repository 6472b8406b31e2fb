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

  it('never loads twice: a database with agencies is left alone', async () => {
    expect(await t.app.get(DemoSeeder).seed(new Date())).toBe(0);
  });
});
