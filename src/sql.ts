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
export { toSql } from './api/sql.js';
export type { SqlOptions, SqlResult, SqlSource } from './api/sql.js';
export type { ParamStyle, SqlParam, SqlParams, SqlValue, SqlValueType } from './emit/sql/index.js';
export type { SqlDialect } from './emit/sql/ddl.js';
