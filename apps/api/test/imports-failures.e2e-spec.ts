import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { ImportBatch } from '../src/imports/entities/import-batch.entity.js';
import { ImportsService } from '../src/imports/imports.service.js';
import { ResultsLoader } from '../src/imports/results-loader.js';
import { FLOW_STANDARD, seedAgencyServiceStandard } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const HEADER = 'agency,standard_code,period,channel,value,numerator,denominator,source';
/** Month i from January 2000 on, one row. */
const line = (i: number, numerator = 900): string =>
  `AGY,FLOW,${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},,,${numerator},1000,Case system\n`;
const rows = (from: number, to: number, numerator?: number): string =>
  Array.from({ length: to - from }, (_, k) => line(from + k, numerator)).join('');

describe('imports while they run: progress, a client that goes away, a database that fails, two at once', () => {
  let t: TestApp;
  let port: number;
  let token: string;
  let query: (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    // The rows run month by month from 2000 to the 2070s: the clock stands after them all (a period must have ended).
    t = await createTestApp({}, { now: '2100-01-15T12:00:00Z' });
    query = (sql, parameters) => t.app.get(DataSource).query(sql, parameters);
    await seedAgencyServiceStandard(t, {
      service: { name: 'Flow', slug: 'flow' },
      standard: { ...FLOW_STANDARD, code: 'FLOW' },
    });
    await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', resolve));
    port = (t.server.address() as AddressInfo).port;
    token = await t.tokenFor('admin@test.example');
  });
  afterAll(async () => {
    await t.close();
  });

  const counts = async () =>
    (
      await query(`SELECT (SELECT count(*) FROM results)::int AS results,
                          (SELECT count(*) FROM result_revisions)::int AS revisions`)
    )[0];

  /** A multipart upload written by hand, so that the test decides when each part of the body is sent. */
  function startUpload(batchId: string, size: number) {
    const boundary = `b${randomUUID()}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/imports?batchId=${batchId}`,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': Buffer.byteLength(head) + size + Buffer.byteLength(tail),
      },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.once('error', reject);
      request.once('response', (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.once('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
    });
    request.write(head);
    return { request, answer, tail };
  }

  const batch = (id: string) => t.api().get(`/api/v1/imports/${id}`);

  /** The outcome of the next import the server runs (its answer or its error), without polling. */
  function nextImport(): Promise<unknown> {
    const service = t.app.get(ImportsService);
    const original = service.importFile.bind(service);
    return new Promise((resolve) => {
      jest.spyOn(service, 'importFile').mockImplementationOnce((...args) => {
        const outcome = original(...args);
        resolve(outcome.then(() => undefined));
        return outcome;
      });
    }).then((outcome) => outcome);
  }

  /** Holds the next import just before it starts reading the file, until released. */
  function holdNextLoad(): { reached: Promise<void>; release: () => void } {
    // On the prototype: the next import's loader, whichever module's instance it is (the import's transaction is
    // open and the loader has its connection before it reads a byte of the file).
    const original = ResultsLoader.prototype.loadWithin;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reach!: () => void;
    const reached = new Promise<void>((resolve) => (reach = resolve));
    jest.spyOn(ResultsLoader.prototype, 'loadWithin').mockImplementationOnce(async function (
      this: ResultsLoader,
      ...args
    ) {
      reach();
      await gate;
      return original.apply(this, args as Parameters<typeof original>) as never;
    });
    return { reached, release };
  }

  /** The number of rows the next progress report of a running import says it has read, once it is saved. */
  function nextProgress(): Promise<number> {
    const manager = t.app.get(DataSource).manager;
    const original = manager.update.bind(manager) as (...args: unknown[]) => Promise<unknown>;
    return new Promise((resolve) => {
      const spy = jest.spyOn(manager, 'update').mockImplementation(((...args: unknown[]) => {
        const [entity, , values] = args as [unknown, unknown, { rowsRead?: number; status?: string }];
        const saving = original(...args);
        if (entity === ImportBatch && values.rowsRead !== undefined && values.status === undefined) {
          spy.mockRestore();
          void saving.then(() => resolve(values.rowsRead!));
        }
        return saving;
      }) as typeof manager.update);
    });
  }

  /** The server side (Node's IncomingMessage) of the next request. */
  function nextServerRequest(): Promise<http.IncomingMessage> {
    return new Promise((resolve) => t.server.prependOnceListener('request', resolve));
  }

  it('says how far it got while the file is still coming, then finishes', async () => {
    const batchId = randomUUID();
    const first = `${HEADER}\n${rows(0, 250)}`;
    const second = rows(250, 400);
    const held = holdNextLoad();
    const upload = startUpload(batchId, Buffer.byteLength(first) + Buffer.byteLength(second));
    upload.request.write(first);
    await held.reached;
    // Progress is saved at most once a second of wall time: for this import, a second has gone by.
    const wallClock = Date.now.bind(Date);
    const later = jest.spyOn(Date, 'now').mockImplementation(() => wallClock() + 1100);
    const saved = nextProgress();
    held.release();
    upload.request.write(second);
    try {
      expect(await saved).toBeGreaterThanOrEqual(100);
    } finally {
      later.mockRestore();
    }
    const running = (await batch(batchId).expect(200)).body;
    expect(running).toMatchObject({ status: 'running', bytesTotal: expect.any(Number) });
    expect(running.rowsRead).toBeGreaterThanOrEqual(100);
    expect(running.bytesRead).toBeGreaterThan(0);
    expect(running.bytesRead).toBeLessThan(running.bytesTotal);
    upload.request.end(upload.tail);
    const { status, body } = await upload.answer;
    expect(status).toBe(201);
    expect(JSON.parse(body)).toMatchObject({ id: batchId, status: 'completed', rowsRead: 400, inserted: 400 });
  });

  it('writes nothing when the client disconnects in the middle of the upload, before the server reads it', async () => {
    const before = await counts();
    const batchId = randomUUID();
    const part = `${HEADER}\n${rows(400, 700)}`;
    const server = nextImport();
    const held = holdNextLoad();
    const arrived = nextServerRequest();
    const upload = startUpload(batchId, Buffer.byteLength(part) * 3);
    const clientSide = upload.answer.then(
      () => 'answered',
      (error: Error) => error.message,
    );
    upload.request.write(part);
    // The server has the batch and the file stream, and has not read any of it yet: the client goes away.
    await held.reached;
    const request = await arrived;
    const closed = new Promise((resolve) => request.once('close', resolve));
    upload.request.destroy();
    await closed;
    expect(await clientSide).toBe('socket hang up');
    held.release();
    await expect(server).rejects.toThrow(/upload ended before the whole file arrived/);
    expect((await batch(batchId).expect(200)).body).toMatchObject({ status: 'failed', inserted: 0, updated: 0 });
    expect(await counts()).toEqual(before);
  });

  it('writes nothing when the database fails in the middle of the merge', async () => {
    const before = await counts();
    // A fault planted for this test: the 50th row of the merge makes the database raise an error.
    await query(`CREATE FUNCTION test_fail_midway() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.source = 'boom' THEN RAISE EXCEPTION 'disk full (simulated)'; END IF; RETURN NEW; END $$`);
    await query(`CREATE TRIGGER test_fail_midway BEFORE INSERT OR UPDATE ON results FOR EACH ROW
      EXECUTE FUNCTION test_fail_midway()`);
    try {
      const csv = `${HEADER}\n${rows(700, 749)}${line(749).replace('Case system', 'boom')}${rows(750, 800)}`;
      const batchId = randomUUID();
      const response = await t
        .api()
        .post(`/api/v1/imports?batchId=${batchId}`)
        .attach('file', Buffer.from(csv), 'r.csv');
      expect(response.status).toBe(500);
      expect(JSON.stringify(response.body)).not.toMatch(/disk full/);
      expect((await batch(batchId).expect(200)).body).toMatchObject({ status: 'failed', inserted: 0 });
      expect(await counts()).toEqual(before);
    } finally {
      await query('DROP TRIGGER test_fail_midway ON results');
      await query('DROP FUNCTION test_fail_midway()');
    }
  });

  it('keeps every revision when two imports change the same keys at once', async () => {
    const upload = (csv: string) =>
      t.api().post('/api/v1/imports').attach('file', Buffer.from(csv), 'r.csv').expect(201);
    await upload(`${HEADER}\n${rows(800, 900)}`);
    const [a, b] = await Promise.all([
      upload(`${HEADER}\n${rows(800, 900, 800)}`),
      upload(`${HEADER}\n${rows(800, 900, 700)}`),
    ]);
    expect([a.body.updated, b.body.updated]).toEqual([100, 100]);
    const [result] = await query(`SELECT id FROM results WHERE period_key = $1`, ['2066-09']);
    const history = await t.api().get(`/api/v1/results/${result!.id}/revisions`).expect(200);
    const values = history.body.map((r: { revision: number; value: number }) => [r.revision, r.value]);
    expect(values).toHaveLength(3);
    expect(values.map(([revision]: number[]) => revision)).toEqual([3, 2, 1]);
    expect(values[2]).toEqual([1, 90]);
    expect([values[0][1], values[1][1]].sort()).toEqual([70, 80]);
    const mismatched = await query(
      `SELECT r.id FROM results r
       WHERE r.revision <> 1 + (SELECT count(*) FROM result_revisions v WHERE v.result_id = r.id)`,
    );
    expect(mismatched).toEqual([]);
  });
});
