/**
 * What `uppercase(x)` can produce. Upper-casing is applied code point by code
 * point, and every code point of an upper-cased code point is left unchanged
 * by upper-casing again (test/analysis/casing.test.ts checks both over every
 * code point). So the strings `uppercase` can return are exactly those whose
 * code points upper-casing leaves alone: a value with any other code point
 * (a lower-case letter) can never equal, start, end or occur in the result.
 */
import { upper } from '../../semantics/strings.js';

/** True when `uppercase` can return a string holding `text` (every code point of it is its own upper case). */
export function upperFixed(text: string): boolean {
  for (const c of text) if (upper(c) !== c) return false;
  return true;
}
