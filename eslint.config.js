import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The web app's import boundaries: a feature never imports another feature, and the shared code
// (components, lib, hooks, config) never imports a feature. Only app/ puts features together.
const webFeatures = readdirSync(new URL('./apps/web/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const noFeatureImports = (allowed, message) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: webFeatures.filter((f) => f !== allowed).flatMap((f) => [`@/features/${f}/**`, `**/features/${f}/**`]),
          message,
        },
        { group: ['../../*'], message: 'Reach shared code through @/components, @/lib, @/hooks or @/config.' },
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/coverage/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string union `as const` instead of an enum.' },
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    // Type-aware rules on the API and the libraries (not their tests): promises awaited and handled, and only
    // errors thrown. `npm run lint` takes about a minute more for them on 2 cores.
    files: ['apps/api/src/**/*.ts', 'apps/api/bench/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/unbound-method': 'error',
    },
  },
  {
    // Shared layers never import a feature module: features depend on them, not the other way round. Allowed:
    // entities (the database layer registers every one with TypeORM), type-only imports (erased at build) and
    // auth/oidc-key.js (a pure key parser the configuration check uses).
    files: ['apps/api/src/common/**/*.ts', 'apps/api/src/database/**/*.ts', 'apps/api/src/config/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^\.\./(?:\.\./)*(?!(?:common|database|config|migrations)/)[a-z-]+/(?!entities/|oidc-key\.js$)`,
              allowTypeImports: true,
              message: 'common/, database/ and config/ are shared layers: they never import a feature module.',
            },
          ],
        },
      ],
    },
  },
  {
    // Config files and Jest's global setup are loaded by tools that want a default export.
    files: ['*.config.js', 'jest.sequencer.js', '**/*.config.ts', '**/global-setup.js', '**/global-teardown.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/web/e2e/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['apps/web/src/{components,lib,hooks,config}/**/*.{ts,tsx}'],
    rules: noFeatureImports(null, 'Shared code never imports a feature: move what both need into components/ or lib/.'),
  },
  ...webFeatures.map((feature) => ({
    files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: noFeatureImports(
      feature,
      'A feature never imports another feature: move what they share into @/components or @/lib (app/ composes features).',
    ),
  })),
);
