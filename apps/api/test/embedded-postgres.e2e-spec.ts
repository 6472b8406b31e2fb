import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  const roots: string[] = [];
  const newDataDir = async (): Promise<string> => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'yardstick-embedded-'));
    await fs.chmod(root, 0o755);
    roots.push(root);
    return path.join(root, 'postgres');
  };
  afterAll(async () => {
    for (const root of roots) await fs.rm(root, { recursive: true, force: true });
  });

  it('keeps its data across a stop and a start', async () => {
    const dataDir = await newDataDir();
    const first = new EmbeddedPostgres({ dataDir });
    const url = await first.start();
    await query(url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$still here$$)');
    await first.stop();
    await expect(query(url, 'SELECT 1')).rejects.toThrow();

    const second = new EmbeddedPostgres({ dataDir });
    const again = await second.start();
    expect((await query(again, 'SELECT value FROM kept')).rows).toEqual([{ value: 'still here' }]);
    expect((await query(again, 'SHOW server_version')).rows[0].server_version).toMatch(/^15\./);
    await second.stop();
  });

  it('takes over a server left running by a run that was killed, and stops it', async () => {
    const dataDir = await newDataDir();
    const orphaned = new EmbeddedPostgres({ dataDir });
    await orphaned.start(); // never stopped: as if the process had been killed
    const pid = Number((await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);

    const next = new EmbeddedPostgres({ dataDir });
    const url = await next.start();
    expect((await query(url, 'SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    await next.stop();
    expect(spawnSync('kill', ['-0', String(pid)]).status).not.toBe(0);
  });

  it('refuses a data folder that holds something else', async () => {
    const dataDir = await newDataDir();
    await fs.mkdir(dataDir);
    await fs.writeFile(path.join(dataDir, 'notes.txt'), 'not a cluster');
    await expect(new EmbeddedPostgres({ dataDir }).start()).rejects.toThrow(
      /holds files but no usable PostgreSQL cluster/,
    );
  });
});
