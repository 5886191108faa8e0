/**
 * The two predicate back ends after their split (issue 9): the choice between
 * them lives in src/emit/predicate.ts, the shared readers and value domains in
 * predicate-core.ts; every value domain has inline code, regexes and phrases
 * included; the three walkers (closures, generated code, explain) report a
 * gap in the tree in one wording; the public error is `PredicateError`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompareOp, ElementFilter, Filter, Literal } from '../../src/ast/nodes.js';
import { tree } from '../../src/ast/tree.js';
import { CompileError, PredicateError, predicate } from '../../src/index.js';
import { explainFilter } from '../../src/emit/explain.js';
import { generateSource, SPLIT_WEIGHT } from '../../src/emit/predicate-codegen.js';
import { compilePredicate, PredicateBuildError } from '../../src/emit/predicate.js';
import { contextFor, evalBoth } from '../support/predicate-harness.js';

const str = (value: string): Literal => ({ kind: 'string', value, bare: false });
const re = (value: string): Literal => ({ kind: 'regex', value });
const is = (name: string, op: CompareOp, value: Literal): Filter => ({ kind: 'condition', field: { name }, test: { kind: 'compare', op, value } });
const el = (op: CompareOp, value: Literal): ElementFilter => ({ kind: 'test', test: { kind: 'compare', op, value } });
const list = (quantifier: 'any' | 'all', name: string, element: ElementFilter): Filter => ({ kind: 'list', quantifier, field: { name }, element });

/** A call of a closure on the whole row: what the generator emits for a leaf it cannot inline. */
const CLOSURE_CALL = /\bk\d+\(row\)/;

const STRING_TESTS: readonly [CompareOp, Literal][] = [
  ['regex', re('^se(o|a)\\b')],
  ['regex', re('(?i)TOOLS$')],
  ['phrase_match', str('best seo')],
  ['iphrase_match', str('Best SEO')],
  ['iphrase_match', str('ΣΟΦΟΣ')], // final sigma: the lower-casing of both sides, as in the closures
];

const VALUES = ['seo tools', 'sea', 'the best seo tools', 'BEST seo', 'Best-SEO!', 'σοφος', 'ΣΟΦΟΣ', 'best  seo', '', 'seotools'];
const ODD = [null, undefined, 7, true, ['seo'], { seo: 1 }];

describe('regexes and phrases are inline in generated code', () => {
  it.each(STRING_TESTS)('%s %o on a column: no closure call, same answers as the closures', (op, value) => {
    const filter = is('anchor', op, value);
    expect(generateSource(filter, contextFor()).source).not.toMatch(CLOSURE_CALL);
    for (const v of [...VALUES, ...ODD]) {
      const [generated, closures] = evalBoth(filter, { anchor: v });
      expect(closures, `${op} on ${JSON.stringify(v)}`).toBe(generated);
    }
  });

  it.each(STRING_TESTS)('%s %o inside any/all: one loop, no closure call, same answers', (op, value) => {
    for (const quantifier of ['any', 'all'] as const) {
      const filter = list(quantifier, 'languages', tree.or([el(op, value), tree.not(el('eq', str('x')))]));
      const { source } = generateSource(filter, contextFor());
      expect(source).not.toMatch(CLOSURE_CALL);
      expect(source).toMatch(/function H\d+\(a\)/);
      const elements = fc.sample(fc.array(fc.constantFrom<unknown>(...VALUES, ...ODD, 'x'), { maxLength: 4 }), { seed: 9, numRuns: 60 });
      for (const languages of [...elements, null, 'seo', []]) {
        const [generated, closures] = evalBoth(filter, { languages });
        expect(closures, `${quantifier} ${op} on ${JSON.stringify(languages)}`).toBe(generated);
      }
    }
  });
});

describe('a gap in the tree', () => {
  const gaps: readonly [string, Filter][] = [
    ['at the root', tree.invalid()],
    ['in a row operand', tree.and([is('anchor', 'eq', str('a')), tree.invalid()])],
    ['in an element filter', list('any', 'languages', tree.and([el('eq', str('en')), tree.invalid()]))],
    ['under not in an element filter', list('all', 'languages', tree.not(tree.invalid()))],
  ];

  it.each(gaps)('%s: every walker throws PredicateBuildError with one wording', (_, filter) => {
    const ctx = contextFor();
    const message = 'Cannot evaluate a tree with syntax errors.';
    for (const run of [
      () => compilePredicate(filter, ctx),
      () => compilePredicate(filter, ctx, { codegen: false }),
      () => generateSource(filter, ctx),
      () => explainFilter(filter, ctx, { anchor: 'a', languages: ['en'] }),
    ]) {
      expect(run).toThrow(PredicateBuildError);
      expect(run).toThrow(message);
    }
  });
});

describe('the predicate files have no cycle: the choice imports both compilers', () => {
  const imports = (file: string) =>
    [...new Set([...readFileSync(resolve(__dirname, '../../src/emit', file), 'utf8').matchAll(/from '\.\/([\w-]+)\.js'/g)].map((m) => m[1]))];

  it('the closures import only the shared core; the generator the core, its parts and the closures; the choice both', () => {
    expect(imports('predicate-core.ts')).toEqual([]);
    expect(imports('predicate-closures.ts')).toEqual(['predicate-core']);
    expect(imports('predicate-codegen-values.ts')).toEqual(['predicate-core']);
    expect(imports('predicate-codegen.ts').sort()).toEqual(['predicate-closures', 'predicate-codegen-values', 'predicate-core']);
    expect(imports('predicate.ts').sort()).toEqual(['predicate-closures', 'predicate-codegen', 'predicate-core']);
  });
});

describe('PredicateError', () => {
  it('is what predicate throws; CompileError is the same class under its former name', () => {
    let error: unknown;
    try {
      predicate('DR >= ');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PredicateError);
    expect(error).toBeInstanceOf(CompileError);
    expect(CompileError).toBe(PredicateError);
    expect((error as PredicateError).name).toBe('PredicateError');
    expect((error as PredicateError).diagnostics.length).toBeGreaterThan(0);
  });
});

describe('large filters: generated functions split past SPLIT_WEIGHT leaves', () => {
  const num = (value: number): Literal => ({ kind: 'number', value });
  const leaves = (n: number): Filter[] =>
    Array.from({ length: n }, (_, i) =>
      i % 3 === 0 ? is('domain_rating_source', 'gte', num(i % 100))
        : i % 3 === 1 ? tree.not(is('anchor', 'substring', str(`w${i % 7}`)))
          : list('any', 'languages', el('eq', str(`l${i % 5}`))),
    );
  const big: readonly [string, Filter][] = [
    ['an and of 1,000', tree.and(leaves(1000))],
    ['an or of 700 under not', tree.not(tree.or(leaves(700)))],
    ['nested: an or of ands of 300', tree.or([tree.and(leaves(300)), tree.and(leaves(300).reverse()), tree.and(leaves(2))])],
  ];

  it.each(big)('%s: no function inlines more than SPLIT_WEIGHT leaves; same answers as the closures', (_, filter) => {
    const { t, f } = generateSource(filter, contextFor());
    for (const source of [t, f]) {
      const functions = source.split('\n').filter((line) => /^(function H\d+\(row\)|return function)/.test(line));
      expect(functions.length).toBeGreaterThan(1);
      for (const fn of functions) expect((fn.match(/row\.\w+/g) ?? []).length, fn.slice(0, 80)).toBeLessThanOrEqual(SPLIT_WEIGHT);
    }
    const rows = fc.sample(
      fc.record({
        domain_rating_source: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(null)),
        anchor: fc.oneof(fc.constantFrom('w1 w2', 'w3', '', 'x'), fc.constant(null)),
        languages: fc.oneof(fc.array(fc.constantFrom('l0', 'l1', 'l4', 'en')), fc.constant(null)),
      }),
      { seed: 11, numRuns: 200 },
    );
    for (const row of rows) {
      const [generated, closures] = evalBoth(filter, row);
      expect(generated, JSON.stringify(row)).toBe(closures);
    }
  });

  it('each polarity holds only the helpers it calls', () => {
    const { t, f } = generateSource(tree.and([list('any', 'languages', el('eq', str('en'))), is('anchor', 'eq', str('a'))]), contextFor());
    expect(t.match(/function H\d+/g)).toEqual(['function H0']);
    expect(f.match(/function H\d+/g)).toEqual(['function H1']);
  });
});
