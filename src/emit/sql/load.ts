/**
 * Loading API rows into a table laid out by `ddl.ts`, per dialect, as text
 * and parameters to run (browser-safe: no engine, no file access here).
 *
 * Each loader converts values the way the predicate reads them (spec §4), so
 * that the emitted condition is exact on the loaded table:
 * - datetimes: only the ISO 8601 forms the predicate accepts become instants
 *   (UTC; fractions truncated to milliseconds); anything else becomes NULL,
 *   which the predicate calls unknown too;
 * - an absent column is NULL;
 * - ClickHouse stores a NULL array as `[]` (there is no `Nullable(Array)`):
 *   the documented divergence of docs/sql.md "Tables".
 */
import type { Catalogue } from '../../catalogue/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { report } from '../../diagnostics/messages.js';
import { describeValue } from '../../vocabulary/index.js';
import { parseInstant } from '../../vocabulary/dates.js';
import { quoteIdentifier, stringLiteral, tableLayout, type SqlDialect, type TableColumn, type TableLayout, type TableOptions } from './ddl.js';

/** File formats the engines read themselves. */
export type FileFormat = 'jsonl' | 'csv' | 'parquet';

/** The ISO forms of spec §4 (calendar checks are left to the engine's parser, which returns NULL on `2024-02-30`). */
const ISO_FORM = '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$';

/**
 * DuckDB: a VARCHAR in one of the predicate's forms → TIMESTAMPTZ, else NULL.
 * DuckDB's own cast misses `hh:mm±hh:mm` (no seconds) and reads a zone-less
 * time in the session's zone, so the text is completed first: a bare date
 * gets midnight, a missing `:ss` is added, fractions are cut to
 * milliseconds, and no zone means `Z`.
 */
function duckdbInstant(x: string): string {
  const withTime = `regexp_replace(${x}, '^([0-9]{4}-[0-9]{2}-[0-9]{2})$', '\\1 00:00:00')`;
  const withSeconds = `regexp_replace(${withTime}, '^(.{10}.[0-9]{2}:[0-9]{2})([Z+-]|$)', '\\1:00\\2')`;
  const millis = `regexp_replace(${withSeconds}, '([.][0-9]{3})[0-9]+', '\\1')`;
  const zoned = `CASE WHEN regexp_matches(${millis}, '(Z|[+-][0-9]{2}:[0-9]{2})$') THEN ${millis} ELSE ${millis} || 'Z' END`;
  return `TRY_CAST(CASE WHEN regexp_full_match(${x}, '${ISO_FORM}') THEN ${zoned} END AS TIMESTAMPTZ)`;
}

/** ClickHouse: the same, through `parseDateTime64BestEffortOrNull` (which truncates to milliseconds at scale 3). */
function clickhouseInstant(x: string): string {
  return `if(match(${x}, '${ISO_FORM}'), parseDateTime64BestEffortOrNull(${x}, 3, 'UTC'), NULL)`;
}

const isInstant = (c: TableColumn) => c.kind === 'scalar' && (c.column.type === 'date' || c.column.type === 'datetime');

/** DuckDB type of a value as read from the file, before conversion (datetimes are read as text). */
function duckdbReadType(c: TableColumn): string {
  return isInstant(c) ? 'VARCHAR' : c.sqlType;
}

/** ClickHouse type in `input`/`file` structures: every column nullable, so that a missing value is seen, not defaulted. */
function clickhouseReadType(c: TableColumn): string {
  if (isInstant(c)) return 'Nullable(String)';
  if (c.kind === 'array') return c.sqlType; // no Nullable(Array): NULL and absent arrays read as []
  const bare = c.sqlType.replace(/^LowCardinality\((.*)\)$/, '$1').replace(/^Nullable\((.*)\)$/, '$1');
  return `Nullable(${bare})`;
}

function layoutOrDiagnostics(catalogue: Catalogue, options: TableOptions): { layout?: TableLayout; diagnostics: readonly Diagnostic[] } {
  const result = tableLayout(catalogue, options);
  return result.layout ? { layout: result.layout, diagnostics: result.diagnostics } : { diagnostics: result.diagnostics };
}

/** Options of {@link selectFromFileSql} and {@link loadFileSql}. */
export interface FileOptions extends TableOptions {
  readonly dialect: 'duckdb' | 'clickhouse';
  /** The file (or a glob the engine accepts), written into the SQL as a string literal. */
  readonly path: string;
  readonly format: FileFormat;
}

export interface LoadSqlResult {
  readonly ok: boolean;
  readonly sql: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The source of one column in a DuckDB SELECT over a file; `raw` is the column as the file holds it. */
function duckdbColumn(c: TableColumn, format: FileFormat, raw: string): string {
  const bare = c.sqlType;
  if (format === 'jsonl') return isInstant(c) ? duckdbInstant(raw) : raw;
  if (format === 'csv') {
    // Every CSV cell is text; arrays and objects are JSON in their cell.
    if (isInstant(c)) return duckdbInstant(raw);
    if (c.kind === 'array') return `CAST(CAST(${raw} AS JSON) AS ${bare})`;
    return `CAST(${raw} AS ${bare})`;
  }
  // Parquet keeps types: a datetime written as text is converted like JSON, a timestamp is kept.
  if (isInstant(c)) return `CASE WHEN typeof(${raw}) = 'VARCHAR' THEN ${duckdbInstant(`CAST(${raw} AS VARCHAR)`)} ELSE TRY_CAST(${raw} AS TIMESTAMPTZ) END`;
  return `CAST(${raw} AS ${bare})`;
}

/** The ClickHouse `SELECT` of the table's columns from a source (`file(…)` or `format(…)`) of this structure. */
function clickhouseSelect(layout: TableLayout, source: (structure: string) => string): string {
  const raw = (c: TableColumn) => quoteIdentifier('clickhouse', c.column.name);
  const structure = stringLiteral('clickhouse', layout.columns.map((c) => `${raw(c)} ${clickhouseReadType(c)}`).join(', '));
  const select = layout.columns.map((c) => `${isInstant(c) ? clickhouseInstant(raw(c)) : raw(c)} AS ${c.quoted}`);
  return `SELECT ${select.join(', ')} FROM ${source(structure)}`;
}

function duckdbSelect(layout: TableLayout, format: FileFormat, path: string): string {
  const raw = (c: TableColumn) => `src.${quoteIdentifier('duckdb', c.column.name)}`;
  const select = layout.columns.map((c) => `${duckdbColumn(c, format, raw(c))} AS ${c.quoted}`);
  let from: string;
  if (format === 'jsonl') {
    const types = layout.columns.map((c) => `${stringLiteral('duckdb', c.column.name)}: ${stringLiteral('duckdb', duckdbReadType(c))}`);
    from = `read_json(${path}, format = 'newline_delimited', columns = {${types.join(', ')}})`;
  } else if (format === 'csv') {
    from = `read_csv(${path}, header = true, all_varchar = true)`;
  } else {
    from = `read_parquet(${path})`;
  }
  return `SELECT ${select.join(', ')} FROM ${from} AS src`;
}

function checkFileOptions(catalogue: Catalogue, options: FileOptions): { layout?: TableLayout; diagnostics: readonly Diagnostic[] } {
  const { layout, diagnostics } = layoutOrDiagnostics(catalogue, options);
  const o = (options ?? {}) as Partial<FileOptions>;
  const extra: Diagnostic[] = [];
  const formats = o.dialect === 'clickhouse' ? ['jsonl'] : ['jsonl', 'csv', 'parquet'];
  if (!formats.includes(o.format as string)) {
    extra.push(report('invalid-option', 'value', { option: 'format', allowed: `one of ${formats.map((f) => `"${f}"`).join(', ')} for ${o.dialect}`, found: describeValue(o.format) }, { path: '/format' }));
  }
  if (typeof o.path !== 'string' || o.path.length === 0) extra.push(report('invalid-option', 'value', { option: 'path', allowed: 'a non-empty file name', found: describeValue(o.path) }, { path: '/path' }));
  if (layout && layout.dialect === 'postgres') extra.push(report('invalid-option', 'sql-postgres-files', {}, { path: '/dialect' }));
  return layout && extra.length === 0 ? { layout, diagnostics } : { diagnostics: [...diagnostics, ...extra] };
}

/**
 * A `SELECT` reading a file into the table's columns (named as in the table),
 * with the loader's conversions. DuckDB reads JSON Lines (`read_json` with
 * the column types), CSV (with a header naming the columns; arrays as JSON in
 * their cell) and Parquet; ClickHouse reads JSON Lines (`JSONEachRow`). The
 * CLI's `--engine duckdb` filters on it.
 */
export function selectFromFileSql(catalogue: Catalogue, options: FileOptions): LoadSqlResult {
  const { layout, diagnostics } = checkFileOptions(catalogue, options);
  if (!layout) return { ok: false, sql: '', diagnostics };
  const path = stringLiteral(layout.dialect, options.path);
  const sql = layout.dialect === 'clickhouse'
    ? clickhouseSelect(layout, (structure) => `file(${path}, 'JSONEachRow', ${structure})`)
    : duckdbSelect(layout, options.format, path);
  return { ok: true, sql, diagnostics };
}

/** The WHERE that makes a ClickHouse load fail, rather than store a default, when a NOT NULL column is missing. */
function clickhouseRequired(layout: TableLayout): string {
  const required = layout.columns.filter((c) => !c.nullable && c.kind !== 'array');
  if (required.length === 0) return '';
  const test = required.map((c) => `isNull(${c.quoted})`).join(' OR ');
  return ` WHERE throwIf(${test}, 'a row has no value for a column the table declares NOT NULL (use nullable: always for partial rows)') = 0`;
}

function insertSql(layout: TableLayout, select: string): string {
  const names = layout.columns.map((c) => c.quoted).join(', ');
  if (layout.dialect === 'clickhouse') return `INSERT INTO ${layout.table} (${names}) SELECT * FROM (${select})${clickhouseRequired(layout)}`;
  return `INSERT INTO ${layout.table} (${names}) ${select}`;
}

/**
 * `INSERT INTO table … SELECT …` from a file (see {@link selectFromFileSql}):
 * the bulk loader for DuckDB (`read_json` with the column types) and
 * ClickHouse (`JSONEachRow`).
 */
export function loadFileSql(catalogue: Catalogue, options: FileOptions): LoadSqlResult {
  const { layout, diagnostics } = checkFileOptions(catalogue, options);
  if (!layout) return { ok: false, sql: '', diagnostics };
  const select = selectFromFileSql(catalogue, options);
  return { ok: true, sql: insertSql(layout, select.sql), diagnostics };
}

/**
 * ClickHouse: `INSERT … SELECT` from rows given inline as JSON Lines, in a
 * string literal (`format(JSONEachRow, …)`), for batches where no file is at
 * hand. The conversions are those of {@link loadFileSql}.
 */
export function clickhouseInsertRowsSql(catalogue: Catalogue, jsonLines: string, options: TableOptions): LoadSqlResult {
  const { layout, diagnostics } = layoutOrDiagnostics(catalogue, options);
  if (!layout || layout.dialect !== 'clickhouse') {
    const extra = layout ? [report('invalid-option', 'sql-dialect-needed', { function: 'clickhouseInsertRowsSql', dialect: 'clickhouse' }, { path: '/dialect' })] : [];
    return { ok: false, sql: '', diagnostics: [...diagnostics, ...extra] };
  }
  const data = stringLiteral('clickhouse', jsonLines);
  return { ok: true, sql: insertSql(layout, clickhouseSelect(layout, (structure) => `format(JSONEachRow, ${structure}, ${data})`)), diagnostics };
}

export { postgresInsertBatches, type InsertBatch, type InsertBatchesResult } from './load-postgres.js';
export type { SqlDialect };
