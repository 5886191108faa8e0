import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElementFilter, Filter, Literal, Test } from '../../src/ast/nodes.js';
import { filterAst } from '../../src/arbitraries/ast.js';
import { illTypedCase } from '../../src/arbitraries/negative.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import type { Column } from '../../src/catalogue/types.js';
import { checkFilter } from '../../src/check/checker.js';
import { TYPE_RULES, typeKeyOf } from '../../src/check/rules.js';

/** A well-typed test for one column's values, chosen from the typing table itself. */
function wellTyped(column: Column): Test {
  const key = typeKeyOf(column.type, column.enumValues);
  const value: Literal =
    key === 'enum' ? { kind: 'string', value: column.enumValues![0]!, bare: false }
      : key === 'integer' || key === 'float' ? { kind: 'number', value: 42 }
        : key === 'boolean' ? { kind: 'boolean', value: true }
          : key === 'date' ? { kind: 'date', value: '2024-02-29' }
            : key === 'datetime' ? { kind: 'datetime', value: '2024-02-29T23:59:59Z' }
              : { kind: 'string', value: 'seo', bare: false };
  return { kind: 'compare', op: TYPE_RULES[key].ops[TYPE_RULES[key].ops.length - 1]!, value: value.kind === 'string' && key !== 'enum' && TYPE_RULES[key].ops.includes('regex' as never) ? { kind: 'regex', value: '^se+o$' } : value };
}

describe('checker properties', () => {
  it('has 86 all-backlinks columns, each accepting a well-typed test cleanly', () => {
    expect(allBacklinks.columns).toHaveLength(86);
    for (const column of allBacklinks.columns) {
      const filter: Filter = column.array
        ? { kind: 'list', quantifier: 'any', field: { name: column.name }, element: { kind: 'test', test: wellTyped(column) } }
        : { kind: 'condition', field: { name: column.name }, test: wellTyped(column) };
      // The type checker's properties: the static analysis (never-matches, …) may rightly warn on generated filters.
      const result = checkFilter(filter, allBacklinks, { analysis: false });
      expect(result.diagnostics, column.name).toEqual([]);
      expect(result.columns, column.name).toEqual([column]);
      // And `eq` with the column's own kind of value, `in`, and (where nullable) `is null`.
      const eq = wellTyped(column);
      const inTest: Test = { kind: 'in', values: [(eq as { value: Literal }).value.kind === 'regex' ? { kind: 'string', value: 'a', bare: false } : (eq as { value: Literal }).value, (eq as { value: Literal }).value.kind === 'regex' ? { kind: 'string', value: 'b', bare: false } : (eq as { value: Literal }).value] };
      const more: Filter = column.array
        ? { kind: 'and', operands: [{ kind: 'condition', field: { name: column.name }, test: { kind: 'empty' } }, { kind: 'list', quantifier: 'all', field: { name: column.name }, element: { kind: 'test', test: inTest } }] }
        : { kind: 'condition', field: { name: column.name }, test: column.nullable ? { kind: 'null' } : inTest };
      expect(checkFilter(more, allBacklinks, { analysis: false }).diagnostics, column.name).toEqual([]);
    }
  });

  it('well-typed random filters check clean, on all-backlinks and on other endpoints', () => {
    for (const [catalogue, seed] of [[allBacklinks, 1], [getCatalogue('keywords-explorer/overview')!, 2], [getCatalogue('site-audit/page-explorer')!, 3]] as const) {
      fc.assert(fc.property(filterAst(catalogue), (filter) => {
        const ds = checkFilter(filter, catalogue, { analysis: false }).diagnostics;
        expect(ds).toEqual([]);
      }), { numRuns: 300, seed });
    }
  });

  it('ill-typed filters get the expected error', () => {
    for (const [catalogue, seed] of [[allBacklinks, 4], [getCatalogue('keywords-explorer/overview')!, 5]] as const) {
      fc.assert(fc.property(illTypedCase(catalogue), ({ filter, code }) => {
        expect(checkFilter(filter, catalogue).diagnostics.map((d) => d.code)).toContain(code);
      }), { numRuns: 500, seed });
    }
  });

  it('never throws on random trees, well-formed or not', () => {
    const names = fc.constantFrom('DR', 'anchor', 'languages', 'link_type', 'first_seen', 'nope', 'intents.x', '__proto__', 'constructor', '');
    const anyValue = fc.oneof(
      fc.record({ kind: fc.constantFrom('string'), value: fc.string(), bare: fc.boolean() }),
      fc.record({ kind: fc.constantFrom('number'), value: fc.double() }),
      fc.record({ kind: fc.constantFrom('boolean'), value: fc.boolean() }),
      fc.record({ kind: fc.constantFrom('date', 'datetime', 'regex'), value: fc.string() }),
      fc.constant({ kind: 'null' }),
      fc.anything(),
    );
    const test = fc.oneof(
      fc.record({ kind: fc.constant('compare'), op: fc.constantFrom('eq', 'gt', 'regex', 'substring', 'bogus'), value: anyValue }),
      fc.constantFrom({ kind: 'empty' }, { kind: 'null' }, { kind: 'weird' }),
      fc.record({ kind: fc.constant('in'), values: fc.oneof(fc.array(anyValue, { maxLength: 3 }), fc.anything()) }),
      fc.record({ kind: fc.constant('between'), low: anyValue, high: anyValue }),
    );
    const { element } = fc.letrec<{ element: unknown }>((tie) => ({
      element: fc.oneof(
        { depthSize: 'small' },
        fc.record({ kind: fc.constant('test'), test }),
        fc.constant({ kind: 'invalid' }),
        fc.record({ kind: fc.constantFrom('and', 'or'), operands: fc.array(tie('element'), { maxLength: 3 }) }),
        fc.record({ kind: fc.constant('not'), operand: tie('element') }),
        fc.anything(),
      ),
    }));
    const { filter } = fc.letrec<{ filter: unknown }>((tie) => ({
      filter: fc.oneof(
        { depthSize: 'small' },
        fc.record({ kind: fc.constant('condition'), field: fc.record({ name: names }), test }, { requiredKeys: ['kind', 'field'] }),
        fc.record({ kind: fc.constant('condition'), field: fc.record({ name: names }), modifier: fc.record({ name: fc.constantFrom('uppercase', 'UPPERCASE', 'x') }), test }),
        fc.record({ kind: fc.constant('list'), quantifier: fc.constantFrom('any', 'all', 'some'), field: fc.record({ name: names }), element }),
        fc.constant({ kind: 'invalid' }),
        fc.record({ kind: fc.constantFrom('and', 'or'), operands: fc.oneof(fc.array(tie('filter'), { maxLength: 3 }), fc.anything()) }),
        fc.record({ kind: fc.constant('not'), operand: tie('filter') }),
        fc.anything(),
      ),
    }));
    fc.assert(fc.property(filter, (f) => {
      const result = checkFilter(f as Filter, allBacklinks);
      expect(Array.isArray(result.diagnostics)).toBe(true);
    }), { numRuns: 3000, seed: 99 });
  });

  it('handles very deep and cyclic hand-built trees without recursion', () => {
    let deep: Filter = { kind: 'condition', field: { name: 'anchor' }, test: { kind: 'empty' } };
    for (let i = 0; i < 100_000; i++) deep = { kind: 'not', operand: deep };
    expect(checkFilter(deep, allBacklinks).diagnostics).toEqual([]);
    let element: ElementFilter = { kind: 'test', test: { kind: 'compare', op: 'eq', value: { kind: 'number', value: 1 } } };
    for (let i = 0; i < 100_000; i++) element = { kind: 'not', operand: element };
    expect(checkFilter({ kind: 'list', quantifier: 'any', field: { name: 'languages' }, element }, allBacklinks).diagnostics.map((d) => d.code)).toEqual(['value-type-mismatch']);
    const cyclic = { kind: 'and', operands: [] as Filter[] };
    cyclic.operands.push(cyclic as Filter, { kind: 'condition', field: { name: 'nope' }, test: { kind: 'empty' } });
    expect(checkFilter(cyclic as Filter, allBacklinks).diagnostics.map((d) => d.code)).toEqual(['unknown-column']);
  });
});
