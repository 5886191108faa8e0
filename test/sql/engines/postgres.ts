/** PostgreSQL through `@electric-sql/pglite`: the real PostgreSQL server compiled to WebAssembly, in this process. */
import { PGlite } from '@electric-sql/pglite';
import { createTableSql } from '../../../src/emit/sql/ddl.js';
import { postgresInsertBatches } from '../../../src/emit/sql/load-postgres.js';
import type { Engine, Params } from './engine.js';

export async function startPostgres(): Promise<Engine> {
  const db = await PGlite.create();
  // Not UTC on purpose: neither the loader nor the emitted SQL may depend on the session's zone.
  await db.exec("SET TimeZone = 'Asia/Kolkata'");
  const version = String((await db.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v);
  const engine: Engine = {
    dialect: 'postgres',
    version,
    async exec(sql) {
      await db.exec(sql);
    },
    async query(sql, params?: Params) {
      if (params !== undefined && !Array.isArray(params)) throw new Error('PostgreSQL takes positional parameters ($1, $2, …)');
      return (await db.query<Record<string, unknown>>(sql, params as unknown[] | undefined)).rows;
    },
    async load(catalogue, rows, options) {
      const table = { ...options, dialect: 'postgres' as const };
      const ddl = createTableSql(catalogue, table);
      if (!ddl.ok) throw new Error(`createTableSql: ${ddl.diagnostics.map((d) => d.message).join('; ')}`);
      await db.exec(ddl.sql);
      const plan = postgresInsertBatches(catalogue, rows, table);
      const bad = plan.diagnostics.filter((d) => d.code !== 'sql-unloadable-value');
      if (bad.length > 0) throw new Error(`postgresInsertBatches: ${bad.map((d) => d.message).join('; ')}`);
      for (const batch of plan.batches) await db.query(batch.sql, [...batch.params]);
      return { loaded: plan.loaded };
    },
    async close() {
      await db.close();
    },
  };
  return engine;
}
