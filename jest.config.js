import { basePreset } from './jest.preset.js';

/**
 * Unit tests (pure libraries, API units), then API and browser tests against the whole app on real
 * PostgreSQL, in one run.
 */
export default {
  testTimeout: 30_000,
  projects: [
    {
      ...basePreset,
      displayName: 'unit',
      rootDir: '.',
      roots: ['<rootDir>/libs', '<rootDir>/apps/api/src'],
      testMatch: ['**/*.spec.ts'],
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
