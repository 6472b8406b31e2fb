import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { archivePartitions } from '../src/transactions/partitions.js';
import { JobsRunner } from '../src/notifications/jobs.runner.js';
import { createTestApp, TEST_NOW, type TestApp } from './support/test-app.js';

const HEADER = 'external_id,channel,received_at,completed_at,outcome,accurate,satisfaction';
const DAY = 86_400_000;
const NOW = Date.parse(TEST_NOW);
const THRESHOLD_DAYS = 30;
const CHANNELS = ['online', 'phone', 'mail'] as const;
const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10'];

type Row = {
  id: string;
  channel: string;
  received: number;
  completed: number | null;
  accurate: boolean | null;
};

/** A small deterministic generator (mulberry32), so that every run checks the same rows. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(count: number): Row[] {
  const next = random(42);
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const month = MONTHS[Math.floor(next() * MONTHS.length)]!;
    const start = Date.parse(`${month}-01T00:00:00Z`);
    const received = start + Math.floor(next() * 28 * DAY) + Math.floor(next() * DAY);
    let completed: number | null = next() < 0.1 ? null : received + Math.floor(next() * 60 * DAY);
    if (completed !== null && completed > NOW) completed = null;
    const review = next();
    rows.push({
      id: `C-${i}`,
      channel: CHANNELS[Math.floor(next() * CHANNELS.length)]!,
      received,
      completed,
      accurate: review < 0.3 ? null : review < 0.9,
    });
  }
  return rows;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const toCsv = (rows: Row[]): string =>
  [
    HEADER,
    ...rows.map(
      (r) =>
        `${r.id},${r.channel},${iso(r.received)},${r.completed === null ? '' : iso(r.completed)},approved,${r.accurate ?? ''},`,
    ),
  ].join('\n') + '\n';

/** percentile_cont, stated independently: linear interpolation between the closest ranks. */
function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/** Every figure the standards should get, by `${period}|${channel}`, from the rows alone. */
function expected(rows: Row[]): Map<string, Record<string, number | null>> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const period = iso(row.received).slice(0, 7);
    for (const key of [`${period}|${row.channel}`, `${period}|all`]) groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const figures = new Map<string, Record<string, number | null>>();
  for (const [key, group] of groups) {
    const completed = group.filter((r) => r.completed !== null);
    const days = completed.map((r) => (r.completed! - r.received) / DAY);
    const met = completed.filter((r) => r.completed! - r.received <= THRESHOLD_DAYS * DAY).length;
    const counted = group.filter((r) => r.completed !== null || r.received + THRESHOLD_DAYS * DAY < NOW).length;
    const reviewed = group.filter((r) => r.accurate !== null);
    figures.set(key, {
      withinNumerator: met,
      withinDenominator: counted,
      within: counted === 0 ? null : (met / counted) * 100,
      mean: days.length === 0 ? null : days.reduce((a, b) => a + b, 0) / days.length,
      median: percentile(days, 0.5),
      p90: percentile(days, 0.9),
      accurate: reviewed.length === 0 ? null : (reviewed.filter((r) => r.accurate).length / reviewed.length) * 100,
      accurateDenominator: reviewed.length,
      sample: days.length,
    });
  }
  return figures;
}

describe('transactions: import and results computed from them', () => {
  let t: TestApp;
  let db: DataSource;
  const ids: Record<string, string> = {};
  const rows = generate(600);

  const standard = async (code: string, content: object): Promise<string> =>
    (
      await t
        .api()
        .post('/api/v1/standards')
        .send({
          serviceId: ids.service,
          code,
          title: `Standard ${code}`,
          statement: 'We decide most claims quickly and well.',
          dimension: 'speed',
          measureDescription: 'Measured from every claim.',
          direction: 'higher_is_better',
          frequency: 'month',
          ...content,
        })
        .expect(201)
    ).body.id;

  beforeAll(async () => {
    t = await createTestApp({ IMPORT_MAX_SIZE: '2mb' });
    db = t.app.get(DataSource);
    const api = t.api();
    ids.A = (await api.post('/api/v1/agencies').send({ name: 'Agency A', abbreviation: 'AAA', slug: 'a' })).body.id;
    ids.B = (await api.post('/api/v1/agencies').send({ name: 'Agency B', abbreviation: 'BBB', slug: 'b' })).body.id;
    ids.service = (
      await api.post('/api/v1/services').send({ agencyId: ids.A, name: 'Claims', slug: 'claims' })
    ).body.id;
    ids.other = (await api.post('/api/v1/services').send({ agencyId: ids.A, name: 'Other', slug: 'other' })).body.id;
    ids.within = await standard('WITHIN', {
      unit: 'percent',
      computation: 'share_meeting_threshold',
      thresholdValue: THRESHOLD_DAYS,
      thresholdUnit: 'days',
      transactionMeasure: 'share_within_threshold',
    });
    ids.mean = await standard('MEAN', {
      unit: 'days',
      computation: 'mean',
      direction: 'lower_is_better',
      transactionMeasure: 'mean_time',
    });
    ids.median = await standard('MEDIAN', {
      unit: 'days',
      computation: 'median',
      direction: 'lower_is_better',
      transactionMeasure: 'median_time',
    });
    ids.p90 = await standard('P90', {
      unit: 'days',
      computation: 'median',
      direction: 'lower_is_better',
      transactionMeasure: 'p90_time',
    });
    ids.accurate = await standard('ACCURATE', {
      unit: 'percent',
      computation: 'share_meeting_threshold',
      dimension: 'accuracy',
      transactionMeasure: 'share_accurate',
    });
    for (const [name, agency] of [
      ['officer-a', ids.A],
      ['officer-b', ids.B],
    ] as const) {
      await api
        .post('/api/v1/users')
        .send({ email: `${name}@test.example`, name, roles: [{ role: 'performance_officer', agencyId: agency }] })
        .expect(201);
      ids[name] = await t.tokenFor(`${name}@test.example`);
    }
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const upload = (
    csv: string | Buffer,
    options: { mode?: string; service?: string; file?: string; token?: string } = {},
  ) =>
    (options.token ? t.as(options.token) : t.api())
      .post(
        `/api/v1/imports?format=transactions&serviceId=${options.service ?? ids.service}&mode=${options.mode ?? 'atomic'}`,
      )
      .attach('file', Buffer.from(csv), options.file ?? 'transactions.csv');
  const count = async (where = 'TRUE', parameters: unknown[] = []): Promise<number> =>
    Number((await db.query(`SELECT count(*) AS n FROM transactions WHERE ${where}`, parameters))[0].n);
  const partitions = async (): Promise<string[]> =>
    (
      await db.query(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'transactions'::regclass ORDER BY 1`,
      )
    ).map((row: { name: string }) => row.name);

  it('loads a file into the partitions of the months it touches, and a second upload changes nothing', async () => {
    const first = await upload(toCsv(rows)).expect(201);
    expect(first.body).toMatchObject({ format: 'transactions', status: 'completed', rowsRead: 600, inserted: 600 });
    expect(await partitions()).toEqual(MONTHS.map((m) => `transactions_y${m.slice(0, 4)}m${m.slice(5)}`));
    // Each month's rows are in its own partition.
    const july = Number((await db.query(`SELECT count(*) AS n FROM transactions_y2026m07`))[0].n);
    expect(july).toBe(rows.filter((r) => iso(r.received).startsWith('2026-07')).length);
    const again = await upload(toCsv(rows)).expect(201);
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 600, errorCount: 0 });
    expect(await count()).toBe(600);
  });

  it('takes gzip: a .csv.gz file, and a body sent with Content-Encoding: gzip; a re-sent case is updated, not duplicated', async () => {
    const open = rows.find((r) => r.completed === null && iso(r.received).startsWith('2026-10'))!;
    const closed = [{ ...open, completed: NOW - DAY }];
    const gz = await upload(gzipSync(toCsv(closed)), { file: 'update.csv.gz' }).expect(201);
    expect(gz.body).toMatchObject({ status: 'completed', inserted: 0, updated: 1 });
    expect(await count('external_id = $1', [open.id])).toBe(1);
    const stored = await db.query(`SELECT completed_at FROM transactions WHERE external_id = $1`, [open.id]);
    expect(new Date(stored[0].completed_at).getTime()).toBe(NOW - DAY);
    // Put it back as it was, by a raw gzip body.
    const raw = await t
      .api()
      .post(`/api/v1/imports?format=transactions&serviceId=${ids.service}`)
      .set('Content-Type', 'text/csv')
      .set('Content-Encoding', 'gzip')
      .send(gzipSync(toCsv([open])))
      .expect(201);
    expect(raw.body).toMatchObject({ status: 'completed', inserted: 0, updated: 1 });
    expect(await count()).toBe(600);
  });

  it('refuses bad rows, each naming its line and column, and writes nothing (no partition half-loaded)', async () => {
    const csv = [
      HEADER,
      'N-1,online,2025-01-10T10:00:00Z,2025-01-20T10:00:00Z,,,', // good, in a month with no partition yet
      'N-2,online,2025-01-10T10:00:00Z,2025-01-09T10:00:00Z,,,', // completed before received
      'N-3,online,2026-11-20T10:00:00Z,,,,', // received in the future
      'N-4,fax,2025-01-11,,,,', // unknown channel
      'N-1,phone,2025-01-12T08:00:00Z,,,,', // the same external id, same month
      'N-5,online,2025-01-13,2025-01-14,,maybe,7', // accurate and satisfaction unreadable
    ].join('\n');
    const response = await upload(csv).expect(201);
    expect(response.body).toMatchObject({ status: 'rejected', inserted: 0, updated: 0 });
    const errors = response.body.errors.map((e: { line: number; column?: string }) => `${e.line}:${e.column}`);
    expect(errors).toEqual(
      expect.arrayContaining(['3:completed_at', '4:received_at', '5:channel', '7:accurate', '7:satisfaction']),
    );
    // The atomic import stopped at its first bad row: the repeat is reported when the rows are loaded (partial).
    expect(await count(`received_at < '2026-01-01'`)).toBe(0);
    const partial = await upload(csv, { mode: 'partial' }).expect(201);
    expect(partial.body).toMatchObject({ status: 'completed', inserted: 1 });
    const repeat = partial.body.errors.find((e: { line: number }) => e.line === 6);
    expect(repeat).toMatchObject({ column: 'external_id', value: 'N-1' });
    expect(repeat.reason).toMatch(/repeats line 2/);
    // The first row of N-1 is the one kept.
    const kept = await db.query(`SELECT channel, source_line FROM transactions WHERE external_id = 'N-1'`);
    expect(kept).toEqual([{ channel: 'online', source_line: 2 }]);
    await db.query(`DELETE FROM transactions WHERE external_id = 'N-1'`);
  });

  it('finds a repeat in a month that already has rows, and an exact repeat in a new month', async () => {
    const first = rows[0]!;
    const csv = [
      HEADER,
      `${first.id},${first.channel},${iso(first.received)},,,,`,
      `${first.id},${first.channel},${iso(first.received + 1000)},,,,`,
      'X-1,online,2024-03-01T00:00:00Z,,,,',
      'X-1,online,2024-03-01T00:00:00Z,,,,',
    ].join('\n');
    const response = await upload(csv, { mode: 'dry-run' }).expect(201);
    const found = response.body.errors.sort((a: { line: number }, b: { line: number }) => a.line - b.line);
    expect(found.map((e: { line: number; reason: string }) => [e.line, e.reason.slice(0, 13)])).toEqual([
      [3, 'repeats line '],
      [5, 'repeats line '],
    ]);
    expect(found[0].reason).toMatch(/repeats line 2/);
    expect(found[1].reason).toMatch(/repeats line 4/);
    expect(await count()).toBe(600);
  });

  it('refuses a file for a service of another agency (403), a corrupt gzip stream (400, naming the byte offset)', async () => {
    await upload(toCsv(rows.slice(0, 2)), { token: ids['officer-b'] }).expect(403);
    await upload(toCsv(rows.slice(0, 2)), { token: ids['officer-a'] }).expect(201);
    const packed = gzipSync(toCsv(rows));
    const corrupt = Buffer.from(packed);
    for (let i = 200; i < 240; i++) corrupt[i] = corrupt[i]! ^ 0x5a;
    const bad = await upload(corrupt, { file: 'bad.csv.gz' }).expect(400);
    expect(bad.body.message).toMatch(/gzip stream is corrupt at byte \d+/);
    const cut = await upload(packed.subarray(0, packed.length - 100), { file: 'cut.csv.gz' }).expect(400);
    expect(cut.body.message).toMatch(/corrupt at byte \d+/);
    await upload(packed, { file: 'results.csv.gz' }).expect(201);
    await t.api().post('/api/v1/imports').attach('file', packed, 'results.csv.gz').expect(415);
    await upload(toCsv(rows), { service: ids.other, mode: 'dry-run' }).expect(201);
    expect(await count()).toBe(600);
  });

  it('computes results equal to the same figures computed here from the rows (share, mean, median, p90, accuracy; per channel)', async () => {
    const figures = expected(rows);
    const checks: [string, (f: Record<string, number | null>) => number | null][] = [
      ['within', (f) => f.within!],
      ['mean', (f) => f.mean!],
      ['median', (f) => f.median!],
      ['p90', (f) => f.p90!],
      ['accurate', (f) => f.accurate!],
    ];
    for (const [name, pick] of checks) {
      const report = await t.api().post(`/api/v1/standards/${ids[name]}/compute`).send({}).expect(200);
      expect(report.body.inserted).toBe(figures.size);
      const stored = (await t.api().get(`/api/v1/results?standardId=${ids[name]}&pageSize=100`).expect(200)).body.items;
      expect(stored).toHaveLength(figures.size);
      for (const result of stored) {
        const want = figures.get(`${result.periodKey}|${result.channel}`)!;
        expect(want).toBeDefined();
        const value = pick(want);
        if (value === null) expect(result.value).toBeNull();
        else expect(result.value).toBeCloseTo(value, 5);
        if (name === 'within') {
          expect([result.numerator, result.denominator]).toEqual([want.withinNumerator, want.withinDenominator]);
        } else if (name === 'accurate') {
          expect(result.denominator).toBe(want.accurateDenominator);
        } else {
          expect(result.sampleSize).toBe(want.sample);
        }
      }
    }
    // October has open cases younger than the threshold: left out, and said so.
    const october = (await t.api().get(`/api/v1/results?standardId=${ids.within}&pageSize=100`)).body.items.find(
      (r: { periodKey: string; channel: string }) => r.periodKey === '2026-10' && r.channel === 'all',
    );
    expect(october.dataQualityNote).toMatch(/open transactions received less than 30 days ago are not counted/);
  });

  it('computes every standard of the service in one pass, with the same figures', async () => {
    const report = await t.api().post(`/api/v1/services/${ids.service}/compute`).expect(200);
    expect(report.body.standards).toHaveLength(5);
    for (const standard of report.body.standards) {
      expect(standard).toMatchObject({ inserted: 0, updated: 0 });
      expect(standard.unchanged).toBe(standard.results.length);
    }
    await t.as(ids['officer-b']!).post(`/api/v1/services/${ids.service}/compute`).expect(403);
  });

  it('computing again changes nothing; a changed transaction makes a new revision to certify again', async () => {
    const again = await t.api().post(`/api/v1/standards/${ids.mean}/compute`).send({}).expect(200);
    expect(again.body).toMatchObject({ inserted: 0, updated: 0 });
    await (await t.certifier()).post('/api/v1/results/certify').send({ standardId: ids.mean }).expect(200);
    const row = rows.find((r) => r.completed !== null && iso(r.received).startsWith('2026-08'))!;
    await upload(toCsv([{ ...row, completed: row.completed! + 5 * DAY }])).expect(201);
    const after = await t.api().post(`/api/v1/standards/${ids.mean}/compute`).send({ period: '2026-08' }).expect(200);
    expect(after.body).toMatchObject({ inserted: 0, updated: 2 });
    const august = (await t.api().get(`/api/v1/results?standardId=${ids.mean}&pageSize=100`)).body.items.filter(
      (r: { periodKey: string }) => r.periodKey === '2026-08',
    );
    const changed = august.filter((r: { revision: number }) => r.revision === 2);
    expect(changed.map((r: { channel: string }) => r.channel).sort()).toEqual(['all', row.channel].sort());
    expect(changed.every((r: { certifiedAt: string | null }) => r.certifiedAt === null)).toBe(true);
  });

  it('is computed by the daily job too, recorded by Yardstick itself, so the uploader may certify it', async () => {
    const row = rows.find((r) => r.completed !== null && !iso(r.received).startsWith('2026-08'))!;
    const month = iso(row.received).slice(0, 7);
    await upload(toCsv([{ ...row, completed: row.completed! + 3 * DAY }])).expect(201);
    const daily = await t.app.get(JobsRunner).runDaily();
    expect(daily).toMatchObject({ computeFailed: 0 });
    expect(daily.computed).toBeGreaterThan(0);
    const changed = (await t.api().get(`/api/v1/results?standardId=${ids.mean}&pageSize=100`)).body.items.find(
      (r: { periodKey: string; channel: string }) => r.periodKey === month && r.channel === 'all',
    );
    expect(changed).toMatchObject({ revision: 2, certifiedAt: null });
    await t.api().post(`/api/v1/results/${changed.id}/certify`).expect(200);
  });

  it('computes only for callers who may record results for the agency, and only standards that declare a measure', async () => {
    await t.as(ids['officer-b']!).post(`/api/v1/standards/${ids.within}/compute`).send({}).expect(403);
    await t.as(ids['officer-a']!).post(`/api/v1/standards/${ids.within}/compute`).send({}).expect(200);
    const plain = await standard('PLAIN', {
      unit: 'percent',
      computation: 'share_meeting_threshold',
      thresholdValue: 5,
      thresholdUnit: 'days',
    });
    await t.api().post(`/api/v1/standards/${plain}/compute`).send({}).expect(409);
    await t.api().post(`/api/v1/standards/${ids.within}/compute`).send({ period: 'FY2026' }).expect(400);
    // A measure that does not fit the standard is refused when the standard is written.
    await t
      .api()
      .post('/api/v1/standards')
      .send({
        serviceId: ids.service,
        code: 'BAD',
        title: 'Bad standard',
        statement: 'We decide most claims quickly.',
        dimension: 'speed',
        measureDescription: 'Measured from every claim.',
        direction: 'lower_is_better',
        frequency: 'month',
        unit: 'percent',
        computation: 'mean',
        transactionMeasure: 'mean_time',
      })
      .expect(400);
  });

  it('archives the partitions of months before a given one: detached, written as gzip CSV, dropped', async () => {
    await upload(['external_id,channel,received_at', 'OLD-1,mail,2024-05-02T08:00:00Z'].join('\n')).expect(201);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yardstick-archive-'));
    try {
      const archived = await archivePartitions(db, '2026-01', dir);
      expect(archived.map((a) => [a.name, a.rows, a.dropped])).toEqual([
        ['transactions_y2024m03', 0, true],
        ['transactions_y2024m05', 1, true],
        ['transactions_y2025m01', 0, true],
      ]);
      const text = gunzipSync(await readFile(path.join(dir, 'transactions_y2024m05.csv.gz'))).toString();
      expect(text.split('\n')[0]).toMatch(/^agency_id,service_id,external_id,channel,received_at/);
      expect(text).toContain('OLD-1,mail,2024-05-02 08:00:00+00');
      expect(await partitions()).toEqual(MONTHS.map((m) => `transactions_y${m.slice(0, 4)}m${m.slice(5)}`));
      expect(await count()).toBe(600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
