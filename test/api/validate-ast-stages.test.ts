/**
 * Trees built in code, second round (issue 8, items 3 and 11, re-checked from
 * outside): values whose content the lexer would never produce (a date that
 * is no date, NaN, `in ()`), fields inherited from a prototype, and the
 * lower-level stages the package exports (`emitWhere`, `printFilter`), which
 * walked any tree they were given: TypeErrors, `{"and":[]}`, `DR > undefined`,
 * comments that turn into code, and shared sub-objects expanded without bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmitError, check, compile, emitWhere, estimateCost, evaluate, explain, parse, predicate, printFilter, simplify } from '../../src/index.js';
import { toSql } from '../../src/sql.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { printFilter as printTrusted } from '../../src/emit/text.js';
import { filterAst } from '../../src/arbitraries/ast.js';
import { allBacklinks } from '../../src/catalogue/index.js';
import { thrown } from '../support/predicate-error.js';

const num = (value: unknown) => ({ kind: 'number', value });
const on = (name: string, test: unknown) => ({ kind: 'condition', field: { name }, test });
const gt = (name: string, value: unknown) => on(name, { kind: 'compare', op: 'gt', value });
const ROW = { domain_rating_source: 10, first_seen: '2024-06-01', anchor: 'x', languages: ['en'] };


/** Every entry point that takes a tree, as "its diagnostics". */
const ENTRIES: Record<string, (tree: unknown) => readonly Diagnostic[]> = {
  compile: (t) => compile(t as never).diagnostics,
  check: (t) => check(t as never),
  predicate: (t) => thrown(() => predicate(t as never)(ROW)),
  evaluate: (t) => thrown(() => evaluate(t as never, ROW)),
  explain: (t) => thrown(() => explain(t as never, ROW)),
  simplify: (t) => simplify(t as never).diagnostics,
  toSql: (t) => toSql(t as never, { dialect: 'duckdb' }).diagnostics,
  estimateCost: (t) => estimateCost({ where: t as never, select: ['url_from'] }).diagnostics,
};

/** The two stages, as "the message of what they threw" (undefined when they returned). */
const STAGES: Record<string, [(tree: unknown) => unknown, new (...args: never[]) => Error]> = {
  emitWhere: [(t) => emitWhere(t as never), EmitError],
  printFilter: [(t) => printFilter(t as never), TypeError],
};

function stageError(run: (tree: unknown) => unknown, type: new (...args: never[]) => Error, tree: unknown): string | undefined {
  try {
    run(tree);
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return (error as Error).message;
  }
  return undefined;
}

const inherited = Object.create(gt('domain_rating_source', num(5))) as object;
const withInheritedTest = Object.assign(Object.create({ test: { kind: 'compare', op: 'gt', value: num(5) } }), { kind: 'condition', field: { name: 'domain_rating_source' } }) as object;

/** [what, tree, path of the bad node, a word the message must contain]: none of these can come out of the parser. */
const MALFORMED: [string, unknown, string, string][] = [
  ['a date value that is no date', gt('first_seen', { kind: 'date', value: 'yesterday' }), '/test/value/value', 'calendar date'],
  ['a date that is not in the calendar', gt('first_seen', { kind: 'date', value: '2024-02-30' }), '/test/value/value', 'calendar date'],
  ['a datetime held by a date value', gt('first_seen', { kind: 'date', value: '2024-01-01T10:00:00' }), '/test/value/value', 'calendar date'],
  ['a datetime past 23:59', gt('first_seen', { kind: 'datetime', value: '2024-01-01T25:00:00' }), '/test/value/value', 'date and time'],
  ['a datetime value that is a number', gt('first_seen', { kind: 'datetime', value: 1 }), '/test/value/value', 'a string'],
  ['a date inside between', on('first_seen', { kind: 'between', low: { kind: 'date', value: '2024-01-01' }, high: { kind: 'date', value: 'soon' } }), '/test/high/value', 'calendar date'],
  ['NaN', gt('domain_rating_source', num(NaN)), '/test/value/value', 'finite'],
  ['Infinity', gt('domain_rating_source', num(-Infinity)), '/test/value/value', 'finite'],
  ['in with no values', on('anchor', { kind: 'in', values: [] }), '/test/values', 'array of values'],
  ['a node whose fields are inherited', inherited, '', 'no "kind"'],
  ['a test inherited from a prototype', withInheritedTest, '/test', '"test"'],
  ['an inherited name', { kind: 'condition', field: Object.create({ name: 'anchor' }), test: { kind: 'null' } }, '/field/name', '"field"'],
  // The list, through the stages too.
  ['missing test', { kind: 'condition', field: { name: 'anchor' } }, '/test', '"test"'],
  ['missing value', on('anchor', { kind: 'compare', op: 'eq' }), '/test/value', 'Expected a value'],
  ['missing operand', { kind: 'not' }, '/operand', 'filter node'],
  ['empty operands', { kind: 'and', operands: [] }, '/operands', 'one or more operands'],
  ['string operands', { kind: 'or', operands: 'ab' }, '/operands', 'one or more operands'],
  ['a numeric field name', { kind: 'condition', field: { name: 5 }, test: { kind: 'null' } }, '/field/name', 'string'],
  ['an object as a value', on('anchor', { kind: 'compare', op: 'eq', value: { a: 1 } }), '/test/value', 'without "kind"'],
  ['a numeric regex', on('anchor', { kind: 'compare', op: 'regex', value: { kind: 'regex', value: 5 } }), '/test/value/value', 'a string'],
  ['an unknown test kind', on('anchor', { kind: 'like' }), '/test/kind', '"like"'],
];

describe('values and fields the parser never produces', () => {
  for (const [entry, run] of Object.entries(ENTRIES)) {
    it.each(MALFORMED)(`${entry}: %s is invalid-ast with its path`, (_what, tree, path, word) => {
      const errors = run(tree).filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.code), JSON.stringify(errors)).toContain('invalid-ast');
      // estimateCost reports paths in its options object, under /where.
      const at = errors.find((d) => d.path === (entry === 'estimateCost' ? `/where${path}` : path));
      expect(at, JSON.stringify(errors)).toBeDefined();
      expect(at!.message).toContain(word);
    });
  }

  it('a parsed document with an invalid date is refused as a tree too (the lexer reported it on the text)', () => {
    const parsed = parse('first_seen > 2024-02-30 and first_seen < 2024-13-01');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['invalid-date', 'invalid-date']);
    const r = compile(parsed.document);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['invalid-ast', '/filter/operands/0/test/value/value'], ['invalid-ast', '/filter/operands/1/test/value/value']]);
    expect(compile(parse('first_seen > 2024-02-29 and first_seen < 2024-01-01T23:59:59Z').document).ok).toBe(true);
  });
});

describe('emitWhere and printFilter validate a tree built in code', () => {
  for (const [stage, [run, type]] of Object.entries(STAGES)) {
    it.each(MALFORMED)(`${stage}: %s throws, naming the path`, (_what, tree, path, word) => {
      const message = stageError(run, type, tree);
      expect(message).toBeDefined();
      expect(message).toContain(`${path || '/'}: `);
      expect(message).toContain(word);
    });

    it(`${stage}: a shared sub-object is counted each time it is reached, and refused past the node limit`, () => {
      let t: unknown = gt('domain_rating_source', num(5));
      for (let i = 0; i < 40; i++) t = { kind: i % 2 ? 'and' : 'or', operands: [t, t] }; // 2^40 leaves when expanded
      expect(stageError(run, type, t)).toContain('more than 100000 nodes');
      let small: unknown = gt('domain_rating_source', num(5));
      for (let i = 0; i < 4; i++) small = { kind: 'and', operands: [small, small] };
      expect(stageError(run, type, small)).toBeUndefined();
    });

    it(`${stage}: a cyclic tree and a recovery gap throw instead of overflowing the stack`, () => {
      const cyclic: Record<string, unknown> = { kind: 'not' };
      cyclic['operand'] = cyclic;
      expect(stageError(run, type, cyclic)).toContain('cyclic');
      expect(stageError(run, type, parse('DR > and').document.filter)).toContain('recovery');
    });
  }

  it('valid trees and documents print and emit as before', () => {
    const doc = parse('# top\nDR >= 50 and (anchor contains "seo" or not is_dofollow) # tail').document;
    expect(printFilter(doc)).toBe(printTrusted(doc));
    expect(printFilter(doc)).toContain('# top');
    expect(emitWhere(doc.filter!)).toEqual({ and: [{ field: 'DR', is: ['gte', 50] }, { or: [{ field: 'anchor', is: ['substring', 'seo'] }, { not: { field: 'is_dofollow', is: ['eq', true] } }] }] });
  });

  it('a comment is one line: one holding a line break would print as code', () => {
    const range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };
    const doc = { comments: [{ text: ' note\nanchor = "injected"', range }], filter: gt('DR', num(5)) };
    expect(stageError(STAGES.printFilter![0], TypeError, doc)).toContain('/comments: ');
    expect(stageError(STAGES.printFilter![0], TypeError, { comments: [{ text: 'no range' }], filter: gt('DR', num(5)) })).toContain('/comments: ');
    expect(printFilter({ comments: [{ text: ' note', range }], filter: gt('DR', num(5)) } as never).split('\n').sort()).toEqual(['# note', 'DR > 5']);
  });

  it('property: any JSON-ish tree either throws the documented error or gives output in the grammar', () => {
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({ kind: fc.constantFrom('and', 'or', 'not', 'condition', 'list', 'test'), operands: fc.oneof(fc.array(tie('tree'), { maxLength: 3 }), tie('tree')), operand: tie('tree'), field: fc.oneof(fc.record({ name: fc.oneof(fc.constantFrom('anchor', 'DR', 'languages'), fc.jsonValue({ maxDepth: 0 })) }), fc.jsonValue({ maxDepth: 0 })), test: tie('test'), element: tie('tree'), quantifier: fc.constantFrom('any', 'all', 'x') }, { requiredKeys: ['kind'] }),
      ),
      test: fc.record({ kind: fc.constantFrom('compare', 'empty', 'null', 'in', 'between', 'x'), op: fc.constantFrom('eq', 'gt', 'regex', 'zz'), value: tie('literal'), values: fc.array(tie('literal'), { maxLength: 2 }), low: tie('literal'), high: tie('literal') }, { requiredKeys: ['kind'] }),
      literal: fc.oneof(
        fc.record({ kind: fc.constantFrom('string', 'number', 'boolean', 'date', 'datetime', 'regex', 'null'), value: fc.oneof(fc.jsonValue({ maxDepth: 0 }), fc.constantFrom('2024-01-01', '2024-01-01T10:00:00Z', 'x y', Number.NaN)) }, { requiredKeys: ['kind'] }),
        fc.jsonValue({ maxDepth: 1 }),
      ),
    }));
    /** JSON in the grammar's shape: and/or with operands, field names that are strings, no undefined. */
    const inGrammar = (w: unknown): boolean => {
      if (typeof w !== 'object' || w === null) return false;
      const o = w as Record<string, unknown>;
      if ('and' in o || 'or' in o) { const ops = (o['and'] ?? o['or']) as unknown; return Array.isArray(ops) && ops.length > 0 && ops.every(inGrammar); }
      if ('not' in o) return inGrammar(o['not']);
      return typeof o['field'] === 'string';
    };
    /** A valid tree with at most one node (any node, the root included) replaced by a random one: malformed at one place, or not at all. */
    const corrupted = fc.tuple(filterAst(allBacklinks, { maxDepth: 3 }), fc.option(tree, { freq: 2 }), fc.nat()).map(([valid, junk, at]) => {
      if (junk === null) return valid as unknown;
      const copy = structuredClone(valid) as unknown;
      const slots: Array<[Record<string, unknown>, string]> = [];
      const walk = (node: unknown): void => {
        if (typeof node !== 'object' || node === null) return;
        for (const [key, child] of Object.entries(node)) {
          if (key === 'range' || typeof child !== 'object' || child === null) continue;
          slots.push([node as Record<string, unknown>, key]);
          walk(child);
        }
      };
      walk(copy);
      if (slots.length === 0 || at % (slots.length + 1) === slots.length) return junk;
      const [parent, key] = slots[at % (slots.length + 1)]!;
      parent[key] = junk;
      return copy;
    });
    // Counted: a generator whose trees all throw would make both output checks vacuous (random trees alone gave 7 outputs in 2,000).
    let emitted = 0;
    let printed = 0;
    let refused = 0;
    fc.assert(fc.property(fc.oneof(tree, corrupted), (t) => {
      let where: unknown;
      try { where = emitWhere(t as never); } catch (error) { expect(error).toBeInstanceOf(EmitError); refused++; }
      if (where !== undefined) {
        expect(inGrammar(where), JSON.stringify(where)).toBe(true);
        emitted++;
      }
      let text: string | undefined;
      try { text = printFilter(t as never); } catch (error) { expect(error).toBeInstanceOf(TypeError); }
      if (text !== undefined) {
        expect(parse(text).diagnostics.filter((d) => d.severity === 'error'), text).toEqual([]);
        printed++;
      }
    }), { seed: 8111, numRuns: 2000 });
    expect(emitted).toBeGreaterThan(300);
    expect(printed).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(600);
  });
});
