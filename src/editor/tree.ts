/**
 * Finding the nodes of the recovered tree under a position. The parser keeps
 * every well-formed condition of a broken filter (errors become `invalid`
 * nodes around them), so hover works on a half-written query too.
 */
import type { Filter, SourceRange } from '../ast/index.js';

function covers(range: SourceRange | undefined, offset: number): boolean {
  return range !== undefined && range.start.offset <= offset && offset <= range.end.offset;
}

/** The filter nodes whose range covers `offset`, outermost first. */
export function nodesAt(filter: Filter | undefined, offset: number): Filter[] {
  const path: Filter[] = [];
  let node: Filter | undefined = filter;
  while (node && covers(node.range, offset)) {
    path.push(node);
    let next: Filter | undefined;
    if (node.kind === 'and' || node.kind === 'or') next = node.operands.find((o) => covers(o.range, offset));
    else if (node.kind === 'not') next = node.operand;
    node = next;
  }
  return path;
}
