// One flat config for the whole monorepo (style.md §13). The engine package is pure: no I/O,
// no environment, no wall clock (style.md §1), so those are lint errors there.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', 'packages/db/src/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Type-aware rules where the types are known (every tsconfig includes its package's src):
    // a promise nobody awaits, a switch that forgets a case, a thenable that is not one.
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // The web app runs in the browser: its globals, and the rules of hooks.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // No React Compiler here, so its warnings about libraries it cannot memoise do not apply.
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/incompatible-library': 'off' },
  },
  {
    // Tests read JSON responses; typing every one of them would add nothing.
    files: ['**/*.test.ts', '**/test-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // A fake service's methods are async to match the interface they stand in for.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    files: ['packages/pathways/src/**/*.ts'],
    ignores: ['packages/pathways/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https'],
              message: 'The engine does no I/O.',
            },
            {
              group: ['@prisma/*', 'hono', 'hono/*', '@pathways/db'],
              message: 'The engine must not depend on persistence or HTTP.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the date in (asOf); never read the wall clock.' },
        {
          object: 'process',
          property: 'env',
          message: 'The engine is configured by its arguments, not the environment.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: 'new Date() reads the wall clock; pass the date in.',
        },
      ],
    },
  },
  {
    // All data access is in packages/db (its repositories): the API and the web app ask it
    // questions by name and never write a query of their own.
    files: ['apps/*/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@pathways/db', importNames: ['Prisma'], message: 'Queries belong in packages/db.' }],
          patterns: [{ group: ['@prisma/*'], message: 'Queries belong in packages/db.' }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[property.name=/^(\\$queryRaw|\\$executeRaw|\\$queryRawUnsafe|\\$executeRawUnsafe|\\$transaction|findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|createMany|updateMany|deleteMany|upsert|aggregate|groupBy)$/]',
          message: 'Queries belong in a repository in packages/db (packages/db/src/repositories/<entity>.ts).',
        },
      ],
    },
  },
);
