/**
 * The predicate back end's entry: the choice between its two compilers.
 *
 * Both compile a checked filter once into the same pair of row tests (see
 * predicate-closures.ts for the three-valued scheme): the generated code
 * (predicate-codegen.ts), one straight-line function per polarity, where the
 * runtime allows `new Function`; the closures everywhere else (a
 * Content-Security-Policy without `unsafe-eval`). Neither compiler knows of
 * the other's use: this file, which imports both, makes the choice, so the
 * two stay independent (the generator reuses closures only for the leaves it
 * does not inline). Both give the same results, which the tests check on
 * every law and property.
 */
import type { Filter } from '../ast/nodes.js';
import { compileNode } from './predicate-closures.js';
import { generatePredicate } from './predicate-codegen.js';
import type { PredicateContext, Row } from './predicate-core.js';

export { PredicateBuildError, readColumn, type PredicateContext, type Row } from './predicate-core.js';

/** A compiled filter: the two-valued predicate and the three-valued evaluation. */
export interface CompiledPredicate {
  /** True only when the filter is true for the row (false and unknown both reject it). */
  readonly matches: (row: Row) => boolean;
  /** `true`, `false`, or `null` for unknown. */
  readonly evaluate: (row: Row) => boolean | null;
}

/** Options of {@link compilePredicate}. */
export interface CompilePredicateOptions {
  /**
   * Generate one function per polarity (`new Function`, injection-free, see
   * predicate-codegen.ts) instead of chaining closures. Default true; falls
   * back to closures where the runtime forbids it. Both give the same results.
   */
  readonly codegen?: boolean;
}

/** Compiles a checked filter once; throws `PredicateBuildError` for a tree the checker rejects. */
export function compilePredicate(filter: Filter, ctx: PredicateContext, options: CompilePredicateOptions = {}): CompiledPredicate {
  const closures = compileNode(filter, ctx); // also validates the tree
  const { t, f } = (options.codegen !== false && generatePredicate(filter, ctx)) || closures;
  // Rows are plain objects (spec §4): read directly, with no per-row prototype check, so that the
  // generated test runs as fast as a hand-written one. See docs/semantics.md, "Rows".
  return { matches: t, evaluate: (row) => (t(row) ? true : f(row) ? false : null) };
}
