/**
 * Size measures of a tree, computed without recursion so that a hostile tree
 * (an AST built in code, 100,000 levels deep, or sharing nodes so that it
 * expands to 2^30) can neither overflow the stack nor take long before the
 * entry points refuse it.
 */
import type { ElementFilter, Filter, Literal, SourceRange } from './nodes.js';

/** How deep, how wide and how big a filter is. */
export interface FilterMeasure {
  /** Nesting levels: each `and`, `or`, `not`, `any`/`all` and element-level `and`/`or`/`not` counts one. */
  readonly depth: number;
  /** The longest `in (…)` list. */
  readonly longestList: number;
  /** The first `in (…)` test with the longest list (for its range). */
  readonly longestListNode: { readonly values: readonly Literal[] } | undefined;
  /**
   * Nodes visited: boolean nodes, column tests, element tests and values,
   * each counted every time it is reached (a node shared by two parents
   * counts twice, as every stage that expands the tree reaches it twice).
   * The walk stops once this passes `maxNodes`, so it is then `maxNodes + 1`.
   */
  readonly nodes: number;
}

/** Values a test holds: each is one node (and one condition in the emitted JSON). */
function valueCount(test: unknown): number {
  if (typeof test !== 'object' || test === null) return 0;
  const t = test as { kind?: unknown; values?: unknown };
  if (t.kind === 'in') return Array.isArray(t.values) ? t.values.length : 0;
  if (t.kind === 'between') return 2;
  return t.kind === 'compare' ? 1 : 0;
}

/**
 * Measures a filter without recursion. Stops descending at `stopAt` levels
 * (the caller's limit plus one is enough to know the limit is passed) and
 * stops walking once more than `maxNodes` nodes were reached, so the cost is
 * bounded by the limits whatever the tree: a tree built in code may share
 * nodes (a DAG, counted as the tree it expands to) or even cycle (stopped by
 * the depth limit or the node limit, whichever comes first).
 */
export function measureFilter(filter: Filter, stopAt = Number.POSITIVE_INFINITY, maxNodes = Number.POSITIVE_INFINITY): FilterMeasure {
  let depth = 0;
  let longestList = 0;
  let longestListNode: FilterMeasure['longestListNode'];
  let nodes = 0;
  const stack: { node: Filter | ElementFilter; level: number }[] = [{ node: filter, level: 1 }];
  while (stack.length > 0 && nodes <= maxNodes) {
    const { node, level } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    nodes++;
    if (level > depth) depth = level;
    if (level > stopAt) continue;
    switch (node.kind) {
      case 'and':
      case 'or':
        if (Array.isArray(node.operands)) for (const o of node.operands) stack.push({ node: o, level: level + 1 });
        break;
      case 'not':
        stack.push({ node: node.operand, level: level + 1 });
        break;
      case 'list':
        stack.push({ node: node.element, level: level + 1 });
        break;
      case 'condition':
      case 'test':
        nodes += valueCount(node.test);
        if (node.test?.kind === 'in' && Array.isArray(node.test.values) && node.test.values.length > longestList) {
          longestList = node.test.values.length;
          longestListNode = node.test;
        }
        break;
      default:
        break;
    }
  }
  return { depth, longestList, longestListNode, nodes: Math.min(nodes, maxNodes + 1) };
}

/**
 * The range of the longest `in (…)` list of a measured tree, for the
 * caller's `list-too-long` report (undefined for a tree built without ranges).
 */
export function longestListRange(measure: FilterMeasure): SourceRange | undefined {
  return (measure.longestListNode as { range?: SourceRange } | undefined)?.range;
}
