/** Equivalence laws of three-valued logic, checked under the compiled predicate. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Filter, Test } from '../../src/ast/nodes.js';
import { filterTree, returnedColumns, row, testFor } from '../support/predicate-arbitraries.js';
import { evalBoth } from '../support/predicate-harness.js';

const not = (operand: Filter): Filter => ({ kind: 'not', operand });
const and = (...operands: Filter[]): Filter => ({ kind: 'and', operands });
const or = (...operands: Filter[]): Filter => ({ kind: 'or', operands });

/** Both back ends' result (they must agree with each other). */
function ev(filter: Filter, r: Record<string, unknown>): boolean | null {
  const [a, b] = evalBoth(filter, r);
  expect(b).toBe(a);
  return a;
}

const RUNS = { seed: 7, numRuns: 500 };
const scalars = returnedColumns.filter((c) => !c.array);
/** A condition whose test `pick` accepts; only columns whose type allows such tests (between needs an ordered type). */
const condition = (pick: (t: Test) => boolean, ordered = false) =>
  fc.constantFrom(...scalars.filter((c) => !ordered || (c.type !== 'boolean' && !c.enumValues)))
    .chain((column) => testFor(column, false).filter(pick).map((test) => ({ column: column.name, test })));

describe('laws', () => {
  it('De Morgan, both ways', () => {
    fc.assert(fc.property(filterTree, filterTree, row, (a, b, r) => {
      expect(ev(not(and(a, b)), r)).toBe(ev(or(not(a), not(b)), r));
      expect(ev(not(or(a, b)), r)).toBe(ev(and(not(a), not(b)), r));
    }), RUNS);
  });

  it('double negation', () => {
    fc.assert(fc.property(filterTree, row, (a, r) => {
      expect(ev(not(not(a)), r)).toBe(ev(a, r));
    }), RUNS);
  });

  it('x != v is not (x = v) (on every row: both are unknown where x is null)', () => {
    fc.assert(fc.property(condition((t) => t.kind === 'compare' && t.op === 'eq'), row, ({ column, test }, r) => {
      if (test.kind !== 'compare') return;
      const eq: Filter = { kind: 'condition', field: { name: column }, test };
      const neq: Filter = { kind: 'condition', field: { name: column }, test: { ...test, op: 'neq' } };
      expect(ev(neq, r)).toBe(ev(not(eq), r));
      const e = ev(eq, r);
      if (e !== null) expect(ev(neq, r)).toBe(!e);
    }), RUNS);
  });

  it('in (a, b, …) is the or of its equalities', () => {
    fc.assert(fc.property(condition((t) => t.kind === 'in'), row, ({ column, test }, r) => {
      if (test.kind !== 'in') return;
      const expansion = or(...test.values.map((value): Filter => ({ kind: 'condition', field: { name: column }, test: { kind: 'compare', op: 'eq', value } })));
      expect(ev({ kind: 'condition', field: { name: column }, test }, r)).toBe(ev(expansion, r));
    }), RUNS);
  });

  it('between low and high is gte low and lte high', () => {
    fc.assert(fc.property(condition((t) => t.kind === 'between', true), row, ({ column, test }, r) => {
      if (test.kind !== 'between') return;
      const expansion = and(
        { kind: 'condition', field: { name: column }, test: { kind: 'compare', op: 'gte', value: test.low } },
        { kind: 'condition', field: { name: column }, test: { kind: 'compare', op: 'lte', value: test.high } },
      );
      expect(ev({ kind: 'condition', field: { name: column }, test }, r)).toBe(ev(expansion, r));
    }), RUNS);
  });
});
