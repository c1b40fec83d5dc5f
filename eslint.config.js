import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/.out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    // The web page's own script runs in the reader's browser, and only there.
    files: ['src/web/client/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, Highlight: 'readonly' } },
  },
  {
    // Benchmarks that drive a browser pass functions to run in the page.
    files: ['bench/web.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Core layers stay free of side effects: no process, no console.
    files: ['src/load/**', 'src/validate/**', 'src/graph/**', 'src/render/**', 'src/model.ts', 'src/diagnostics.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': ['error', 'process'],
    },
  },
);
