/** The public entry points: predicate, evaluate, explain, CompileError, and `evaluate` against the reference. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompileError, evaluate, explain, predicate, PREDICATE_CACHE_CHARS } from '../../src/api/predicate.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { defineCatalogue } from '../../src/catalogue/define.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { renderExplanation } from '../../src/emit/explain.js';
import { filterTree, row } from '../support/predicate-arbitraries.js';
import { whereOf } from '../support/predicate-harness.js';
import { referenceEvaluate } from '../support/reference-interpreter.js';

describe('predicate / evaluate / explain', () => {
  it('compiles text into a row test with 3VL', () => {
    const keep = predicate('domain_rating_source >= 50 and not is_spam');
    expect(keep({ domain_rating_source: 72, is_spam: false })).toBe(true);
    expect(keep({ domain_rating_source: null, is_spam: false })).toBe(false);
    expect(evaluate('domain_rating_source >= 50 and not is_spam', { domain_rating_source: null, is_spam: false })).toBeNull();
    expect(evaluate('alt is null or alt contains "x"', { alt: null })).toBe(true);
  });

  it('resolves aliases to API names', () => {
    expect(evaluate('DR >= 50', { domain_rating_source: 60 })).toBe(true);
  });

  it('uses the catalogue regex dialect', () => {
    const catalogue = getCatalogue('keywords-explorer/overview')!;
    const where = whereOf({ kind: 'condition', field: { name: 'keyword' }, test: { kind: 'compare', op: 'regex', value: { kind: 'regex', value: 'best*tools' } } }, catalogue);
    expect(referenceEvaluate(where, { keyword: 'best seo tools' }, catalogue)).toBe(true);
    expect(evaluate({ kind: 'condition', field: { name: 'keyword' }, test: { kind: 'compare', op: 'regex', value: { kind: 'regex', value: 'best*tools' } } }, { keyword: 'best seo tools' }, { catalogue })).toBe(true);
  });

  it('throws CompileError with diagnostics on errors', () => {
    let error: unknown;
    try {
      predicate('domain_ratng_source >= 50');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompileError);
    expect(error).toBeInstanceOf(Error);
    const ce = error as CompileError;
    expect(ce.diagnostics.some((d) => d.code === 'unknown-column')).toBe(true);
    expect(ce.message).toContain('unknown-column');
    expect(() => evaluate('', {})).toThrow(CompileError);
    expect(() => explain('DR >= ', {})).toThrow(CompileError);
  });

  it('rejects filter-only columns with filter-only-column and their range', () => {
    for (const column of ['is_homepage_link', 'is_non_html', 'len_url_redirect', 'positions_source_domain']) {
      const text = column.startsWith('is_') ? `DR > 1 and ${column}` : `DR > 1 and ${column} > 1`;
      let error: CompileError | undefined;
      try {
        predicate(text);
      } catch (e) {
        error = e as CompileError;
      }
      const d = error?.diagnostics.find((x) => x.code === 'filter-only-column');
      expect(d, column).toBeDefined();
      expect(d!.message).toContain(column);
      expect(d!.message).toMatch(/never returns it in rows/);
      expect(d!.range?.start.offset).toBe(text.indexOf(column));
      expect(() => evaluate(text, {})).toThrow(CompileError);
    }
  });

  it('caches string sources without mixing catalogues', () => {
    const text = 'anchor matches /a*b/';
    expect(evaluate(text, { anchor: 'b' })).toBe(true); // RE2: a* then b
    expect(evaluate(text, { anchor: 'b' })).toBe(true);
    expect(predicate(text)).toBe(predicate(text));
  });

  it('bounds the cache by the summed length of its texts, not by a count', () => {
    const small = (i: number) => `traffic >= ${i}`;
    for (let i = 0; i < 200; i++) predicate(small(i)); // far more than 64 small texts: all kept
    const kept = predicate(small(0));
    for (let i = 1; i < 200; i++) expect(predicate(small(i))).toBe(predicate(small(i)));
    expect(predicate(small(0))).toBe(kept);
    // Texts that together pass the budget push the oldest out; one longer than the budget is never kept.
    const big = (i: number) => `${'traffic >= 1 or '.repeat(Math.ceil(PREDICATE_CACHE_CHARS / 16 / 3))}traffic >= ${i}`;
    const options = { maxLength: 4 * PREDICATE_CACHE_CHARS, maxListLength: 1_000_000 };
    for (let i = 0; i < 4; i++) predicate(big(i), options);
    expect(predicate(small(0))).not.toBe(kept);
    const huge = `${'traffic >= 1 or '.repeat(Math.ceil(PREDICATE_CACHE_CHARS / 16) + 1)}traffic >= 0`;
    expect(predicate(huge, options)).not.toBe(predicate(huge, options));
  });

  it('past the budget, drops the oldest texts down to three quarters of it in one pass', () => {
    // A catalogue of its own: the cache is per catalogue, so no other test's texts count here.
    const catalogue = defineCatalogue({ name: 'cache-test', columns: { traffic: { type: 'integer', nullable: false } } });
    const options = { catalogue, maxLength: 10_000 };
    const text = (i: number) => `traffic >= ${String(i).padStart(6, '0')} or ${'traffic >= 1 or '.repeat(60)}traffic >= 2`;
    const n = Math.ceil(PREDICATE_CACHE_CHARS / text(0).length) + 1; // the last one passes the budget
    const built = Array.from({ length: n }, (_, i) => predicate(text(i), options));
    // Hits first (they only move an entry to the recent end), then the misses.
    expect(predicate(text(n - 1), options)).toBe(built[n - 1]);
    expect(predicate(text(Math.floor(n / 2)), options)).toBe(built[Math.floor(n / 2)]);
    expect(predicate(text(Math.floor(n / 5)), options)).not.toBe(built[Math.floor(n / 5)]);
    expect(predicate(text(0), options)).not.toBe(built[0]);
  });

  it('explains a row', () => {
    const e = explain('DR >= 50 and (alt is null or any(languages) = "en")', { domain_rating_source: 60, alt: 'x', languages: ['de'] });
    expect(e.value).toBe(false);
    expect(e.matches).toBe(false);
    expect(renderExplanation(e)).toMatch(/^no match \(false\)\n✗ and\n {2}✓ domain_rating_source >= 50 {4}← 60/);
  });
});

describe('evaluate vs reference interpreter', () => {
  it('agree on random filter trees (checked by the real checker)', () => {
    fc.assert(
      fc.property(filterTree, fc.array(row, { minLength: 1, maxLength: 4 }), (filter, rows) => {
        const where = whereOf(filter);
        for (const r of rows) expect(evaluate(filter, r)).toBe(referenceEvaluate(where, r, allBacklinks));
      }),
      { seed: 424242, numRuns: 600 },
    );
  });
});
