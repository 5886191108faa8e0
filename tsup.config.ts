import { chevrotainNativeLodash } from './scripts/chevrotain-native-lodash.js';
import { chevrotainParserOnly } from './scripts/chevrotain-parser-only.js';
import { chevrotainProduction } from './scripts/chevrotain-production.js';
import { jsonAsParse, keepDataPure } from './scripts/json-as-parse.js';
import { defineConfig, type Options } from 'tsup';

/**
 * The package's entries (package.json `exports`, `typesVersions`), each a
 * subpath: `index` is the root, the others `ahrefs-where/<name>`. Subpath
 * entries keep the core bundle small: the 65 other endpoint catalogues, the
 * CodeMirror extension and the test arbitraries are only loaded by those who
 * import them. test/package/ checks that package.json lists exactly these.
 */
export const LIBRARY_ENTRIES = {
  index: 'src/index.ts',
  catalogues: 'src/catalogues.ts',
  arbitraries: 'src/arbitraries/index.ts',
  editor: 'src/editor/index.ts',
  codemirror: 'src/codemirror/index.ts',
  sql: 'src/sql.ts',
  re2: 'src/re2.ts',
};

/**
 * Packages bundled into the library's dist (so devDependencies, never
 * dependencies) and, in addition, into the CLI's.
 */
export const BUNDLED = ['chevrotain'];
export const CLI_BUNDLED = [...BUNDLED, 'vscode-languageserver', 'vscode-languageserver-textdocument'];

// What every build shares: minified code (what users run, and what the
// cold-start and size budgets measure) and no source maps in the package:
// with full sources they were 9 MB, and a map without its sources, or a
// `sourceMappingURL` to a file left out of the tarball, makes bundlers warn.
// `SOURCEMAP=1 npm run build` writes maps (mappings only, resolving against
// src/ in a clone) to read a stack trace from the built dist; esbuild's
// output is deterministic, so a trace from a release maps the same way.
const common: Options = {
  minify: true,
  esbuildPlugins: [jsonAsParse, chevrotainNativeLodash, chevrotainParserOnly, chevrotainProduction],
  plugins: [keepDataPure],
  sourcemap: process.env['SOURCEMAP'] === '1',
  treeshake: true,
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
};

export default defineConfig([
  // The library, ESM and CommonJS, with .d.ts and .d.cts. `splitting` for
  // both formats: the entries share chunks, so one process holds one copy of
  // the code and of its state (the same `allBacklinks` object from the root
  // and from `ahrefs-where/catalogues`, in `require` as in `import`).
  {
    ...common,
    entry: LIBRARY_ENTRIES,
    format: ['esm', 'cjs'],
    splitting: true,
    dts: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    // Chevrotain is bundled in: as a package it loads hundreds of lodash-es
    // modules (~350 ms in Node); bundled and tree-shaken it loads in a few ms.
    // It is therefore a devDependency. re2js stays a dependency (external).
    noExternal: BUNDLED,
  },
  // The CLI (ESM, Node, with its shebang). Its chunks go to dist/cli/ so they
  // never mix with the library's. The language-server packages are bundled
  // into the chunk that `ahrefs-where lsp` loads on demand, so that no user
  // of the library installs them (they are devDependencies); they are
  // CommonJS and `require` Node's modules, hence the `require` the banner
  // defines for ESM.
  {
    ...common,
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    splitting: true,
    clean: false,
    noExternal: CLI_BUNDLED,
    // An optional dependency with a native addon: loaded at run time by `filter --engine duckdb`, never bundled.
    external: ['@duckdb/node-api'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    esbuildOptions(options) {
      options.sourcesContent = false;
      options.chunkNames = 'cli/[name]-[hash]';
    },
  },
]);
