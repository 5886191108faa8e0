/**
 * Every construct of the language, parsed into the AST it means.
 */
import { describe, expect, it } from 'vitest';
import type { Filter, Literal, Test } from '../../src/ast/nodes.js';
import { stripRanges } from '../../src/ast/strip-ranges.js';
import { parse } from '../../src/syntax/parse.js';

function ast(text: string): Filter | undefined {
  const r = parse(text);
  expect(r.diagnostics).toEqual([]);
  return stripRanges(r.document.filter);
}

const str = (value: string, bare = false): Literal => ({ kind: 'string', value, bare });
const num = (value: number): Literal => ({ kind: 'number', value });
const T = { kind: 'boolean', value: true } as const;
const cond = (name: string, test: Test): Filter => ({ kind: 'condition', field: { name }, test });
const cmp = (op: Extract<Test, { kind: 'compare' }>['op'], value: Literal): Test => ({ kind: 'compare', op, value });
const not = (operand: Filter): Filter => ({ kind: 'not', operand });

describe('column tests', () => {
  it.each([
    ['x = 1', cmp('eq', num(1))], ['x != 1', cmp('neq', num(1))], ['x > 1', cmp('gt', num(1))], ['x >= 1', cmp('gte', num(1))],
    ['x < 1', cmp('lt', num(1))], ['x <= 1', cmp('lte', num(1))],
    ['x contains "a"', cmp('substring', str('a'))], ['x icontains "a"', cmp('isubstring', str('a'))],
    ['x contains phrase "a b"', cmp('phrase_match', str('a b'))], ['x icontains phrase "a b"', cmp('iphrase_match', str('a b'))],
    ['x starts with "a"', cmp('prefix', str('a'))], ['x ends with "a"', cmp('suffix', str('a'))],
    ['x matches /a.*b/', cmp('regex', { kind: 'regex', value: 'a.*b' })], ['x matches "a.*b"', cmp('regex', { kind: 'regex', value: 'a.*b' })],
    ['x is null', { kind: 'null' }], ['x is empty', { kind: 'empty' }],
    ['x in (1, "a", b)', { kind: 'in', values: [num(1), str('a'), str('b', true)] }], ['x in (1)', { kind: 'in', values: [num(1)] }],
    ['x between 1 and 2', { kind: 'between', low: num(1), high: num(2) }],
  ] as const)('%s', (text, test) => {
    expect(ast(text)).toEqual(cond('x', test as Test));
  });

  it.each([
    ['x is not null', { kind: 'null' }], ['x is not empty', { kind: 'empty' }], ['x not in (1, 2)', { kind: 'in', values: [num(1), num(2)] }],
    ['x not between 1 and 2', { kind: 'between', low: num(1), high: num(2) }], ['x not contains "a"', cmp('substring', str('a'))],
    ['x not icontains "a"', cmp('isubstring', str('a'))], ['x not contains phrase "a"', cmp('phrase_match', str('a'))],
    ['x not icontains phrase "a"', cmp('iphrase_match', str('a'))], ['x not starts with "a"', cmp('prefix', str('a'))],
    ['x not ends with "a"', cmp('suffix', str('a'))], ['x not matches /a/', cmp('regex', { kind: 'regex', value: 'a' })],
  ] as const)('%s is not(…)', (text, test) => {
    expect(ast(text)).toEqual(not(cond('x', test as Test)));
  });

  it('a bare column is `= true`, `not x` its negation', () => {
    expect(ast('is_dofollow')).toEqual(cond('is_dofollow', cmp('eq', T)));
    expect(ast('not is_dofollow')).toEqual(not(cond('is_dofollow', cmp('eq', T))));
  });

  it('the `not` node of a negated tail covers the whole construct', () => {
    const f = parse('  x not in (1, 2)  ').document.filter!;
    expect([f.range?.start.offset, f.range?.end.offset]).toEqual([2, 17]);
  });

  it('modifiers', () => {
    expect(ast('uppercase(anchor) contains "SEO"')).toEqual({
      kind: 'condition', field: { name: 'anchor' }, modifier: { name: 'uppercase' }, test: cmp('substring', str('SEO')),
    });
    expect(ast('uppercase(anchor) not in ("A", "B")')).toEqual(not({
      kind: 'condition', field: { name: 'anchor' }, modifier: { name: 'uppercase' }, test: { kind: 'in', values: [str('A'), str('B')] },
    }));
  });

  it('field names: dotted, backticks with escapes, keywords as prefixes of identifiers', () => {
    expect(ast('intents.informational')).toEqual(cond('intents.informational', cmp('eq', T)));
    expect(ast('`my \\` field\\\\` = 1')).toEqual(cond('my ` field\\', cmp('eq', num(1))));
    expect(ast('`and` = 1')).toEqual(cond('and', cmp('eq', num(1))));
    expect(ast('android and is_dofollow and nothing')).toEqual({
      kind: 'and', operands: [cond('android', cmp('eq', T)), cond('is_dofollow', cmp('eq', T)), cond('nothing', cmp('eq', T))],
    });
  });
});

describe('arrays', () => {
  const list = (quantifier: 'any' | 'all', element: unknown) => ({ kind: 'list', quantifier, field: { name: 'languages' }, element });
  const t = (test: Test) => ({ kind: 'test', test });
  it.each([
    ['any(languages) = "en"', list('any', t(cmp('eq', str('en'))))],
    ['all(languages) between 300 and 399', list('all', t({ kind: 'between', low: num(300), high: num(399) }))],
    ['any(languages) in ("en", "de")', list('any', t({ kind: 'in', values: [str('en'), str('de')] }))],
    ['any(languages) is null', list('any', t({ kind: 'null' }))],
    ['any(languages) is not null', list('any', { kind: 'not', operand: t({ kind: 'null' }) })],
    ['any(languages) not in ("en")', list('any', { kind: 'not', operand: t({ kind: 'in', values: [str('en')] }) })],
    ['any(languages) (not in ("en"))', list('any', { kind: 'not', operand: t({ kind: 'in', values: [str('en')] }) })],
    ['ANY(languages) (starts with "en" or = "de" and not contains "x")', list('any', {
      kind: 'or',
      operands: [t(cmp('prefix', str('en'))), { kind: 'and', operands: [t(cmp('eq', str('de'))), { kind: 'not', operand: t(cmp('substring', str('x'))) }] }],
    })],
    ['all(languages) ((= 1 or = 2) and (not (= 3)))', list('all', {
      kind: 'and', operands: [{ kind: 'or', operands: [t(cmp('eq', num(1))), t(cmp('eq', num(2)))] }, { kind: 'not', operand: t(cmp('eq', num(3))) }],
    })],
  ])('%s', (text, expected) => {
    expect(ast(text)).toEqual(expected);
  });
});

describe('boolean structure', () => {
  const a = cond('a', cmp('eq', T));
  const b = cond('b', cmp('eq', T));
  const c = cond('c', cmp('eq', T));
  it('precedence: not > and > or', () => {
    expect(ast('a or b and not c')).toEqual({ kind: 'or', operands: [a, { kind: 'and', operands: [b, not(c)] }] });
    expect(ast('not a and b')).toEqual({ kind: 'and', operands: [not(a), b] });
  });
  it('a chain is one node; parentheses are kept as nesting', () => {
    expect(ast('a and b and c')).toEqual({ kind: 'and', operands: [a, b, c] });
    expect(ast('a and (b and c)')).toEqual({ kind: 'and', operands: [a, { kind: 'and', operands: [b, c] }] });
    expect(ast('((a))')).toEqual(a);
    expect(ast('not (a or b)')).toEqual(not({ kind: 'or', operands: [a, b] }));
  });
  it('between binds its own `and`', () => {
    expect(ast('x between 1 and 2 and a')).toEqual({ kind: 'and', operands: [cond('x', { kind: 'between', low: num(1), high: num(2) }), a] });
  });
  it('keywords are case-insensitive', () => {
    expect(ast('A AND NOT B Or c')).toEqual(ast('A and not B or c'));
    expect(ast('x IS NOT NULL')).toEqual(ast('x is not null'));
  });
});

describe('literals', () => {
  const value = (text: string) => (ast(`x = ${text}`) as Extract<Filter, { kind: 'condition' }>).test as Extract<Test, { kind: 'compare' }>;
  it.each([
    ['"a\\"b"', str('a"b')], ["'a\\'b'", str("a'b")], ['"\\\\ \\/ \\n \\r \\t"', str('\\ / \n \r \t')],
    ['"\\u00e9\\u{1F600}"', str('é😀')], ['text', str('text', true)], ['-1.5e3', num(-1500)], ['.5', num(0.5)],
    ['2024-02-29', { kind: 'date', value: '2024-02-29' }], ['2024-01-01T10:00', { kind: 'datetime', value: '2024-01-01T10:00' }],
    ['2024-01-01T10:00:59.123+05:30', { kind: 'datetime', value: '2024-01-01T10:00:59.123+05:30' }],
    ['true', { kind: 'boolean', value: true }], ['FALSE', { kind: 'boolean', value: false }], ['null', { kind: 'null' }],
    ['/a\\/b\\d/', { kind: 'regex', value: 'a/b\\d' }],
  ] as const)('%s', (text, expected) => {
    expect(value(text).value).toEqual(expected);
  });
  it('-0 stays -0', () => {
    expect(Object.is(value('-0').value.kind === 'number' && (value('-0').value as { value: number }).value, -0)).toBe(true);
  });
});

describe('documents', () => {
  it('keeps comments with their ranges', () => {
    const r = parse('# first\na # second\n');
    expect(r.document.comments.map((c) => [c.text, c.range.start.line, c.range.start.column])).toEqual([[' first', 1, 1], [' second', 2, 3]]);
  });
  it('ranges are 0-based offsets with 1-based lines and columns, half-open', () => {
    const f = parse('a and\n  bb').document.filter as Extract<Filter, { kind: 'and' }>;
    expect(f.operands[1]!.range).toEqual({ start: { offset: 8, line: 2, column: 3 }, end: { offset: 10, line: 2, column: 5 } });
  });
});
