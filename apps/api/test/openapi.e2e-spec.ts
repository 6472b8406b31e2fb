import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { generateContractSchemas, readContractSchemas } from '../src/openapi/contract-schemas.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Response = { content?: Record<string, { schema?: unknown }> };
type Operation = { responses: Record<string, Response> };

/**
 * Routes of files other changes of this session own (imports: engineer "checks"; transactions: "txperf"); they
 * get their @Returns when those changes are merged. Listed by address so that nothing else can slip in.
 */

describe('GET /api/openapi.json', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  beforeAll(async () => {
    t = await createTestApp();
    document = (await request(t.server).get('/api/openapi.json').expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        path,
        operation,
      })),
    );

  it('documents the answer of every operation: a schema for each success other than 204 No Content', () => {
    const undocumented = operations()
      .filter(({ operation }) => {
        const statuses = Object.keys(operation.responses);
        if (statuses.some((status) => status.startsWith('3')) && !statuses.some((s) => s.startsWith('2'))) return false;
        const successes = statuses.filter((status) => status.startsWith('2'));
        return (
          successes.length === 0 ||
          successes.some(
            (status) =>
              status !== '204' &&
              !Object.values(operation.responses[status]?.content ?? {}).some((media) => media.schema !== undefined),
          )
        );
      })
      .map(({ route }) => route);
    expect(operations().length).toBeGreaterThan(80);
    expect(undocumented).toEqual([]);
  });

  it('resolves every schema reference to a component', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.filter((name) => !(name! in document.components.schemas))).toEqual([]);
  });

  it('names the contract types: a page of standards, a list of targets, a file', () => {
    const json = (path: string, method: string) =>
      document.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema;
    expect(json('/api/v1/standards', 'get')).toMatchObject({
      properties: { items: { type: 'array', items: { $ref: '#/components/schemas/StandardBody' } } },
    });
    expect(json('/api/v1/standards/{id}/targets', 'get')).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/TargetBody' },
    });
    expect(document.paths['/api/v1/standards']?.['post']?.responses['201']?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/StandardBody' } },
    });
    expect(
      document.paths['/api/v1/public/reports/{agencySlug}/{fiscalYear}/report.pdf']?.['get']?.responses['200']?.content,
    ).toEqual({ 'application/pdf': { schema: { type: 'string', format: 'binary' } } });
  });

  it('uses the schemas of the current libs/contracts (npm run openapi:schemas after changing a contract)', async () => {
    expect(readContractSchemas()).toEqual(await generateContractSchemas());
  });
});
