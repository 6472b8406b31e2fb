import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PATH_METADATA, METHOD_METADATA, VERSION_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod, VERSION_NEUTRAL } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ROLE_PERMISSIONS, type Permission, type Role } from '@yardstick/contracts';
import { fiscalYearOf } from '@yardstick/metrics';
import request from 'supertest';
import { PERMISSION_KEY, PUBLIC_KEY, SIGNED_IN } from '../src/auth/permission.decorator.js';
import { ANSWER_STANDARD } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The permission matrix, generated from the application's own route table: every route, for anonymous,
 * each role, an officer of another agency and a machine client, gets 401, 403 or gets through
 * (never a 5xx: a server error on a call the caller may make fails the matrix).
 * A route with no declared permission, or no sample below, fails this test.
 */

type Route = { method: string; path: string; requirement: Permission | typeof SIGNED_IN | 'public' };

function routeTable(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const classVersion = Reflect.getMetadata(VERSION_METADATA, controller);
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const version = Reflect.getMetadata(VERSION_METADATA, handler) ?? classVersion;
        const prefix = version === VERSION_NEUTRAL ? '/api' : '/api/v1';
        const isPublic = Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller);
        const permission =
          Reflect.getMetadata(PERMISSION_KEY, handler) ?? Reflect.getMetadata(PERMISSION_KEY, controller);
        routes.push({
          method: RequestMethod[method],
          path: [prefix, base, path]
            .filter((p) => p && p !== '/')
            .join('/')
            .replace(/\/+/g, '/'),
          requirement: isPublic ? 'public' : permission,
        });
      }
    }
  }
  return routes;
}

type Caller = {
  name: string;
  token?: string;
  roles: { role: Role; agency: 'A' | 'B' | null }[];
  machine?: { agency: 'A'; permissions: Permission[] };
};

const standardBody = { ...ANSWER_STANDARD, title: 'Speed of service A', frequency: 'year' };

describe('permission matrix', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const callers: Caller[] = [
    { name: 'anonymous', roles: [] },
    { name: 'signed in, no role', roles: [] },
    { name: 'administrator', roles: [{ role: 'admin', agency: null }] },
    { name: 'performance officer of A', roles: [{ role: 'performance_officer', agency: 'A' }] },
    { name: 'approver of A', roles: [{ role: 'approver', agency: 'A' }] },
    { name: 'program manager (all agencies)', roles: [{ role: 'program_manager', agency: null }] },
    { name: 'performance officer of B', roles: [{ role: 'performance_officer', agency: 'B' }] },
    { name: 'approver of B', roles: [{ role: 'approver', agency: 'B' }] },
    {
      name: 'machine client of A',
      roles: [],
      machine: { agency: 'A', permissions: ['results:write', 'registry:read'] },
    },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const api = t.api();
    const post = async (path: string, body: object) => (await api.post(path).send(body).expect(201)).body.id as string;
    ids.A = await post('/api/v1/agencies', { name: 'Agency A', abbreviation: 'AAA', slug: 'a' });
    // Records sit in a bureau of A: a role for A covers its sub-agencies.
    ids.A1 = await post('/api/v1/agencies', { name: 'Bureau A1', abbreviation: 'AA1', slug: 'a1', parentId: ids.A });
    ids.B = await post('/api/v1/agencies', { name: 'Agency B', abbreviation: 'BBB', slug: 'b' });
    ids.service = await post('/api/v1/services', { agencyId: ids.A1, name: 'Service A', slug: 'service-a' });
    ids.goal = await post('/api/v1/goals', {
      agencyId: ids.A1,
      kind: 'strategic_goal',
      code: 'SG1',
      title: 'Serve well',
    });
    ids.benchmark = await post('/api/v1/benchmarks', {
      name: 'Courier',
      sourceOrganization: 'Industry',
      year: 2025,
      value: 95,
      unit: 'percent',
    });
    ids.standard = await post('/api/v1/standards', { ...standardBody, serviceId: ids.service, code: 'A-SPEED' });
    ids.target = (
      await api
        .put(`/api/v1/standards/${ids.standard}/targets`)
        .send({ fiscalYear: fiscalYearOf(new Date()), value: 90, unit: 'percent' })
        .expect(200)
    ).body.id;
    ids.result = await post('/api/v1/results', { standardId: ids.standard, period: 'FY2024', value: 91 });
    await api.post(`/api/v1/standards/${ids.standard}/benchmarks`).send({ benchmarkId: ids.benchmark }).expect(200);
    ids.plan = await post('/api/v1/plans', { agencyId: ids.A1, fiscalYear: 2030 });
    ids.employeeFeedback = await post('/api/v1/employee-feedback', {
      serviceId: ids.service,
      periodKey: 'FY2030',
      employeesSurveyed: 10,
      employeesResponding: 5,
      summary: 'Staff asked for fewer forms.',
    });
    ids.cxCollection = await post('/api/v1/cx-collections', { serviceId: ids.service, fiscalYear: 2026, quarter: 1 });

    for (const caller of callers) {
      if (caller.name === 'anonymous') continue;
      if (caller.machine) {
        caller.token = (
          await api
            .post('/api/v1/tokens')
            .send({ name: caller.name, kind: 'machine', agencyId: ids.A, permissions: caller.machine.permissions })
            .expect(201)
        ).body.token;
        continue;
      }
      const email = `${caller.name.replace(/\W+/g, '-')}@test.example`;
      const user = await api
        .post('/api/v1/users')
        .send({
          email,
          name: caller.name,
          roles: caller.roles.map((r) => ({ role: r.role, agencyId: r.agency && ids[r.agency] })),
        })
        .expect(201);
      ids[`user:${caller.name}`] = user.body.id;
      caller.token = await t.tokenFor(email);
    }
    ids.ownToken = (
      await t.as(callers[3]!.token!).post('/api/v1/tokens').send({ name: 'mine', kind: 'personal' })
    ).body.id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  /** A request for each route: its path ids, its body, and the agency whose record it touches. */
  const sample = (route: Route): { path: string; body?: object; agency: 'A' | null } | undefined => {
    const key = `${route.method} ${route.path}`;
    const fill = (path: string) =>
      path
        .replace(/^\/api\/v1\/agencies\/:id/, `/api/v1/agencies/${ids.A}`)
        .replace(/^\/api\/v1\/services\/:id/, `/api/v1/services/${ids.service}`)
        .replace(/^\/api\/v1\/goals\/:id/, `/api/v1/goals/${ids.goal}`)
        .replace(/^\/api\/v1\/benchmarks\/:id/, `/api/v1/benchmarks/${ids.benchmark}`)
        .replace(/^\/api\/v1\/standards\/:id/, `/api/v1/standards/${ids.standard}`)
        .replace(/^\/api\/v1\/results\/:id/, `/api/v1/results/${ids.result}`)
        .replace(/^\/api\/v1\/users\/:id/, `/api/v1/users/${ids['user:signed in, no role']}`)
        .replace(/^\/api\/v1\/tokens\/:id/, `/api/v1/tokens/${ids.ownToken}`)
        .replace(/^\/api\/v1\/reviews\/standards\/:id/, `/api/v1/reviews/standards/${ids.standard}`)
        .replace(/^\/api\/v1\/reviews\/results\/:id/, `/api/v1/reviews/results/${ids.result}`)
        .replace(/^\/api\/v1\/reviews\/plans\/:id/, `/api/v1/reviews/plans/${ids.plan}`)
        .replace(/^\/api\/v1\/plans\/:id/, `/api/v1/plans/${ids.plan}`)
        .replace(/^\/api\/v1\/employee-feedback\/:id/, `/api/v1/employee-feedback/${ids.employeeFeedback}`)
        .replace(':slug/plans/:fiscalYear', 'agency-a/plans/2030')
        .replace(/^\/api\/v1\/(reviews\/)?cx-collections\/:id/, `/api/v1/$1cx-collections/${ids.cxCollection}`)
        .replace(/^\/api\/v1\/portfolio\/standards\/:id/, `/api/v1/portfolio/standards/${ids.standard}`)
        .replace(/^\/api\/v1\/imports\/:id/, '/api/v1/imports/6f1c0d9e-1111-4222-8333-444455556666')
        // Public routes: any value will do, the matrix only checks that nobody is refused.
        .replace(/^\/api\/v1\/public\/(agencies|services)\/:slug/, '/api/v1/public/$1/agency-a')
        .replace('/standards/:code', '/standards/A-SPEED')
        .replace(/^\/api\/v1\/public\/embed\/agencies\/:slug/, '/api/v1/public/embed/agencies/agency-a')
        .replace(/^\/api\/v1\/public\/((?:embed\/)?standards)\/:id/, `/api/v1/public/$1/${ids.standard}`)
        .replace(':agencySlug/:fiscalYear', `agency-a/${fiscalYearOf(new Date())}`)
        .replace(':targetId', ids.target!)
        .replace(':standardId', ids.standard!)
        .replace(':benchmarkId', ids.benchmark!);
    const bodies: Record<string, object> = {
      'POST /api/v1/services': { agencyId: ids.A1, name: 'Another', slug: `s-${Math.random().toString(36).slice(2)}` },
      'POST /api/v1/goals': { agencyId: ids.A1, kind: 'strategic_goal', code: `G${Date.now()}`, title: 'Goal' },
      'POST /api/v1/standards': { ...standardBody, serviceId: ids.service, code: `S-${Date.now()}` },
      'POST /api/v1/results': { standardId: ids.standard, period: 'FY2023', value: 80 },
      'POST /api/v1/tokens': { name: 'matrix', kind: 'personal' },
      'PATCH /api/v1/services/:id': { description: 'Changed' },
      'PATCH /api/v1/results/:id': { source: 'Corrected source' },
      'PUT /api/v1/results/:id/explanation': { why: 'A backlog after the storm.', action: 'Overtime until June.' },
      'POST /api/v1/results/certify': { ids: [ids.result] },
      'PATCH /api/v1/goals/:id': { title: 'Changed' },
      'PATCH /api/v1/standards/:id': { title: 'Changed title' },
      'PUT /api/v1/standards/:id/targets': { fiscalYear: 2030, value: 90, unit: 'percent' },
      'POST /api/v1/standards/:id/benchmarks': { benchmarkId: ids.benchmark },
      // The sample standard declares no transaction measure: a caller let through gets 409, others 401/403.
      'POST /api/v1/standards/:id/compute': {},
      'POST /api/v1/services/:id/compute': {},
      'POST /api/v1/reviews/standards/:id/return': { comment: 'Name the channels.' },
      'POST /api/v1/reviews/results/:id/return': { comment: 'Explain the miss.' },
      'POST /api/v1/reviews/plans/:id/return': { comment: 'Name the milestones.' },
      'POST /api/v1/plans': { agencyId: ids.A1, fiscalYear: 2031 },
      'PATCH /api/v1/plans/:id': { summary: 'Changed summary' },
      'POST /api/v1/employee-feedback': {
        serviceId: ids.service,
        periodKey: 'FY2031',
        employeesSurveyed: 3,
        employeesResponding: 2,
      },
      'PATCH /api/v1/employee-feedback/:id': { summary: 'Changed summary' },
      'POST /api/v1/cx-collections': { serviceId: ids.service, fiscalYear: 2026, quarter: 2 },
      'PATCH /api/v1/cx-collections/:id': { surveyMethod: 'Email after each visit.' },
      'PUT /api/v1/cx-collections/:id/details': { channel: 'online', surveyType: 'thumbs', respondents: 10 },
      'POST /api/v1/reviews/cx-collections/:id/return': { comment: 'Give the OMB control number.' },
      'PUT /api/v1/cx-collections/standard-questions/:standardId': { question: null },
    };
    const queries: Record<string, string> = {
      'GET /api/v1/reviews/comments': `?entityType=standard&entityId=${ids.standard}`,
      // Scoped to the standard's agency, with no query.
      'GET /api/v1/cx-collections/standard-questions/:standardId': '',
    };
    const agencyScoped =
      /^\/api\/v1\/(services|goals|standards|results|portfolio\/standards|plans|employee-feedback|cx-collections)\/:id/.test(
        route.path,
      ) ||
      key in bodies ||
      key in queries;
    if (!fill(route.path).includes(':'))
      return { path: fill(route.path) + (queries[key] ?? ''), body: bodies[key], agency: agencyScoped ? 'A' : null };
    return undefined;
  };

  /** What the caller may do, from the roles' permissions (the rule under test, stated independently). */
  const allowed = (caller: Caller, route: Route, agency: 'A' | null): boolean => {
    if (route.requirement === 'public') return true;
    if (caller.name === 'anonymous') return false;
    if (route.requirement === SIGNED_IN) {
      // A machine client has no account of its own; a token can be revoked by its owner or an administrator.
      if (caller.machine) return route.path === '/api/v1/auth/logout';
      if (route.method === 'DELETE' && route.path === '/api/v1/tokens/:id') {
        return caller === callers[3] || caller.roles.some((r) => ROLE_PERMISSIONS[r.role].includes('tokens:manage'));
      }
      return true;
    }
    const permission = route.requirement;
    if (caller.machine) return caller.machine.permissions.includes(permission);
    return caller.roles.some(
      (r) =>
        ROLE_PERMISSIONS[r.role].includes(permission) && (r.agency === null || agency === null || r.agency === agency),
    );
  };

  it('declares a permission (or public) on every route, and has a sample request for each', () => {
    const routes = routeTable(t);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !r.requirement).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(routes.filter((r) => !sample(r)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('refuses every caller a route does not allow (401 anonymous, 403 otherwise), and lets the others through', async () => {
    const routes = routeTable(t);
    const send = (caller: Caller, route: Route) => {
      const { path, body } = sample(route)!;
      const agent = caller.token ? t.as(caller.token) : request.agent(t.server);
      const call = agent[route.method.toLowerCase() as 'get'](path);
      return body ? call.send(body) : call;
    };
    const failures: string[] = [];
    // Refusals first: the permitted calls that follow may change or delete the sample records.
    for (const phase of ['refused', 'allowed'] as const) {
      for (const route of routes) {
        for (const caller of callers) {
          const ok = allowed(caller, route, sample(route)!.agency);
          if ((phase === 'allowed') !== ok) continue;
          const response = await send(caller, route);
          const { status } = response;
          const expected = ok ? 'through' : caller.name === 'anonymous' ? '401' : '403';
          // Separation of duties (a caller who last changed a result may not certify it) is a rule past the permission.
          const ownResult = status === 403 && /another approver must certify it/.test(String(response.body?.message));
          const got = (status === 401 || status === 403) && !ownResult ? String(status) : 'through';
          // A server error is never "through": an allowed call that breaks the server is a failure too.
          if (got !== expected || status >= 500)
            failures.push(
              `${route.method} ${route.path} as ${caller.name}: ${status}, expected ${expected}` +
                (status >= 500 ? ` (${JSON.stringify(response.body?.message ?? response.text).slice(0, 200)})` : ''),
            );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers a malformed id or a body of the wrong shape with a 4xx, never a 5xx (as an administrator)', async () => {
    const admin = t.api();
    const failures: string[] = [];
    for (const route of routeTable(t)) {
      const { path, body } = sample(route)!;
      const tries: { path: string; body?: unknown }[] = [];
      if (route.path.includes('/:')) {
        const malformed = route.path
          .split('/')
          .map((segment) => (segment.startsWith(':') ? 'not-an-id' : segment))
          .join('/');
        tries.push({ path: malformed, body });
      }
      if (route.method !== 'GET' && route.method !== 'DELETE') {
        tries.push({ path, body: [] }, { path, body: { id: 'x', value: 'x', period: 7, ids: 'x', fiscalYear: 'x' } });
      }
      for (const attempt of tries) {
        const call = admin[route.method.toLowerCase() as 'get'](attempt.path);
        const response = await (attempt.body === undefined ? call : call.send(attempt.body as object));
        if (response.status >= 500)
          failures.push(
            `${route.method} ${attempt.path} ${JSON.stringify(attempt.body)}: ${response.status} ${String(response.body?.message ?? '').slice(0, 120)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
