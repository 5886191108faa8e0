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
// The checker's translation too, so that the pattern measured is the pattern run.
import { wildcardToRe2 } from './wildcard.js';

export { wildcardToRe2 };

/** A compiled regex condition. */
export interface CompiledRegex {
  /** True when the pattern matches somewhere in the text. */
  readonly test: (text: string) => boolean;
  /** The engine object, exposed so that tests can check which engine runs. */
  readonly engine: RE2JS;
}

/**
 * Compiles a `regex` condition's value once. Throws re2js's syntax error for
 * an invalid pattern (the checker rejects those before this point, and
 * accepts only programs of at most `MAX_PROGRAM_SIZE` instructions, so the
 * work per input character is bounded: see docs/security.md).
 *
 * @example
 * compileRegex('^a.b', 're2').test('a\nb');    // true: `.` matches the line break
 * compileRegex('(?-s)a.b', 're2').test('a\nb'); // false
 */
export function compileRegex(pattern: string, dialect: RegexDialect = 're2'): CompiledRegex {
  const engine = RE2JS.compile(dialect === 'wildcard' ? wildcardToRe2(pattern) : pattern, RE2JS.DOTALL);
  return { test: (text) => engine.test(text), engine };
}
