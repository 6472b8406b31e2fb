import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is 200 with the database up, and never cached', async () => {
    const response = await request(t.server).get('/api/health').expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toMatchObject({ status: 'up', database: { status: 'up', mode: 'external' } });
    expect(typeof response.body.database.latencyMs).toBe('number');
  });

  it('is 503 while the database refuses connections, and 200 again when it is back', async () => {
    const { name, admin } = t.database;
    await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    await admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    try {
      const down = await request(t.server).get('/api/health').expect(503);
      expect(down.body).toMatchObject({ status: 'down', database: { status: 'down', error: expect.any(String) } });
      expect(JSON.stringify(down.body)).not.toMatch(/postgres:\/\/|SELECT/i);
    } finally {
      await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    }
    await request(t.server).get('/api/health').expect(200);
  });
});
