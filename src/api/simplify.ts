/**
 * `simplify(source)`: an equivalent, smaller filter, as text and as `where`
 * JSON. Equivalent means the same three-valued result on every row (null,
 * absent and wrong-typed values, empty arrays and null elements included),
 * so the result can stand anywhere the source stood, under `not` too; see
 * src/check/analysis/simplify.ts for the rewrites. Never throws.
 */
import type { Filter } from '../ast/nodes.js';
import type { WhereFilter } from '../ast/where-json.js';
import { filterCost, simplifyFilter } from '../check/analysis/index.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { printFilter } from '../emit/text.js';
import { emitWhere, stringifyWhere } from '../emit/where-json.js';
import { analyze, type Analysis, type FilterOptions, type FilterSource } from './analyze.js';
import { internalError } from './internal.js';

/** Sizes of a filter before and after {@link simplify}. */
export interface FilterSize {
  /** Conditions plus and/or/not objects in the `where` JSON. */
  readonly clauses: number;
  /** Characters of the compact `where` JSON (what goes into the URL, before URL encoding). */
  readonly jsonLength: number;
}

/** The result of {@link simplify}. */
export interface SimplifyResult {
  /** True when the filter checked without errors (warnings may be present). */
  readonly ok: boolean;
  /** The simplified filter as canonical text (comments are not kept); undefined on errors. */
  readonly text: string | undefined;
  /** The simplified filter's `where` object; undefined on errors. */
  readonly where: WhereFilter | undefined;
  /** `where` as the compact string for the `where` query parameter. */
  readonly json: string | undefined;
  /** The simplified tree. */
  readonly ast: Filter | undefined;
  /** The diagnostics of the source (not of the result). */
  readonly diagnostics: readonly Diagnostic[];
  readonly before: FilterSize | undefined;
  readonly after: FilterSize | undefined;
}

/** The simplified tree and its JSON, for a checked analysis (also used by `compile(…, { simplify: true })`). */
export function simplifiedOf(analysis: Analysis): { filter: Filter; where: WhereFilter; json: string; before: FilterSize; after: FilterSize } | undefined {
  if (!analysis.ok || !analysis.filter) return undefined;
  const fieldName = (ref: { name: string }) => analysis.references.get(ref)?.apiName ?? ref.name;
  const original = stringifyWhere(emitWhere(analysis.filter, { fieldName }));
  const filter = simplifyFilter(analysis.filter, { references: analysis.references });
  const where = emitWhere(filter, { fieldName });
  const json = stringifyWhere(where);
  return {
    filter,
    where,
    json,
    before: { clauses: filterCost(analysis.filter), jsonLength: original.length },
    after: { clauses: filterCost(filter), jsonLength: json.length },
  };
}

/**
 * Simplifies a filter into an equivalent smaller one: repeated and implied
 * operands go, `between 3 and 3` becomes `= 3`, `any(x) = "a" or any(x) = "b"`
 * becomes `any(x) (= "a" or = "b")`. The result selects the same rows as the
 * source on every input, and so does its negation.
 *
 * @example
 * simplify('DR > 50 and DR > 30 and is_dofollow').text; // 'DR > 50 and is_dofollow'
 */
export function simplify(source: FilterSource, options: FilterOptions = {}): SimplifyResult {
  const analysis = analyze(source, options);
  const failed = (diagnostics: readonly Diagnostic[]): SimplifyResult =>
    ({ ok: false, text: undefined, where: undefined, json: undefined, ast: undefined, diagnostics, before: undefined, after: undefined });
  if (!analysis.ok) {
    const diagnostics = analysis.diagnostics.length > 0 ? analysis.diagnostics : [diagnostic('empty-filter', 'The input holds no filter.')];
    return failed(diagnostics);
  }
  try {
    const s = simplifiedOf(analysis)!;
    return { ok: true, text: printFilter(s.filter), where: s.where, json: s.json, ast: s.filter, diagnostics: analysis.diagnostics, before: s.before, after: s.after };
  } catch (error) {
    return failed(sortDiagnostics([...analysis.diagnostics, internalError('simplify', error)]));
  }
}
