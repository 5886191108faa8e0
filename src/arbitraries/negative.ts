/**
 * Negative inputs: ill-typed ASTs (each with the diagnostic it should get),
 * malformed `where` JSON, and grammar-aware mutations of valid query text.
 */
import fc from 'fast-check';
import { tree, type CompareOp, type Filter, type Literal, type RowTest, type Test } from '../ast/index.js';
import { resolveField, type Catalogue, type Column } from '../catalogue/index.js';
import type { DiagnosticCode } from '../diagnostics/index.js';
import { printFilter } from '../emit/index.js';
import { KEYWORDS } from '../vocabulary/index.js';
import { filterAst, isCheckable, operatorsOf, printsAs, type FilterAstOptions } from './ast.js';
import { isStringType, textValue } from './values.js';

/** An ill-typed filter and the error code the checker should report for it. */
export interface IllTypedCase {
  readonly filter: Filter;
  /** The code expected among the diagnostics (the filter may get others too). */
  readonly code: DiagnosticCode;
}

const cond = (name: string, test: Test, modifier?: string): Filter =>
  modifier === undefined ? { kind: 'condition', field: { name }, test } : { kind: 'condition', field: { name }, modifier: { name: modifier }, test };
const compare = (op: CompareOp, value: Literal): Test => ({ kind: 'compare', op, value });
const str = (value: string, bare = false): Literal => ({ kind: 'string', value, bare });
const num = (value: number): Literal => ({ kind: 'number', value });

/** One ill-typed leaf per kind of mistake the catalogue makes possible. */
function badLeaves(catalogue: Catalogue): fc.Arbitrary<IllTypedCase>[] {
  const cols = catalogue.columns.filter(isCheckable);
  const scalar = cols.filter((c) => !c.array);
  const numeric = scalar.filter((c) => c.type === 'integer' || c.type === 'float');
  const booleans = scalar.filter((c) => c.type === 'boolean');
  const strings = scalar.filter((c) => isStringType(c) && !c.enumValues);
  const enums = cols.filter((c) => c.enumValues && c.enumValues.length > 0);
  const dates = scalar.filter((c) => c.type === 'date' || c.type === 'datetime');
  const arrays = cols.filter((c) => c.array && operatorsOf(c).length > 0);
  const pick = (list: readonly Column[]) => fc.constantFrom(...list);
  const out: fc.Arbitrary<IllTypedCase>[] = [];
  const add = (list: Column[], make: (c: Column) => fc.Arbitrary<IllTypedCase>) => {
    if (list.length > 0) out.push(pick(list).chain(make));
  };

  // A column name that resolves to nothing: a real one with a typo, or a random identifier.
  const unknownName = fc
    .oneof(
      fc.tuple(pick(cols.length > 0 ? cols : catalogue.columns), fc.constantFrom('zz', '_x', 'q')).map(([c, s]) => c.name + s),
      fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/),
    )
    .filter((name) => resolveField(catalogue, name) === undefined);
  out.push(unknownName.map((name) => ({ filter: cond(name, compare('eq', num(1))), code: 'unknown-column' })));

  add(numeric, (c) => fc.constantFrom('50', 'abc').map((v) => ({ filter: cond(c.name, compare('gte', str(v))), code: 'value-type-mismatch' })));
  add(booleans, (c) => fc.constantFrom(1, 0, 2).map((v) => ({ filter: cond(c.name, compare('eq', num(v))), code: 'value-type-mismatch' })));
  add(strings, (c) => fc.integer().map((v) => ({ filter: cond(c.name, compare('eq', num(v))), code: 'value-type-mismatch' })));
  add(dates, (c) => fc.boolean().map((v) => ({ filter: cond(c.name, compare('lt', { kind: 'boolean', value: v })), code: 'value-type-mismatch' })));
  add(enums, (c) => fc.constantFrom('zz_not_a_value', 'TEXTX').map((v) => ({
    filter: c.array
      ? { kind: 'list', quantifier: 'any', field: { name: c.name }, element: { kind: 'test', test: compare('eq', str(v)) } }
      : cond(c.name, compare('eq', str(v))),
    code: 'unknown-enum-value',
  })));
  add(numeric, (c) => fc.constantFrom<CompareOp>('substring', 'prefix', 'regex', 'phrase_match').map((op) => ({ filter: cond(c.name, compare(op, num(5))), code: 'operator-not-allowed' })));
  add(booleans, (c) => fc.constantFrom<CompareOp>('gt', 'lte').map((op) => ({ filter: cond(c.name, compare(op, { kind: 'boolean', value: true })), code: 'operator-not-allowed' })));
  add(enums.filter((c) => !c.array), (c) => fc.constant({ filter: cond(c.name, compare('prefix', str(c.enumValues![0]!))), code: 'operator-not-allowed' as const }));
  add(arrays, (c) => fc.constant({ filter: cond(c.name, compare('eq', c.type === 'integer' ? num(1) : str('x'))), code: 'array-needs-quantifier' as const }));
  add(scalar.filter((c) => operatorsOf(c).length > 0), (c) => fc.constant({
    filter: { kind: 'list', quantifier: 'any', field: { name: c.name }, element: { kind: 'test', test: { kind: 'null' } } } as Filter,
    code: 'quantifier-needs-array' as const,
  }));
  add(numeric, (c) => fc.constant({ filter: cond(c.name, compare('eq', num(1)), 'uppercase'), code: 'modifier-not-allowed' as const }));
  add(strings, (c) => fc.constantFrom('lowercase', 'trim').map((m) => ({ filter: cond(c.name, compare('eq', str('x')), m), code: 'unknown-modifier' as const })));
  add(scalar.filter((c) => operatorsOf(c).length > 0), (c) => fc.constant({ filter: cond(c.name, compare('eq', { kind: 'null' })), code: 'null-value' as const }));
  if (catalogue.regexDialect === 're2') {
    add(strings, (c) => fc.constantFrom('(', 'a**', '[z-a]', '(?P<n', 'x{2,1}').map((p) => ({ filter: cond(c.name, compare('regex', { kind: 'regex', value: p })), code: 'invalid-regex' as const })));
    add(strings, (c) => fc.constantFrom('(a)\\1', '(?=a)b', '(?<!a)b', 'a(?!b)').map((p) => ({ filter: cond(c.name, compare('regex', { kind: 'regex', value: p })), code: 'unsupported-regex-feature' as const })));
  }
  add(strings, (c) => textValue().map((v) => ({ filter: cond(c.name, { kind: 'in', values: [str(v)] }), code: 'list-too-short' as const })));
  add(strings, (c) => fc.constantFrom('foo', 'bar_baz').map((v) => ({ filter: cond(c.name, compare('eq', str(v, true))), code: 'bare-word-value' as const })));
  return out;
}

/**
 * Ill-typed filters, each labelled with the error it should get: unknown
 * columns, values of the wrong type, enum values not in the enum, operators
 * the type does not allow, arrays without `any`/`all` (and the reverse),
 * modifiers on non-strings, `null` as a value, invalid RE2, one-value `in`.
 * The bad leaf sits alone or inside well-typed context.
 */
export function illTypedCase(catalogue: Catalogue, options: FilterAstOptions = {}): fc.Arbitrary<IllTypedCase> {
  const bad = fc.oneof(...badLeaves(catalogue));
  const good = filterAst(catalogue, { maxDepth: 1, ...options });
  const labelled = (c: IllTypedCase): IllTypedCase => printsAs(c, () => `${c.code}: ${printFilter(c.filter)}`);
  return fc.oneof(
    { withCrossShrink: true },
    bad,
    fc.tuple(bad, good, fc.boolean()).map(([b, g, first]) => ({ code: b.code, filter: tree.and<RowTest>(first ? [b.filter, g] : [g, b.filter]) })),
    fc.tuple(bad, good).map(([b, g]) => ({ code: b.code, filter: tree.or<RowTest>([g, b.filter]) })),
    bad.map((b) => ({ code: b.code, filter: tree.not<RowTest>(b.filter) })),
  ).map(labelled);
}

/** Ill-typed filter ASTs: {@link illTypedCase} without the label. `check` reports at least one error for each. */
export function illTypedFilterAst(catalogue: Catalogue, options: FilterAstOptions = {}): fc.Arbitrary<Filter> {
  return illTypedCase(catalogue, options).map((c) => printsAs({ ...c.filter }, () => printFilter(c.filter)) as Filter);
}

// ------------------------------------------------------------------ malformed where JSON

const VALID_LEAVES: readonly unknown[] = [
  { field: 'anchor', is: ['substring', 'seo'] },
  { field: 'domain_rating_source', is: ['gte', 50] },
  { field: 'languages', list_is: { any: ['eq', 'en'] } },
  { field: 'alt', is: 'is_null' },
];

/** Nodes with exactly one thing wrong with their shape. */
const DEFECTS: readonly unknown[] = [
  {}, [], null, 42, 'and', true,
  { and: [] }, { or: [] }, { and: {} }, { not: [] }, { and: [VALID_LEAVES[0]], or: [VALID_LEAVES[1]] },
  { not: VALID_LEAVES[0], field: 'anchor', is: 'empty' },
  { field: 'anchor' }, { is: ['eq', 'x'] }, { field: '', is: 'empty' }, { field: 7, is: 'empty' },
  { field: 'anchor', is: ['eq', 'x'], list_is: { any: ['eq', 'x'] } },
  { field: 'anchor', is: ['eq'] }, { field: 'anchor', is: ['eq', 'x', 'y'] }, { field: 'anchor', is: ['equals', 'x'] },
  { field: 'anchor', is: [1, 'eq'] }, { field: 'anchor', is: 'empt' }, { field: 'anchor', is: 'null' },
  { field: 'anchor', is: { eq: 'x' } }, { field: 'anchor', is: ['eq', null] }, { field: 'anchor', is: ['eq', {}] },
  { field: 'anchor', is: ['eq', ['a', 'b']] }, { field: 'anchor', is: ['eq', 'x'], extra: 1 },
  { field: 'anchor', modifier: 1, is: ['eq', 'X'] }, { field: 'anchor', modifier: '', is: ['eq', 'X'] },
  { field: 'languages', modifier: 'uppercase', list_is: { any: ['eq', 'EN'] } },
  { field: 'languages', list_is: { and: [['eq', 'en'], ['eq', 'de']] } }, { field: 'languages', list_is: ['eq', 'en'] },
  { field: 'languages', list_is: { any: ['eq', 'en'], all: ['eq', 'de'] } }, { field: 'languages', list_is: { some: ['eq', 'en'] } },
  { field: 'languages', list_is: { any: { field: 'x', is: 'empty' } } }, { field: 'languages', list_is: {} },
  { field: 'languages', list_is: { any: { and: [] } } }, { field: 'languages', list_is: 'empty' },
];

/** Keys that must stay plain data (JSON.parse makes `__proto__` an own key). */
const PROTO_DEFECTS: readonly string[] = [
  '{"__proto__":{"field":"anchor","is":"empty"}}', '{"constructor":{"field":"anchor","is":"empty"}}',
  '{"field":"anchor","is":"empty","__proto__":1}', '{"toString":[]}', '{"and":[{"field":"anchor","is":"empty"}],"__proto__":{"or":[]}}',
];

/**
 * `where` JSON values with a wrong shape somewhere (spec §1): empty or
 * non-array `and`/`or`, two alternatives in one object, unknown keys, bad
 * conditions and operators, `list_is` without `any`/`all`, `__proto__` keys,
 * at the top or nested inside valid nodes. `decompile` rejects each with at
 * least one error whose `path` points into the value.
 */
export function malformedWhereJson(): fc.Arbitrary<unknown> {
  const clone = (v: unknown): unknown => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  const valid = fc.constantFrom(...VALID_LEAVES).map(clone);
  const defect = fc.oneof(
    { arbitrary: fc.constantFrom(...DEFECTS).map(clone), weight: 6 },
    { arbitrary: fc.constantFrom(...PROTO_DEFECTS).map((t): unknown => JSON.parse(t)), weight: 1 },
  );
  const { node } = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'malformed' },
      defect,
      fc.tuple(tie('node'), fc.array(valid, { maxLength: 2 }), fc.nat()).map(([d, vs, at]) => {
        const operands = [...vs];
        operands.splice(at % (vs.length + 1), 0, d);
        return { and: operands };
      }),
      fc.tuple(tie('node'), valid).map(([d, v]) => ({ or: [v, d] })),
      tie('node').map((d) => ({ not: d })),
    ),
  }));
  return node;
}

// ------------------------------------------------------------------ noisy text

/** A rough tokenizer, independent of the real lexer: strings, regexes, words, numbers and dates, operators, spaces. */
const TOKEN = /"(?:[^"\\]|\\.)*"?|\/(?:[^/\\\n]|\\.)*\/?|[A-Za-z_][A-Za-z0-9_.]*|[0-9][0-9:.TZ+-]*|[<>!]=|[()[\],=<>#]|\s+|[^]/gu;

/** Things to insert: keywords, operators, brackets, broken literals, control and astral characters. */
const NOISE = [
  ...KEYWORDS, 'starts with', 'ends with', 'AND', 'Or', '=', '!=', '<', '>=', '(', ')', '((', ')))', ',', '"', '/', '#', '\\', '.',
  '1e999', '-0', '99999999999999999999', '0x10', '1.', '.5', '2024-02-30', '2024-13-01', '9999-99-99T99:99', '2024-01-01T25:00',
  '"unterminated', '"\\q"', '"\\u{110000}"', '/(a/', '/a**/', '\u0000', '\uD800', '\uDFFF', '😀', '\u2028', '\r', '\t', 'DR',
  'domain_ratng', 'uppercase(', 'any(', 'all(languages)', 'intents.x.y', 'toString', '__proto__', '${x}', '`',
];

type Mutation = (tokens: string[], at: number, noise: string) => string[];
const MUTATIONS: readonly Mutation[] = [
  (t, i) => [...t.slice(0, i), ...t.slice(i + 1)], // delete a token
  (t, i) => [...t.slice(0, i + 1), ...t.slice(i)], // duplicate a token
  (t, i) => (i + 1 < t.length ? [...t.slice(0, i), t[i + 1]!, t[i]!, ...t.slice(i + 2)] : t), // swap two neighbours
  (t, i, n) => [...t.slice(0, i), n, ...t.slice(i)], // insert noise
  (t, i, n) => [...t.slice(0, i), n, ...t.slice(i + 1)], // replace a token
  (t, i) => t.slice(0, i), // truncate
  (t, i) => t.map((x, j) => (j === i ? x.toUpperCase() : x)), // change case
  (t, i) => t.map((x, j) => (j === i ? x.slice(0, Math.max(0, x.length - 1)) : x)), // chop a character (unterminated strings)
];

/**
 * Grammar-aware mutations of query text: tokens deleted, duplicated,
 * swapped, replaced or upper-cased, keywords and broken literals inserted,
 * text truncated. Most results are invalid; some stay valid.
 */
export function mutatedText(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const mutation = fc.tuple(fc.nat(), fc.nat({ max: MUTATIONS.length - 1 }), fc.constantFrom(...NOISE));
  return fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, mutations]) => {
    let tokens: string[] = text.match(TOKEN) ?? [];
    for (const [at, which, noise] of mutations) tokens = MUTATIONS[which]!(tokens, at % (tokens.length + 1), noise);
    return tokens.join('');
  });
}
