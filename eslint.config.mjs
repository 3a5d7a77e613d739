// Lint: typescript-eslint (strict, type-checked) and import rules that enforce the layers.
//
//   server/src/core    the engine: imports nothing of ours outside the core
//   server/src/export  the writers: import the core
//   server/src/lsp, server.ts, cli*, shared consumers: core, export and shared
//   shared/src         the protocol and settings: imports nothing of ours
//   client/src         the VS Code client: shared and vscode only (no engine in its bundle)
//
// and no import cycles anywhere.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

const OURS_OUTSIDE_CORE = [
  './server/src/export',
  './server/src/lsp',
  './server/src/cli',
  './server/src/server.ts',
  './server/src/cli.ts',
  './client',
  './shared',
  './test',
  './bench',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/integration/fixtures/**', 'test/artifacts/**', '**/*.d.cts'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './server/src/core', from: OURS_OUTSIDE_CORE, message: 'The core imports nothing outside the core.' },
            {
              target: './server/src/export',
              from: ['./server/src/lsp', './server/src/cli', './server/src/server.ts', './server/src/cli.ts', './client', './shared'],
              message: 'The writers import only the core.',
            },
            { target: './shared', from: ['./server', './client'], message: 'The shared protocol imports nothing of the engine or the client.' },
            { target: './client', from: ['./server'], message: 'The client imports shared and vscode only: no engine in its bundle.' },
            { target: './server', from: ['./client'], message: 'The server does not import the VS Code client.' },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Numbers and booleans in messages and paths read naturally; objects do not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['ajv', 'ajv-formats', 'docx', 'jszip', 'jsonc-parser', 'vscode-json-languageservice', 'vscode-languageserver', 'vscode-languageserver/*'],
              message: 'The client bundles no engine: ask the server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests assert on values they have just checked exist.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        window: 'readonly',
        document: 'readonly',
        acquireVsCodeApi: 'readonly',
        requestAnimationFrame: 'readonly',
        DOMParser: 'readonly',
        globalThis: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
        setImmediate: 'readonly',
      },
    },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
);
