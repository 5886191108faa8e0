/**
 * Compiles filter trees for the predicate tests without the parser or the
 * checker: references resolve by name against a catalogue, as the checker
 * resolves them. The API-level tests (test/predicate/api.test.ts) go through
 * `predicate` / `evaluate` / `explain` instead.
 */
import type { Filter } from '../../src/ast/nodes.js';
import type { WhereFilter } from '../../src/ast/where-json.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { resolveField } from '../../src/catalogue/resolve.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import { emitWhere } from '../../src/emit/where-json.js';
import { explainFilter, type Explanation } from '../../src/emit/explain.js';
import { compilePredicate, type CompiledPredicate, type PredicateContext, type Row } from '../../src/emit/predicate.js';

export function contextFor(catalogue: Catalogue = allBacklinks): PredicateContext {
  return { resolve: (ref) => resolveField(catalogue, ref.name), dialect: catalogue.regexDialect };
}

/** Compiles a tree; `codegen: false` forces the closure back end. */
export function compileTree(filter: Filter, options: { codegen?: boolean; catalogue?: Catalogue } = {}): CompiledPredicate {
  return compilePredicate(filter, contextFor(options.catalogue), { codegen: options.codegen ?? true });
}

/** The `where` JSON of a tree, with API names. */
export function whereOf(filter: Filter, catalogue: Catalogue = allBacklinks): WhereFilter {
  return emitWhere(filter, { fieldName: (ref) => resolveField(catalogue, ref.name)?.apiName ?? ref.name });
}

/** Both back ends' three-valued results; they must agree. */
export function evalBoth(filter: Filter, row: Row, catalogue: Catalogue = allBacklinks): [boolean | null, boolean | null] {
  return [compileTree(filter, { catalogue }).evaluate(row), compileTree(filter, { codegen: false, catalogue }).evaluate(row)];
}

export function explainTree(filter: Filter, row: Row, catalogue: Catalogue = allBacklinks): Explanation {
  return explainFilter(filter, contextFor(catalogue), row);
}
