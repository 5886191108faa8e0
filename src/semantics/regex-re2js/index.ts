/**
 * re2js as the RE2 engine of the predicate (src/semantics/regex-engine.ts).
 * Its own entry, so that only the bundles that import it (the `ahrefs-where/re2`
 * subpath, the CLI, the test kit) carry re2js.
 */
import { RE2JS } from 're2js';
import type { RegexEngine } from '../regex-engine.js';

/** re2js, compiling with DOTALL as spec §4 says (`.` matches a line break unless `(?-s)`). */
export const re2jsEngine: RegexEngine = {
  name: 're2js',
  compile: (pattern) => RE2JS.compile(pattern, RE2JS.DOTALL),
};
