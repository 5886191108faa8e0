/**
 * How each SQL dialect spells the few constructs the emitter needs. The
 * emitter (leaf.ts, index.ts) decides WHAT to test; this table decides only
 * HOW each engine writes it, so that a construct's meaning is chosen once and
 * a dialect is a column of spellings.
 *
 * Every spelling here keeps SQL's three-valued logic: a NULL operand gives a
 * NULL result, never false, unless a function says otherwise (`IS NULL`,
 * `IS TRUE`, `ifNull`). Facts each choice rests on (engine versions of the
 * test suite) are in docs/sql.md.
 */
import { quoteIdentifier, stringLiteral, type SqlDialect } from './ddl.js';
import { clickhouseRegex } from './regex-re2.js';

/** The type a bound value is declared with, per dialect (see {@link Spelling.typeName}). */
export type SqlValueType = 'text' | 'bigint' | 'double' | 'boolean' | 'timestamp';

/** The placeholder styles: `$1` (positional) or by name (`$p1`, ClickHouse `{p1:String}`). */
export type ParamStyle = 'positional' | 'named';

export interface Spelling {
  readonly dialect: SqlDialect;
  /** Styles its clients bind; the first is the default. */
  readonly styles: readonly ParamStyle[];
  readonly ident: (name: string) => string;
  /** A bound value's placeholder, declared with its type so that no client has to infer one. */
  readonly placeholder: (index: number, style: ParamStyle, type: SqlValueType) => string;
  /** A string expression made to compare by code point (the engine's byte order of UTF-8). */
  readonly ordered: (x: string) => string;
  /** Unicode lower / upper casing (full mappings where the engine has them; see docs/sql.md). */
  readonly lower: (x: string) => string;
  readonly upper: (x: string) => string;
  /** True when casing is one code point to one (simple mappings), where JavaScript's are full (case.ts). */
  readonly simpleCasing: boolean;
  /** `replace(x, 'ς', 'σ')`: the final-sigma fold of the predicate's `lower` (src/semantics/strings.ts). */
  readonly replace: (x: string, from: string, to: string) => string;
  /** Whether `x` holds one of `chars` (a constant of letters, no ASCII): the guard of case.ts's replacements. */
  readonly holdsAny: (x: string, chars: string) => string;
  /** Literal (never pattern) containment, prefix and suffix tests. */
  readonly contains: (x: string, p: string) => string;
  readonly startsWith: (x: string, p: string) => string;
  readonly endsWith: (x: string, p: string) => string;
  /** True when {@link endsWith} compares reversed strings: the value is then bound reversed (by code point). */
  readonly reversedSuffix: boolean;
  /** An unanchored RE2 search in which `.` matches a line break. `p` is a bound pattern. */
  readonly regex: (x: string, p: string) => string;
  /** A user's RE2 pattern (validated) as {@link regex} must receive it to read it as RE2 does (regex-re2.ts). */
  readonly userPattern: (re2: string) => string;
  /**
   * Whether the engine's RE2 carries its own Unicode tables (older than JavaScript's), so that a
   * pattern reading them (`\pL`, `(?i)` on non-ASCII) may match other rows than the predicate's.
   */
  readonly re2UnicodeTables: boolean;
  /** Number of elements of an array (NULL for a NULL array). */
  readonly arrayLength: (x: string) => string;
  /** True when some element `x` of `array` makes `test(x)` TRUE (never NULL for a non-NULL array). */
  readonly exists: (array: string, test: (element: string) => string) => string;
  /** The two-valued views of a three-valued condition, for {@link exists}. */
  readonly isTrue: (c: string) => string;
  readonly isNotFalse: (c: string) => string;
  readonly isNotTrue: (c: string) => string;
  readonly isFalse: (c: string) => string;
  readonly true: string;
  readonly false: string;
  /** A boolean NULL: the value of a test the predicate also finds unknown for every row. */
  readonly unknown: string;
  /** Whether `x IN (…)` keeps NULL for a NULL `x` (ClickHouse's `IN` gives 0: an `OR` of `=` is used there). */
  readonly nullSafeIn: boolean;
  /** Whether arrays can be NULL (ClickHouse has no `Nullable(Array)`). */
  readonly nullableArrays: boolean;
  /** Whether text can hold U+0000 (PostgreSQL's cannot: such a value can neither be bound nor stored). */
  readonly textHoldsNul: boolean;
}

/** The one element variable of a quantifier (element filters cannot nest, so one name suffices). */
const ELEMENT = 'x';

const STANDARD_TYPES: Readonly<Record<SqlDialect, Readonly<Record<SqlValueType, string>>>> = {
  duckdb: { text: 'VARCHAR', bigint: 'BIGINT', double: 'DOUBLE', boolean: 'BOOLEAN', timestamp: 'TIMESTAMPTZ' },
  postgres: { text: 'text', bigint: 'bigint', double: 'double precision', boolean: 'boolean', timestamp: 'timestamptz' },
  clickhouse: { text: 'String', bigint: 'Int64', double: 'Float64', boolean: 'Bool', timestamp: "DateTime64(3, 'UTC')" },
};

/** The SQL type a dialect declares a bound value with. */
export function typeName(dialect: SqlDialect, type: SqlValueType): string {
  return STANDARD_TYPES[dialect][type];
}

const duckdb: Spelling = {
  dialect: 'duckdb',
  styles: ['positional', 'named'],
  ident: (name) => quoteIdentifier('duckdb', name),
  placeholder: (i, style, type) => `CAST(${style === 'named' ? `$p${i}` : `$${i}`} AS ${STANDARD_TYPES.duckdb[type]})`,
  // DuckDB's default collation is binary, which for VARCHAR (UTF-8) is code-point order; a database
  // with default_collation set would change that, so the binary collation is named explicitly.
  ordered: (x) => `(${x} COLLATE "binary")`,
  lower: (x) => `lower(${x})`,
  upper: (x) => `upper(${x})`,
  simpleCasing: true,
  replace: (x, from, to) => `replace(${x}, ${stringLiteral('duckdb', from)}, ${stringLiteral('duckdb', to)})`,
  holdsAny: (x, chars) => `regexp_matches(${x}, ${stringLiteral('duckdb', `[${chars}]`)})`,
  contains: (x, p) => `contains(${x}, ${p})`,
  startsWith: (x, p) => `starts_with(${x}, ${p})`,
  endsWith: (x, p) => `ends_with(${x}, ${p})`,
  reversedSuffix: false,
  regex: (x, p) => `regexp_matches(${x}, ${p}, 's')`,
  userPattern: (re2) => re2,
  re2UnicodeTables: true,
  arrayLength: (x) => `len(${x})`,
  exists: (array, test) => `(len(list_filter(${array}, lambda ${ELEMENT}: ${test(ELEMENT)})) > 0)`,
  // The standard tests, spelt out here and in postgres: a shared object spread in would make bundlers keep these tables in every bundle (a spread may run a getter).
  isTrue: (c) => `(${c} IS TRUE)`,
  isNotFalse: (c) => `(${c} IS NOT FALSE)`,
  isNotTrue: (c) => `(${c} IS NOT TRUE)`,
  isFalse: (c) => `(${c} IS FALSE)`,
  true: 'TRUE',
  false: 'FALSE',
  unknown: 'CAST(NULL AS BOOLEAN)',
  nullSafeIn: true,
  nullableArrays: true,
  textHoldsNul: true,
};

/**
 * PostgreSQL: strings compare under `COLLATE "C"` (byte order). Casing needs
 * a Unicode collation: under "C", `lower()` changes ASCII only, so casing
 * uses `pg_unicode_fast` (PostgreSQL 18), whose full mappings are
 * JavaScript's (`ß` → `SS`, `İ` → `i̇`, final sigma).
 */
const postgres: Spelling = {
  dialect: 'postgres',
  styles: ['positional'],
  ident: (name) => quoteIdentifier('postgres', name),
  placeholder: (i, _style, type) => `CAST($${i} AS ${STANDARD_TYPES.postgres[type]})`,
  ordered: (x) => `(${x} COLLATE "C")`,
  lower: (x) => `lower(${x} COLLATE pg_unicode_fast)`,
  upper: (x) => `upper(${x} COLLATE pg_unicode_fast)`,
  simpleCasing: false,
  replace: (x, from, to) => `replace(${x}, ${stringLiteral('postgres', from)}, ${stringLiteral('postgres', to)})`,
  // strpos and starts_with refuse nondeterministic collations; "C" makes them byte comparisons. Both
  // sides are collated: a case-mapped side carries pg_unicode_fast, and two explicit collations conflict.
  contains: (x, p) => `(strpos(${x} COLLATE "C", ${p} COLLATE "C") > 0)`,
  holdsAny: (x, chars) => `(${x} COLLATE "C" ~ ${stringLiteral('postgres', `[${chars}]`)})`,
  startsWith: (x, p) => `starts_with(${x} COLLATE "C", ${p} COLLATE "C")`,
  // PostgreSQL has no ends_with; reverse() reverses by character, as the bound value is reversed.
  endsWith: (x, p) => `starts_with(reverse(${x}) COLLATE "C", ${p} COLLATE "C")`,
  reversedSuffix: true,
  // `~` lets `.` match a line break (no newline-sensitive flag); the pattern is translated to ARE (regex-postgres.ts).
  regex: (x, p) => `(${x} COLLATE "C" ~ ${p} COLLATE "C")`,
  // Not RE2: leaf.ts translates the pattern to ARE (regex-postgres.ts), which refuses \p and (?i).
  userPattern: (re2) => re2,
  re2UnicodeTables: false,
  arrayLength: (x) => `cardinality(${x})`,
  // WHERE keeps only TRUE rows, so the subquery's test needs no IS TRUE of its own.
  exists: (array, test) => `EXISTS (SELECT 1 FROM unnest(${array}) AS _e(${ELEMENT}) WHERE ${test(ELEMENT)})`,
  isTrue: (c) => `(${c} IS TRUE)`,
  isNotFalse: (c) => `(${c} IS NOT FALSE)`,
  isNotTrue: (c) => `(${c} IS NOT TRUE)`,
  isFalse: (c) => `(${c} IS FALSE)`,
  true: 'TRUE',
  false: 'FALSE',
  unknown: 'CAST(NULL AS BOOLEAN)',
  nullSafeIn: true,
  nullableArrays: true,
  textHoldsNul: false,
};

/**
 * ClickHouse: typed named parameters only; `arrayExists` treats a NULL test
 * result as false, so the emitter always hands it a two-valued test
 * (`ifNull(c, 0)` = "is true", `ifNull(c, 1)` = "is not false").
 */
const clickhouse: Spelling = {
  dialect: 'clickhouse',
  styles: ['named'],
  ident: (name) => quoteIdentifier('clickhouse', name),
  placeholder: (i, _style, type) => `{p${i}:${STANDARD_TYPES.clickhouse[type]}}`,
  ordered: (x) => x,
  lower: (x) => `lowerUTF8(${x})`,
  upper: (x) => `upperUTF8(${x})`,
  simpleCasing: true,
  replace: (x, from, to) => `replaceAll(${x}, ${stringLiteral('clickhouse', from)}, ${stringLiteral('clickhouse', to)})`,
  holdsAny: (x, chars) => `match(${x}, ${stringLiteral('clickhouse', `[${chars}]`)})`,
  contains: (x, p) => `(position(${x}, ${p}) > 0)`,
  startsWith: (x, p) => `startsWith(${x}, ${p})`,
  endsWith: (x, p) => `endsWith(${x}, ${p})`,
  reversedSuffix: false,
  regex: (x, p) => `match(${x}, ${p})`,
  // match's required-substring analysis applies a quantifier to the last byte of a multi-byte literal.
  userPattern: clickhouseRegex,
  re2UnicodeTables: true,
  arrayLength: (x) => `length(${x})`,
  exists: (array, test) => `arrayExists(${ELEMENT} -> ${test(ELEMENT)}, ${array})`,
  isTrue: (c) => `ifNull(${c}, 0)`,
  isNotFalse: (c) => `ifNull(${c}, 1)`,
  isNotTrue: (c) => `ifNull(NOT ${c}, 1)`,
  isFalse: (c) => `ifNull(NOT ${c}, 0)`,
  true: '1',
  false: '0',
  unknown: 'NULL',
  nullSafeIn: false,
  nullableArrays: false,
  textHoldsNul: true,
};

export const SPELLINGS: Readonly<Record<SqlDialect, Spelling>> = { duckdb, postgres, clickhouse };
