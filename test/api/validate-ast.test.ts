/**
 * Trees built in code are validated once, at the entry (issue 8, item 11):
 * every malformed shape is an `invalid-ast` diagnostic with the path of the
 * bad node, in every entry point, and no entry point throws for any value
 * given as a tree (predicate / evaluate / explain throw only PredicateError).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, compile, format } from '../../src/api/compile.js';
import { PredicateError, evaluate, explain, predicate } from '../../src/api/predicate.js';
import { DEFAULT_MAX_NODES, validateFilterTree } from '../../src/ast/validate.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { thrown } from '../support/predicate-error.js';

const lit = (value: boolean) => ({ kind: 'boolean', value });
const cond = (name: unknown = 'is_dofollow', test: unknown = { kind: 'compare', op: 'eq', value: lit(true) }) => ({ kind: 'condition', field: { name }, test });
const anchor = (test: unknown) => ({ kind: 'condition', field: { name: 'anchor' }, test });
const list = (element: unknown) => ({ kind: 'list', quantifier: 'any', field: { name: 'languages' }, element });

/** Every entry point, as "the diagnostics for this tree" (the predicate family's from their PredicateError). */
const ENTRIES: Record<string, (tree: unknown) => readonly Diagnostic[]> = {
  compile: (t) => {
    const r = compile(t as never);
    if (!r.ok) {
      expect(r.json).toBeUndefined();
      expect(r.where).toBeUndefined();
    }
    return r.diagnostics;
  },
  check: (t) => check(t as never),
  predicate: (t) => thrown(() => predicate(t as never)),
  evaluate: (t) => thrown(() => evaluate(t as never, { is_dofollow: true, anchor: 'x', languages: ['en'] })),
  explain: (t) => thrown(() => explain(t as never, { is_dofollow: true, anchor: 'x', languages: ['en'] })),
};


const cyclicNot: Record<string, unknown> = { kind: 'not' };
cyclicNot['operand'] = cyclicNot;
const cyclicAnd: Record<string, unknown> = { kind: 'and', operands: [cond()] };
(cyclicAnd['operands'] as unknown[]).push({ kind: 'not', operand: cyclicAnd });
const cyclicElement: Record<string, unknown> = { kind: 'not' };
cyclicElement['operand'] = { kind: 'or', operands: [{ kind: 'test', test: { kind: 'null' } }, cyclicElement] };

/** [what, tree, path of the bad node, a word the message must contain]. */
const MALFORMED: [string, unknown, string, string][] = [
  ['missing test', { kind: 'condition', field: { name: 'anchor' } }, '/test', '"test"'],
  ['null test', anchor(null), '/test', '"test"'],
  ['missing value', anchor({ kind: 'compare', op: 'eq' }), '/test/value', 'Expected a value'],
  ['missing operand', { kind: 'not' }, '/operand', 'filter node'],
  ['empty operands', { kind: 'and', operands: [] }, '/operands', 'one or more operands'],
  ['string operands', { kind: 'or', operands: 'abc' }, '/operands', 'one or more operands'],
  ['missing operands', { kind: 'and' }, '/operands', 'one or more operands'],
  ['numeric field name', cond(5), '/field/name', 'string'],
  ['missing field', { kind: 'condition', test: { kind: 'null' } }, '/field', '"field"'],
  ['object as a value', anchor({ kind: 'compare', op: 'eq', value: { kind: 'string', value: { a: 1 } } }), '/test/value/value', 'a string'],
  ['bare object as a value', anchor({ kind: 'compare', op: 'eq', value: { a: 1 } }), '/test/value', 'without "kind"'],
  ['number as a regex', anchor({ kind: 'compare', op: 'regex', value: { kind: 'regex', value: 5 } }), '/test/value/value', 'a string'],
  ['unknown test kind', anchor({ kind: 'like', value: lit(true) }), '/test/kind', '"like"'],
  ['unknown operator', anchor({ kind: 'compare', op: 'like', value: { kind: 'string', value: 'x', bare: false } }), '/test/op', '"like"'],
  ['numeric operator', anchor({ kind: 'compare', op: 3, value: { kind: 'string', value: 'x', bare: false } }), '/test/op', 'number 3'],
  ['unknown node kind', { kind: 'xor', operands: [cond(), cond()] }, '/kind', '"xor"'],
  ['no kind at all', { operands: [cond()] }, '', 'no "kind"'],
  ['a number as the tree', 5, '', 'found a number'],
  ['null as the tree', null, '', 'found null'],
  ['an array as the tree', [cond()], '', 'found an array'],
  ['an operand that is null', { kind: 'and', operands: [cond(), null] }, '/operands/1', 'found null'],
  ['in with no array', anchor({ kind: 'in', values: 'ab' }), '/test/values', 'array of values'],
  ['in with a bad value', anchor({ kind: 'in', values: [{ kind: 'string', value: 'a' }, 7] }), '/test/values/1', 'Expected a value'],
  ['between without high', { kind: 'condition', field: { name: 'domain_rating_source' }, test: { kind: 'between', low: { kind: 'number', value: 1 } } }, '/test/high', 'Expected a value'],
  ['a number value that is a string', cond('domain_rating_source', { kind: 'compare', op: 'gt', value: { kind: 'number', value: '5' } }), '/test/value/value', 'a number'],
  ['a non-boolean bare flag', anchor({ kind: 'compare', op: 'eq', value: { kind: 'string', value: 'x', bare: 'yes' } }), '/test/value/bare', '"bare"'],
  ['a bad modifier', { ...anchor({ kind: 'null' }), modifier: { name: 7 } }, '/modifier/name', '"modifier"'],
  ['a bad quantifier', { ...list({ kind: 'test', test: { kind: 'null' } }), quantifier: 'some' }, '/quantifier', '"any" or "all"'],
  ['a list without element', { kind: 'list', quantifier: 'any', field: { name: 'languages' } }, '/element', 'element filter'],
  ['a row node inside any()', list(cond()), '/element/kind', 'element filter'],
  ['an element test without test', list({ kind: 'test' }), '/element/test', '"test"'],
  ['an invalid (recovery) node', { kind: 'and', operands: [cond(), { kind: 'invalid' }] }, '/operands/1/kind', 'recovery'],
  ['a bad range', { ...cond(), range: { start: 1, end: 2 } }, '/range', '"range"'],
  ['a bad range on a value', anchor({ kind: 'compare', op: 'eq', value: { kind: 'string', value: 'x', bare: false, range: 'here' } }), '/test/value/range', '"range"'],
  ['a cyclic not', cyclicNot, '/operand', 'cyclic'],
  ['a cycle through and', cyclicAnd, '/operands/1/operand', 'cyclic'],
  ['a cycle inside any()', list(cyclicElement), '/element/operand/operands/1', 'cyclic'],
  ['a deep path', { kind: 'and', operands: [cond(), { kind: 'or', operands: [cond(), { kind: 'not', operand: anchor({ kind: 'compare', op: 'eq', value: 'x' }) }] }] }, '/operands/1/operands/1/operand/test/value', 'Expected a value'],
];

describe('malformed trees', () => {
  for (const [entry, run] of Object.entries(ENTRIES)) {
    it.each(MALFORMED)(`${entry}: %s is invalid-ast with its path`, (_what, tree, path, word) => {
      const ds = run(tree);
      const errors = ds.filter((d) => d.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.map((d) => d.code)).toEqual(errors.map(() => 'invalid-ast'));
      const at = errors.find((d) => d.path === path);
      expect(at, JSON.stringify(errors)).toBeDefined();
      expect(at!.message).toContain(word);
    });
  }

  it('reports every problem of a tree, each with its own path', () => {
    const tree = { kind: 'and', operands: [cond(5), anchor({ kind: 'compare', op: 'eq' }), { kind: 'or', operands: [] }] };
    expect(check(tree as never).map((d) => d.path)).toEqual(['/operands/0/field/name', '/operands/1/test/value', '/operands/2/operands']);
  });

  it('a Document gets paths under /filter', () => {
    const ds = check({ filter: { kind: 'and', operands: [] }, comments: [] } as never);
    expect(ds).toMatchObject([{ code: 'invalid-ast', path: '/filter/operands' }]);
    expect(check({ filter: cond(), comments: 'x' } as never)).toMatchObject([{ code: 'invalid-ast', path: '/comments' }]);
    expect(check({ filter: undefined, comments: [] } as never).map((d) => d.code)).toEqual(['empty-filter']);
  });

  it('a getter that throws makes the node invalid instead of throwing', () => {
    const trap = Object.defineProperty({ kind: 'condition', field: { name: 'anchor' } }, 'test', { get() { throw new Error('trap'); }, enumerable: true });
    expect(check(trap as never)).toMatchObject([{ code: 'invalid-ast', message: expect.stringContaining('trap') }]);
  });

  it('valid trees of every shape pass unchanged', () => {
    const valid = [
      cond(),
      { kind: 'and', operands: [cond()] },
      { kind: 'not', operand: { kind: 'or', operands: [cond(), anchor({ kind: 'null' })] } },
      anchor({ kind: 'in', values: [{ kind: 'string', value: 'a', bare: false }, { kind: 'string', value: 'b' }] }),
      { kind: 'condition', field: { name: 'domain_rating_source' }, test: { kind: 'between', low: { kind: 'number', value: 1 }, high: { kind: 'number', value: 5 } } },
      { ...anchor({ kind: 'compare', op: 'eq', value: { kind: 'string', value: 'X' } }), modifier: { name: 'uppercase' } },
      list({ kind: 'not', operand: { kind: 'test', test: { kind: 'compare', op: 'eq', value: { kind: 'string', value: 'en', bare: false } } } }),
    ];
    for (const tree of valid) {
      expect(validateFilterTree(tree, { maxDepth: 128, maxNodes: 1000 }), JSON.stringify(tree)).toEqual([]);
      expect(compile(tree as never).ok, JSON.stringify(tree)).toBe(true);
    }
  });

  it('JSON outside the grammar is never emitted: every ok result has and/or with operands and string fields', () => {
    const bad = MALFORMED.map(([, tree]) => tree);
    for (const tree of bad) expect(compile(tree as never).ok).toBe(false);
  });
});

describe('shared nodes and the node limit', () => {
  /** A node shared twice at each of `levels` levels: 2^levels leaves when expanded. */
  function dag(levels: number): unknown {
    let t: unknown = cond();
    for (let i = 0; i < levels; i++) t = { kind: 'and', operands: [t, t] };
    return t;
  }

  it('counts a shared node each time it is reached, and refuses past maxNodes', () => {
    // 2^n leaves, each a condition and a value, plus 2^n - 1 and nodes.
    const nodes = (n: number) => 2 ** n * 2 + 2 ** n - 1;
    for (const levels of [3, 8, 12]) {
      const size = nodes(levels);
      expect(compile(dag(levels) as never, { maxNodes: size }).ok, `levels ${levels}`).toBe(true);
      const refused = compile(dag(levels) as never, { maxNodes: size - 1 });
      expect(refused.diagnostics.map((d) => d.code)).toEqual(['too-many-nodes']);
      expect(refused.diagnostics[0]!.message).toContain(`more than ${size - 1} nodes`);
    }
  });

  it('refuses a 30-level DAG (2^30 leaves) without expanding it, in every entry point', () => {
    for (const [entry, run] of Object.entries(ENTRIES)) {
      expect(run(dag(30)).map((d) => d.code), entry).toEqual(['too-many-nodes']);
    }
  });

  it('the default limit admits every text within the default maxLength', () => {
    // The densest text: values of an in-list, two characters each; and bare conditions joined by `or`.
    const list = `DR in (${Array.from({ length: 1000 }, () => '1').join(',')})`;
    const text = Array.from({ length: Math.floor(99_000 / (list.length + 4)) }, () => list).join(' or ');
    const r = compile(text);
    expect(r.ok).toBe(true);
    expect(compile(r.ast!).ok).toBe(true);
    expect(DEFAULT_MAX_NODES).toBe(100_000);
  });

  it('stops a cycle and a deep chain at the depth limit', () => {
    let deep: unknown = cond();
    for (let i = 0; i < 10_000; i++) deep = { kind: 'not', operand: deep };
    expect(check(deep as never).map((d) => d.code)).toEqual(['nesting-too-deep']);
    expect(check(deep as never, { maxDepth: 10 })[0]!.message).toContain('more than 10 levels');
  });
});

describe('any value as a tree', () => {
  /** JSON-ish values, biased towards AST-like objects so that the walk goes deep. */
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ kind: fc.constantFrom('and', 'or', 'not', 'condition', 'list', 'test', 'invalid', 'x'), operands: fc.oneof(fc.array(tie('tree'), { maxLength: 3 }), tie('tree')), operand: tie('tree'), field: tie('field'), test: tie('test'), element: tie('tree'), quantifier: fc.constantFrom('any', 'all', 5) }, { requiredKeys: ['kind'] }),
    ),
    field: fc.oneof(fc.record({ name: fc.oneof(fc.constantFrom('anchor', 'is_dofollow', 'languages', 'DR', 'intents.x'), fc.jsonValue({ maxDepth: 1 })) }), fc.jsonValue({ maxDepth: 1 })),
    test: fc.oneof(
      fc.record({ kind: fc.constantFrom('compare', 'empty', 'null', 'in', 'between', 'x'), op: fc.constantFrom('eq', 'regex', 'gt', 'phrase_match', 'zz', 1), value: tie('literal'), values: fc.oneof(fc.array(tie('literal'), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })), low: tie('literal'), high: tie('literal') }, { requiredKeys: ['kind'] }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    literal: fc.oneof(
      fc.record({ kind: fc.constantFrom('string', 'number', 'boolean', 'date', 'datetime', 'regex', 'null', 'x'), value: fc.jsonValue({ maxDepth: 1 }), bare: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 0 })) }, { requiredKeys: ['kind'] }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
  }));

  it('never throws from compile, check, predicate, evaluate, explain or format (beyond PredicateError)', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const r = compile(t as never);
        if (r.ok) expect(JSON.parse(r.json!)).toEqual(r.where);
        expect(r.diagnostics.every((d) => d.code !== 'internal-error'), JSON.stringify(r.diagnostics)).toBe(true);
        check(t as never);
        for (const run of [() => predicate(t as never)({ anchor: 'x' }), () => evaluate(t as never, {}), () => explain(t as never, { anchor: 'x' })]) {
          try {
            run();
          } catch (error) {
            expect(error).toBeInstanceOf(PredicateError);
            expect((error as PredicateError).diagnostics.some((d) => d.code === 'internal-error')).toBe(false);
          }
        }
        const formatted = format(t as never);
        expect(typeof t === 'string' ? typeof formatted : formatted).toBe(typeof t === 'string' ? 'string' : '');
      }),
      { seed: 8011, numRuns: 1500 },
    );
  });
});
