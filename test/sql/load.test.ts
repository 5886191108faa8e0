/**
 * The loaders against the real engines: rows in, rows read back, values as
 * the predicate reads them (spec §4): numbers, strings with every trap,
 * NULLs and absent columns, NULL elements, datetimes as UTC instants (and
 * NULL when not in a spec form), JSON columns. ClickHouse's NULL array is
 * the documented divergence: it reads back as [].
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCatalogue } from '../../src/catalogue/index.js';
import { createTableSql, quoteIdentifier, type SqlDialect } from '../../src/emit/sql/ddl.js';
import { clickhouseInsertRowsSql } from '../../src/emit/sql/load.js';
import { parseInstant } from '../../src/vocabulary/dates.js';
import { START, type Engine } from './engines/index.js';

const catalogue = defineCatalogue({
  name: 'test/load',
  columns: {
    id: { type: 'integer', nullable: false },
    n: { type: 'integer', nullable: true },
    f: { type: 'float', nullable: true },
    s: { type: 'string', nullable: true },
    e: { type: 'string', enum: ['a', 'b'], nullable: true },
    b: { type: 'boolean', nullable: true },
    t: { type: 'datetime', nullable: true },
    d: { type: 'date', nullable: true },
    tags: { type: 'array(string)', nullable: true },
    nums: { type: 'array(integer)', nullable: false },
    kinds: { type: 'array(string)', enum: ['x', 'y'], nullable: false },
    o: { type: 'object', nullable: true },
    odd: { type: 'string', nullable: true },
    hidden: { type: 'boolean', nullable: false, returned: false },
  },
});

const ODD = 'odd "name`\\\' --';
const STRINGS = ['', 'a%b_c\\d', "it's", 'line\nbreak', 'ß', 'İstanbul', '😀', 'ΟΔΟΣ', 'tab\there'];
const DATES: [string, number | null][] = [
  ['2024-01-01', Date.UTC(2024, 0, 1)],
  ['2024-01-01T10:00', Date.UTC(2024, 0, 1, 10)],
  ['2024-01-01T10:00+05:30', Date.UTC(2024, 0, 1, 4, 30)],
  ['2024-01-01T10:00:05.1239Z', Date.UTC(2024, 0, 1, 10, 0, 5, 123)],
  ['2024-01-01T10:00:05.120-14:00', Date.UTC(2024, 0, 2, 0, 0, 5, 120)],
  ['2024-01-01 10:00:00', Date.UTC(2024, 0, 1, 10)],
  ['1900-01-01T00:00:00Z', Date.UTC(1900, 0, 1)],
  ['2024-02-30', null],
  ['2024-1-1', null],
  ['2024-01-01t10:00', null],
  ['not a date', null],
];

function rows(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < DATES.length; i++) {
    const s = STRINGS[i % STRINGS.length]!;
    out.push({
      id: i,
      n: i % 3 === 0 ? null : i === 1 ? Number.MAX_SAFE_INTEGER : -i,
      f: i % 4 === 0 ? null : [0.5, 5e-324, 1.7976931348623157e308, -2.5][i % 4],
      s,
      e: i % 3 === 0 ? 'a' : i % 3 === 1 ? null : 'b',
      b: i % 3 === 0 ? true : i % 3 === 1 ? false : null,
      t: DATES[i]![0],
      d: i % 2 === 0 ? DATES[i]![0] : null,
      ...(i % 4 === 3 ? {} : { tags: i % 4 === 0 ? null : i % 4 === 1 ? [] : [s, null, 'x'] }),
      nums: i % 2 === 0 ? [] : [i, null, -i],
      kinds: ['x', null, 'y'].slice(0, i % 4),
      o: i % 2 === 0 ? null : { informational: true, a: [1, 'two'] },
      odd: s,
    });
  }
  return out;
}

/** SQL that reads every column back as JSON-comparable values. */
function readBack(dialect: SqlDialect): string {
  const q = (n: string) => quoteIdentifier(dialect, n);
  const ms = (c: string) =>
    dialect === 'duckdb' ? `epoch_ms(${q(c)})` : dialect === 'postgres' ? `(extract(epoch from ${q(c)}) * 1000)::bigint` : `toUnixTimestamp64Milli(${q(c)})`;
  const text = (c: string) => (dialect === 'clickhouse' ? q(c) : `${q(c)}::text`);
  const cols = ['id', 'n', 'f', 's', 'e', 'b', 'tags', 'nums', 'kinds'].map((c) => `${q(c)} AS ${q(c)}`);
  return `SELECT ${cols.join(', ')}, ${ms('t')} AS t, ${ms('d')} AS d, ${text('o')} AS o, ${q(ODD)} AS odd FROM ${q('loaded')} ORDER BY ${q('id')}`;
}

const asNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));

for (const dialect of ['duckdb', 'postgres', 'clickhouse'] as const) {
  describe(`loader into ${dialect}`, () => {
    let engine: Engine;
    let back: Record<string, unknown>[];
    const input = rows();
    beforeAll(async () => {
      engine = await START[dialect]();
      // A hostile table column name, through the columns mapping: quoted, never spliced.
      await engine.load(catalogue, input, { table: 'loaded', columns: { odd: ODD } });
      back = await engine.query(readBack(dialect));
    }, 60_000);
    afterAll(async () => engine?.close());

    it('loads every row, in a table without the filter-only column', async () => {
      expect(back.map((r) => Number(r.id))).toEqual(input.map((r) => r.id));
      const columns = dialect === 'clickhouse'
        ? "SELECT name AS c FROM system.columns WHERE table = 'loaded'"
        : "SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'loaded'";
      const names = (await engine.query(columns)).map((r) => r.c);
      expect(names).toContain(ODD);
      expect(names).not.toContain('hidden');
      
    });

    it('keeps numbers, strings (with %, _, \\, quotes, newlines, Unicode) and NULLs', () => {
      back.forEach((r, i) => {
        const row = input[i]!;
        expect(asNumber(r.n), `n of row ${i}`).toBe(row.n);
        expect(asNumber(r.f), `f of row ${i}`).toBe(row.f);
        expect(r.s).toBe(row.s);
        expect(r.e ?? null).toBe(row.e);
        expect(r.b === null || r.b === undefined ? null : r.b === true || r.b === 1 || r.b === 't').toBe(row.b);
        expect(r.odd).toBe(row.odd);
      });
    });

    it('stores datetimes and dates as UTC instants, NULL when not a spec §4 form', () => {
      back.forEach((r, i) => {
        expect(asNumber(r.t), `t = ${String(input[i]!.t)}`).toBe(DATES[i]![1]);
        expect(asNumber(r.t)).toBe(parseInstant(String(input[i]!.t)));
        expect(asNumber(r.d)).toBe(i % 2 === 0 ? DATES[i]![1] : null);
      });
    });

    it('keeps arrays with their NULL elements; a NULL or absent array is NULL, except in ClickHouse ([])', () => {
      const list = (v: unknown) => (typeof v === 'string' ? JSON.parse(v.replace(/^\{/, '[').replace(/\}$/, ']')) : v);
      back.forEach((r, i) => {
        const row = input[i]!;
        const tags = row.tags === undefined ? null : row.tags;
        if (dialect === 'postgres') {
          // node-postgres style: text[] arrives as a JS array
          expect(r.tags).toEqual(tags);
        } else {
          expect(list(r.tags)).toEqual(dialect === 'clickhouse' && tags === null ? [] : tags);
        }
        expect((list(r.nums) as unknown[]).map(asNumber)).toEqual(row.nums);
        expect(list(r.kinds)).toEqual(row.kinds);
      });
    });

    // JavaScript strings may hold a lone surrogate (JSON.stringify writes it as \ud800); UTF-8 text cannot.
    it('a lone surrogate: DuckDB and ClickHouse refuse the whole file, PostgreSQL (PGlite) stores U+FFFD', async () => {
      const lone = [{ id: 1, nums: [], kinds: [], s: 'a\ud800b' }, { id: 2, nums: [], kinds: [], s: '\udfff' }];
      const loading = engine.load(catalogue, lone, { table: 'lone' });
      if (dialect === 'postgres') {
        await loading;
        expect((await engine.query('SELECT s FROM lone ORDER BY id')).map((r) => r.s)).toEqual(['a\ufffdb', '\ufffd']);
      } else {
        await expect(loading).rejects.toThrow(dialect === 'duckdb' ? /no low surrogate/ : /surrogate pair/);
      }
    });

    it('keeps objects as JSON', () => {
      back.forEach((r, i) => {
        const o = input[i]!.o;
        expect(r.o === null || r.o === undefined ? null : JSON.parse(String(r.o))).toEqual(o);
      });
    });
  });
}

describe('ClickHouse inline loader (format(JSONEachRow, …))', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await START.clickhouse();
  }, 60_000);
  afterAll(async () => engine?.close());

  it('loads the same table as the file loader', async () => {
    const input = rows();
    await engine.load(catalogue, input, { table: 'loaded', columns: { odd: ODD } });
    await engine.exec(createTableSql(catalogue, { dialect: 'clickhouse', table: 'inline', columns: { odd: ODD } }).sql);
    const jsonLines = input.map((r) => JSON.stringify(r)).join('\n');
    await engine.exec(clickhouseInsertRowsSql(catalogue, jsonLines, { dialect: 'clickhouse', table: 'inline', columns: { odd: ODD } }).sql);
    const file = await engine.query(readBack('clickhouse'));
    const inline = await engine.query(readBack('clickhouse').replace("FROM `loaded`", 'FROM `inline`'));
    expect(inline).toEqual(file);
    expect(inline.length).toBe(input.length);
  });

  it('refuses a NOT NULL column that a row lacks, instead of storing a default', async () => {
    await engine.exec(createTableSql(catalogue, { dialect: 'clickhouse', table: 'strict' }).sql);
    const sql = clickhouseInsertRowsSql(catalogue, JSON.stringify({ n: 1 }), { dialect: 'clickhouse', table: 'strict' }).sql;
    await expect(engine.exec(sql)).rejects.toThrow(/NOT NULL/);
  });
});

