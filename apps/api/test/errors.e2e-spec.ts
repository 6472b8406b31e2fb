import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('error bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT: '10kb' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers an unknown API route with 404 in the common body, with the request id', async () => {
    const response = await request(t.server)
      .get('/api/v1/no-such-thing?x=1')
      .set('X-Request-Id', 'abc-123')
      .expect(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['x-request-id']).toBe('abc-123');
    expect(response.body).toEqual({
      status: 404,
      code: 'not_found',
      message: 'There is no GET /api/v1/no-such-thing here.',
      details: [],
      requestId: 'abc-123',
    });
  });

  it('replaces a malformed request id with a fresh one', async () => {
    const response = await request(t.server)
      .get('/api/v1/nothing')
      .set('X-Request-Id', '<script>alert(1)</script>')
      .expect(404);
    expect(response.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-request-id']).toBe(response.body.requestId);
  });

  it('answers malformed JSON with 400 and says where it breaks', async () => {
    const response = await request(t.server)
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send('{\n  "name": "Passport renewal",\n}')
      .expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'malformed_json', details: [{ field: 'body' }] });
    expect(response.body.message).toBe(
      'The request body is not valid JSON: there is a syntax error at line 3, column 1. Check for missing quotes, commas or brackets.',
    );
  });

  it('refuses JSON that tries prototype poisoning', async () => {
    const response = await request(t.server)
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send('{"__proto__": {"isAdmin": true}}')
      .expect(400);
    expect(response.body.code).toBe('malformed_json');
    expect(response.body.message).toMatch(/forbidden key/);
  });

  it('answers an oversized body with 413 in the common body', async () => {
    const response = await request(t.server)
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(20_000) }))
      .expect(413);
    expect(response.body).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('serves the OpenAPI document generated from the code, and its UI', async () => {
    const document = await request(t.server).get('/api/openapi.json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toContain('/api/health');
    const ui = await request(t.server).get('/api/docs').expect(200);
    expect(ui.text).toMatch(/swagger-ui/i);
  });
});
