/**
 * A build plugin (tsup.config.ts, bench/size.ts): Chevrotain without
 * lodash-es. Chevrotain's modules import 38 small lodash functions (`map`,
 * `forEach`, `has`, `clone`, …); through them the bundle held about 30 KB of
 * lodash (10 KB gzip), most of it the machinery shared by lodash's generic
 * implementations (iteratee shorthands, tag checks, its own Map and Set
 * caches).
 *
 * The plugin resolves `lodash-es`, when a module of Chevrotain's packages
 * imports it, to scripts/lodash-native.ts: native implementations of exactly
 * those functions, with lodash's results for the values Chevrotain passes
 * (`upperFirst`, used only by the CST type generator, stays lodash's own).
 * Any other importer gets the real lodash-es (nothing of ours imports it).
 * The sources and the tests run Chevrotain with lodash as it is;
 * test/package/chevrotain-native-lodash.test.ts checks that the module
 * exports exactly the names the installed Chevrotain imports, compares each
 * function with lodash on generated values shaped like Chevrotain's, and
 * that a bundle built with the plugins holds no lodash and parses every text
 * as the sources do.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { CHEVROTAIN_FILE } from './chevrotain-parser-only.js';

/** The module that stands in for lodash-es in Chevrotain's imports. */
export const NATIVE_LODASH = fileURLToPath(new URL('./lodash-native.ts', import.meta.url));

export const chevrotainNativeLodash: Plugin = {
  name: 'chevrotain-native-lodash',
  setup(build) {
    build.onResolve({ filter: /^lodash-es$/ }, ({ importer }) => (CHEVROTAIN_FILE.test(importer) ? { path: NATIVE_LODASH, sideEffects: false } : undefined));
  },
};
