/**
 * TypeScript types of the API's `where` JSON (spec §1). The emitter produces
 * values of these types; the decompiler validates untrusted input into them.
 */
import type { CompareOp } from '../vocabulary/words.js';

export { COMPARE_OPS } from '../vocabulary/words.js';

/** A JSON scalar as the API receives it in a condition. */
export type WhereValue = string | number | boolean;

/** `[op, value]`, `"empty"` or `"is_null"`. */
export type WhereCondition = readonly [CompareOp, WhereValue] | 'empty' | 'is_null';

/** The JSON boolean tree over leaves `L`: the same shape at the top level and inside `list_is`. */
export type WhereTree<L> =
  | { readonly and: readonly WhereTree<L>[] }
  | { readonly or: readonly WhereTree<L>[] }
  | { readonly not: WhereTree<L> }
  | L;

/** The boolean tree over conditions inside `list_is`. */
export type WhereConditionFilter = WhereTree<WhereCondition>;

/** `{"field", "modifier"?, "is"}` or `{"field", "list_is"}`. */
export type WhereExpr =
  | { readonly field: string; readonly modifier?: string; readonly is: WhereCondition }
  | { readonly field: string; readonly list_is: { readonly any: WhereConditionFilter } | { readonly all: WhereConditionFilter } };

/** A whole `where` filter. */
export type WhereFilter = WhereTree<WhereExpr>;
