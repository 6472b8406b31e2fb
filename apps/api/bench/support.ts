// What every benchmark needs: a fresh folder, its own embedded PostgreSQL, the built API started as a child
// process (production settings, loopback only), and clean-up on every way out (done, failed, time limit, ^C).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import net from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const mainJs = path.join(here, '..', 'src', 'main.js');

/** The administrator the API bootstraps for the benchmark. */
export const BENCH_ADMIN = { email: 'bench@yardstick.local', password: randomBytes(18).toString('base64url') };

export type ApiOptions = {
  /** Added to the API's environment. */
  env?: Record<string, string>;
  nodeArgs?: string[];
  cwd?: string;
};

export class Bench {
  private server: ChildProcess | undefined;
  private cleaning: Promise<void> | undefined;
  /** The last PostgreSQL log lines, shown when the benchmark fails. */
  private readonly pgLog: string[] = [];
  readonly database: EmbeddedPostgres;

  private constructor(
    readonly name: string,
    readonly tmp: string,
  ) {
    this.database = new EmbeddedPostgres({
      dataDir: path.join(tmp, 'postgres'),
      onLog: (line) => keepTail(this.pgLog, line),
    });
  }

  static async create(name: string): Promise<Bench> {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), `yardstick-bench-${name}-`));
    await fs.chmod(tmp, 0o755); // PostgreSQL runs as the unprivileged user postgres when we are root
    return new Bench(name, tmp);
  }

  /** Runs the benchmark, then stops the API and PostgreSQL and removes the folder, whatever happens. */
  async main(run: () => Promise<void>, timeLimitMs?: number): Promise<void> {
    const timeLimit =
      timeLimitMs &&
      setTimeout(() => {
        console.error(`bench:${this.name}: over its time limit of ${timeLimitMs / 1000} s; stopping`);
        void this.cleanup().finally(() => process.exit(2));
      }, timeLimitMs);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void this.cleanup().finally(() => process.exit(130)));
    }
    try {
      await run();
    } catch (error) {
      console.error(`bench:${this.name} failed:`, error);
      if (this.pgLog.length > 0) console.error(`last PostgreSQL lines:\n  ${this.pgLog.join('\n  ')}`);
      process.exitCode = 1;
    } finally {
      if (timeLimit) clearTimeout(timeLimit);
      await this.cleanup();
    }
  }

  /** Starts the built API on `port` against `databaseUrl` and waits until its health check answers. */
  async startApi(port: number, databaseUrl: string, options: ApiOptions = {}): Promise<ChildProcess> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), mainJs], {
      cwd: options.cwd,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        COOKIE_SECURE: 'false',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        DATA_DIR: this.tmp,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        ADMIN_EMAIL: BENCH_ADMIN.email,
        ADMIN_PASSWORD: BENCH_ADMIN.password,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.server = child;
    const tail: string[] = [];
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8').on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) {
          if (!line.trim()) continue;
          keepTail(tail, line);
          console.error(`[api] ${line.slice(0, 500)}`);
        }
      });
    }
    let exited: string | undefined;
    child.once('exit', (code, signal) => (exited = `exited (${signal ?? code})`));
    // LOG_LEVEL=warn hides the "Yardstick is ready" line (info): health answering 200 says the same.
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (exited) throw new Error(`the API ${exited} before it was ready:\n  ${tail.join('\n  ')}`);
      if (Date.now() > deadline) throw new Error('the API was not ready within 120 s');
      const health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
      if (health?.status === 200) return child;
      await sleep(200);
    }
  }

  async stopApi(): Promise<void> {
    const child = this.server;
    this.server = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    await exited;
    clearTimeout(timer);
  }

  private cleanup(): Promise<void> {
    return (this.cleaning ??= (async () => {
      await this.stopApi().catch((error: unknown) => console.error('stopping the API:', error));
      await this.database.stop().catch((error: unknown) => console.error('stopping PostgreSQL:', error));
      await fs.rm(this.tmp, { recursive: true, force: true });
    })());
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function keepTail(lines: string[], line: string): void {
  lines.push(line);
  if (lines.length > 40) lines.shift();
}

export function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

export function step(message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** The API as a benchmark uses it: signed in as the bootstrapped administrator, with a personal token. */
export class Api {
  private token = '';

  constructor(readonly port: number) {}

  get bearer(): string {
    return `Bearer ${this.token}`;
  }

  async signIn(): Promise<void> {
    const login = await fetch(this.url('/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
    });
    const me = (await answer(login, 'sign in')) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    const created = await fetch(this.url('/tokens'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ name: 'bench', kind: 'personal' }),
    });
    this.token = ((await answer(created, 'create a token')) as { token: string }).token;
  }

  async post(route: string, body: unknown): Promise<{ id: string }> {
    const response = await fetch(this.url(route), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: this.bearer },
      body: JSON.stringify(body),
    });
    return (await answer(response, `POST ${route}`)) as { id: string };
  }

  url(route: string): string {
    return `http://127.0.0.1:${this.port}/api/v1${route}`;
  }
}

export async function answer(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 1000)}`);
  return JSON.parse(text) as unknown;
}

export function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Writing 5 to clear_refs resets VmHWM (Linux 4.0+), so that it tells the peak of this upload alone. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** A well-mixed 32-bit hash of a number: deterministic generated data. */
export function hash32(n: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
