/**
 * The generated predicate checks a canonical datetime's calendar last: the
 * string comparison stays in place and `vz(d<n>)` moves to the end of the
 * enclosing `&&` chain (predicate-codegen-values.ts, `Code.ta`). These tests
 * hold the reordering to the reference interpreter on trees where it could
 * go wrong: several datetime leaves in one chain, `or` and `not` above and
 * below them, chains split into helper functions, and array elements (whose
 * loop reuses the leaf's temporary on every element).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Filter, Literal, Test } from '../../src/ast/nodes.js';
import { tree } from '../../src/ast/tree.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { defineCatalogue } from '../../src/catalogue/define.js';
import { generateSource, SPLIT_WEIGHT } from '../../src/emit/predicate-codegen.js';
import { compileTree, contextFor, whereOf } from '../support/predicate-harness.js';
import { referenceEvaluate } from '../support/reference-interpreter.js';

const dt = (value: string): Literal => ({ kind: 'datetime', value });
const cond = (name: string, test: Test): Filter => ({ kind: 'condition', field: { name }, test });
const cmp = (name: string, op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte', value: Literal): Filter => cond(name, { kind: 'compare', op, value });

/** Valid, impossible (calendar or clock) and other-form datetimes: the impossible ones pass the string comparison. */
const VALUES = [
  '2024-06-01T00:00:00Z', '2023-06-01T00:00:00Z', '2024-02-30T00:00:00Z', '2024-06-01T24:00:00Z', '2024-13-01T00:00:00Z',
  '2024-06-31T10:00:00Z', '2024-06-01', '2024-02-30', '2024-06-01T00:00:00+02:00', '2024-06-01 00:00:00', 'soon', '', null, 7,
] as const;
const DATETIME_COLUMNS = ['first_seen', 'last_seen', 'first_seen_link'] as const;

const leaf: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({
    name: fc.constantFrom(...DATETIME_COLUMNS),
    op: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte' as const),
    value: fc.constantFrom('2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z', '2023-12-31T23:59:59Z').map(dt),
  }).map(({ name, op, value }) => cmp(name, op, value)),
  fc.constantFrom(cmp('domain_rating_source', 'gte', { kind: 'number', value: 30 }), cond('alt', { kind: 'null' })),
);
const filterTree: fc.Arbitrary<Filter> = fc.letrec<{ node: Filter }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((parts) => tree.and(parts)),
    fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((parts) => tree.or(parts)),
    tie('node').map((inner) => tree.not(inner)),
  ),
})).node;
const row = fc.record({
  first_seen: fc.constantFrom(...VALUES), last_seen: fc.constantFrom(...VALUES), first_seen_link: fc.constantFrom(...VALUES),
  domain_rating_source: fc.constantFrom(10, 50, null), alt: fc.constantFrom('x', null),
});

describe('the deferred calendar check of canonical datetimes', () => {
  it('agrees with the reference interpreter on nested trees of several datetime leaves (generated code and closures)', () => {
    let deferred = 0;
    fc.assert(
      fc.property(filterTree, fc.array(row, { minLength: 1, maxLength: 6 }), (f, rows) => {
        if (generateSource(f, contextFor()).source.includes('vz(')) deferred++;
        const where = whereOf(f);
        const generated = compileTree(f, { codegen: true });
        const closures = compileTree(f, { codegen: false });
        for (const r of rows) {
          const expected = referenceEvaluate(where, r, allBacklinks);
          expect(generated.evaluate(r), `${JSON.stringify(where)} on ${JSON.stringify(r)}`).toBe(expected);
          expect(generated.matches(r)).toBe(expected === true);
          expect(closures.evaluate(r)).toBe(expected);
        }
      }),
      { seed: 2024, numRuns: 1500 },
    );
    expect(deferred).toBeGreaterThan(1000); // most trees do reorder: the property tests the reordering, not only plain leaves
  });

  it('runs the check after the rest of the `and`, and inside its own operand of an `or`', () => {
    const date = cmp('first_seen', 'gte', dt('2024-01-01T00:00:00Z'));
    const dr = cmp('domain_rating_source', 'gte', { kind: 'number', value: 30 });
    const and = generateSource(tree.and([date, dr]), contextFor()).t;
    expect(and.indexOf('vz(d0)')).toBeGreaterThan(and.indexOf('row.domain_rating_source'));
    const or = generateSource(tree.or([date, dr]), contextFor()).t;
    expect(or.indexOf('vz(d0)')).toBeLessThan(or.indexOf('row.domain_rating_source'));
    // Equality with the canonical constant needs no check: the constant is valid.
    expect(generateSource(cmp('first_seen', 'eq', dt('2024-01-01T00:00:00Z')), contextFor()).t).not.toContain('vz(');
    // An impossible date that passes the comparison still fails, wherever its check went.
    expect(compileTree(tree.and([date, dr])).evaluate({ first_seen: '2024-02-30T00:00:00Z', domain_rating_source: 50 })).toBeNull();
    expect(compileTree(tree.or([date, dr])).evaluate({ first_seen: '2024-02-30T00:00:00Z', domain_rating_source: 10 })).toBeNull(); // unknown or false
  });

  it('keeps each check in its helper when a long `and` is split into functions', () => {
    const parts: Filter[] = [];
    for (let i = 0; i < SPLIT_WEIGHT * 2 + 7; i++) {
      parts.push(i % 50 === 0 ? cmp('first_seen', 'gte', dt('2024-01-01T00:00:00Z')) : cmp('domain_rating_source', 'gte', { kind: 'number', value: i % 7 }));
    }
    const f = tree.and(parts);
    expect(generateSource(f, contextFor()).t).toMatch(/function H\d+\(row\) \{ let v, d\d+/);
    for (const first_seen of ['2024-06-01T00:00:00Z', '2024-06-31T00:00:00Z', '2023-06-01T00:00:00Z']) {
      const r = { first_seen, domain_rating_source: 50 };
      expect(compileTree(f).evaluate(r)).toBe(referenceEvaluate(whereOf(f), r, allBacklinks));
    }
  });

  it('checks every element of an array on its own (the loop reuses the temporary)', () => {
    const catalogue = defineCatalogue({ name: 'test/dates', regexDialect: 're2', columns: { seen: { type: 'array(datetime)', nullable: true } } });
    const element = (op: 'gte' | 'lt', value: string) => ({ kind: 'test' as const, test: { kind: 'compare' as const, op, value: dt(value) } });
    const filters: Filter[] = [
      { kind: 'list', field: { name: 'seen' }, quantifier: 'any', element: tree.and([element('gte', '2024-01-01T00:00:00Z'), element('lt', '2025-01-01T00:00:00Z')]) },
      { kind: 'list', field: { name: 'seen' }, quantifier: 'all', element: tree.and([element('gte', '2024-01-01T00:00:00Z'), element('lt', '2025-01-01T00:00:00Z')]) },
      { kind: 'list', field: { name: 'seen' }, quantifier: 'any', element: tree.not(tree.or([element('lt', '2024-01-01T00:00:00Z'), element('gte', '2025-01-01T00:00:00Z')])) },
    ];
    const arrays = [
      ['2024-06-31T00:00:00Z', '2024-06-01'], ['2024-06-01', '2024-06-31T00:00:00Z'], ['2024-06-31T00:00:00Z'], ['2024-06-30T00:00:00Z', '2024-13-01T00:00:00Z'],
      ['2023-01-01T00:00:00Z', '2024-02-29T12:00:00Z'], [], null,
    ];
    for (const f of filters) {
      for (const seen of arrays) {
        const r = { seen };
        const expected = referenceEvaluate(whereOf(f, catalogue), r, catalogue);
        expect(compileTree(f, { catalogue }).evaluate(r), `${JSON.stringify(whereOf(f, catalogue))} on ${JSON.stringify(r)}`).toBe(expected);
        expect(compileTree(f, { catalogue, codegen: false }).evaluate(r)).toBe(expected);
      }
    }
  });
});
