import { describe, expect, it } from 'vitest';
import { decompileTree } from '../../src/decompile/index.js';

/** `[code, path]` of every diagnostic, in report order. */
function problems(input: unknown): [string, string | undefined][] {
  const result = decompileTree(input);
  return result.diagnostics.map((d) => [d.code, d.path]);
}

function only(input: unknown) {
  const result = decompileTree(input);
  expect(result.filter).toBeUndefined();
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0]!;
}

const C = { field: 'anchor', is: ['eq', 'x'] };

describe('malformed filter nodes', () => {
  it.each([
    ['null', null],
    ['a number', 5],
    ['an array', [C]],
    ['a JSON string', '"empty"'],
    ['an empty object', {}],
  ])('%s at the root → json-invalid-node at ""', (_, input) => {
    expect(problems(input)).toEqual([['json-invalid-node', '']]);
  });

  it('two of and/or/not → json-ambiguous-node at the node, and still looks inside', () => {
    expect(problems({ and: [C], or: [C] })).toEqual([['json-ambiguous-node', '']]);
    expect(problems({ and: [C], not: { is: 1 } })).toEqual([
      ['json-ambiguous-node', ''],
      ['json-invalid-node', '/not'],
      ['json-invalid-condition', '/not/is'],
    ]);
  });

  it('and with a condition in the same object → json-ambiguous-node', () => {
    expect(problems({ and: [C], field: 'anchor', is: 'empty' })).toEqual([['json-ambiguous-node', '']]);
  });

  it('is together with list_is → json-ambiguous-node', () => {
    expect(problems({ field: 'languages', is: 'empty', list_is: { any: ['eq', 'en'] } })).toEqual([['json-ambiguous-node', '']]);
  });

  it('empty and/or → json-empty-list at the array', () => {
    expect(problems({ and: [] })).toEqual([['json-empty-list', '/and']]);
    expect(problems({ not: { or: [] } })).toEqual([['json-empty-list', '/not/or']]);
  });

  it('and/or that is not an array → json-invalid-node', () => {
    expect(problems({ and: C })).toEqual([['json-invalid-node', '/and']]);
    expect(problems({ or: 'x' })).toEqual([['json-invalid-node', '/or']]);
  });

  it('operands that are not objects → json-invalid-node at each, all reported', () => {
    expect(problems({ and: [C, 1, null, C, [C]] })).toEqual([
      ['json-invalid-node', '/and/1'],
      ['json-invalid-node', '/and/2'],
      ['json-invalid-node', '/and/4'],
    ]);
  });

  it('unknown keys get did-you-mean', () => {
    const fields = decompileTree({ fields: 'anchor', is: 'empty' }).diagnostics;
    expect(fields.map((d) => [d.code, d.path])).toEqual([['json-unknown-key', '/fields'], ['json-invalid-node', '']]);
    expect(fields[0]!.suggestions).toEqual([{ message: 'Did you mean "field"?', replacement: 'field' }]);
    const modifer = only({ field: 'anchor', modifer: 'uppercase', is: 'empty' });
    expect([modifer.code, modifer.path, modifer.suggestions?.[0]?.replacement]).toEqual(['json-unknown-key', '/modifer', 'modifier']);
    const list = decompileTree({ field: 'languages', list: { any: 'empty' } }).diagnostics[0]!;
    expect([list.code, list.path, list.suggestions?.[0]?.replacement]).toEqual(['json-unknown-key', '/list', 'list_is']);
    const AND = only({ AND: [C] });
    expect([AND.code, AND.path, AND.suggestions?.[0]?.replacement]).toEqual(['json-unknown-key', '/AND', 'and']);
    expect(problems({ not: C, extra: 1 })).toEqual([['json-unknown-key', '/extra']]);
  });

  it('escapes JSON Pointer segments of unknown keys', () => {
    expect(problems({ field: 'anchor', is: 'empty', 'a/b~c': 1 })).toEqual([['json-unknown-key', '/a~1b~0c']]);
  });

  it('field must be a non-empty string; modifier a non-empty string', () => {
    expect(problems({ field: '', is: 'empty' })).toEqual([['json-invalid-node', '/field']]);
    expect(problems({ field: 3, is: 'empty' })).toEqual([['json-invalid-node', '/field']]);
    expect(problems({ is: 'empty' })).toEqual([['json-invalid-node', '']]);
    expect(problems({ field: 'anchor', modifier: 1, is: 'empty' })).toEqual([['json-invalid-node', '/modifier']]);
    expect(problems({ field: 'anchor' })).toEqual([['json-invalid-node', '']]);
    expect(problems({ field: 'languages', modifier: 'uppercase', list_is: { any: 'empty' } })).toEqual([['json-unknown-key', '/modifier']]);
  });

  it('an unknown modifier name is kept for the checker', () => {
    const r = decompileTree({ field: 'anchor', modifier: 'lowercase', is: 'empty' });
    expect(r.diagnostics).toEqual([]);
    expect(r.filter).toEqual({ kind: 'condition', field: { name: 'anchor' }, modifier: { name: 'lowercase' }, test: { kind: 'empty' } });
  });
});

describe('malformed conditions', () => {
  it.each([
    ['contains', 'substring'], ['=', 'eq'], ['equals', 'eq'], ['startswith', 'prefix'], ['ends_with', 'suffix'],
    ['EQ', 'eq'], ['!=', 'neq'], ['>=', 'gte'], ['icontains', 'isubstring'], ['substrng', 'substring'], ['matches', 'regex'],
  ])('operator %s → json-unknown-operator at /is/0, suggesting %s', (op, suggestion) => {
    const d = only({ field: 'anchor', is: [op, 'x'] });
    expect([d.code, d.path]).toEqual(['json-unknown-operator', '/is/0']);
    expect(d.suggestions?.[0]?.replacement).toBe(suggestion);
  });

  it('an operator that is not a string → json-invalid-condition at /is/0', () => {
    expect(problems({ field: 'anchor', is: [1, 'x'] })).toEqual([['json-invalid-condition', '/is/0']]);
  });

  it.each([
    ['null', null], ['an object', { a: 1 }], ['an array', ['a', 'b']],
  ])('value %s → json-invalid-condition at /is/1', (_, value) => {
    expect(problems({ field: 'anchor', is: ['eq', value] })).toEqual([['json-invalid-condition', '/is/1']]);
  });

  it('NaN (only from objects) → json-invalid-condition; Infinity (also from 1e999 in text) → invalid-number', () => {
    expect(problems({ field: 'domain_rating_source', is: ['gt', Number.NaN] })).toEqual([['json-invalid-condition', '/is/1']]);
    expect(problems({ field: 'domain_rating_source', is: ['gt', Infinity] })).toEqual([['invalid-number', '/is/1']]);
    expect(problems('{"field":"domain_rating_source","is":["gt",-1e999]}')).toEqual([['invalid-number', '/is/1']]);
  });

  it('both operator and value wrong → both reported', () => {
    expect(problems({ field: 'anchor', is: ['like', null] })).toEqual([['json-unknown-operator', '/is/0'], ['json-invalid-condition', '/is/1']]);
  });

  it.each([
    ['one item', ['eq']], ['three items', ['eq', 1, 2]], ['no items', []], ['an object', { eq: 1 }], ['a number', 1], ['null', null],
    ['an unknown string', 'null'], ['a boolean', true],
  ])('condition with %s → json-invalid-condition at /is', (_, is) => {
    expect(problems({ field: 'anchor', is })).toEqual([['json-invalid-condition', '/is']]);
  });

  it('"null" suggests "is_null"', () => {
    expect(only({ field: 'alt', is: 'null' }).suggestions?.[0]?.replacement).toBe('is_null');
  });

  it('a number in JSON text that the parsed value does not say as written → invalid-number (the rest is still checked)', () => {
    const r = decompileTree('{"field":"page_size","is":["gt",12345678901234567890]}');
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['invalid-number', '/is/1']]);
    expect(r.diagnostics[0]!.message).toContain('"page_size"');
    expect(r.filter).toBeUndefined();
    expect(r.partial?.kind).toBe('condition');
    // Column-dependent limits are the checker's (as for text): the decompiler itself takes any finite number of an object.
    expect(decompileTree({ field: 'page_size', is: ['gt', 2 ** 53] }).diagnostics).toEqual([]);
  });
});

describe('malformed list_is', () => {
  const ALL = { all: { and: [['eq', 'en']] } };

  it('the official docs example ({"and": …} directly) → json-missing-quantifier suggesting {"all": …}', () => {
    const d = only({ field: 'languages', list_is: { and: [['eq', 'en']] } });
    expect([d.code, d.path]).toEqual(['json-missing-quantifier', '/list_is']);
    expect(d.suggestions?.[0]?.replacement).toBe(JSON.stringify(ALL));
  });

  it.each([
    ['or', { or: [['eq', 'en']] }], ['not', { not: ['eq', 'en'] }], ['a bare condition', ['eq', 'en']], ['"empty"', 'empty'],
  ])('%s directly under list_is → json-missing-quantifier', (_, listIs) => {
    expect(problems({ field: 'languages', list_is: listIs })).toEqual([['json-missing-quantifier', '/list_is']]);
  });

  it('a missing quantifier does not hide problems inside', () => {
    expect(problems({ field: 'languages', list_is: { and: [['has', 'en']] } })).toEqual([
      ['json-missing-quantifier', '/list_is'],
      ['json-unknown-operator', '/list_is/and/0/0'],
    ]);
  });

  it('any and all together → json-ambiguous-node; unknown quantifier → json-unknown-key', () => {
    expect(problems({ field: 'languages', list_is: { any: 'empty', all: 'empty' } })).toEqual([['json-ambiguous-node', '/list_is']]);
    const d = only({ field: 'languages', list_is: { some: ['eq', 'en'] } });
    expect([d.code, d.path, d.suggestions?.[0]?.replacement]).toEqual(['json-unknown-key', '/list_is/some', 'any']);
    expect(problems({ field: 'languages', list_is: {} })).toEqual([['json-invalid-node', '/list_is']]);
    expect(problems({ field: 'languages', list_is: 3 })).toEqual([['json-invalid-node', '/list_is']]);
  });

  it('cond_filter rules: empty lists, field/is inside, nested conditions', () => {
    expect(problems({ field: 'languages', list_is: { any: { or: [] } } })).toEqual([['json-empty-list', '/list_is/any/or']]);
    expect(problems({ field: 'languages', list_is: { any: { field: 'x', is: ['eq', 'en'] } } })).toEqual([
      ['json-unknown-key', '/list_is/any/field'],
      ['json-unknown-key', '/list_is/any/is'],
    ]);
    expect(problems({ field: 'languages', list_is: { all: { not: { and: [['eq', 'en'], 5, ['eq']] } } } })).toEqual([
      ['json-invalid-node', '/list_is/all/not/and/1'],
      ['json-invalid-condition', '/list_is/all/not/and/2'],
    ]);
    expect(problems({ field: 'languages', list_is: { any: { and: [['eq', 'a']], or: [['eq', 'b']] } } })).toEqual([['json-ambiguous-node', '/list_is/any']]);
  });
});

describe('reports every problem, keeps going into siblings', () => {
  it('collects errors across the tree', () => {
    const input = {
      and: [
        { field: 'anchor', is: ['contains', 'x'] },
        { or: [] },
        { not: { field: '', is: 'empty' } },
        { field: 'languages', list_is: { and: [] } },
        { field: 'DR', is: ['gt', 10] },
      ],
    };
    expect(problems(input)).toEqual([
      ['json-unknown-operator', '/and/0/is/0'],
      ['json-empty-list', '/and/1/or'],
      ['json-invalid-node', '/and/2/not/field'],
      ['json-missing-quantifier', '/and/3/list_is'],
      ['json-empty-list', '/and/3/list_is/and'],
      ['json-field-alias', '/and/4/field'],
    ]);
  });
});

describe('string input', () => {
  it('text that is not JSON → json-syntax at "" with the position', () => {
    const d = only('{"field": "anchor",\n "is": [eq, 1]}');
    expect([d.code, d.path]).toEqual(['json-syntax', '']);
    expect(d.message).toMatch(/line 2, column 9 \(offset 28\)/);
    expect(only('empty').code).toBe('json-syntax');
    expect(only('').code).toBe('json-syntax');
    expect(only('{"field":"anchor","is":"empty"} x').code).toBe('json-syntax');
  });

  it('input longer than maxLength → input-too-long', () => {
    const text = JSON.stringify({ field: 'anchor', is: ['eq', 'x'.repeat(100)] });
    expect(decompileTree(text, { maxLength: 50 }).diagnostics.map((d) => [d.code, d.path])).toEqual([['input-too-long', '']]);
    expect(decompileTree(text, { maxLength: text.length }).diagnostics).toEqual([]);
    expect(decompileTree('x'.repeat(1_000_001)).diagnostics.map((d) => d.code)).toEqual(['input-too-long']);
  });
});

describe('hostile input', () => {
  it('prototype keys are plain data', () => {
    const parsed = JSON.parse('{"__proto__":{"field":"x"},"constructor":1,"toString":2,"field":"anchor","is":"empty"}');
    expect(problems(parsed)).toEqual([
      ['json-unknown-key', '/__proto__'],
      ['json-unknown-key', '/constructor'],
      ['json-unknown-key', '/toString'],
    ]);
    // Inherited names are never read as if they were keys.
    expect(problems(Object.create({ field: 'anchor', is: 'empty' }))).toEqual([['json-invalid-node', '']]);
    expect(problems('{"field":"constructor","is":"empty"}')).toEqual([]);
    expect(problems('{"field":"anchor","is":"toString"}')).toEqual([['json-invalid-condition', '/is']]);
  });

  it('a field named __proto__ is data', () => {
    const r = decompileTree('{"field":"__proto__","is":["eq","x"]}');
    expect(r.diagnostics).toEqual([]);
    expect(r.filter).toMatchObject({ kind: 'condition', field: { name: '__proto__' } });
  });

  it('throwing getters and proxies are reported, not thrown', () => {
    const getter = { get field(): string { throw new Error('boom'); }, is: 'empty' };
    expect(problems(getter)).toEqual([['json-invalid-node', '/field']]);
    const proxy = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    expect(problems(proxy)).toEqual([['json-invalid-node', '']]);
    const arrayGetter = { and: [C] };
    Object.defineProperty(arrayGetter.and, 0, { get() { throw new Error('boom'); } });
    expect(problems(arrayGetter)).toEqual([['json-invalid-node', '/and/0']]);
  });

  it('huge sparse arrays in object input → too-many-nodes, without walking them', () => {
    expect(problems({ or: new Array(2 ** 32 - 1) })).toEqual([['too-many-nodes', '/or']]);
    // 1 root + 3 operands (each an expr and its condition) = 7 nodes.
    expect(decompileTree({ and: [C, C, C] }, { maxNodes: 6 }).diagnostics.map((d) => [d.code])).toEqual([['too-many-nodes']]);
    expect(decompileTree({ and: [C, C, C] }, { maxNodes: 7 }).diagnostics).toEqual([]);
    expect(decompileTree({ and: [C, C, C] }, { maxNodes: 2 }).diagnostics.map((d) => [d.code, d.path])).toEqual([['too-many-nodes', '/and']]);
  });

  it('cycles stop at the depth limit', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.not = cyclic;
    expect(problems(cyclic)).toEqual([['nesting-too-deep', '/not'.repeat(128)]]);
  });

  it.each([
    ['a function', () => 1], ['a symbol', Symbol('x')], ['a bigint', 10n], ['undefined', undefined],
  ])('%s is not JSON', (_, value) => {
    expect(problems({ field: 'domain_rating_source', is: ['eq', value] })).toEqual([['json-invalid-condition', '/is/1']]);
    expect(problems(value)).toEqual([['json-invalid-node', '']]);
  });
});
