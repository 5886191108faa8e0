/**
 * The predicate entry points: `predicate`, `evaluate`, `explain`. Unlike the
 * rest of the API they throw, since a predicate that cannot be built has
 * nothing to return: {@link PredicateError}, carrying every diagnostic.
 */
import type { Filter } from '../ast/nodes.js';
import type { Catalogue } from '../catalogue/types.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { explainFilter, type Explanation } from '../emit/explain.js';
import { compilePredicate, type CompiledPredicate, type PredicateContext, type Row } from '../emit/predicate.js';
import { missingRegexEngine } from '../semantics/regex-engine-check.js';
import { analyze, type FilterOptions, type FilterSource } from './analyze.js';
import { internalError } from './internal.js';
import { checkFilterOptions } from './options.js';

export type { Explanation, ExplainNode } from '../emit/explain.js';
export type { Row } from '../emit/predicate.js';
/** A three-valued result: `true`, `false`, or `null` for unknown (SQL's NULL). */
export type { Truth } from '../semantics/logic.js';

/**
 * Thrown by {@link predicate}, {@link evaluate} and {@link explain} when the
 * filter cannot be compiled: syntax or type errors, invalid options
 * (`invalid-option`, `unknown-catalogue`), a malformed tree (`invalid-ast`), or
 * an internal failure (`internal-error`). `diagnostics` holds them all.
 */
export class PredicateError extends Error {
  /** Every problem found (errors and any warnings), sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const listed = errors.map((d) => `  ${d.range ? `${d.range.start.line}:${d.range.start.column}` : (d.path ?? '-')}: ${d.code}: ${d.message}`);
    super(`The filter cannot be compiled into a predicate:\n${listed.join('\n')}`);
    this.name = 'PredicateError';
    this.diagnostics = diagnostics;
  }
}

/**
 * The former name of {@link PredicateError} (the same class: `instanceof`
 * either name holds).
 * @deprecated Use `PredicateError`; `CompileError` will be removed in the next minor release.
 */
export const CompileError = PredicateError;
/** @deprecated Use `PredicateError`. */
export type CompileError = PredicateError;

interface Compiled {
  readonly filter: Filter;
  readonly ctx: PredicateContext;
  readonly predicate: CompiledPredicate;
}

/** Parses, checks and compiles; throws PredicateError on errors and on filter-only columns. */
function build(source: FilterSource, options: FilterOptions): Compiled {
  // Warnings are not kept (only errors throw), so the static analysis, which finds nothing else, is skipped.
  const analysis = analyze(source, options, undefined, 'skip');
  const diagnostics = [...analysis.diagnostics];
  // Spec §4: rows never hold filter-only columns, so a local answer would be made up.
  for (const [ref, resolved] of analysis.references) {
    if (resolved.column.returned) continue;
    diagnostics.push(report('filter-only-column', 'default', { column: resolved.apiName }, { range: ref.range }));
  }
  // A pattern outside the JS-translatable class needs the RE2 engine, which only `ahrefs-where/re2` registers.
  if (analysis.filter && analysis.catalogue && !hasErrors(diagnostics)) {
    diagnostics.push(...missingRegexEngine(analysis.filter, analysis.catalogue.regexDialect, (ref) => analysis.references.get(ref)?.apiName ?? ref.name));
  }
  if (!analysis.filter || !analysis.catalogue || hasErrors(diagnostics)) throw new PredicateError(sortDiagnostics(diagnostics));
  const references = analysis.references;
  try {
    const ctx: PredicateContext = { resolve: (ref) => references.get(ref), dialect: analysis.catalogue.regexDialect };
    return { filter: analysis.filter, ctx, predicate: compilePredicate(analysis.filter, ctx) };
  } catch (error) {
    // The checker passed the filter, so the predicate compiler failing is a bug: report it, with the error.
    throw new PredicateError(sortDiagnostics([...diagnostics, internalError('the predicate compiler', error)]));
  }
}

/**
 * Compiled filters by query text, per catalogue, so that `evaluate` and
 * `explain` in a loop do not parse the same text each time: least recently
 * used out first, bounded by the summed length of the cached texts (a
 * compiled filter holds memory in proportion to its text: its tree,
 * constants and code), not by a count, so that a few huge filters cannot
 * hold hundreds of megabytes where many small ones would hold little. Past
 * the budget, the oldest go until three quarters of it is left. A text
 * longer than the whole budget is compiled but not kept. Trees are not
 * cached (they may be rebuilt or mutated by the caller), nor are failures.
 */
export const PREDICATE_CACHE_CHARS = 256 * 1024;

interface Entries {
  readonly map: Map<string, Compiled>;
  chars: number;
}

/**
 * Drops the least recently used entries until the texts fill three
 * quarters of the budget. In one pass, because a Map keeps deleted entries
 * as holes that iteration walks past (until it rehashes on growth):
 * evicting one entry per insert, from the front, walked thousands of holes
 * each time (28 % of building a predicate for a new text, measured). Once
 * per quarter of the budget, the cost per insert is constant.
 */
function evict(entries: Entries): void {
  for (const oldest of entries.map.keys()) {
    if (entries.chars <= (PREDICATE_CACHE_CHARS * 3) / 4) break;
    entries.map.delete(oldest);
    entries.chars -= oldest.length;
  }
}

const cache = new WeakMap<Catalogue, Entries>();

function compiled(source: FilterSource, options: FilterOptions): Compiled {
  // Options first: the cache is keyed by the resolved catalogue and the validated limits.
  const checked = checkFilterOptions(options);
  if (!checked.ok) throw new PredicateError(sortDiagnostics(checked.diagnostics));
  if (typeof source !== 'string') return build(source, options);
  const { catalogue, maxLength, maxDepth, maxListLength } = checked.options;
  const key = `${maxLength ?? ''}:${maxDepth ?? ''}:${maxListLength ?? ''}:${source}`;
  let entries = cache.get(catalogue);
  if (!entries) cache.set(catalogue, (entries = { map: new Map(), chars: 0 }));
  const hit = entries.map.get(key);
  if (hit) {
    entries.map.delete(key); // re-insert: Map order is the recency order
    entries.map.set(key, hit);
    return hit;
  }
  const result = build(source, options);
  if (key.length <= PREDICATE_CACHE_CHARS) {
    entries.map.set(key, result);
    entries.chars += key.length;
    if (entries.chars > PREDICATE_CACHE_CHARS) evict(entries);
  }
  return result;
}

/**
 * Compiles a filter once into a function that tells whether a row matches,
 * with the API's semantics (spec §4, docs/semantics.md): three-valued logic
 * for nulls (a row matches only when the filter is *true*), code-point string
 * order, dates by instant, RE2 regexes in linear time. Rows are plain objects
 * as the API returns them; absent columns count as null.
 *
 * @throws {PredicateError} when the filter has errors, uses a column the API
 *   filters on but never returns in rows (`filter-only-column`), is a
 *   malformed tree (`invalid-ast`), or the options are invalid
 *   (`invalid-option`, `unknown-catalogue`); `diagnostics` holds every
 *   problem. Nothing else is thrown while compiling: an internal failure is
 *   a PredicateError with an `internal-error` diagnostic.
 * @example
 * const keep = predicate('domain_rating_source >= 50 and not is_spam');
 * keep({ domain_rating_source: 72, is_spam: false }); // true
 * keep({ domain_rating_source: null, is_spam: false }); // false (unknown)
 * rows.filter(keep);
 */
export function predicate(source: FilterSource, options: FilterOptions = {}): (row: Row) => boolean {
  return compiled(source, options).predicate.matches;
}

/**
 * The three-valued result of a filter for one row: `true`, `false`, or `null`
 * when it is unknown (as SQL's NULL: a comparison with a null column, not
 * decided by the rest of the filter). String sources are compiled once and
 * cached (per catalogue, up to {@link PREDICATE_CACHE_CHARS} characters of text).
 *
 * @throws {PredicateError} as {@link predicate}.
 * @example
 * evaluate('alt = "logo"', { alt: null });          // null
 * evaluate('not (alt = "logo")', { alt: null });    // null: not unknown is unknown
 * evaluate('alt is null or alt = "x"', { alt: null }); // true
 */
export function evaluate(source: FilterSource, row: Row, options: FilterOptions = {}): boolean | null {
  return compiled(source, options).predicate.evaluate(row);
}

/**
 * How a filter evaluates on one row, node by node: each node's value
 * (`true` / `false` / `null`), the column values read and a short text.
 * `renderExplanation` (src/emit/explain.ts; the CLI's `explain`) prints it.
 *
 * @throws {PredicateError} as {@link predicate}.
 * @example
 * const e = explain('DR >= 50 and alt is null', { domain_rating_source: 60, alt: 'x' });
 * e.value;                  // false
 * e.root.children[1].read;  // 'x'
 */
export function explain(source: FilterSource, row: Row, options: FilterOptions = {}): Explanation {
  const { filter, ctx } = compiled(source, options);
  return explainFilter(filter, ctx, row);
}
