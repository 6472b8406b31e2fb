import tseslint from 'typescript-eslint';
export default tseslint.config(
  { ignores: ['**/dist/**'] },
  {
    files: ['apps/api/src/**/*.ts', 'apps/api/bench/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    extends: [...tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
);
