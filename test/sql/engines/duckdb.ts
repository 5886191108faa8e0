/** DuckDB through `@duckdb/node-api` (embedded, in this process). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { createTableSql } from '../../../src/emit/sql/ddl.js';
import { loadFileSql } from '../../../src/emit/sql/load.js';
import type { Engine, Params } from './engine.js';

function expectOk<T extends { ok: boolean; diagnostics: readonly { message: string }[] }>(r: T, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r;
}

export async function startDuckDb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  // Not UTC on purpose: neither the loader nor the emitted SQL may depend on the session's zone.
  await connection.run("SET TimeZone = 'Asia/Kolkata'");
  const dir = mkdtempSync(join(tmpdir(), 'ahrefs-where-duckdb-'));
  const version = String((await (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJson())[0]!.v);
  let files = 0;
  const engine: Engine = {
    dialect: 'duckdb',
    version,
    async exec(sql) {
      await connection.run(sql);
    },
    async query(sql, params?: Params) {
      const reader = await connection.runAndReadAll(sql, params as DuckDBValue[] | Record<string, DuckDBValue> | undefined);
      return reader.getRowObjectsJson() as Record<string, unknown>[];
    },
    async load(catalogue, rows, options) {
      const table = { ...options, dialect: 'duckdb' as const };
      await connection.run(expectOk(createTableSql(catalogue, table), 'createTableSql').sql);
      // The loader reads a file, as it would the user's JSON Lines.
      const path = join(dir, `rows-${files++}.jsonl`);
      writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      await connection.run(expectOk(loadFileSql(catalogue, { ...table, path, format: 'jsonl' }), 'loadFileSql').sql);
      return { loaded: rows.map((_, i) => i) };
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return engine;
}
