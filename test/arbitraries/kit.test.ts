/**
 * The kit's other promises: options validated (never clamped), the
 * distribution floor, rows for an outcome, odd row values and overrides,
 * invalid text with its code, non-canonical text with its canonical form,
 * and reports that print trees as filter text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ArbitraryOptionsError, cellFor, filterAst, filterWithRow, invalidTextCase, nonCanonicalText, row, rowFor, rowOutcomes, whereJson,
} from '../../src/arbitraries/index.js';
import { check, compile, decompile, evaluate, format } from '../../src/api/index.js';
import { printFilter } from '../../src/emit/index.js';
import { constructShares } from '../../bench/distribution.js';
import { CATALOGUES, shop } from '../laws/helpers.js';
import { allBacklinks } from '../../src/catalogue/index.js';
import { runs } from '../laws/runs.js';

const named = CATALOGUES.map((c) => [c.name, c] as const);

describe('options', () => {
  const bad: [string, object][] = [
    ['maxDepth', { maxDepth: -1 }], ['maxDepth', { maxDepth: 1.5 }], ['maxOperands', { maxOperands: 0 }], ['maxListValues', { maxListValues: 1 }],
    ['weights', { weights: { contains: 2 } }], ['weights.eq', { weights: { eq: -1 } }], ['weights.in', { weights: { in: Number.NaN } }],
    ['only', { only: [] }], ['only', { only: ['like'] }], ['columns', { columns: ['no_such_column'] }], ['size', { size: 'huge' }],
    ['evaluable', { evaluable: 'yes' }], ['option', { maxdepth: 2 }],
  ];
  it.each(bad)('%s: a wrong value is an ArbitraryOptionsError with invalid-option, not a clamp', (_, options) => {
    let error: unknown;
    try { filterAst(allBacklinks, options as never); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ArbitraryOptionsError);
    expect((error as ArbitraryOptionsError).diagnostics.every((d) => d.code === 'invalid-option')).toBe(true);
  });

  it('a construct no usable column admits is an error when asked for', () => {
    expect(() => filterAst(allBacklinks, { columns: ['domain_rating_source'], only: ['substring'] })).toThrow(ArbitraryOptionsError);
    expect(() => filterAst(allBacklinks, { columns: ['domain_rating_source'], weights: { regex: 5 } })).toThrow(/regex/);
  });

  it('row options are validated too', () => {
    expect(() => row(allBacklinks, { nullRate: 2 })).toThrow(ArbitraryOptionsError);
    expect(() => row(allBacklinks, { overrides: { nope: fc.constant(1) } })).toThrow(/nope/);
    expect(() => rowFor(allBacklinks, { kind: 'condition', field: { name: 'alt' }, test: { kind: 'null' } }, { outcome: 'yes' as never })).toThrow(ArbitraryOptionsError);
  });

  it('a misspelt row option, a filter-only column for rows, a non-boolean text option are errors, not defaults', () => {
    const alt = { kind: 'condition' as const, field: { name: 'alt' }, test: { kind: 'null' as const } };
    expect(() => row(allBacklinks, { nullrate: 0.5 } as never)).toThrow(/Unknown row option "nullrate"/);
    expect(() => cellFor(allBacklinks.columns[0]!, { oddrate: 1 } as never)).toThrow(ArbitraryOptionsError);
    expect(() => filterWithRow(allBacklinks, { row: { absentrate: 0 } as never })).toThrow(/absentrate/);
    expect(() => rowFor(allBacklinks, alt, { outcom: true } as never)).toThrow(/outcom/);
    expect(() => row(allBacklinks, { columns: ['is_homepage_link'] })).toThrow(/filter-only/);
    expect(() => nonCanonicalText(allBacklinks, { aliases: 'yes' as never })).toThrow(/aliases/);
    expect(() => nonCanonicalText(allBacklinks, { comments: 1 as never })).toThrow(/comments/);
  });

  it('only, columns and weights restrict what is generated', () => {
    fc.assert(fc.property(filterAst(allBacklinks, { only: ['prefix', 'between'], columns: ['anchor', 'domain_rating_source', 'url_from'], weights: { any: 0, all: 0, modifier: 0 } }), (f) => {
      const text = printFilter(f);
      expect(text).toMatch(/^(?:.*(?:starts with|between|>=).*)$/s);
      expect(text).not.toMatch(/\b(?:contains|matches|in \(|is null|is empty|any|all)\b/);
    }), runs(100));
    fc.assert(fc.property(filterAst(allBacklinks, { maxOperands: 1, weights: { not: 0 } }), (f) => {
      expect(['condition', 'list']).toContain(f.kind);
    }), runs(50));
  });
});

describe('distribution', () => {
  it.each(named)('on %s every construct appears in at least 5 percent of filters', (_, catalogue) => {
    const shares = constructShares(catalogue, 1000, 42);
    const wanted = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'substring', 'isubstring', 'phrase_match', 'iphrase_match', 'prefix', 'suffix', 'regex',
      'in', 'between', 'empty', 'null', 'any', 'all', 'and', 'or', 'not', ...(catalogue.modifiers.length > 0 ? ['modifier'] : [])];
    const low = wanted.filter((k) => (shares.get(k) ?? 0) < 0.05).map((k) => `${k} ${(shares.get(k) ?? 0) * 100}%`);
    expect(low).toEqual([]);
  }, 60_000);

  it('in lists never repeat a value and are never on booleans; between bounds are in order nine times in ten', () => {
    let between = 0;
    let reversed = 0;
    for (const f of fc.sample(filterAst(allBacklinks, { only: ['in', 'between'], weights: { any: 0, all: 0, modifier: 0 } }), { numRuns: 500, seed: 3 })) {
      const leaves = JSON.stringify(f);
      expect(leaves).not.toMatch(/"kind":"in","values":\[[^\]]*"kind":"boolean"/);
      const visit = (n: unknown): void => {
        if (typeof n !== 'object' || n === null) return;
        const node = n as Record<string, unknown>;
        if (node.kind === 'in') {
          const values = (node.values as { value: unknown }[]).map((v) => JSON.stringify(v.value));
          expect(new Set(values).size).toBe(values.length);
        }
        if (node.kind === 'between') {
          between++;
          const [lo, hi] = [node.low, node.high].map((l) => (l as { value: string | number }).value);
          if (typeof lo === 'number' ? lo > (hi as number) : Date.parse(String(lo)) > Date.parse(String(hi))) reversed++;
        }
        Object.values(node).forEach(visit);
      };
      visit(f);
    }
    expect(between).toBeGreaterThan(50);
    expect(reversed / between).toBeLessThan(0.2);
  });
});

describe.each(named)('rows for an outcome on %s', (_, catalogue) => {
  it('rowFor gives rows with exactly the outcome asked for', () => {
    fc.assert(fc.property(filterAst(catalogue, { evaluable: true, maxDepth: 2 }).chain((f) => {
      const possible = rowOutcomes(catalogue, f);
      return fc.constantFrom(...possible).chain((o) => rowFor(catalogue, f, { outcome: o }).map((r) => [f, r, o] as const));
    }), ([f, r, o]) => {
      expect(evaluate(f, r, { catalogue })).toBe(o);
    }), runs(100));
  }, 60_000);

  it('filterWithRow gives all three outcomes, each about a third of the time', () => {
    const counts = { true: 0, false: 0, null: 0 };
    for (const { outcome } of fc.sample(filterWithRow(catalogue), { numRuns: 300, seed: 5 })) counts[String(outcome) as keyof typeof counts]++;
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(50);
  }, 60_000);

  it('an impossible outcome is an error naming it', () => {
    const column = catalogue.columns.find((c) => c.returned && !c.array && !c.nullable && c.type !== 'object' && c.type !== 'unknown');
    if (!column) return;
    const never = { kind: 'condition' as const, field: { name: column.name }, test: { kind: 'null' as const } };
    expect(rowOutcomes(catalogue, never)).toEqual([true, false]);
    expect(() => rowFor(catalogue, never, { outcome: null })).toThrow(/unknown/);
  });
});

describe('candidates next to a filter\'s values', () => {
  it('an astral literal gets a row value that code-point order and UTF-16 order place on opposite sides', () => {
    const filter = compile('title < "a😀"', { catalogue: shop }).ast!;
    const titles = fc.sample(rowFor(shop, filter, { outcome: true }), { numRuns: 300, seed: 2 }).map((r) => r.title);
    // "a～" (U+FF5E) is below "a😀" (U+1F600) by code point, above it by JavaScript's `<`.
    expect(titles).toContain('a\uFF5E');
    expect('a\uFF5E' < 'a😀').toBe(false);
  });
});

describe('odd row values and overrides', () => {
  it('oddRate brings the values docs/semantics.md defines, and the predicate never throws on them', () => {
    const seen = { nan: false, infinity: false, wrongType: false };
    fc.assert(fc.property(filterAst(shop, { evaluable: true }), row(shop, { oddRate: 0.5 }), (f, r) => {
      for (const v of Object.values(r)) {
        if (Number.isNaN(v)) seen.nan = true;
        if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) seen.infinity = true;
      }
      if (typeof r.price === 'string' || typeof r.on_sale === 'number') seen.wrongType = true;
      expect([true, false, null]).toContain(evaluate(f, r, { catalogue: shop }));
    }), runs(300));
    expect(seen).toEqual({ nan: true, infinity: true, wrongType: true });
  });

  it('with oddRate, filterWithRow puts odd values in the columns the filter names (and only then)', () => {
    const oddIn = (pairs: { filter: Parameters<typeof printFilter>[0]; row: Record<string, unknown> }[]) => pairs.filter(({ filter, row: r }) => {
      const text = printFilter(filter);
      return Object.entries(r).some(([k, v]) => text.includes(k) && (Number.isNaN(v) || (k === 'price' && typeof v !== 'number') || (k === 'title' && typeof v !== 'string')));
    }).length;
    // One condition: its column always takes a candidate of the filter's pool, never the free random row's value.
    const odd = fc.sample(filterWithRow(shop, { maxOperands: 1, row: { oddRate: 0.5 } }), { numRuns: 300, seed: 8 });
    for (const { filter, row: r, outcome } of odd) expect(evaluate(filter, r, { catalogue: shop })).toBe(outcome);
    expect(oddIn(odd)).toBeGreaterThan(10);
    expect(oddIn(fc.sample(filterWithRow(shop), { numRuns: 300, seed: 8 }))).toBe(0);
  });

  it('a per-column override replaces that column only', () => {
    fc.assert(fc.property(row(shop, { overrides: { price: fc.constant(Number.NaN) }, absentRate: 0 }), (r) => {
      expect(r.price).toBeNaN();
      expect(typeof r.title).toBe('string');
    }), runs(50));
  });
});

describe.each(named)('text cases on %s', (_, catalogue) => {
  it('invalidTextCase: the diagnostics include the labelled code', () => {
    fc.assert(fc.property(invalidTextCase(catalogue), ({ text, code }) => {
      expect(check(text, { catalogue }).map((d) => d.code)).toContain(code);
    }), runs(300));
  }, 60_000);

  it('nonCanonicalText formats to its canonical text and compiles to its JSON', () => {
    fc.assert(fc.property(nonCanonicalText(catalogue, { aliases: true, comments: true }), ({ text, canonical, where, formats }) => {
      const compiled = compile(text, { catalogue });
      expect(compiled.diagnostics.filter((d) => d.severity === 'error'), text).toEqual([]);
      expect(compiled.where).toEqual(where);
      expect(decompile(where, { catalogue }).text).toBe(canonical);
      if (formats) expect(format(text)).toBe(canonical);
    }), runs(300));
  }, 60_000);

  it('nonCanonicalText without aliases and comments always formats to the canonical text, and is usually not it', () => {
    let differ = 0;
    fc.assert(fc.property(nonCanonicalText(catalogue), ({ text, canonical, formats }) => {
      expect(formats).toBe(true);
      expect(format(text)).toBe(canonical);
      if (text !== canonical) differ++;
    }), runs(200));
    expect(differ).toBeGreaterThan(150);
  }, 60_000);
});

describe('reports print filter text', () => {
  it('a failing property reports its tree as filter text, its JSON with the text, its case with the code', () => {
    const report = (arb: fc.Arbitrary<unknown>) => {
      const r = fc.check(fc.property(arb, () => false), { seed: 1, numRuns: 1 });
      return fc.stringify(r.counterexample![0]);
    };
    const ast = report(filterAst(allBacklinks));
    expect(ast).not.toContain('"kind"');
    expect(check(ast)).toEqual([]);
    expect(report(whereJson(allBacklinks))).toMatch(/^\{.*\} \/\* .+ \*\/$/s);
    expect(report(invalidTextCase(allBacklinks))).toMatch(/^[a-z-]+: /);
    expect(report(filterWithRow(allBacklinks))).toContain(' ⟶ ');
  });
});
