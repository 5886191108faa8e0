/**
 * `ahrefs-where/arbitraries`: fast-check arbitraries for property tests of
 * code that builds, sends, caches or evaluates `where` filters, for any
 * catalogue (the built-in ones, or one of your own from `defineCatalogue`).
 *
 * fast-check is a peer dependency of this subpath only: install it next to
 * ahrefs-where (`npm i -D fast-check`). Nothing here touches Node APIs, so it
 * runs in browsers and workers too.
 *
 * Positive arbitraries give well-typed, canonical values that shrink to small
 * counterexamples: {@link filterAst}, {@link filterText}, {@link whereJson},
 * {@link row}. Negative ones give input that must be rejected with
 * diagnostics: {@link illTypedFilterAst}, {@link malformedWhereJson},
 * {@link noisyText}. See docs/testing.md.
 *
 * @example
 * import fc from 'fast-check';
 * import { check, allBacklinks } from 'ahrefs-where';
 * import { filterText } from 'ahrefs-where/arbitraries';
 *
 * fc.assert(fc.property(filterText(allBacklinks), (text) => check(text).length === 0));
 *
 * @packageDocumentation
 */
import fc, { type Arbitrary } from 'fast-check';
import { registerRegexEngine } from '../api/index.js';
import { re2jsEngine } from '../semantics/regex-re2js/index.js';
import type { Filter, WhereFilter } from '../ast/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { emitWhere, printFilter } from '../emit/index.js';
import { filterAst, printsAs } from './ast.js';
import { mutatedText } from './negative.js';
import type { FilterAstOptions } from './options.js';

export { filterAst, canonicalFilter, operatorsOf } from './ast.js';
export {
  ArbitraryOptionsError, DEFAULT_WEIGHTS,
  type Construct, type TestKind, type FilterAstOptions,
} from './options.js';
export { row, cellFor, type RowOptions } from './rows.js';
export { rowFor, rowOutcomes, filterWithRow, type Outcome, type RowForOptions, type FilterWithRow, type FilterWithRowOptions } from './outcome.js';
export { illTypedFilterAst, illTypedCase, malformedWhereJson, mutatedText, type IllTypedCase } from './negative.js';
export { invalidTextCase, nonCanonicalText, type InvalidTextCase, type NonCanonicalCase, type NonCanonicalOptions } from './text.js';
export {
  TRICKY_STRINGS, HOSTILE_STRINGS, CASING_STRINGS, CATASTROPHIC_PATTERNS,
  textValue, caseTrapValue, integerValue, floatValue, filterDate, rowDate, re2Pattern, writeInstant, oddValueFor, type DateForm,
} from './values.js';

// The test kit evaluates generated filters (outcomes, planted rows) with any pattern the checker accepts.
registerRegexEngine(re2jsEngine);

/**
 * The canonical query text of {@link filterAst}'s filters (as `format` would
 * print it). Every text compiles without diagnostics.
 *
 * @example
 * fc.assert(fc.property(filterText(allBacklinks), (text) => compile(text).ok));
 */
export function filterText(catalogue: Catalogue, options: FilterAstOptions = {}): Arbitrary<string> {
  return filterAst(catalogue, options).map((ast) => printFilter(ast));
}

/**
 * The canonical `where` JSON (objects) of {@link filterAst}'s filters: what
 * `compile(…).where` gives. `JSON.stringify` of one is the `where` parameter.
 * Prints in fast-check's reports as its JSON followed by its filter text.
 *
 * @example
 * fc.assert(fc.property(whereJson(allBacklinks), (where) => decompile(where).ok));
 */
export function whereJson(catalogue: Catalogue, options: FilterAstOptions = {}): Arbitrary<WhereFilter> {
  return filterAst(catalogue, options).map((ast: Filter) => {
    const where = emitWhere(ast);
    return printsAs(where, () => `${JSON.stringify(where)} /* ${printFilter(ast).replace(/\*\//g, '* /')} */`);
  });
}

/**
 * Grammar-aware mutations of valid query text ({@link filterText}): tokens
 * deleted, duplicated, swapped, replaced or upper-cased, keywords, brackets
 * and broken literals (unterminated strings, impossible dates, huge numbers,
 * lone surrogates) inserted, text truncated. Most are invalid, some valid;
 * every entry point must answer each with diagnostics, never an exception.
 *
 * @example
 * fc.assert(fc.property(noisyText(allBacklinks), (text) => { compile(text); }));
 */
export function noisyText(catalogue: Catalogue, options: FilterAstOptions = {}): Arbitrary<string> {
  return mutatedText(filterText(catalogue, { maxDepth: 2, ...options }));
}

/** fast-check's printer, re-exported so that reports and `fc.sample` outputs read the same. */
export const stringify: (value: unknown) => string = fc.stringify;
