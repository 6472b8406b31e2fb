import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { seedAgencyServiceStandard } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const HEADER =
  'agency,standard_code,period,channel,value,numerator,denominator,source,explanation_why,explanation_action';

describe('every result a file import changes is in the audit trail', () => {
  let t: TestApp;
  let agencyId: string;
  let standardId: string;
  let query: (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;
  beforeAll(async () => {
    t = await createTestApp();
    query = (sql, parameters) => t.app.get(DataSource).query(sql, parameters);
    ({ agencyId, standardId } = await seedAgencyServiceStandard(t, {
      service: { name: 'Claims', slug: 'claims' },
      standard: { code: 'CLAIMS' },
    }));
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (csv: string, params = '') =>
    t.api().post(`/api/v1/imports?${params}`).attach('file', Buffer.from(csv), 'results.csv').expect(201);
  const events = async (batchId: string) =>
    (await t.api().get(`/api/v1/audit-events?action=import.results&entityId=${batchId}`).expect(200)).body.items;

  it('writes one event per batch and agency, listing each result inserted or revised with its value before', async () => {
    const first = await upload(
      [HEADER, 'AGY,CLAIMS,2025-10,,,900,1000,Case system,,', 'AGY,CLAIMS,2025-11,,,950,1000,Case system,,'].join('\n'),
    );
    const [inserted] = await events(first.body.id);
    expect(inserted).toMatchObject({
      actorType: 'token',
      entityType: 'import',
      entityId: first.body.id,
      agencyId,
      after: {
        batchId: first.body.id,
        inserted: 2,
        updated: 0,
        notListed: 0,
        explained: [],
        changes: [
          { standardId, period: '2025-10', channel: 'all', revision: 1, value: 90, valueBefore: null },
          { standardId, period: '2025-11', channel: 'all', revision: 1, value: 95, valueBefore: null },
        ],
      },
    });

    const second = await upload(
      [
        HEADER,
        'AGY,CLAIMS,2025-10,,,800,1000,Case system,Staff shortage.,Hiring by March.',
        'AGY,CLAIMS,2025-11,,,950,1000,Case system,,',
      ].join('\n'),
    );
    expect(second.body).toMatchObject({ updated: 1, unchanged: 1 });
    const [october] = await query(`SELECT id FROM results WHERE period_key = '2025-10'`);
    expect((await events(second.body.id))[0].after).toEqual({
      batchId: second.body.id,
      inserted: 0,
      updated: 1,
      notListed: 0,
      explained: [october!.id],
      changes: [
        {
          resultId: october!.id,
          standardId,
          period: '2025-10',
          channel: 'all',
          revision: 2,
          value: 80,
          valueBefore: 90,
        },
      ],
    });
  });

  it('writes no event when nothing changed, for a dry run or for a rejected file', async () => {
    const same = [HEADER, 'AGY,CLAIMS,2025-11,,,950,1000,Case system,,'].join('\n');
    expect(await events((await upload(same)).body.id)).toEqual([]);
    const changed = [HEADER, 'AGY,CLAIMS,2025-11,,,970,1000,Case system,,'].join('\n');
    expect(await events((await upload(changed, 'mode=dry-run')).body.id)).toEqual([]);
    const rejected = await upload(`${changed}\nAGY,CLAIMS,2025-13,,,1,1,x,,`);
    expect(rejected.body.status).toBe('rejected');
    expect(await events(rejected.body.id)).toEqual([]);
  });

  it('audits the results of a Government of Canada file too, besides the registry records it adds', async () => {
    const file = readFileSync(new URL('../src/imports/formats/fixtures/gc-ss-sample.csv', import.meta.url));
    const batch = (
      await t
        .api()
        .post('/api/v1/imports?format=gc-service-standards&mode=partial')
        .attach('file', file, 'ss.csv')
        .expect(201)
    ).body;
    expect(batch).toMatchObject({ status: 'completed', inserted: expect.any(Number) });
    expect(batch.inserted).toBeGreaterThan(0);
    const audited = await events(batch.id);
    const listed = audited.flatMap((event: { after: { changes: unknown[] } }) => event.after.changes);
    expect(listed).toHaveLength(batch.inserted);
    expect(audited.reduce((sum: number, event: { after: { inserted: number } }) => sum + event.after.inserted, 0)).toBe(
      batch.inserted,
    );
  });
});
