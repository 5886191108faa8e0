/**
 * Differential test: the compiled predicate (both back ends: generated code
 * and closures) against the reference interpreter of the emitted `where`
 * JSON, on random well-typed filters and edge-case rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { filterTree, row } from '../support/predicate-arbitraries.js';
import { compileTree, explainTree, whereOf } from '../support/predicate-harness.js';
import { referenceEvaluate } from '../support/reference-interpreter.js';

describe('compiled predicate vs reference interpreter', () => {
  it('agree on random filters and rows (generated code and closures)', () => {
    fc.assert(
      fc.property(filterTree, fc.array(row, { minLength: 1, maxLength: 6 }), (filter, rows) => {
        const where = whereOf(filter);
        const generated = compileTree(filter);
        const closures = compileTree(filter, { codegen: false });
        for (const r of rows) {
          const expected = referenceEvaluate(where, r, allBacklinks);
          expect(generated.evaluate(r)).toBe(expected);
          expect(closures.evaluate(r)).toBe(expected);
          expect(generated.matches(r)).toBe(expected === true);
          expect(closures.matches(r)).toBe(expected === true);
          expect(explainTree(filter, r).value).toBe(expected);
        }
      }),
      { seed: 20240101, numRuns: 1500 },
    );
  });
});
