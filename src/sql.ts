/**
 * `ahrefs-where/sql`: the filter as a SQL condition for the tables where
 * rows are kept (DuckDB, PostgreSQL, ClickHouse), with the predicate's
 * meaning. Browser-safe: it builds text and values, and carries no engine.
 * See docs/sql.md.
 *
 * @example
 * import { toSql } from 'ahrefs-where/sql';
 * const { sql, params } = toSql('DR >= 50 and any(languages) = "en"', { dialect: 'duckdb' });
 * await connection.run(`SELECT * FROM backlinks WHERE ${sql}`, params);
 *
 * @packageDocumentation
 */
export { toSql } from './api/index.js';
export type { SqlOptions, SqlResult, SqlSource, ParamStyle, SqlParam, SqlParams, SqlValue, SqlValueType, SqlDialect } from './api/index.js';

// Tables and loaders: the layout the condition is exact on, and how rows get into it (docs/sql.md "Tables", "Loading rows").
export { createTableSql, tableLayout, quoteIdentifier, stringLiteral, SQL_DIALECTS } from './api/index.js';
export type { TableOptions, TableLayout, TableColumn, StorageKind, LayoutResult, CreateTableResult } from './api/index.js';
export { loadFileSql, selectFromFileSql, clickhouseInsertRowsSql, postgresInsertBatches } from './api/index.js';
export type { FileFormat, FileOptions, LoadSqlResult, InsertBatch, InsertBatchesResult } from './api/index.js';
