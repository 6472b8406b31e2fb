import { basePreset } from './jest.preset.js';

/**
 * Unit tests (pure libraries, API units), then API and browser tests against the whole app on real
 * PostgreSQL, in one run; the slow tests (*.slow.spec.ts: the heap-measuring streaming test) run after all
 * the others (jest.sequencer.js). `npm run test:jest -- --selectProjects slow` runs them alone.
 */
export default {
  testTimeout: 30_000,
  testSequencer: '<rootDir>/jest.sequencer.js',
  projects: [
    {
      ...basePreset,
      displayName: 'unit',
      rootDir: '.',
      roots: ['<rootDir>/libs', '<rootDir>/apps/api/src'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.slow\\.spec\\.ts$'],
      setupFiles: ['reflect-metadata'],
    },
    {
      ...basePreset,
      displayName: 'slow',
      rootDir: '.',
      roots: ['<rootDir>/libs', '<rootDir>/apps/api/src'],
      testMatch: ['**/*.slow.spec.ts'],
      setupFiles: ['reflect-metadata'],
    },
    {
      ...basePreset,
      displayName: 'api',
      rootDir: '.',
      roots: ['<rootDir>/apps/api/test', '<rootDir>/apps/web/e2e'],
      testMatch: ['**/*.e2e-spec.ts'],
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/apps/api/test/support/global-setup.js',
      globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.js',
    },
  ],
};
