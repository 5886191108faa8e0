/**
 * Range-free copies of AST nodes, for comparing trees from different
 * sources (parsed text has ranges, decompiled JSON has none).
 */

/**
 * A deep copy of `node` without any `range` key (at any depth). Plain data
 * only: arrays and plain objects are copied, everything else is kept as is.
 *
 * @example
 * expect(stripRanges(parse('a = 1').document.filter)).toEqual({ kind: 'condition', … });
 */
export function stripRanges<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item: unknown) => stripRanges(item)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'range') out[key] = stripRanges(value);
  }
  return out as T;
}
