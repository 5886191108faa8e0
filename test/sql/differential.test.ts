/**
 * The SQL proof against the real engines (spec sql.md §4): DuckDB, PostgreSQL
 * (PGlite) and ClickHouse (chdb), on all-backlinks (every column nullable,
 * rows with absent columns), keywords-explorer/overview (wildcard regexes,
 * array(enum), objects) and site-explorer/top-pages (array(enum), urls), with
 * catalogue nullability. Fixed seeds; `DEEP=1` multiplies the filters by 10.
 */
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBacklinks } from '../../src/catalogue/index.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import { quoteIdentifier } from '../../src/emit/sql/ddl.js';
import { START, type Engine } from './engines/index.js';
import { census, compare, describeDifference, generateFilters, generateRows, withRowId, type RunReport } from './differential-harness.js';
import { COMPARE_OPS } from '../../src/vocabulary/words.js';

const DEEP = process.env.DEEP ? 10 : 1;

interface Suite {
  readonly name: string;
  readonly catalogue: Catalogue;
  readonly nullable: 'catalogue' | 'always';
  readonly rows: number;
  readonly filters: number;
  readonly seed: number;
}

const SUITES: readonly Suite[] = [
  { name: 'all-backlinks', catalogue: allBacklinks, nullable: 'always', rows: 300, filters: 1000 * DEEP, seed: 101 },
  { name: 'keywords-explorer/overview', catalogue: getCatalogue('keywords-explorer/overview')!, nullable: 'catalogue', rows: 200, filters: 300 * DEEP, seed: 202 },
  { name: 'site-explorer/top-pages', catalogue: getCatalogue('site-explorer/top-pages')!, nullable: 'catalogue', rows: 200, filters: 300 * DEEP, seed: 303 },
];

// What the proof covers: every construct of the language in each suite's filters, at the top and inside any/all.
const TESTS = [...COMPARE_OPS.map((op) => `op:${op}`), 'in', 'between', 'null', 'empty'];
describe('the generated filters cover the language', () => {
  for (const suite of SUITES) {
    it(suite.name, () => {
      const counts = census(suite.catalogue, generateFilters(suite.catalogue, suite.filters, suite.seed));
      const arrays = suite.catalogue.columns.filter((c) => c.returned && c.array && c.type !== 'unknown' && c.type !== 'object');
      const wanted = [...TESTS, 'not', 'not-nested', 'any', 'all', 'element:not', 'modifier:uppercase'];
      // Element tests: what each suite's array columns can hold (all-backlinks has string and integer arrays; the others' are enums).
      if (suite.name === 'all-backlinks') wanted.push(...TESTS.map((t) => `element:${t}`));
      else wanted.push('element:op:eq', 'element:op:neq', 'element:in', 'element:null');
      // array(enum) columns, the reason for the other two suites, quantified both ways.
      for (const c of arrays.filter((c) => c.enumValues)) wanted.push(`any:${c.name}`, `all:${c.name}`);
      expect(wanted.filter((k) => (counts.get(k) ?? 0) < 3), 'constructs with fewer than 3 filters').toEqual([]);
    });
  }
  it('the catalogues include array(enum) columns', () => {
    expect(SUITES.filter((s) => s.catalogue.columns.some((c) => c.array && c.enumValues)).map((s) => s.name)).toEqual(['keywords-explorer/overview', 'site-explorer/top-pages']);
  });
});

for (const dialect of ['duckdb', 'postgres', 'clickhouse'] as const) {
  describe(`${dialect} selects exactly the rows the predicate selects`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await START[dialect]();
    }, 60_000);
    afterAll(async () => engine?.close());

    it('runs on the real engine', () => {
      expect(engine.version.length).toBeGreaterThan(0);
    });

    for (const suite of SUITES) {
      it(`${suite.name}: ${suite.filters} filters over ${suite.rows} rows`, async () => {
        const table = `t_${suite.seed}`;
        const rows = generateRows(suite.catalogue, suite.rows, suite.seed, suite.nullable === 'catalogue');
        const { loaded } = await engine.load(withRowId(suite.catalogue), rows, { table, nullable: suite.nullable });
        // Only PostgreSQL skips rows (U+0000 in text): most must load.
        expect(loaded.length).toBeGreaterThan(suite.rows * 0.8);
        const filters = generateFilters(suite.catalogue, suite.filters, suite.seed);
        const report: RunReport = await compare(engine, suite.catalogue, table, rows, loaded, filters);
        // SQL_DIFF_REPORT=FILE appends every difference there, for triage.
        if (process.env.SQL_DIFF_REPORT) {
          appendFileSync(process.env.SQL_DIFF_REPORT, report.failures.map((d) => `${describeDifference(dialect, d)}\n\n`).join(''));
        }
        const shown = report.failures.slice(0, 3).map((d) => describeDifference(dialect, d)).join('\n\n');
        expect(report.failures.length, `${report.failures.length} of ${report.compared} filters differ:\n\n${shown}`).toBe(0);
        // Most filters must be compared, not refused.
        expect(report.compared).toBeGreaterThan(filters.length * 0.8);
      }, 300_000);
    }

    // The same proof through toSql's other options, on a table whose names are hostile: every column mapped
    // (quotes, backticks, backslashes, placeholders and comments in the names), the columns qualified by
    // the table, and DuckDB's named placeholders.
    it('site-explorer/top-pages through hostile column and table names (columns, table) and every params style', async () => {
      const catalogue = getCatalogue('site-explorer/top-pages')!;
      const marks = ['"', '`', "'", '\\', '$1', '{p1:String}', '?', ' --', '/*', '*/', ';', '\n', 'ß'];
      const columns = Object.fromEntries(catalogue.columns.filter((c) => c.returned).map((c, i) => [c.name, `${i}${marks[i % marks.length]}${c.name.slice(0, 20)}${marks[(i + 5) % marks.length]}`]));
      // A schema (database) of its own: chdb's default database reads an unqualified name holding * ? or { as a
      // file glob (docs/sql.md, "Tables"), so the hostile name is qualified, as such a name must be there.
      const schema = `s "\`'\\ $1 ;--`;
      await engine.exec(`CREATE ${dialect === 'clickhouse' ? 'DATABASE' : 'SCHEMA'} ${quoteIdentifier(dialect, schema)}`);
      const table = [schema, `t "\`'\\ $1 {p1:String} * ? /*`];
      const rows = generateRows(catalogue, 120, 404, true);
      const { loaded } = await engine.load(withRowId(catalogue), rows, { table, columns });
      const filters = generateFilters(catalogue, 120, 404);
      for (const params of dialect === 'duckdb' ? (['positional', 'named'] as const) : [undefined]) {
        const report = await compare(engine, catalogue, table, rows, loaded, filters, { columns, table, ...(params ? { params } : {}) });
        const shown = report.failures.slice(0, 3).map((d) => describeDifference(dialect, d)).join('\n\n');
        expect(report.failures.length, `${params ?? ''}: ${report.failures.length} of ${report.compared} filters differ:\n\n${shown}`).toBe(0);
        expect(report.compared).toBeGreaterThan(filters.length * 0.8);
      }
    }, 300_000);
  });
}
