import { basePreset } from './jest.preset.js';

/** Unit tests (pure libraries, API units) and API tests against real PostgreSQL, in one run. */
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
      roots: ['<rootDir>/apps/api/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/apps/api/test/support/global-setup.js',
      globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.js',
    },
  ],
};
