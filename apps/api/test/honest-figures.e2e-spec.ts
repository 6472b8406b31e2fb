import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { certify } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Issue 18 ("Real files, honest headlines") and issue 16 items 12-15, on small files written for these
// tests in the Government of Canada ss.csv schema and the performance.gov APR layout (invented figures).
const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('honest figures from real file formats', () => {
  let t: TestApp;
  let query: (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;
  const api = () => t.api();
  const anon = () => request(t.server);
  const upload = (file: Buffer, params: string) =>
    api().post(`/api/v1/imports?${params}`).attach('file', file, 'file.csv').expect(201);
  const standardOf = async (code: string): Promise<string> =>
    (await query(`SELECT id FROM standards WHERE code = $1`, [code]))[0]!.id as string;
  const aprId = async (title: string): Promise<string> =>
    (
      await query(
        `SELECT s.id FROM standards s JOIN standard_versions v ON v.id = s.pending_version_id WHERE v.title = $1`,
        [title],
      )
    )[0]!.id as string;
  const publish = async (id: string, expected = 200) => {
    await api().post(`/api/v1/standards/${id}/submit`).expect(200);
    return api().post(`/api/v1/standards/${id}/publish`).expect(expected);
  };

  let gc: { body: Record<string, unknown> & { errors: Record<string, unknown>[] } };
  let apr: typeof gc;
  beforeAll(async () => {
    t = await createTestApp();
    query = (sql, parameters) => t.app.get(DataSource).query(sql, parameters);
    gc = await upload(fixture('gc-history.csv'), 'format=gc-service-standards&mode=partial');
    await api()
      .post('/api/v1/agencies')
      .send({ name: 'General Services', abbreviation: 'GSA', slug: 'gsa' })
      .expect(201);
    apr = await upload(fixture('apr-history.csv'), 'format=performance-gov-apr&agency=GSA&mode=partial');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('names the record, the physical line and the row in file errors (18.7)', async () => {
    const csv = (
      await api()
        .get(`/api/v1/imports/${gc.body.id as string}/errors.csv`)
        .expect(200)
    ).text;
    expect(csv).toMatch(/^"6",,,"channel","XYZ",".*","5","tst-tes, service 1001, standard 14, 2023-2024"$/m);
    expect(gc.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 6,
          record: 5,
          row: 'tst-tes, service 1001, standard 14, 2023-2024',
          column: 'channel',
          value: 'XYZ',
        }),
      ]),
    );
    expect(apr.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 8,
          record: 7,
          row: 'KPI "Program savings (billions of $)", 2018',
          column: 'Actual',
          value: 'lots',
        }),
      ]),
    );
  });

  it('refuses results for periods that have not ended, in the API and every import (16.13)', async () => {
    expect(gc.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 7,
          record: 6,
          column: 'fiscal_yr',
          reason: expect.stringMatching(/FY2028 has not ended yet/),
        }),
      ]),
    );
    expect(apr.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 9,
          record: 8,
          column: 'Year',
          reason: expect.stringMatching(/FY2028 has not ended yet/),
        }),
      ]),
    );
    expect(await query(`SELECT period_key FROM results WHERE fiscal_year >= 2027`)).toEqual([]);

    const agencyId = (await api().post('/api/v1/agencies').send({ name: 'Future', abbreviation: 'FUT', slug: 'fut' }))
      .body.id;
    const serviceId = (await api().post('/api/v1/services').send({ agencyId, name: 'Visits', slug: 'visits' })).body.id;
    const monthly = {
      dimension: 'speed',
      measureDescription: 'Mean wait.',
      unit: 'minutes',
      computation: 'mean',
      direction: 'lower_is_better',
    };
    const standardId = (
      await api()
        .post('/api/v1/standards')
        .send({
          ...monthly,
          serviceId,
          code: 'WAIT',
          title: 'Wait',
          statement: 'We see you within 10 minutes.',
          frequency: 'month',
        })
        .expect(201)
    ).body.id;
    const quarterly = (
      await api()
        .post('/api/v1/standards')
        .send({
          ...monthly,
          serviceId,
          code: 'WAIT-Q',
          title: 'Wait by quarter',
          statement: 'We see you within 10 minutes.',
          frequency: 'quarter',
        })
        .expect(201)
    ).body.id;
    const future = await api()
      .post('/api/v1/results')
      .send({ standardId, period: '2027-06', value: 9, sampleSize: 10 })
      .expect(400);
    expect(future.body.details).toEqual([
      expect.objectContaining({
        field: 'period',
        reason: expect.stringMatching(/^2027-06 has not ended yet \(it ends on 2027-06-30; today is 2026-11-16\)/),
      }),
    ]);
    await api().post('/api/v1/results').send({ standardId: quarterly, period: 'FY2028-Q1', value: 9 }).expect(400);
    // The current month has not ended either; last month has.
    await api().post('/api/v1/results').send({ standardId, period: '2026-11', value: 9, sampleSize: 10 }).expect(400);
    await api().post('/api/v1/results').send({ standardId, period: '2026-10', value: 9, sampleSize: 10 }).expect(201);
    const template = 'agency,standard_code,period,channel,value,sample_size\nFUT,WAIT,2027-01,all,8,10\n';
    const imported = await upload(Buffer.from(template), 'format=yardstick');
    expect(imported.body).toMatchObject({
      status: 'rejected',
      errors: [expect.objectContaining({ column: 'period', reason: expect.stringMatching(/not ended/) })],
    });
  });

  it('stores the source rounding rule on the standard, shows it and applies it (18.2)', async () => {
    const fax = await standardOf('1001-13');
    expect((await api().get(`/api/v1/standards/${fax}`).expect(200)).body).toMatchObject({
      current: { resultRounding: 2 },
      standing: { status: 'met', rule: expect.stringMatching(/first rounded to 2 decimals, half to even/) },
    });
  });

  it('publishes a standard reporting past years without a target for the current one, and keeps that target (18.3)', async () => {
    for (const code of ['1001-11', '1001-12', '1001-13']) await publish(await standardOf(code));
    const calls = await standardOf('1001-11');
    const [target] = (await api().get(`/api/v1/standards/${calls}/targets`).expect(200)).body;
    expect(target).toMatchObject({ fiscalYear: 2024 });
    const refused = await api().delete(`/api/v1/standards/${calls}/targets/${target.id}`).expect(409);
    expect(refused.body.message).toMatch(/needs its target for FY2024 \(the latest year with results\)/);
    expect((await api().get(`/api/v1/standards/${calls}/targets`)).body).toHaveLength(1);
  });

  it('counts a result awaiting certification apart, in the denominator of the published share (18.1)', async () => {
    const tst = (await query(`SELECT id FROM agencies WHERE abbreviation = 'TST'`))[0]!.id as string;
    const report = await (
      await t.certifier()
    )
      .post('/api/v1/results/certify')
      .send({ agencyId: tst, period: 'FY2024' })
      .expect(200);
    expect(report.body).toMatchObject({ certified: 2, refused: [expect.objectContaining({ periodKey: 'FY2024' })] });
    const agency = (await anon().get('/api/v1/public/agencies/tst-tes').expect(200)).body;
    expect(agency.tally).toMatchObject({ met: 2, notMet: 0, awaitingCertification: 1, assessed: 3 });
    expect(agency.tally.share).toBeCloseTo(66.67, 1);
    const missed = agency.services[0].standards.find((s: { code: string }) => s.code === '1001-12');
    expect(missed).toMatchObject({ latest: null, awaitingCertification: { periodKey: 'FY2024' } });
    // Nothing of the uncertified figure reaches the public.
    expect(JSON.stringify(agency)).not.toContain('"value":50');
    const home = (await anon().get('/api/v1/public/home').expect(200)).body;
    expect(home.tally).toMatchObject({ met: 2, awaitingCertification: 1, assessed: 3 });
  });

  it('keeps scales and signed percents, and never stores a within-range target without min and max (18.6, 16.12)', async () => {
    const ranges = await query(
      `SELECT v.title, v.unit, v.value_range, t.value, t.min_value, t.max_value, r.value AS actual
       FROM standard_versions v JOIN standards s ON s.pending_version_id = v.id
       LEFT JOIN targets t ON t.standard_id = s.id AND t.fiscal_year = 2018
       LEFT JOIN results r ON r.standard_id = s.id AND r.fiscal_year = 2018
       WHERE s.agency_id = (SELECT id FROM agencies WHERE abbreviation = 'GSA') ORDER BY v.title COLLATE "C"`,
    );
    expect(ranges).toEqual([
      {
        title: 'CXO effectiveness (7-point scale)',
        unit: 'score',
        value_range: { min: 1, max: 7 },
        value: '5.5',
        min_value: null,
        max_value: null,
        actual: '5.8',
      },
      {
        title: 'Customer loyalty (10-point scale)',
        unit: 'score',
        value_range: { min: 1, max: 10 },
        value: '7.4',
        min_value: null,
        max_value: null,
        actual: '7.5',
      },
      {
        title: 'Leased revenue available',
        unit: 'percent',
        value_range: { min: null, max: null },
        value: null,
        min_value: '-1',
        max_value: '1',
        actual: '-0.47',
      },
      // No target: the range has no min and max. The result is kept.
      {
        title: 'Percent of leases at or below market rates',
        unit: 'percent',
        value_range: null,
        value: null,
        min_value: null,
        max_value: null,
        actual: '44',
      },
    ]);
    await api().get('/api/v1/standards').expect(200);
    await api().get('/api/v1/reviews/results').expect(200);
  });

  it('reads, publishes and certifies without a 500 when a stored target cannot assess; a failed publish changes nothing (18.5)', async () => {
    const market = await aprId('Percent of leases at or below market rates');
    // A target stored before the rules were shared, as the issue found it.
    await query(
      `INSERT INTO targets (standard_id, fiscal_year, quarter, value, unit) VALUES ($1, 2018, 0, 55, 'percent')`,
      [market],
    );
    await api().get('/api/v1/standards').expect(200);
    await api().get(`/api/v1/standards/${market}`).expect(200);
    await api().get('/api/v1/reviews/results').expect(200);
    const refused = await publish(market, 409);
    expect(refused.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'targets.FY2018.minValue', reason: 'is required for a within-range measure' }),
      ]),
    );
    expect((await api().get(`/api/v1/standards/${market}`)).body).toMatchObject({
      status: 'in_review',
      current: { status: 'in_review' },
    });

    for (const title of [
      'Customer loyalty (10-point scale)',
      'CXO effectiveness (7-point scale)',
      'Leased revenue available',
    ]) {
      await publish(await aprId(title));
    }
    const gsa = (await query(`SELECT id FROM agencies WHERE abbreviation = 'GSA'`))[0]!.id as string;
    const certified = await (
      await t.certifier()
    )
      .post('/api/v1/results/certify')
      .send({ agencyId: gsa, period: 'FY2018' })
      .expect(200);
    // Leased revenue (-0.47% in -1%..1%) is met; the market-rate result is certified too: its target cannot assess it.
    expect(certified.body).toMatchObject({ certified: 4, refused: [] });
  });

  it('lists every year with certified results on the agency page (18.4)', async () => {
    const gsa = (await query(`SELECT id FROM agencies WHERE abbreviation = 'GSA'`))[0]!.id as string;
    await (await t.certifier()).post('/api/v1/results/certify').send({ agencyId: gsa, period: 'FY2019' }).expect(200);
    const agency = (await anon().get('/api/v1/public/agencies/gsa').expect(200)).body;
    expect(agency.reportYears).toEqual([2019, 2018]);
    expect(agency.byYear.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2018, 2019]);
    expect(agency.byYear[1]).toMatchObject({ fiscalYear: 2019, notMet: 0, met: 1 });
    await anon().get('/api/v1/public/reports/gsa/2018').expect(200);
  });

  it('counts standards without a target the same on agency pages and the home page (18.8)', async () => {
    const agencyId = (
      await api().post('/api/v1/agencies').send({ name: 'No Targets', abbreviation: 'NOT', slug: 'no-targets' })
    ).body.id;
    const serviceId = (await api().post('/api/v1/services').send({ agencyId, name: 'Counters', slug: 'counters' })).body
      .id;
    const id = (
      await api()
        .post('/api/v1/standards')
        .send({
          serviceId,
          code: 'OPEN',
          title: 'Open counters',
          statement: 'We open on time.',
          dimension: 'access',
          measureDescription: 'Days open on time.',
          unit: 'count',
          computation: 'total',
          direction: 'higher_is_better',
          frequency: 'year',
        })
        .expect(201)
    ).body.id;
    await api()
      .put(`/api/v1/standards/${id}/targets`)
      .send({ fiscalYear: 2027, value: 200, unit: 'count' })
      .expect(200);
    await publish(id);
    const result = (
      await api().post('/api/v1/results').send({ standardId: id, period: 'FY2025', value: 190 }).expect(201)
    ).body;
    await certify(t, result.id);
    const home = (await anon().get('/api/v1/public/home').expect(200)).body;
    const row = home.agencies.find((a: { slug: string }) => a.slug === 'no-targets');
    expect(row.tally).toMatchObject({ notApplicable: 1, assessed: 0 });
    const agency = (await anon().get('/api/v1/public/agencies/no-targets').expect(200)).body;
    expect(agency.byYear).toEqual([expect.objectContaining({ fiscalYear: 2025, notApplicable: 1, assessed: 0 })]);
    expect(agency.tally).toEqual(row.tally);
  });

  it('counts a bureau’s standards once and says where a department includes them; data.json has no duplicates (16.14)', async () => {
    const dept = (
      await api()
        .post('/api/v1/agencies')
        // The codes and contact data.json requires of a publisher; the bureau takes its department's.
        .send({
          name: 'Department of Tests',
          abbreviation: 'DOT',
          slug: 'dot',
          bureauCode: '029:00',
          programCodes: ['029:001'],
          contactEmail: 'open.data@dot.example',
        })
    ).body.id;
    const bureau = (
      await api()
        .post('/api/v1/agencies')
        .send({ name: 'Bureau of Checks', abbreviation: 'BOC', slug: 'boc', parentId: dept })
        .expect(201)
    ).body.id;
    const ids: string[] = [];
    for (const [agencyId, slug] of [
      [dept, 'dot-desk'],
      [bureau, 'boc-desk'],
    ] as const) {
      const serviceId = (
        await api()
          .post('/api/v1/services')
          .send({ agencyId, name: `Desk ${slug}`, slug })
          .expect(201)
      ).body.id;
      const id = (
        await api()
          .post('/api/v1/standards')
          .send({
            serviceId,
            code: 'DESK',
            title: `Desk ${slug}`,
            statement: 'We answer every letter within a week.',
            dimension: 'speed',
            measureDescription: 'Letters answered within a week.',
            unit: 'count',
            computation: 'total',
            direction: 'higher_is_better',
            frequency: 'year',
          })
          .expect(201)
      ).body.id;
      await api()
        .put(`/api/v1/standards/${id}/targets`)
        .send({ fiscalYear: 2025, value: 10, unit: 'count' })
        .expect(200);
      const result = (
        await api().post('/api/v1/results').send({ standardId: id, period: 'FY2025', value: 12 }).expect(201)
      ).body;
      await publish(id);
      await certify(t, result.id);
      ids.push(id);
    }
    const home = (await anon().get('/api/v1/public/home').expect(200)).body;
    const published = (await query(`SELECT count(*)::int AS n FROM standards WHERE status = 'published'`))[0]!
      .n as number;
    expect(home.standards).toBe(published);
    expect(home.agencies.reduce((n: number, a: { standards: number }) => n + a.standards, 0)).toBe(published + 1);
    expect(home.agencies.find((a: { slug: string }) => a.slug === 'dot')).toMatchObject({
      standards: 2,
      bureaus: [{ slug: 'boc', name: 'Bureau of Checks', abbreviation: 'BOC' }],
      parent: null,
    });
    expect(home.agencies.find((a: { slug: string }) => a.slug === 'boc')).toMatchObject({
      standards: 1,
      parent: { slug: 'dot' },
    });

    const catalog = (await anon().get('/data.json').expect(200)).body;
    const seen = new Map<string, string>();
    for (const dataset of catalog.dataset as {
      title: string;
      distribution: { downloadURL: string; format: string }[];
    }[]) {
      const json = dataset.distribution.find((d) => d.format === 'JSON')!;
      const path = new URL(json.downloadURL).pathname + new URL(json.downloadURL).search;
      const rows = (await anon().get(path).expect(200)).body as { standard_id: string; period: string }[];
      for (const row of rows) {
        const key = `${row.standard_id} ${row.period}`;
        expect(seen.get(key)).toBeUndefined();
        seen.set(key, dataset.title);
      }
    }
    expect(seen.get(`${ids[0]} FY2025`)).toMatch(/Department of Tests/);
    expect(seen.get(`${ids[1]} FY2025`)).toMatch(/Bureau of Checks/);
    // The agency page's own download still includes the bureau, as the page says.
    expect((await anon().get('/api/v1/public/agencies/dot/results.json').expect(200)).body).toHaveLength(2);
  });

  it('combines what can be combined when a value-only month sits in a year, naming the month (16.15)', async () => {
    const agencyId = (
      await api().post('/api/v1/agencies').send({ name: 'Monthly', abbreviation: 'MON', slug: 'monthly' })
    ).body.id;
    const serviceId = (await api().post('/api/v1/services').send({ agencyId, name: 'Claims', slug: 'claims' })).body.id;
    const id = (
      await api()
        .post('/api/v1/standards')
        .send({
          serviceId,
          code: 'CLAIMS',
          title: 'Claims decided',
          statement: 'We decide 90% of claims within 30 days.',
          dimension: 'speed',
          measureDescription: 'Share within 30 days.',
          unit: 'percent',
          computation: 'share_meeting_threshold',
          direction: 'higher_is_better',
          thresholdValue: 30,
          thresholdUnit: 'days',
          frequency: 'month',
        })
        .expect(201)
    ).body.id;
    await api()
      .put(`/api/v1/standards/${id}/targets`)
      .send({ fiscalYear: 2025, value: 90, unit: 'percent' })
      .expect(200);
    const results = [
      (
        await api()
          .post('/api/v1/results')
          .send({ standardId: id, period: '2024-10', numerator: 80, denominator: 100 })
          .expect(201)
      ).body,
      (await api().post('/api/v1/results').send({ standardId: id, period: '2024-11', value: 95 }).expect(201)).body,
      (
        await api()
          .post('/api/v1/results')
          .send({ standardId: id, period: '2024-12', numerator: 70, denominator: 100 })
          .expect(201)
      ).body,
    ];
    for (const r of [results[0], results[2]]) {
      await api()
        .put(`/api/v1/results/${r.id}/explanation`)
        .send({ why: 'A backlog after the system change.', action: 'Overtime until it is cleared.' })
        .expect(200);
    }
    await publish(id);
    await (await t.certifier()).post('/api/v1/results/certify').send({ standardId: id }).expect(200);
    const report = (await anon().get('/api/v1/public/reports/monthly/2025').expect(200)).body;
    const row = report.services[0].standards[0];
    expect(row).toMatchObject({ status: 'not_met', result: { value: 75, periods: 2, reason: null } });
    expect(row.result.leftOut).toEqual([
      { periodKey: '2024-11', periodLabel: expect.any(String), reason: expect.stringMatching(/without the counts/) },
    ]);
    const portfolio = (await api().get(`/api/v1/portfolio?fiscalYear=2025&quarter=1&agencyId=${agencyId}`).expect(200))
      .body;
    const cell = portfolio.rows.find((r: { standardId: string }) => r.standardId === id).current;
    expect(cell).toMatchObject({ status: 'not_met', value: 75, note: expect.stringMatching(/not combined: .*2024/) });
  });
});
