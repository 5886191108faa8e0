/**
 * Where an engine's Unicode casing can differ from the predicate's.
 *
 * The predicate cases with JavaScript's full mappings (`ß` → `SS`, `İ` →
 * `i̇`, `ŉ` → `ʼN`, ligatures → letters), and folds final sigma. DuckDB
 * (utf8proc) and ClickHouse case with simple, one-to-one mappings, so they
 * differ exactly on the characters whose full mapping is not one code point,
 * and on `ẞ` (U+1E9E), what those engines make of `ß`. PostgreSQL cases with
 * `pg_unicode_fast`, whose full mappings are JavaScript's: no divergence
 * (docs/sql.md, "Case").
 */
import type { SqlDialect } from './ddl.js';

/** Dialects whose casing is simple (one code point to one). */
const SIMPLE_CASING: ReadonlySet<SqlDialect> = new Set(['duckdb', 'clickhouse']);

const CAPITAL_SHARP_S = 0x1e9e;

function expands(ch: string): boolean {
  return [...ch.toUpperCase()].length !== 1 || [...ch.toLowerCase()].length !== 1;
}

/**
 * The first character of `value` on which the dialect's casing may differ
 * from JavaScript's, or undefined. ASCII never does, so the scan is skipped
 * for ASCII values.
 *
 * @example
 * caseDivergence('duckdb', 'Straße');   // 'ß'
 * caseDivergence('postgres', 'Straße'); // undefined
 */
export function caseDivergence(dialect: SqlDialect, value: string): string | undefined {
  if (!SIMPLE_CASING.has(dialect) || !/[^\0-\x7f]/.test(value)) return undefined;
  for (const ch of value) {
    if (ch.codePointAt(0) === CAPITAL_SHARP_S || expands(ch)) return ch;
  }
  return undefined;
}
