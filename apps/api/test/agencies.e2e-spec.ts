import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('/api/v1/agencies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: object) => t.api().post('/api/v1/agencies').send(body);

  it('creates a department and a bureau under it, and reads them back', async () => {
    const dept = await create({ name: 'Department of State', abbreviation: 'DOS', slug: 'state' }).expect(201);
    expect(dept.body).toMatchObject({
      name: 'Department of State',
      abbreviation: 'DOS',
      slug: 'state',
      parentId: null,
    });
    const bureau = await create({
      name: 'Bureau of Consular Affairs',
      abbreviation: 'CA',
      slug: 'consular-affairs',
      parentId: dept.body.id,
      websiteUrl: 'https://travel.state.gov',
    }).expect(201);
    const read = await t.api().get(`/api/v1/agencies/${bureau.body.id}`).expect(200);
    expect(read.body).toEqual(bureau.body);
    const bureaus = await t.api().get(`/api/v1/agencies?parentId=${dept.body.id}`).expect(200);
    expect(bureaus.body).toMatchObject({ total: 1, page: 1, pageSize: 25, items: [{ slug: 'consular-affairs' }] });
  });

  it('lists with search, sort and pages', async () => {
    for (const [name, abbreviation] of [
      ['Social Security Administration', 'SSA'],
      ['Internal Revenue Service', 'IRS'],
      ['Transportation Security Administration', 'TSA'],
    ]) {
      await create({ name, abbreviation, slug: abbreviation!.toLowerCase() }).expect(201);
    }
    const found = await t.api().get('/api/v1/agencies?q=administration&sort=abbreviation&order=desc');
    expect(found.body.items.map((a: { abbreviation: string }) => a.abbreviation)).toEqual(['TSA', 'SSA']);
    const second = await t.api().get('/api/v1/agencies?pageSize=2&page=2&sort=name').expect(200);
    expect(second.body.total).toBe(5);
    expect(second.body.items).toHaveLength(2);
    const percent = await t.api().get('/api/v1/agencies?q=%25').expect(200);
    expect(percent.body.total).toBe(0); // % is searched for, not a wildcard
  });

  it('refuses duplicate slugs and abbreviations with 409 naming the field', async () => {
    const response = await create({ name: 'Another', abbreviation: 'OTHER', slug: 'ssa' }).expect(409);
    expect(response.body).toMatchObject({ code: 'conflict', details: [{ field: 'slug', value: 'ssa' }] });
    await create({ name: 'Another', abbreviation: 'SSA', slug: 'other' }).expect(409);
  });

  it('refuses bad input naming each field, and unknown fields', async () => {
    const response = await create({ name: 'X', abbreviation: 'lower', slug: 'Not A Slug', extra: 1 }).expect(400);
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
      ['abbreviation', 'extra', 'name', 'slug'].sort(),
    );
  });

  it('answers unknown ids with 404 and malformed ids with 400', async () => {
    await t.api().get('/api/v1/agencies/6f1c0d9e-1111-4222-8333-444455556666').expect(404);
    const bad = await t.api().get('/api/v1/agencies/not-a-uuid').expect(400);
    expect(bad.body.status).toBe(400);
  });

  it('will not make an agency its own ancestor, nor point at a missing parent', async () => {
    const dos = (await t.api().get('/api/v1/agencies?q=State')).body.items[0];
    const ca = (await t.api().get(`/api/v1/agencies?parentId=${dos.id}`)).body.items[0];
    const loop = await t.api().patch(`/api/v1/agencies/${dos.id}`).send({ parentId: ca.id }).expect(400);
    expect(loop.body.details[0]).toMatchObject({ field: 'parentId', reason: 'would make the agency its own parent' });
    await t
      .api()
      .patch(`/api/v1/agencies/${dos.id}`)
      .send({ parentId: '6f1c0d9e-1111-4222-8333-444455556666' })
      .expect(400);
  });

  it('refuses to delete an agency that still has bureaus (409), and deletes an empty one', async () => {
    const dos = (await t.api().get('/api/v1/agencies?q=State')).body.items[0];
    await t.api().delete(`/api/v1/agencies/${dos.id}`).expect(409);
    const tsa = (await t.api().get('/api/v1/agencies?q=TSA')).body.items[0];
    await t.api().delete(`/api/v1/agencies/${tsa.id}`).expect(204);
    await t.api().get(`/api/v1/agencies/${tsa.id}`).expect(404);
  });
});
