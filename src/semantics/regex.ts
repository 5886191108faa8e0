/**
 * Regex conditions (spec §4) on re2js, a linear-time RE2 engine: a user
 * pattern can never make evaluation backtrack exponentially.
 *
 * - RE2 syntax; unanchored search (the pattern may match anywhere);
 * - `.` matches line breaks too (flag DOTALL, like ClickHouse's `match`);
 *   `(?-s)` inside the pattern turns that off;
 * - the Keywords Explorer `wildcard` dialect: `*` matches any run of
 *   characters (line breaks included), every other character is literal, and
 *   the search is unanchored like a regex (`best*tools` matches
 *   `"the best seo tools"`).
 */
import { RE2JS } from 're2js';
import type { RegexDialect } from '../catalogue/types.js';

/** The RE2 pattern a `wildcard`-dialect value means: `*` becomes `.*`, everything else is quoted. */
export function wildcardToRe2(pattern: string): string {
  return pattern.split('*').map((part) => (part === '' ? '' : RE2JS.quote(part))).join('.*');
}

/** A compiled regex condition. */
export interface CompiledRegex {
  /** True when the pattern matches somewhere in the text. */
  readonly test: (text: string) => boolean;
  /** The engine object, exposed so that tests can check which engine runs. */
  readonly engine: RE2JS;
}

/**
 * Compiles a `regex` condition's value once. Throws re2js's syntax error for
 * an invalid pattern (the checker rejects those before this point).
 *
 * @example
 * compileRegex('^a.b', 're2').test('a\nb');    // true: `.` matches the line break
 * compileRegex('(?-s)a.b', 're2').test('a\nb'); // false
 */
export function compileRegex(pattern: string, dialect: RegexDialect = 're2'): CompiledRegex {
  const engine = RE2JS.compile(dialect === 'wildcard' ? wildcardToRe2(pattern) : pattern, RE2JS.DOTALL);
  return { test: (text) => engine.test(text), engine };
}
