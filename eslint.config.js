// @ts-check
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import compat from 'eslint-plugin-compat';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

/** Every folder under src/features is a feature: a new one gets its boundary without editing this file. */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The one-way flow of the house (see ARCHITECTURE.md): each zone lists what it may NOT import. */
const boundaries = [
  // The domain core is framework-free: it imports nothing of the app.
  {
    target: './src/domain',
    from: ['./src/app', './src/features', './src/rendering', './src/components', './src/lib', './src/config'],
    message: 'src/domain is framework-free: no app, features, rendering, components, lib or config.',
  },
  // Features do not import each other; they meet in src/app.
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features do not import each other: compose them in src/app.',
  })),
  // The app composes features; a feature never reaches back up into it.
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import src/app: the app composes them, not the other way round.',
  },
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

/** zod's JIT probe breaks the CSP: the app's code takes `z` from src/lib/zod.ts, which turns it off first. */
const ZOD_THROUGH_LIB = {
  name: 'zod',
  message: "Import z from '@/lib/zod' (jitless, for the Content-Security-Policy).",
};

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
    settings: {
      // Resolve imports as TypeScript does (extensionless .ts/.tsx, the "@/" alias of the tsconfig).
      // Without it import-x resolves no project import at all, and the rules below check nothing.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          tsconfig: { configFile: fileURLToPath(new URL('./tsconfig.app.json', import.meta.url)) },
        }),
      ],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@cornerstonejs/*'],
              message: 'Only src/rendering imports Cornerstone: use its hook or controller.',
            },
          ],
          paths: [ZOD_THROUGH_LIB],
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
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.js', '.mjs', '.json'],
          tsconfig: { configFile: fileURLToPath(new URL('./sandbox/tsconfig.json', import.meta.url)) },
        }),
      ],
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
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
    ignores: ['src/rendering/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ZOD_THROUGH_LIB,
            {
              name: '@cornerstonejs/dicom-image-loader',
              message:
                "Import from '@cornerstonejs/dicom-image-loader/imageLoader': the root entry brings every codec's JavaScript into the rendering chunk (only the decode worker needs them).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/rendering/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ZOD_THROUGH_LIB] }] },
  },
  { files: ['src/lib/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
  // One door per kind of request: the token goes on an imaging request only in src/lib/imaging-http.ts
  // (which owns the token policy, retries and timeout) and on a FHIR request only in src/lib/fhir-http.ts.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/lib/imaging-http.ts',
      'src/lib/fhir-http.ts',
      'src/**/*.test.{ts,tsx}',
      'src/**/testing/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Identifier[name='Authorization'], Literal[value=/^authorization$/i]",
          message:
            'Only src/lib/imaging-http.ts (imaging) and src/lib/fhir-http.ts (FHIR) set Authorization: call them.',
        },
      ],
    },
  },
  { ...jsxA11y.flatConfigs.recommended, files: ['src/**/*.tsx'] },
  ...pluginQuery.configs['flat/recommended'].map((config) => ({ ...config, files: ['src/**/*.{ts,tsx}'] })),
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // `session` is the launch's FHIR client and token holder, not a query input: there is one
      // QueryClient per launch (src/app/app.tsx), so one session for its whole life, and the server
      // and patient it selects are spelled out in every key that depends on them.
      '@tanstack/query/exhaustive-deps': ['error', { allowlist: { variables: ['session'] } }],
    },
  },
  {
    // The browsers of package.json's browserslist. ES built-ins are checked too: the build adds no
    // polyfills, so a too-new one would throw on an older Safari just like a missing web API.
    ...compat.configs['flat/recommended'],
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/cli/**', 'src/**/*.test.{ts,tsx}', 'src/**/testing/**'],
    settings: { lintAllEsApis: true },
  },
  {
    files: ['e2e/**', 'scripts/**', 'src/cli/**', '*.config.*'],
    rules: { 'no-console': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
);
