// npm run bench:public: the public site under load. Starts its own PostgreSQL 15 (embedded) and API (the built
// web app included), seeds 10,000 published standards with five years of monthly certified results in set-based
// SQL, then measures with autocannon (50 connections, 20 s a route after a 2 s warm-up) the standard page, its
// JSON, the agency page and the annual report against a trivial route of the same server (the ceiling); times the
// first (uncached) answer of each page, the annual report of an agency with 1,000 standards included; sums the
// public pages' JavaScript before charts load (gzipped); and runs Lighthouse with Debian's Chromium when the
// lighthouse package is installed. BENCH_DURATION_S (default 20) and BENCH_STANDARDS (default 10,000) shrink it;
// while iterating, BENCH_ONLY=standard measures only the ceiling and the standard page and JSON (no large pages),
// and BENCH_LIGHTHOUSE=none|desktop|mobile (default both) chooses the Lighthouse runs. The default is the full run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fiscalYearOf } from '@yardstick/metrics';
import autocannon from 'autocannon';
import pg from 'pg';
import { Bench, fmt, freePort, positiveInteger, seconds, step } from './support.js';

const DURATION_S = positiveInteger('BENCH_DURATION_S', 20);
const STANDARDS = positiveInteger('BENCH_STANDARDS', 10_000);
const CONNECTIONS = 50;
const AGENCIES = 10;
const SERVICES_PER_AGENCY = 10;
const MONTHS = 60;
const RATIO_GOAL = 0.5;
const P99_GOAL_MS = 50;
const REPORT_GOAL_MS = 2000;
const JS_GOAL_KB = 150;
const ONLY_STANDARD = process.env.BENCH_ONLY === 'standard';
const LIGHTHOUSE = (process.env.BENCH_LIGHTHOUSE ?? 'desktop,mobile').split(',').filter((f) => f !== 'none');

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..', '..', '..', '..');
const webDist = path.join(repoRoot, 'apps', 'web', 'dist');
const FY = fiscalYearOf(new Date());

type Row = Record<string, string | number | boolean>;

async function run(): Promise<void> {
  if (!existsSync(path.join(webDist, 'server', 'entry-server.js'))) {
    throw new Error(`${webDist}/server is missing: build the web app first (npm run build)`);
  }
  const databaseUrl = await database.start();
  const port = await freePort();
  let started = performance.now();
  await bench.startApi(port, databaseUrl, { cwd: repoRoot, env: { WEB_DIST_DIR: webDist, DB_POOL_SIZE: '10' } });
  step(`API up on 127.0.0.1:${port} in ${seconds(performance.now() - started)} s`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    started = performance.now();
    const results = await seed(client);
    step(
      `seeded ${fmt(STANDARDS)} published standards (${AGENCIES} agencies x ${SERVICES_PER_AGENCY} services), ` +
        `${fmt(results)} certified monthly results in ${seconds(performance.now() - started)} s`,
    );
    const { rows } = await client.query<{ id: string }>(
      `SELECT s.id FROM standards s JOIN agencies a ON a.id = s.agency_id WHERE a.slug = 'bench-0' ORDER BY s.code`,
    );
    const all = await client.query<{ id: string }>(`SELECT id FROM standards ORDER BY random()`);
    const standardId = rows[0]!.id;
    const base = `http://127.0.0.1:${port}`;
    const perAgency = STANDARDS / AGENCIES;

    // The first answer of each page: nothing cached yet (the cache was dropped by the seeding's NOTIFY).
    const cold: Row[] = [];
    for (const [label, route, goal] of [
      ['standard page', `/standards/${standardId}`, ''],
      ['standard JSON', `/api/v1/public/standards/${standardId}`, ''],
      [`agency page (${fmt(perAgency)} standards)`, '/agencies/bench-0', ''],
      [`annual report page (${fmt(perAgency)} standards)`, `/reports/bench-0/${FY - 1}`, `<= ${REPORT_GOAL_MS} ms`],
      [
        `annual report JSON (${fmt(perAgency)} standards)`,
        `/api/v1/public/reports/bench-1/${FY - 1}`,
        `<= ${REPORT_GOAL_MS} ms`,
      ],
      [`annual report PDF (${fmt(perAgency)} standards)`, `/api/v1/public/reports/bench-2/${FY - 1}/report.pdf`, ''],
      ['home page (all standards)', '/', ''],
    ] as const) {
      if (ONLY_STANDARD && !label.startsWith('standard')) continue;
      const t0 = performance.now();
      const response = await fetch(base + route);
      const body = await response.arrayBuffer();
      const ms = Math.round(performance.now() - t0);
      if (!response.ok) throw new Error(`GET ${route}: ${response.status}`);
      cold.push({
        'first answer (uncached)': label,
        ms,
        KB: Math.round(body.byteLength / 1024),
        goal,
        met: goal ? ms <= REPORT_GOAL_MS : '',
      });
    }

    const routes: { label: string; path?: string; paths?: string[]; goal: boolean }[] = [
      { label: 'ceiling: GET /api/v1/public (constant JSON)', path: '/api/v1/public', goal: false },
      { label: 'standard page (HTML)', path: `/standards/${standardId}`, goal: true },
      { label: 'standard JSON', path: `/api/v1/public/standards/${standardId}`, goal: true },
      { label: `agency page (${fmt(perAgency)} standards)`, path: '/agencies/bench-0', goal: false },
      { label: `annual report page (${fmt(perAgency)} standards)`, path: `/reports/bench-0/${FY - 1}`, goal: false },
      {
        label: `standard pages, ${fmt(STANDARDS)} different (mostly uncached)`,
        paths: all.rows.map((r) => `/standards/${r.id}`),
        goal: false,
      },
      // The ceiling again, last: on a shared 2-CPU machine the first route also pays for warming up.
      { label: 'ceiling again, last', path: '/api/v1/public', goal: false },
    ];
    if (ONLY_STANDARD) routes.splice(3, 3);
    const measured: { route: (typeof routes)[number]; result: autocannon.Result }[] = [];
    for (const route of routes) {
      const options = requestOptions(base, route);
      await autocannon({ ...options, connections: CONNECTIONS, duration: 2 });
      const result = await autocannon({ ...options, connections: CONNECTIONS, duration: DURATION_S });
      measured.push({ route, result });
      step(`${route.label}: ${fmt(Math.round(result.requests.average))} req/s, p99 ${result.latency.p99} ms`);
    }
    // The ceiling is the better of its two runs.
    const ceiling = Math.max(measured[0]!.result.requests.average, measured.at(-1)!.result.requests.average);
    const load: Row[] = [];
    for (const { route, result } of measured) {
      const rps = Math.round(result.requests.average);
      const errors = result.errors + result.timeouts + result.non2xx;
      const ratio = rps / ceiling;
      load.push({
        route: route.label,
        'req/s': rps,
        'p50 ms': result.latency.p50,
        'p99 ms': result.latency.p99,
        errors,
        'ratio to ceiling': Number(ratio.toFixed(2)),
        goal: route.goal ? `>= ${RATIO_GOAL}, p99 <= ${P99_GOAL_MS} ms, 0 errors` : '',
        met: route.goal ? ratio >= RATIO_GOAL && result.latency.p99 <= P99_GOAL_MS && errors === 0 : '',
      });
    }

    const js = publicJavaScript();
    const lighthouse: string[] = [];
    for (const formFactor of ['desktop', 'mobile'] as const) {
      if (LIGHTHOUSE.includes(formFactor))
        lighthouse.push(await runLighthouse(`${base}/standards/${standardId}`, formFactor));
    }

    console.log(
      `\nbench:public: ${fmt(STANDARDS)} standards, ${fmt(results)} results, autocannon ${CONNECTIONS} connections, ` +
        `${DURATION_S} s a route, PostgreSQL 15 (embedded), Node ${process.version}, ${os.cpus().length} CPUs`,
    );
    console.table(cold);
    console.table(load);
    console.table([
      {
        measure: 'public page JavaScript before charts (gzipped)',
        KB: Number(js.totalKb.toFixed(1)),
        files: js.files.join(' '),
        goal: `<= ${JS_GOAL_KB} KB`,
        met: js.totalKb <= JS_GOAL_KB,
      },
      {
        measure: 'charts chunk, loaded after (gzipped)',
        KB: Number(js.chartsKb.toFixed(1)),
        files: '',
        goal: '',
        met: '',
      },
    ]);
    console.log(`Lighthouse on the standard page:\n  ${lighthouse.join('\n  ')}`);
  } finally {
    await client.end();
  }
}

/** Every route is asked for as a browser asks: accepting gzip (the ceiling too, though its answer is too small to compress). */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip' };

function requestOptions(base: string, route: { path?: string; paths?: string[] }): autocannon.Options {
  if (route.path) return { url: base + route.path, headers: BROWSER_HEADERS };
  const paths = route.paths!;
  let next = 0;
  return {
    url: base,
    headers: BROWSER_HEADERS,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  };
}

// ------------------------------------------------------------------------------------------ the data

/** Set-based: agencies, services, standards with a published version, targets for six years, 60 monthly results each. */
async function seed(client: pg.Client): Promise<number> {
  const perService = Math.ceil(STANDARDS / AGENCIES / SERVICES_PER_AGENCY);
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO agencies (name, abbreviation, slug)
     SELECT 'Benchmark agency ' || a, 'BENCH' || a, 'bench-' || a FROM generate_series(0, $1 - 1) a`,
    [AGENCIES],
  );
  await client.query(
    `INSERT INTO services (agency_id, name, slug, customers, channels)
     SELECT ag.id, 'Service ' || s || ' of ' || ag.abbreviation, ag.slug || '-service-' || s, 'Everyone', '{online,phone}'
       FROM agencies ag, generate_series(0, $1 - 1) s WHERE ag.slug LIKE 'bench-%'`,
    [SERVICES_PER_AGENCY],
  );
  await client.query(
    `CREATE TEMP TABLE bench_standards ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, gen_random_uuid() AS version_id, sv.agency_id, sv.id AS service_id,
            sv.slug || '-' || n AS code, n
       FROM services sv, generate_series(0, $1 - 1) n WHERE sv.slug LIKE 'bench-%'`,
    [perService],
  );
  await client.query(
    `INSERT INTO standards (id, agency_id, service_id, code, status)
     SELECT id, agency_id, service_id, upper(code), 'draft' FROM bench_standards`,
  );
  await client.query(
    `INSERT INTO standard_versions (id, standard_id, version, status, title, statement, dimension, measure_description,
                                    unit, computation, direction, threshold_value, threshold_unit, frequency, published_at)
     SELECT version_id, id, 1, 'published', 'Processing time ' || code,
            'We process ' || (85 + n % 10) || '% of applications within 30 days.', 'speed',
            'Share of applications decided within 30 days of receipt.', 'percent', 'share_meeting_threshold',
            'higher_is_better', 30, 'days', 'month', now() - interval '6 years'
       FROM bench_standards`,
  );
  await client.query(
    `UPDATE standards s SET status = 'published', published_version_id = b.version_id
       FROM bench_standards b WHERE b.id = s.id`,
  );
  await client.query(
    `INSERT INTO targets (standard_id, fiscal_year, quarter, value, unit)
     SELECT id, fy, 0, 85 + n % 10, 'percent' FROM bench_standards, generate_series($1::int - 5, $1::int) fy`,
    [FY],
  );
  const inserted = await client.query(
    `INSERT INTO results (standard_id, agency_id, period_key, frequency, period_start, period_end, fiscal_year, channel,
                          value, numerator, denominator, source, certified_at, certified_by)
     SELECT b.id, b.agency_id, to_char(m.start, 'YYYY-MM'), 'month', m.start, (m.start + interval '1 month - 1 day')::date,
            extract(year FROM m.start + interval '3 months')::int, 'all',
            round(c.numerator * 100.0 / 1000, 4), c.numerator, 1000, 'Case management system', now(), 'bench'
       FROM bench_standards b
      CROSS JOIN LATERAL (SELECT (date_trunc('month', now()) - make_interval(months => k))::date AS start, k
                            FROM generate_series(1, $1) k) m
      CROSS JOIN LATERAL (SELECT 800 + (abs(hashtext(b.id::text || m.k)) % 200) AS numerator) c`,
    [MONTHS],
  );
  await client.query('COMMIT');
  await client.query('ANALYZE');
  return inserted.rowCount ?? 0;
}

// ------------------------------------------------------------------------------- JavaScript and Lighthouse

/** The scripts a public page loads before any chart: index.html's entry and its module preloads, gzipped. */
function publicJavaScript(): { totalKb: number; files: string[]; chartsKb: number } {
  const html = readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const gz = (file: string) => gzipSync(readFileSync(path.join(webDist, file))).length / 1024;
  const totalKb = files.reduce((sum, file) => sum + gz(file), 0);
  const assets = readdirJs(path.join(webDist, 'assets'));
  const chartsKb = assets.filter((f) => f.startsWith('chart-canvas')).reduce((s, f) => s + gz(`assets/${f}`), 0);
  return { totalKb, files: files.map((f) => path.basename(f)), chartsKb };
}

function readdirJs(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.js'));
}

/** Lighthouse (if installed) with Debian's Chromium, headless, offline: accessibility and performance scores. */
async function runLighthouse(url: string, formFactor: 'desktop' | 'mobile'): Promise<string> {
  const cli = path.join(repoRoot, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!existsSync(cli)) return 'not run: the lighthouse package is not installed';
  const out = path.join(tmp, `lighthouse-${formFactor}.json`);
  const result = spawnSync(
    process.execPath,
    [
      cli,
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=accessibility,performance',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      // Mobile is Lighthouse's default: a slow 4G connection and a 4x slower CPU, simulated.
      ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
    ],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, encoding: 'utf8', timeout: 180_000 },
  );
  if (result.status !== 0 || !existsSync(out)) {
    return `failed (exit ${result.status}): ${(result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' ')}`;
  }
  const report = JSON.parse(await fs.readFile(out, 'utf8')) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { displayValue?: string }>;
  };
  const score = (key: string) => Math.round((report.categories[key]?.score ?? 0) * 100);
  const metrics = [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
  ]
    .map((key) => `${key.replace(/-/g, ' ')} ${report.audits[key]?.displayValue ?? '?'}`)
    .join(', ');
  return (
    `${formFactor}: accessibility ${score('accessibility')} (goal 100), performance ${score('performance')} ` +
    `(goal >= 90); ${metrics}`
  );
}

// ------------------------------------------------------------------------------------------ the run

const bench = await Bench.create('public');
const { tmp, database } = bench;
await bench.main(run);
