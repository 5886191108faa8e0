/**
 * The typed copy of validated `where` JSON that the validator hands to the
 * decompiler: later stages never touch the untrusted object again. Paths
 * are JSON Pointers into the input.
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

/** A validated `cond_filter` (the tree inside `list_is`). */
export type ValidConditionFilter =
  | InvalidPart
  | { readonly kind: 'and' | 'or'; readonly operands: readonly ValidConditionFilter[]; readonly path: string }
  | { readonly kind: 'not'; readonly operand: ValidConditionFilter; readonly path: string }
  | { readonly kind: 'condition'; readonly condition: ValidCondition; readonly path: string };

/** A validated `bool_filter`. Paths are JSON Pointers into the input. */
export type ValidFilter =
  | InvalidPart
  | { readonly kind: 'and' | 'or'; readonly operands: readonly ValidFilter[]; readonly path: string }
  | { readonly kind: 'not'; readonly operand: ValidFilter; readonly path: string }
  | {
      readonly kind: 'is';
      readonly field: string;
      readonly modifier?: string;
      readonly condition: ValidCondition;
      readonly path: string;
    }
  | {
      readonly kind: 'list_is';
      readonly field: string;
      readonly quantifier: 'any' | 'all';
      readonly element: ValidConditionFilter;
      readonly path: string;
    };
