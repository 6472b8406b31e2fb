import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the built web app, served from the API origin', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = await fs.mkdtemp(path.join(os.tmpdir(), 'yardstick-web-'));
    await fs.mkdir(path.join(dist, 'assets'));
    await fs.writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Yardstick</title><div id="root"></div>');
    await fs.writeFile(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
    t = await createTestApp({ WEB_DIST_DIR: dist });
  });
  afterAll(async () => {
    await t.close();
    await fs.rm(dist, { recursive: true, force: true });
  });

  it('serves index.html, never cached, for the pages of the public site and the staff app', async () => {
    for (const page of ['/', '/agencies/ssa', '/staff', '/staff/standards/new']) {
      const response = await request(t.server).get(page).set('Accept', 'text/html').expect(200);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache life', async () => {
    const response = await request(t.server).get('/assets/index-abc123.js').expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toMatch(/javascript/);
  });

  it('keeps unknown API routes as JSON 404s, not the page', async () => {
    const response = await request(t.server)
      .get('/api/v1/standards-that-do-not-exist')
      .set('Accept', 'text/html')
      .expect(404);
    expect(response.body).toMatchObject({ status: 404, code: 'not_found' });
  });
});
