/**
 * createTableSql / tableLayout: the type of every catalogue column per
 * dialect (spec sql.md §3), nullability, options as diagnostics, and hostile
 * table and column names that the real engines must read back unchanged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBacklinks, defineCatalogue } from '../../src/catalogue/index.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { HOSTILE_STRINGS } from '../../src/arbitraries/index.js';
import { createTableSql, quoteIdentifier, stringLiteral, tableLayout, type SqlDialect, type TableOptions } from '../../src/emit/sql/ddl.js';
import * as sqlSubpath from '../../src/sql.js';
import { START, type Engine } from './engines/index.js';

const DIALECTS = ['duckdb', 'postgres', 'clickhouse'] as const;

const kinds = defineCatalogue({
  name: 'test/kinds',
  columns: {
    i: { type: 'integer', nullable: false },
    f: { type: 'float', nullable: true },
    s: { type: 'string', nullable: false },
    u: { type: 'url', nullable: true },
    e: { type: 'string', enum: ['a', 'b'], nullable: true },
    b: { type: 'boolean', nullable: false },
    t: { type: 'datetime', nullable: true },
    d: { type: 'date', nullable: false },
    as: { type: 'array(string)', nullable: true },
    ae: { type: 'array(string)', enum: ['x'], nullable: false },
    o: { type: 'object', nullable: true },
    filter_only: { type: 'integer', nullable: false, returned: false },
  },
});

const typesOf = (dialect: SqlDialect, options: Partial<TableOptions> = {}) =>
  Object.fromEntries(tableLayout(kinds, { dialect, table: 't', ...options }).layout!.columns.map((c) => [c.name, c.nullable ? `${c.sqlType}?` : c.sqlType]));

describe('column types per dialect', () => {
  it('DuckDB', () => {
    expect(typesOf('duckdb')).toEqual({
      i: 'BIGINT', f: 'DOUBLE?', s: 'VARCHAR', u: 'VARCHAR?', e: 'VARCHAR?', b: 'BOOLEAN', t: 'TIMESTAMPTZ?', d: 'TIMESTAMPTZ',
      as: 'VARCHAR[]?', ae: 'VARCHAR[]', o: 'JSON?',
    });
  });
  it('PostgreSQL, strings in the C collation (code-point order)', () => {
    expect(typesOf('postgres')).toEqual({
      i: 'bigint', f: 'double precision?', s: 'text COLLATE "C"', u: 'text COLLATE "C"?', e: 'text COLLATE "C"?', b: 'boolean',
      t: 'timestamptz?', d: 'timestamptz', as: 'text[] COLLATE "C"?', ae: 'text[] COLLATE "C"', o: 'jsonb?',
    });
  });
  it('ClickHouse: Nullable scalars, arrays of Nullable elements never Nullable themselves, enums LowCardinality', () => {
    expect(typesOf('clickhouse')).toEqual({
      i: 'Int64', f: 'Nullable(Float64)?', s: 'String', u: 'Nullable(String)?', e: 'LowCardinality(Nullable(String))?', b: 'Bool',
      t: "Nullable(DateTime64(3, 'UTC'))?", d: "DateTime64(3, 'UTC')", as: 'Array(Nullable(String))', ae: 'Array(LowCardinality(Nullable(String)))',
      o: 'Nullable(String)?',
    });
  });
  it('nullable: "always" makes every column nullable (arrays in ClickHouse excepted)', () => {
    for (const dialect of DIALECTS) {
      const cols = tableLayout(kinds, { dialect, table: 't', nullable: 'always' }).layout!.columns;
      for (const c of cols) expect(c.nullable, `${dialect} ${c.name}`).toBe(!(dialect === 'clickhouse' && c.kind === 'array'));
    }
  });
  it('writes NOT NULL where the catalogue says never null, and leaves filter-only columns out', () => {
    const sql = createTableSql(allBacklinks, { dialect: 'postgres', table: 'backlinks' }).sql;
    expect(sql).toMatch(/^CREATE TABLE "backlinks" \("ahrefs_rank_source" bigint NOT NULL, /);
    expect(sql).toContain('"alt" text COLLATE "C", ');
    expect(sql).not.toContain('is_homepage_link');
    expect(createTableSql(allBacklinks, { dialect: 'clickhouse', table: 'b' }).sql).toMatch(/\) ENGINE = MergeTree ORDER BY tuple\(\)$/);
  });
  it('maps columns, and qualifies the table', () => {
    const r = createTableSql(kinds, { dialect: 'duckdb', table: ['main', 'x y'], columns: { i: 'id' } });
    expect(r.sql).toMatch(/^CREATE TABLE "main"\."x y" \("id" BIGINT NOT NULL, "f" DOUBLE, /);
  });
});

describe('options are checked, never thrown', () => {
  const bad: [string, unknown][] = [
    ['/dialect', { dialect: 'sqlite', table: 't' }],
    ['/table', { dialect: 'duckdb', table: '' }],
    ['/table', { dialect: 'duckdb', table: [] }],
    ['/table', { dialect: 'duckdb' }],
    ['/columns', { dialect: 'duckdb', table: 't', columns: 'i' }],
    ['/columns/i', { dialect: 'duckdb', table: 't', columns: { i: 3 } }],
    ['/columns/nope', { dialect: 'duckdb', table: 't', columns: { nope: 'x' } }],
    ['/columns/filter_only', { dialect: 'duckdb', table: 't', columns: { filter_only: 'x' } }],
    ['/columns/f', { dialect: 'duckdb', table: 't', columns: { i: 'x', f: 'x' } }],
    ['/nullable', { dialect: 'duckdb', table: 't', nullable: 'sometimes' }],
    ['/table', { dialect: 'postgres', table: 'a\u0000b' }],
  ];
  it.each(bad)('%s', (path, options) => {
    const r = createTableSql(kinds, options as TableOptions);
    expect(r.ok).toBe(false);
    expect(r.sql).toBe('');
    expect(r.diagnostics.map((d) => [d.code, d.path])).toContainEqual(['invalid-option', path]);
  });
  it('undefined options', () => {
    expect(createTableSql(kinds, undefined as unknown as TableOptions).diagnostics[0]!.code).toBe('invalid-option');
  });
});

describe('the ahrefs-where/sql subpath', () => {
  it('exports the DDL and the loaders next to toSql', () => {
    expect(Object.keys(sqlSubpath).sort()).toEqual(expect.arrayContaining(['clickhouseInsertRowsSql', 'createTableSql', 'loadFileSql', 'postgresInsertBatches', 'selectFromFileSql', 'tableLayout', 'toSql']));
  });
});

describe('quoting', () => {
  it('escapes the closing quote of each dialect', () => {
    expect(quoteIdentifier('duckdb', 'a"b')).toBe('"a""b"');
    expect(quoteIdentifier('postgres', 'a"b')).toBe('"a""b"');
    expect(quoteIdentifier('clickhouse', 'a`b\\')).toBe('`a\\`b\\\\`');
    expect(stringLiteral('duckdb', "it's \\")).toBe("'it''s \\'");
    expect(stringLiteral('clickhouse', "it's \\")).toBe("'it\\'s \\\\'");
  });
});

// Hostile names: the engines must create the table and report exactly these names back.
const names = fc.sample(
  fc.oneof(fc.constantFrom(...HOSTILE_STRINGS, '"', '`', '\\', "'", '""', '``', '\\`', ' ', 'a b', 'DROP TABLE x; --', '😀', 'ß', 'line\nbreak', '$1', '{p1:String}', '?'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 12 })),
  { numRuns: 60, seed: 10 },
).filter((n) => !n.includes('\u0000') && n.trim().length > 0);
const unique = [...new Set(names.map((n) => n))];

for (const dialect of DIALECTS) {
  describe(`hostile names in ${dialect}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await START[dialect]();
    }, 60_000);
    afterAll(async () => engine?.close());

    it('every column and table name reads back unchanged', async () => {
      const topPages = getCatalogue('site-explorer/top-pages')!;
      const returned = topPages.columns.filter((c) => c.returned);
      // Case-insensitive engines (DuckDB, PostgreSQL's folding is off for quoted names) must still see distinct names.
      const picked = unique.filter((n, i, all) => all.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i).slice(0, returned.length);
      const columns = Object.fromEntries(picked.map((n, i) => [returned[i]!.name, n]));
      const table = 'tab"le`\\\' name';
      const r = createTableSql(topPages, { dialect, table, columns });
      expect(r.ok).toBe(true);
      await engine.exec(r.sql);
      const read = dialect === 'clickhouse'
        ? await engine.query(`SELECT name AS c FROM system.columns WHERE table = ${stringLiteral(dialect, table)} ORDER BY position`)
        : await engine.query(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = ${stringLiteral(dialect, table)} ORDER BY ordinal_position`);
      expect(read.map((x) => x.c)).toEqual(returned.map((c) => columns[c.name] ?? c.name));
    });

    // Pairs of names that some engine stores as one column: DuckDB folds ASCII case even in quoted names,
    // PostgreSQL keeps 63 bytes of UTF-8. createTableSql must refuse exactly the pairs the engine would.
    const pairs: readonly (readonly [string, string])[] = [
      ['Value', 'value'], ['É', 'é'], ['ß', 'SS'], ['K', '\u212A'], ['ID_x', 'id_X'],
      ['x'.repeat(62) + 'a', 'x'.repeat(62) + 'b'], ['x'.repeat(63) + 'a', 'x'.repeat(63) + 'b'],
      ['é'.repeat(31) + 'xa', 'é'.repeat(31) + 'xb'], ['é'.repeat(32) + 'a', 'é'.repeat(32) + 'b'], ['😀'.repeat(16) + 'a', '😀'.repeat(16) + 'b'],
      ['😀'.repeat(15) + 'abc', '😀'.repeat(15) + 'abd'],
    ];
    const two = defineCatalogue({ name: 'test/two', columns: { one: { type: 'integer', nullable: true }, other: { type: 'string', nullable: true } } });
    it.each(pairs)('names %j and %j: refused exactly when the engine stores them as one column', async (a, b) => {
      const table = `pair_${pairs.findIndex((p) => p[0] === a)}`;
      const r = createTableSql(two, { dialect, table: `${table}_ddl`, columns: { one: a, other: b } });
      // What the engine itself says of the two names, in a table of its own.
      const engine_ = engine;
      const raw = `CREATE TABLE ${quoteIdentifier(dialect, table)} (${quoteIdentifier(dialect, a)} INT, ${quoteIdentifier(dialect, b)} INT)${dialect === 'clickhouse' ? ' ENGINE = Memory' : ''}`;
      const engineKeepsBoth = await engine_.exec(raw).then(() => true, () => false);
      expect({ refused: !r.ok, codes: r.diagnostics.map((d) => d.code) }).toEqual(engineKeepsBoth ? { refused: false, codes: [] } : { refused: true, codes: ['invalid-option'] });
      if (r.ok) await engine_.exec(r.sql);
      else expect(r.diagnostics[0]).toMatchObject({ path: '/columns/other', message: expect.stringContaining(`are one column in ${dialect}`) });
    });
  });
}
