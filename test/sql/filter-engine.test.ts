/**
 * `ahrefs-where filter --engine duckdb`: on JSON Lines, Parquet and CSV files
 * of generated rows, the number of rows kept equals the in-memory `filter`'s,
 * filter by filter; printed rows are JSON that the in-memory filter keeps
 * again; bad input gives messages and exit codes, not exceptions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBacklinks } from '../../src/catalogue/index.js';
import { formatOf } from '../../src/cli/filter-engine.js';
import { quoteIdentifier, tableLayout } from '../../src/emit/sql/ddl.js';
import { selectFromFileSql } from '../../src/emit/sql/load.js';
import { toSql } from '../../src/sql.js';
import { runCli } from '../support/cli.js';
import { generateFilters, generateRows } from './differential-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'ahrefs-where-engine-'));
const jsonl = join(dir, 'rows.jsonl');
const parquet = join(dir, 'rows.parquet');
const csv = join(dir, 'rows.csv');
const rows = generateRows(allBacklinks, 200, 77, false).map((r) => {
  const { row_id__: _, ...rest } = r;
  return rest;
});
const filters = generateFilters(allBacklinks, 60, 77).filter((f) => toSql(f, { dialect: 'duckdb' }).ok).slice(-60);

beforeAll(async () => {
  writeFileSync(jsonl, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  // Parquet and CSV copies of the same rows, made by DuckDB from the loader's own reading of the JSON Lines.
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run("SET TimeZone = 'UTC'");
  const select = selectFromFileSql(allBacklinks, { dialect: 'duckdb', table: 't', path: jsonl, format: 'jsonl', nullable: 'always' }).sql;
  await c.run(`COPY (${select}) TO '${parquet}' (FORMAT parquet)`);
  const layout = tableLayout(allBacklinks, { dialect: 'duckdb', table: 't', nullable: 'always' }).layout!;
  const cells = layout.columns.map((col) => {
    const q = quoteIdentifier('duckdb', col.name);
    if (col.kind === 'array') return `to_json(${q}) AS ${q}`;
    if (col.column.type === 'datetime' || col.column.type === 'date') return `strftime(${q}, '%Y-%m-%dT%H:%M:%S.%gZ') AS ${q}`;
    return q;
  });
  await c.run(`COPY (SELECT ${cells.join(', ')} FROM (${select})) TO '${csv}' (HEADER, FORCE_QUOTE *)`);
  c.closeSync();
  instance.closeSync();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const count = async (args: string[]) => {
  const r = await runCli(args);
  // Warnings (with their source excerpts and help lines) may be printed; nothing may fail.
  expect({ code: r.code, errors: r.stderr.split('\n').filter((l) => /^error\b|\berror\[|DuckDB/.test(l)) }, `${args.join(' ')}\n${r.stderr}`).toEqual({ code: 0, errors: [] });
  return Number(r.stdout.trim());
};

describe('filter --engine duckdb keeps the rows the in-memory filter keeps', () => {
  it('on JSON Lines and Parquet, for generated filters', async () => {
    let nonEmpty = 0;
    for (const where of filters) {
      const expected = await count(['filter', '--count', '--where', where, jsonl]);
      if (expected > 0) nonEmpty++;
      expect(await count(['filter', '--engine', 'duckdb', '--count', '--where', where, jsonl]), `jsonl: ${where}`).toBe(expected);
      expect(await count(['filter', '--engine', 'duckdb', '--count', '--where', where, parquet]), `parquet: ${where}`).toBe(expected);
    }
    expect(nonEmpty).toBeGreaterThan(5);
  }, 120_000);

  it('on CSV (arrays as JSON cells), for filters on scalars and arrays', async () => {
    for (const where of ['domain_rating_source >= 50', 'alt is null', 'alt = ""', 'any(languages) = "seo"', 'languages is empty', 'first_seen > 2024-01-01', 'anchor contains "\\n"']) {
      const expected = await count(['filter', '--count', '--where', where, jsonl]);
      expect(await count(['filter', '--engine', 'duckdb', '--count', '--where', where, csv]), `csv: ${where}`).toBe(expected);
    }
  });

  it('prints the kept rows as JSON Lines that the in-memory filter keeps again', async () => {
    const where = 'domain_rating_source >= 10 or first_seen > 2024-01-01';
    const printed = await runCli(['filter', '--engine', 'duckdb', '--where', where, jsonl]);
    expect(printed.code).toBe(0);
    const lines = printed.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(await count(['filter', '--count', '--where', where, jsonl]));
    const again = await runCli(['filter', '--count', '--where', where], printed.stdout);
    expect(Number(again.stdout.trim())).toBe(lines.length);
    expect(JSON.parse(lines[0]!)).toHaveProperty('domain_rating_source');
  });
});

describe('filter --engine: input errors', () => {
  it('a query that does not compile: diagnostics, exit 1', async () => {
    const r = await runCli(['filter', '--engine', 'duckdb', '--where', 'domain_ratng > 5', jsonl]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown-column');
  });
  it('an unknown engine, standard input: usage, exit 2', async () => {
    expect((await runCli(['filter', '--engine', 'sqlite', '--where', 'is_spam', jsonl])).code).toBe(2);
    expect((await runCli(['filter', '--engine', 'duckdb', '--where', 'is_spam'])).stderr).toContain('not standard input');
  });
  it('a file DuckDB cannot read, or of an unknown format: a message, exit 2', async () => {
    const missing = await runCli(['filter', '--engine', 'duckdb', '--where', 'is_spam', join(dir, 'none.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('DuckDB cannot read');
    expect((await runCli(['filter', '--engine', 'duckdb', '--where', 'is_spam', join(dir, 'rows.txt')])).code).toBe(2);
  });
  it('formats by file name', () => {
    expect(['a.jsonl', 'a.NDJSON', 'a.json.gz', 'a.csv', 'a.parquet', 'a.txt'].map(formatOf)).toEqual(['jsonl', 'jsonl', 'jsonl', 'csv', 'parquet', undefined]);
  });
});
