/** simplify(): the rewrites, the sizes, compile(…, { simplify: true }), and bad input. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/api/compile.js';
import { simplify } from '../../src/api/simplify.js';
import { evaluate } from '../../src/api/predicate.js';

describe('simplify', () => {
  it.each([
    ['DR > 50 and DR > 30 and is_dofollow', 'DR > 50 and is_dofollow'],
    ['DR > 50 or DR > 30', 'DR > 30'],
    ['is_dofollow and is_dofollow', 'is_dofollow'],
    ['http_code in (200, 200, 301)', 'http_code in (200, 301)'],
    ['http_code in (200, 200)', 'http_code = 200'],
    ['DR between 3 and 3', 'DR = 3'],
    ['not (DR > 5)', 'DR <= 5'],
    ['not not is_new', 'is_new'],
    ['not is_new', 'is_new = false'],
    ['(is_new and DR > 5) and is_dofollow', 'is_new and DR > 5 and is_dofollow'],
    ['any(languages) = "en" or any(languages) = "de"', 'any(languages) (= "en" or = "de")'],
    ['all(languages) != "en" and all(languages) != "de"', 'all(languages) (!= "en" and != "de")'],
    ['alt = "a" and alt != "b"', 'alt = "a"'],
    ['any(languages) = "en" or is_new or any(languages) = "de"', 'any(languages) (= "en" or = "de") or is_new'],
    ['alt is null or alt is null', 'alt is null'],
    ['uppercase(anchor) in ("seo", "SEO")', 'uppercase(anchor) = "SEO"'],
  ])('%s → %s', (text, expected) => {
    const r = simplify(text);
    expect(r.ok).toBe(true);
    expect(r.text).toBe(expected);
    expect(compile(expected).json).toBe(r.json);
    expect(r.after!.clauses).toBeLessThanOrEqual(r.before!.clauses);
  });

  it.each([
    'alt is not null and alt = "a"', // differs from alt = "a" under not
    'DR > 50 and DR < 10', // never true, but false and unknown differ under not
    'alt >= "a" or alt < "a"', // not the same as alt is not null under not
    'all(languages) = "en" or all(languages) = "de"', // all does not distribute over or
    'DR >= 10 and DR <= 20', // between emits the same two clauses
  ])('keeps what only looks simpler: %s', (text) => {
    expect(simplify(text).text).toBe(text);
  });

  it('the same rows on hand-picked rows, and under not', () => {
    const cases = ['alt = "a" and alt != "b"', 'not (DR > 5)', 'DR > 50 or DR > 30'];
    const rows = [{}, { alt: null }, { alt: 'a' }, { alt: 'b' }, { alt: 5 }, { domain_rating_source: 6 }, { domain_rating_source: 'x' }, { domain_rating_source: 40 }];
    for (const text of cases) {
      const s = simplify(text).text!;
      for (const row of rows) {
        expect(evaluate(s, row)).toBe(evaluate(text, row));
        expect(evaluate(`not (${s})`, row)).toBe(evaluate(`not (${text})`, row));
      }
    }
  });

  it('reports sizes, counts clauses as the URL carries them', () => {
    const r = simplify('DR > 50 and DR > 30 and DR > 10');
    expect(r.before).toEqual({ clauses: 4, jsonLength: compile('DR > 50 and DR > 30 and DR > 10').json!.length });
    expect(r.after).toEqual({ clauses: 1, jsonLength: compile('DR > 50').json!.length });
  });

  it('errors are diagnostics, never a throw', () => {
    expect(simplify('DR >').ok).toBe(false);
    expect(simplify('DR >').diagnostics.length).toBeGreaterThan(0);
    expect(simplify('').diagnostics[0]!.code).toBe('empty-filter');
    expect(simplify(42 as unknown as string).ok).toBe(false);
  });
});

describe('compile(…, { simplify: true })', () => {
  it('emits the simplified filter; the diagnostics are the source\'s', () => {
    const r = compile('DR > 50 and DR > 30', { simplify: true });
    expect(r.json).toBe(compile('DR > 50').json);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['subsumed-condition']);
    expect(compile('DR > 50 and DR > 30').json).not.toBe(r.json);
  });

  it('a simplify option that is not a boolean is invalid-option', () => {
    const r = compile('DR > 5', { simplify: 'yes' } as never);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'invalid-option' });
    expect(r.diagnostics[0]!.message).toContain('simplify');
  });
});
