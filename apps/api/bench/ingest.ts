// npm run bench:ingest: a million result rows through POST /api/v1/imports against plain COPY of the same
// CSV, on one real PostgreSQL (embedded, started here). BENCH_ROWS (default 1,000,000), BENCH_XLSX_ROWS
// (default 100,000) and BENCH_TIME_LIMIT_S (default 1800) make it smaller or shorter; BENCH_API_NODE_ARGS
// passes options to the API's node (e.g. --cpu-prof). Everything lives in a fresh folder under
// os.tmpdir(), removed at the end; loopback only.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync, readdirSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ALL_CHANNELS, CHANNELS } from '@yardstick/contracts';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { parseImportFile, readTable } from '../src/imports/formats/index.js';
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

const ROWS = positiveInteger('BENCH_ROWS', 1_000_000);
const XLSX_ROWS = positiveInteger('BENCH_XLSX_ROWS', Math.min(100_000, ROWS));
const TIME_LIMIT_MS = positiveInteger('BENCH_TIME_LIMIT_S', 1800) * 1000;
/** A socket silent this long (the server merging, say) ends the request. */
const REQUEST_IDLE_TIMEOUT_MS = 15 * 60_000;
const STANDARD_COUNT = 100;
const CHANNEL_LIST = [ALL_CHANNELS, ...CHANNELS]; // 9 channels: 900 rows a month
const ROWS_PER_MONTH = STANDARD_COUNT * CHANNEL_LIST.length;
const FIRST_YEAR = 2000;
const AGENCY = 'BENCH';
const CSV_COLUMNS = ['agency', 'standard_code', 'period', 'channel', 'value', 'numerator', 'denominator', 'source'];
const RSS_GOAL_MB = 300;
/** HTTP import / PostgreSQL's own COPY of the same rows into a table shaped exactly as results. */
const RATIO_GOAL = 0.9;

const clockTicks = readClockTicks();

type Batch = {
  status: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: unknown[];
};
/** A phase of an upload as sampled in pg_stat_activity: first and last seen, and the time it was seen for. */
type Phase = { first: number; last: number; seconds: number };
type Upload = {
  batch: Batch;
  wallMs: number;
  /** When the last byte of the body was handed to the socket. */
  sentMs: number;
  peakRssMb: number;
  hwmMb: number | undefined;
  baseRssMb: number;
  apiCpuS: number;
  postgresCpuS: number;
  phases: Map<string, Phase>;
};

async function run(): Promise<void> {
  const databaseUrl = await database.start();
  await database.ensureDatabase('bench_copy');
  const monitor = new pg.Client({ connectionString: databaseUrl });
  await monitor.connect();
  try {
    const csvPath = path.join(tmp, 'results.csv');
    let started = performance.now();
    const csvBytes = await writeCsv(csvPath, ROWS);
    step(`wrote ${fmt(ROWS)} rows of CSV (${mb(csvBytes)} MB) in ${seconds(performance.now() - started)} s`);

    const port = await freePort();
    started = performance.now();
    server = await bench.startApi(port, databaseUrl, {
      env: { IMPORT_MAX_SIZE: '2gb' },
      nodeArgs: (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
    });
    step(`API up on 127.0.0.1:${port} (pid ${server.pid}) in ${seconds(performance.now() - started)} s`);
    const api = new Api(port);
    await api.signIn();
    await createStandards(api);
    step(`created agency ${AGENCY}, a service and ${STANDARD_COUNT} monthly standards`);

    await checkpoint(monitor);
    const first = await measureUpload(api, monitor, csvPath, 'results.csv', 'text/csv');
    step(`first upload: ${describeBatch(first.batch)} in ${seconds(first.wallMs)} s`);
    expect(first.batch.status === 'completed' && first.batch.inserted === ROWS, 'the first upload inserts every row');

    await checkpoint(monitor);
    const second = await measureUpload(api, monitor, csvPath, 'results.csv', 'text/csv');
    step(`second upload: ${describeBatch(second.batch)} in ${seconds(second.wallMs)} s`);

    await checkpoint(monitor);
    const copy = await plainCopy(database.urlFor('bench_copy'), csvPath);
    step(`plain COPY: ${fmt(ROWS)} rows in ${seconds(copy.ms)} s`);

    await checkpoint(monitor);
    const floor = await resultsShapedCopy(monitor, path.join(tmp, 'results-rows.csv'));
    step(`COPY of the imported rows into a table shaped as results: ${fmt(ROWS)} rows in ${seconds(floor.ms)} s`);

    const xlsxPath = path.join(tmp, 'results.xlsx');
    started = performance.now();
    const xlsxBytes = await writeXlsx(xlsxPath, XLSX_ROWS, Math.ceil(ROWS / ROWS_PER_MONTH));
    step(`wrote ${fmt(XLSX_ROWS)} rows of XLSX (${mb(xlsxBytes)} MB) in ${seconds(performance.now() - started)} s`);
    await checkpoint(monitor);
    const xlsx = await measureUpload(
      api,
      monitor,
      xlsxPath,
      'results.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    step(`XLSX upload: ${describeBatch(xlsx.batch)} in ${seconds(xlsx.wallMs)} s`);
    expect(xlsx.batch.status === 'completed' && xlsx.batch.inserted === XLSX_ROWS, 'the XLSX upload inserts every row');

    await bench.stopApi();
    step('API stopped; parsing the same files in this process, without the database, for comparison');
    const readOnly = await timeRows(readTable(createReadStream(csvPath), 'csv'));
    const parsedCsv = await timeRows(parseImportFile(createReadStream(csvPath), { kind: 'csv', format: 'yardstick' }));
    const parsedXlsx = await timeRows(
      parseImportFile(createReadStream(xlsxPath), { kind: 'xlsx', format: 'yardstick' }),
    );

    const httpRate = ROWS / (first.wallMs / 1000);
    const copyRate = ROWS / (copy.ms / 1000);
    const ratio = httpRate / copyRate;
    const shaped = floor.ms / first.wallMs;
    const peakMb = Math.max(first.peakRssMb, first.hwmMb ?? 0);
    console.log(
      `\nbench:ingest: ${fmt(ROWS)} rows (${STANDARD_COUNT} standards x ${CHANNEL_LIST.length} channels x ` +
        `${Math.ceil(ROWS / ROWS_PER_MONTH)} months), PostgreSQL 15 (embedded), Node ${process.version}, ` +
        `${os.cpus().length} CPUs`,
    );
    console.table([
      row(`HTTP import, ${fmt(ROWS)} rows CSV (rows/s)`, Math.round(httpRate), '', ''),
      row(
        'COPY of the same rows into a table shaped as results (rows/s)',
        Math.round(ROWS / (floor.ms / 1000)),
        '',
        '',
      ),
      row(
        'HTTP import / COPY into a table shaped as results',
        Number(shaped.toFixed(2)),
        `>= ${RATIO_GOAL}`,
        shaped >= RATIO_GOAL,
      ),
      row(`for reference: plain COPY, same CSV, bare table + unique index (rows/s)`, Math.round(copyRate), '', ''),
      row('for reference: HTTP import / plain COPY into the bare table', Number(ratio.toFixed(2)), '', ''),
      row('API peak RSS during the upload (MB)', Math.round(peakMb), `<= ${RSS_GOAL_MB}`, peakMb <= RSS_GOAL_MB),
      row(
        'second upload of the same file: unchanged',
        second.batch.unchanged,
        `= ${fmt(ROWS)}`,
        second.batch.unchanged === ROWS && second.batch.inserted === 0 && second.batch.updated === 0,
      ),
      row(`HTTP import, ${fmt(XLSX_ROWS)} rows XLSX (rows/s)`, Math.round(XLSX_ROWS / (xlsx.wallMs / 1000)), '', ''),
    ]);
    console.log(
      '\nWhere the time goes (the import connection in pg_stat_activity every 50 ms; seconds from the start of the request):',
    );
    console.table([
      ...phaseRows('CSV, first upload', first),
      ...phaseRows('CSV, second upload', second),
      ...phaseRows('XLSX upload', xlsx),
    ]);
    console.log('\nTime, CPU and memory of each upload:');
    console.table([resourceRow('CSV, first', first), resourceRow('CSV, second', second), resourceRow('XLSX', xlsx)]);
    console.log('\nParsing alone, in this process (no HTTP, no database):');
    console.table([
      row('CSV readTable only (rows/s)', Math.round(ROWS / (readOnly.ms / 1000)), '', ''),
      row('CSV readTable + Yardstick template checks (rows/s)', Math.round(ROWS / (parsedCsv.ms / 1000)), '', ''),
      row(
        'XLSX readTable + Yardstick template checks (rows/s)',
        Math.round(XLSX_ROWS / (parsedXlsx.ms / 1000)),
        '',
        '',
      ),
    ]);
  } finally {
    await monitor.end();
  }
}

// ------------------------------------------------------------------------------------- the data

/** Row i of the file: month-major, then standard, then channel; counts and value agree. */
function resultRow(i: number, monthOffset: number): (string | number)[] {
  const month = Math.floor(i / ROWS_PER_MONTH) + monthOffset;
  const inMonth = i % ROWS_PER_MONTH;
  const standard = Math.floor(inMonth / CHANNEL_LIST.length);
  const channel = CHANNEL_LIST[inMonth % CHANNEL_LIST.length]!;
  const h = hash32(i + monthOffset * ROWS_PER_MONTH);
  const denominator = 100 + (h % 20_000);
  const numerator = Math.floor(denominator * (0.55 + ((h >>> 16) % 4500) / 10_000));
  const value = Math.round((numerator * 10_000) / denominator) / 100;
  return [AGENCY, standardCode(standard), monthKey(month), channel, value, numerator, denominator, 'bench case system'];
}

function standardCode(index: number): string {
  return `BENCH-${String(index + 1).padStart(3, '0')}`;
}

function monthKey(index: number): string {
  return `${FIRST_YEAR + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

async function writeCsv(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  let chunk = `${CSV_COLUMNS.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${resultRow(i, 0).join(',')}\n`;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return (await fs.stat(file)).size;
}

/** As Excel writes them: shared strings, stored after the worksheet. Months follow the CSV's, so every row is new. */
async function writeXlsx(file: string, rows: number, monthOffset: number): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Results');
  sheet.addRow(CSV_COLUMNS).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(resultRow(i, monthOffset)).commit();
  sheet.commit();
  await workbook.commit();
  return (await fs.stat(file)).size;
}

async function createStandards(api: Api): Promise<void> {
  const agency = await api.post('/agencies', { name: 'Benchmark Agency', abbreviation: AGENCY, slug: 'bench' });
  const service = await api.post('/services', {
    agencyId: agency.id,
    name: 'Benchmark service',
    slug: 'bench-service',
    channels: [...CHANNELS],
  });
  for (let index = 0; index < STANDARD_COUNT; index++) {
    await api.post('/standards', {
      serviceId: service.id,
      code: standardCode(index),
      title: `Benchmark standard ${index + 1}`,
      statement: 'We complete 90% of benchmark requests within 30 days.',
      dimension: 'speed',
      measureDescription: 'Share of benchmark requests completed within 30 days of receipt.',
      unit: 'percent',
      computation: 'share_meeting_threshold',
      direction: 'higher_is_better',
      thresholdValue: 30,
      thresholdUnit: 'days',
      frequency: 'month',
    });
  }
}

/**
 * POST /api/v1/imports with the file streamed from disk as multipart/form-data (never read whole), while
 * sampling the API's RSS and the database's activity every 100 ms.
 */
async function measureUpload(
  api: Api,
  monitor: pg.Client,
  file: string,
  fileName: string,
  contentType: string,
): Promise<Upload> {
  const pid = server!.pid!;
  const hwmReset = resetPeakRss(pid);
  const baseRssMb = statusKb(pid, 'VmRSS') / 1024;
  const cpuBefore = { api: cpuSeconds(pid), postgres: postgresCpuSeconds() };
  const started = performance.now();
  let done = false;
  let peakRssKb = 0;
  const rssSampler = (async () => {
    while (!done) {
      peakRssKb = Math.max(peakRssKb, statusKb(pid, 'VmRSS'));
      await sleep(100);
    }
  })();
  const phases = new Map<string, Phase>();
  const activitySampler = (async () => {
    let previous = 0;
    while (!done) {
      const { rows } = await monitor.query<{ state: string; query: string }>(
        `SELECT state, query FROM pg_stat_activity
         WHERE state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid() AND datname = current_database()`,
      );
      const at = (performance.now() - started) / 1000;
      for (const { state, query } of rows) {
        const phase = phaseOf(state, query);
        if (!phase) continue;
        const seen = phases.get(phase);
        if (seen) {
          seen.last = at;
          seen.seconds += at - previous;
        } else phases.set(phase, { first: at, last: at, seconds: 0 });
      }
      previous = at;
      await sleep(50);
    }
  })();
  try {
    const { status, body, sentMs } = await postFile(api, file, fileName, contentType, started);
    const wallMs = performance.now() - started;
    if (status !== 201 && status !== 200) throw new Error(`upload of ${fileName}: ${status} ${JSON.stringify(body)}`);
    const hwmKb = hwmReset ? statusKb(pid, 'VmHWM') : undefined;
    return {
      batch: body as Batch,
      wallMs,
      sentMs,
      peakRssMb: Math.max(peakRssKb, statusKb(pid, 'VmRSS')) / 1024,
      hwmMb: hwmKb === undefined ? undefined : hwmKb / 1024,
      baseRssMb,
      apiCpuS: cpuSeconds(pid) - cpuBefore.api,
      postgresCpuS: postgresCpuSeconds() - cpuBefore.postgres,
      phases,
    };
  } finally {
    done = true;
    await Promise.all([rssSampler, activitySampler]);
  }
}

function postFile(
  api: Api,
  file: string,
  fileName: string,
  contentType: string,
  started: number,
): Promise<{ status: number; body: unknown; sentMs: number }> {
  const boundary = `yardstick-bench-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const size = statSync(file).size;
    let sentMs = Number.NaN;
    const request = http.request({
      host: '127.0.0.1',
      port: api.port,
      method: 'POST',
      path: '/api/v1/imports?mode=atomic',
      timeout: REQUEST_IDLE_TIMEOUT_MS,
      headers: {
        authorization: api.bearer,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + size + tail.length,
      },
    });
    request.once('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_IDLE_TIMEOUT_MS} ms`)));
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', reject);
      response.once('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), sentMs });
        } catch {
          reject(new Error(`upload of ${fileName}: ${response.statusCode} ${text.slice(0, 1000)}`));
        }
      });
    });
    const body = Readable.from(
      (async function* () {
        yield head;
        yield* createReadStream(file, { highWaterMark: 256 * 1024 });
        yield tail;
      })(),
    );
    body.once('end', () => (sentMs = performance.now() - started));
    body.pipe(request);
  });
}

/** What the import's connection is doing: a chunk's COPY or merge statements, or waiting for the next chunk. */
function phaseOf(state: string, query: string): string | undefined {
  if (state === 'idle in transaction') return 'PostgreSQL waits for the next chunk (API reading, checking)';
  if (query.startsWith('COPY import_staging')) return 'COPY of a chunk into staging';
  if (query.includes('WITH changed AS')) return 'merge: changed rows (revisions kept)';
  if (query.startsWith('INSERT INTO results')) return 'merge: new rows';
  if (query.includes('INSERT INTO explanations')) return 'explanations';
  if (/^\s*COMMIT/i.test(query)) return 'commit';
  return undefined;
}

function phaseRows(label: string, upload: Upload): Record<string, string | number>[] {
  return [...upload.phases].map(([phase, { first, last, seconds }]) => ({
    upload: label,
    phase,
    'first seen (s)': round1(first),
    'last seen (s)': round1(last),
    'seen for (s)': round1(seconds),
  }));
}

function resourceRow(label: string, upload: Upload): Record<string, string | number> {
  return {
    upload: label,
    'answer (s)': round1(upload.wallMs / 1000),
    'body sent (s)': round1(upload.sentMs / 1000),
    'API CPU (s)': round1(upload.apiCpuS),
    'PostgreSQL CPU (s)': round1(upload.postgresCpuS),
    'API RSS before (MB)': Math.round(upload.baseRssMb),
    'peak RSS, sampled (MB)': Math.round(upload.peakRssMb),
    'VmHWM (MB)': upload.hwmMb === undefined ? 'n/a' : Math.round(upload.hwmMb),
  };
}

function round1(value: number): number {
  return Number(value.toFixed(1));
}

// ---------------------------------------------------------------------------------- plain COPY

async function plainCopy(url: string, csvPath: string): Promise<{ ms: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE bare_results (
         agency text NOT NULL, standard_code text NOT NULL, period text NOT NULL, channel text NOT NULL,
         value numeric, numerator bigint, denominator bigint, source text
       )`,
    );
    await client.query('CREATE UNIQUE INDEX bare_results_key ON bare_results (agency, standard_code, period, channel)');
    const started = performance.now();
    await pipeline(
      createReadStream(csvPath, { highWaterMark: 256 * 1024 }),
      client.query(copyFrom(`COPY bare_results (${CSV_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
    const ms = performance.now() - started;
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bare_results');
    expect(rows[0]!.n === ROWS, `plain COPY loads ${fmt(ROWS)} rows (got ${rows[0]!.n})`);
    return { ms };
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL's own floor for what an import writes: the rows the first upload stored, COPYed (no HTTP, no
 * checks, no staging, no merge) into a new table with the columns, indexes and triggers of results.
 */
async function resultsShapedCopy(client: pg.Client, file: string): Promise<{ ms: number }> {
  const columns = `id, standard_id, agency_id, period_key, frequency, period_start, period_end, fiscal_year, channel,
    value, numerator, denominator, sample_size, source, data_quality_note, recorded_by, batch_id`;
  await pipeline(client.query(copyTo(`COPY (SELECT ${columns} FROM results) TO STDOUT`)), createWriteStream(file));
  await client.query('CREATE TABLE bench_results_floor (LIKE results INCLUDING ALL)');
  await client.query(
    `CREATE TRIGGER bench_floor_standards_exist AFTER INSERT ON bench_results_floor
     REFERENCING NEW TABLE AS new_results FOR EACH STATEMENT EXECUTE FUNCTION results_standards_exist()`,
  );
  await client.query(
    `CREATE TRIGGER bench_floor_public_changed AFTER INSERT ON bench_results_floor
     FOR EACH STATEMENT EXECUTE FUNCTION yardstick_public_changed()`,
  );
  await checkpoint(client);
  const started = performance.now();
  await client.query('BEGIN');
  await pipeline(
    createReadStream(file, { highWaterMark: 256 * 1024 }),
    client.query(copyFrom(`COPY bench_results_floor (${columns}) FROM STDIN`)),
  );
  await client.query('COMMIT');
  const ms = performance.now() - started;
  await client.query('DROP TABLE bench_results_floor');
  return { ms };
}

async function checkpoint(client: pg.Client): Promise<void> {
  await client.query('CHECKPOINT'); // each measure starts with no dirty buffers left over from the last
}

// ------------------------------------------------------------------------------------ /proc readers

/** User + system CPU time of a process, in seconds. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return 0;
  }
}

/** CPU time of the postmaster and all its children (backends, writers, checkpointer). */
function postgresCpuSeconds(): number {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(path.join(tmp, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  let total = cpuSeconds(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) total += cpuSeconds(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

function readClockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

// ------------------------------------------------------------------------------------------- small

async function timeRows(rows: AsyncIterable<unknown>): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  let count = 0;
  for await (const _row of rows) count++;
  return { ms: performance.now() - started, count };
}

function row(measure: string, value: number, goal: string, met: boolean | ''): Record<string, unknown> {
  return { measure, value, goal, met: met === '' ? '' : met ? 'yes' : 'NO' };
}

function describeBatch(batch: Batch): string {
  return (
    `${batch.status}, ${fmt(batch.rowsRead)} read, ${fmt(batch.inserted)} inserted, ${fmt(batch.updated)} updated, ` +
    `${fmt(batch.unchanged)} unchanged, ${fmt(batch.errorCount)} errors` +
    (batch.errorCount > 0 ? ` (first: ${JSON.stringify(batch.errors.slice(0, 3))})` : '')
  );
}

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`expected: ${what}`);
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

// ------------------------------------------------------------------------------------------ the run

const bench = await Bench.create('ingest');
const { tmp, database } = bench;
let server: ChildProcess | undefined;
await bench.main(run, TIME_LIMIT_MS);
