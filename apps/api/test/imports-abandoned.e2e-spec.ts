import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FLOW_STANDARD, seedAgencyServiceStandard } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const HEADER = 'agency,standard_code,period,channel,value,numerator,denominator,source';
const rows = (count: number): string =>
  Array.from(
    { length: count },
    (_, i) => `AGY,FLOW,${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},,,900,1000,Case system\n`,
  ).join('');

describe('an upload the client abandons is a warning, not a server error', () => {
  let t: TestApp;
  let port: number;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info' }, { logLines: (line) => lines.push(line) });
    await seedAgencyServiceStandard(t, {
      service: { name: 'Flow', slug: 'flow' },
      standard: { ...FLOW_STANDARD, code: 'FLOW' },
    });
    await new Promise<void>((resolve) => t.server.listen(0, '127.0.0.1', resolve));
    port = (t.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t.close();
  });

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('not there within 10 s');
  }

  it('logs the batch id and the bytes received at level 40, and nothing at level 50', async () => {
    const token = await t.tokenFor('admin@test.example');
    const batchId = randomUUID();
    const boundary = `b${randomUUID()}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const part = `${HEADER}\n${rows(300)}`;
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/imports?batchId=${batchId}`,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        // Three times what is sent: the server is still waiting for the rest when the client goes away.
        'content-length': Buffer.byteLength(head) + Buffer.byteLength(part) * 3,
      },
    });
    request.on('error', () => undefined); // the client's side of the abandoned request
    request.write(head + part);
    await until(
      () => t.api().get(`/api/v1/imports/${batchId}`),
      (response) => response.status === 200,
    );
    request.destroy();
    const failed = await until(
      () => t.api().get(`/api/v1/imports/${batchId}`),
      (response) => response.body.status !== 'running',
    );
    expect(failed.body.status).toBe('failed');
    // The warning is written as the import ends, the request's own line when its connection closes.
    const warning = await until(
      async () => lines.find((line) => line.batchId === batchId),
      (line) => line !== undefined,
    );
    expect(warning).toMatchObject({
      level: 40,
      msg: expect.stringMatching(/abandoned/),
      batchId,
      bytesReceived: expect.any(Number),
      bytesTotal: expect.any(Number),
    });
    expect(warning!.bytesReceived as number).toBeGreaterThan(0);
    expect(warning!.bytesReceived as number).toBeLessThan(warning!.bytesTotal as number);
    expect(warning).not.toHaveProperty('err');
    // Then the request's own line, once its connection has closed: not an error either.
    const requestLine = await until(
      async () =>
        lines.find((line) => line.responseTime !== undefined && (line.req as { url?: string }).url?.includes(batchId)),
      (line) => line !== undefined,
    );
    expect(requestLine!.level as number).toBeLessThan(50);
    const errors = lines.filter((line) => (line.level as number) >= 50);
    expect(errors).toEqual([]);
  });
});
