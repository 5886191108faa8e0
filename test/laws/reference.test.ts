/**
 * Differential law: the compiled predicate (closures and generated code) and
 * the independent reference interpreter of spec §4 (test/support) agree on
 * every generated filter and row, for every test catalogue.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterAst } from '../../src/arbitraries/ast.js';
import { row } from '../../src/arbitraries/rows.js';
import { resolveField } from '../../src/catalogue/resolve.js';
import { compilePredicate } from '../../src/emit/predicate.js';
import { emitWhere } from '../../src/emit/where-json.js';
import { referenceEvaluate } from '../support/reference-interpreter.js';
import { named } from './helpers.js';
import { runs, timeout } from './runs.js';

describe.each(named)('predicate = reference interpreter on %s', (_, catalogue) => {
  const ctx = { resolve: (ref: { name: string }) => resolveField(catalogue, ref.name), dialect: catalogue.regexDialect };

  it('closures, generated code and the reference give the same three-valued answer', () => {
    fc.assert(fc.property(filterAst(catalogue, { evaluable: true }), fc.array(row(catalogue), { minLength: 1, maxLength: 5 }), (ast, rows) => {
      const closures = compilePredicate(ast, ctx, { codegen: false });
      const generated = compilePredicate(ast, ctx, { codegen: true });
      const where = emitWhere(ast);
      for (const r of rows) {
        const expected = referenceEvaluate(where, r, catalogue);
        expect(closures.evaluate(r)).toBe(expected);
        expect(generated.evaluate(r)).toBe(expected);
        expect(generated.matches(r)).toBe(expected === true);
      }
    }), runs(300));
  }, timeout());
});
