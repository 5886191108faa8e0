/**
 * The one boolean tree of the language, and the one fold over it.
 *
 * A filter and the element filter inside `any(col)` / `all(col)` are the same
 * shape: `and` / `or` / `not` over leaves. Only the leaves differ (a column
 * test for a row; a bare test for an array element). Every stage that walks a
 * filter (emitters, checker, decompiler, explain, the test kit) does so
 * through {@link foldTree}, so the boolean structure is handled in one place
 * and a stage writes only what it does with a leaf.
 *
 * Like cel-go's `navigable` AST and TypeScript's `forEachChild`, the fold is
 * the single definition of "the children of a node".
 */
import type { SourceRange } from './range.js';

/** `a and b and …`: two or more operands (the decompiler may keep one, see `json-single-operand`). */
export interface AndOf<L> {
  readonly kind: 'and';
  readonly operands: readonly BoolTree<L>[];
  readonly range?: SourceRange;
}

/** `a or b or …`. */
export interface OrOf<L> {
  readonly kind: 'or';
  readonly operands: readonly BoolTree<L>[];
  readonly range?: SourceRange;
}

/** `not a`. */
export interface NotOf<L> {
  readonly kind: 'not';
  readonly operand: BoolTree<L>;
  readonly range?: SourceRange;
}

/** A gap left by parser error recovery. Never emitted: its diagnostic is already reported. */
export interface InvalidNode {
  readonly kind: 'invalid';
  readonly range?: SourceRange;
}

/** An `and` / `or` / `not` node over leaves of type `L`. */
export type BranchOf<L> = AndOf<L> | OrOf<L> | NotOf<L>;

/** A boolean tree over leaves of type `L`, with recovery gaps. */
export type BoolTree<L> = BranchOf<L> | L | InvalidNode;

/** What a stage does at each kind of node; children arrive already folded. */
export interface TreeFold<L, R> {
  readonly and: (operands: R[], node: AndOf<L>) => R;
  readonly or: (operands: R[], node: OrOf<L>) => R;
  readonly not: (operand: R, node: NotOf<L>) => R;
  readonly leaf: (leaf: L) => R;
  readonly invalid: (node: InvalidNode) => R;
}

/** True for `and` / `or` / `not` (the leaves never use these kinds). */
export function isBranch<L>(node: BoolTree<L>): node is BranchOf<L> {
  const kind = (node as { kind: unknown }).kind;
  return kind === 'and' || kind === 'or' || kind === 'not';
}

/** True for a recovery gap. */
export function isInvalid<L>(node: BoolTree<L>): node is InvalidNode {
  return (node as { kind: unknown }).kind === 'invalid';
}

/**
 * Folds a tree bottom-up. Recursion is safe: every entry point refuses trees
 * deeper than `maxDepth` (text by the parser, JSON by the decompiler, trees
 * built in code by `src/ast/validate.ts`) before any stage folds them.
 */
export function foldTree<L, R>(node: BoolTree<L>, fold: TreeFold<L, R>): R {
  if (isBranch(node)) {
    switch (node.kind) {
      case 'and':
        return fold.and(node.operands.map((o) => foldTree(o, fold)), node);
      case 'or':
        return fold.or(node.operands.map((o) => foldTree(o, fold)), node);
      case 'not':
        return fold.not(foldTree(node.operand, fold), node);
    }
  }
  if (isInvalid(node)) return fold.invalid(node);
  return fold.leaf(node as L);
}

/** Calls `visit` on every leaf, left to right (for stages that collect rather than build). */
export function forEachLeaf<L>(node: BoolTree<L>, visit: (leaf: L) => void): void {
  if (isBranch(node)) {
    if (node.kind === 'not') forEachLeaf(node.operand, visit);
    else for (const operand of node.operands) forEachLeaf(operand, visit);
    return;
  }
  if (!isInvalid(node)) visit(node as L);
}

/**
 * The node factory: the one place that builds branches, used by the AST
 * builder, the decompiler, the test kit and tests. A one-operand `and`/`or`
 * is built as written: the decompiler needs it to report `json-single-operand`.
 */
export const tree = {
  and<L>(operands: readonly BoolTree<L>[], range?: SourceRange): AndOf<L> {
    return range ? { kind: 'and', operands, range } : { kind: 'and', operands };
  },
  or<L>(operands: readonly BoolTree<L>[], range?: SourceRange): OrOf<L> {
    return range ? { kind: 'or', operands, range } : { kind: 'or', operands };
  },
  not<L>(operand: BoolTree<L>, range?: SourceRange): NotOf<L> {
    return range ? { kind: 'not', operand, range } : { kind: 'not', operand };
  },
  invalid(range?: SourceRange): InvalidNode {
    return range ? { kind: 'invalid', range } : { kind: 'invalid' };
  },
};
