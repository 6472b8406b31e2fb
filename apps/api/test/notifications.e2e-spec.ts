import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { JobsRunner } from '../src/notifications/jobs.runner.js';
import { RemindersService } from '../src/notifications/reminders.service.js';
import { startSmtpSink } from './support/smtp-sink.js';
import {
  RENEWAL_STANDARD,
  recordResult,
  seedAgency,
  seedService,
  seedAgencyServiceStandard,
  seedStandard,
  seedUsers,
  setTargets,
} from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// FY2026 Q4 (July-September 2026) is due on 30 October 2026; FY2027 Q1 on 30 January 2027.
describe('daily reminders and digests, mail over SMTP, two API processes on one database', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let one: TestApp;
  let two: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const sql = <T>(text: string, params?: unknown[]) => one.app.get(DataSource).query<T>(text, params);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const env = {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Yardstick <yardstick@agency.example>',
      APP_URL: 'https://ys.example',
    };
    // 23 October 2026: FY2026 Q4's result is due in 7 days.
    one = await createTestApp(env, { now: '2026-10-23T12:00:00Z' });
    two = await createTestApp(env, { now: '2026-10-23T12:00:00Z', database: one.database });
    ids.A = await seedAgency(one, { name: 'Agency A', abbreviation: 'AAA', slug: 'a' });
    ids.B = await seedAgency(one, { name: 'Agency B', abbreviation: 'BBB', slug: 'b' });
    ids.service = await seedService(one, { agencyId: ids.A, name: 'Renewals', slug: 'renewals' });
    ids.standard = await seedStandard(one, { ...RENEWAL_STANDARD, serviceId: ids.service, code: 'RENEW' });
    await setTargets(one, ids.standard, [2026, 2027]);
    for (const period of ['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3']) {
      await recordResult(one, { standardId: ids.standard, period, value: 93 });
    }
    const users = await seedUsers(
      one,
      ids,
      [
        ['officer', 'performance_officer', 'A'],
        ['officerB', 'performance_officer', 'B'],
        ['approver', 'approver', 'A'],
        ['nomail', 'performance_officer', 'A'],
        ['manager', 'program_manager', null],
      ],
      'agency.example',
    );
    for (const [name, user] of Object.entries(users)) {
      ids[name] = user.id;
      tokens[name] = user.token;
    }
    // An account that signs in only through single sign-on and has no address on file.
    await sql(`UPDATE users SET email = '' WHERE id = $1`, [ids.nomail]);
  }, 60_000);

  afterAll(async () => {
    await two?.close();
    await one?.close();
    await one?.database.drop();
    await smtp?.close();
  });

  const outbox = async () =>
    (await one.api().get('/api/v1/notifications/outbox?limit=500').expect(200)).body as {
      id: string;
      kind: string;
      day: string;
      userId: string;
      status: string;
      attempts: number;
      lastError: string | null;
      recipient: string | null;
    }[];

  it('two processes running the same day write each message once, and enqueue each once', async () => {
    const [a, b] = await Promise.all([
      one.app.get(RemindersService).run('2026-10-23'),
      two.app.get(RemindersService).run('2026-10-23'),
    ]);
    // officer and the no-mail officer (due in 7 days), the approver (3 results wait for review).
    expect(a.created + b.created).toBe(3);
    const messages = await outbox();
    expect(
      messages
        .map(
          (m) =>
            `${m.kind} ${m.userId === ids.officer ? 'officer' : m.userId === ids.approver ? 'approver' : m.userId === ids.nomail ? 'nomail' : m.userId}`,
        )
        .sort(),
    ).toEqual(['approver_digest approver', 'officer_reminder nomail', 'officer_reminder officer']);
    // The user without an address is skipped, reported, and shown in the outbox; nothing is queued for them.
    expect([...a.skipped, ...b.skipped].map((s) => s.userId)).toContain(ids.nomail);
    expect(messages.find((m) => m.userId === ids.nomail)).toMatchObject({ status: 'skipped', recipient: null });
    const jobs = await sql<{ n: string }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'mail-send'`);
    expect(Number(jobs[0]!.n)).toBe(2);
    // Again, in either process: nothing new.
    expect((await two.app.get(RemindersService).run('2026-10-23')).created).toBe(0);
  });

  it('sends over SMTP; a refused message is retried after its backoff, never lost or sent twice', async () => {
    smtp.refuseNext(1);
    const first = await one.app.get(JobsRunner).drainMail();
    expect(first).toEqual({ delivered: 1, failed: 1 });
    const waiting = (await outbox()).filter((m) => m.status === 'pending');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/try again later/) });
    // pg-boss holds the job until its backoff has passed: nothing is ready yet.
    expect(await two.app.get(JobsRunner).drainMail()).toEqual({ delivered: 0, failed: 0 });
    await sql(`UPDATE pgboss.job SET start_after = now() WHERE name = 'mail-send' AND state = 'retry'`);
    expect(await two.app.get(JobsRunner).drainMail()).toEqual({ delivered: 1, failed: 0 });
    expect(await one.app.get(JobsRunner).drainMail()).toEqual({ delivered: 0, failed: 0 });

    expect(smtp.received.map((m) => m.to).sort()).toEqual([['approver@agency.example'], ['officer@agency.example']]);
    const messages = await outbox();
    expect(messages.filter((m) => m.status === 'sent')).toHaveLength(2);
    // Every message sent is in the audit trail; so is the refused attempt.
    const audit = await sql<{ action: string; entity_id: string }[]>(
      `SELECT action, entity_id FROM audit_events WHERE action LIKE 'notification.%' ORDER BY id`,
    );
    expect(audit.filter((e) => e.action === 'notification.sent')).toHaveLength(2);
    expect(audit.filter((e) => e.action === 'notification.send_failed')).toHaveLength(1);
  });

  it('writes plain text and accessible HTML, each with a link to the exact staff page', () => {
    const reminder = smtp.received.find((m) => m.to[0] === 'officer@agency.example')!;
    expect(reminder.raw).toMatch(/^From: Yardstick <yardstick@agency\.example>/m);
    expect(reminder.subject).toBe('Yardstick: 1 result due soon');
    expect(reminder.raw).toMatch(/Content-Type: text\/plain/);
    expect(reminder.raw).toMatch(/Content-Type: text\/html/);
    expect(reminder.text).toContain('Due in the next 7 days:');
    expect(reminder.text).toContain('RENEW: Renewal time, FY2026 Q4, due 30 October 2026');
    expect(reminder.text).toContain(`https://ys.example/staff/standards/${ids.standard}`);
    expect(reminder.text).toContain('<html lang="en">');
    expect(reminder.text).toContain(`<a href="https://ys.example/staff/standards/${ids.standard}"`);
    expect(reminder.text).toContain('https://ys.example/staff/settings');
    const digest = smtp.received.find((m) => m.to[0] === 'approver@agency.example')!;
    expect(digest.subject).toBe('Yardstick: 3 waiting for your review, 0 overdue');
    expect(digest.text).toContain('https://ys.example/staff/reviews');
  });

  it('reminds on the due date, then weekly while overdue, and not in between', async () => {
    const officerDays: string[] = [];
    for (const day of ['2026-10-24', '2026-10-30', '2026-10-31', '2026-11-05', '2026-11-06', '2026-11-13']) {
      await one.app.get(RemindersService).run(day);
    }
    for (const m of await outbox())
      if (m.userId === ids.officer && m.kind === 'officer_reminder') officerDays.push(m.day);
    expect(officerDays.sort()).toEqual(['2026-10-23', '2026-10-30', '2026-11-06', '2026-11-13']);
    // Agency B's officer has nothing due, so gets nothing.
    expect((await outbox()).some((m) => m.userId === ids.officerB)).toBe(false);
  });

  it('follows each user’s settings (400 naming the field for an unknown value) and the administrator’s switch', async () => {
    const bad = await one
      .as(tokens.officer!)
      .put('/api/v1/notifications/settings')
      .send({ officer_reminder: 'hourly' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'officer_reminder', value: 'hourly' })]);
    const unknown = await one.as(tokens.officer!).put('/api/v1/notifications/settings').send({ sms: 'immediate' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('sms');
    const settings = await one
      .as(tokens.officer!)
      .put('/api/v1/notifications/settings')
      .send({ officer_reminder: 'none' })
      .expect(200);
    expect(settings.body.settings).toContainEqual(
      expect.objectContaining({ kind: 'officer_reminder', delivery: 'none', applies: true, enabledForEveryone: true }),
    );
    await one
      .as(tokens.manager!)
      .put('/api/v1/notifications/settings')
      .send({ manager_summary: 'weekly_digest' })
      .expect(200);
    await one.api().put('/api/v1/notifications/kinds').send({ approver_digest: false }).expect(200);
    // The results service stamps real time; put the three results in the week the summary covers.
    await sql(`UPDATE results SET recorded_at = '2026-11-10T10:00:00Z'`);
    // Monday 16 November: weekly messages go out; the officer chose none, the digest is off for everyone.
    await one.app.get(RemindersService).run('2026-11-16');
    const monday = (await outbox()).filter((m) => m.day === '2026-11-16');
    expect(monday.map((m) => m.kind).sort()).toEqual(['manager_summary']);
    expect(monday[0]!.userId).toBe(ids.manager);
    expect((await one.api().get('/api/v1/notifications/kinds').expect(200)).body).toContainEqual(
      expect.objectContaining({ kind: 'approver_digest', enabled: false }),
    );
  });

  it('tells each user in the workspace what to do next, with the page that resolves it', async () => {
    one.clock.set('2026-10-23T12:00:00Z');
    const officer = (await one.as(tokens.officer!).get('/api/v1/workspace').expect(200)).body;
    expect(officer.today).toBe('2026-10-23');
    expect(officer.counts).toEqual({ overdue: 0, dueSoon: 1, returned: 0, awaitingReview: 0 });
    expect(officer.dueSoon[0]).toMatchObject({
      kind: 'result',
      title: 'RENEW: Renewal time',
      periodLabel: 'FY2026 Q4',
      dueDate: '2026-10-30',
      staffUrl: `/staff/standards/${ids.standard}`,
    });
    const approver = (await one.as(tokens.approver!).get('/api/v1/workspace').expect(200)).body;
    expect(approver.counts.awaitingReview).toBe(3);
    expect(approver.awaitingReview[0].staffUrl).toBe('/staff/reviews');
    // Returned with a comment: back in the officer's list, out of the approver's.
    const returned = approver.awaitingReview[0];
    await one
      .as(tokens.approver!)
      .post(`/api/v1/reviews/results/${returned.id}/return`)
      .send({ comment: 'Explain the dip in May.' })
      .expect(200);
    const after = (await one.as(tokens.officer!).get('/api/v1/workspace').expect(200)).body;
    expect(after.returned).toEqual([expect.objectContaining({ id: returned.id, comment: 'Explain the dip in May.' })]);
    expect((await one.as(tokens.approver!).get('/api/v1/workspace').expect(200)).body.counts.awaitingReview).toBe(2);
    // After the due date the result is overdue; agency B's officer sees none of agency A's.
    one.clock.set('2026-11-02T12:00:00Z');
    expect((await one.as(tokens.officer!).get('/api/v1/workspace').expect(200)).body.counts.overdue).toBe(1);
    expect((await one.as(tokens.officerB!).get('/api/v1/workspace').expect(200)).body.counts).toEqual({
      overdue: 0,
      dueSoon: 0,
      returned: 0,
      awaitingReview: 0,
    });
  });

  it('refuses the outbox and the switches to everyone but administrators, and settings to machine clients', async () => {
    await one.as(tokens.officer!).get('/api/v1/notifications/outbox').expect(403);
    await one.as(tokens.approver!).put('/api/v1/notifications/kinds').send({ officer_reminder: false }).expect(403);
    await one.as(tokens.manager!).post('/api/v1/notifications/run').expect(403);
  });
});

describe('without SMTP_URL', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('writes the message to the log and keeps it in the outbox for administrators', async () => {
    t = await createTestApp({}, { now: '2026-10-30T09:00:00Z' });
    const api = () => t.api();
    const { agencyId: agency, standardId } = await seedAgencyServiceStandard(t, {
      agency: { name: 'Agency', abbreviation: 'AGY', slug: 'agy' },
      service: { name: 'Permits', slug: 'permits' },
      standard: { ...RENEWAL_STANDARD, code: 'PERMIT' },
    });
    await setTargets(t, standardId, [2026]);
    await api()
      .post('/api/v1/users')
      .send({ email: 'o@agency.example', name: 'O', roles: [{ role: 'performance_officer', agencyId: agency }] })
      .expect(201);
    const run = await api().post('/api/v1/notifications/run').expect(200);
    expect(run.body).toMatchObject({ day: '2026-10-30', created: 1, skipped: [] });
    const [message] = (await api().get('/api/v1/notifications/outbox').expect(200)).body;
    expect(message).toMatchObject({
      kind: 'officer_reminder',
      status: 'logged',
      recipient: 'o@agency.example',
      attempts: 1,
    });
    // FY2026 Q4 is due today; FY2026 Q1 (due 30 January) is 39 weeks overdue to the day.
    expect(message.subject).toBe('Yardstick: 1 result overdue');
    expect(message.text).toContain('Due today:\n- PERMIT: Renewal time, FY2026 Q4, due 30 October 2026');
    expect(message.text).toContain('Overdue:\n- PERMIT: Renewal time, FY2026 Q1, due 30 January 2026');
    expect(message.text).toContain('http://localhost:3000/staff/standards/');
  });
});

describe('with JOBS on (the default outside tests)', () => {
  it('installs pg-boss in its own schema at start, schedules the daily job and stops cleanly', async () => {
    const t = await createTestApp({ JOBS: 'true' });
    try {
      const sql = <T>(text: string) => t.app.get(DataSource).query<T>(text);
      const schedules = await sql<{ name: string; cron: string; timezone: string }[]>(
        `SELECT name, cron, timezone FROM pgboss.schedule`,
      );
      expect(schedules).toEqual([{ name: 'reminders-daily', cron: '0 6 * * *', timezone: 'UTC' }]);
      const queues = await sql<{ name: string }[]>(`SELECT name FROM pgboss.queue ORDER BY name`);
      expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(['mail-send', 'reminders-daily']));
    } finally {
      await t.close();
    }
  });
});
