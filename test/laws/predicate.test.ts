/**
 * Predicate laws on random filters and rows: a filter, its formatted text and
 * its decompiled `where` JSON evaluate alike; `and` / `or` / `not` follow
 * Kleene's three-valued logic (so De Morgan and double negation hold, and a
 * row matches only when the filter is true); `not any` is `all not`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decompile, format } from '../../src/api/compile.js';
import { evaluate, predicate } from '../../src/api/predicate.js';
import type { ElementFilter, Filter } from '../../src/ast/nodes.js';
import { filterAst, row } from '../../src/arbitraries/index.js';
import { printFilter } from '../../src/emit/text.js';
import { emitWhere } from '../../src/emit/where-json.js';
import { kleene, named } from './helpers.js';
import { runs, timeout } from './runs.js';

const not = (operand: Filter): Filter => ({ kind: 'not', operand });
const and = (...operands: Filter[]): Filter => ({ kind: 'and', operands });
const or = (...operands: Filter[]): Filter => ({ kind: 'or', operands });

describe.each(named)('predicate laws on %s', (_, catalogue) => {
  const options = { catalogue };
  const filters = filterAst(catalogue, { evaluable: true });
  const small = filterAst(catalogue, { evaluable: true, maxDepth: 2 });
  const rows = row(catalogue);
  const value = (f: Filter | string, r: Record<string, unknown>) => evaluate(f, r, options);

  it('a filter, its formatted text and its decompiled JSON agree on every row', () => {
    fc.assert(fc.property(filters, fc.array(rows, { minLength: 1, maxLength: 4 }), (ast, sample) => {
      const text = format(printFilter(ast));
      const back = decompile(emitWhere(ast), options);
      expect(back.ok).toBe(true);
      const keep = predicate(ast, options);
      for (const r of sample) {
        const v = value(ast, r);
        expect([true, false, null]).toContain(v);
        expect(value(text, r)).toBe(v);
        expect(value(back.ast!, r)).toBe(v);
        expect(value(back.text!, r)).toBe(v);
        expect(keep(r)).toBe(v === true); // a row matches only when the filter is true
      }
    }), runs(150));
  }, timeout());

  it('and / or / not follow Kleene logic', () => {
    fc.assert(fc.property(small, small, rows, (a, b, r) => {
      const va = value(a, r);
      const vb = value(b, r);
      expect(value(and(a, b), r)).toBe(kleene.and(va, vb));
      expect(value(or(a, b), r)).toBe(kleene.or(va, vb));
      expect(value(not(a), r)).toBe(kleene.not(va));
    }), runs(200));
  }, timeout());

  it('De Morgan: not (a and b) = not a or not b; not (a or b) = not a and not b', () => {
    fc.assert(fc.property(small, small, rows, (a, b, r) => {
      expect(value(not(and(a, b)), r)).toBe(value(or(not(a), not(b)), r));
      expect(value(not(or(a, b)), r)).toBe(value(and(not(a), not(b)), r));
    }), runs(200));
  }, timeout());

  it('double negation: not not a = a, also inside any / all', () => {
    fc.assert(fc.property(filters, rows, (a, r) => {
      expect(value(not(not(a)), r)).toBe(value(a, r));
      const twice = (e: ElementFilter): ElementFilter => ({ kind: 'not', operand: { kind: 'not', operand: e } });
      const lists: Filter[] = [];
      const walk = (f: Filter): void => {
        if (f.kind === 'list') lists.push(f);
        if (f.kind === 'and' || f.kind === 'or') f.operands.forEach(walk);
        if (f.kind === 'not') walk(f.operand);
      };
      walk(a);
      for (const list of lists) {
        if (list.kind !== 'list') continue;
        expect(value({ ...list, element: twice(list.element) }, r)).toBe(value(list, r));
        // not any(c) P = all(c) not P, by Kleene over the elements (null arrays: unknown both ways).
        const dual: Filter = { ...list, quantifier: list.quantifier === 'any' ? 'all' : 'any', element: { kind: 'not', operand: list.element } };
        expect(value(not(list), r)).toBe(value(dual, r));
      }
    }), runs(200));
  }, timeout());

  it('a row without the column is the row with null there', () => {
    fc.assert(fc.property(filters, rows, (a, r) => {
      const withNulls: Record<string, unknown> = { ...r };
      for (const c of catalogue.columns) {
        if (c.returned && !Object.prototype.hasOwnProperty.call(r, c.name)) {
          Object.defineProperty(withNulls, c.name, { value: null, enumerable: true, writable: true, configurable: true });
        }
      }
      expect(value(a, withNulls)).toBe(value(a, r));
    }), runs(150));
  }, timeout());
});
