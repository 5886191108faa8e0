/**
 * Well-typed, canonical filter ASTs for any catalogue.
 *
 * "Canonical" is the form the decompiler produces from the JSON the emitter
 * writes: `decompileTree(emitWhere(a)).filter` deep-equals `a`. Rather than
 * mirror the decompiler's re-sugaring rules (an `or` of `=` on one column is
 * an `in`, …), every raw tree is put through emitter and decompiler once, so
 * the kit cannot drift from them: the canonical tree is derived, by
 * construction.
 *
 * Shrinking works on the raw tree (leaves.ts), which is built so that a
 * failing filter shrinks to one condition: `and` / `or` to one operand and
 * then to it, `not` away, `in` to `=`, `between` to `>=`.
 */
import fc from 'fast-check';
import type { Filter } from '../ast/index.js';
import type { Catalogue, Column } from '../catalogue/index.js';
import { decompileTree } from '../decompile/index.js';
import { emitWhere, printFilter } from '../emit/index.js';
import { boolTree, isCheckable, leafChoices, operatorsOf } from './leaves.js';
import { Problems, resolveFilterOptions, type FilterAstOptions, type ResolvedFilterOptions } from './options.js';

export { operatorsOf, isCheckable } from './leaves.js';
export type { FilterAstOptions } from './options.js';

/** Whether `between` applies (the column's values are ordered numbers or dates). */
export function isOrdered(column: Column): boolean {
  return operatorsOf(column).includes('gte') && column.type !== 'string' && column.type !== 'url' && column.type !== 'domain';
}

/** The columns {@link filterAst} draws from. */
export function usableColumns(catalogue: Catalogue, options: Pick<FilterAstOptions, 'evaluable' | 'columns'> = {}): Column[] {
  const problems = new Problems();
  const resolved = resolveFilterOptions({ evaluable: options.evaluable, columns: options.columns }, catalogue, problems);
  problems.throwIfAny();
  return columnsOf(catalogue, resolved);
}

function columnsOf(catalogue: Catalogue, o: ResolvedFilterOptions): Column[] {
  return catalogue.columns.filter((c) => isCheckable(c) && (!o.evaluable || c.returned) && o.columns(c));
}

/**
 * The canonical form of a well-typed filter: the tree the decompiler reads
 * back from its `where` JSON (sugar where the decompiler puts it, literal
 * kinds as it chooses them).
 *
 * @throws {Error} when the filter has no `where` JSON (an `invalid` node or a `null` value).
 */
export function canonicalFilter(filter: Filter, catalogue: Catalogue): Filter {
  const result = decompileTree(emitWhere(filter), { catalogue });
  if (!result.filter) throw new Error(`canonicalFilter: the decompiler rejected the emitted JSON: ${result.diagnostics.map((d) => d.message).join(' ')}`);
  return result.filter;
}

/** Makes fast-check print a value as `text` in its reports (counterexamples, `fc.sample` with `fc.stringify`). */
export function printsAs<T extends object>(value: T, text: () => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: text, enumerable: false, configurable: true });
  return value;
}

/**
 * Well-typed canonical filter ASTs over a catalogue's columns: they check
 * without diagnostics, emit `where` JSON, and decompile back to themselves.
 * A failing property shrinks to one condition when one suffices. Each tree
 * prints as its filter text in fast-check's reports.
 *
 * @throws {ArbitraryOptionsError} when an option is wrong (see {@link FilterAstOptions}).
 */
export function filterAst(catalogue: Catalogue, options: FilterAstOptions = {}): fc.Arbitrary<Filter> {
  const problems = new Problems();
  const o = resolveFilterOptions(options, catalogue, problems);
  const columns = columnsOf(catalogue, o);
  if (columns.length === 0) problems.note(`No column of "${catalogue.name}" can be filtered on with these options (object columns and array(null) are never used).`);
  const choices = columns.length > 0 ? leafChoices(columns, catalogue, o) : [];
  const possible = new Set(choices.map((c) => c.construct));
  for (const construct of o.required) {
    if (!possible.has(construct) && !['and', 'or', 'not'].includes(construct)) {
      problems.note(`The filters asked for "${construct}" (weights or only), but no usable column of "${catalogue.name}" admits it.`);
    }
  }
  if (columns.length > 0 && choices.length === 0) problems.note('Every test has weight 0 (or no usable column admits one): no filter can be generated.');
  problems.throwIfAny();
  const leaf = fc.oneof({ withCrossShrink: true }, ...choices.map((c) => ({ arbitrary: c.arbitrary, weight: c.weight })));
  return boolTree(leaf, o, o.maxDepth, 'filter').map((raw) => {
    const ast = canonicalFilter(raw as Filter, catalogue);
    return printsAs(ast, () => printFilter(ast));
  });
}
