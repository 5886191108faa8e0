/**
 * Limits on untrusted input: length, nesting depth and list length are
 * configurable and refused with clear diagnostics; input nested 100,000 levels
 * deep (text, JSON text, JSON objects, AST objects) is refused cleanly, never
 * with a stack overflow.
 */
import { describe, expect, it } from 'vitest';
import { check, compile, decompile, format } from '../../src/api/compile.js';
import { CompileError, evaluate, predicate } from '../../src/api/predicate.js';
import type { Filter } from '../../src/ast/nodes.js';
import { loadCatalogue } from '../../src/catalogue/define.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { printFilter } from '../../src/emit/text.js';
import { parse } from '../../src/syntax/parse.js';
import { expectRangesInside } from '../laws/helpers.js';

const DEEP = 100_000;
const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const leaf: Filter = { kind: 'condition', field: { name: 'is_spam' }, test: { kind: 'compare', op: 'eq', value: { kind: 'boolean', value: true } } };

/** A tree `depth` levels deep, built without recursion. */
function deepTree(depth: number, wrap: (inner: Filter) => Filter): Filter {
  let node = leaf;
  for (let i = 0; i < depth; i++) node = wrap(node);
  return node;
}

/** A `where` object `depth` levels deep, built without recursion. */
function deepJson(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let node: unknown = { field: 'is_spam', is: ['eq', true] };
  for (let i = 0; i < depth; i++) node = wrap(node);
  return node;
}

/** The text entry points refuse `text` with `code`, without throwing, with ranges inside the text. */
function refusedText(text: string, code: string, options: Parameters<typeof compile>[1] = {}): void {
  const parsed = parse(text, options);
  expect(codes(parsed.diagnostics)).toContain(code);
  expectRangesInside(parsed.diagnostics, text);
  const compiled = compile(text, options);
  expect(compiled.ok).toBe(false);
  expect(codes(compiled.diagnostics)).toContain(code);
  expectRangesInside(compiled.diagnostics, text);
  expect(codes(check(text, options))).toContain(code);
  expect(typeof format(text)).toBe('string');
  expect(() => predicate(text, options)).toThrow(CompileError);
}

describe('input length', () => {
  it('the default limit is 100,000 characters', () => {
    refusedText(`anchor = "${'x'.repeat(100_000)}"`, 'input-too-long');
    expect(compile(`anchor = "${'x'.repeat(99_000)}"`).ok).toBe(true);
  });

  it('is configurable', () => {
    refusedText('domain_rating_source >= 50 and is_dofollow', 'input-too-long', { maxLength: 20 });
    expect(compile('is_dofollow', { maxLength: 20 }).ok).toBe(true);
  });

  it('applies to where JSON text (default 1,000,000, configurable)', () => {
    const long = JSON.stringify({ field: 'anchor', is: ['eq', 'x'.repeat(1_000_000)] });
    expect(codes(decompile(long).diagnostics)).toContain('input-too-long');
    expect(codes(decompile('{"field":"is_spam","is":["eq",true]}', { maxLength: 10 }).diagnostics)).toContain('input-too-long');
  });
});

describe('nesting depth', () => {
  it('the default limit is 128 levels, in text', () => {
    refusedText(`${'('.repeat(129)}is_spam${')'.repeat(129)}`, 'nesting-too-deep');
    refusedText(`${'not '.repeat(129)}is_spam`, 'nesting-too-deep');
    expect(compile(`${'('.repeat(100)}is_spam${')'.repeat(100)}`).ok).toBe(true);
  });

  it('is configurable, in text and in JSON', () => {
    refusedText('not not not not is_spam', 'nesting-too-deep', { maxDepth: 3 });
    expect(compile('not not is_spam', { maxDepth: 3 }).ok).toBe(true);
    expect(codes(decompile(deepJson(5, (x) => ({ not: x })), { maxDepth: 3 }).diagnostics)).toContain('nesting-too-deep');
    expect(decompile(deepJson(2, (x) => ({ not: x })), { maxDepth: 3 }).ok).toBe(true);
  });

  it.each([
    ['parentheses', `${'('.repeat(DEEP)}is_spam${')'.repeat(DEEP)}`],
    ['not', `${'not '.repeat(DEEP)}is_spam`],
    ['not (', `${'not ('.repeat(DEEP)}is_spam${')'.repeat(DEEP)}`],
    ['unclosed parentheses', '('.repeat(DEEP)],
    ['nested any()', `${'any(languages) ('.repeat(DEEP)}= "en"`],
    ['not inside any()', `${'any(languages) (not '.repeat(DEEP)}= "en"`],
    ['and chains in parentheses', `${'(is_spam and '.repeat(DEEP)}is_spam${')'.repeat(DEEP)}`],
  ])('text nested 100,000 levels (%s) is refused cleanly', (_, text) => {
    // By default such text is already too long; lift the length limit so that the depth limit is what refuses it.
    refusedText(text, 'nesting-too-deep', { maxLength: 5_000_000 });
    refusedText(text, text.length > 100_000 ? 'input-too-long' : 'nesting-too-deep');
  });

  it.each([
    ['not', (x: unknown) => ({ not: x }), '{"not":', '}'],
    ['and', (x: unknown) => ({ and: [x] }), '{"and":[', ']}'],
    ['or', (x: unknown) => ({ or: [x, { field: 'is_spam', is: 'is_null' }] }), '{"or":[', ',{"field":"is_spam","is":"is_null"}]}'],
  ])('where JSON nested 100,000 levels (%s) is refused cleanly, as text and as an object', (_, wrap, open, close) => {
    const value = deepJson(DEEP, wrap);
    // Built as text directly: JSON.stringify itself overflows the stack on such a value.
    const text = open.repeat(DEEP) + '{"field":"is_spam","is":["eq",true]}' + close.repeat(DEEP);
    for (const input of [value, text]) {
      const result = decompile(input);
      expect(result.ok).toBe(false);
      // Text this deep may also pass the 1,000,000-character limit first; either refusal is clean.
      expect(codes(result.diagnostics).some((c) => c === 'nesting-too-deep' || c === 'input-too-long')).toBe(true);
    }
  });

  it('a list_is nested 100,000 levels deep is refused cleanly', () => {
    let inner: unknown = ['eq', 'en'];
    for (let i = 0; i < DEEP; i++) inner = { not: inner };
    const result = decompile({ field: 'languages', list_is: { any: inner } });
    expect(codes(result.diagnostics)).toContain('nesting-too-deep');
  });

  it('arrays and objects nested 100,000 levels (not where-shaped) are refused cleanly', () => {
    for (const text of ['['.repeat(DEEP) + ']'.repeat(DEEP), '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)]) {
      expect(decompile(text).ok).toBe(false);
      expect(loadCatalogue(text).ok).toBe(false);
    }
  });

  it.each([
    ['not', (x: Filter): Filter => ({ kind: 'not', operand: x })],
    ['and', (x: Filter): Filter => ({ kind: 'and', operands: [x, leaf] })],
  ])('an AST nested 100,000 levels (%s) given to compile / check / predicate is refused cleanly', (_, wrap) => {
    const tree = deepTree(DEEP, wrap);
    expect(codes(compile(tree).diagnostics)).toContain('nesting-too-deep');
    expect(codes(check(tree))).toContain('nesting-too-deep');
    expect(() => predicate(tree)).toThrow(CompileError);
    expect(() => evaluate(tree, {})).toThrow(CompileError);
  });

  it('printFilter on an AST nested 100,000 levels throws nothing but a clean error, if anything', () => {
    const tree = deepTree(DEEP, (x) => ({ kind: 'not', operand: x }));
    try {
      expect(typeof printFilter(tree)).toBe('string');
    } catch (error) {
      expect(error).not.toBeInstanceOf(RangeError);
    }
  });
});

describe('list length', () => {
  const list = (n: number) => `http_code in (${Array.from({ length: n }, (_, i) => i).join(', ')})`;

  // FINDING (reported to the lead): src/syntax/parse.ts has no limit on `in (…)` items (ParseOptions
  // and FilterOptions lack `maxListLength`), so `list-too-long` is never reported for text.
  // Remove `.fails` when the option lands (or rename it here).
  it('in (…) with more items than the limit is refused (list-too-long), configurable', () => {
    refusedText(list(50), 'list-too-long', { maxListLength: 10 } as Parameters<typeof compile>[1]);
    expect(compile(list(10), { maxListLength: 10 } as Parameters<typeof compile>[1]).ok).toBe(true);
  });

  it('in (…) with 20,000 items answers without throwing', () => {
    const text = list(20_000);
    const result = compile(text);
    expectRangesInside(result.diagnostics, text);
  });

  it('JSON and / or arrays are bounded by maxNodes (too-many-nodes), not by maxListLength, as text chains are', () => {
    const operands = Array.from({ length: 2000 }, () => ({ field: 'is_spam', is: ['eq', true] }));
    // What compile emits for a 2,000-part chain decompiles (every JSON compile emits must)...
    expect(decompile({ or: operands }).ok).toBe(true);
    // ...and more nodes than the limit are refused, before the items are read.
    expect(codes(decompile({ or: operands }, { maxNodes: 1000 }).diagnostics)).toEqual(['too-many-nodes']);
    expect(codes(decompile({ and: new Array(10_000_000) }).diagnostics)).toEqual(['too-many-nodes']);
    expect(codes(decompile({ and: Array.from({ length: 1_000_000 }, () => operands[0]) }).diagnostics)).toEqual(['too-many-nodes']);
  });
});
