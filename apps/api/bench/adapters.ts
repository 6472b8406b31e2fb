// npm run bench:adapters: Express against Fastify under Yardstick's own pipe, filter and logging.
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const here = path.dirname(fileURLToPath(import.meta.url));

type Row = { adapter: string; route: string; rps: number; p50: number; p99: number; errors: number };

async function measure(adapter: string, port: number): Promise<Row[]> {
  const server = fork(path.join(here, 'adapter-server.js'), [adapter, String(port)], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    server.once('message', () => resolve());
    server.once('exit', (code) => reject(new Error(`${adapter} server exited with ${code}`)));
  });
  const routes: [string, autocannon.Options][] = [
    ['GET /api/ping', { url: `http://127.0.0.1:${port}/api/ping` }],
    ['GET /api/results?size=50', { url: `http://127.0.0.1:${port}/api/results?size=50` }],
    [
      'POST /api/results (validated)',
      {
        url: `http://127.0.0.1:${port}/api/results`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ standardId: 'abc', period: 'FY2026-Q1', value: 91 }),
      },
    ],
  ];
  const rows: Row[] = [];
  for (const [route, options] of routes) {
    await autocannon({ ...options, connections: CONNECTIONS, duration: 2 }); // warm-up
    const result = await autocannon({ ...options, connections: CONNECTIONS, duration: DURATION_S });
    rows.push({
      adapter,
      route,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }
  server.kill('SIGTERM');
  return rows;
}

const rows = [...(await measure('express', 4101)), ...(await measure('fastify', 4102))];
console.log(`autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per route, Node ${process.version}`);
console.table(rows);
for (const route of new Set(rows.map((r) => r.route))) {
  const express = rows.find((r) => r.route === route && r.adapter === 'express')!;
  const fastify = rows.find((r) => r.route === route && r.adapter === 'fastify')!;
  console.log(`${route}: fastify/express req/s ratio ${(fastify.rps / express.rps).toFixed(2)}`);
}
