/**
 * TypeScript types of the API's `where` JSON (spec §1). The emitter produces
 * values of these types; the decompiler validates untrusted input into them.
 */
import type { CompareOp } from './nodes.js';

/** A JSON scalar as the API receives it in a condition. */
export type WhereValue = string | number | boolean;

/** `[op, value]`, `"empty"` or `"is_null"`. */
export type WhereCondition = readonly [CompareOp, WhereValue] | 'empty' | 'is_null';

/** The boolean tree over conditions inside `list_is`. */
export type WhereConditionFilter =
  | { readonly and: readonly WhereConditionFilter[] }
  | { readonly or: readonly WhereConditionFilter[] }
  | { readonly not: WhereConditionFilter }
  | WhereCondition;

/** `{"field", "modifier"?, "is"}` or `{"field", "list_is"}`. */
export type WhereExpr =
  | { readonly field: string; readonly modifier?: string; readonly is: WhereCondition }
  | { readonly field: string; readonly list_is: { readonly any: WhereConditionFilter } | { readonly all: WhereConditionFilter } };

/** A whole `where` filter. */
export type WhereFilter =
  | { readonly and: readonly WhereFilter[] }
  | { readonly or: readonly WhereFilter[] }
  | { readonly not: WhereFilter }
  | WhereExpr;

/** The 13 operators of the API, in the order the spec lists them. */
export const COMPARE_OPS: readonly CompareOp[] = Object.freeze([
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte',
  'substring', 'isubstring', 'phrase_match', 'iphrase_match', 'prefix', 'suffix', 'regex',
]);
