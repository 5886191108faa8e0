/**
 * The RE2 spelling of user regexes for DuckDB and ClickHouse (regex-re2.ts):
 * ClickHouse's grouping of quantified non-ASCII literals, kept to re2js's
 * meaning and confirmed on chdb itself, and the detection of patterns that
 * read the engines' (older) Unicode tables.
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBacklinks } from '../../src/catalogue/index.js';
import { clickhouseRegex, unicodeDependence } from '../../src/emit/sql/regex-re2.js';
import { predicate } from '../../src/index.js';
import { toSql } from '../../src/sql.js';
import { withRowId } from './differential-harness.js';
import { ROW_ID, START, type Engine } from './engines/index.js';

const re2 = (pattern: string, text: string) => RE2JS.compile(pattern, RE2JS.DOTALL).matcher(text).find();

describe('clickhouseRegex: a quantified non-ASCII literal gets its own group', () => {
  it.each([
    // the findings' patterns
    ['x😀{0,2}a', 'x(?:😀){0,2}a'],
    ['😀?\\pL', '(?:😀)?\\pL'],
    ['.{1,3}ß*?😀*?', '.{1,3}(?:ß)*?(?:😀)*?'],
    ['(?-s)😀*[0-9]*?\\b{1,3}\\d{1,3}$', '(?-s)(?:😀)*[0-9]*?\\b{1,3}\\d{1,3}$'],
    // every quantifier, lazy or not, 2-, 3- and 4-byte characters
    ['a中+b', 'a(?:中)+b'], ['é{2}', '(?:é){2}'], ['é{2,}?', '(?:é){2,}?'], ['x😀??', 'x(?:😀)??'],
    // inside groups: capturing, named, flag groups, alternatives
    ['(a中+)', '(a(?:中)+)'], ['(?P<n>😀*)', '(?P<n>(?:😀)*)'], ['(?i:ß?)', '(?i:(?:ß)?)'], ['a|ß*|b', 'a|(?:ß)*|b'],
    // only the last character of a run is quantified
    ['aßc😀?', 'aßc(?:😀)?'],
    // a combining mark is a character of its own
    ['e\u0301?', 'e(?:\u0301)?'],
    // escapes that stand for a non-ASCII character; ASCII ones stay
    ['\\x{1F600}?', '(?:\\x{1F600})?'], ['\\xE9*', '(?:\\xE9)*'], ['\\377+', '(?:\\377)+'], ['\\x41?\\.😀+', '\\x41?\\.(?:😀)+'],
    // \Q…\E: its last character is what a quantifier repeats
    ['\\Qa.😀\\E?', '\\Qa.\\E(?:😀)?'], ['\\Q😀\\E*', '(?:😀)*'], ['\\Qa😀\\Eb?', '\\Qa\\E😀b?'],
  ])('%s → %s', (pattern, expected) => {
    expect(clickhouseRegex(pattern)).toBe(expected);
  });

  it.each([
    'abc+', '(?i)x*', '[😀ß]?[^中]*', '[]😀]?', '[^]中]+', '[😀-😂]{2}', '[\\x{1F600}]?', '(ß)?', '(?:😀)?', '😀{a', '😀{,2}', '😀', '\\Qab\\E*', '\\pL+\\p{Greek}?',
    '[[:alpha:]ß]+', '\\\\ß', 'ß\\b?',
  ])('leaves %s as it is', (pattern) => {
    // `ß\b?`: the quantifier repeats the assertion, not the letter.
    expect(clickhouseRegex(pattern)).toBe(pattern);
  });

  it('keeps every match of re2js (random patterns, fixed seed)', () => {
    fc.assert(fc.property(pattern, fc.array(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 4 }), (p, texts) => {
      const wrapped = clickhouseRegex(p);
      for (const t of texts) expect(re2(wrapped, t), `${p} → ${wrapped} on ${JSON.stringify(t)}`).toBe(re2(p, t));
    }), { seed: 1010, numRuns: 400 });
  });
});

/** Pieces of patterns: literals of 1 to 4 bytes, escapes, classes, quoted text, groups, with quantifiers. */
const ATOMS = ['a', 'b', 'ß', 'é', '中', '😀', '\\x{1F600}', '\\xE9', '\\.', '[😀a]', '[^ß]', '\\Qa😀\\E', '\\Qß\\E', '.', '\\d', '\\b'];
const QUANTIFIERS = ['', '', '?', '*', '+', '{0,2}', '{2}', '??', '*?', '{1,}?'];
const pattern: fc.Arbitrary<string> = fc.letrec<{ seq: string; item: string }>((tie) => ({
  item: fc.tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ATOMS) }, { weight: 1, arbitrary: tie('seq').map((s) => `(?:${s})`) }, { weight: 1, arbitrary: tie('seq').map((s) => `(${s}|ß)`) }),
    fc.constantFrom(...QUANTIFIERS),
  ).map(([atom, q]) => `${atom}${q}`),
  seq: fc.array(tie('item'), { minLength: 1, maxLength: 4 }).map((items) => items.join('')),
})).seq;
const TEXTS = ['', 'a', 'xa', 'ab', 'ß', 'éé', '中中a', '😀', 'a😀😀b', 'ß.😀', 'a.b', '42', 'x😀ab', 'b😀é中'];

describe('clickhouseRegex on ClickHouse itself (chdb)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await START.clickhouse();
  }, 60_000);
  afterAll(async () => engine?.close());

  const match = async (cases: readonly (readonly [string, string])[]): Promise<boolean[]> => {
    const params: Record<string, string> = {};
    const columns = cases.map(([p, t], i) => {
      params[`p${i}`] = p;
      params[`t${i}`] = t;
      return `match({t${i}:String}, {p${i}:String}) AS m${i}`;
    });
    const [row] = await engine.query(`SELECT ${columns.join(', ')}`, params);
    return cases.map((_, i) => Number(row![`m${i}`]) === 1);
  };

  it('the unwrapped findings differ from RE2 there, the wrapped ones do not', async () => {
    const cases = [['x😀{0,2}a', 'xa'], ['😀?\\pL', 'ßSEOß'], ['.{1,3}ß*?😀*?', 'É'], ['x中?a', 'xa'], ['(?-s)😀*[0-9]*?\\b{1,3}\\d{1,3}$', '42']] as const;
    expect(await match(cases)).toEqual(cases.map(() => false));
    expect(await match(cases.map(([p, t]) => [clickhouseRegex(p), t] as const))).toEqual(cases.map(() => true));
  });

  it('matches as re2js does on random wrapped patterns (fixed seed)', async () => {
    const patterns = fc.sample(pattern, { numRuns: 150, seed: 2020 });
    const cases = patterns.flatMap((p) => TEXTS.map((t) => [clickhouseRegex(p), t, p] as const));
    for (let start = 0; start < cases.length; start += 300) {
      const batch = cases.slice(start, start + 300);
      const got = await match(batch.map(([w, t]) => [w, t] as const));
      batch.forEach(([w, t, p], i) => expect(got[i], `${p} → ${w} on ${JSON.stringify(t)}`).toBe(re2(p, t)));
    }
  });
});

describe('unicodeDependence: where a pattern reads the Unicode tables', () => {
  it.each([
    ['\\pL', 0, '\\pL'], ['a\\p{Greek}', 1, '\\p{Greek}'], ['[a\\PN]', 2, '\\PN'], ['\\p{^L}+', 0, '\\p{^L}'], ['(?-s)\\pL{1,3}', 5, '\\pL'],
    ['(?i)ɤ', 4, 'case folding of "ɤ" (U+0264)'], ['(?i)a\\x{A7CB}', 5, 'case folding of "Ɤ" (U+A7CB)'], ['(?i)[a-ÿ]', 7, 'case folding of "ÿ" (U+00FF)'],
    ['(?i)\\Qaß\\E', 7, 'case folding of "ß" (U+00DF)'], ['(?i:x(ß))', 6, 'case folding of "ß" (U+00DF)'], ['(?i)[😀]', 5, 'case folding of "😀" (U+1F600)'],
  ])('%s: at %i, %s', (p, offset, feature) => {
    expect(unicodeDependence(p)).toEqual({ offset, feature });
  });

  it.each([
    'ß😀', '(?i)abc[a-z]\\w\\d\\s\\b', '(?i:a)ß', '(a(?i)b)ß', '(?i)a(?-i)ß', '(?i)[[:alpha:]]', '[[:^alpha:]ß]', '\\\\pL', '[\\\\p]', '\\Q\\pL\\E', '(?i)\\x41',
  ])('%s reads none', (p) => {
    expect(unicodeDependence(p)).toBeUndefined();
  });
});

const sqlCodes = (q: unknown, dialect: 'duckdb' | 'clickhouse' | 'postgres') =>
  toSql(q as string, { dialect }).diagnostics.filter((d) => d.code.startsWith('sql-')).map((d) => d.code);

describe('toSql: the RE2 spelling of user regexes', () => {
  it('groups quantified non-ASCII literals for ClickHouse only', () => {
    expect(toSql('anchor matches /x😀{0,2}a/', { dialect: 'clickhouse' }).params).toEqual({ p1: 'x(?:😀){0,2}a' });
    expect(toSql('anchor matches /x😀{0,2}a/', { dialect: 'duckdb' }).params).toEqual(['x😀{0,2}a']);
    // in every position a regex can take: under not, in a quantifier, next to other tests
    const r = toSql('not (any(languages) matches /é+/ and title matches /中?/)', { dialect: 'clickhouse' });
    expect(Object.values(r.params)).toEqual(['(?:é)+', '(?:中)?']);
  });

  it('warns on DuckDB and ClickHouse when a regex reads their Unicode tables, with its range or path', () => {
    for (const q of ['snippet_right matches /(?-s)\\pL{1,3}/', 'title matches /[\\p{Greek}]/', 'title matches /(?i)ɤ/', 'any(languages) matches /\\PN/']) {
      for (const dialect of ['duckdb', 'clickhouse'] as const) {
        const r = toSql(q, { dialect });
        expect(r.ok, `${dialect}: ${q}`).toBe(true);
        expect(r.diagnostics.filter((d) => d.code.startsWith('sql-')), `${dialect}: ${q}`).toMatchObject([
          { code: 'sql-regex-unicode-divergence', severity: 'warning', range: { start: { offset: q.indexOf('/') } } },
        ]);
      }
      // PostgreSQL refuses these patterns instead (sql-regex-unsupported).
      expect(sqlCodes(q, 'postgres'), q).toEqual(['sql-regex-unsupported']);
    }
    const json = toSql({ field: 'title', is: ['regex', '\\pL'] }, { dialect: 'duckdb' });
    expect(json.diagnostics.find((d) => d.code === 'sql-regex-unicode-divergence')?.path).toBe('/is/1');
  });

  it('does not warn for ASCII classes, case folding of ASCII, or phrases (spelled as exact ranges)', () => {
    for (const q of ['title matches /(?i)seo\\w+\\d[[:alpha:]]/', 'title matches /ß😀*/', 'title contains phrase "ß 𔊊"', 'title icontains phrase "link"']) {
      expect(sqlCodes(q, 'duckdb'), q).toEqual([]);
      expect(sqlCodes(q, 'clickhouse'), q).toEqual([]);
    }
  });
});

/**
 * The divergence itself, and its absence where the emitter spells the class
 * as ranges: rows holding a letter of Unicode 16 (U+1428A) and a case pair
 * added there (U+A7CB Ɤ / U+0264 ɤ).
 */
const ROWS = [
  { title: '\u{1428A}', snippet_right: '\u{1428A}\u{EED87}' },
  { title: '\u{A7CB}', snippet_right: 'ɤ' },
  { title: 'a\u{1428A}', snippet_right: 'a b' },
  { title: 'a b', snippet_right: 'b\u{1428A}a' },
].map((r, i) => ({ [ROW_ID]: i, ...r }));

async function selected(engine: Engine, filter: string): Promise<{ ids: number[]; codes: string[] }> {
  const r = toSql(filter, { dialect: engine.dialect, catalogue: allBacklinks });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const rows = await engine.query(`SELECT ${ROW_ID} AS id FROM u WHERE ${r.sql} ORDER BY id`, r.params as never);
  return { ids: rows.map((x) => Number(x.id)), codes: r.diagnostics.map((d) => d.code).filter((c) => c.startsWith('sql-')) };
}

const expected = (filter: string) => {
  const keep = predicate(filter, { catalogue: allBacklinks });
  return ROWS.filter((r) => keep(r)).map((r) => r[ROW_ID]);
};

for (const dialect of ['duckdb', 'clickhouse'] as const) {
  describe(`${dialect}: Unicode tables newer in JavaScript than in the engine`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await START[dialect]();
      await engine.load(withRowId(allBacklinks), ROWS, { table: 'u', nullable: 'always' });
    }, 60_000);
    afterAll(async () => engine?.close());

    it('a regex reading them differs on such rows, and toSql said so', async () => {
      for (const filter of ['title matches /\\pL/', 'snippet_right not matches /(?-s)\\pL{1,3}/', 'title matches /(?i)ɤ/']) {
        const got = await selected(engine, filter);
        expect(got.codes, filter).toEqual(['sql-regex-unicode-divergence']);
        expect(got.ids, filter).not.toEqual(expected(filter));
      }
    });

    it('phrases, spelled with JavaScript\'s ranges, select exactly the predicate\'s rows', async () => {
      for (const filter of ['title contains phrase "a"', 'snippet_right contains phrase "a"', 'snippet_right contains phrase "b"', 'title icontains phrase "A B"', 'not (title contains phrase "a")']) {
        const got = await selected(engine, filter);
        expect(got.codes, filter).toEqual([]);
        expect(got.ids, filter).toEqual(expected(filter));
      }
    });
  });
}
