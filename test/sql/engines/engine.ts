/**
 * What the SQL tests need from a real engine: run statements, load rows with
 * the project's own loader into a table laid out by `createTableSql`, and
 * select the ids of the rows a condition keeps. One implementation per
 * engine (duckdb.ts, postgres.ts, clickhouse.ts); no mocks.
 */
import type { Catalogue } from '../../../src/catalogue/types.js';
import type { SqlDialect, TableOptions } from '../../../src/emit/sql/ddl.js';

export type Params = readonly unknown[] | Readonly<Record<string, unknown>>;

export interface LoadResult {
  /** Indexes of the rows that were loaded (the PostgreSQL loader skips rows it cannot store). */
  readonly loaded: readonly number[];
}

export interface Engine {
  readonly dialect: SqlDialect;
  /** The engine's own version string, as it reports it. */
  readonly version: string;
  /** Runs statements that return nothing the test reads. */
  exec(sql: string): Promise<void>;
  /** Rows of a query, as plain objects (scalars as JSON-like values). */
  query(sql: string, params?: Params): Promise<Record<string, unknown>[]>;
  /** Creates the table (createTableSql) and loads the rows with the dialect's loader. */
  load(catalogue: Catalogue, rows: readonly Record<string, unknown>[], options: Omit<TableOptions, 'dialect'>): Promise<LoadResult>;
  close(): Promise<void>;
}

/** An integer column the tests add to every catalogue, so that selected rows are named by id. */
export const ROW_ID = 'row_id__';
