import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { GC_EXPLANATION_ACTION } from '../src/imports/registry-import.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const GC_HEADER =
  'fiscal_yr,service_id,service_name_en,service_standard_id,service_standard_en,type,channel,target,' +
  'volume_meeting_target,total_volume,performance,comments_en,target_met,owner_org,owner_org_title';
const gcRow = (fields: string): string => `2023-2024,${fields},tst-tes,Test Department | Ministère des essais`;
/** Five standards of two services: met, missed with a comment, blank volumes, nothing delivered (0 of 0), 0 met. */
const GC_FILE = [
  GC_HEADER,
  gcRow('1001,Permit renewal,11,Answer calls within 60 seconds,TML,TEL,0.9,9123,10000,0.9123,,Y'),
  gcRow(
    '1001,Permit renewal,12,Decide within 100 days,TML,ONL,0.9,95,100,0.95,"Staff shortages, recovered by March.",Y',
  ),
  gcRow('1001,Permit renewal,13,Reply to letters within 15 days,TML,POST,0.8,,,,,NA'),
  gcRow('SRV0002,Grant intake,11,Open counters within 10 minutes,ACS,PERSON,0.8,0,0,,,NA'),
  gcRow('SRV0002,Grant intake,12,Issue grants without errors,ACY,ONL,0.8,0,12,0,,N'),
].join('\n');

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../src/imports/formats/fixtures/${name}`, import.meta.url));

describe('POST /api/v1/imports: Government of Canada service standards and performance.gov APR files', () => {
  let t: TestApp;
  let query: (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;
  beforeAll(async () => {
    t = await createTestApp();
    query = (sql, parameters) => t.app.get(DataSource).query(sql, parameters);
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (file: string | Buffer, params: string, token?: string) =>
    (token ? t.as(token) : t.api())
      .post(`/api/v1/imports?${params}`)
      .attach('file', Buffer.isBuffer(file) ? file : Buffer.from(file), 'ss.csv');
  const gcResults = () =>
    query(
      `SELECT s.code, r.value, r.numerator, r.denominator, r.data_quality_note, e.why, e.action
       FROM results r JOIN standards s ON s.id = r.standard_id LEFT JOIN explanations e ON e.result_id = r.id
       JOIN agencies a ON a.id = r.agency_id WHERE a.abbreviation = 'TST' ORDER BY s.code`,
    );

  it('reports what a GC file would create in a dry run, and writes nothing', async () => {
    const dry = await upload(GC_FILE, 'format=gc-service-standards&mode=dry-run').expect(201);
    expect(dry.body).toMatchObject({ format: 'gc-service-standards', status: 'completed', inserted: 5, errorCount: 0 });
    expect(dry.body.registry).toMatchObject({ agenciesCreated: 1, servicesCreated: 2, standardsCreated: 5 });
    expect(await query(`SELECT id FROM agencies WHERE abbreviation = 'TST'`)).toEqual([]);
  });

  it('creates the department, services, draft standards, fiscal-year targets and results, blank apart from 0', async () => {
    const first = await upload(GC_FILE, 'format=gc-service-standards').expect(201);
    expect(first.body).toMatchObject({ status: 'completed', rowsRead: 5, inserted: 5, updated: 0, errorCount: 0 });
    expect(first.body.registry).toEqual({
      agenciesCreated: 1,
      servicesCreated: 2,
      goalsCreated: 0,
      standardsCreated: 5,
      targetsInserted: 5,
      targetsUpdated: 0,
      targetsUnchanged: 0,
    });
    expect(await query(`SELECT name, slug FROM agencies WHERE abbreviation = 'TST'`)).toEqual([
      { name: 'Test Department', slug: 'tst-tes' },
    ]);
    expect(await query(`SELECT name, slug, channels FROM services ORDER BY slug`)).toEqual([
      { name: 'Permit renewal', slug: 'tst-tes-1001', channels: ['phone', 'online', 'mail'] },
      { name: 'Grant intake', slug: 'tst-tes-srv0002', channels: ['in_person', 'online'] },
    ]);
    const standards = await query(
      `SELECT s.code, s.status, v.dimension, v.unit, v.frequency, v.channel_scope, t.fiscal_year, t.value AS target
       FROM standards s JOIN standard_versions v ON v.id = s.pending_version_id
       JOIN targets t ON t.standard_id = s.id ORDER BY s.code`,
    );
    expect(standards[0]).toEqual({
      code: '1001-11',
      status: 'draft',
      dimension: 'speed',
      unit: 'percent',
      frequency: 'year',
      channel_scope: ['phone'],
      fiscal_year: 2024,
      target: '90',
    });
    expect(standards.map((s) => s.dimension)).toEqual(['speed', 'speed', 'speed', 'access', 'accuracy']);
    const results = await gcResults();
    expect(results.map(({ code, value, numerator, denominator }) => [code, value, numerator, denominator])).toEqual([
      ['1001-11', '91.23', '9123', '10000'],
      ['1001-12', '95', '95', '100'],
      ['1001-13', null, null, null], // blank volumes: not known
      ['SRV0002-11', null, '0', '0'], // nothing delivered: counted, but no share
      ['SRV0002-12', '0', '0', '12'], // none of 12 met it: 0, not blank
    ]);
    expect(results[2]!.data_quality_note).toMatch(/blank in the file/);
    expect(results[1]).toMatchObject({ why: 'Staff shortages, recovered by March.', action: GC_EXPLANATION_ACTION });
  });

  it('changes nothing when the same GC file comes again, and a corrected figure is a new revision', async () => {
    const again = await upload(GC_FILE, 'format=gc-service-standards').expect(201);
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    expect(again.body.registry).toMatchObject({ agenciesCreated: 0, standardsCreated: 0, targetsUnchanged: 5 });
    const corrected = GC_FILE.replace('9123,10000,0.9123', '9200,10000,0.92').replace(',0.8,0,12,', ',0.85,0,12,');
    const third = await upload(corrected, 'format=gc-service-standards').expect(201);
    expect(third.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
    expect(third.body.registry).toMatchObject({ targetsUpdated: 1, targetsUnchanged: 4 });
    const [result] = await query(
      `SELECT r.id FROM results r JOIN standards s ON s.id = r.standard_id WHERE s.code = '1001-11'`,
    );
    const revisions = await t.api().get(`/api/v1/results/${result!.id}/revisions`).expect(200);
    expect(revisions.body.map((r: { revision: number; value: number }) => [r.revision, r.value])).toEqual([
      [2, 92],
      [1, 91.23],
    ]);
  });

  it('keeps the good rows of the sample file in partial mode, naming the bad ones; atomic writes nothing', async () => {
    const atomic = await upload(fixture('gc-ss-sample.csv'), 'format=gc-service-standards').expect(201);
    expect(atomic.body.status).toBe('rejected');
    expect(atomic.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: 'channel', value: 'XYZ' })]),
    );
    expect(atomic.body.warningCount).toBeGreaterThan(0);
    const counted = await query(`SELECT count(*)::int AS n FROM results`);
    const partial = await upload(fixture('gc-ss-sample.csv'), 'format=gc-service-standards&mode=partial').expect(201);
    expect(partial.body.status).toBe('completed');
    expect(partial.body.errorCount).toBe(atomic.body.errorCount);
    expect(partial.body.inserted + partial.body.updated + partial.body.unchanged).toBe(
      partial.body.rowsRead - partial.body.errorCount,
    );
    expect((await query(`SELECT count(*)::int AS n FROM results`))[0]!.n).toBeGreaterThan(counted[0]!.n as number);
  });

  it('refuses to add a department for someone who may not manage agencies', async () => {
    const agency = (
      await t.api().post('/api/v1/agencies').send({ name: 'Own', abbreviation: 'OWN', slug: 'own' }).expect(201)
    ).body;
    await t
      .api()
      .post('/api/v1/users')
      .send({
        email: 'officer@own.example',
        name: 'Officer',
        roles: [{ role: 'performance_officer', agencyId: agency.id }],
      })
      .expect(201);
    const officer = await t.tokenFor('officer@own.example');
    const other = GC_FILE.replaceAll('tst-tes,Test Department | Ministère des essais', 'new-nou,New Department');
    const refused = await upload(other, 'format=gc-service-standards', officer).expect(201);
    expect(refused.body.status).toBe('rejected');
    expect(refused.body.errors[0]).toMatchObject({ line: 2, column: 'owner_org' });
    expect(refused.body.errors[0].reason).toMatch(/NEW \(New Department\) is not in Yardstick/);
    expect(await query(`SELECT id FROM agencies WHERE abbreviation = 'NEW'`)).toEqual([]);
    // Nor to write for a department that is someone else's.
    const theirs = await upload(GC_FILE, 'format=gc-service-standards', officer).expect(201);
    expect(theirs.body.errors[0].reason).toMatch(/you may not write standards and results for TST/);
  });

  it('imports an APR file for the agency named in the request: goals, indicators, targets, results', async () => {
    await t
      .api()
      .post('/api/v1/agencies')
      .send({ name: 'General Services', abbreviation: 'GSA', slug: 'gsa' })
      .expect(201);
    await upload(fixture('apr-sample.csv'), 'format=performance-gov-apr').expect(400);
    await upload(fixture('apr-sample.csv'), 'format=performance-gov-apr&agency=NOPE').expect(400);
    const first = await upload(fixture('apr-sample.csv'), 'format=performance-gov-apr&agency=gsa&mode=partial').expect(
      201,
    );
    expect(first.body).toMatchObject({ status: 'completed', updated: 0, unchanged: 0 });
    expect(first.body.inserted).toBeGreaterThan(0);
    expect(first.body.registry.goalsCreated).toBe(6); // 3 goals, each with its objective
    const savings = await query(
      `SELECT v.unit, v.direction, v.computation, t.value AS target, r.value AS actual, g.title AS objective
       FROM standard_versions v JOIN standards s ON s.pending_version_id = v.id
       JOIN targets t ON t.standard_id = s.id JOIN results r ON r.standard_id = s.id AND r.fiscal_year = t.fiscal_year
       JOIN goals g ON g.id = v.goal_id WHERE v.title = 'Program savings (billions of $)'`,
    );
    expect(savings).toEqual([
      {
        unit: 'currency',
        direction: 'higher_is_better',
        computation: 'total',
        target: '5220000000',
        actual: '5860000000',
        objective: 'Save money.',
      },
    ]);
    const again = await upload(fixture('apr-sample.csv'), 'format=performance-gov-apr&agency=GSA&mode=partial').expect(
      201,
    );
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: first.body.inserted });
    expect(again.body.registry).toMatchObject({ goalsCreated: 0, standardsCreated: 0, targetsInserted: 0 });
  });
});
