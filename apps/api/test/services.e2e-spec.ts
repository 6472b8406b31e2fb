import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { fieldsOf, seedAgency, UNKNOWN_ID } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('/api/v1/services', () => {
  let t: TestApp;
  let stateId: string;
  let ssaId: string;
  const api = () => t.api();
  const create = (body: object) => api().post('/api/v1/services').send(body);
  const names = (response: { body: { items: { name: string }[] } }) => response.body.items.map((s) => s.name);

  beforeAll(async () => {
    t = await createTestApp();
    stateId = await seedAgency(t, { name: 'Department of State', abbreviation: 'DOS', slug: 'state' });
    ssaId = await seedAgency(t, { name: 'Social Security Administration', abbreviation: 'SSA', slug: 'ssa' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a service with every field and reads it back', async () => {
    const created = await create({
      agencyId: stateId,
      name: 'Passport renewal',
      slug: 'passport-renewal',
      description: 'Renew a US passport by mail or online.',
      customers: 'US citizens renewing an adult passport',
      channels: ['mail', 'online'],
      hisp: true,
      publicUrl: 'https://travel.state.gov/renew',
    }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      agencyId: stateId,
      name: 'Passport renewal',
      slug: 'passport-renewal',
      description: 'Renew a US passport by mail or online.',
      customers: 'US citizens renewing an adult passport',
      channels: ['mail', 'online'],
      hisp: true,
      publicUrl: 'https://travel.state.gov/renew',
      channelDetails: [],
      complaints: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await api().get(`/api/v1/services/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('gives a minimal service no channels, not HISP, and blanks', async () => {
    const created = await create({ agencyId: ssaId, name: 'Retirement benefits', slug: 'retirement-benefits' }).expect(
      201,
    );
    expect(created.body).toMatchObject({
      channels: [],
      hisp: false,
      description: null,
      customers: null,
      publicUrl: null,
    });
  });

  it('lists with agency, HISP, channel and name filters, sort and pages', async () => {
    await create({
      agencyId: ssaId,
      name: 'Replacement Social Security card',
      slug: 'ssn-card',
      channels: ['online', 'in_person'],
      hisp: true,
    }).expect(201);
    await create({
      agencyId: ssaId,
      name: '100% disability review',
      slug: 'disability-review',
      channels: ['mail'],
    }).expect(201);

    const all = await api().get('/api/v1/services').expect(200);
    expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 25 });
    expect(names(all)).toEqual([
      '100% disability review',
      'Passport renewal',
      'Replacement Social Security card',
      'Retirement benefits',
    ]);
    const ofSsa = await api().get(`/api/v1/services?agencyId=${ssaId}&sort=name&order=desc`).expect(200);
    expect(names(ofSsa)).toEqual(['Retirement benefits', 'Replacement Social Security card', '100% disability review']);
    const hisp = await api().get('/api/v1/services?hisp=true').expect(200);
    expect(names(hisp)).toEqual(['Passport renewal', 'Replacement Social Security card']);
    const notHisp = await api().get('/api/v1/services?hisp=false').expect(200);
    expect(names(notHisp)).toEqual(['100% disability review', 'Retirement benefits']);
    const online = await api().get('/api/v1/services?channel=online').expect(200);
    expect(names(online)).toEqual(['Passport renewal', 'Replacement Social Security card']);
    const onlineSsa = await api().get(`/api/v1/services?channel=online&agencyId=${ssaId}&hisp=true`).expect(200);
    expect(names(onlineSsa)).toEqual(['Replacement Social Security card']);
    const search = await api().get('/api/v1/services?q=RE').expect(200);
    expect(search.body.total).toBe(4); // case-insensitive: "renewal", "Replacement", "Retirement", "review"
    const percent = await api().get('/api/v1/services?q=%25').expect(200);
    expect(names(percent)).toEqual(['100% disability review']); // % is searched for, not a wildcard
    const underscore = await api().get('/api/v1/services?q=_').expect(200);
    expect(underscore.body.total).toBe(0);
    const newest = await api().get('/api/v1/services?sort=createdAt&order=desc&pageSize=1').expect(200);
    expect(names(newest)).toEqual(['100% disability review']);
    const second = await api().get('/api/v1/services?sort=createdAt&pageSize=3&page=2').expect(200);
    expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(names(second)).toEqual(['100% disability review']);
  });

  it('refuses bad list queries, naming the parameter', async () => {
    for (const [query, field] of [
      ['hisp=yes', 'hisp'],
      ['channel=fax', 'channel'],
      ['sort=slug', 'sort'],
      ['agencyId=nope', 'agencyId'],
      ['pageSize=101', 'pageSize'],
      ['unknown=1', 'unknown'],
    ] as const) {
      const response = await api().get(`/api/v1/services?${query}`).expect(400);
      expect(fieldsOf(response)).toEqual([field]);
    }
  });

  it('refuses a service of an unknown agency with 400 naming agencyId', async () => {
    const response = await create({ agencyId: UNKNOWN_ID, name: 'Ghost service', slug: 'ghost' }).expect(400);
    expect(response.body).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'agencyId', value: UNKNOWN_ID, reason: 'no agency with this id' }],
    });
  });

  it('refuses a duplicate slug with 409 naming slug', async () => {
    const response = await create({ agencyId: ssaId, name: 'Another renewal', slug: 'passport-renewal' }).expect(409);
    expect(response.body).toMatchObject({
      code: 'conflict',
      details: [{ field: 'slug', value: 'passport-renewal' }],
    });
  });

  it('refuses bad input naming each field, and unknown fields', async () => {
    const response = await create({
      agencyId: 'not-a-uuid',
      name: 'X',
      slug: 'Not A Slug',
      description: 'd'.repeat(2001),
      customers: 'c'.repeat(2001),
      channels: ['online', 'fax'],
      hisp: 'yes',
      publicUrl: 'ftp://example.gov/file',
      extra: 1,
    }).expect(400);
    expect(fieldsOf(response)).toEqual(
      ['agencyId', 'channels', 'customers', 'description', 'extra', 'hisp', 'name', 'publicUrl', 'slug'].sort(),
    );
    const repeated = await create({ agencyId: ssaId, name: 'Twice', slug: 'twice', channels: ['mail', 'mail'] }).expect(
      400,
    );
    expect(fieldsOf(repeated)).toEqual(['channels']);
    const longName = await create({ agencyId: ssaId, name: 'n'.repeat(201), slug: 'long' }).expect(400);
    expect(fieldsOf(longName)).toEqual(['name']);
    const missing = await create({}).expect(400);
    expect(new Set(fieldsOf(missing))).toEqual(new Set(['agencyId', 'name', 'slug']));
    const notAnUrl = await create({
      agencyId: ssaId,
      name: 'No URL',
      slug: 'no-url',
      publicUrl: 'travel.state.gov',
    }).expect(400);
    expect(fieldsOf(notAnUrl)).toEqual(['publicUrl']);
  });

  it('updates a service in part, and checks what changes', async () => {
    const service = (await api().get('/api/v1/services?q=Retirement')).body.items[0];
    const updated = await api()
      .patch(`/api/v1/services/${service.id}`)
      .send({ name: 'Retirement and survivors benefits', channels: ['online', 'phone'], customers: null })
      .expect(200);
    expect(updated.body).toMatchObject({
      id: service.id,
      name: 'Retirement and survivors benefits',
      slug: 'retirement-benefits',
      channels: ['online', 'phone'],
      customers: null,
      hisp: false,
    });
    expect((await api().get(`/api/v1/services/${service.id}`)).body).toEqual(updated.body);
    await api().patch(`/api/v1/services/${service.id}`).send({ slug: 'retirement-benefits' }).expect(200); // its own slug

    const taken = await api().patch(`/api/v1/services/${service.id}`).send({ slug: 'passport-renewal' }).expect(409);
    expect(taken.body.details).toMatchObject([{ field: 'slug', value: 'passport-renewal' }]);
    const nulls = await api().patch(`/api/v1/services/${service.id}`).send({ name: null, hisp: null }).expect(400);
    expect(fieldsOf(nulls)).toEqual(['hisp', 'name']);
    const bad = await api()
      .patch(`/api/v1/services/${service.id}`)
      .send({ channels: ['fax'], extra: true })
      .expect(400);
    expect(fieldsOf(bad)).toEqual(['channels', 'extra']);
    const nowhere = await api().patch(`/api/v1/services/${service.id}`).send({ agencyId: UNKNOWN_ID }).expect(400);
    expect(nowhere.body.details).toMatchObject([{ field: 'agencyId', reason: 'no agency with this id' }]);
    expect((await api().get(`/api/v1/services/${service.id}`)).body).toEqual(updated.body); // nothing refused was kept
  });

  it('moves a service to another agency only while it has no standards', async () => {
    const service = (await api().get('/api/v1/services?q=Retirement')).body.items[0];
    const moved = await api().patch(`/api/v1/services/${service.id}`).send({ agencyId: stateId }).expect(200);
    expect(moved.body.agencyId).toBe(stateId);
    const standardId = await addStandard(stateId, service.id, 'RET-TIME');
    const refused = await api().patch(`/api/v1/services/${service.id}`).send({ agencyId: ssaId }).expect(409);
    expect(refused.body.details).toMatchObject([{ field: 'agencyId', value: ssaId }]);
    await t.app.get(DataSource).query('DELETE FROM standards WHERE id = $1', [standardId]);
  });

  it('answers unknown ids with 404 and malformed ids with 400', async () => {
    for (const method of ['get', 'patch', 'delete'] as const) {
      const missing = await api()[method](`/api/v1/services/${UNKNOWN_ID}`).send({}).expect(404);
      expect(missing.body).toMatchObject({ code: 'not_found', details: [{ field: 'id', value: UNKNOWN_ID }] });
      const malformed = await api()[method]('/api/v1/services/not-a-uuid').send({}).expect(400);
      expect(malformed.body.status).toBe(400);
    }
  });

  it('refuses to delete a service that has standards or customer feedback collections (409, naming them), and deletes one without', async () => {
    const passport = (await api().get('/api/v1/services?q=Passport')).body.items[0];
    const standardId = await addStandard(stateId, passport.id, 'PPT-RENEW-TIME');
    const refused = await api().delete(`/api/v1/services/${passport.id}`).expect(409);
    expect(refused.body.code).toBe('conflict');
    expect(refused.body.message).toContain('1 standard');
    await api().get(`/api/v1/services/${passport.id}`).expect(200);

    await t.app.get(DataSource).query('DELETE FROM standards WHERE id = $1', [standardId]);
    // Customer feedback collections keep it too (ON DELETE RESTRICT): a 409 that says so, never a 500.
    await api().patch(`/api/v1/services/${passport.id}`).send({ hisp: true }).expect(200);
    const collection = await api()
      .post('/api/v1/cx-collections')
      .send({ serviceId: passport.id, fiscalYear: 2026, quarter: 4 })
      .expect(201);
    const kept = await api().delete(`/api/v1/services/${passport.id}`).expect(409);
    expect(kept.body.message).toBe(`${passport.name} still has 1 customer feedback collection(s); remove them first.`);
    expect(kept.body.details).toEqual([
      expect.objectContaining({ field: 'id', reason: 'has 1 customer feedback collection(s)' }),
    ]);
    await api().get(`/api/v1/services/${passport.id}`).expect(200);
    await t.app.get(DataSource).query('DELETE FROM cx_collections WHERE id = $1', [collection.body.id]);
    await api().delete(`/api/v1/services/${passport.id}`).expect(204);
    await api().get(`/api/v1/services/${passport.id}`).expect(404);
  });

  /** A bare standard row: enough for the services API to see that the service is in use. */
  async function addStandard(agencyId: string, serviceId: string, code: string): Promise<string> {
    const rows: { id: string }[] = await t.app
      .get(DataSource)
      .query('INSERT INTO standards (agency_id, service_id, code) VALUES ($1, $2, $3) RETURNING id', [
        agencyId,
        serviceId,
        code,
      ]);
    return rows[0]!.id;
  }
});
