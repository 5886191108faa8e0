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
import { isBranch } from '../ast/tree.js';
import { compileNode } from './predicate-closures.js';
import { generatePredicate } from './predicate-codegen.js';
import type { PredicateContext, Row, Test2 } from './predicate-core.js';

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
   * `true`: generate one function per polarity (`new Function`,
   * injection-free, see predicate-codegen.ts); `false`: chain closures;
   * absent: closures for filters of at most {@link CLOSURE_MAX_LEAVES}
   * conditions, generated code for larger ones. Generated code falls back to
   * closures where the runtime forbids it. All give the same results.
   */
  readonly codegen?: boolean;
}

/**
 * Filters of at most this many conditions run as closures by default: their
 * build is a few hundred nanoseconds where generating code costs
 * microseconds (tens for a shape not seen before), and for so few conditions
 * the closures' cost per row is close to the generated code's.
 */
export const CLOSURE_MAX_LEAVES = 1;

/** Compiles a checked filter once; throws `PredicateBuildError` for a tree the checker rejects. */
export function compilePredicate(filter: Filter, ctx: PredicateContext, options: CompilePredicateOptions = {}): CompiledPredicate {
  const codegen = options.codegen ?? !atMost(filter, CLOSURE_MAX_LEAVES);
  const generated = codegen ? generatePredicate(filter, ctx) : undefined;
  // Rows are plain objects (spec §4): read directly, with no per-row prototype check, so that the
  // generated test runs as fast as a hand-written one. See docs/semantics.md, "Rows".
  if (!generated) {
    const { t, f } = compileNode(filter, ctx);
    return { matches: t, evaluate: (row) => (t(row) ? true : f(row) ? false : null) };
  }
  const t = generated.t;
  // The "is false" test is built on the first evaluate (`matches` never needs it); the closures stand in
  // where the runtime refuses the generated one.
  let f: Test2<Row> | undefined;
  const falseTest = (): Test2<Row> => (f ??= generated.f() ?? compileNode(filter, ctx).f);
  return { matches: t, evaluate: (row) => (t(row) ? true : (f ?? falseTest())(row) ? false : null) };
}

/** Whether the filter has at most `n` row tests (stops counting past `n`). */
function atMost(filter: Filter, n: number): boolean {
  let count = 0;
  const visit = (node: Filter): boolean => {
    if (isBranch(node)) return node.kind === 'not' ? visit(node.operand) : node.operands.every(visit);
    return ++count <= n;
  };
  return visit(filter);
}
