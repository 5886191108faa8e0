/**
 * The typed copy of validated `where` JSON that the validator hands to the
 * decompiler: later stages never touch the untrusted object again. Paths
 * are JSON Pointers into the input.
 *
 * Like the AST's `BoolTree<L>` and the JSON's `WhereTree<L>`, one boolean
 * shape serves both levels of the grammar: {@link ValidTree} over column
 * conditions is a `bool_filter`, over element conditions a `cond_filter`.
 */
import type { CompareOp } from '../ast/nodes.js';
import type { WhereValue } from '../ast/where-json.js';

/** A validated `condition`, with the path of the `is` value (or of the condition inside `list_is`). */
export type ValidCondition =
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly value: WhereValue; readonly path: string }
  | { readonly kind: 'empty' | 'is_null'; readonly path: string };

/** In a partial tree, the place of a node that has errors (already reported). */
export interface InvalidPart {
  readonly kind: 'invalid';
  readonly path: string;
}

/** A validated `and` / `or` over leaves `L`. */
export interface ValidJunction<L> {
  readonly kind: 'and' | 'or';
  readonly operands: readonly ValidTree<L>[];
  readonly path: string;
}

/** A validated `not` over leaves `L`. */
export interface ValidNot<L> {
  readonly kind: 'not';
  readonly operand: ValidTree<L>;
  readonly path: string;
}

/** A validated boolean tree over leaves `L` (whose kinds are never `and`, `or`, `not` or `invalid`). */
export type ValidTree<L> = InvalidPart | ValidJunction<L> | ValidNot<L> | L;

/** `{"field", "modifier"?, "is"}`: a leaf of a {@link ValidFilter}. */
export interface ValidIs {
  readonly kind: 'is';
  readonly field: string;
  readonly modifier?: string;
  readonly condition: ValidCondition;
  readonly path: string;
}

/** `{"field", "list_is": {"any" | "all": …}}`: a leaf of a {@link ValidFilter}. */
export interface ValidListIs {
  readonly kind: 'list_is';
  readonly field: string;
  readonly quantifier: 'any' | 'all';
  readonly element: ValidConditionFilter;
  readonly path: string;
}

/** A condition on one array element: the leaf of a {@link ValidConditionFilter}. */
export interface ValidElementCondition {
  readonly kind: 'condition';
  readonly condition: ValidCondition;
  readonly path: string;
}

/** A validated `cond_filter` (the tree inside `list_is`). */
export type ValidConditionFilter = ValidTree<ValidElementCondition>;

/** A validated `bool_filter`. */
export type ValidFilter = ValidTree<ValidIs | ValidListIs>;

/** True for an `and` / `or` / `not` node of a validated tree. */
export function isValidBranch<L>(node: ValidTree<L>): node is ValidJunction<L> | ValidNot<L> {
  const kind = (node as { kind: unknown }).kind;
  return kind === 'and' || kind === 'or' || kind === 'not';
}

/** True for the place of a node with errors. */
export function isInvalidPart<L>(node: ValidTree<L>): node is InvalidPart {
  return (node as { kind: unknown }).kind === 'invalid';
}
