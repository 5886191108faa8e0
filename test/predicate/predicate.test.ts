/** Spec §4 rule by rule, on both back ends (generated code and closures). */
import { describe, expect, it } from 'vitest';
import type { CompareOp, ElementFilter, Filter, Literal, Test } from '../../src/ast/nodes.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { generateSource } from '../../src/emit/predicate-codegen.js';
import { compilePredicate } from '../../src/emit/predicate.js';
import { renderExplanation } from '../../src/emit/explain.js';
import { contextFor, evalBoth, explainTree } from '../support/predicate-harness.js';

const str = (value: string): Literal => ({ kind: 'string', value, bare: false });
const num = (value: number): Literal => ({ kind: 'number', value });
const bool = (value: boolean): Literal => ({ kind: 'boolean', value });
const date = (value: string): Literal => (value.length === 10 ? { kind: 'date', value } : { kind: 'datetime', value });
const re = (value: string): Literal => ({ kind: 'regex', value });
const is = (name: string, op: CompareOp, value: Literal, modifier?: string): Filter =>
  modifier ? { kind: 'condition', field: { name }, modifier: { name: modifier }, test: { kind: 'compare', op, value } } : { kind: 'condition', field: { name }, test: { kind: 'compare', op, value } };
const test = (name: string, t: Test): Filter => ({ kind: 'condition', field: { name }, test: t });
const and = (...operands: Filter[]): Filter => ({ kind: 'and', operands });
const or = (...operands: Filter[]): Filter => ({ kind: 'or', operands });
const not = (operand: Filter): Filter => ({ kind: 'not', operand });
const el = (op: CompareOp, value: Literal): ElementFilter => ({ kind: 'test', test: { kind: 'compare', op, value } });
const list = (quantifier: 'any' | 'all', name: string, element: ElementFilter): Filter => ({ kind: 'list', quantifier, field: { name }, element });

/** The result, after checking that both back ends agree. */
function ev(filter: Filter, row: Record<string, unknown>, catalogue?: Parameters<typeof evalBoth>[2]): boolean | null {
  const [generated, closures] = evalBoth(filter, row, catalogue);
  expect(closures).toBe(generated);
  return generated;
}

// Leaves with a known value: alt = "x" is true on T, false on F, unknown on U.
const A = is('alt', 'eq', str('x'));
const B = is('title', 'eq', str('x'));
const rowOf = (a: boolean | null, b: boolean | null) => ({ alt: a === null ? null : a ? 'x' : 'y', title: b === null ? null : b ? 'x' : 'y' });
const V = [true, false, null] as const;

describe('three-valued logic', () => {
  it('and / or follow Kleene tables, not keeps unknown', () => {
    const K_AND = (a: boolean | null, b: boolean | null) => (a === false || b === false ? false : a === null || b === null ? null : true);
    const K_OR = (a: boolean | null, b: boolean | null) => (a === true || b === true ? true : a === null || b === null ? null : false);
    for (const a of V) {
      expect(ev(not(A), rowOf(a, true))).toBe(a === null ? null : !a);
      for (const b of V) {
        expect(ev(and(A, B), rowOf(a, b))).toBe(K_AND(a, b));
        expect(ev(or(A, B), rowOf(a, b))).toBe(K_OR(a, b));
      }
    }
  });
  it('not (alt = "x") does not match a null alt; alt is null does', () => {
    expect(ev(not(A), { alt: null })).toBeNull();
    expect(ev(test('alt', { kind: 'null' }), { alt: null })).toBe(true);
    expect(ev(test('alt', { kind: 'null' }), {})).toBe(true);
    expect(ev(test('alt', { kind: 'null' }), { alt: '' })).toBe(false);
    expect(ev(not(test('alt', { kind: 'null' })), { alt: undefined })).toBe(false);
  });
  it('absent columns count as null; extra keys are ignored', () => {
    expect(ev(A, {})).toBeNull();
    expect(ev(A, { alt: 'x', something_else: 1 })).toBe(true);
  });
});

describe('empty', () => {
  const E = test('alt', { kind: 'empty' });
  const L = test('languages', { kind: 'empty' });
  it.each([[{ alt: '' }, true], [{ alt: 'a' }, false], [{ alt: null }, null], [{}, null], [{ alt: 0 }, null], [{ alt: [] }, null]])('alt %j → %s', (row, expected) => {
    expect(ev(E, row)).toBe(expected);
  });
  it.each([[{ languages: [] }, true], [{ languages: ['en'] }, false], [{ languages: [null] }, false], [{ languages: null }, null], [{ languages: '' }, null]])('languages %j → %s', (row, expected) => {
    expect(ev(L, row)).toBe(expected);
  });
});

describe('comparisons', () => {
  it('numbers numerically; -0 equals 0; NaN and wrong types are unknown; Infinity is a number', () => {
    const DR = (op: CompareOp, n: number) => is('domain_rating_source', op, num(n));
    expect(ev(DR('gte', 50), { domain_rating_source: 50 })).toBe(true);
    expect(ev(DR('gt', 50), { domain_rating_source: 50 })).toBe(false);
    expect(ev(DR('eq', 0), { domain_rating_source: -0 })).toBe(true);
    expect(ev(DR('neq', 0), { domain_rating_source: -0 })).toBe(false);
    expect(ev(DR('eq', 50), { domain_rating_source: NaN })).toBeNull();
    expect(ev(DR('neq', 50), { domain_rating_source: NaN })).toBeNull();
    expect(ev(DR('gt', 50), { domain_rating_source: Infinity })).toBe(true);
    expect(ev(DR('lt', 50), { domain_rating_source: -Infinity })).toBe(true);
    expect(ev(DR('eq', 50), { domain_rating_source: '50' })).toBeNull();
    expect(ev(DR('neq', 50), { domain_rating_source: '50' })).toBeNull();
    expect(ev(DR('eq', 1), { domain_rating_source: true })).toBeNull();
    expect(ev(test('domain_rating_source', { kind: 'between', low: num(10), high: num(20) }), { domain_rating_source: 20 })).toBe(true);
    expect(ev(test('domain_rating_source', { kind: 'between', low: num(10), high: num(20) }), { domain_rating_source: 21 })).toBe(false);
    expect(ev(test('domain_rating_source', { kind: 'in', values: [num(1), num(2)] }), { domain_rating_source: 2 })).toBe(true);
    expect(ev(test('domain_rating_source', { kind: 'in', values: [num(1), num(2)] }), { domain_rating_source: NaN })).toBeNull();
  });
  it('booleans by value; 1/0 in a row are the wrong type', () => {
    const D = is('is_dofollow', 'eq', bool(true));
    expect(ev(D, { is_dofollow: true })).toBe(true);
    expect(ev(D, { is_dofollow: false })).toBe(false);
    expect(ev(D, { is_dofollow: 1 })).toBeNull();
    expect(ev(is('is_dofollow', 'neq', bool(true)), { is_dofollow: false })).toBe(true);
  });
  it('strings by code point, including astral characters', () => {
    expect(ev(is('anchor', 'gt', str('\uFF5E')), { anchor: '😀' })).toBe(true);
    expect(ev(is('anchor', 'lt', str('😀')), { anchor: '\uFF5E' })).toBe(true);
    expect(ev(is('anchor', 'lt', str('b')), { anchor: 'B' })).toBe(true);
    expect(ev(is('anchor', 'eq', str('é')), { anchor: 'e\u0301' })).toBe(false); // no normalisation
    expect(ev(is('anchor', 'eq', str('x')), { anchor: 5 })).toBeNull();
  });
  it('enums compare as strings', () => {
    expect(ev(test('link_type', { kind: 'in', values: [str('text'), str('image')] }), { link_type: 'image' })).toBe(true);
    expect(ev(is('link_type', 'neq', str('text')), { link_type: 'image' })).toBe(true);
  });
  it('dates by instant, zones and the space form included; invalid row dates are unknown', () => {
    const F = (op: CompareOp, v: string) => is('first_seen', op, date(v));
    expect(ev(F('eq', '2024-01-01'), { first_seen: '2024-01-01T00:00:00Z' })).toBe(true);
    expect(ev(F('eq', '2024-01-01'), { first_seen: '2024-01-01 00:00:00' })).toBe(true);
    expect(ev(F('eq', '2024-01-01T10:00:00Z'), { first_seen: '2024-01-01T12:00:00+02:00' })).toBe(true);
    expect(ev(F('gt', '2024-01-01'), { first_seen: '2024-01-01 00:00:01' })).toBe(true);
    expect(ev(F('lt', '2024-01-01T00:00:00+01:00'), { first_seen: '2024-01-01' })).toBe(false);
    expect(ev(F('gte', '2024-01-01'), { first_seen: '2024-02-30' })).toBeNull();
    expect(ev(F('neq', '2024-01-01'), { first_seen: 'yesterday' })).toBeNull();
    expect(ev(F('eq', '2024-01-01'), { first_seen: 1704067200000 })).toBeNull();
    expect(ev(is('source_page_publish_date', 'lte', date('2024-01-01')), { source_page_publish_date: '2023-12-31' })).toBe(true);
  });
});

describe('string operators', () => {
  it('substring / prefix / suffix are case-sensitive', () => {
    expect(ev(is('anchor', 'substring', str('seo')), { anchor: 'best SEO' })).toBe(false);
    expect(ev(is('anchor', 'substring', str('SEO')), { anchor: 'best SEO' })).toBe(true);
    expect(ev(is('url_from', 'prefix', str('https://')), { url_from: 'https://a' })).toBe(true);
    expect(ev(is('url_from', 'suffix', str('/A')), { url_from: 'https://x/a' })).toBe(false);
    expect(ev(is('anchor', 'substring', str('')), { anchor: '' })).toBe(true);
  });
  it('isubstring lower-cases both sides, beyond ASCII', () => {
    expect(ev(is('anchor', 'isubstring', str('ÉCOLE')), { anchor: "à l'école" })).toBe(true);
    expect(ev(is('anchor', 'isubstring', str('σ')), { anchor: 'ΟΔΟΣ' })).toBe(true);
    expect(ev(is('anchor', 'isubstring', str('😀A')), { anchor: 'x😀ay' })).toBe(true);
    expect(ev(is('anchor', 'isubstring', str('x')), { anchor: null })).toBeNull();
  });
  it('phrase_match / iphrase_match match whole words, consecutively', () => {
    expect(ev(is('title', 'phrase_match', str('link building')), { title: 'Link building: link-building!' })).toBe(true);
    expect(ev(is('title', 'phrase_match', str('link building')), { title: 'link buildings' })).toBe(false);
    expect(ev(is('title', 'phrase_match', str('Link Building')), { title: 'link building' })).toBe(false);
    expect(ev(is('title', 'iphrase_match', str('Link Building')), { title: 'LINK, building' })).toBe(true);
    expect(ev(is('title', 'iphrase_match', str('école')), { title: 'ÉCOLE normale' })).toBe(true);
    expect(ev(is('title', 'phrase_match', str('--')), { title: 'anything' })).toBe(true); // no words
    expect(ev(is('title', 'phrase_match', str('--')), { title: null })).toBeNull();
  });
  it('regex: RE2, unanchored, . matches line breaks unless (?-s)', () => {
    expect(ev(is('anchor', 'regex', re('b.c')), { anchor: 'ab\ncd' })).toBe(true);
    expect(ev(is('anchor', 'regex', re('(?-s)b.c')), { anchor: 'ab\ncd' })).toBe(false);
    expect(ev(is('anchor', 'regex', re('^b')), { anchor: 'ab' })).toBe(false);
    expect(ev(is('anchor', 'regex', re('\\pL+\\d')), { anchor: '-- é9' })).toBe(true);
    expect(ev(is('anchor', 'regex', re('x')), { anchor: 7 })).toBeNull();
  });
  it('wildcard dialect on keywords-explorer/overview: * is any run, the rest literal, unanchored', () => {
    const ke = getCatalogue('keywords-explorer/overview')!;
    expect(ke.regexDialect).toBe('wildcard');
    const W = (pattern: string) => is('keyword', 'regex', re(pattern));
    expect(ev(W('best*tools'), { keyword: 'the best seo tools 2024' }, ke)).toBe(true);
    expect(ev(W('a.c'), { keyword: 'abc' }, ke)).toBe(false);
    expect(ev(W('a.c'), { keyword: 'xa.cx' }, ke)).toBe(true);
    expect(ev(W('(seo)'), { keyword: '(seo) tips' }, ke)).toBe(true);
  });
  it('uppercase modifier applies before the test, Unicode-aware', () => {
    expect(ev(is('anchor', 'eq', str('STRASSE'), 'uppercase'), { anchor: 'straße' })).toBe(true);
    expect(ev(is('anchor', 'prefix', str('ÉC'), 'uppercase'), { anchor: 'école' })).toBe(true);
    expect(ev(is('anchor', 'eq', str('seo'), 'uppercase'), { anchor: 'seo' })).toBe(false);
    expect(ev(is('anchor', 'eq', str('SEO'), 'uppercase'), { anchor: null })).toBeNull();
  });
});

describe('any / all', () => {
  const any = list('any', 'languages', el('eq', str('en')));
  const all = list('all', 'languages', el('eq', str('en')));
  it.each([
    [[], false, true],
    [['en'], true, true],
    [['de'], false, false],
    [['en', 'de'], true, false],
    [['en', null], true, null],
    [['de', null], null, false],
    [[null], null, null],
    [null, null, null],
    [undefined, null, null],
    ['en', null, null],
  ])('languages %j: any %s, all %s', (languages, anyResult, allResult) => {
    const row = languages === undefined ? {} : { languages };
    expect(ev(any, row)).toBe(anyResult);
    expect(ev(all, row)).toBe(allResult);
  });
  it('element nulls are values: is null holds for them', () => {
    expect(ev(list('any', 'languages', { kind: 'test', test: { kind: 'null' } }), { languages: ['en', null] })).toBe(true);
    expect(ev(list('all', 'languages', { kind: 'not', operand: { kind: 'test', test: { kind: 'null' } } }), { languages: ['en', null] })).toBe(false);
  });
  it('element filters combine by Kleene logic', () => {
    const f = list('any', 'redirect_kind', { kind: 'and', operands: [el('gte', num(300)), el('lt', num(400))] });
    expect(ev(f, { redirect_kind: [200, 301] })).toBe(true);
    expect(ev(f, { redirect_kind: [200, '301'] })).toBeNull();
    expect(ev(f, { redirect_kind: [200, 404] })).toBe(false);
  });
});

describe('rows are plain data', () => {
  it('reads own properties only: prototype member names are data or absent', () => {
    // A catalogue column named like an Object.prototype member (no built-in one is; a custom catalogue may be).
    const check = (name: string, row: Record<string, unknown>) => {
      const f: Filter = { kind: 'condition', field: { name }, test: { kind: 'null' } };
      const column = { ...contextFor().resolve({ name: 'alt' })!.column, name };
      const ctx = { resolve: () => ({ column, apiName: name, type: 'string' as const, viaAlias: false }), dialect: 're2' as const };
      return [compilePredicate(f, ctx, { codegen: true }).evaluate(row), compilePredicate(f, ctx, { codegen: false }).evaluate(row)];
    };
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(check(name, {})).toEqual([true, true]);
      expect(check(name, Object.defineProperty({}, name, { value: 'x', enumerable: true }))).toEqual([false, false]);
    }
  });
  it('works on rows without a prototype', () => {
    const row = Object.assign(Object.create(null) as Record<string, unknown>, { alt: 'x' });
    expect(ev(A, row)).toBe(true);
  });
});

describe('generated code is injection-free', () => {
  it('never contains text from the filter', () => {
    const hostile = "x'); globalThis.pwned = 1; ('\u2028`${1}`\"*/";
    const filter = and(
      is('anchor', 'eq', str(hostile)), is('anchor', 'substring', str(hostile)), is('anchor', 'regex', re('\\)\\;')),
      test('anchor', { kind: 'in', values: [str(hostile), str('b')] }), is('domain_rating_source', 'gt', num(1e300)),
    );
    const { source, constants } = generateSource(filter, contextFor());
    expect(constants).toContain(hostile);
    // Only identifiers, operators and the fixed literals 'use strict' / 'number' / 'string'.
    expect(source.replace(/'(use strict|number|string)'/g, '')).toMatch(/^[A-Za-z0-9_\s(){};=!<>&|?:.,[\]]*$/);
    expect(source).not.toContain('pwned');
    expect(ev(filter, { anchor: hostile, domain_rating_source: Infinity })).toBe(true);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});

describe('explain', () => {
  it('gives each node its value and the column read, and renders marks', () => {
    const e = explainTree(and(is('domain_rating_source', 'gte', num(50)), or(A, list('any', 'languages', el('eq', str('en'))))), { domain_rating_source: 60, languages: ['de', null] });
    expect(e.value).toBeNull();
    expect(e.root.children[0]).toMatchObject({ value: true, read: 60, field: 'domain_rating_source', text: 'domain_rating_source >= 50' });
    expect(e.root.children[1]!.children[0]).toMatchObject({ value: null, absent: true });
    expect(e.root.children[1]!.children[1]!.children.map((c) => c.value)).toEqual([false, null]);
    const text = renderExplanation(e);
    expect(text).toContain('no match (unknown)');
    expect(text).toContain('✓ domain_rating_source >= 50    ← 60');
    expect(text).toContain('? alt = "x"    ← absent');
    expect(text).toContain('✗ [0] "de"');
  });
});
