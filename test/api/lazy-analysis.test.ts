/**
 * `compile` and `toSql` find the static analysis's warnings when
 * `diagnostics` is first read (src/api/analyze.ts, `diagnosticsOnRead`):
 * what is read must be exactly what an eager check gives, in the same order,
 * on every kind of input (text, trees, JSON for SQL), and the field must
 * behave as a plain one (enumerable, stable, serialised, spread).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, compile } from '../../src/api/compile.js';
import { toSql } from '../../src/api/sql.js';
import { filterText } from '../../src/arbitraries/index.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { parse } from '../../src/syntax/index.js';

const SEED = 1202;

/** Filters the analysis has something to say about, beside ones it does not. */
const JUDGED = [
  'DR between 5 and 1',
  'DR > 50 and is_dofollow and DR < 10',
  'uppercase(anchor) = "seo"',
  'DR > 50 and DR > 30',
  'link_type in (text, text) or is_dofollow',
  'not (DR >= 0 or DR < 0)',
  'any(languages) = "en" or any(languages) = "en"',
  'alt is null and alt is not null',
  'DR > 5',
];

describe('static analysis on first read', () => {
  it('compile gives the diagnostics check gives, for hand-picked and generated filters', () => {
    for (const text of JUDGED) expect(compile(text).diagnostics).toEqual(check(text));
    fc.assert(
      fc.property(filterText(allBacklinks, { columns: ['domain_rating_source', 'anchor', 'link_type', 'is_dofollow', 'alt'] }), (text) => {
        expect(compile(text).diagnostics).toEqual(check(text));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the same for trees and for the SQL emitter (text and JSON)', () => {
    for (const text of JUDGED) {
      const document = parse(text).document;
      expect(compile(document.filter!).diagnostics).toEqual(check(document.filter!));
      const eager = check(text).filter((d) => ['never-matches', 'redundant-condition', 'subsumed-condition', 'always-true-where-known'].includes(d.code));
      const sql = toSql(text, { dialect: 'duckdb' });
      for (const d of eager) expect(sql.diagnostics).toContainEqual(d);
      const json = compile(text).json;
      if (json !== undefined) {
        const fromJson = toSql(json, { dialect: 'postgres' }).diagnostics.map((d) => d.code);
        expect(fromJson).toEqual(expect.arrayContaining(eager.map((d) => d.code)));
      }
    }
  });

  it('a read is stable, enumerable, and serialised like a plain field', () => {
    const result = compile('DR between 5 and 1');
    expect(result.ok).toBe(true);
    const first = result.diagnostics;
    expect(first.map((d) => d.code)).toEqual(['never-matches']);
    expect(result.diagnostics).toBe(first);
    expect(Object.keys(result)).toContain('diagnostics');
    expect(JSON.parse(JSON.stringify(result)).diagnostics[0].code).toBe('never-matches');
    expect({ ...result }.diagnostics).toBe(first);
    expect(structuredClone(result).diagnostics[0]!.code).toBe('never-matches');
  });

  it('errors are known at once and leave no analysis to do', () => {
    const result = compile('DR between 5 and 1 and nope > 1');
    expect(result.ok).toBe(false);
    expect(Object.getOwnPropertyDescriptor(result, 'diagnostics')!.get).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unknown-column']);
  });
});
