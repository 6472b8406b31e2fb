import { writeFileSync } from 'node:fs';
import { CONTRACT_SCHEMAS_FILE, generateContractSchemas } from './contract-schemas.js';

/** Writes the contracts' JSON Schemas that /api/openapi.json documents responses with. */
writeFileSync(CONTRACT_SCHEMAS_FILE, `${JSON.stringify(await generateContractSchemas(), null, 2)}\n`);
console.log(`Wrote ${CONTRACT_SCHEMAS_FILE}`);
