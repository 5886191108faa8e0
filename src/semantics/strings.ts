/**
 * String semantics of spec §4: code-point order and Unicode casing.
 */

/**
 * Compares two strings by Unicode code point, the order of their UTF-8 bytes
 * (which is how the API's engine compares). JavaScript's `<` compares UTF-16
 * code units instead, which puts astral characters (surrogate pairs,
 * U+D800–DFFF) before U+E000–FFFF; this fixes that without allocating.
 * Lone surrogates count as the code point of their unit.
 *
 * @returns negative, zero or positive, like a sort comparator.
 * @example
 * compareCodePoints('\uFF5E', '😀') < 0; // true ('😀' < '\uFF5E' in UTF-16 order)
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  // Differing in the low half of a pair whose high halves are equal: compare whole code points.
  if (i > 0) {
    const prev = a.charCodeAt(i - 1);
    if (prev >= 0xd800 && prev <= 0xdbff) i--;
  }
  return a.codePointAt(i)! - b.codePointAt(i)!;
}

/**
 * Unicode lower-casing for the case-insensitive operators (`isubstring`,
 * `iphrase_match`): `String.prototype.toLowerCase()` (locale-independent,
 * full mappings, so `İ` becomes `i̇`), then final sigma `ς` folded to `σ`, so
 * that a word's casing does not depend on where it ends (`ΟΔΟΣ` and `οδοσ`
 * agree). Both sides of a comparison go through this same function.
 */
export function lower(text: string): string {
  const l = text.toLowerCase();
  return l.indexOf('ς') < 0 ? l : l.replace(/ς/g, 'σ');
}

/**
 * Unicode upper-casing for the `uppercase` modifier:
 * `String.prototype.toUpperCase()` (locale-independent, full mappings, so
 * `ß` becomes `SS`).
 */
export function upper(text: string): string {
  return text.toUpperCase();
}
