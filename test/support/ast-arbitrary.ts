/**
 * Canonical filter ASTs over arbitrary names, without ranges: the trees
 * `parse(printFilter(ast))` must give back exactly. "Canonical" means the
 * forms the parser itself produces: `in` with ≥2 values, `and` / `or` with ≥2
 * operands, bare strings only for identifier-like non-keyword values,
 * `matches` with a regex literal, no regex literal elsewhere.
 */
import fc from 'fast-check';
import type { CompareOp, ElementFilter, Filter, Literal, Test } from '../../src/ast/nodes.js';
import { isKeyword, KEYWORDS } from '../../src/vocabulary/index.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Identifier-like words, keywords (any case) among them, so that quoting rules get exercised. */
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/),
  fc.constantFrom(...KEYWORDS, 'AND', 'Not', 'android', 'is_dofollow', 'in_', 'DR', '__proto__', 'constructor'),
);

/** Column names: plain, dotted, keywords (printed in backticks) and free text. */
export const fieldName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: word, weight: 4 },
  { arbitrary: fc.tuple(word, word).map(([a, b]) => `${a}.${b}`), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 1 },
);

const modifierName = word.filter((w) => !isKeyword(w));

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const date = fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const datetime = fc.tuple(
  date, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }),
  fc.constantFrom('', ':00', ':59', ':30.5', ':01.123456789'), fc.constantFrom('', 'Z', '+02:00', '-14:45'),
).map(([d, h, m, s, z]) => `${d}T${pad(h)}:${pad(m)}${s}${z}`);

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ unit: fc.constantFrom('a', '"', "'", '\\', '/', '\n', '\r', '\t', '\u0000', '\u2028', '#', '`', ' ', '\uD800'), maxLength: 8 }),
);

/** A value literal (never a regex: those belong to `matches`). */
export const literal: fc.Arbitrary<Literal> = fc.oneof(
  text.map((value): Literal => ({ kind: 'string', value, bare: false })),
  word.filter((w) => IDENT.test(w) && !isKeyword(w)).map((value): Literal => ({ kind: 'string', value, bare: true })),
  fc.oneof(fc.maxSafeInteger(), fc.double({ noNaN: true, noDefaultInfinity: true }))
    // Integers beyond 2^53 are `invalid-number` by design (they cannot be represented exactly).
    .filter((n) => !Number.isInteger(n) || Number.isSafeInteger(n))
    .map((value): Literal => ({ kind: 'number', value })),
  fc.boolean().map((value): Literal => ({ kind: 'boolean', value })),
  fc.constant<Literal>({ kind: 'null' }),
  date.map((value): Literal => ({ kind: 'date', value })),
  datetime.map((value): Literal => ({ kind: 'datetime', value })),
);

const OPS: readonly CompareOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'substring', 'isubstring', 'phrase_match', 'iphrase_match', 'prefix', 'suffix'];

/** Any test, each in the one form the parser gives it. */
export const test: fc.Arbitrary<Test> = fc.oneof(
  fc.tuple(fc.constantFrom(...OPS), literal).map(([op, value]): Test => ({ kind: 'compare', op, value })),
  fc.oneof(text, fc.constantFrom('a\\/b', '\\d+/x', 'a\\', '/', 'x\ny'))
    .map((value): Test => ({ kind: 'compare', op: 'regex', value: { kind: 'regex', value } })),
  fc.constant<Test>({ kind: 'null' }),
  fc.constant<Test>({ kind: 'empty' }),
  fc.array(literal, { minLength: 2, maxLength: 4 }).map((values): Test => ({ kind: 'in', values })),
  fc.tuple(literal, literal).map(([low, high]): Test => ({ kind: 'between', low, high })),
);

const element: fc.Arbitrary<ElementFilter> = fc.letrec<{ e: ElementFilter }>((tie) => ({
  e: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'element' },
    test.map((t): ElementFilter => ({ kind: 'test', test: t })),
    fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((operands): ElementFilter => ({ kind: 'and', operands })),
    fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((operands): ElementFilter => ({ kind: 'or', operands })),
    tie('e').map((operand): ElementFilter => ({ kind: 'not', operand })),
  ),
})).e;

const condition: fc.Arbitrary<Filter> = fc.tuple(fieldName, fc.option(modifierName, { nil: undefined }), test).map(([name, modifier, t]): Filter =>
  modifier === undefined
    ? { kind: 'condition', field: { name }, test: t }
    : { kind: 'condition', field: { name }, modifier: { name: modifier }, test: t });

const list: fc.Arbitrary<Filter> = fc.tuple(fc.constantFrom<'any' | 'all'>('any', 'all'), fieldName, element)
  .map(([quantifier, name, e]): Filter => ({ kind: 'list', quantifier, field: { name }, element: e }));

/** Canonical filter trees: and / or / not over conditions and any/all lists, nested up to 4 deep. */
export const filterAst: fc.Arbitrary<Filter> = fc.letrec<{ f: Filter }>((tie) => ({
  f: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'filter' },
    { arbitrary: condition, weight: 3 },
    { arbitrary: list, weight: 1 },
    { arbitrary: fc.array(tie('f'), { minLength: 2, maxLength: 4 }).map((operands): Filter => ({ kind: 'and', operands })), weight: 1 },
    { arbitrary: fc.array(tie('f'), { minLength: 2, maxLength: 4 }).map((operands): Filter => ({ kind: 'or', operands })), weight: 1 },
    { arbitrary: tie('f').map((operand): Filter => ({ kind: 'not', operand })), weight: 1 },
  ),
})).f;
