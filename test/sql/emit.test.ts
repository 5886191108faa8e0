/**
 * toSql without an engine: the SQL's shape per dialect, its parameters,
 * its diagnostics, option validation, and that no identifier or value can
 * change the statement. The meaning is proven against the real engines by
 * the differential suite (test/sql/).
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/api/compile.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import type { SqlDialect } from '../../src/emit/sql/ddl.js';
import { toSql } from '../../src/sql.js';

const DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'clickhouse'];

function sql(source: unknown, dialect: SqlDialect, extra: Record<string, unknown> = {}) {
  const r = toSql(source as string, { dialect, ...extra });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  return r;
}

describe('toSql: shape per dialect', () => {
  it('binds every value with its declared type', () => {
    expect(sql('DR >= 50 and anchor contains "seo"', 'postgres')).toMatchObject({
      sql: '(("domain_rating_source" >= CAST($1 AS double precision)) AND (strpos("anchor" COLLATE "C", CAST($2 AS text) COLLATE "C") > 0))',
      params: [50, 'seo'],
    });
    expect(sql('DR >= 50 and anchor contains "seo"', 'duckdb')).toMatchObject({
      sql: '(("domain_rating_source" >= CAST($1 AS DOUBLE)) AND contains("anchor", CAST($2 AS VARCHAR)))',
      params: [50, 'seo'],
    });
    expect(sql('DR >= 50 and anchor contains "seo"', 'clickhouse')).toMatchObject({
      sql: '((`domain_rating_source` >= {p1:Float64}) AND (position(`anchor`, {p2:String}) > 0))',
      params: { p1: 50, p2: 'seo' },
    });
  });

  it('declares integers as 64-bit when they are safe integers of an integer column, doubles otherwise', () => {
    expect(sql('refdomains_source > 10', 'duckdb').paramList).toEqual([{ name: 'p1', value: 10, type: 'bigint' }]);
    expect(sql('domain_rating_source > 10', 'duckdb').paramList[0]!.type).toBe('double');
    expect(sql('refdomains_source > 10', 'clickhouse').sql).toBe('(`refdomains_source` > {p1:Int64})');
  });

  it('converts dates and datetimes to UTC instants at compile time, in each dialect\'s text', () => {
    const q = 'first_seen > 2024-01-01T10:00:00+02:00 and last_seen < 2024-03-01';
    expect(sql(q, 'duckdb').params).toEqual(['2024-01-01T08:00:00.000Z', '2024-03-01T00:00:00.000Z']);
    expect(sql(q, 'postgres').sql).toContain('CAST($1 AS timestamptz)');
    expect(sql(q, 'clickhouse')).toMatchObject({
      sql: "((`first_seen` > {p1:DateTime64(3, 'UTC')}) AND (`last_seen` < {p2:DateTime64(3, 'UTC')}))",
      params: { p1: '2024-01-01 08:00:00.000', p2: '2024-03-01 00:00:00.000' },
    });
  });

  it('compares strings by code point: COLLATE "C" in PostgreSQL, binary in DuckDB', () => {
    expect(sql('anchor < "b"', 'postgres').sql).toBe('(("anchor" COLLATE "C") < CAST($1 AS text))');
    expect(sql('anchor < "b"', 'duckdb').sql).toBe('(("anchor" COLLATE "binary") < CAST($1 AS VARCHAR))');
  });

  it('uses literal functions for substring, prefix and suffix (a % or _ is a character)', () => {
    for (const d of DIALECTS) expect(sql('anchor contains "50%_off" or anchor starts with "a_" or anchor ends with "%"', d).sql).not.toMatch(/LIKE/i);
    // PostgreSQL has no ends_with: the value is bound reversed, by code point.
    expect(sql('anchor ends with "a😀b"', 'postgres')).toMatchObject({ sql: '(starts_with(reverse("anchor") COLLATE "C", CAST($1 AS text) COLLATE "C"))'.slice(1, -1), params: ['b😀a'] });
  });

  it('keeps NULL through `in`: IN where the dialect keeps it, an OR of = in ClickHouse', () => {
    expect(sql('link_type in (text, redirect)', 'duckdb').sql).toBe('(("link_type" COLLATE "binary") IN (CAST($1 AS VARCHAR), CAST($2 AS VARCHAR)))');
    expect(sql('link_type in (text, redirect)', 'clickhouse').sql).toBe('((`link_type` = {p1:String}) OR (`link_type` = {p2:String}))');
  });

  it('builds any/all from two two-valued existence tests, NULL for a NULL array', () => {
    const duck = sql('any(languages) = "en"', 'duckdb').sql!;
    expect(duck).toMatch(/^\(CASE WHEN "languages" IS NULL THEN NULL WHEN \(len\(list_filter\("languages", lambda x: .* IS TRUE\)\)\) > 0\) THEN TRUE WHEN \(NOT \(len\(list_filter\("languages", lambda x: .* IS NOT FALSE\)\)\) > 0\)\) THEN FALSE ELSE NULL END\)$/);
    const all = sql('all(languages) = "en"', 'postgres').sql!;
    expect(all).toContain('WHEN (NOT EXISTS (SELECT 1 FROM unnest("languages") AS _e(x) WHERE');
    expect(all).toContain('IS NOT TRUE))) THEN TRUE WHEN EXISTS');
    expect(all).toContain('IS FALSE)) THEN FALSE ELSE NULL END)');
    // arrayExists reads NULL as false, so it only ever gets ifNull'd tests; ClickHouse arrays are never NULL.
    const ch = sql('any(languages) = "en"', 'clickhouse').sql!;
    expect(ch).toBe('(CASE WHEN arrayExists(x -> ifNull((x = {p1:String}), 0), `languages`) THEN 1 WHEN (NOT arrayExists(x -> ifNull((x = {p1:String}), 1), `languages`)) THEN 0 ELSE NULL END)');
    // The element test is bound once, its placeholder used in both tests.
    expect(sql('any(languages) = "en"', 'duckdb').params).toEqual(['en']);
  });

  it('spells the predicate\'s casing: full mappings and final sigma fold', () => {
    const pg = sql('anchor icontains "Straße"', 'postgres').sql!;
    expect(pg).toContain('lower("anchor" COLLATE pg_unicode_fast)');
    const duck = sql('anchor icontains "Straße"', 'duckdb').sql!;
    expect(duck).toBe(`contains(replace(lower(replace("anchor", 'İ', 'i̇')), 'ς', 'σ'), replace(lower(replace(CAST($1 AS VARCHAR), 'İ', 'i̇')), 'ς', 'σ'))`);
    const upper = sql('uppercase(anchor) = "STRASSE"', 'duckdb').sql!;
    expect(upper).toContain(`replace("anchor", 'ß', 'SS')`);
    expect(upper).toContain(`replace(replace("anchor", 'ß', 'SS'), 'ŉ', 'ʼN')`);
    expect(upper).toMatch(/^\(\(\(CASE WHEN regexp_matches\("anchor", '\[ß/);
    expect(sql('uppercase(anchor) = "STRASSE"', 'postgres').sql).toBe('((upper("anchor" COLLATE pg_unicode_fast) COLLATE "C") = CAST($1 AS text))');
  });

  it('matches regexes per engine: DuckDB with the s flag, ClickHouse match, PostgreSQL translated', () => {
    expect(sql('anchor matches /a.b/', 'duckdb').sql).toBe(`regexp_matches("anchor", CAST($1 AS VARCHAR), 's')`);
    expect(sql('anchor matches /a.b/', 'clickhouse').sql).toBe('match(`anchor`, {p1:String})');
    expect(sql('anchor matches /^a\\d+\\bx/', 'postgres')).toMatchObject({ sql: '("anchor" COLLATE "C" ~ CAST($1 AS text) COLLATE "C")', params: ['^a[0-9]+\\yx'] });
  });

  it('finds phrases as whole words with letter-or-digit boundaries', () => {
    // Letters and digits as JavaScript's ranges in every dialect: the engines' \pL\pN tables are older.
    for (const dialect of ['duckdb', 'clickhouse'] as const) {
      const [re2] = Object.values(sql('title contains phrase "link building"', dialect).params) as string[];
      expect(re2, dialect).toMatch(/^\(\?:\^\|\[\^0-9A-Za-zª.*\]\)link\[\^0-9A-Za-zª.*\]\+building\(\?:\$\|\[\^0-9A-Za-zª.*\]\)$/s);
      expect(re2, dialect).not.toContain('\\p');
      // U+1428A (Unicode 16) is a letter: no word boundary before it.
      const find = (t: string) => RE2JS.compile(re2!, RE2JS.DOTALL).matcher(t).find();
      expect([find('a link, building'), find('link building\u{1428A}'), find('\u{1428A}link building')], dialect).toEqual([true, false, false]);
    }
    const pg = sql('title contains phrase "link building"', 'postgres').params as string[];
    expect(pg[0]).toMatch(/^\(\^\|\[\^0-9A-Za-zª/);
    expect(pg[0]).not.toContain('\\p');
    // No words: true for every string, unknown for NULL.
    expect(sql('title contains phrase "--"', 'duckdb')).toMatchObject({ sql: '("title" IS NOT NULL OR NULL)', params: [] });
  });

  it('qualifies columns with the table and maps them through columns', () => {
    expect(sql('anchor = "x"', 'postgres', { table: 'b', columns: { anchor: 'Anchor Text' } }).sql).toBe('(("b"."Anchor Text" COLLATE "C") = CAST($1 AS text))');
    expect(sql('anchor = "x"', 'clickhouse', { table: ['db', 't'] }).sql).toBe('(`db`.`t`.`anchor` = {p1:String})');
  });

  it('gives named DuckDB parameters as an object', () => {
    expect(sql('anchor = "x" and DR > 5', 'duckdb', { params: 'named' })).toMatchObject({
      sql: '(("anchor" COLLATE "binary") = CAST($p1 AS VARCHAR)) AND ("domain_rating_source" > CAST($p2 AS DOUBLE))'.replace(/^/, '(').concat(')'),
      params: { p1: 'x', p2: 5 },
    });
  });

  it('decides values holding U+0000 in PostgreSQL, whose text cannot hold one', () => {
    expect(sql('anchor = "a\\u0000b"', 'postgres')).toMatchObject({ sql: '("anchor" IS NULL AND NULL)', params: [] });
    expect(sql('anchor != "a\\u0000b"', 'postgres').sql).toBe('("anchor" IS NOT NULL OR NULL)');
    expect(sql('anchor < "a\\u0000b"', 'postgres')).toMatchObject({ sql: '(("anchor" COLLATE "C") <= CAST($1 AS text))', params: ['a'] });
    expect(sql('anchor in ("a\\u0000", "b")', 'postgres').sql).toBe('(("anchor" IS NULL AND NULL) OR (("anchor" COLLATE "C") = CAST($1 AS text)))');
    expect(sql('anchor = "a\\u0000b"', 'duckdb').params).toEqual(['a\u0000b']);
  });
});

describe('toSql: sources', () => {
  it('gives the same SQL for text, the AST and where JSON (object or text)', () => {
    const text = 'DR >= 50 and not (anchor icontains "seo") and any(languages) in ("en", "de")';
    const compiled = compile(text);
    for (const d of DIALECTS) {
      const expected = sql(text, d).sql;
      expect(sql(compiled.ast, d).sql).toBe(expected);
      expect(sql(compiled.where, d).sql).toBe(expected);
      expect(sql(compiled.json, d).sql).toBe(expected);
    }
  });

  it('reports compile\'s diagnostics, with ranges for text and paths for JSON', () => {
    const text = toSql('domain_ratng_source > 5', { dialect: 'duckdb' });
    expect(text).toMatchObject({ ok: false, sql: undefined, params: [] });
    expect(text.diagnostics.map((d) => d.code)).toEqual(compile('domain_ratng_source > 5').diagnostics.map((d) => d.code));
    const json = toSql({ field: 'anchor', is: ['gt', 5] }, { dialect: 'postgres' });
    expect(json.ok).toBe(false);
    expect(json.diagnostics[0]!.path).toBe('/is/1');
    expect(toSql('{"field": ', { dialect: 'duckdb' }).diagnostics[0]!.code).toBe('json-syntax');
  });

  it('never throws, whatever the source', () => {
    for (const source of [undefined, null, 42, [], {}, { kind: 'nope' }, '', 'and and', '{}', Symbol('x')]) {
      for (const d of DIALECTS) {
        const r = toSql(source as never, { dialect: d });
        expect(r.ok, String(source?.toString())).toBe(false);
        expect(r.diagnostics.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('toSql: dialect diagnostics', () => {
  it('refuses filter-only columns, at their range', () => {
    const r = toSql('DR > 5 and is_homepage_link', { dialect: 'duckdb' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([{ code: 'sql-filter-only-column', severity: 'error', range: { start: { offset: 11 } } }]);
  });

  it('refuses fields inside object columns, which the table keeps as JSON', () => {
    const r = toSql('intents.informational = true', { dialect: 'postgres', catalogue: getCatalogue('keywords-explorer/overview')! });
    expect(r.diagnostics.map((d) => d.code)).toContain('sql-untyped-column');
    expect(r.ok).toBe(false);
  });

  it('refuses regexes PostgreSQL cannot express, at the pattern, and only there', () => {
    for (const pattern of ['(?i)seo', '\\pL+', '[\\S]', '(?-s)a.b', '(?m)^a']) {
      const r = toSql(`anchor matches /${pattern}/`, { dialect: 'postgres' });
      expect(r.ok, pattern).toBe(false);
      expect(r.diagnostics, pattern).toMatchObject([{ code: 'sql-regex-unsupported', range: { start: { offset: 15 } } }]);
      expect(toSql(`anchor matches /${pattern}/`, { dialect: 'duckdb' }).ok, pattern).toBe(true);
    }
  });

  it('warns when a case-dependent value holds a letter newer than the engine\'s Unicode tables', () => {
    for (const q of ['anchor icontains "ꟍ"', 'uppercase(anchor) = "Ꟍ"', 'anchor icontains phrase "𐵐"']) {
      const r = toSql(q, { dialect: 'duckdb' });
      expect(r.ok, q).toBe(true);
      expect(r.diagnostics.map((d) => d.code).filter((code) => code.startsWith('sql-')), q).toEqual(['sql-case-divergence']);
      expect(toSql(q, { dialect: 'postgres' }).diagnostics.filter((d) => d.code.startsWith('sql-')), q).toEqual([]);
      expect(toSql(q.replace(/"[^"]*"$/, '"Straße İ ﬁ ΣΟΦΟΣ"'), { dialect: 'duckdb' }).diagnostics.filter((x) => x.code.startsWith('sql-')), q).toEqual([]);
    }
  });
});

describe('toSql: options', () => {
  const bad: readonly [string, unknown][] = [
    ['no options', undefined],
    ['an unknown dialect', { dialect: 'mysql' }],
    ['no dialect', {}],
    ['a params style no client of PostgreSQL binds', { dialect: 'postgres', params: 'named' }],
    ['a params style no client of ClickHouse binds', { dialect: 'clickhouse', params: 'positional' }],
    ['an unknown params style', { dialect: 'duckdb', params: '?' }],
    ['an empty table name', { dialect: 'duckdb', table: '' }],
    ['a table name with U+0000', { dialect: 'postgres', table: 'a\u0000b' }],
    ['an empty list of table parts', { dialect: 'postgres', table: [] }],
    ['a table that is a number', { dialect: 'postgres', table: 5 }],
    ['columns that is an array', { dialect: 'duckdb', columns: ['anchor'] }],
    ['a column mapped to a number', { dialect: 'duckdb', columns: { anchor: 5 } }],
    ['a column mapped to an empty name', { dialect: 'duckdb', columns: { anchor: '' } }],
    ['a bad limit', { dialect: 'duckdb', maxDepth: -1 }],
    ['an unknown catalogue', { dialect: 'duckdb', catalogue: 'site-explorer/nope' }],
  ];
  it.each(bad)('reports %s as a diagnostic, never throwing', (_what, options) => {
    const r = toSql('anchor = "x"', options as never);
    expect(r.ok).toBe(false);
    expect(r.sql).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(['invalid-option', 'unknown-catalogue']).toContain(r.diagnostics[0]!.code);
  });
});

/** The statement with every quoted identifier replaced by ID: what no name may change. */
function skeleton(dialect: SqlDialect, text: string): string {
  const ident = dialect === 'clickhouse' ? /`(?:[^`\\]|\\[\s\S])*`/g : /"(?:[^"]|"")*"/g;
  return text.replace(ident, 'ID');
}

describe('toSql: no identifier or value changes the statement', () => {
  const hostile = fc.oneof(
    fc.constantFrom('"', '`', '\\', "'", '"; DROP TABLE t; --', '`) OR 1=1 --', 'a\\`b', '\\"', '""', '``', '\n', '/*', '*/', '$1', '{p1:String}', '?'),
    fc.string({ unit: fc.constantFrom('"', '`', '\\', "'", ';', '-', '/', '*', ' ', '\n', 'a', 'é', '😀', '$', '{', '}', ':', '?'), minLength: 1, maxLength: 12 }),
  );
  const FILTER = 'anchor = "x" and DR > 5 and any(languages) icontains "en" and uppercase(title) starts with "A" and first_seen > 2024-01-01';

  it.each(DIALECTS)('%s: hostile column and table names keep the shape', (dialect) => {
    const plain = sql(FILTER, dialect, { table: ['t', 'x'], columns: { anchor: 'a', title: 'b', languages: 'c' } }).sql!;
    fc.assert(fc.property(hostile, hostile, hostile, hostile, (a, b, c, t) => {
      const r = toSql(FILTER, { dialect, table: [t, 'x'], columns: { anchor: a, title: b, languages: c } });
      expect(r.ok).toBe(true);
      expect(skeleton(dialect, r.sql!)).toBe(skeleton(dialect, plain));
    }), { seed: 1010, numRuns: 300 });
  });

  it.each(DIALECTS)('%s: values are never spliced, so any value gives the same statement', (dialect) => {
    const shape = (v: string) => `anchor = "${v}" or title contains "${v}" or any(languages) ends with "${v}" or title < "${v}" or url_from icontains "${v}"`;
    const plain = sql(shape('x'), dialect).sql;
    const value = fc.string({ unit: fc.constantFrom('"', "'", '`', '\\', ';', '%', '_', '$', '{', '}', '-', '\n', 'a', 'ß', '😀'), maxLength: 10 });
    fc.assert(fc.property(value, (v) => {
      const escaped = v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
      const r = toSql(shape(escaped), { dialect });
      // The checker's own warnings (an empty value, …) are not the emitter's concern here.
      expect(r.diagnostics.filter((d) => d.code.startsWith('sql-'))).toEqual([]);
      expect(r.sql).toBe(plain);
      expect(Object.values(r.params)).toContain(v);
    }), { seed: 2020, numRuns: 200 });
  });
});
