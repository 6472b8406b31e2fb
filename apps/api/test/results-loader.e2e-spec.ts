import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { parsePeriodKey } from '@yardstick/metrics';
import { DataSource } from 'typeorm';
import { ResultsLoader, type StagedResult } from '../src/imports/results-loader.js';
import { seedAgencyServiceStandard } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('loading results through COPY and one merge', () => {
  let t: TestApp;
  let loader: ResultsLoader;
  let standardId: string;
  let agencyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    loader = t.app.get(ResultsLoader);
    ({ agencyId, standardId } = await seedAgencyServiceStandard(t, {
      service: { name: 'Claims', slug: 'claims' },
      standard: { code: 'CLAIMS' },
    }));
  });
  afterAll(async () => {
    await t.close();
  });

  const row = (key: string, fields: Partial<StagedResult> = {}): StagedResult => {
    const period = parsePeriodKey(key);
    return {
      standardId,
      agencyId,
      periodKey: period.key,
      frequency: period.frequency,
      periodStart: period.start,
      periodEnd: period.end,
      fiscalYear: period.fiscalYear,
      channel: 'all',
      value: 90,
      numerator: 900,
      denominator: 1000,
      sampleSize: null,
      source: 'Case system, "nightly" export',
      dataQualityNote: null,
      explanationWhy: null,
      explanationAction: null,
      ...fields,
    };
  };
  // Rows come in batches, as a file's reader hands them over: here two, so that a load spans batches.
  async function* rows(...list: StagedResult[]): AsyncIterable<StagedResult[]> {
    const half = Math.ceil(list.length / 2);
    yield list.slice(0, half);
    if (list.length > half) yield list.slice(half);
  }
  const load = (list: StagedResult[], dryRun = false) =>
    loader.load(rows(...list), { batchId: randomUUID(), recordedBy: 'test', shouldCommit: () => !dryRun });
  const query = (sql: string, parameters?: unknown[]) => t.app.get(DataSource).query(sql, parameters);

  it('inserts new rows, and a second load of the same rows changes nothing', async () => {
    const first = [
      row('2025-10'),
      row('2025-11', { value: null, numerator: null, denominator: null, dataQualityNote: 'Outage' }),
      row('2025-12', { value: 0, numerator: 0 }),
    ];
    expect(await load(first)).toEqual({ staged: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect(await load(first)).toEqual({ staged: 3, inserted: 0, updated: 0, unchanged: 3 });
    const stored = await query('SELECT period_key, value, source FROM results ORDER BY period_key');
    expect(stored).toEqual([
      { period_key: '2025-10', value: '90', source: 'Case system, "nightly" export' },
      { period_key: '2025-11', value: null, source: 'Case system, "nightly" export' },
      { period_key: '2025-12', value: '0', source: 'Case system, "nightly" export' },
    ]);
    // The current figures live in results; result_revisions keeps those they replace (none yet).
    expect((await query('SELECT count(*)::int AS n FROM result_revisions'))[0].n).toBe(0);
    expect(await query('SELECT DISTINCT revision, recorded_by FROM results')).toEqual([
      { revision: 1, recorded_by: 'test' },
    ]);
  });

  it('turns a changed value into a new revision, keeps the old one, and asks for certification again', async () => {
    const [october] = await query(`SELECT id FROM results WHERE period_key = '2025-10'`);
    await t.api().post(`/api/v1/results/${october.id}/certify`).expect(200);
    const counts = await load([
      row('2025-10', { value: 91.5, numerator: 915 }),
      row('2025-12', { value: 0, numerator: 0 }),
    ]);
    expect(counts).toEqual({ staged: 2, inserted: 0, updated: 1, unchanged: 1 });
    const revisions = await t.api().get(`/api/v1/results/${october.id}/revisions`).expect(200);
    expect(revisions.body.map((r: { revision: number; value: number }) => [r.revision, r.value])).toEqual([
      [2, 91.5],
      [1, 90],
    ]);
    expect((await t.api().get(`/api/v1/results/${october.id}`)).body).toMatchObject({ revision: 2, certifiedAt: null });
  });

  it('counts what a dry run would change and writes nothing', async () => {
    const before = await query('SELECT count(*)::int AS n FROM results');
    expect(await load([row('2026-01'), row('2025-10', { value: 50, numerator: 500 })], true)).toEqual({
      staged: 2,
      inserted: 1,
      updated: 1,
      unchanged: 0,
    });
    expect(await query('SELECT count(*)::int AS n FROM results')).toEqual(before);
    expect((await query(`SELECT value FROM results WHERE period_key = '2025-10'`))[0].value).toBe('91.5');
  });

  it('keeps explanations that come in the file', async () => {
    await load([
      row('2026-02', {
        value: 70,
        numerator: 700,
        explanationWhy: 'Staff shortage in the winter.',
        explanationAction: 'Hiring 12 examiners by April.',
      }),
    ]);
    const [feb] = await query(`SELECT id FROM results WHERE period_key = '2026-02'`);
    expect((await t.api().get(`/api/v1/results/${feb.id}`)).body.explanation).toMatchObject({
      why: 'Staff shortage in the winter.',
    });

    // Certified, then the same file again: nothing changes. A new explanation needs certifying again.
    await t.api().post(`/api/v1/results/${feb.id}/certify`).expect(200);
    const explained = (action: string) =>
      row('2026-02', {
        value: 70,
        numerator: 700,
        explanationWhy: 'Staff shortage in the winter.',
        explanationAction: action,
      });
    await load([explained('Hiring 12 examiners by April.')]);
    expect((await t.api().get(`/api/v1/results/${feb.id}`)).body.certifiedAt).not.toBeNull();
    await load([explained('Hiring 20 examiners by May.')]);
    expect((await t.api().get(`/api/v1/results/${feb.id}`)).body).toMatchObject({
      certifiedAt: null,
      explanation: { action: 'Hiring 20 examiners by May.' },
    });
  });

  it('leaves nothing behind when the database refuses a row mid-load', async () => {
    const before = await query('SELECT count(*)::int AS n FROM results');
    await expect(load([row('2026-03'), row('2026-04', { standardId: randomUUID() })])).rejects.toThrow();
    expect(await query('SELECT count(*)::int AS n FROM results')).toEqual(before);
  });

  it('keeps every revision when two loads change the same keys at once', async () => {
    const keys = ['2026-05', '2026-06', '2026-07'];
    await load(keys.map((k) => row(k)));
    await Promise.all([
      load(keys.map((k) => row(k, { value: 80, numerator: 800 }))),
      load(keys.map((k) => row(k, { value: 70, numerator: 700 }))),
    ]);
    const history = await query(
      `SELECT r.period_key, r.revision, r.value, array_agg(v.revision ORDER BY v.revision) AS revisions,
         array_agg(v.value ORDER BY v.revision) AS earlier
       FROM results r JOIN result_revisions v ON v.result_id = r.id
       WHERE r.period_key = ANY($1) GROUP BY r.id ORDER BY 1`,
      [keys],
    );
    expect(history).toHaveLength(3);
    for (const entry of history) {
      // Whichever load merged last holds revision 3; the other's figures are revision 2.
      expect(entry).toMatchObject({ revision: 3, revisions: [1, 2] });
      expect([Number(entry.earlier[1]), Number(entry.value)].sort()).toEqual([70, 80]);
      expect(Number(entry.earlier[0])).toBe(90);
    }
  });

  it('loads tens of thousands of rows in one go', async () => {
    async function* many(): AsyncIterable<StagedResult[]> {
      for (let batch = 0; batch < 20; batch += 1) {
        yield Array.from({ length: 1000 }, (_, k) =>
          row('2026-08', { channel: 'online', source: `row ${batch * 1000 + k}`, periodKey: `X${batch * 1000 + k}` }),
        );
      }
    }
    const counts = await loader.load(many(), { batchId: randomUUID(), recordedBy: 'test', shouldCommit: () => false });
    expect(counts).toEqual({ staged: 20_000, inserted: 20_000, updated: 0, unchanged: 0 });
  });

  it('merges chunk by chunk in one transaction: changed, unchanged, new and explained rows in different chunks', async () => {
    const existing = ['2028-01', '2028-02', '2028-03'];
    await load(existing.map((k) => row(k)));
    const counts = await loader.load(
      rows(
        row('2028-01'),
        row('2028-02', { value: 80, numerator: 800 }),
        row('2028-04'),
        row('2028-03', {
          value: 70,
          numerator: 700,
          explanationWhy: 'A new case system went live in March.',
          explanationAction: 'Overtime until the backlog is gone, by May.',
        }),
        row('2028-05', { channel: 'online' }),
      ),
      { batchId: randomUUID(), recordedBy: 'test', shouldCommit: () => true, chunkRows: 2 },
    );
    expect(counts).toEqual({ staged: 5, inserted: 2, updated: 2, unchanged: 1 });
    const stored = await query(
      `SELECT r.period_key, r.channel, r.value, r.revision, e.why FROM results r
       LEFT JOIN explanations e ON e.result_id = r.id WHERE r.period_key LIKE '2028-%' ORDER BY 1, 2`,
    );
    expect(stored).toEqual([
      { period_key: '2028-01', channel: 'all', value: '90', revision: 1, why: null },
      { period_key: '2028-02', channel: 'all', value: '80', revision: 2, why: null },
      { period_key: '2028-03', channel: 'all', value: '70', revision: 2, why: 'A new case system went live in March.' },
      { period_key: '2028-04', channel: 'all', value: '90', revision: 1, why: null },
      { period_key: '2028-05', channel: 'online', value: '90', revision: 1, why: null },
    ]);
  });

  it('stops merging once told the load will be rolled back, and still counts every row', async () => {
    const before = await query('SELECT count(*)::int AS n FROM results');
    let chunks = 0;
    const counts = await loader.load(rows(row('2029-01'), row('2029-02'), row('2029-03'), row('2029-04')), {
      batchId: randomUUID(),
      recordedBy: 'test',
      shouldCommit: () => false,
      keepMerging: () => chunks++ === 0,
      chunkRows: 2,
    });
    expect(counts).toEqual({ staged: 4, inserted: 2, updated: 0, unchanged: 2 });
    expect(await query('SELECT count(*)::int AS n FROM results')).toEqual(before);
  });

  it('gives the new results of one load ascending, time-ordered ids (UUID version 7 layout)', async () => {
    const started = Date.now();
    await load([row('2027-04'), row('2027-05'), row('2027-06')]);
    const ids = (
      await query(`SELECT id FROM results WHERE period_key = ANY($1) ORDER BY period_key`, [
        ['2027-04', '2027-05', '2027-06'],
      ])
    ).map((entry: { id: string }) => entry.id);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(ms).toBeGreaterThanOrEqual(started - 1000);
      expect(ms).toBeLessThanOrEqual(Date.now());
    }
  });

  it('keeps results tied to existing standards without a row-by-row foreign key', async () => {
    // The statement-level check names the missing standard; a standard with results cannot be deleted.
    await expect(load([row('2027-03', { standardId: randomUUID() })])).rejects.toMatchObject({
      code: '23503',
      message: expect.stringMatching(/standard that does not exist/),
    });
    await expect(query('DELETE FROM standards WHERE id = $1', [standardId])).rejects.toMatchObject({ code: '23503' });
    await expect(
      query(`UPDATE results SET standard_id = $1 WHERE period_key = '2025-10'`, [randomUUID()]),
    ).rejects.toThrow(/cannot move to another standard/);
    expect((await query('SELECT count(*)::int AS n FROM standards WHERE id = $1', [standardId]))[0].n).toBe(1);
  });
});
