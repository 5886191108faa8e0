/**
 * Tables for the SQL back end (spec `sql.md` §3): the layout of a table that
 * holds an endpoint's returned columns, and its `CREATE TABLE` per dialect.
 *
 * The layout is the one thing the DDL, the loaders (`load.ts`) and the CLI's
 * DuckDB engine share, so that a table laid out here, filled by a loader
 * here, is one the emitted condition is exact on. Browser-safe: text only.
 */
import type { Catalogue, Column } from '../../catalogue/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { report } from '../../diagnostics/messages.js';
import { describeValue } from '../../vocabulary/index.js';

/** The SQL dialects of the back end. */
export type SqlDialect = 'duckdb' | 'clickhouse' | 'postgres';
export const SQL_DIALECTS: readonly SqlDialect[] = Object.freeze(['duckdb', 'clickhouse', 'postgres']);

/** Options shared by {@link createTableSql} and the loaders. */
export interface TableOptions {
  readonly dialect: SqlDialect;
  /** The table: one name, or its parts (`['analytics', 'backlinks']` for `analytics.backlinks`). Quoted, never parsed. */
  readonly table: string | readonly string[];
  /** API column name → table column name; unmapped columns keep their API name. */
  readonly columns?: Readonly<Record<string, string>>;
  /**
   * `catalogue` (default): NOT NULL where the catalogue says a column is never
   * null. `always`: every column nullable, for rows fetched with a `select`
   * that leaves columns out (an absent column counts as null, spec §4).
   */
  readonly nullable?: 'catalogue' | 'always';
}

/** How a column is stored: a scalar, an array of nullable elements, or JSON text/value (object and untyped columns). */
export type StorageKind = 'scalar' | 'array' | 'json';

/** One column of the table. */
export interface TableColumn {
  readonly column: Column;
  /** The table's column name (unquoted). */
  readonly name: string;
  /** The same, quoted for the dialect. */
  readonly quoted: string;
  readonly kind: StorageKind;
  /** Whether the table column accepts NULL (ClickHouse arrays never do: see docs/sql.md "Tables"). */
  readonly nullable: boolean;
  /** The column's SQL type as the DDL writes it (ClickHouse: with `Nullable(…)`; others: without `NOT NULL`). */
  readonly sqlType: string;
}

/** A table for a catalogue in one dialect. */
export interface TableLayout {
  readonly dialect: SqlDialect;
  /** The table name, quoted (and qualified) for the dialect. */
  readonly table: string;
  readonly columns: readonly TableColumn[];
}

export interface LayoutResult {
  readonly ok: boolean;
  readonly layout?: TableLayout;
  readonly diagnostics: readonly Diagnostic[];
}

export interface CreateTableResult {
  readonly ok: boolean;
  /** One `CREATE TABLE` statement ('' when not ok). */
  readonly sql: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Quotes an identifier so that no name can end it: `"…"` with `"` doubled
 * (DuckDB, PostgreSQL), `` `…` `` with `` ` `` and `\` escaped (ClickHouse,
 * whose quoted identifiers read backslash escapes).
 */
export function quoteIdentifier(dialect: SqlDialect, name: string): string {
  if (dialect === 'clickhouse') return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A string literal: standard SQL `'…'` with `'` doubled (DuckDB, PostgreSQL
 * with standard_conforming_strings, the default since 9.1); ClickHouse reads
 * backslash escapes in literals, so `\` and `'` are escaped there.
 */
export function stringLiteral(dialect: SqlDialect, text: string): string {
  if (dialect === 'clickhouse') return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `'${text.replace(/'/g, "''")}'`;
}

/** The type of one value (an element, for arrays), before nullability. */
function valueType(dialect: SqlDialect, column: Column): string {
  const t = column.type;
  if (dialect === 'duckdb') {
    switch (t) {
      case 'integer': return 'BIGINT';
      case 'float': return 'DOUBLE';
      case 'boolean': return 'BOOLEAN';
      case 'date': case 'datetime': return 'TIMESTAMPTZ';
      case 'string': case 'url': case 'domain': return 'VARCHAR';
      default: return 'JSON';
    }
  }
  if (dialect === 'postgres') {
    switch (t) {
      case 'integer': return 'bigint';
      case 'float': return 'double precision';
      case 'boolean': return 'boolean';
      case 'date': case 'datetime': return 'timestamptz';
      // Code-point order (spec §2): the C collation compares UTF-8 bytes.
      case 'string': case 'url': case 'domain': return 'text COLLATE "C"';
      default: return 'jsonb';
    }
  }
  switch (t) {
    case 'integer': return 'Int64';
    case 'float': return 'Float64';
    case 'boolean': return 'Bool';
    case 'date': case 'datetime': return "DateTime64(3, 'UTC')";
    case 'string': case 'url': case 'domain': return 'String';
    default: return 'String'; // JSON text
  }
}

function storageKind(column: Column): StorageKind {
  const typed = column.type !== 'object' && column.type !== 'unknown';
  if (!typed) return 'json'; // an object, or an array of untyped elements: kept whole, as JSON
  return column.array ? 'array' : 'scalar';
}

/** The full type of a table column, and whether it takes NULL. */
function columnType(dialect: SqlDialect, column: Column, kind: StorageKind, wantNull: boolean): { sqlType: string; nullable: boolean } {
  const base = valueType(dialect, column);
  if (dialect !== 'clickhouse') {
    if (kind !== 'array') return { sqlType: base, nullable: wantNull };
    // `text COLLATE "C"` → `text[] COLLATE "C"`: the collation applies to the elements.
    const sqlType = base.endsWith(' COLLATE "C"') ? `${base.slice(0, -' COLLATE "C"'.length)}[] COLLATE "C"` : `${base}[]`;
    return { sqlType, nullable: wantNull };
  }
  const enumLike = column.enumValues !== undefined && column.enumValues.length > 0;
  const wrap = (t: string, nullable: boolean) => {
    const inner = nullable ? `Nullable(${t})` : t;
    return enumLike ? `LowCardinality(${inner})` : inner;
  };
  // ClickHouse has no Nullable(Array): elements are nullable, the array itself never is.
  if (kind === 'array') return { sqlType: `Array(${wrap(base, true)})`, nullable: false };
  return { sqlType: wrap(base, wantNull), nullable: wantNull };
}

/**
 * The name a dialect stores for an identifier, as it compares names: DuckDB
 * folds ASCII letters even in quoted names (`"Value"` and `"value"` are one
 * column; `É`/`é` stay two), PostgreSQL keeps the first 63 bytes of UTF-8
 * (NAMEDATALEN − 1, cut at a character boundary), ClickHouse compares exactly.
 * Two columns with one stored name would make CREATE TABLE fail.
 */
function storedName(dialect: SqlDialect, name: string): { key: string; reason: string } {
  if (dialect === 'duckdb') return { key: name.replace(/[A-Z]/g, (c) => c.toLowerCase()), reason: 'which compares identifiers without regard to ASCII case' };
  if (dialect === 'postgres') {
    let bytes = 0;
    let key = '';
    for (const ch of name) {
      const cp = ch.codePointAt(0)!;
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes > 63) break;
      key += ch;
    }
    return { key, reason: 'which keeps only the first 63 bytes of an identifier' };
  }
  return { key: name, reason: '' };
}

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

/**
 * The table for a catalogue's returned columns (filter-only columns are never
 * in rows, so they get no column), in catalogue order. Bad options give
 * `invalid-option` diagnostics; this never throws.
 */
export function tableLayout(catalogue: Catalogue, options: TableOptions): LayoutResult {
  const diagnostics: Diagnostic[] = [];
  const o = (options ?? {}) as Partial<TableOptions>;
  const dialect = o.dialect as SqlDialect;
  if (!SQL_DIALECTS.includes(dialect)) {
    diagnostics.push(report('invalid-option', 'value', { option: 'dialect', allowed: `one of ${SQL_DIALECTS.join(', ')}`, found: describeValue(o.dialect) }, { path: '/dialect' }));
  }
  const parts = typeof o.table === 'string' ? [o.table] : Array.isArray(o.table) ? o.table : undefined;
  if (!parts || parts.length === 0 || !parts.every(isNonEmptyString)) {
    diagnostics.push(report('invalid-option', 'value', { option: 'table', allowed: 'a non-empty name, or a non-empty list of non-empty name parts', found: describeValue(o.table) }, { path: '/table' }));
  }
  const mapping = o.columns ?? {};
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) {
    diagnostics.push(report('invalid-option', 'value', { option: 'columns', allowed: 'an object mapping API column names to table column names', found: describeValue(mapping) }, { path: '/columns' }));
  } else {
    for (const key of Object.keys(mapping)) {
      if (!isNonEmptyString((mapping as Record<string, unknown>)[key])) {
        diagnostics.push(report('invalid-option', 'value', { option: `columns["${key}"]`, allowed: 'a non-empty table column name', found: describeValue((mapping as Record<string, unknown>)[key]) }, { path: `/columns/${key}` }));
      } else if (!catalogue.byName.get(key)?.returned) {
        diagnostics.push(report('invalid-option', 'sql-column-unknown', { key, endpoint: catalogue.name }, { path: `/columns/${key}` }));
      }
    }
  }
  if (o.nullable !== undefined && o.nullable !== 'catalogue' && o.nullable !== 'always') {
    diagnostics.push(report('invalid-option', 'value', { option: 'nullable', allowed: '"catalogue" or "always"', found: describeValue(o.nullable) }, { path: '/nullable' }));
  }
  // PostgreSQL identifiers cannot hold NUL; a name that cannot be written is refused, not altered.
  const names = [...(parts ?? []), ...Object.values(typeof mapping === 'object' && mapping ? mapping : {})];
  if (names.some((n) => typeof n === 'string' && n.includes('\u0000'))) {
    diagnostics.push(report('invalid-option', 'sql-nul', {}, { path: '/table' }));
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const map = mapping as Readonly<Record<string, string>>;
  const seen = new Map<string, string>();
  /** Stored name → the table column name that has it. */
  const stored = new Map<string, string>();
  const columns: TableColumn[] = [];
  for (const column of catalogue.columns) {
    if (!column.returned) continue;
    const name = Object.prototype.hasOwnProperty.call(map, column.name) ? map[column.name]! : column.name;
    const other = seen.get(name);
    if (other !== undefined) {
      diagnostics.push(report('invalid-option', 'sql-column-clash', { first: other, second: column.name, name }, { path: `/columns/${column.name}` }));
      continue;
    }
    seen.set(name, column.name);
    const { key, reason } = storedName(dialect, name);
    const same = stored.get(key);
    if (same !== undefined) {
      diagnostics.push(report('invalid-option', 'sql-column-same-name', { first: same, second: name, dialect, reason }, { path: `/columns/${column.name}` }));
      continue;
    }
    stored.set(key, name);
    const kind = storageKind(column);
    const wantNull = o.nullable === 'always' || column.nullable;
    const { sqlType, nullable } = columnType(dialect, column, kind, wantNull);
    columns.push({ column, name, quoted: quoteIdentifier(dialect, name), kind, nullable, sqlType });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const table = parts!.map((p) => quoteIdentifier(dialect, p)).join('.');
  return { ok: true, layout: { dialect, table, columns }, diagnostics };
}

/**
 * `CREATE TABLE` for an endpoint's returned columns (spec `sql.md` §3):
 * integer → 64-bit integer, float → double, string/url/enum → text
 * (PostgreSQL `COLLATE "C"`, ClickHouse `LowCardinality` for enums),
 * boolean → boolean, date/datetime → an instant in UTC, `array(T)` → an
 * array of nullable T, objects and untyped arrays → JSON. ClickHouse tables
 * are `MergeTree ORDER BY tuple()`.
 *
 * @example
 * createTableSql(allBacklinks, { dialect: 'duckdb', table: 'backlinks' }).sql
 * // CREATE TABLE "backlinks" ("ahrefs_rank_source" BIGINT NOT NULL, …)
 */
export function createTableSql(catalogue: Catalogue, options: TableOptions): CreateTableResult {
  const result = tableLayout(catalogue, options);
  if (!result.layout) return { ok: false, sql: '', diagnostics: result.diagnostics };
  const { dialect, table, columns } = result.layout;
  const body = columns.map((c) => `${c.quoted} ${c.sqlType}${dialect !== 'clickhouse' && !c.nullable ? ' NOT NULL' : ''}`);
  const engine = dialect === 'clickhouse' ? ' ENGINE = MergeTree ORDER BY tuple()' : '';
  return { ok: true, sql: `CREATE TABLE ${table} (${body.join(', ')})${engine}`, diagnostics: result.diagnostics };
}
