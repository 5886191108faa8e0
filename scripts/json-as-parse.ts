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
  return `export default JSON.parse('${literal}');`;
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
