import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

/** A web build in a temporary folder: index.html and these files (path from the folder: content). */
async function webBuild(files: Record<string, string>): Promise<string> {
  const dist = await fs.mkdtemp(path.join(os.tmpdir(), 'yardstick-web-'));
  const all = { 'index.html': '<!doctype html><title>Yardstick</title><div id="root"></div>', ...files };
  for (const [name, content] of Object.entries(all)) {
    await fs.mkdir(path.dirname(path.join(dist, name)), { recursive: true });
    await fs.writeFile(path.join(dist, name), content);
  }
  return dist;
}

describe('the built web app, served from the API origin', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = await webBuild({ 'assets/index-abc123.js': 'console.log("app")' });
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

describe('a broken server-rendering bundle', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await webBuild({ 'server/entry-server.js': 'throw new Error("bundle broken at build");\n' });
  });
  afterAll(async () => {
    await fs.rm(dist, { recursive: true, force: true });
  });

  it('stops start-up in production, and says why in the log', async () => {
    const lines: Record<string, unknown>[] = [];
    const database = await createTestDatabase();
    try {
      await expect(
        createTestApp(
          { NODE_ENV: 'production', WEB_DIST_DIR: dist, LOG_LEVEL: 'warn' },
          { database, logLines: (line) => lines.push(line) },
        ),
      ).rejects.toThrow(/server-rendering bundle .*entry-server\.js cannot be loaded \(bundle broken at build\)/);
    } finally {
      await database.drop();
    }
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 50, msg: expect.stringMatching(/server-rendering bundle.*start-up stops/) }),
    );
  });

  it('in development, warns and serves the client-rendered page', async () => {
    const lines: Record<string, unknown>[] = [];
    const t = await createTestApp(
      { NODE_ENV: 'development', WEB_DIST_DIR: dist, LOG_LEVEL: 'warn' },
      { logLines: (line) => lines.push(line) },
    );
    try {
      const response = await request(t.server).get('/agencies/ssa').set('Accept', 'text/html').expect(200);
      expect(response.text).toContain('<div id="root"></div>');
      expect(lines).toContainEqual(
        expect.objectContaining({ level: 40, msg: expect.stringMatching(/server-rendering bundle.*client-rendered/) }),
      );
    } finally {
      await t.close();
    }
  });
});
