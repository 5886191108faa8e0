import { describe, expect, it } from 'vitest';
import type { Filter, Literal, Test } from '../../src/ast/nodes.js';
import { EmitError, emitWhere, stringifyWhere } from '../../src/emit/where-json.js';

const num = (value: number): Literal => ({ kind: 'number', value });
const str = (value: string): Literal => ({ kind: 'string', value, bare: false });
const cond = (name: string, test: Test, modifier?: string): Filter =>
  modifier ? { kind: 'condition', field: { name }, modifier: { name: modifier }, test } : { kind: 'condition', field: { name }, test };

describe('emitWhere', () => {
  it('orders keys field, modifier, is', () => {
    const json = stringifyWhere(emitWhere(cond('anchor', { kind: 'compare', op: 'substring', value: str('SEO') }, 'uppercase')));
    expect(json).toBe('{"field":"anchor","modifier":"uppercase","is":["substring","SEO"]}');
  });

  it('emits every literal kind as its JSON type', () => {
    const values: [Literal, string][] = [
      [num(50), '50'],
      [num(-1.5), '-1.5'],
      [{ kind: 'boolean', value: true }, 'true'],
      [{ kind: 'date', value: '2024-01-01' }, '"2024-01-01"'],
      [{ kind: 'datetime', value: '2024-01-01T10:00:00Z' }, '"2024-01-01T10:00:00Z"'],
      [{ kind: 'regex', value: 'a\\/b' }, '"a\\\\/b"'],
      [{ kind: 'string', value: 'text', bare: true }, '"text"'],
      [str('quote " and \\ backslash'), '"quote \\" and \\\\ backslash"'],
    ];
    for (const [value, expected] of values) {
      expect(stringifyWhere(emitWhere(cond('x', { kind: 'compare', op: 'eq', value })))).toBe(`{"field":"x","is":["eq",${expected}]}`);
    }
  });

  it('emits empty and is_null as strings', () => {
    expect(emitWhere(cond('alt', { kind: 'empty' }))).toEqual({ field: 'alt', is: 'empty' });
    expect(emitWhere(cond('alt', { kind: 'null' }))).toEqual({ field: 'alt', is: 'is_null' });
  });

  it('expands in to an or of eq and between to an and of gte, lte, keeping the modifier', () => {
    expect(emitWhere(cond('link_type', { kind: 'in', values: [str('text'), str('image')] }))).toEqual({
      or: [
        { field: 'link_type', is: ['eq', 'text'] },
        { field: 'link_type', is: ['eq', 'image'] },
      ],
    });
    expect(emitWhere(cond('anchor', { kind: 'between', low: str('A'), high: str('M') }, 'uppercase'))).toEqual({
      and: [
        { field: 'anchor', modifier: 'uppercase', is: ['gte', 'A'] },
        { field: 'anchor', modifier: 'uppercase', is: ['lte', 'M'] },
      ],
    });
    // One value in `in` is just `eq`: the API needs no `or` around it.
    expect(emitWhere(cond('x', { kind: 'in', values: [num(1)] }))).toEqual({ field: 'x', is: ['eq', 1] });
  });

  it('emits list_is with any / all over an element tree', () => {
    const filter: Filter = {
      kind: 'list',
      quantifier: 'all',
      field: { name: 'redirect_kind' },
      element: {
        kind: 'or',
        operands: [
          { kind: 'test', test: { kind: 'between', low: num(300), high: num(399) } },
          { kind: 'not', operand: { kind: 'test', test: { kind: 'null' } } },
        ],
      },
    };
    expect(stringifyWhere(emitWhere(filter))).toBe('{"field":"redirect_kind","list_is":{"all":{"or":[{"and":[["gte",300],["lte",399]]},{"not":"is_null"}]}}}');
  });

  it('names fields through the resolver (aliases become API names)', () => {
    const filter: Filter = { kind: 'and', operands: [cond('DR', { kind: 'compare', op: 'gte', value: num(5) }), { kind: 'not', operand: cond('is_spam', { kind: 'compare', op: 'eq', value: { kind: 'boolean', value: true } }) }] };
    const names: Record<string, string> = { DR: 'domain_rating_source', is_spam: 'is_spam' };
    expect(stringifyWhere(emitWhere(filter, { fieldName: (ref) => names[ref.name]! }))).toBe(
      '{"and":[{"field":"domain_rating_source","is":["gte",5]},{"not":{"field":"is_spam","is":["eq",true]}}]}',
    );
  });

  it('refuses trees the checker would reject', () => {
    expect(() => emitWhere({ kind: 'invalid' })).toThrow(EmitError);
    expect(() => emitWhere(cond('x', { kind: 'compare', op: 'eq', value: { kind: 'null' } }))).toThrow(EmitError);
  });
});
