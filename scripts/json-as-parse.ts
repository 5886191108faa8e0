/**
 * A build plugin (tsup.config.ts): the catalogues' JSON data
 * (src/catalogue/data/*.json, 190 KB) bundled as `JSON.parse('…')` of one
 * string instead of as an object literal. The value is the same, but V8 scans
 * a string and runs its JSON parser several times faster than it parses and
 * builds a literal that size, and that is import time for every user
 * (docs/performance.md, cold start). Only the bundle changes: the sources
 * import the JSON as usual. test/package/json-as-parse.test.ts checks the
 * escaping on the real data and on hostile strings.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** The ES module that evaluates to the value of JSON text `text`. */
export function jsonParseModule(text: string): string {
  const compact = JSON.stringify(JSON.parse(text));
  // A single-quoted literal: JSON's double quotes need no escape; backslashes, quotes and line terminators do.
  const literal = compact.replace(/[\\'\n\r\u2028\u2029]/g, (c) => (c === '\\' || c === "'" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  // Marked pure, so that the bundler drops data that nothing reads (minifying drops the mark: see keepDataPure).
  return `export default /* @__PURE__ */ JSON.parse('${literal}');`;
}

export const jsonAsParse: Plugin = {
  name: 'json-as-parse',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]catalogue[\\/]data[\\/][^\\/]+\.json$/ }, async ({ path }) => ({
      contents: jsonParseModule(await readFile(path, 'utf8')),
      loader: 'js',
    }));
  },
};

/** In minified output, a `JSON.parse` of data this plugin wrote: its argument is a literal JSON object text. */
const DATA_PARSE = /\bJSON\.parse\((?=(['"`])\{)/g;

/**
 * In minified output, the join of the diagnostic code tables into the public
 * `DIAGNOSTIC_CODES` (src/diagnostics/codes.ts): the one call that is passed
 * the tables by name, so its object's first key survives minifying.
 */
const CODE_TABLES_JOIN = /(?<![\w$.])([A-Za-z_$][\w$]*\(\{FILTER_CODES:)/g;

/**
 * Puts back the pure marks in each chunk of dist: esbuild drops every
 * comment when it minifies, and tsup's code splitting puts the core in a
 * chunk with what only some entries read, so without the marks an app's
 * bundler keeps whatever a call builds (a call may have effects):
 *
 * - the data's `JSON.parse`: the 65 other endpoints (180 KB) that only
 *   `ahrefs-where/catalogues` reads;
 * - the join of the diagnostic code tables into `DIAGNOSTIC_CODES`, which
 *   holds the words of every code (decompile's, SQL's, the cost's) and their
 *   summaries, where `compile` reports from its own table.
 *
 * Both marks are true: parsing a literal is free of side effects, and the
 * join only reads the tables and builds a new object. (With `SOURCEMAP=1`,
 * columns after a mark on its line are off by the mark's length.)
 */
export const keepDataPure = {
  name: 'keep-data-pure',
  renderChunk(code: string): { code: string } | undefined {
    const marked = code.replace(DATA_PARSE, '/* @__PURE__ */ JSON.parse(').replace(CODE_TABLES_JOIN, '/* @__PURE__ */ $1');
    return marked === code ? undefined : { code: marked };
  },
};
