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
    files: ['src/load/**', 'src/validate/**', 'src/graph/**', 'src/render/**', 'src/model.ts', 'src/diagnostics.ts', 'src/rule-settings.ts', 'src/suggest.ts', 'src/dates.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': ['error', 'process'],
    },
  },
  ...layers(),
);

/**
 * Data flows one way: files -> load -> validate -> graph -> render -> commands -> cli, with
 * the shared modules at the root of src/ (diagnostics, model, dates, suggest, rule-settings)
 * below them all. Each folder may import only what lies before it, so the next feature cannot
 * bend the layers. (Dynamic import() is not checked: only the commands use it.)
 */
function layers() {
  const folders = ['io', 'load', 'validate', 'graph', 'render', 'fmt', 'fix', 'interop', 'web', 'diff', 'commands'];
  const mayImport = {
    io: [],
    load: ['io'],
    validate: ['load'],
    graph: [],
    render: ['graph'],
    fmt: ['load', 'io'],
    fix: ['load'],
    interop: ['load', 'graph', 'render', 'fmt'],
    web: ['graph', 'render'],
    diff: ['load', 'graph', 'render'],
    commands: ['io', 'load', 'validate', 'graph', 'render', 'fmt', 'fix', 'interop', 'web', 'diff'],
  };
  const entry = ['api', 'cli', 'index'];
  const shared = (from) => entry.map((name) => `${from}${name}.js`);
  const rules = folders.map((folder) => {
    const banned = folders.filter((other) => other !== folder && !mayImport[folder].includes(other));
    const entries = folder === 'diff' || folder === 'commands' ? shared('../').filter((e) => !e.endsWith('api.js')) : shared('../');
    return {
      files: [`src/${folder}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...(banned.length > 0 ? [{ group: banned.map((other) => `../${other}/*`), message: `src/${folder} may import only ${['the shared modules', ...mayImport[folder]].join(', ')}: data flows files -> load -> validate -> graph -> render -> commands.` }] : []),
              { group: entries, message: 'the entry points (api, cli, index) import the layers, never the other way round.' },
            ],
          },
        ],
      },
    };
  });
  // The shared modules at the root import no layer; the library entry never loads the CLI.
  rules.push({
    files: ['src/diagnostics.ts', 'src/model.ts', 'src/dates.ts', 'src/suggest.ts', 'src/rule-settings.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: [...folders.map((f) => `./${f}/*`), './api.js', './cli.js', './index.js'], message: 'the shared modules sit below every layer.' }] }] },
  });
  rules.push({
    files: ['src/index.ts', 'src/api.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['commander'], patterns: [{ group: ['./cli.js', './commands/*'], message: "the library entry is free of the CLI: import { run } from 'riposte/cli'." }] }] },
  });
  return rules;
}
