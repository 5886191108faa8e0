/**
 * The `wildcard` regex dialect of Keywords Explorer, as RE2: one translation
 * for the checker (which measures the pattern's size) and the engine (which
 * runs it), so the pattern measured is the pattern run. It lives in
 * semantics, below both.
 */

/** Every character RE2 treats as syntax outside a class. */
const RE2_META = /[\\.+*?()|[\]{}^$]/g;

/**
 * The RE2 pattern a `wildcard`-dialect value means: `*` becomes `.*`,
 * every other character is literal.
 *
 * @example
 * wildcardToRe2('best*tools'); // 'best.*tools'
 */
export function wildcardToRe2(pattern: string): string {
  return pattern.split('*').map((part) => part.replace(RE2_META, '\\$&')).join('.*');
}
