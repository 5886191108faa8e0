/** Starts every engine of the SQL proof. A missing engine is a failure, never a skip. */
import type { SqlDialect } from '../../../src/emit/sql/ddl.js';
import { startClickHouse } from './clickhouse.js';
import { startDuckDb } from './duckdb.js';
import type { Engine } from './engine.js';
import { startPostgres } from './postgres.js';

export { ROW_ID, type Engine, type LoadResult, type Params } from './engine.js';

export const START: Readonly<Record<SqlDialect, () => Promise<Engine>>> = {
  duckdb: startDuckDb,
  postgres: startPostgres,
  clickhouse: startClickHouse,
};
