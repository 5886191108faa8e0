/**
 * A build plugin (tsup.config.ts, bench/size.ts): Chevrotain's parser
 * without what only a grammar under development, or a CST parser, runs.
 * Three of Chevrotain's modules are replaced, in bundles only, by small
 * stand-ins (about 3.5 KB gzip of the browser bundle of `{ compile }`):
 *
 * - parse/grammar/checks.js, the grammar validations (duplicate
 *   productions, ambiguous alternatives, left recursion, …). Chevrotain runs
 *   them in `performSelfAnalysis` only when `skipValidations` is false, and
 *   the shared parser of the library (`getParser()`, src/syntax/parser.ts)
 *   sets it: its grammar is fixed, and the test suite, which runs the
 *   sources, builds a validating parser every run
 *   (test/syntax/diagnostics.test.ts), so a grammar error is still caught.
 *   Their other callers are `OVERRIDE_RULE` (the library never overrides a
 *   rule) and the LL(k) strategy's `validate`, which only the validations
 *   call.
 * - parse/errors_public.js, Chevrotain's default messages. The parser's
 *   syntax errors get theirs from the library's own `errorMessageProvider`
 *   (src/syntax/parse-errors.ts: all four of its methods), and Chevrotain
 *   uses the default provider only for a parser configured without one. The
 *   resolver's and the validator's messages are built only for a broken
 *   grammar (a subrule that is not a rule, a rule defined twice) or by the
 *   validations.
 * - parse/parser/traits/tree_builder.js, the CST builder. The library's
 *   parser is an `EmbeddedActionsParser` (`outputCst` false), for which
 *   Chevrotain sets the five CST hooks to no-ops when the parser is built
 *   and never calls the rest (node locations, CST visitors). The stand-in
 *   keeps that branch of `initTreeBuilder` and the two rule-stack readers
 *   that error recovery calls, as they are.
 *
 * Every stand-in function that takes the place of one left out throws an
 * error that names this plugin, so that a path this reasoning missed fails
 * loudly (a CST parser or a validating parser in a bundle throws when it is
 * built) instead of parsing differently. The sources and the tests run
 * Chevrotain as it is; test/package/chevrotain-production.test.ts checks the
 * premises against the installed Chevrotain (who imports these modules and
 * which of their exports, where the left-out functions are called, which
 * tree-builder members the rest of the parser uses) and that a bundle built
 * with every plugin compiles, checks and analyzes texts, valid and broken,
 * exactly as the sources do.
 */
import type { Plugin } from 'esbuild';

/** The stand-ins' error: what is left out, and where. */
const DROPPED = (what: string) =>
  `function dropped() { throw new Error("Chevrotain's ${what} are left out of this bundle (ahrefs-where, scripts/chevrotain-production.ts)"); }`;

/**
 * The grammar checks: every function Chevrotain's other modules import from
 * checks.js (test/package/chevrotain-production.test.ts compares the names).
 */
export const CHECKS_MODULE = `${DROPPED('grammar validations')}
export const validateLookahead = dropped, validateGrammar = dropped, validateRuleIsOverridden = dropped, validateNoLeftRecursion = dropped,
  validateEmptyOrAlternative = dropped, validateAmbiguousAlternationAlternatives = dropped, validateSomeNonEmptyLookaheadPath = dropped;`;

/**
 * The default message providers, each with the methods a parser with its own
 * `errorMessageProvider` and a resolvable grammar could name (never call).
 */
export const ERRORS_MODULE = `${DROPPED('default error messages')}
export const defaultParserErrorProvider = Object.freeze({ buildMismatchTokenMessage: dropped, buildNotAllInputParsedMessage: dropped, buildNoViableAltMessage: dropped, buildEarlyExitMessage: dropped });
export const defaultGrammarResolverErrorProvider = { buildRuleNotFoundError: dropped };
export const defaultGrammarValidatorErrorProvider = { buildDuplicateRuleNameError: dropped };`;

/**
 * The tree builder of an embedded-actions parser: Chevrotain's own
 * `initTreeBuilder` for `outputCst` false (the same fields, in the same
 * order, the same no-ops) and its two rule-stack readers, verbatim.
 */
export const TREE_BUILDER_MODULE = `import { has, noop } from "lodash-es";
import { DEFAULT_PARSER_CONFIG } from "../parser.js";
${DROPPED('CST output and node locations')}
export class TreeBuilder {
    initTreeBuilder(config) {
        this.CST_STACK = [];
        this.outputCst = config.outputCst;
        this.nodeLocationTracking = has(config, "nodeLocationTracking")
            ? config.nodeLocationTracking
            : DEFAULT_PARSER_CONFIG.nodeLocationTracking;
        if (this.outputCst) dropped();
        this.cstInvocationStateUpdate = noop;
        this.cstFinallyStateUpdate = noop;
        this.cstPostTerminal = noop;
        this.cstPostNonTerminal = noop;
        this.cstPostRule = noop;
    }
    getPreviousExplicitRuleShortName() {
        return this.RULE_STACK[this.RULE_STACK_IDX - 1];
    }
    getLastExplicitRuleOccurrenceIndex() {
        return this.RULE_OCCURRENCE_STACK[this.RULE_OCCURRENCE_STACK_IDX];
    }
}`;

/** Each replaced module, by its path under chevrotain/lib/src/, and its stand-in. */
export const PRODUCTION_STAND_INS: Readonly<Record<string, string>> = {
  'parse/grammar/checks.js': CHECKS_MODULE,
  'parse/errors_public.js': ERRORS_MODULE,
  'parse/parser/traits/tree_builder.js': TREE_BUILDER_MODULE,
};

const REPLACED = /[\\/]node_modules[\\/]chevrotain[\\/]lib[\\/]src[\\/]parse[\\/](?:grammar[\\/]checks|errors_public|parser[\\/]traits[\\/]tree_builder)\.js$/;

export const chevrotainProduction: Plugin = {
  name: 'chevrotain-production',
  setup(build) {
    // By load, not by resolve: whichever plugin resolved the import (chevrotain-parser-only marks these modules free of
    // side effects), the module's contents are the stand-in's, and its imports resolve from the module's own directory.
    build.onLoad({ filter: REPLACED }, ({ path }) => {
      const key = path.replace(/\\/g, '/').replace(/^.*\/node_modules\/chevrotain\/lib\/src\//, '');
      const contents = PRODUCTION_STAND_INS[key];
      return contents === undefined ? undefined : { contents, loader: 'js' };
    });
  },
};
