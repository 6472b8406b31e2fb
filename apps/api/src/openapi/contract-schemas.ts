import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config/app.config.js';

/** JSON Schemas of the libs/contracts types, generated from their TypeScript (`npm run openapi:schemas`). */
export const CONTRACT_SCHEMAS_FILE = path.join(REPO_ROOT, 'apps/api/openapi/contract-schemas.json');

export type Schemas = Record<string, object>;

export function readContractSchemas(): Schemas {
  return JSON.parse(readFileSync(CONTRACT_SCHEMAS_FILE, 'utf8')) as Schemas;
}

/**
 * Every exported type of libs/contracts as an OpenAPI 3.1 schema (JSON Schema), references pointing into
 * components. Functions exported beside the types are not shapes and are left out.
 */
export async function generateContractSchemas(): Promise<Schemas> {
  const { createGenerator } = await import('ts-json-schema-generator');
  const schema = createGenerator({
    path: path.join(REPO_ROOT, 'libs/contracts/src/index.ts'),
    tsconfig: path.join(REPO_ROOT, 'libs/contracts/tsconfig.json'),
    type: '*',
    expose: 'export',
    skipTypeCheck: true,
  }).createSchema('*');
  const text = JSON.stringify(schema.definitions ?? {}).replaceAll('"#/definitions/', '"#/components/schemas/');
  const definitions = JSON.parse(text) as Record<string, { $comment?: string }>;
  return Object.fromEntries(
    Object.entries(definitions)
      .filter(([, definition]) => !definition.$comment?.includes('=>'))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
