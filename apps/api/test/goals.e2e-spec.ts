import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { fieldsOf, seedAgency, UNKNOWN_ID } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('/api/v1/goals', () => {
  let t: TestApp;
  let stateId: string;
  let ssaId: string;
  const goals: Record<string, string> = {};
  const api = () => t.api();
  const create = (body: object) => api().post('/api/v1/goals').send(body);
  const codes = (response: { body: { items: { code: string }[] } }) => response.body.items.map((g) => g.code);

  beforeAll(async () => {
    t = await createTestApp();
    stateId = await seedAgency(t, { name: 'Department of State', abbreviation: 'DOS', slug: 'state' });
    ssaId = await seedAgency(t, { name: 'Social Security Administration', abbreviation: 'SSA', slug: 'ssa' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a strategic goal, an objective under it and a priority goal, and reads them back', async () => {
    const goal = await create({
      agencyId: stateId,
      kind: 'strategic_goal',
      code: 'SG1',
      title: 'Protect Americans abroad',
      description: 'Serve and protect US citizens overseas.',
    }).expect(201);
    expect(goal.body).toEqual({
      id: expect.any(String),
      agencyId: stateId,
      kind: 'strategic_goal',
      code: 'SG1',
      title: 'Protect Americans abroad',
      description: 'Serve and protect US citizens overseas.',
      parentId: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    goals.SG1 = goal.body.id;
    const objective = await create({
      agencyId: stateId,
      kind: 'strategic_objective',
      code: 'SO1.1',
      title: 'Timely passport services',
      parentId: goals.SG1,
    }).expect(201);
    expect(objective.body).toMatchObject({ kind: 'strategic_objective', parentId: goals.SG1, description: null });
    goals['SO1.1'] = objective.body.id;
    const apg = await create({
      agencyId: stateId,
      kind: 'agency_priority_goal',
      code: 'APG-2024-1',
      title: 'Cut passport wait times',
      parentId: goals.SG1,
    }).expect(201);
    goals['APG-2024-1'] = apg.body.id;
    goals.SSA1 = (
      await create({ agencyId: ssaId, kind: 'strategic_goal', code: 'SG1', title: 'Optimize the experience' }).expect(
        201,
      )
    ).body.id; // the same code in another agency
    expect((await api().get(`/api/v1/goals/${objective.body.id}`).expect(200)).body).toEqual(objective.body);
  });

  it('lists with agency and kind filters, sort and pages', async () => {
    const ofState = await api().get(`/api/v1/goals?agencyId=${stateId}`).expect(200);
    expect(ofState.body).toMatchObject({ total: 3, page: 1, pageSize: 25 });
    expect(codes(ofState)).toEqual(['APG-2024-1', 'SG1', 'SO1.1']);
    const strategic = await api().get('/api/v1/goals?kind=strategic_goal').expect(200);
    expect(strategic.body.items.map((g: { agencyId: string }) => g.agencyId).sort()).toEqual([stateId, ssaId].sort());
    const objectives = await api().get(`/api/v1/goals?agencyId=${ssaId}&kind=strategic_objective`).expect(200);
    expect(objectives.body.total).toBe(0);
    const byTitle = await api().get(`/api/v1/goals?agencyId=${stateId}&sort=title&order=desc`).expect(200);
    expect(byTitle.body.items.map((g: { title: string }) => g.title)).toEqual([
      'Timely passport services',
      'Protect Americans abroad',
      'Cut passport wait times',
    ]);
    const second = await api().get(`/api/v1/goals?agencyId=${stateId}&pageSize=2&page=2&order=desc`).expect(200);
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(codes(second)).toEqual(['APG-2024-1']);
    for (const [query, field] of [
      ['kind=mission', 'kind'],
      ['sort=createdAt', 'sort'],
      ['agencyId=nope', 'agencyId'],
      ['q=x', 'q'],
    ] as const) {
      expect(fieldsOf(await api().get(`/api/v1/goals?${query}`).expect(400))).toEqual([field]);
    }
  });

  it('refuses a goal of an unknown agency with 400 naming agencyId', async () => {
    const response = await create({
      agencyId: UNKNOWN_ID,
      kind: 'strategic_goal',
      code: 'SG9',
      title: 'Nobody',
    }).expect(400);
    expect(response.body.details).toMatchObject([{ field: 'agencyId', value: UNKNOWN_ID }]);
  });

  it('refuses a code already used in the agency with 409 naming code', async () => {
    const response = await create({
      agencyId: stateId,
      kind: 'agency_priority_goal',
      code: 'SG1',
      title: 'Again',
    }).expect(409);
    expect(response.body).toMatchObject({ code: 'conflict', details: [{ field: 'code', value: 'SG1' }] });
  });

  it('refuses a parent that is missing, of another agency, or the wrong kind, naming parentId', async () => {
    const base = { agencyId: stateId, kind: 'strategic_objective', title: 'Some objective' };
    const cases: [object, string][] = [
      [{ ...base, code: 'X1', parentId: UNKNOWN_ID }, 'no goal with this id'],
      [{ ...base, code: 'X2', parentId: goals.SSA1 }, 'is a goal of another agency'],
      [
        { ...base, code: 'X3', parentId: goals['APG-2024-1'] },
        'the parent of a strategic objective must be a strategic goal',
      ],
      [
        { ...base, code: 'X4', parentId: goals['SO1.1'] },
        'the parent of a strategic objective must be a strategic goal',
      ],
    ];
    for (const [body, reason] of cases) {
      const response = await create(body).expect(400);
      expect(response.body.details).toEqual([
        { field: 'parentId', value: (body as { parentId: string }).parentId, reason },
      ]);
    }
    expect((await api().get(`/api/v1/goals?agencyId=${stateId}`)).body.total).toBe(3);
  });

  it('refuses bad input naming each field, and unknown fields', async () => {
    const response = await create({
      agencyId: 'nope',
      kind: 'mission',
      code: 'has spaces',
      title: 'X',
      description: 'd'.repeat(2001),
      parentId: 'nope',
      extra: 1,
    }).expect(400);
    expect(fieldsOf(response)).toEqual(['agencyId', 'code', 'description', 'extra', 'kind', 'parentId', 'title']);
    const missing = await create({}).expect(400);
    expect(new Set(fieldsOf(missing))).toEqual(new Set(['agencyId', 'kind', 'code', 'title']));
  });

  it('updates a goal in part, and checks the change against its parent and children', async () => {
    const updated = await api()
      .patch(`/api/v1/goals/${goals['APG-2024-1']}`)
      .send({ title: 'Passports within 6 weeks', code: 'APG-2024-2', parentId: null })
      .expect(200);
    expect(updated.body).toMatchObject({ code: 'APG-2024-2', title: 'Passports within 6 weeks', parentId: null });
    expect((await api().get(`/api/v1/goals/${goals['APG-2024-1']}`)).body).toEqual(updated.body);

    const taken = await api().patch(`/api/v1/goals/${goals['APG-2024-1']}`).send({ code: 'SG1' }).expect(409);
    expect(taken.body.details).toMatchObject([{ field: 'code', value: 'SG1' }]);
    await api().patch(`/api/v1/goals/${goals.SG1}`).send({ code: 'SG1' }).expect(200); // its own code

    // An objective cannot move under a priority goal, nor become one where its parent would not fit.
    const wrongParent = await api()
      .patch(`/api/v1/goals/${goals['SO1.1']}`)
      .send({ parentId: goals['APG-2024-1'] })
      .expect(400);
    expect(wrongParent.body.details).toMatchObject([{ field: 'parentId' }]);
    const underApg = await api()
      .patch(`/api/v1/goals/${goals['APG-2024-1']}`)
      .send({ kind: 'strategic_objective', parentId: goals['SO1.1'] })
      .expect(400);
    expect(underApg.body.details).toMatchObject([{ field: 'parentId' }]);
    // A strategic goal with objectives under it stays a strategic goal.
    const demoted = await api().patch(`/api/v1/goals/${goals.SG1}`).send({ kind: 'agency_priority_goal' }).expect(400);
    expect(demoted.body.details).toMatchObject([{ field: 'kind', value: 'agency_priority_goal' }]);
    // No loops.
    const loop = await api().patch(`/api/v1/goals/${goals.SG1}`).send({ parentId: goals['SO1.1'] }).expect(400);
    expect(loop.body.details).toEqual([
      { field: 'parentId', value: goals['SO1.1'], reason: 'would make the goal its own parent' },
    ]);
    const self = await api().patch(`/api/v1/goals/${goals.SG1}`).send({ parentId: goals.SG1 }).expect(400);
    expect(self.body.details).toMatchObject([{ field: 'parentId', reason: 'would make the goal its own parent' }]);
    const otherAgency = await api().patch(`/api/v1/goals/${goals.SG1}`).send({ parentId: goals.SSA1 }).expect(400);
    expect(otherAgency.body.details).toMatchObject([{ field: 'parentId', reason: 'is a goal of another agency' }]);

    const nulls = await api().patch(`/api/v1/goals/${goals.SG1}`).send({ code: null, title: null }).expect(400);
    expect(fieldsOf(nulls)).toEqual(['code', 'title']);
    const moved = await api().patch(`/api/v1/goals/${goals.SG1}`).send({ agencyId: ssaId, extra: 1 }).expect(400);
    expect(fieldsOf(moved)).toEqual(['agencyId', 'extra']); // a goal stays with its agency
    expect((await api().get(`/api/v1/goals/${goals.SG1}`)).body).toMatchObject({
      agencyId: stateId,
      kind: 'strategic_goal',
      code: 'SG1',
      parentId: null,
    });
  });

  it('answers unknown ids with 404 and malformed ids with 400', async () => {
    for (const method of ['get', 'patch', 'delete'] as const) {
      const missing = await api()[method](`/api/v1/goals/${UNKNOWN_ID}`).send({}).expect(404);
      expect(missing.body).toMatchObject({ code: 'not_found', details: [{ field: 'id', value: UNKNOWN_ID }] });
      const malformed = await api()[method]('/api/v1/goals/SG1').send({}).expect(400);
      expect(malformed.body.status).toBe(400);
    }
  });

  it('refuses to delete a goal with goals under it or linked from a standard (409), and deletes a free one', async () => {
    const parent = await api().delete(`/api/v1/goals/${goals.SG1}`).expect(409);
    expect(parent.body.message).toContain('1 goal(s) under it');

    const serviceId = (
      await api()
        .post('/api/v1/services')
        .send({ agencyId: stateId, name: 'Passport renewal', slug: 'passport-renewal' })
        .expect(201)
    ).body.id;
    const db = t.app.get(DataSource);
    const [standard]: { id: string }[] = await db.query(
      `INSERT INTO standards (agency_id, service_id, code) VALUES ($1, $2, 'PPT-RENEW-TIME') RETURNING id`,
      [stateId, serviceId],
    );
    await db.query(
      `INSERT INTO standard_versions (standard_id, version, title, statement, dimension, measure_description, unit,
         computation, direction, frequency, goal_id)
       VALUES ($1, 1, 'Renewal time', 'We renew 90% of passports within 6 weeks.', 'speed', 'Share within 42 days.',
         'percent', 'share_meeting_threshold', 'higher_is_better', 'quarter', $2)`,
      [standard!.id, goals['SO1.1']],
    );
    const linked = await api().delete(`/api/v1/goals/${goals['SO1.1']}`).expect(409);
    expect(linked.body.message).toContain('1 standard version(s)');
    await api().get(`/api/v1/goals/${goals['SO1.1']}`).expect(200);

    await db.query('DELETE FROM standards WHERE id = $1', [standard!.id]); // its versions go with it
    await api().delete(`/api/v1/goals/${goals['SO1.1']}`).expect(204);
    await api().get(`/api/v1/goals/${goals['SO1.1']}`).expect(404);
    await api().delete(`/api/v1/goals/${goals.SG1}`).expect(204); // nothing under it any more
  });
});
