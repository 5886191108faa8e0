/**
 * Size measures of a tree, computed without recursion so that a hostile tree
 * (an AST built in code, 100,000 levels deep) cannot overflow the stack
 * before the entry points refuse it.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ElementFilter, Filter, Literal, SourceRange } from './nodes.js';

/** How deep and how wide a filter is. */
export interface FilterMeasure {
  /** Nesting levels: each `and`, `or`, `not`, `any`/`all` and element-level `and`/`or`/`not` counts one. */
  readonly depth: number;
  /** The longest `in (…)` list. */
  readonly longestList: number;
  /** The first `in (…)` test with the longest list (for its range). */
  readonly longestListNode: { readonly values: readonly Literal[] } | undefined;
}

/**
 * Measures a filter. Stops descending at `stopAt` levels (the caller's limit
 * plus one is enough to know the limit is passed), so the cost is bounded.
 * A tree built in code may share or cycle through nodes, so each node is
 * visited once; `fromParser` skips that bookkeeping for the parser's own trees.
 */
export function measureFilter(filter: Filter, stopAt = Number.POSITIVE_INFINITY, fromParser = false): FilterMeasure {
  let depth = 0;
  let longestList = 0;
  let longestListNode: FilterMeasure['longestListNode'];
  const stack: { node: Filter | ElementFilter; level: number }[] = [{ node: filter, level: 1 }];
  const seen = fromParser ? undefined : new Set<object>();
  while (stack.length > 0) {
    const { node, level } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (seen) {
      if (seen.has(node)) continue;
      seen.add(node);
    }
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
        if (node.test?.kind === 'in' && Array.isArray(node.test.values) && node.test.values.length > longestList) {
          longestList = node.test.values.length;
          longestListNode = node.test;
        }
        break;
      default:
        break;
    }
  }
  return { depth, longestList, longestListNode };
}

/** `list-too-long` for the longest `in (…)` list of a measured tree, when it passes `max`. */
export function listTooLong(measure: FilterMeasure, max: number): Diagnostic | undefined {
  if (measure.longestList <= max) return undefined;
  const range = (measure.longestListNode as { range?: SourceRange } | undefined)?.range;
  return diagnostic('list-too-long',
    `This in (…) list has ${measure.longestList} values, more than the limit of ${max} (the maxListLength option); split the filter or raise the limit.`,
    { range });
}
