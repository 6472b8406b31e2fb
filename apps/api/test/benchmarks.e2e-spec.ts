import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { fieldsOf, UNKNOWN_ID } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const acsi = {
  name: 'ACSI express delivery satisfaction',
  description: 'Customer satisfaction with express delivery, all carriers.',
  sourceOrganization: 'American Customer Satisfaction Index',
  sourceUrl: 'https://theacsi.org/industries/transportation/',
  year: 2024,
  value: 78.5,
  unit: 'percent',
};

describe('/api/v1/benchmarks', () => {
  let t: TestApp;
  let acsiId: string;
  const api = () => t.api();
  const create = (body: object) => api().post('/api/v1/benchmarks').send(body);
  const names = (response: { body: { items: { name: string }[] } }) => response.body.items.map((b) => b.name);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a benchmark with every field and reads it back, its value a number', async () => {
    const created = await create(acsi).expect(201);
    expect(created.body).toEqual({
      ...acsi,
      id: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    acsiId = created.body.id;
    expect((await api().get(`/api/v1/benchmarks/${acsiId}`).expect(200)).body).toEqual(created.body);
    const minimal = await create({
      name: 'Carrier delivery time',
      sourceOrganization: 'Parcel carriers (median)',
      year: 2023,
      value: 2,
      unit: 'days',
    }).expect(201);
    expect(minimal.body).toMatchObject({ description: null, sourceUrl: null, value: 2 });
  });

  it('lists with unit, year and text filters, sort and pages', async () => {
    await create({
      name: 'Bank call answer time',
      sourceOrganization: 'Banking 100%',
      year: 2024,
      value: 3.5,
      unit: 'minutes',
    }).expect(201);
    await create({
      name: 'Retail trust score',
      sourceOrganization: 'Forrester',
      year: 2022,
      value: 4.1,
      unit: 'score',
    }).expect(201);

    const all = await api().get('/api/v1/benchmarks').expect(200);
    expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 25 });
    expect(names(all)).toEqual([
      'ACSI express delivery satisfaction',
      'Bank call answer time',
      'Carrier delivery time',
      'Retail trust score',
    ]);
    expect(names(await api().get('/api/v1/benchmarks?unit=score').expect(200))).toEqual(['Retail trust score']);
    expect(names(await api().get('/api/v1/benchmarks?year=2024').expect(200))).toEqual([
      'ACSI express delivery satisfaction',
      'Bank call answer time',
    ]);
    expect(names(await api().get('/api/v1/benchmarks?year=2024&unit=percent').expect(200))).toEqual([
      'ACSI express delivery satisfaction',
    ]);
    // q looks in the name and in the source organization.
    expect(names(await api().get('/api/v1/benchmarks?q=DELIVERY').expect(200))).toEqual([
      'ACSI express delivery satisfaction',
      'Carrier delivery time',
    ]);
    expect(names(await api().get('/api/v1/benchmarks?q=forrester').expect(200))).toEqual(['Retail trust score']);
    expect(names(await api().get('/api/v1/benchmarks?q=%25').expect(200))).toEqual(['Bank call answer time']);
    const byYear = await api().get('/api/v1/benchmarks?sort=year&order=desc&pageSize=3').expect(200);
    expect(byYear.body.items.map((b: { year: number }) => b.year)).toEqual([2024, 2024, 2023]);
    const last = await api().get('/api/v1/benchmarks?sort=year&order=desc&pageSize=3&page=2').expect(200);
    expect(names(last)).toEqual(['Retail trust score']);
    for (const [query, field] of [
      ['unit=weeks', 'unit'],
      ['year=1899', 'year'],
      ['year=soon', 'year'],
      ['sort=value', 'sort'],
      ['name=x', 'name'],
    ] as const) {
      expect(new Set(fieldsOf(await api().get(`/api/v1/benchmarks?${query}`).expect(400)))).toEqual(new Set([field]));
    }
  });

  it('refuses values outside the range of their unit with 400 naming value', async () => {
    for (const [unit, value] of [
      ['percent', 100.5],
      ['percent', -1],
      ['score', 0],
      ['score', 5.5],
      ['days', -2],
    ] as const) {
      const response = await create({ ...acsi, unit, value }).expect(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'value', value }] });
    }
    await create({ ...acsi, name: 'Perfect', unit: 'percent', value: 100 }).expect(201);
    await create({ ...acsi, name: 'Lowest score', unit: 'score', value: 1 }).expect(201);
  });

  it('refuses bad input naming each field, and unknown fields', async () => {
    const response = await create({
      name: 'X',
      sourceOrganization: '',
      sourceUrl: 'ftp://example.org/data',
      year: 2024.5,
      value: 'high',
      unit: 'weeks',
      extra: 1,
    }).expect(400);
    expect(fieldsOf(response)).toEqual(['extra', 'name', 'sourceOrganization', 'sourceUrl', 'unit', 'value', 'year']);
    for (const year of [1899, 2101]) {
      expect(fieldsOf(await create({ ...acsi, year }).expect(400))).toEqual(['year']);
    }
    const missing = await create({}).expect(400);
    expect(new Set(fieldsOf(missing))).toEqual(new Set(['name', 'sourceOrganization', 'year', 'value', 'unit']));
  });

  it('updates a benchmark in part, checking the value against the resulting unit', async () => {
    const updated = await api()
      .patch(`/api/v1/benchmarks/${acsiId}`)
      .send({ value: 80, sourceUrl: null, description: 'Updated yearly.' })
      .expect(200);
    expect(updated.body).toMatchObject({ ...acsi, value: 80, sourceUrl: null, description: 'Updated yearly.' });
    expect((await api().get(`/api/v1/benchmarks/${acsiId}`)).body).toEqual(updated.body);

    // 80 is a fine percent but not a score.
    const unitOnly = await api().patch(`/api/v1/benchmarks/${acsiId}`).send({ unit: 'score' }).expect(400);
    expect(unitOnly.body.details).toMatchObject([{ field: 'value', value: 80 }]);
    const valueOnly = await api().patch(`/api/v1/benchmarks/${acsiId}`).send({ value: 101 }).expect(400);
    expect(valueOnly.body.details).toMatchObject([{ field: 'value', value: 101 }]);
    const both = await api().patch(`/api/v1/benchmarks/${acsiId}`).send({ unit: 'score', value: 4.2 }).expect(200);
    expect(both.body).toMatchObject({ unit: 'score', value: 4.2 });

    const nulls = await api().patch(`/api/v1/benchmarks/${acsiId}`).send({ value: null, name: null }).expect(400);
    expect(fieldsOf(nulls)).toEqual(['name', 'value']);
    const bad = await api().patch(`/api/v1/benchmarks/${acsiId}`).send({ year: 3000, extra: true }).expect(400);
    expect(fieldsOf(bad)).toEqual(['extra', 'year']);
    expect((await api().get(`/api/v1/benchmarks/${acsiId}`)).body).toEqual(both.body);
  });

  it('answers unknown ids with 404 and malformed ids with 400', async () => {
    for (const method of ['get', 'patch', 'delete'] as const) {
      const missing = await api()[method](`/api/v1/benchmarks/${UNKNOWN_ID}`).send({}).expect(404);
      expect(missing.body).toMatchObject({ code: 'not_found', details: [{ field: 'id', value: UNKNOWN_ID }] });
      const malformed = await api()[method]('/api/v1/benchmarks/123').send({}).expect(400);
      expect(malformed.body.status).toBe(400);
    }
  });

  it('attaches benchmarks to a standard as it is created, all or none', async () => {
    const agencyId = (
      await api().post('/api/v1/agencies').send({ name: 'Mail', abbreviation: 'MAIL', slug: 'mail' }).expect(201)
    ).body.id;
    const serviceId = (
      await api().post('/api/v1/services').send({ agencyId, name: 'Letters', slug: 'letters' }).expect(201)
    ).body.id;
    const body = (code: string, benchmarkIds: string[]) => ({
      serviceId,
      code,
      title: 'Letter satisfaction',
      statement: 'We keep 80% of customers satisfied.',
      dimension: 'satisfaction',
      measureDescription: 'Share of respondents satisfied.',
      unit: 'percent',
      computation: 'share_meeting_threshold',
      direction: 'higher_is_better',
      thresholdValue: 4,
      thresholdUnit: 'score',
      frequency: 'quarter',
      benchmarkIds,
    });
    const refused = await api()
      .post('/api/v1/standards')
      .send(body('LTR-SAT', [acsiId, UNKNOWN_ID]))
      .expect(400);
    expect(refused.body.details).toEqual([
      { field: 'benchmarkIds', value: UNKNOWN_ID, reason: 'no benchmark with this id' },
    ]);
    expect((await api().get('/api/v1/standards?q=LTR-SAT').expect(200)).body.total).toBe(0);
    const created = await api()
      .post('/api/v1/standards')
      .send(body('LTR-SAT', [acsiId]))
      .expect(201);
    const linked = await api().get(`/api/v1/standards/${created.body.id}/benchmarks`).expect(200);
    expect(linked.body.map((b: { id: string }) => b.id)).toEqual([acsiId]);
    await api().delete(`/api/v1/standards/${created.body.id}`).expect(204);
  });

  it('refuses to delete a benchmark that standards use (409, naming them), and deletes an unused one', async () => {
    const agencyId = (
      await api()
        .post('/api/v1/agencies')
        .send({ name: 'US Postal Service', abbreviation: 'USPS', slug: 'usps' })
        .expect(201)
    ).body.id;
    const serviceId = (
      await api()
        .post('/api/v1/services')
        .send({ agencyId, name: 'Package delivery', slug: 'package-delivery' })
        .expect(201)
    ).body.id;
    const db = t.app.get(DataSource);
    const standardIds: string[] = [];
    for (const code of ['PKG-TIME', 'PKG-SAT']) {
      const [row]: { id: string }[] = await db.query(
        'INSERT INTO standards (agency_id, service_id, code) VALUES ($1, $2, $3) RETURNING id',
        [agencyId, serviceId, code],
      );
      standardIds.push(row!.id);
      await db.query('INSERT INTO standard_benchmarks (standard_id, benchmark_id) VALUES ($1, $2)', [row!.id, acsiId]);
    }

    const refused = await api().delete(`/api/v1/benchmarks/${acsiId}`).expect(409);
    expect(refused.body.code).toBe('conflict');
    expect(refused.body.message).toContain('2 standard(s): USPS PKG-SAT, USPS PKG-TIME');
    expect(refused.body.details).toEqual([
      { field: 'standards', value: standardIds[1], reason: 'used by USPS PKG-SAT' },
      { field: 'standards', value: standardIds[0], reason: 'used by USPS PKG-TIME' },
    ]);
    const links = await db.query('SELECT 1 FROM standard_benchmarks WHERE benchmark_id = $1', [acsiId]);
    expect(links).toHaveLength(2); // still attached

    await db.query('DELETE FROM standard_benchmarks WHERE benchmark_id = $1', [acsiId]);
    await api().delete(`/api/v1/benchmarks/${acsiId}`).expect(204);
    await api().get(`/api/v1/benchmarks/${acsiId}`).expect(404);
  });
});
