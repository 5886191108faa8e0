import { defineConfig } from 'tsup';

// The library (ESM + CommonJS, with .d.ts for both) and, separately, the CLI
// (ESM only, with a shebang). Subpath entries keep the core bundle small: the
// 65 other endpoint catalogues, the CodeMirror extension and the test
// arbitraries are only loaded by those who import them.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      catalogues: 'src/catalogues.ts',
      arbitraries: 'src/arbitraries/index.ts',
      editor: 'src/editor/index.ts',
      codemirror: 'src/codemirror/index.ts',
      sql: 'src/sql.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    // Chevrotain is bundled in: as a package it loads hundreds of lodash-es
    // modules (~350 ms in Node); bundled and tree-shaken it loads in a few ms.
    noExternal: ['chevrotain'],
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    noExternal: ['chevrotain'],
    // An optional dependency with a native addon: loaded at run time by `filter --engine duckdb`, never bundled.
    external: ['@duckdb/node-api'],
    sourcemap: true,
    clean: false,
  },
]);
