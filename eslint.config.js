import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.output/', '.wxt/', 'test-results/', 'playwright-report/', 'lib/validate/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', AbortSignal: 'readonly', AbortController: 'readonly',
        Buffer: 'readonly', globalThis: 'readonly', structuredClone: 'readonly', crypto: 'readonly', Response: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-globals': ['error', { name: 'chrome', message: 'lib/ and components/ are platform-neutral' }],
    },
  },
  {
    // The core stays platform-neutral: no extension APIs, no DOM globals, no WXT.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['wxt', 'wxt/*', 'webextension-polyfill', '#imports', 'node:*'] }],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'document', 'window', 'localStorage'],
    },
  },
);
