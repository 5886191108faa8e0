/**
 * The leaves of generated filters: one column's test.
 *
 * Leaves are drawn *construct first*: a weighted choice of the test (an
 * operator, `in`, `between`, `empty`, `null`, a modifier, a quantifier),
 * then a column that admits it. Drawing the column first would give each
 * string operator a share of 1/13 of the string columns' share (1–2 % of
 * filters); construct first gives every construct its weight whatever the
 * catalogue's mix of types.
 *
 * Every test is built so that it shrinks to a simpler one: an `in` is a list
 * of at least one value (one value is written `=`), a `between` has an
 * optional upper bound (without it, it is `>=`), and the values shrink
 * towards simple ones. The trees are made canonical afterwards (ast.ts), so
 * these raw leaves need not be.
 */
import fc from 'fast-check';
import type { CompareOp, ElementFilter, Filter, Literal, Test } from '../ast/index.js';
import type { Catalogue, Column, RegexDialect } from '../catalogue/index.js';
import { ruleForColumn } from '../check/index.js';
import { dateLiteralKind, parseInstant } from '../vocabulary/index.js';
import { COMPARE_OPS } from '../vocabulary/index.js';
import type { Construct, ResolvedFilterOptions, TestKind } from './options.js';
import { whereValueFor } from './values.js';

/** The operators the typing table (spec §3, `TYPE_RULES`) allows on a column's values (an array column's elements). */
export function operatorsOf(column: Column): readonly CompareOp[] {
  return ruleForColumn(column).ops;
}

/** Columns whose type the checker knows fully (object paths and `array(null)` only get a warning). */
export function isCheckable(column: Column): boolean {
  return column.type !== 'object' && column.type !== 'unknown';
}

const isNumeric = (c: Column) => c.type === 'integer' || c.type === 'float';
const isDate = (c: Column) => c.type === 'date' || c.type === 'datetime';

/** Where a test stands: on a column, on a modified column, or on an array element. */
export type Place = 'column' | 'modified' | 'element';

/**
 * Whether a test makes sense at a place: the typing table allows it, and it
 * says something (`in` needs two distinct values, so not on booleans or
 * one-value enums; `between` orders numbers and dates only; `empty` and
 * `is null` test the column itself, not its upper-cased copy).
 */
export function admits(column: Column, kind: TestKind, place: Place): boolean {
  const rule = ruleForColumn(column);
  if (column.array && place === 'column') return (kind === 'empty') || (kind === 'null' && column.nullable);
  switch (kind) {
    case 'in': return rule.ops.includes('eq') && column.type !== 'boolean' && (column.enumValues === undefined || column.enumValues.length >= 2);
    case 'between': return place !== 'modified' && (isNumeric(column) || isDate(column));
    case 'empty': return place !== 'modified' && rule.empty;
    case 'null': return place === 'element' || (place === 'column' && column.nullable);
    default: return rule.ops.includes(kind);
  }
}

/** A literal for a JSON value; the decompiler later gives it its canonical kind (bare words, dates). */
function rawLiteral(value: string | number | boolean, op: CompareOp, column: Column): Literal {
  if (typeof value === 'number') return { kind: 'number', value: value === 0 ? 0 : value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (op === 'regex') return { kind: 'regex', value };
  const date = isDate(column) ? dateLiteralKind(value) : undefined;
  return date ? { kind: date, value } : { kind: 'string', value, bare: false };
}

/** The order of two values of an ordered column (numbers, or dates by instant). */
function order(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return (parseInstant(String(a)) ?? 0) - (parseInstant(String(b)) ?? 0);
}

/** One test of `kind` on a column's values, built to shrink to a single plain comparison. */
export function testFor(column: Column, kind: TestKind, dialect: RegexDialect, maxListValues: number, modified = false): fc.Arbitrary<Test> {
  // Under `uppercase(…)` a value with a lower-case letter can never be equal, a prefix, … : half of the time the
  // value is upper-cased too, so that the test can hold; the rest keep lower case (the value is not modified: a bug
  // that upper-cases it shows only there). Patterns stay as drawn (upper-casing `\d` would change its meaning).
  const drawn = (op: CompareOp) => (modified && op !== 'regex'
    ? fc.tuple(fc.nat({ max: 1 }), whereValueFor(column, op, dialect)).map(([k, v]) => (k === 0 && typeof v === 'string' ? v.toUpperCase() : v))
    : whereValueFor(column, op, dialect));
  const value = (op: CompareOp) => drawn(op).map((v) => rawLiteral(v, op, column));
  switch (kind) {
    case 'empty': return fc.constant<Test>({ kind: 'empty' });
    case 'null': return fc.constant<Test>({ kind: 'null' });
    case 'in': {
      const max = Math.min(maxListValues, column.enumValues?.length ?? maxListValues);
      // Distinct values: a repeated value in a list tests nothing more. One value is `=`.
      return fc.uniqueArray(value('eq'), { minLength: 1, maxLength: max, selector: (l) => JSON.stringify(l) })
        .map((values): Test => (values.length === 1 ? { kind: 'compare', op: 'eq', value: values[0]! } : { kind: 'in', values }));
    }
    case 'between':
      // Bounds in order, except one time in ten (an empty range is an edge case, not the rule); no upper bound is `>=`.
      return fc.tuple(value('gte'), fc.option(value('lte'), { freq: 12 }), fc.noBias(fc.nat({ max: 9 })))
        .map(([a, b, flip]): Test => {
          if (b === null) return { kind: 'compare', op: 'gte', value: a };
          const va = (a as { value: string | number }).value;
          const vb = (b as { value: string | number }).value;
          const [low, high] = order(va, vb) <= 0 === (flip !== 9) ? [a, b] : [b, a];
          return { kind: 'between', low, high };
        });
    default:
      return value(kind).map((v): Test => ({ kind: 'compare', op: kind, value: v }));
  }
}

/** A weighted choice among the test kinds a column admits at a place (undefined when none). */
function testsAt(column: Column, place: Place, o: ResolvedFilterOptions, dialect: RegexDialect): fc.Arbitrary<Test> | undefined {
  const kinds = ([...COMPARE_OPS, 'in', 'between', 'empty', 'null'] as TestKind[]).filter((k) => o.weights[k] > 0 && admits(column, k, place));
  if (kinds.length === 0) return undefined;
  return fc.oneof(...kinds.map((k) => ({ arbitrary: testFor(column, k, dialect, o.maxListValues, place === 'modified'), weight: o.weights[k] })));
}

/** The `not` wrappers of a node: none most of the time (shrinking goes there), one, rarely two. */
export function notCount(weight: number): fc.Arbitrary<number> {
  const one = Math.round((1000 * weight) / (weight + 10));
  return fc.noBias(fc.nat({ max: 999 })).map((n) => (n >= 1000 - Math.ceil(one / 8) ? 2 : n >= 1000 - one ? 1 : 0));
}

/**
 * A boolean tree over `leaf` that shrinks to one leaf: an `and` / `or` is a
 * list of at least one operand (one operand stands for itself), `not` is a
 * count that shrinks to none, and a branch cross-shrinks to a fresh leaf.
 */
export function boolTree<L>(leaf: fc.Arbitrary<L>, o: ResolvedFilterOptions, maxDepth: number, id: string): fc.Arbitrary<import('../ast/index.js').BoolTree<L>> {
  type T = import('../ast/index.js').BoolTree<L>;
  const branches = (['and', 'or'] as const).filter((k) => o.weights[k] > 0 && o.maxOperands > 1);
  const nots = notCount(o.weights.not);
  const keep = fc.noBias(fc.nat({ max: 19 }));
  // A `not` over a node that is already one (an `and`/`or` collapsed to its one negated operand) cancels with it:
  // `not not x` from two levels could shrink to `x` only by dropping both at once, which fast-check never tries, and
  // dropping the inner one alone (the outer one staying) would flip the outcome of what remains.
  const wrap = ([n, node]: [number, T]): T => {
    const kind = (node as { kind: string }).kind;
    if (n > 0 && kind === 'not') return n === 1 ? (node as { operand: T }).operand : node;
    return n === 0 ? node : n === 1 ? { kind: 'not', operand: node } : { kind: 'not', operand: { kind: 'not', operand: node } };
  };
  if (branches.length === 0 || maxDepth === 0) return o.weights.not > 0 ? fc.tuple(nots, leaf as fc.Arbitrary<T>).map(wrap) : (leaf as fc.Arbitrary<T>);
  const { node } = fc.letrec<{ node: T }>((tie) => ({
    node: fc.tuple(
      o.weights.not > 0 ? nots : fc.constant(0),
      fc.oneof(
        { maxDepth, depthIdentifier: id, depthSize: o.size, withCrossShrink: true },
        { arbitrary: leaf as fc.Arbitrary<T>, weight: 4 },
        ...branches.map((kind) => ({
          // Each operand carries a keep flag that shrinks to "dropped": fast-check's array shrinking only keeps
          // tails, so without it `a and b` could never shrink to `a`. All dropped keeps the first.
          arbitrary: fc.array(fc.tuple(keep, tie('node')), { minLength: 1, maxLength: o.maxOperands, size: o.size, depthIdentifier: id })
            .map((items): T => {
              const kept = items.filter(([k]) => k > 0).map(([, n]) => n);
              const operands = kept.length > 0 ? kept : [items[0]![1]];
              return operands.length === 1 ? operands[0]! : { kind, operands };
            }),
          weight: o.weights[kind],
        })),
      ),
    ).map(wrap),
  }));
  return node;
}

/** A weighted arbitrary of leaves for one construct, or undefined when no column admits it. */
export type LeafChoice = { readonly construct: Construct; readonly arbitrary: fc.Arbitrary<Filter>; readonly weight: number };

/** Every leaf construct possible on these columns, with its weight. */
export function leafChoices(columns: readonly Column[], catalogue: Catalogue, o: ResolvedFilterOptions): LeafChoice[] {
  const dialect = catalogue.regexDialect;
  const out: LeafChoice[] = [];
  for (const kind of [...COMPARE_OPS, 'in', 'between', 'empty', 'null'] as TestKind[]) {
    const cols = columns.filter((c) => admits(c, kind, 'column'));
    if (o.weights[kind] === 0 || cols.length === 0) continue;
    out.push({
      construct: kind,
      weight: o.weights[kind],
      arbitrary: fc.constantFrom(...cols).chain((c) => testFor(c, kind, dialect, o.maxListValues)
        .map((test): Filter => ({ kind: 'condition', field: { name: c.name }, test }))),
    });
  }
  const modifiable = columns.flatMap((c) => (c.array || c.enumValues ? [] : catalogue.modifiers.filter((m) => m.appliesTo.includes(c.type)).map((m) => [c, m.name] as const)));
  if (o.weights.modifier > 0 && modifiable.length > 0) {
    const pairs = modifiable.flatMap(([c, m]) => {
      const tests = testsAt(c, 'modified', o, dialect);
      return tests ? [tests.map((test): Filter => ({ kind: 'condition', field: { name: c.name }, modifier: { name: m }, test }))] : [];
    });
    if (pairs.length > 0) out.push({ construct: 'modifier', weight: o.weights.modifier, arbitrary: fc.oneof(...pairs) });
  }
  const arrays = columns.filter((c) => c.array && operatorsOf(c).length > 0);
  for (const quantifier of ['any', 'all'] as const) {
    if (o.weights[quantifier] === 0) continue;
    const lists = arrays.flatMap((c) => {
      const tests = testsAt(c, 'element', o, dialect);
      if (!tests) return [];
      const element = boolTree<{ kind: 'test'; test: Test }>(tests.map((test) => ({ kind: 'test' as const, test })), o, Math.max(0, o.maxDepth - 1), 'element');
      return [element.map((e): Filter => ({ kind: 'list', quantifier, field: { name: c.name }, element: e as ElementFilter }))];
    });
    if (lists.length > 0) out.push({ construct: quantifier, weight: o.weights[quantifier], arbitrary: fc.oneof(...lists) });
  }
  return out;
}
