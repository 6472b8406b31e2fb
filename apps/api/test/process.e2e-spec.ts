import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../src/config/app.config.js';

// The compiled server, exactly as `npm start` runs it (global-setup.js compiles it first).
const MAIN = path.join(REPO_ROOT, 'apps/api/dist/apps/api/src/main.js');

type Running = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

async function startServer(env: Record<string, string>): Promise<Running> {
  const { DATABASE_URL: _external, ...inherited } = process.env; // always the embedded default here
  const child = spawn(process.execPath, [MAIN], {
    env: { ...inherited, NODE_ENV: 'production', LOG_FORMAT: 'json', PORT: '0', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const ready = /Yardstick is ready on (http:\/\/\S+) /.exec(output);
      if (ready) {
        clearInterval(timer);
        resolve(ready[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { child, url, output: () => output, exited };
}

describe('the server process (npm start)', () => {
  const roots: string[] = [];
  afterAll(async () => {
    for (const root of roots) await fs.rm(root, { recursive: true, force: true });
  });

  it('starts on an empty data folder with its own PostgreSQL, stops cleanly on SIGTERM, and keeps its data', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yardstick-process-'));
    roots.push(dataDir);
    await fs.chmod(dataDir, 0o755);

    const first = await startServer({ DATA_DIR: dataDir });
    const health = await fetch(`${first.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'up', database: { mode: 'embedded' } });
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const log = first.output();
    expect(log.indexOf('closing HTTP, then the database pool')).toBeLessThan(log.indexOf('"Stopped"'));
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await startServer({ DATA_DIR: dataDir });
    expect(second.output()).not.toMatch(/initdb|adopting/);
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 60_000);

  it('refuses to start with a bad setting, naming the variable', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: 'eighty', LOG_LEVEL: 'chatty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT: must be a whole number from 0 to 65535 (got "eighty")');
    expect(stderr).toContain('LOG_LEVEL: must be one of');
  });
});
