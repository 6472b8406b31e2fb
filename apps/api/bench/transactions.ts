// npm run bench:transactions: ten million transactions of one service over 24 months through
// POST /api/v1/imports?format=transactions against plain COPY of the same CSV into a table of the same
// partitioned shape, then 24 monthly results for 5 standards computed by POST /standards/:id/compute against
// the same computation as one plain SQL query each. BENCH_TX_ROWS (default 10,000,000) and BENCH_TIME_LIMIT_S
// (default 3600) make it smaller or shorter. Everything lives in a fresh folder under os.tmpdir(); loopback only.
import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { CHANNELS } from '@yardstick/contracts';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  Api,
  Bench,
  fmt,
  freePort,
  hash32,
  positiveInteger,
  resetPeakRss,
  seconds,
  sleep,
  statusKb,
  step,
} from './support.js';

const ROWS = positiveInteger('BENCH_TX_ROWS', 10_000_000);
const MONTHS = 24;
const TIME_LIMIT_MS = positiveInteger('BENCH_TIME_LIMIT_S', 3600) * 1000;
const REQUEST_IDLE_TIMEOUT_MS = 30 * 60_000;
const RATIO_GOAL = 0.8;
const RSS_GOAL_MB = 300;
const COMPUTE_GOAL_S = 10;
const COMPUTE_RATIO_GOAL = 1.2;
const THRESHOLD_DAYS = 30;
const CSV_COLUMNS = ['external_id', 'channel', 'received_at', 'completed_at', 'outcome', 'accurate', 'satisfaction'];

/** The 24 whole months before this one (UTC), oldest first, as their first instants in ms. */
function months(): number[] {
  const now = new Date();
  return Array.from({ length: MONTHS }, (_, i) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - MONTHS + i, 1));
}

/** The file: month after month, each month's rows spread over it; 5% still open, 30% not reviewed. */
async function writeCsv(file: string): Promise<number> {
  const out = createWriteStream(file);
  const starts = months();
  const nowMs = Date.now();
  let chunk = `${CSV_COLUMNS.join(',')}\n`;
  for (let i = 0; i < ROWS; i++) {
    const month = Math.floor((i * MONTHS) / ROWS);
    const start = starts[month]!;
    const end =
      month + 1 < MONTHS ? starts[month + 1]! : Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1);
    const h = hash32(i);
    const received = start + Math.floor(((h % 1_000_003) / 1_000_003) * (end - start - 1000));
    const open = h % 20 === 0;
    let completed = open ? null : received + ((h >>> 8) % (60 * 24)) * 3_600_000 + ((h >>> 3) % 3600) * 1000;
    if (completed !== null && completed > nowMs) completed = null;
    const review = (h >>> 20) % 10;
    chunk +=
      `T${i},${CHANNELS[(h >>> 12) % CHANNELS.length]},${new Date(received).toISOString()},` +
      `${completed === null ? '' : new Date(completed).toISOString()},approved,` +
      `${review < 3 ? '' : review < 9 ? 'true' : 'false'},${1 + ((h >>> 24) % 5)}\n`;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return statSync(file).size;
}

type Measures = Record<string, string>;

async function setUp(api: Api): Promise<{ serviceId: string; agencyId: string; standards: Measures }> {
  const agency = await api.post('/agencies', { name: 'Benchmark Agency', abbreviation: 'BENCH', slug: 'bench' });
  const service = await api.post('/services', {
    agencyId: agency.id,
    name: 'Benchmark service',
    slug: 'bench-service',
    channels: [...CHANNELS],
  });
  const base = {
    serviceId: service.id,
    statement: 'We decide benchmark cases quickly and well.',
    dimension: 'speed',
    measureDescription: 'Measured from every benchmark case.',
    direction: 'lower_is_better',
    frequency: 'month',
  };
  const specs: Record<string, object> = {
    within: {
      unit: 'percent',
      computation: 'share_meeting_threshold',
      direction: 'higher_is_better',
      thresholdValue: THRESHOLD_DAYS,
      thresholdUnit: 'days',
      transactionMeasure: 'share_within_threshold',
    },
    mean: { unit: 'days', computation: 'mean', transactionMeasure: 'mean_time' },
    median: { unit: 'days', computation: 'median', transactionMeasure: 'median_time' },
    p90: { unit: 'days', computation: 'median', transactionMeasure: 'p90_time' },
    accurate: {
      unit: 'percent',
      computation: 'share_meeting_threshold',
      direction: 'higher_is_better',
      transactionMeasure: 'share_accurate',
    },
  };
  const standards: Measures = {};
  for (const [name, spec] of Object.entries(specs)) {
    const code = `BENCH-${name.toUpperCase()}`;
    standards[name] = (await api.post('/standards', { ...base, ...spec, code, title: `Benchmark ${name}` })).id;
  }
  return { serviceId: service.id, agencyId: agency.id, standards };
}

/** The file as the request body (text/csv), streamed from disk, while the API's RSS is sampled. */
async function upload(
  api: Api,
  pid: number,
  file: string,
  serviceId: string,
): Promise<{ ms: number; batch: Record<string, unknown>; peakMb: number; baseMb: number }> {
  const hwm = resetPeakRss(pid);
  const baseMb = statusKb(pid, 'VmRSS') / 1024;
  let peakKb = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      peakKb = Math.max(peakKb, statusKb(pid, 'VmRSS'));
      await sleep(100);
    }
  })();
  const started = performance.now();
  try {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({
        host: '127.0.0.1',
        port: api.port,
        method: 'POST',
        path: `/api/v1/imports?format=transactions&serviceId=${serviceId}&mode=atomic`,
        timeout: REQUEST_IDLE_TIMEOUT_MS,
        headers: { authorization: api.bearer, 'content-type': 'text/csv', 'content-length': statSync(file).size },
      });
      request.once('timeout', () => request.destroy(new Error('no answer in time')));
      request.once('error', reject);
      request.once('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      });
      createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(request);
    });
    const ms = performance.now() - started;
    if (status !== 201) throw new Error(`upload: ${status} ${body.slice(0, 1000)}`);
    const peak = Math.max(peakKb, statusKb(pid, 'VmRSS'), hwm ? statusKb(pid, 'VmHWM') : 0);
    return { ms, batch: JSON.parse(body) as Record<string, unknown>, peakMb: peak / 1024, baseMb };
  } finally {
    done = true;
    await sampler;
  }
}

/**
 * The same partitioned shape as transactions (migrations CreateTransactions and KeyTransactionsByMonth: columns,
 * checks, each month's unique key), with its 24 partitions made ahead.
 */
async function plainCopy(url: string, file: string, agencyId: string, serviceId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    await client.query(
      `CREATE TABLE transactions (
         agency_id uuid NOT NULL DEFAULT '${agencyId}', service_id uuid NOT NULL DEFAULT '${serviceId}',
         external_id text NOT NULL, channel text NOT NULL, received_at timestamptz NOT NULL, completed_at timestamptz,
         outcome text, accurate boolean, satisfaction smallint, batch_id uuid, source_line integer,
         CHECK (completed_at >= received_at),
         CHECK (channel IN ('online', 'phone', 'in_person', 'mail', 'email', 'chat', 'mobile_app', 'other')),
         CHECK (satisfaction BETWEEN 1 AND 5)
       ) PARTITION BY RANGE (received_at)`,
    );
    const starts = months();
    for (const start of starts) {
      const from = new Date(start);
      const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
      await client.query(
        `CREATE TABLE transactions_${start} PARTITION OF transactions
         FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`,
      );
      // Each month unique on (agency, service, external id), as the real partitions are.
      await client.query(`CREATE UNIQUE INDEX ON transactions_${start} (agency_id, service_id, external_id)`);
    }
    await client.query('CHECKPOINT');
    const started = performance.now();
    await pipeline(
      createReadStream(file, { highWaterMark: 256 * 1024 }),
      client.query(copyFrom(`COPY transactions (${CSV_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
    const ms = performance.now() - started;
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM transactions');
    if (rows[0]!.n !== ROWS) throw new Error(`plain COPY loaded ${rows[0]!.n} rows`);
    return ms;
  } finally {
    await client.end();
  }
}

/**
 * The five computations as one plain SQL query written here (what POST /services/:id/compute asks of
 * PostgreSQL, without the API or the results path): by month and channel, and by month.
 */
async function plainCompute(client: pg.Client, agencyId: string, serviceId: string): Promise<number> {
  const starts = months();
  const from = new Date(starts[0]!).toISOString();
  const to = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)).toISOString();
  const duration = `date_part('epoch', completed_at - received_at)`;
  await client.query('SET jit = off');
  await client.query(`SET work_mem = '256MB'`);
  const started = performance.now();
  const { rows } = await client.query(
    `SELECT date_trunc('month', received_at, 'UTC') AS month, channel, count(*),
       count(*) FILTER (WHERE completed_at - received_at <= interval '${THRESHOLD_DAYS} days'),
       count(*) FILTER (WHERE completed_at IS NOT NULL OR received_at + interval '${THRESHOLD_DAYS} days' < now()),
       avg(${duration}) / 86400,
       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${duration}),
       count(*) FILTER (WHERE accurate), count(accurate)
     FROM transactions WHERE agency_id = $1 AND service_id = $2 AND received_at >= $3 AND received_at < $4
     GROUP BY GROUPING SETS ((1, 2), (1))`,
    [agencyId, serviceId, from, to],
  );
  if (rows.length !== MONTHS * (CHANNELS.length + 1)) throw new Error(`plain SQL gave ${rows.length} rows`);
  return performance.now() - started;
}

async function run(): Promise<void> {
  const databaseUrl = await database.start();
  await database.ensureDatabase('bench_copy');
  const monitor = new pg.Client({ connectionString: databaseUrl });
  await monitor.connect();
  try {
    const csvPath = path.join(tmp, 'transactions.csv');
    let started = performance.now();
    const bytes = await writeCsv(csvPath);
    step(
      `wrote ${fmt(ROWS)} transactions (${(bytes / 1024 / 1024).toFixed(0)} MB of CSV) in ${seconds(performance.now() - started)} s`,
    );

    const port = await freePort();
    const server = await bench.startApi(port, databaseUrl, { env: { IMPORT_MAX_SIZE: '8gb' } });
    const api = new Api(port);
    await api.signIn();
    const { serviceId, agencyId, standards } = await setUp(api);
    step(`API up (pid ${server.pid}); agency, service and 5 standards computed from transactions`);

    await monitor.query('CHECKPOINT');
    const imported = await upload(api, server.pid!, csvPath, serviceId);
    step(`HTTP import: ${JSON.stringify({ ...imported.batch, errors: undefined })} in ${seconds(imported.ms)} s`);
    if (imported.batch.status !== 'completed' || imported.batch.inserted !== ROWS) throw new Error('import incomplete');

    await monitor.query('CHECKPOINT');
    const copyMs = await plainCopy(database.urlFor('bench_copy'), csvPath, agencyId, serviceId);
    step(`plain COPY into the same partitioned shape: ${fmt(ROWS)} rows in ${seconds(copyMs)} s`);

    await monitor.query('VACUUM ANALYZE transactions');
    started = performance.now();
    const service = (await api.post(`/services/${serviceId}/compute`, {})) as unknown as {
      standards: { results: unknown[]; inserted: number }[];
    };
    const computeMs = performance.now() - started;
    const results = service.standards.reduce((sum, standard) => sum + standard.results.length, 0);
    step(`computed ${fmt(results)} results for 5 standards in one pass in ${seconds(computeMs)} s`);
    if (results !== 5 * MONTHS * (CHANNELS.length + 1)) throw new Error(`expected ${5 * MONTHS * 9} results`);
    const plainMs = await plainCompute(monitor, agencyId, serviceId);
    step(`the same computation as one plain SQL query: ${seconds(plainMs)} s`);
    started = performance.now();
    for (const id of Object.values(standards)) await api.post(`/standards/${id}/compute`, {});
    const oneByOneMs = performance.now() - started;
    step(`the 5 standards one by one (POST /standards/:id/compute, nothing changed): ${seconds(oneByOneMs)} s`);

    const httpRate = ROWS / (imported.ms / 1000);
    const copyRate = ROWS / (copyMs / 1000);
    console.log(
      `\nbench:transactions: ${fmt(ROWS)} transactions of one service over ${MONTHS} months, PostgreSQL 15 (embedded), ` +
        `Node ${process.version}, ${os.cpus().length} CPUs, load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    console.table([
      row(`HTTP import, ${fmt(ROWS)} rows of CSV (rows/s)`, Math.round(httpRate), '', ''),
      row('plain COPY of the same CSV, same partitioned shape (rows/s)', Math.round(copyRate), '', ''),
      row(
        'HTTP import / plain COPY',
        Number((httpRate / copyRate).toFixed(2)),
        `>= ${RATIO_GOAL}`,
        httpRate / copyRate >= RATIO_GOAL,
      ),
      row(
        'API peak RSS during the import (MB)',
        Math.round(imported.peakMb),
        `<= ${RSS_GOAL_MB}`,
        imported.peakMb <= RSS_GOAL_MB,
      ),
      row('API RSS before the import (MB)', Math.round(imported.baseMb), '', ''),
      row(
        'compute: 24 monthly results x 9 channels, 5 standards (s)',
        Number(seconds(computeMs)),
        `<= ${COMPUTE_GOAL_S}`,
        computeMs <= COMPUTE_GOAL_S * 1000,
      ),
      row('the same as one plain SQL query (s)', Number(seconds(plainMs)), '', ''),
      row(
        'compute / plain SQL',
        Number((computeMs / plainMs).toFixed(2)),
        `<= ${COMPUTE_RATIO_GOAL}`,
        computeMs / plainMs <= COMPUTE_RATIO_GOAL,
      ),
      row(
        'for reference: the 5 standards one by one, POST /standards/:id/compute (s)',
        Number(seconds(oneByOneMs)),
        '',
        '',
      ),
    ]);
  } finally {
    await monitor.end();
  }
}

function row(measure: string, value: number, goal: string, met: boolean | ''): Record<string, unknown> {
  return { measure, value, goal, met: met === '' ? '' : met ? 'yes' : 'NO' };
}

const bench = await Bench.create('transactions');
const { tmp, database } = bench;
await bench.main(run, TIME_LIMIT_MS);
