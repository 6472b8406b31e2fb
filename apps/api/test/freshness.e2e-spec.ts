import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ANSWER_STANDARD, publish, seedStandard, setTargets } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// 16 November 2026 (FY2027 Q1): the reporting record covers FY2026 Q1 to Q4, each due 30 days after it ends.
const standardBody = (serviceId: string, code: string, frequency: string) => ({
  ...ANSWER_STANDARD,
  serviceId,
  code,
  title: `Speed ${code}`,
  frequency,
});

describe('freshness in public: last certification, overdue results, reporting records', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const anon = () => request(t.server);

  beforeAll(async () => {
    t = await createTestApp({}, { now: '2026-11-16T12:00:00Z' });
    const api = () => t.api();
    const sql = (text: string, params: unknown[]) => t.app.get(DataSource).query(text, params);
    for (const [key, name, slug] of [
      ['alpha', 'Alpha Agency', 'alpha'],
      ['bravo', 'Bravo Agency', 'bravo'],
    ] as const) {
      ids[key] = (
        await api()
          .post('/api/v1/agencies')
          .send({ name, abbreviation: slug.slice(0, 3).toUpperCase(), slug })
          .expect(201)
      ).body.id;
      ids[`${key}Service`] = (
        await api()
          .post('/api/v1/services')
          .send({ agencyId: ids[key], name: `${name} service`, slug: `${slug}-service` })
          .expect(201)
      ).body.id;
    }
    const publishNew = async (serviceId: string, code: string, frequency: string) => {
      const id = await seedStandard(t, standardBody(serviceId, code, frequency));
      await setTargets(t, id, [2026, 2027]);
      await publish(t, id);
      return id;
    };
    ids.quarterly = await publishNew(ids.alphaService!, 'ALPHA-Q', 'quarter');
    ids.yearly = await publishNew(ids.bravoService!, 'BRAVO-Y', 'year');
    // A draft with a target counts in no public record.
    const draft = (
      await api()
        .post('/api/v1/standards')
        .send(standardBody(ids.alphaService!, 'ALPHA-DRAFT', 'quarter'))
        .expect(201)
    ).body.id;
    await api()
      .put(`/api/v1/standards/${draft}/targets`)
      .send({ fiscalYear: 2026, value: 90, unit: 'percent' })
      .expect(200);
    const certified: [string | undefined, string, string][] = [
      [ids.quarterly, 'FY2026-Q1', '2026-01-20T15:00:00Z'], // due 30 January: on time
      [ids.quarterly, 'FY2026-Q2', '2026-04-30T15:00:00Z'], // due 30 April: on time, on the day
      [ids.quarterly, 'FY2026-Q3', '2026-09-01T15:00:00Z'], // due 30 July: late
      [ids.yearly, 'FY2026', '2026-10-15T15:00:00Z'], // due 30 October: on time
    ];
    for (const [standardId, period, at] of certified) {
      const result = (
        await api().post('/api/v1/results').send({ standardId: standardId!, period, value: 93 }).expect(201)
      ).body;
      await (
        await t.certifier()
      )
        .post('/api/v1/results/certify')
        .send({ ids: [result.id] })
        .expect(200);
      // The results service stamps real time; set the day each was certified.
      await sql(`UPDATE results SET certified_at = $2 WHERE id = $1`, [result.id, at]);
    }
  }, 60_000);

  afterAll(async () => t?.close());

  it('says when a standard was last certified, and which result is overdue, in plain words', async () => {
    const standard = (await anon().get(`/api/v1/public/standards/${ids.quarterly}`).expect(200)).body;
    expect(standard.freshness).toEqual({
      lastCertifiedAt: '2026-09-01T15:00:00.000Z',
      overdue: {
        periodKey: 'FY2026-Q4',
        periodLabel: 'FY2026 Q4',
        dueDate: '2026-10-30',
        statement: 'The result for FY2026 Q4 was due on 30 October 2026 and has not been published.',
      },
    });
    const yearly = (await anon().get(`/api/v1/public/standards/${ids.yearly}`).expect(200)).body;
    expect(yearly.freshness.overdue).toBeNull();
  });

  it('gives each agency its reporting record: results due over four quarters that were published on time', async () => {
    const alpha = (await anon().get('/api/v1/public/agencies/alpha').expect(200)).body;
    expect(alpha.reportingRecord).toEqual({
      quarters: ['FY2026 Q1', 'FY2026 Q2', 'FY2026 Q3', 'FY2026 Q4'],
      expected: 4,
      onTime: 2,
      late: 1,
      missing: 1,
      share: 0.5,
      summary: '2 of 4 results due from FY2026 Q1 to FY2026 Q4 were published on time (50%); 1 late, 1 not published.',
    });
    const report = (await anon().get('/api/v1/public/reports/alpha/2026').expect(200)).body;
    expect(report.reportingRecord).toEqual(alpha.reportingRecord);
  });

  it('ranks agencies by it on the home page, and in the open data (CSV and JSON)', async () => {
    const home = (await anon().get('/api/v1/public/home').expect(200)).body;
    expect(
      home.rankedByRecord.map((a: { slug: string; reportingRecord: { share: number } }) => [
        a.slug,
        a.reportingRecord.share,
      ]),
    ).toEqual([
      ['bravo', 1],
      ['alpha', 0.5],
    ]);
    const csv = await anon().get('/api/v1/public/reporting-records.csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')).toEqual([
      'rank,agency,agency_name,quarters,results_due,published_on_time,published_late,not_published,share_on_time',
      '1,BRA,Bravo Agency,FY2026 Q1 | FY2026 Q2 | FY2026 Q3 | FY2026 Q4,1,1,0,0,1',
      '2,ALP,Alpha Agency,FY2026 Q1 | FY2026 Q2 | FY2026 Q3 | FY2026 Q4,4,2,1,1,0.5',
      '',
    ]);
    const json = (await anon().get('/api/v1/public/reporting-records.json').expect(200)).body;
    expect(json[1]).toMatchObject({ rank: 2, agency: 'ALP', share_on_time: 0.5 });
  });

  it('moves with the day: once the next quarter is due, the record and the overdue sentence follow', async () => {
    t.clock.set('2027-02-01T12:00:00Z'); // FY2027 Q1 was due on 30 January 2027
    const alpha = (await anon().get('/api/v1/public/agencies/alpha').expect(200)).body;
    expect(alpha.reportingRecord.quarters).toEqual(['FY2026 Q2', 'FY2026 Q3', 'FY2026 Q4', 'FY2027 Q1']);
    expect(alpha.reportingRecord).toMatchObject({ expected: 4, onTime: 1, late: 1, missing: 2 });
    const standard = (await anon().get(`/api/v1/public/standards/${ids.quarterly}`).expect(200)).body;
    expect(standard.freshness.overdue.statement).toBe(
      'The result for FY2027 Q1 was due on 30 January 2027 and has not been published.',
    );
    t.clock.set('2026-11-16T12:00:00Z');
  });

  it('puts the same in the server-rendered pages (no JavaScript needed)', async () => {
    const page = await anon().get(`/standards/${ids.quarterly}`).redirects(1).expect(200);
    expect(page.text).toContain('The result for FY2026 Q4 was due on 30 October 2026 and has not been published.');
    expect(page.text).toContain('Last result certified on');
    const agency = await anon().get('/agencies/alpha').expect(200);
    expect(agency.text).toContain('Reporting record');
    expect(agency.text).toContain('2 of 4 results due from FY2026 Q1 to FY2026 Q4 were published on time (50%)');
    const home = await anon().get('/').expect(200);
    expect(home.text).toContain('Agencies by reporting record');
    expect(home.text.indexOf('Bravo Agency</a></th><td>100%')).toBeGreaterThan(-1);
    const report = await anon().get('/reports/alpha/2026').expect(200);
    expect(report.text).toContain('1 late, 1 not published.');
  });
});

// The Government of Canada's fiscal year starts in April: on 16 November 2026 its last four quarters due are
// FY2026 Q3 (October-December 2025) to FY2027 Q2 (July-September 2026), keyed and due in its calendar.
describe("reporting records in each agency's own fiscal calendar", () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const anon = () => request(t.server);

  beforeAll(async () => {
    t = await createTestApp({}, { now: '2026-11-16T12:00:00Z' });
    const api = () => t.api();
    ids.agency = (
      await api()
        .post('/api/v1/agencies')
        .send({ name: 'Maple Agency', abbreviation: 'MAP', slug: 'maple', fiscalYearStartMonth: 4 })
        .expect(201)
    ).body.id;
    ids.service = (
      await api()
        .post('/api/v1/services')
        .send({ agencyId: ids.agency, name: 'Maple service', slug: 'maple-service' })
        .expect(201)
    ).body.id;
    ids.standard = (
      await api()
        .post('/api/v1/standards')
        .send(standardBody(ids.service!, 'MAPLE-Q', 'quarter'))
        .expect(201)
    ).body.id;
    for (const fiscalYear of [2026, 2027]) {
      await api()
        .put(`/api/v1/standards/${ids.standard}/targets`)
        .send({ fiscalYear, value: 90, unit: 'percent' })
        .expect(200);
    }
    await api().post(`/api/v1/standards/${ids.standard}/submit`).expect(200);
    await api().post(`/api/v1/standards/${ids.standard}/publish`).expect(200);
    for (const [period, at] of [
      ['FY2026-Q3', '2026-01-20T15:00:00Z'], // October-December 2025, due 30 January 2026: on time
      ['FY2026-Q4', '2026-04-20T15:00:00Z'], // January-March 2026, due 30 April 2026: on time
      ['FY2027-Q1', '2026-07-20T15:00:00Z'], // April-June 2026, due 30 July 2026: on time
    ] as const) {
      const result = (
        await api().post('/api/v1/results').send({ standardId: ids.standard, period, value: 93 }).expect(201)
      ).body;
      await (
        await t.certifier()
      )
        .post('/api/v1/results/certify')
        .send({ ids: [result.id] })
        .expect(200);
      await t.app.get(DataSource).query(`UPDATE results SET certified_at = $2 WHERE id = $1`, [result.id, at]);
    }
  }, 60_000);

  afterAll(async () => t?.close());

  it('counts the quarters of the agency’s calendar on the agency page, the annual report, the home and the CSV/JSON', async () => {
    const expected = {
      quarters: ['FY2026 Q3', 'FY2026 Q4', 'FY2027 Q1', 'FY2027 Q2'],
      expected: 4,
      onTime: 3,
      late: 0,
      missing: 1,
      share: 0.75,
      summary: '3 of 4 results due from FY2026 Q3 to FY2027 Q2 were published on time (75%); 0 late, 1 not published.',
    };
    expect((await anon().get('/api/v1/public/agencies/maple').expect(200)).body.reportingRecord).toEqual(expected);
    expect((await anon().get('/api/v1/public/reports/maple/2027').expect(200)).body.reportingRecord).toEqual(expected);
    const home = (await anon().get('/api/v1/public/home').expect(200)).body;
    expect(home.rankedByRecord).toEqual([
      { slug: 'maple', name: 'Maple Agency', abbreviation: 'MAP', reportingRecord: expected },
    ]);
    expect(home.agencies.find((a: { slug: string }) => a.slug === 'maple').reportingRecord).toEqual(expected);
    const csv = await anon().get('/api/v1/public/reporting-records.csv').expect(200);
    expect(csv.text.split('\r\n')[1]).toBe(
      '1,MAP,Maple Agency,FY2026 Q3 | FY2026 Q4 | FY2027 Q1 | FY2027 Q2,4,3,0,1,0.75',
    );
    const json = (await anon().get('/api/v1/public/reporting-records.json').expect(200)).body;
    expect(json).toEqual([expect.objectContaining({ agency: 'MAP', results_due: 4, published_on_time: 3 })]);
    // The standard page names the overdue quarter the agency's way.
    const standard = (await anon().get(`/api/v1/public/standards/${ids.standard}`).expect(200)).body;
    expect(standard.freshness.overdue).toMatchObject({
      periodKey: 'FY2027-Q2',
      statement: 'The result for FY2027 Q2 was due on 30 October 2026 and has not been published.',
    });
  });
});
