/**
 * Three-valued (Kleene) logic on explicit values, for explanations and
 * tests. The predicate itself never materialises unknown: see
 * src/emit/predicate.ts for its true/false test pairs.
 */

/** `true`, `false`, or `null` for unknown. */
export type Truth = boolean | null;

/** Kleene `and`: false if any operand is false, else unknown if any is unknown, else true. */
export function kleeneAnd(values: readonly Truth[]): Truth {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === null) unknown = true;
  }
  return unknown ? null : true;
}

/** Kleene `or`: true if any operand is true, else unknown if any is unknown, else false. */
export function kleeneOr(values: readonly Truth[]): Truth {
  let unknown = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === null) unknown = true;
  }
  return unknown ? null : false;
}

/** Kleene `not`: unknown stays unknown. */
export function kleeneNot(value: Truth): Truth {
  return value === null ? null : !value;
}
