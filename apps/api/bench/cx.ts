// npm run bench:cx: a million FY2024+ A-11 responses (Touchpoints' 17-column file) for one collection through
// POST /api/v1/imports?format=a11-responses, against plain COPY of the same file into a table of the same shape
// (cx_responses' columns and primary key) in the same run; the API's peak RSS; the time to compute the
// collection's scores. BENCH_ROWS (default 1,000,000) makes it smaller. Own PostgreSQL and folder, loopback only.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { A11_V2_COLUMNS } from '../src/cx/cx-formats.js';
import { BENCH_ADMIN, Bench, fmt, freePort, positiveInteger, seconds, sleep, step } from './support.js';

const ROWS = positiveInteger('BENCH_ROWS', 1_000_000);
const RATIO_GOAL = 0.7;
const RSS_GOAL_MB = 300;
const SCORES_GOAL_MS = 1000;

async function run(): Promise<void> {
  const databaseUrl = await database.start();
  await database.ensureDatabase('bench_copy');
  const file = path.join(tmp, 'responses.csv');
  let started = performance.now();
  await writeFile(file);
  step(
    `wrote ${fmt(ROWS)} responses (${(statSync(file).size / 1048576).toFixed(1)} MB) in ${seconds(performance.now() - started)} s`,
  );

  const port = await freePort();
  server = await bench.startApi(port, databaseUrl, { env: { IMPORT_MAX_SIZE: '2gb' } });
  const token = await signIn(port);
  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1${route}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const agency = await call('POST', '/agencies', { name: 'Benchmark Agency', abbreviation: 'BENCH', slug: 'bench' });
  const service = await call('POST', '/services', {
    agencyId: agency.id,
    name: 'Benchmark service',
    slug: 'bench-service',
    hisp: true,
  });
  const query = `format=a11-responses&serviceId=${String(service.id)}&fiscalYear=2026&quarter=2&channel=online`;

  const first = await upload(port, token, file, query);
  step(
    `HTTP import: ${JSON.stringify(first.body.inserted)} inserted in ${seconds(first.ms)} s, peak RSS ${first.peakMb.toFixed(0)} MB`,
  );
  if (first.body.inserted !== ROWS)
    throw new Error(`expected ${ROWS} inserted: ${JSON.stringify(first.body).slice(0, 500)}`);
  const second = await upload(port, token, file, query);
  step(
    `second upload: ${JSON.stringify(second.body.unchanged)} unchanged in ${seconds(second.ms)} s, peak RSS ${second.peakMb.toFixed(0)} MB`,
  );

  const collections = (await call('GET', `/cx-collections?serviceId=${String(service.id)}`)) as unknown as {
    id: string;
  }[];
  const scoreTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    started = performance.now();
    await call('GET', `/cx-collections/${collections[0]!.id}`);
    scoreTimes.push(performance.now() - started);
  }
  const scoresMs = Math.min(...scoreTimes);
  step(`collection with its scores: ${scoreTimes.map((ms) => ms.toFixed(0)).join(', ')} ms`);

  const copyMs = await plainCopy(database.urlFor('bench_copy'), file);
  step(`plain COPY of the same file into a same-shaped table: ${seconds(copyMs)} s`);

  const importRate = ROWS / (first.ms / 1000);
  const copyRate = ROWS / (copyMs / 1000);
  const ratio = importRate / copyRate;
  console.table([
    { measure: 'HTTP import, first upload (rows/s)', value: Math.round(importRate), goal: '', met: '' },
    { measure: 'plain COPY, same file, same-shaped table (rows/s)', value: Math.round(copyRate), goal: '', met: '' },
    {
      measure: 'HTTP import / plain COPY',
      value: Number(ratio.toFixed(2)),
      goal: `>= ${RATIO_GOAL}`,
      met: ratio >= RATIO_GOAL,
    },
    {
      measure: 'API peak RSS, first upload (MB)',
      value: Math.round(first.peakMb),
      goal: `<= ${RSS_GOAL_MB}`,
      met: first.peakMb <= RSS_GOAL_MB,
    },
    { measure: 'second upload, unchanged (s)', value: Number((second.ms / 1000).toFixed(1)), goal: '', met: '' },
    {
      measure: 'API peak RSS, second upload (MB)',
      value: Math.round(second.peakMb),
      goal: `<= ${RSS_GOAL_MB}`,
      met: second.peakMb <= RSS_GOAL_MB,
    },
    {
      measure: 'collection scores, GET /cx-collections/:id (ms)',
      value: Math.round(scoresMs),
      goal: `<= ${SCORES_GOAL_MS}`,
      met: scoresMs <= SCORES_GOAL_MS,
    },
  ]);
}

/** Touchpoints' file: BOM, CRLF, ids from 1, trust thumbs 1/0, drivers, a comment on every tenth response. */
async function writeFile(file: string): Promise<void> {
  await pipeline(
    Readable.from(
      (function* () {
        yield '\uFEFF' + A11_V2_COLUMNS.join(',') + '\r\n';
        let chunk = '';
        for (let i = 1; i <= ROWS; i++) {
          const up = i % 5 !== 0;
          const flags = up ? '1,1,0,1,0,1,0,0,0,0,0,0,0,0' : '0,0,0,0,0,0,0,1,0,1,0,0,1,0';
          chunk += `${1_000_000 + i},${up ? 1 : 0},${flags},${i % 10 === 0 ? '"Quick, and the staff were kind."' : '""'}\r\n`;
          if (chunk.length > 1 << 16) {
            yield chunk;
            chunk = '';
          }
        }
        yield chunk;
      })(),
    ),
    createWriteStream(file),
  );
}

async function signIn(port: number): Promise<string> {
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  const me = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((h) => h.split(';')[0])
    .join('; ');
  const created = await fetch(`http://127.0.0.1:${port}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
    body: JSON.stringify({ name: 'bench:cx', kind: 'personal' }),
  });
  return ((await created.json()) as { token: string }).token;
}

/** The file streamed from disk as multipart/form-data, sampling the API's RSS every 100 ms. */
async function upload(
  port: number,
  token: string,
  file: string,
  query: string,
): Promise<{ ms: number; peakMb: number; body: Record<string, unknown> }> {
  const pid = server!.pid!;
  let peakKb = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      peakKb = Math.max(peakKb, rssKb(pid));
      await sleep(100);
    }
  })();
  const started = performance.now();
  const boundary = `bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="responses.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  try {
    const body = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const request = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/imports?${query}`,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + statSync(file).size + tail.length,
        },
      });
      request.once('error', reject);
      request.once('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 201) reject(new Error(`upload: ${response.statusCode} ${text.slice(0, 500)}`));
          else resolve(JSON.parse(text) as Record<string, unknown>);
        });
      });
      Readable.from(
        (async function* () {
          yield head;
          yield* createReadStream(file, { highWaterMark: 256 * 1024 });
          yield tail;
        })(),
      ).pipe(request);
    });
    return { ms: performance.now() - started, peakMb: Math.max(peakKb, rssKb(pid)) / 1024, body };
  } finally {
    done = true;
    await sampler;
  }
}

/** COPY of the same file into a table shaped as cx_responses (the collection and survey as column defaults). */
async function plainCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const flags = A11_V2_COLUMNS.slice(2, 16)
      .map((c) => `${c} boolean NOT NULL`)
      .join(', ');
    await client.query(
      `CREATE TABLE bench_cx_responses (
         collection_id uuid NOT NULL DEFAULT '${randomUuid()}', external_id text NOT NULL,
         detail_id uuid NOT NULL DEFAULT '${randomUuid()}', trust smallint NOT NULL CHECK (trust BETWEEN 0 AND 5),
         ${flags}, free_text text, PRIMARY KEY (collection_id, external_id))`,
    );
    await client.query('CHECKPOINT');
    const columns = ['external_id', 'trust', ...A11_V2_COLUMNS.slice(2, 16), 'free_text'];
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(
        copyFrom(`COPY bench_cx_responses (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`),
      ),
    );
    const ms = performance.now() - started;
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_cx_responses');
    if (rows[0]!.n !== ROWS) throw new Error(`plain COPY loaded ${rows[0]!.n} rows`);
    return ms;
  } finally {
    await client.end();
  }
}

function randomUuid(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function rssKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const bench = await Bench.create('cx');
const { tmp, database } = bench;
let server: ChildProcess | undefined;
await bench.main(run, 1_800_000);
