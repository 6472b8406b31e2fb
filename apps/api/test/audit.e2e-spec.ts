import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '@yardstick/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Agency } from '../src/agencies/entities/agency.entity.js';
import { AuditService } from '../src/audit/audit.service.js';
import type { AuditEventBody } from '../src/audit/audit.types.js';
import { AuthContext } from '../src/auth/auth-context.js';
import { RoleAssignment } from '../src/users/entities/role-assignment.entity.js';
import { User } from '../src/users/entities/user.entity.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('audit trail', () => {
  let t: TestApp;
  let db: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    audit = t.app.get(AuditService);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A user with these roles, and a personal token to call as them. */
  async function tokenForNewUser(email: string, roles: { role: Role; agencyId: string | null }[]): Promise<string> {
    const user = await db.manager.save(db.manager.create(User, { email, name: email }));
    for (const role of roles) await db.manager.save(db.manager.create(RoleAssignment, { userId: user.id, ...role }));
    return t.tokenFor(email);
  }

  function createAgency(abbreviation: string, parentId: string | null = null): Promise<Agency> {
    return db.manager.save(
      db.manager.create(Agency, {
        name: `Agency ${abbreviation}`,
        abbreviation,
        slug: abbreviation.toLowerCase(),
        parentId,
      }),
    );
  }

  /** As the administrator of all agencies, or with another token. */
  const list = (query: string, token?: string) => (token ? t.as(token) : t.api()).get(`/api/v1/audit-events?${query}`);

  /** An event at a chosen time: INSERT is the one statement the table allows. */
  function insertAt(occurredAt: string, event: Record<string, string | null>): Promise<unknown> {
    const columns = Object.keys(event);
    return db.query(
      `INSERT INTO audit_events (occurred_at, actor_type, ${columns.join(', ')})
       VALUES ($1, 'user', ${columns.map((_, i) => `$${i + 2}`).join(', ')})`,
      [occurredAt, ...Object.values(event)],
    );
  }

  const actions = (body: { items: AuditEventBody[] }) => body.items.map((event) => event.action);

  it('records the actor, request, ip, before and after, without secrets and with Dates as ISO strings', async () => {
    const userId = randomUUID();
    const agencyId = randomUUID();
    const auth = new AuthContext({ type: 'user', id: userId, label: 'x' }, new Map(), 'req-audit-1', '198.51.100.4');
    await audit.record(auth, {
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      agencyId,
      before: { email: 'ann@example.gov', passwordHash: '$argon2id$v=19$...', active: true },
      after: {
        email: 'ann@example.gov',
        active: false,
        updatedAt: new Date('2026-03-01T12:30:00.000Z'),
        tokens: [{ id: 't1', prefix: 'ys_ab', tokenHash: 'f00d', secret: 's' }],
        session: { csrf_token: 'c', password: 'p', lastSeenAt: new Date('2026-03-01T12:00:00.000Z') },
      },
    });

    const response = await list(`entityId=${userId}`).expect(200);
    expect(response.body.total).toBe(1);
    const event: AuditEventBody = response.body.items[0];
    expect(event).toEqual({
      id: expect.stringMatching(/^\d+$/),
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      actorType: 'user',
      actorId: userId,
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      agencyId,
      before: { email: 'ann@example.gov', active: true },
      after: {
        email: 'ann@example.gov',
        active: false,
        updatedAt: '2026-03-01T12:30:00.000Z',
        tokens: [{ id: 't1', prefix: 'ys_ab' }],
        session: { lastSeenAt: '2026-03-01T12:00:00.000Z' },
      },
      requestId: 'req-audit-1',
      ip: '198.51.100.4',
      subject: null,
    });
    expect(Math.abs(Date.parse(event.occurredAt) - Date.now())).toBeLessThan(60_000);
    // Nothing secret reached the table, in any form.
    const [stored] = await db.query(`SELECT before::text || after::text AS json FROM audit_events WHERE id = $1`, [
      event.id,
    ]);
    expect(stored.json).not.toMatch(/argon2|f00d|hash|secret|password|csrf/i);
  });

  it('records Yardstick itself as a system actor, and no snapshot as null', async () => {
    const entityId = randomUUID();
    await audit.record(AuthContext.system(), { action: 'demo.seed', entityType: 'agency', entityId });
    const response = await list(`entityId=${entityId}`).expect(200);
    expect(response.body.items[0]).toMatchObject({
      actorType: 'system',
      actorId: null,
      before: null,
      after: null,
      requestId: null,
      ip: null,
    });
  });

  it('writes through the transaction it is given: the event commits or rolls back with the change', async () => {
    const rolledBack = randomUUID();
    const failure = db.transaction(async (manager) => {
      await audit.record(AuthContext.system(), { action: 'standard.update', entityId: rolledBack }, manager);
      // Inside the transaction the event is there; outside it is not yet: it went through this manager.
      expect(await manager.query(`SELECT 1 FROM audit_events WHERE entity_id = $1`, [rolledBack])).toHaveLength(1);
      expect(await db.query(`SELECT 1 FROM audit_events WHERE entity_id = $1`, [rolledBack])).toHaveLength(0);
      throw new Error('the change failed');
    });
    await expect(failure).rejects.toThrow('the change failed');
    expect(await db.query(`SELECT 1 FROM audit_events WHERE entity_id = $1`, [rolledBack])).toHaveLength(0);

    const committed = randomUUID();
    await db.transaction((manager) =>
      audit.record(AuthContext.system(), { action: 'standard.update', entityId: committed }, manager),
    );
    expect(await db.query(`SELECT 1 FROM audit_events WHERE entity_id = $1`, [committed])).toHaveLength(1);
  });

  it('filters by an exact action or by a prefix ending in *, where _ and . are not wildcards', async () => {
    const agencyId = randomUUID();
    const auth = new AuthContext({ type: 'user', id: randomUUID(), label: 'x' }, new Map());
    for (const action of [
      'standard.create',
      'standard.publish',
      'standards.import',
      'standardXcreate',
      'auth.login_failed',
      'auth.loginXfailed',
    ]) {
      await audit.record(auth, { action, agencyId });
    }
    const prefix = await list(`agencyId=${agencyId}&action=standard.*`).expect(200);
    expect(actions(prefix.body).sort()).toEqual(['standard.create', 'standard.publish']);
    const exact = await list(`agencyId=${agencyId}&action=standard.publish`).expect(200);
    expect(actions(exact.body)).toEqual(['standard.publish']);
    expect((await list(`agencyId=${agencyId}&action=standard`).expect(200)).body.total).toBe(0);
    const underscore = await list(`agencyId=${agencyId}&action=auth.login_*`).expect(200);
    expect(actions(underscore.body)).toEqual(['auth.login_failed']);
    const all = await list(`agencyId=${agencyId}`).expect(200);
    expect(all.body.total).toBe(6);
    expect((await list(`agencyId=${randomUUID()}`).expect(200)).body.total).toBe(0);
  });

  it('filters by actor, entity and time range (from included, to not), newest first, in pages', async () => {
    const agencyId = randomUUID();
    const ann = randomUUID();
    const bob = randomUUID();
    for (let hour = 0; hour < 5; hour++) {
      await insertAt(`2020-01-01T0${hour}:00:00Z`, {
        actor_id: hour % 2 === 0 ? ann : bob,
        action: `step.${hour}`,
        entity_type: hour < 3 ? 'standard' : 'result',
        entity_id: `e${hour}`,
        agency_id: agencyId,
      });
    }
    const newestFirst = await list(`agencyId=${agencyId}`).expect(200);
    expect(actions(newestFirst.body)).toEqual(['step.4', 'step.3', 'step.2', 'step.1', 'step.0']);

    const range = await list(`agencyId=${agencyId}&from=2020-01-01T01:00:00Z&to=2020-01-01T03:00:00Z`).expect(200);
    expect(actions(range.body)).toEqual(['step.2', 'step.1']);
    // The same instants written in another zone.
    const zoned = await list(
      `agencyId=${agencyId}&from=${encodeURIComponent('2020-01-01T02:00:00+01:00')}&to=${encodeURIComponent('2019-12-31T22:00:00-05:00')}`,
    ).expect(200);
    expect(actions(zoned.body)).toEqual(['step.2', 'step.1']);
    expect(actions((await list(`agencyId=${agencyId}&from=2020-01-01T03:30:00Z`).expect(200)).body)).toEqual([
      'step.4',
    ]);
    expect(actions((await list(`agencyId=${agencyId}&to=2020-01-01T00:00:00.001Z`).expect(200)).body)).toEqual([
      'step.0',
    ]);

    expect(actions((await list(`agencyId=${agencyId}&actorId=${bob}`).expect(200)).body)).toEqual(['step.3', 'step.1']);
    const resultsByAnn = await list(`agencyId=${agencyId}&actorId=${ann}&actorType=user&entityType=result`).expect(200);
    expect(actions(resultsByAnn.body)).toEqual(['step.4']);
    expect(actions((await list(`entityType=standard&entityId=e1&agencyId=${agencyId}`).expect(200)).body)).toEqual([
      'step.1',
    ]);
    expect((await list(`agencyId=${agencyId}&actorType=token`).expect(200)).body.total).toBe(0);

    const second = await list(`agencyId=${agencyId}&pageSize=2&page=2`).expect(200);
    expect(second.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(actions(second.body)).toEqual(['step.2', 'step.1']);
    const oldestFirst = await list(`agencyId=${agencyId}&order=asc&sort=occurredAt&pageSize=2`).expect(200);
    expect(actions(oldestFirst.body)).toEqual(['step.0', 'step.1']);
  });

  it('refuses bad filters with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['action=%25', 'action'],
      ['action=standard.*.create', 'action'],
      ['action=*', 'action'],
      ['from=yesterday', 'from'],
      ['from=2026-03-01T00:00:00', 'from'], // no time zone: which midnight?
      ['to=2026-02-30T00:00:00Z', 'to'],
      ['from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'to'],
      ['agencyId=not-a-uuid', 'agencyId'],
      ['actorType=robot', 'actorType'],
      ['sort=action', 'sort'],
      ['order=sideways', 'order'],
      ['pageSize=1000', 'pageSize'],
      ['page=0', 'page'],
      ['colour=blue', 'colour'],
    ];
    for (const [query, field] of cases) {
      const response = await list(query);
      expect({ query, status: response.status, code: response.body.code }).toEqual({
        query,
        status: 400,
        code: 'validation_failed',
      });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('is only for those who may read the audit trail, and only for their agencies', async () => {
    await request(t.server).get('/api/v1/audit-events').expect(401);

    const reader = await tokenForNewUser('reader@audit.test', [{ role: 'program_manager', agencyId: null }]);
    const forbidden = await list('', reader).expect(403);
    expect(forbidden.body.code).toBe('forbidden');

    const department = await createAgency('AUDA');
    const bureau = await createAgency('AUDB', department.id);
    const other = await createAgency('AUDC');
    const agencyAdmin = await tokenForNewUser('agency-admin@audit.test', [{ role: 'admin', agencyId: department.id }]);
    for (const agencyId of [department.id, bureau.id, other.id, null]) {
      await audit.record(AuthContext.system(), { action: 'scope.check', agencyId });
    }
    const own = await list('action=scope.check', agencyAdmin).expect(200);
    expect(own.body.items.map((e: AuditEventBody) => e.agencyId).sort()).toEqual([department.id, bureau.id].sort());
    await list(`agencyId=${bureau.id}`, agencyAdmin).expect(200);
    await list(`agencyId=${other.id}`, agencyAdmin).expect(403);
    expect((await list('action=scope.check').expect(200)).body.total).toBe(4); // an administrator of all sees all
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE all fail', async () => {
    const entityId = randomUUID();
    await audit.record(AuthContext.system(), { action: 'standard.publish', entityId, after: { status: 'published' } });
    const statements = [
      [`UPDATE audit_events SET action = 'standard.retire' WHERE entity_id = $1`, [entityId]],
      [`UPDATE audit_events SET after = NULL`, []],
      [`DELETE FROM audit_events WHERE entity_id = $1`, [entityId]],
      [`DELETE FROM audit_events`, []],
      [`TRUNCATE audit_events`, []],
      [`TRUNCATE audit_events CASCADE`, []],
    ] as const;
    for (const [sql, parameters] of statements) {
      await expect(db.query(sql, [...parameters])).rejects.toThrow(/audit_events is append-only/);
    }
    const rows = await db.query(`SELECT action, after FROM audit_events WHERE entity_id = $1`, [entityId]);
    expect(rows).toEqual([{ action: 'standard.publish', after: { status: 'published' } }]);
  });

  it('counts failed sign-ins by address tried or by ip, within the window', async () => {
    const from = (ip: string) => AuthContext.anonymous('req', ip);
    const failed = (subject: string, ip: string) =>
      audit.record(from(ip), { action: 'auth.login_failed', entityType: 'user', subject });
    await failed('Carol@Example.gov ', '203.0.113.10');
    await failed('carol@example.gov', '203.0.113.11');
    await failed('dave@example.gov', '203.0.113.10');
    // A success, and failures long ago, do not count.
    await audit.record(from('203.0.113.10'), { action: 'auth.login', subject: 'carol@example.gov' });
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await insertAt(hourAgo, { action: 'auth.login_failed', subject: 'carol@example.gov', ip: '203.0.113.10' });

    const since = new Date(Date.now() - 15 * 60_000);
    expect(await audit.countRecentFailures({ subject: 'CAROL@example.gov', since })).toBe(2);
    expect(await audit.countRecentFailures({ ip: '203.0.113.10', since })).toBe(2);
    expect(await audit.countRecentFailures({ ip: '203.0.113.11', since })).toBe(1);
    expect(await audit.countRecentFailures({ subject: 'carol@example.gov', ip: '203.0.113.10', since })).toBe(3);
    expect(await audit.countRecentFailures({ subject: 'carol@example.gov', since: new Date(hourAgo) })).toBe(3);
    expect(await audit.countRecentFailures({ subject: 'erin@example.gov', since })).toBe(0);
    expect(
      await audit.countRecentFailures({ subject: 'carol@example.gov', since: new Date(Date.now() + 60_000) }),
    ).toBe(0);
  });
});
