// Shared Jest settings: ESM mode (Nest 12 is ESM-only), TypeScript through SWC with
// legacy decorators and their metadata, workspace libraries mapped to their sources.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

export const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

// ESM-only packages that a CommonJS dependency require()s (Node 20 can; Jest 30 on Node 20 cannot):
// compiled to CommonJS for Jest only.
const REQUIRED_ESM_PACKAGES = ['content-disposition'];

export const basePreset = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swcTransform,
    [`/node_modules/(${REQUIRED_ESM_PACKAGES.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { target: 'es2023' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`^(?!.*/node_modules/(${REQUIRED_ESM_PACKAGES.join('|')})/).*/node_modules/`],
  moduleNameMapper: {
    '^@yardstick/(contracts|metrics)$': `${root}/libs/$1/src/index.ts`,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
