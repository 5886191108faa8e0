/**
 * Shrinking: a property that fails on one kind of condition must shrink, on
 * every seed tried, to a filter of exactly one condition (no `and`, `or`,
 * `not` left) and a row of at most the columns that condition names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterAst, filterWithRow, row } from '../../src/arbitraries/index.js';
import { forEachLeaf, type Filter, type RowTest } from '../../src/ast/index.js';
import { constructsOf } from '../../bench/distribution.js';
import { allBacklinks } from '../../src/catalogue/index.js';
import { CATALOGUES } from '../laws/helpers.js';
import { BUGS, PlantedEvaluator } from './planted-evaluator.js';

/** Conditions of a filter, the tests inside `any`/`all` counted one by one. */
function conditions(filter: Filter): number {
  let n = 0;
  forEachLeaf<RowTest>(filter, (leaf) => {
    if (leaf.kind === 'condition') n++;
    else forEachLeaf(leaf.element, () => { n++; });
  });
  return n;
}

function columnsOf(filter: Filter): Set<string> {
  const out = new Set<string>();
  forEachLeaf<RowTest>(filter, (leaf) => { out.add(leaf.field.name); });
  return out;
}

const SEEDS = [1, 2, 3, 4, 5, 6];
const KINDS = ['isubstring', 'prefix', 'regex', 'in', 'between', 'null', 'empty', 'all', 'any', 'modifier', 'gt'];

/** The counterexample fast-check reports after shrinking, for a property failing whenever `fails` holds. */
function shrunk<T>(arb: fc.Arbitrary<T>, fails: (v: T) => boolean, seed: number): T | undefined {
  const result = fc.check(fc.property(arb, (v) => !fails(v)), { seed, numRuns: 300 });
  return result.counterexample?.[0];
}

describe.each(CATALOGUES.map((c) => [c.name, c] as const))('shrinking on %s', (_, catalogue) => {
  it.each(KINDS)('a property failing on any filter with "%s" shrinks to that one condition', (kind) => {
    let found = 0;
    for (const seed of SEEDS) {
      const example = shrunk(filterAst(catalogue), (f) => constructsOf(f).has(kind), seed);
      if (example === undefined) continue; // this catalogue may not admit the construct
      found++;
      expect(conditions(example), `seed ${seed}: ${fc.stringify(example)}`).toBe(1);
      expect(['and', 'or', 'not'].filter((k) => constructsOf(example).has(k)), fc.stringify(example)).toEqual([]);
    }
    const possible = fc.sample(filterAst(catalogue), { numRuns: 300, seed: 9 }).some((f) => constructsOf(f).has(kind));
    expect(found).toBe(possible ? SEEDS.length : 0);
  }, 60_000);

  it('`in` and `between` shrink to a single comparison when one value is enough', () => {
    const hasValue = (f: Filter) => {
      let v = false;
      forEachLeaf<RowTest>(f, (l) => { if (l.kind === 'condition' && l.test.kind !== 'null' && l.test.kind !== 'empty') v = true; });
      return v;
    };
    for (const seed of SEEDS) {
      const example = shrunk(filterAst(catalogue, { weights: { in: 20, between: 20 } }), hasValue, seed)!;
      expect(example.kind === 'condition' && example.test.kind, fc.stringify(example)).toBe('compare');
    }
  });

  it('a property failing on every filter shrinks to one condition', () => {
    for (const seed of SEEDS) expect(conditions(shrunk(filterAst(catalogue), () => true, seed)!)).toBe(1);
  });

  it('with a row, the row shrinks to at most the columns the condition names', () => {
    for (const seed of SEEDS) {
      // Fails when a string condition's column holds a string: the row is needed, but only that column.
      const example = shrunk(fc.tuple(filterAst(catalogue), row(catalogue)), ([f, r]) => {
        let hit = false;
        forEachLeaf<RowTest>(f, (l) => { if (l.kind === 'condition' && typeof r[l.field.name] === 'string') hit = true; });
        return hit;
      }, seed);
      if (!example) continue;
      const [f, r] = example;
      expect(conditions(f), fc.stringify(example)).toBe(1);
      const named = columnsOf(f);
      expect(Object.keys(r).filter((k) => !named.has(k)), fc.stringify(example)).toEqual([]);
    }
  }, 60_000);

  it('a property failing on every filter with a row shrinks the row to {}', () => {
    for (const seed of SEEDS) {
      const example = shrunk(fc.tuple(filterAst(catalogue), row(catalogue)), () => true, seed)!;
      expect(example[1]).toEqual({});
      expect(conditions(example[0])).toBe(1);
    }
  });
});

/**
 * filterWithRow pairs shrink too: the filter, the outcome and the row are
 * drawn apart and combined by `map`, so a smaller filter keeps its outcome
 * and its row's choices. (Drawn by `chain`, a smaller filter got a new row
 * and a new outcome, and most shrinks stopped at 2 to 6 conditions.)
 */
describe.each(CATALOGUES.map((c) => [c.name, c] as const))('shrinking filterWithRow on %s', (_, catalogue) => {
  it.each(['isubstring', 'in', 'between', 'null', 'all', 'any', 'modifier', 'lt'])('a property failing on any pair with "%s" shrinks to that one condition and its columns', (kind) => {
    let found = 0;
    for (const seed of SEEDS.slice(0, 4)) {
      const example = shrunk(filterWithRow(catalogue), (p) => constructsOf(p.filter).has(kind), seed);
      if (example === undefined) continue;
      found++;
      expect(conditions(example.filter), `seed ${seed}: ${fc.stringify(example)}`).toBe(1);
      expect(['and', 'or', 'not'].filter((k) => constructsOf(example.filter).has(k)), fc.stringify(example)).toEqual([]);
      const named = columnsOf(example.filter);
      expect(Object.keys(example.row).filter((k) => !named.has(k)), fc.stringify(example)).toEqual([]);
    }
    const possible = fc.sample(filterAst(catalogue), { numRuns: 300, seed: 9 }).some((f) => constructsOf(f).has(kind));
    expect(found).toBe(possible ? 4 : 0);
  }, 60_000);
});

describe('shrinking a planted evaluator bug', () => {
  it.each(BUGS)('%s shrinks, on every seed that finds it, to one condition and a row of at most its columns', (bug) => {
    const evaluator = new PlantedEvaluator(allBacklinks, bug);
    let found = 0;
    for (const seed of [1000, 1001, 1002, 1003, 1004, 1005]) {
      const example = shrunk(filterWithRow(allBacklinks), ({ filter, row: r, outcome }) => evaluator.evaluate(filter, r) !== outcome, seed);
      if (example === undefined) continue;
      found++;
      expect(conditions(example.filter), `seed ${seed}: ${fc.stringify(example)}`).toBe(1);
      const named = columnsOf(example.filter);
      expect(Object.keys(example.row).filter((k) => !named.has(k)), fc.stringify(example)).toEqual([]);
    }
    expect(found).toBeGreaterThan(0);
  }, 120_000);
});
