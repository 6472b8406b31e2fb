import { ApiExtension } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Schemas } from './contract-schemas.js';

const EXTENSION = 'x-returns';

/** What a route answers: a libs/contracts type by name, or a file. */
type FileMedia = 'text/csv' | 'application/pdf' | typeof XLSX_MEDIA;
type Returned = { schema: string | object; many?: 'array' | 'page' } | { media: FileMedia };

export const XLSX_MEDIA = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Declares the route's answer for /api/openapi.json: `@Returns('StandardBody')`, `@Returns('TargetBody', 'array')`,
 * `@Returns('StandardBody', 'page')`, or an inline JSON Schema for a shape that is not a contract. The status stays the one Nest sends (200, 201, or @HttpCode).
 */
export function Returns(schema: string | object, many?: 'array' | 'page'): MethodDecorator {
  return ApiExtension(EXTENSION, { schema, many } satisfies Returned);
}

/** A download: CSV text, a PDF or a workbook. */
export function ReturnsFile(media: FileMedia): MethodDecorator {
  return ApiExtension(EXTENSION, { media } satisfies Returned);
}

/** Puts the contracts' schemas into the document and each declared answer into its route's success response. */
export function documentReturns(document: OpenAPIObject, schemas: Schemas): void {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  for (const [route, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item) as Record<string, unknown>[]) {
      const returned = operation[EXTENSION] as Returned | undefined;
      if (!returned) continue;
      delete operation[EXTENSION];
      const responses = operation['responses'] as Record<string, { description?: string; content?: unknown }>;
      const success = Object.keys(responses).find((status) => status.startsWith('2'));
      if (!success) throw new Error(`${route}: @Returns on a route without a success response`);
      responses[success] = { description: responses[success]?.description || 'OK', content: contentOf(returned) };
    }
  }

  function contentOf(returned: Returned): Record<string, { schema: object }> {
    if ('media' in returned)
      return {
        [returned.media]: {
          schema: { type: 'string', ...(returned.media === 'text/csv' ? {} : { format: 'binary' }) },
        },
      };
    if (typeof returned.schema === 'string' && !(returned.schema in schemas))
      throw new Error(`@Returns('${returned.schema}'): no such type in libs/contracts`);
    const one =
      typeof returned.schema === 'string' ? { $ref: `#/components/schemas/${returned.schema}` } : returned.schema;
    const schema =
      returned.many === 'array'
        ? { type: 'array', items: one }
        : returned.many === 'page'
          ? {
              type: 'object',
              required: ['items', 'total', 'page', 'pageSize'],
              properties: {
                items: { type: 'array', items: one },
                total: { type: 'integer' },
                page: { type: 'integer' },
                pageSize: { type: 'integer' },
              },
            }
          : one;
    return { 'application/json': { schema } };
  }
}
