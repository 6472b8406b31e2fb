// npm run bench:reminders: the daily job (RemindersService.run) over 100 agencies, 10,000 standards and 500 users
// on a real PostgreSQL (embedded, started here in a fresh folder under os.tmpdir(), removed at the end), with the
// day fixed by the app's Clock. It checks that there is exactly one message per user and kind, that a second API
// process running the same day at the same moment writes nothing, and times the mail queue (the log transport).
// BENCH_AGENCIES (default 100), BENCH_STANDARDS_PER_AGENCY (default 100) make it smaller.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dueDate, formatPeriodKey, periodsInFiscalYear, type Period } from '@yardstick/metrics';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { FixedClock } from '../src/common/clock.js';
import { loadConfig } from '../src/config/app.config.js';
import { createRootLogger } from '../src/config/logger.js';
import { startDatabaseServer } from '../src/database/database-server.js';
import { collectDueItems, DUE_ITEM_SOURCES, type DueItemSource } from '../src/notifications/due-items.js';
import { JobsRunner } from '../src/notifications/jobs.runner.js';
import { RemindersService } from '../src/notifications/reminders.service.js';
import { fmt, positiveInteger, seconds, step } from './support.js';

const AGENCIES = positiveInteger('BENCH_AGENCIES', 100);
const PER_AGENCY = positiveInteger('BENCH_STANDARDS_PER_AGENCY', 100);
/** Per agency: 3 officers and 1 approver; plus one program manager per agency, following all agencies. */
const OFFICERS = 3;
/** A Monday: monthly standards' October 2026 results are due today, and weekly summaries go out. */
const DAY = '2026-11-30';
const GOAL_S = 5;

/** Deterministic "random": whether a standard's result for a period was recorded (7 in 10). */
const recorded = (standard: number, period: string) => {
  let h = standard * 2654435761;
  for (const c of period) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % 10 >= 3;
};

async function seed(db: DataSource): Promise<void> {
  await db.query(
    `INSERT INTO agencies (name, abbreviation, slug)
     SELECT 'Agency ' || i, 'A' || i, 'agency-' || i FROM generate_series(1, $1) i`,
    [AGENCIES],
  );
  await db.query(
    `INSERT INTO services (agency_id, name, slug) SELECT id, 'Service of ' || name, 'service-' || slug FROM agencies`,
  );
  await db.query(
    `INSERT INTO standards (agency_id, service_id, code, status)
     SELECT s.agency_id, s.id, 'STD-' || n, 'published' FROM services s, generate_series(1, $1) n`,
    [PER_AGENCY],
  );
  await db.query(
    `INSERT INTO standard_versions (standard_id, version, status, title, statement, dimension, measure_description,
                                    unit, computation, direction, frequency, published_at)
     SELECT id, 1, 'published', 'Standard ' || code, 'We answer 90% within 5 days.', 'speed', 'Share in 5 days.',
            'percent', 'share_meeting_threshold', 'higher_is_better',
            CASE WHEN substring(code FROM 5)::int % 2 = 0 THEN 'month' ELSE 'quarter' END, now()
       FROM standards`,
  );
  await db.query(
    `UPDATE standards s SET published_version_id = v.id FROM standard_versions v WHERE v.standard_id = s.id`,
  );
  await db.query(
    `INSERT INTO targets (standard_id, fiscal_year, value, unit)
     SELECT id, fy, 90, 'percent' FROM standards, (VALUES (2026), (2027)) y(fy)`,
  );
  // Results: FY2026 and October 2026 (monthly) at 7 in 10; the latest period of each standard is not certified
  // yet (waiting for review) and was recorded in the week the summaries cover.
  const standards = await db.query<
    { id: string; agency_id: string; code: string; frequency: 'month' | 'quarter'; agency: number }[]
  >(
    `SELECT s.id, s.agency_id, s.code, v.frequency, substring(a.slug FROM 8)::int AS agency
       FROM standards s JOIN standard_versions v ON v.standard_id = s.id JOIN agencies a ON a.id = s.agency_id`,
  );
  const periods: Record<'month' | 'quarter', Period[]> = {
    month: [...periodsInFiscalYear(2026, 'month'), periodsInFiscalYear(2027, 'month')[0]!],
    quarter: periodsInFiscalYear(2026, 'quarter'),
  };
  const rows: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
  for (const s of standards) {
    const n = Number(s.code.slice(4));
    const list = periods[s.frequency];
    list.forEach((p, i) => {
      if (!recorded(n * 1000 + s.agency, p.key)) return;
      const latest = i === list.length - 1;
      const values = [
        s.id,
        s.agency_id,
        formatPeriodKey(p),
        p.frequency,
        p.start,
        p.end,
        p.fiscalYear,
        92,
        latest ? '2026-11-25T12:00:00Z' : `${dueDate(p, 20)}T12:00:00Z`,
        latest ? null : `${dueDate(p, 25)}T12:00:00Z`,
      ];
      values.forEach((v, k) => rows[k]!.push(v));
    });
  }
  await db.query(
    `INSERT INTO results (standard_id, agency_id, period_key, frequency, period_start, period_end, fiscal_year, value,
                          recorded_at, certified_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::date[], $7::smallint[],
                          $8::numeric[], $9::timestamptz[], $10::timestamptz[])`,
    rows,
  );
  await db.query(
    `WITH a AS (SELECT id, slug, row_number() OVER (ORDER BY slug) AS n FROM agencies),
          u AS (
            INSERT INTO users (email, name)
            SELECT format('%s-%s@%s.example', role, k, a.slug), format('%s %s of %s', role, k, a.slug)
              FROM a, (VALUES ('officer', 1), ('officer', 2), ('officer', 3), ('approver', 1), ('manager', 1)) r(role, k)
             WHERE k <= CASE role WHEN 'officer' THEN $1 ELSE 1 END
            RETURNING id, email)
     INSERT INTO role_assignments (user_id, role, agency_id)
     SELECT u.id,
            CASE split_part(u.email, '-', 1) WHEN 'officer' THEN 'performance_officer' WHEN 'approver' THEN 'approver'
                 ELSE 'program_manager' END,
            CASE WHEN u.email LIKE 'manager-%' THEN NULL ELSE ag.id END
       FROM u JOIN agencies ag ON u.email LIKE '%@' || ag.slug || '.example'`,
    [OFFICERS],
  );
  await db.query(
    `INSERT INTO notification_settings (user_id, kind, delivery)
     SELECT user_id, 'manager_summary', 'weekly_digest' FROM role_assignments WHERE role = 'program_manager'`,
  );
}

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yardstick-bench-reminders-'));
  await fs.chmod(dataDir, 0o755); // PostgreSQL runs as the unprivileged user postgres when we are root
  const config = loadConfig({
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    LOG_FORMAT: 'json',
    JOBS: 'false',
    ADMIN_PASSWORD: 'bench password 123456',
    NODE_ENV: 'production',
    DB_POOL_SIZE: '10',
  });
  const server = await startDatabaseServer(config, { info: step, debug: () => undefined });
  const apps: NestFastifyApplication[] = [];
  try {
    const start = async () => {
      const app = await createApp(config, server, createRootLogger(config), new FixedClock(`${DAY}T06:00:00Z`));
      apps.push(app);
      return app;
    };
    const first = await start();
    const db = first.get(DataSource);
    step(`Seeding ${fmt(AGENCIES)} agencies, ${fmt(AGENCIES * PER_AGENCY)} standards, users`);
    await seed(db);
    const { users } = (
      await db.query<{ users: string }[]>(
        `SELECT count(DISTINCT user_id) AS users FROM role_assignments WHERE role <> 'admin'`,
      )
    )[0]!;
    const { results } = (await db.query<{ results: string }[]>(`SELECT count(*) AS results FROM results`))[0]!;
    step(`${fmt(Number(users))} users, ${fmt(Number(results))} results`);
    const second = await start();
    await first.get(RemindersService).run('2026-11-29'); // warm-up (a Sunday; writes that day's messages)
    await db.query(`DELETE FROM notifications`);
    await db.query(`DELETE FROM pgboss.job`);

    const s0 = performance.now();
    const items = await collectDueItems(first.get<DueItemSource[]>(DUE_ITEM_SOURCES), {
      today: DAY,
      horizonDays: 7,
      agencyIds: 'all',
    });
    const sourcesMs = performance.now() - s0;
    const t0 = performance.now();
    const run = await first.get(RemindersService).run(DAY);
    const runMs = performance.now() - t0;
    // A second process and the first again, at the same moment: nothing new.
    const [again, third] = await Promise.all([
      second.get(RemindersService).run(DAY),
      first.get(RemindersService).run(DAY),
    ]);
    const counts = await db.query<{ kind: string; messages: string; users: string; max: string }[]>(
      `SELECT kind, count(*) AS messages, count(DISTINCT user_id) AS users,
              max(c) AS max FROM (SELECT kind, user_id, count(*) OVER (PARTITION BY user_id, kind, day) AS c
                                    FROM notifications WHERE day = $1) x GROUP BY kind ORDER BY kind`,
      [DAY],
    );
    const expected: Record<string, number> = {
      approver_digest: AGENCIES,
      manager_summary: AGENCIES,
      officer_reminder: AGENCIES * OFFICERS,
    };
    const t1 = performance.now();
    const mail = await first.get(JobsRunner).drainMail();
    const mailMs = performance.now() - t1;

    console.log('');
    console.log(`Daily job for ${DAY}: ${seconds(runMs)} s (goal <= ${GOAL_S} s) for ${fmt(run.created)} messages`);
    console.log(`  of which reading the due items alone: ${seconds(sourcesMs)} s (${fmt(items.length)} items)`);
    for (const c of counts) {
      console.log(
        `  ${c.kind}: ${fmt(Number(c.messages))} messages to ${fmt(Number(c.users))} users (expected ${fmt(expected[c.kind] ?? 0)}), at most ${c.max} per user`,
      );
    }
    console.log(`  same day again, two processes at once: ${again.created + third.created} new messages`);
    console.log(
      `Mail queue (log transport): ${fmt(mail.delivered)} delivered, ${mail.failed} failed in ${seconds(mailMs)} s`,
    );
    const ok =
      counts.length === 3 &&
      counts.every((c) => Number(c.max) === 1 && Number(c.messages) === expected[c.kind]) &&
      again.created + third.created === 0 &&
      mail.delivered === run.created;
    console.log(ok ? 'Checks passed: exactly one message per user and kind for the day.' : 'CHECKS FAILED');
    console.log(
      `Load average: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    for (const app of apps.reverse()) await app.close();
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
