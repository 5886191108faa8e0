/**
 * ClickHouse through `chdb`: the ClickHouse engine embedded in this process
 * (libchdb, the same code as clickhouse-server). One session per process:
 * libchdb binds one data directory per process, and vitest runs each test
 * file in its own process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';
import { createTableSql } from '../../../src/emit/sql/ddl.js';
import { loadFileSql } from '../../../src/emit/sql/load.js';
import type { Engine, Params } from './engine.js';

export async function startClickHouse(): Promise<Engine> {
  // Not UTC on purpose: neither the loader nor the emitted SQL may depend on the session's zone.
  const session = new Session(undefined, { connectionArgs: ['--session_timezone=Asia/Kolkata'] });
  const version = session.query('SELECT version()', 'TSVRaw').trim();
  const dir = mkdtempSync(join(tmpdir(), 'ahrefs-where-chdb-'));
  let files = 0;
  const run = (sql: string, params?: Params): string => {
    if (params === undefined) return session.query(sql, 'JSONEachRow');
    if (Array.isArray(params)) throw new Error('ClickHouse takes named, typed parameters ({p1:String})');
    return session.queryBind(sql, params as object, 'JSONEachRow');
  };
  const engine: Engine = {
    dialect: 'clickhouse',
    version,
    async exec(sql) {
      session.query(sql, 'TSV');
    },
    async query(sql, params?: Params) {
      return run(sql, params).split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    async load(catalogue, rows, options) {
      const table = { ...options, dialect: 'clickhouse' as const };
      const ddl = createTableSql(catalogue, table);
      if (!ddl.ok) throw new Error(`createTableSql: ${ddl.diagnostics.map((d) => d.message).join('; ')}`);
      session.query(ddl.sql, 'TSV');
      // The bulk loader reads a file (JSONEachRow), as it would the user's JSON Lines.
      const path = join(dir, `rows-${files++}.jsonl`);
      writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const insert = loadFileSql(catalogue, { ...table, path, format: 'jsonl' });
      if (!insert.ok) throw new Error(`loadFileSql: ${insert.diagnostics.map((d) => d.message).join('; ')}`);
      session.query(insert.sql, 'TSV');
      return { loaded: rows.map((_, i) => i) };
    },
    async close() {
      session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return engine;
}
