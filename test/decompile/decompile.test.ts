import { describe, expect, it } from 'vitest';
import type { Filter } from '../../src/ast/nodes.js';
import { defineCatalogue } from '../../src/catalogue/index.js';
import { decompileTree } from '../../src/decompile/index.js';
import { emitWhere, stringifyWhere } from '../../src/emit/where-json.js';

const eq = (field: string, value: unknown, modifier?: string) => (modifier ? { field, modifier, is: ['eq', value] } : { field, is: ['eq', value] });
const cmp = (field: string, op: string, value: unknown) => ({ field, is: [op, value] });

function tree(input: unknown): Filter {
  const result = decompileTree(input);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.filter!;
}

/** Decompiling canonical JSON and emitting it again gives the same bytes. */
function roundTrips(input: unknown): void {
  const json = JSON.stringify(input);
  expect(stringifyWhere(emitWhere(tree(json)))).toBe(json);
}

const str = (value: string, bare = false) => ({ kind: 'string', value, bare });
const num = (value: number) => ({ kind: 'number', value });

describe('in: an or of eq on one column', () => {
  it('two or more eq on the same field → one `in` test, values in order', () => {
    const input = { or: [eq('link_type', 'text'), eq('link_type', 'image'), eq('link_type', 'rss')] };
    expect(tree(input)).toEqual({
      kind: 'condition', field: { name: 'link_type' },
      test: { kind: 'in', values: [str('text', true), str('image', true), str('rss', true)] },
    });
    roundTrips(input);
  });

  it('keeps the modifier', () => {
    const input = { or: [eq('anchor', 'A', 'uppercase'), eq('anchor', 'B', 'uppercase')] };
    expect(tree(input)).toEqual({
      kind: 'condition', field: { name: 'anchor' }, modifier: { name: 'uppercase' },
      test: { kind: 'in', values: [str('A'), str('B')] },
    });
    roundTrips(input);
  });

  it.each([
    ['different fields', { or: [eq('anchor', 'a'), eq('alt', 'b')] }],
    ['different modifiers', { or: [eq('anchor', 'a', 'uppercase'), eq('anchor', 'b')] }],
    ['a non-eq operand', { or: [eq('anchor', 'a'), cmp('anchor', 'neq', 'b')] }],
    ['a nested or', { or: [eq('anchor', 'a'), { or: [eq('anchor', 'b'), eq('alt', 'c')] }] }],
    ['an is_null operand', { or: [eq('alt', 'a'), { field: 'alt', is: 'is_null' }] }],
  ])('not sugared with %s', (_, input) => {
    expect(tree(input).kind).toBe('or');
    roundTrips(input);
  });

  it('inside list_is: an or of ["eq", v] → element test `in`', () => {
    const input = { field: 'languages', list_is: { any: { or: [['eq', 'en'], ['eq', 'de']] } } };
    expect(tree(input)).toEqual({
      kind: 'list', quantifier: 'any', field: { name: 'languages' },
      element: { kind: 'test', test: { kind: 'in', values: [str('en'), str('de')] } },
    });
    roundTrips(input);
    const mixed = { field: 'languages', list_is: { any: { or: [['eq', 'en'], ['neq', 'de']] } } };
    expect(tree(mixed)).toMatchObject({ element: { kind: 'or' } });
    roundTrips(mixed);
  });
});

describe('between: gte then lte on one column', () => {
  it('→ one `between` test', () => {
    const input = { and: [cmp('domain_rating_source', 'gte', 10), cmp('domain_rating_source', 'lte', 50.5)] };
    expect(tree(input)).toEqual({
      kind: 'condition', field: { name: 'domain_rating_source' }, test: { kind: 'between', low: num(10), high: num(50.5) },
    });
    roundTrips(input);
  });

  it.each([
    ['lte before gte', { and: [cmp('domain_rating_source', 'lte', 50), cmp('domain_rating_source', 'gte', 10)] }],
    ['different fields', { and: [cmp('domain_rating_source', 'gte', 10), cmp('url_rating_source', 'lte', 50)] }],
    ['different modifiers', { and: [{ field: 'anchor', modifier: 'uppercase', is: ['gte', 'A'] }, cmp('anchor', 'lte', 'B')] }],
    ['three operands', { and: [cmp('domain_rating_source', 'gte', 10), cmp('domain_rating_source', 'lte', 50), cmp('domain_rating_source', 'lte', 40)] }],
    ['gt instead of gte', { and: [cmp('domain_rating_source', 'gt', 10), cmp('domain_rating_source', 'lte', 50)] }],
  ])('not sugared with %s', (_, input) => {
    expect(tree(input).kind).toBe('and');
    roundTrips(input);
  });

  it('inside list_is', () => {
    const input = { field: 'redirect_kind', list_is: { all: { and: [['gte', 300], ['lte', 399]] } } };
    expect(tree(input)).toEqual({
      kind: 'list', quantifier: 'all', field: { name: 'redirect_kind' },
      element: { kind: 'test', test: { kind: 'between', low: num(300), high: num(399) } },
    });
    roundTrips(input);
    const reversed = { field: 'redirect_kind', list_is: { all: { and: [['lte', 399], ['gte', 300]] } } };
    expect(tree(reversed)).toMatchObject({ element: { kind: 'and' } });
  });
});

describe('one to one', () => {
  it('and / or / not, empty, is_null map one to one', () => {
    const input = { and: [{ not: { field: 'alt', is: 'is_null' } }, { or: [{ field: 'anchor', is: 'empty' }, eq('is_spam', false)] }] };
    expect(tree(input)).toEqual({
      kind: 'and',
      operands: [
        { kind: 'not', operand: { kind: 'condition', field: { name: 'alt' }, test: { kind: 'null' } } },
        {
          kind: 'or',
          operands: [
            { kind: 'condition', field: { name: 'anchor' }, test: { kind: 'empty' } },
            { kind: 'condition', field: { name: 'is_spam' }, test: { kind: 'compare', op: 'eq', value: { kind: 'boolean', value: false } } },
          ],
        },
      ],
    });
    roundTrips(input);
  });

  it('a one-operand and / or is its operand, with a note (the text cannot write the wrapper)', () => {
    const input = { and: [{ or: [eq('anchor', 'a')] }] };
    const result = decompileTree(input);
    expect(result.filter).toEqual({ kind: 'condition', field: { name: 'anchor' }, test: { kind: 'compare', op: 'eq', value: { kind: 'string', value: 'a', bare: false } } });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['json-single-operand', 'info', ''],
      ['json-single-operand', 'info', '/and/0'],
    ]);
    const inList = decompileTree({ field: 'languages', list_is: { any: { and: [['eq', 'en']] } } });
    expect(inList.filter).toMatchObject({ kind: 'list', element: { kind: 'test', test: { kind: 'compare', op: 'eq' } } });
    expect(inList.diagnostics.map((d) => d.path)).toEqual(['/list_is/any']);
  });

  it('decompiled nodes carry no range key', () => {
    expect(JSON.stringify(tree({ field: 'anchor', is: 'empty' }))).not.toContain('range');
  });
});

describe('literal kinds', () => {
  const value = (input: unknown) => (tree(input) as Extract<Filter, { kind: 'condition' }>).test;

  it('dates and T-datetimes on date columns; the space form stays a string', () => {
    expect(value(cmp('first_seen', 'gt', '2024-01-31'))).toMatchObject({ value: { kind: 'date', value: '2024-01-31' } });
    expect(value(cmp('first_seen', 'gt', '2024-01-31T10:00:00Z'))).toMatchObject({ value: { kind: 'datetime' } });
    expect(value(cmp('first_seen', 'gt', '2024-01-31T10:00'))).toMatchObject({ value: { kind: 'datetime' } });
    expect(value(cmp('first_seen', 'gt', '2024-01-31T10:00:00.123+02:00'))).toMatchObject({ value: { kind: 'datetime' } });
    expect(value(cmp('source_page_publish_date', 'eq', '2024-02-29'))).toMatchObject({ value: { kind: 'date' } });
    expect(value(cmp('first_seen', 'gt', '2024-01-31 10:00:00'))).toMatchObject({ value: str('2024-01-31 10:00:00') });
    expect(value(cmp('first_seen', 'gt', '2023-02-29'))).toMatchObject({ value: str('2023-02-29') });
    expect(value(cmp('first_seen', 'gt', '2024-01-31T24:00'))).toMatchObject({ value: str('2024-01-31T24:00') });
    // Not a date column: a date-looking string stays a string.
    expect(value(cmp('anchor', 'eq', '2024-01-31'))).toMatchObject({ value: str('2024-01-31') });
  });

  it('regex values are regex literals', () => {
    expect(value(cmp('anchor', 'regex', '^a.*b$'))).toEqual({ kind: 'compare', op: 'regex', value: { kind: 'regex', value: '^a.*b$' } });
  });

  it('enum values that read as identifiers are bare, keywords and other text are quoted', () => {
    expect(value(eq('link_type', 'text'))).toMatchObject({ value: str('text', true) });
    expect(value(eq('link_type', 'not_a_value'))).toMatchObject({ value: str('not_a_value', true) });
    for (const word of ['and', 'IN', 'null', 'True', 'any', 'matches']) expect(value(eq('link_type', word))).toMatchObject({ value: str(word) });
    expect(value(eq('link_type', 'two words'))).toMatchObject({ value: str('two words') });
    expect(value(eq('link_type', '1st'))).toMatchObject({ value: str('1st') });
    expect(value(eq('anchor', 'text'))).toMatchObject({ value: str('text') });
  });

  it('array(enum) elements are bare too', () => {
    const catalogue = defineCatalogue({ name: 't', columns: { kinds: { type: 'array(string)', enum: ['a', 'b'], nullable: false } } });
    const r = decompileTree({ field: 'kinds', list_is: { any: ['eq', 'a'] } }, { catalogue });
    expect(r.filter).toMatchObject({ element: { test: { value: str('a', true) } } });
  });

  it('unknown columns: by value only', () => {
    expect(value(eq('nope', 'text'))).toMatchObject({ value: str('text') });
    expect(value(eq('nope', '2024-01-01'))).toMatchObject({ value: str('2024-01-01') });
    expect(value(eq('nope', 3))).toMatchObject({ value: num(3) });
    expect(value(eq('nope', true))).toMatchObject({ value: { kind: 'boolean', value: true } });
  });

  it('an alias of the query language is an error in JSON, with the API name as did-you-mean', () => {
    for (const [alias, api] of [['DR', 'domain_rating_source'], ['dr', 'domain_rating_source'], ['UR', 'url_rating_source'], ['AR', 'ahrefs_rank_source']] as const) {
      for (const input of [eq(alias, 5), { not: eq(alias, 5) }, { or: [eq('anchor', 'x'), eq(alias, 5)] }]) {
        const r = decompileTree(input);
        expect(r.filter).toBeUndefined();
        const d = r.diagnostics.find((x) => x.code === 'json-field-alias')!;
        expect(d.path).toMatch(/\/field$/);
        expect(d.message).toContain(`"${alias}"`);
        expect(d.suggestions?.[0]?.replacement).toBe(api);
      }
    }
    // The API name itself, and list_is on an array column, stay accepted.
    expect(decompileTree(eq('domain_rating_source', 5)).diagnostics).toEqual([]);
  });
});

describe('1 / 0 on boolean columns (the documented normalisation)', () => {
  it('eq 1 → true, neq 0 → false, with an info diagnostic at the value', () => {
    for (const [op, n, b] of [['eq', 1, true], ['neq', 0, false]] as const) {
      const r = decompileTree({ field: 'is_dofollow', is: [op, n] });
      expect(r.filter).toEqual({ kind: 'condition', field: { name: 'is_dofollow' }, test: { kind: 'compare', op, value: { kind: 'boolean', value: b } } });
      expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'json-boolean-as-number', severity: 'info', path: '/is/1' })]);
      expect(stringifyWhere(emitWhere(r.filter!))).toBe(`{"field":"is_dofollow","is":["${op}",${b}]}`);
    }
  });

  it('inside in-sugar too', () => {
    const r = decompileTree({ or: [eq('is_spam', 1), eq('is_spam', 0)] });
    expect(r.diagnostics.map((d) => d.path)).toEqual(['/or/0/is/1', '/or/1/is/1']);
    expect(r.filter).toMatchObject({ test: { kind: 'in', values: [{ kind: 'boolean', value: true }, { kind: 'boolean', value: false }] } });
  });

  it('not for other numbers, other operators or other columns', () => {
    for (const input of [eq('is_spam', 2), cmp('is_spam', 'gt', 0), eq('http_code', 1), eq('nope', 1)]) {
      const r = decompileTree(input);
      expect(r.diagnostics).toEqual([]);
      expect(r.filter).toMatchObject({ test: { value: { kind: 'number' } } });
    }
  });
});

describe('paths', () => {
  it('records the JSON path of every node built', () => {
    const input = {
      and: [
        { field: 'anchor', modifier: 'uppercase', is: ['prefix', 'A'] },
        { or: [eq('link_type', 'text'), eq('link_type', 'image')] },
        { field: 'languages', list_is: { any: { not: ['eq', 'en'] } } },
        { and: [cmp('domain_rating_source', 'gte', 1), cmp('domain_rating_source', 'lte', 2)] },
      ],
    };
    const r = decompileTree(input);
    const root = r.filter as Extract<Filter, { kind: 'and' }>;
    const [a, b, c, d] = root.operands as [any, any, any, any];
    const expected: [object, string][] = [
      [root, ''],
      [a, '/and/0'], [a.field, '/and/0/field'], [a.modifier, '/and/0/modifier'], [a.test, '/and/0/is'], [a.test.value, '/and/0/is/1'],
      [b, '/and/1'], [b.field, '/and/1/or/0/field'], [b.test, '/and/1'], [b.test.values[0], '/and/1/or/0/is/1'], [b.test.values[1], '/and/1/or/1/is/1'],
      [c, '/and/2'], [c.field, '/and/2/field'], [c.element, '/and/2/list_is/any'], [c.element.operand, '/and/2/list_is/any/not'],
      [c.element.operand.test, '/and/2/list_is/any/not'], [c.element.operand.test.value, '/and/2/list_is/any/not/1'],
      [d, '/and/3'], [d.test.low, '/and/3/and/0/is/1'], [d.test.high, '/and/3/and/1/is/1'],
    ];
    for (const [node, path] of expected) expect(r.paths.get(node)).toBe(path);
    expect(r.paths.size).toBe(expected.length + 1 /* d.field */ + 1 /* d.test */);
  });
});

describe('nesting limits', () => {
  const leaf = '{"field":"anchor","is":"empty"}';
  const nots = (n: number) => '{"not":'.repeat(n) + leaf + '}'.repeat(n);

  it('accepts exactly maxDepth levels, refuses one more', () => {
    expect(decompileTree(nots(128)).diagnostics).toEqual([]);
    const deeper = decompileTree(nots(129));
    expect(deeper.filter).toBeUndefined();
    expect(deeper.diagnostics.map((d) => [d.code, d.path])).toEqual([['nesting-too-deep', '/not'.repeat(128)]]);
    expect(decompileTree(nots(5), { maxDepth: 4 }).diagnostics.map((d) => d.code)).toEqual(['nesting-too-deep']);
  });

  it('list_is and its condition filters count as levels', () => {
    const input = { field: 'languages', list_is: { any: { not: { not: ['eq', 'en'] } } } };
    expect(decompileTree(input, { maxDepth: 3 }).diagnostics).toEqual([]);
    expect(decompileTree(input, { maxDepth: 2 }).diagnostics.map((d) => [d.code, d.path])).toEqual([['nesting-too-deep', '/list_is/any/not']]);
  });

  it('100,000 levels as a string are refused cleanly', () => {
    const r = decompileTree(nots(100_000));
    expect(r.filter).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['nesting-too-deep']);
    const arrays = decompileTree('{"and":['.repeat(100_000) + leaf + ']}'.repeat(100_000), { maxLength: 2_000_000 });
    expect(arrays.diagnostics.map((d) => d.code)).toEqual(['nesting-too-deep']);
  });

  it('100,000 levels as an object are refused cleanly', () => {
    let deep: unknown = { field: 'anchor', is: 'empty' };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    expect(decompileTree(deep).diagnostics.map((d) => d.code)).toEqual(['nesting-too-deep']);
  });

  it('invalid JSON nested 100,000 deep gives json-syntax, not a crash', () => {
    const r = decompileTree('['.repeat(100_000) + '}');
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['json-syntax', '']]);
    expect(r.diagnostics[0]!.message).toContain('offset 100000');
  });
});
