/**
 * The analysis's budget: how large a filter it judges or simplifies.
 */
import type { Filter } from '../../ast/nodes.js';
import { isBranch, isInvalid, type BoolTree } from '../../ast/tree.js';

/**
 * The most conditions (row and element tests) a filter may have to be
 * analysed. The verdicts compare the conditions on one column pairwise, so
 * their cost grows faster than linearly; past this size the analysis and
 * `simplify` leave the filter as it is (no warning is better than a slow check on every keystroke).
 * Documented in docs/diagnostics.md.
 */
export const MAX_ANALYSED_CONDITIONS = 24;

/** True when the tree has more than {@link MAX_ANALYSED_CONDITIONS} tests (stops counting there). */
export function tooManyConditions(filter: Filter): boolean {
  let count = 0;
  const stack: BoolTree<unknown>[] = [filter];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isInvalid(node)) continue;
    if (isBranch(node)) {
      if (node.kind === 'not') stack.push(node.operand);
      else stack.push(...node.operands);
      continue;
    }
    const element = (node as { element?: BoolTree<unknown> }).element;
    if (element !== undefined) stack.push(element);
    else if (++count > MAX_ANALYSED_CONDITIONS) return true;
  }
  return false;
}
