/**
 * Every syntax diagnostic: its code, its range, and (in the reviewed
 * snapshot) its message, since the message is the product.
 */
import { describe, expect, it } from 'vitest';
import { getParser } from '../../src/syntax/parser.js';
import { FilterParser } from '../../src/syntax/parser.js';
import { parse } from '../../src/syntax/parse.js';

/** [code, start, end] of each diagnostic. */
function codes(text: string, options = {}) {
  return parse(text, options).diagnostics.map((d) => [d.code, d.range?.start.offset, d.range?.end.offset]);
}

describe('syntax diagnostics', () => {
  it.each([
    ['x >= and y', [['unexpected-token', 5, 8]]],
    ['x >=', [['unexpected-end', 4, 4]]],
    ['(a', [['unexpected-end', 2, 2]]],
    ['a b', [['unexpected-token', 2, 3]]],
    ['a and', [['unexpected-end', 5, 5]]],
    ['x in ()', [['unexpected-token', 6, 7]]],
    ['x starts "a"', [['unexpected-token', 9, 12]]],
    ['x is 5', [['unexpected-token', 5, 6]]],
    ['x matches 5', [['unexpected-token', 10, 11]]],
    ['x not = 5', [['unexpected-token', 6, 7]]],
    ['any(x)', [['unexpected-end', 6, 6]]],
    ['uppercase(x)', [['unexpected-end', 12, 12]]],
    [')', [['unexpected-token', 0, 1]]],
    ['x @ 1', [['unknown-character', 2, 3], ['unexpected-token', 4, 5]]],
    ['x = 1 §§ and y', [['unknown-character', 6, 8]]],
    ['x = "abc', [['unterminated-string', 4, 8]]],
    ["x = 'abc\nand y", [['unterminated-string', 4, 8]]],
    // The unterminated name runs to the end of the line, leaving a bare column.
    ['`abc = 1', [['unterminated-string', 0, 8]]],
    ['x matches /abc', [['unterminated-regex', 10, 14]]],
    ['x = "a\\qb\\u12"', [['invalid-escape', 6, 8], ['invalid-escape', 9, 11]]],
    ['`a\\q` = 1', [['invalid-escape', 2, 4]]],
    ['x = "\\u{110000}"', [['invalid-escape', 5, 15]]],
    ['x = 99999999999999999', [['invalid-number', 4, 21]]],
    ['x = 1e999', [['invalid-number', 4, 9]]],
    ['x = 2023-02-29', [['invalid-date', 4, 14]]],
    ['x = 2024-01-01T24:00', [['invalid-date', 4, 20]]],
    ['x = 2024-01-01T10:00:00.1234567890Z', [['invalid-date', 4, 35]]],
    ['', [['empty-filter', 0, 0]]],
    ['  # only a comment\n', [['empty-filter', 0, 19]]],
  ])('%j', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('reports every error, lexical and syntactic, in order', () => {
    expect(codes('x = "a\\q" and @ and y >= and 2024-13-01')).toEqual([
      ['invalid-escape', 6, 8], ['unknown-character', 14, 15], ['unexpected-token', 16, 19], ['unexpected-token', 25, 28],
      ['invalid-date', 29, 39], ['unexpected-token', 29, 39],
    ]);
  });

  it('builds invalid nodes where recovery left gaps', () => {
    const f = parse('x >= and y').document.filter;
    expect(f?.kind).toBe('and');
    expect(f?.kind === 'and' && f.operands.map((o) => o.kind)).toEqual(['invalid', 'condition']);
  });

  it('messages say what was expected, after what, and what was found', () => {
    const messages = [
      'x >= and y', 'x >=', '(a', 'a b', 'x in ()', 'x starts "a"', 'x is 5', 'x matches 5', 'x not = 5', 'any(x)', 'a and', ')',
      'x @ 1', 'x = "abc', '`abc` = "a\\qb"', 'x matches /abc', 'x = 99999999999999999', 'x = 2023-02-29', '', 'not not (((x',
    ].map((text) => [text, parse(text).diagnostics.map((d) => `${d.code}: ${d.message}`)]);
    expect(messages).toMatchSnapshot();
  });
});

describe('limits', () => {
  it('input-too-long, with a range inside the input', () => {
    expect(codes('a and b', { maxLength: 3 })).toEqual([['input-too-long', 3, 7]]);
    expect(codes('x'.repeat(100_001))).toEqual([['input-too-long', 100_000, 100_001]]);
  });

  it('nesting-too-deep is found before any recursion', () => {
    expect(codes('('.repeat(100_000), { maxLength: 1e6 })).toEqual([['nesting-too-deep', 128, 129]]);
    expect(codes('not '.repeat(20_000) + 'x')).toEqual([['nesting-too-deep', 512, 515]]);
    expect(codes('((a))', { maxDepth: 1 })).toEqual([['nesting-too-deep', 1, 2]]);
    expect(codes(`${'('.repeat(128)}a${')'.repeat(128)}`)).toEqual([]);
    expect(codes(`${'not '.repeat(64)}(${'not '.repeat(63)}x)`)).toEqual([]);
  });

  it('long flat chains are not nesting', () => {
    expect(codes(Array.from({ length: 5000 }, (_, i) => `not f${i}`).join(' and '))).toEqual([]);
    expect(codes(Array.from({ length: 2000 }, (_, i) => `(f${i})`).join(' or '))).toEqual([]);
  });

  it('never throws on odd input', () => {
    for (const text of ['\uD800', '\u0000', '"\\', '/\\', '`\\', 'x in (', 'any(', 'any(x) (', 'x between 1 and', '#', '\r\n\r', '😀 = 1']) {
      expect(() => parse(text)).not.toThrow();
    }
    expect(() => parse(42 as unknown as string)).not.toThrow();
  });
});

describe('grammar', () => {
  it('passes Chevrotain’s own grammar validations (the lexer’s: test/syntax/lexer.test.ts)', () => {
    expect(() => new FilterParser(true)).not.toThrow();
    expect(getParser()).toBe(getParser());
  });
});
