/**
 * `filter --engine duckdb` where `@duckdb/node-api` (an optional dependency)
 * is not installed: a clear message naming the package to install, exit 2;
 * the default engine still works. The CLI is bundled with the package left
 * external and run from a directory no node_modules can be found from, as a
 * user without the package runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUCKDB_PACKAGE } from '../../src/cli/filter-engine.js';

const dir = mkdtempSync(join(tmpdir(), 'ahrefs-where-no-duckdb-'));
const cli = join(dir, 'cli.mjs');
const rows = join(dir, 'rows.jsonl');

beforeAll(async () => {
  await build({
    entryPoints: [new URL('../../src/cli/bin.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['@duckdb/node-api'],
    outfile: cli,
    logLevel: 'warning',
  });
  writeFileSync(rows, '{"domain_rating_source":60}\n{"domain_rating_source":10}\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });

describe('filter --engine duckdb without @duckdb/node-api', () => {
  it('the package really cannot be found from the bundle', () => {
    // If it could, this test would prove nothing: the temporary directory must have no node_modules above it.
    expect(() => createRequire(cli).resolve('@duckdb/node-api')).toThrow();
  });

  it('says what to install, exit 2, nothing on standard output', () => {
    for (const file of [rows, join(dir, 'rows.parquet'), join(dir, 'rows.csv')]) {
      const r = run(['filter', '--engine', 'duckdb', '--count', '--where', 'DR >= 50', file]);
      expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: '' });
      expect(r.stderr).toContain('--engine duckdb needs the optional package @duckdb/node-api, which is not installed');
      expect(r.stderr).toContain(`npm install ${DUCKDB_PACKAGE}`);
      expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    }
  });

  it('a query that does not compile is still reported as such (exit 1), before DuckDB is needed', () => {
    const r = run(['filter', '--engine', 'duckdb', '--count', '--where', 'domain_ratng > 5', rows]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown-column');
  });

  it('the default engine (the in-memory predicate) needs no DuckDB', () => {
    const r = run(['filter', '--count', '--where', 'DR >= 50', rows]);
    expect({ status: r.status, stdout: r.stdout.trim() }).toEqual({ status: 0, stdout: '1' });
  });
});
