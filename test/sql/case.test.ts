/**
 * The casing of the SQL back end against DuckDB itself, over every code
 * point up to U+1FFFF: after the emitter's replacements (case.ts),
 * DuckDB's upper and lower case are JavaScript's except on exactly the
 * characters `caseDivergence` names (the case pairs Unicode 16 added, which
 * DuckDB 1.5's tables lack). PostgreSQL's and ClickHouse's casing is proven
 * by the differential suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDivergence, lowerFolded, upperCase } from '../../src/emit/sql/case.js';
import { SPELLINGS } from '../../src/emit/sql/dialects.js';
import { lower } from '../../src/semantics/strings.js';
import { START, type Engine } from './engines/index.js';

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex').toUpperCase();

let engine: Engine;
beforeAll(async () => {
  engine = await START.duckdb();
}, 60_000);
afterAll(async () => engine?.close());

describe('DuckDB casing with the emitter\'s replacements', () => {
  it('is JavaScript\'s on every code point except those caseDivergence names', async () => {
    const s = SPELLINGS.duckdb;
    const rows = await engine.query(
      // As UTF-8 hex, so that no client-side conversion of the text (a byte order mark) can interfere.
      `SELECT i, hex(encode(${upperCase(s, 'c')})) AS u, hex(encode(${lowerFolded(s, 'c')})) AS l FROM (SELECT i, chr(i::INTEGER) AS c FROM range(1, 131072) t(i) WHERE i < 55296 OR i > 57343)`,
    );
    expect(rows.length).toBe(131071 - 2048);
    const differing: number[] = [];
    for (const row of rows) {
      const ch = String.fromCodePoint(Number(row['i']));
      if (row['u'] !== hex(ch.toUpperCase()) || row['l'] !== hex(lower(ch))) differing.push(ch.codePointAt(0)!);
    }
    const flagged = rows.map((r) => Number(r['i'])).filter((cp) => caseDivergence(String.fromCodePoint(cp)) !== undefined);
    expect(differing).toEqual(flagged);
    // The replacements are what makes the rest exact: without them ß, İ and ﬁ would differ.
    const plain = await engine.query(`SELECT upper('ß') AS a, lower('İ') AS b, upper('ﬁ') AS c`);
    expect(plain[0]).not.toEqual({ a: 'SS', b: 'i̇', c: 'FI' });
  }, 120_000);
});
