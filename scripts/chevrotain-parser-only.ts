/**
 * A build plugin (tsup.config.ts, bench/size.ts): Chevrotain's parser
 * without its lexer. The library reads text with its own lexer
 * (src/syntax/lexer.ts) and uses only Chevrotain's tokens and parser, but
 * two of Chevrotain's parser modules import the `Lexer` class for one
 * constant, `Lexer.NA` (the pattern of tokens that are never matched: `EOF`
 * and the recording phase's token). Through that one read the bundle kept
 * the whole lexer and its regexp parser, about 35 KB minified (10 KB gzip)
 * that never runs.
 *
 * The plugin gives those two modules a `Lexer` that holds only that
 * constant, and marks Chevrotain's modules free of side effects (they are:
 * classes, functions and constants), so that the bundler drops what nothing
 * uses. The sources and the tests import Chevrotain as it is; the test
 * test/package/chevrotain-parser-only.test.ts checks the premise against the
 * installed Chevrotain (who imports the lexer, and which of its members they
 * read) and that a bundle built with the plugin parses every text exactly as
 * the sources do.
 */
import type { Plugin } from 'esbuild';

/** Chevrotain's modules that read `Lexer.NA`, and nothing else of the lexer. */
export const LEXER_CONSTANT_READERS = ['scan/tokens_public.js', 'parse/parser/traits/gast_recorder.js'];

/** The one constant of Chevrotain's `Lexer` that its parser reads, with Chevrotain's own value. */
export const LEXER_CONSTANTS_MODULE = 'export const Lexer = { NA: /NOT_APPLICABLE/ };';

const NAMESPACE = 'chevrotain-lexer-constants';
/** A file of Chevrotain's packages (chevrotain, @chevrotain/*). */
export const CHEVROTAIN_FILE = /[\\/]node_modules[\\/](?:chevrotain|@chevrotain[\\/][^\\/]+)[\\/]/;

export const chevrotainParserOnly: Plugin = {
  name: 'chevrotain-parser-only',
  setup(build) {
    build.onResolve({ filter: /^\.\/lexer_public\.js$|\/scan\/lexer_public\.js$/ }, ({ importer }) => {
      const path = importer.replace(/\\/g, '/');
      return LEXER_CONSTANT_READERS.some((reader) => path.endsWith(`/chevrotain/lib/src/${reader}`)) ? { path: 'lexer-constants', namespace: NAMESPACE } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents: LEXER_CONSTANTS_MODULE, loader: 'js' }));
    // Chevrotain's package.json does not say `sideEffects: false`; its modules have none.
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === NAMESPACE) return undefined;
      if (!CHEVROTAIN_FILE.test(args.importer) && args.path !== 'chevrotain') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: NAMESPACE });
      if (resolved.errors.length > 0 || !CHEVROTAIN_FILE.test(resolved.path)) return undefined; // esbuild resolves it again and reports its own error
      return { ...resolved, sideEffects: false };
    });
  },
};
