// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The one-way flow of the house (see ARCHITECTURE.md): each zone lists what it may NOT import. */
const boundaries = [
  // The domain core is framework-free: it imports nothing of the app.
  {
    target: './src/domain',
    from: ['./src/app', './src/features', './src/rendering', './src/components', './src/lib', './src/config'],
    message: 'src/domain is framework-free: no app, features, rendering, components, lib or config.',
  },
  // Features do not import each other; they meet in src/app.
  ...['launch', 'study-list', 'viewer'].map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features do not import each other: compose them in src/app.',
  })),
  // Shared layers never reach up into features or the app.
  {
    target: ['./src/components', './src/lib', './src/config', './src/rendering'],
    from: ['./src/features', './src/app'],
    message: 'Shared layers do not import features or the app.',
  },
  // The sandbox is a product of its own (sandbox/README.md): e2e tests depend on it, never the reverse.
  {
    target: './sandbox',
    from: ['./src', './e2e', './scripts'],
    message: 'The sandbox imports nothing of the app, the e2e tests or scripts/.',
  },
  {
    target: './src',
    from: ['./sandbox', './e2e'],
    message: 'The app does not import the sandbox or the e2e tests (tests read fixture files by path).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      '.sandbox',
      'test-results',
      'playwright-report',
      'sandbox/data/dicom',
      'sandbox/data/fhir',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['sandbox/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@cornerstonejs/*'],
              message: 'Only src/rendering imports Cornerstone: use its hook or controller.',
            },
          ],
        },
      ],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  // The sandbox runs in Node only (its tsconfig has no DOM types): no React, no browser libraries.
  {
    files: ['sandbox/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react-dom/*',
                'react-router',
                '@tanstack/*',
                '@cornerstonejs/*',
                'fhirclient',
              ],
              message: "The sandbox is Node server code: it uses none of the app's browser libraries.",
            },
          ],
        },
      ],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  // `npm run sandbox` prints its one READY line on stdout; everything else logs to stderr.
  {
    files: ['sandbox/main.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/rendering/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['e2e/**', 'scripts/**', 'src/cli/**', '*.config.*'],
    rules: { 'no-console': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
);
