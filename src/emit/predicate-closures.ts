/**
 * The closure back end of the predicate: compiles a checked filter ONCE into
 * specialised closures that evaluate rows with the API's semantics (spec §4).
 *
 * Three-valued logic without a third value on the hot path: every node
 * compiles to a pair of plain boolean tests, `t` ("the node is true for this
 * input") and `f` ("the node is false"); *unknown* is neither. Kleene logic is
 * then exact and cheap:
 *
 * | node      | t                  | f                  |
 * |-----------|--------------------|--------------------|
 * | `a and b` | `a.t && b.t`       | `a.f \|\| b.f`     |
 * | `a or b`  | `a.t \|\| b.t`     | `a.f && b.f`       |
 * | `not a`   | `a.f`              | `a.t`              |
 * | any(col)  | some element `t`   | every element `f`  |
 * | all(col)  | every element `t`  | some element `f`   |
 *
 * A row matches when the root's `t` holds, so a predicate calls only boolean
 * closures that short-circuit, with no AST walk and no allocation per row.
 * Constants are lowered at compile time (dates to epoch ms, phrases and
 * regexes compiled, `in` lists to Sets); each leaf reads its column by a
 * captured key, own properties only.
 *
 * Values of the wrong JavaScript type for their column (a string in a number
 * column, a number in a date column, `NaN`) are *unknown*, like null: the API
 * never returns them, so no answer would be better founded than another.
 */
import type { CompareOp, ElementFilter, Filter, Literal, RowTest, Test } from '../ast/nodes.js';
import { foldTree, type BoolTree } from '../ast/tree.js';
import type { RegexDialect, ValueType } from '../catalogue/types.js';
import { phraseTest } from '../semantics/phrase.js';
import { compileRegex } from '../semantics/regex.js';
import { compareCodePoints, lower, upper } from '../semantics/strings.js';
import { parseInstant } from '../vocabulary/dates.js';
import {
  BUILD_ERRORS, DATE_NEGATION, dateConstant, domainOf, field, inheritedKey, internalize, isSecondForm, lowerAll, lowerLiteral, numberBounds,
  PredicateBuildError, reader, validDayForm, validSecondForm,
  type DateConstant, type DateOp, type Polar, type PredicateContext, type Row, type Test2,
} from './predicate-core.js';

const own = Object.prototype.hasOwnProperty;
const isArray = Array.isArray;
const NEVER: Test2<unknown> = () => false;
/** Both tests false: the node is unknown for every input (a constant that cannot be lowered). */
const UNKNOWN: Polar<unknown> = { t: NEVER, f: NEVER };

// ---------------------------------------------------------------- combinators

function allOf<X>(tests: readonly Test2<X>[]): Test2<X> {
  const [a, b, c] = tests as [Test2<X>, Test2<X>, Test2<X>];
  switch (tests.length) {
    case 1: return a;
    case 2: return (x) => a(x) && b(x);
    case 3: return (x) => a(x) && b(x) && c(x);
    default: return (x) => {
      for (let i = 0; i < tests.length; i++) if (!tests[i]!(x)) return false;
      return true;
    };
  }
}

function anyOf<X>(tests: readonly Test2<X>[]): Test2<X> {
  const [a, b, c] = tests as [Test2<X>, Test2<X>, Test2<X>];
  switch (tests.length) {
    case 1: return a;
    case 2: return (x) => a(x) || b(x);
    case 3: return (x) => a(x) || b(x) || c(x);
    default: return (x) => {
      for (let i = 0; i < tests.length; i++) if (tests[i]!(x)) return true;
      return false;
    };
  }
}

function and<X>(ps: readonly Polar<X>[]): Polar<X> {
  return { t: allOf(ps.map((p) => p.t)), f: anyOf(ps.map((p) => p.f)) };
}

function or<X>(ps: readonly Polar<X>[]): Polar<X> {
  return { t: anyOf(ps.map((p) => p.t)), f: allOf(ps.map((p) => p.f)) };
}

function not<X>(p: Polar<X>): Polar<X> {
  return { t: p.f, f: p.t };
}

// ---------------------------------------------------------------- value tests

/** A string test `op`, true/false on strings, unknown on anything else. */
function onStrings(op: (s: string) => boolean): Polar<unknown> {
  return { t: (v) => typeof v === 'string' && op(v), f: (v) => typeof v === 'string' && !op(v) };
}

/** The six orderings from `=`, `>` and `<`: each other one is a negation (exact in three-valued logic). */
function ordering(op: CompareOp, eq: Polar<unknown>, gt: Polar<unknown>, lt: Polar<unknown>): Polar<unknown> {
  switch (op) {
    case 'eq': return eq;
    case 'neq': return not(eq);
    case 'gt': return gt;
    case 'lte': return not(gt);
    case 'lt': return lt;
    case 'gte': return not(lt);
    default: return UNKNOWN;
  }
}

function numberCompare(op: CompareOp, c: number): Polar<unknown> {
  return ordering(
    op,
    { t: (v) => typeof v === 'number' && v === c, f: (v) => typeof v === 'number' && v === v && v !== c },
    { t: (v) => typeof v === 'number' && v > c, f: (v) => typeof v === 'number' && v <= c },
    { t: (v) => typeof v === 'number' && v < c, f: (v) => typeof v === 'number' && v >= c },
  );
}

/**
 * Dates: `t` is "the test holds", `f` "its negation holds" (both need a
 * valid date, so an invalid one is neither: unknown). Rows in a canonical
 * form compare as strings, the calendar checked only when the comparison
 * holds (see DateConstant); any other form by its instant.
 */
function dateCompare(op: CompareOp, ms: number): Polar<unknown> {
  if (!(op in DATE_NEGATION)) return UNKNOWN;
  const c = dateConstant(ms);
  const holds = dateHolds(op as DateOp, c);
  const negated = dateHolds(DATE_NEGATION[op as DateOp], c);
  return { t: (v) => typeof v === 'string' && holds(v), f: (v) => typeof v === 'string' && negated(v) };
}

/** Whether `op` holds between a row's date text and the constant (false for an invalid date). */
function dateHolds(op: DateOp, c: DateConstant): Test2<string> {
  const ms = c.ms;
  const byInstant = instantOrder(op, ms);
  const slow: Test2<string> = (v) => byInstant(parseInstant(v));
  const second = c.second === undefined ? undefined : canonical(op, c.second, validSecondForm);
  const day = c.day === undefined ? undefined : canonical(op, c.day, validDayForm);
  if (second && day) return (v) => (isSecondForm(v) ? second(v) : v.length === 10 ? day(v) : slow(v));
  if (second) return (v) => (isSecondForm(v) ? second(v) : slow(v));
  return slow; // a constant with no second form has no day form either
}

/** The test on the instant `parseInstant` gave (null for an invalid date: false). */
function instantOrder(op: DateOp, c: number): (x: number | null) => boolean {
  switch (op) {
    case 'eq': return (x) => x === c;
    case 'neq': return (x) => x !== null && x !== c;
    case 'gt': return (x) => x !== null && x > c;
    case 'gte': return (x) => x !== null && x >= c;
    case 'lt': return (x) => x !== null && x < c;
    case 'lte': return (x) => x !== null && x <= c;
  }
}

/** The test on a row string in the constant's own form: string order, the calendar checked only when it holds. */
function canonical(op: DateOp, c: string, valid: Test2<string>): Test2<string> {
  switch (op) {
    case 'eq': return (v) => v === c; // equal to a valid canonical string: valid
    case 'neq': return (v) => v !== c && valid(v);
    case 'gt': return (v) => v > c && valid(v);
    case 'gte': return (v) => v >= c && valid(v);
    case 'lt': return (v) => v < c && valid(v);
    case 'lte': return (v) => v <= c && valid(v);
  }
}

function stringCompare(op: CompareOp, c: string, dialect: RegexDialect): Polar<unknown> {
  switch (op) {
    case 'eq': return { t: (v) => v === c, f: (v) => typeof v === 'string' && v !== c };
    case 'neq': return { t: (v) => typeof v === 'string' && v !== c, f: (v) => v === c };
    case 'gt': return onStrings((s) => compareCodePoints(s, c) > 0);
    case 'gte': return onStrings((s) => compareCodePoints(s, c) >= 0);
    case 'lt': return onStrings((s) => compareCodePoints(s, c) < 0);
    case 'lte': return onStrings((s) => compareCodePoints(s, c) <= 0);
    case 'substring': return onStrings((s) => s.includes(c));
    case 'prefix': return onStrings((s) => s.startsWith(c));
    case 'suffix': return onStrings((s) => s.endsWith(c));
    case 'isubstring': {
      const lc = internalize(lower(c));
      return onStrings((s) => lower(s).includes(lc));
    }
    case 'phrase_match': return onStrings(phraseTest(c));
    case 'iphrase_match': {
      const phrase = phraseTest(lower(c));
      return onStrings((s) => phrase(lower(s)));
    }
    case 'regex': return onStrings(compileRegex(c, dialect).test);
  }
}

function booleanCompare(op: CompareOp, c: boolean): Polar<unknown> {
  if (op === 'eq') return { t: (v) => v === c, f: (v) => v === !c };
  if (op === 'neq') return { t: (v) => v === !c, f: (v) => v === c };
  return UNKNOWN;
}

/** One comparison, by the value domain of the column (or of the literal, for untyped paths). */
function compare(op: CompareOp, literal: Literal, type: ValueType, dialect: RegexDialect): Polar<unknown> {
  const domain = domainOf(type, literal);
  switch (domain) {
    case 'number': { const c = lowerLiteral(literal, domain); return c === undefined ? UNKNOWN : numberCompare(op, c); }
    case 'date': { const c = lowerLiteral(literal, domain); return c === undefined ? UNKNOWN : dateCompare(op, c); }
    case 'string': { const c = lowerLiteral(literal, domain); return c === undefined ? UNKNOWN : stringCompare(op, c, dialect); }
    case 'boolean': { const c = lowerLiteral(literal, domain); return c === undefined ? UNKNOWN : booleanCompare(op, c); }
    case undefined: return UNKNOWN;
  }
}

/** `in (a, b, …)`: the `or` of `eq` it emits; a Set when every constant lowers (same 3VL result, one lookup). */
function inList(values: readonly Literal[], type: ValueType, dialect: RegexDialect): Polar<unknown> {
  const domain = domainOf(type, values[0]);
  const strings = domain === 'string' ? lowerAll(values, domain) : undefined;
  if (strings) {
    const set = new Set(strings);
    return { t: (v) => typeof v === 'string' && set.has(v), f: (v) => typeof v === 'string' && !set.has(v) };
  }
  const numbers = domain === 'number' ? lowerAll(values, domain) : undefined;
  if (numbers) {
    const set = new Set(numbers);
    return { t: (v) => typeof v === 'number' && set.has(v), f: (v) => typeof v === 'number' && v === v && !set.has(v) };
  }
  return or(values.map((v) => compare('eq', v, type, dialect)));
}

/** `empty`: true for `""` / `[]`, false for other strings / arrays, unknown for null and wrong types. */
function emptyTest(type: ValueType, array: boolean): Polar<unknown> {
  if (array) return { t: (v) => isArray(v) && v.length === 0, f: (v) => isArray(v) && v.length > 0 };
  if (type === 'string' || type === 'url' || type === 'domain') {
    return { t: (v) => v === '', f: (v) => typeof v === 'string' && v !== '' };
  }
  // An untyped path: any non-null value that is not "" or [] is not empty.
  return {
    t: (v) => v === '' || (isArray(v) && v.length === 0),
    f: (v) => v != null && v !== '' && !(isArray(v) && v.length === 0),
  };
}

/** One test on one value, for a column (or array element) of `type`. */
export function compileTest(test: Test, type: ValueType, array: boolean, dialect: RegexDialect): Polar<unknown> {
  switch (test.kind) {
    case 'null': return { t: (v) => v == null, f: (v) => v != null };
    case 'empty': return emptyTest(type, array);
    case 'compare': return compare(test.op, test.value, type, dialect);
    case 'in': return inList(test.values, type, dialect);
    case 'between': {
      const bounds = numberBounds(type, test.low, test.high);
      if (bounds) {
        const [lo, hi] = bounds;
        return { t: (v) => typeof v === 'number' && v >= lo && v <= hi, f: (v) => typeof v === 'number' && (v < lo || v > hi) };
      }
      return and([compare('gte', test.low, type, dialect), compare('lte', test.high, type, dialect)]);
    }
  }
}

/** Applies the `uppercase` modifier (the only one the API documents) before the test. */
export function withModifier(name: string | undefined, p: Polar<unknown>): Polar<unknown> {
  if (name === undefined) return p;
  if (name.toLowerCase() !== 'uppercase') throw new PredicateBuildError(BUILD_ERRORS.modifier(name));
  const m = (v: unknown) => (typeof v === 'string' ? upper(v) : v);
  return { t: (v) => p.t(m(v)), f: (v) => p.f(m(v)) };
}

// ---------------------------------------------------------------- tree

/**
 * The boolean structure, the same at both levels (rows, and the elements
 * inside `any(…)` / `all(…)`): Kleene's `and` / `or` / `not` on the pairs.
 */
function compileTree<L, X>(node: BoolTree<L>, leaf: (leaf: L) => Polar<X>): Polar<X> {
  return foldTree<L, Polar<X>>(node, {
    and: (operands) => and(operands),
    or: (operands) => or(operands),
    not: (operand) => not(operand),
    leaf,
    invalid: () => {
      throw new PredicateBuildError(BUILD_ERRORS.invalid);
    },
  });
}

/** Compiles the filter inside `any(…)` / `all(…)`, testing one element of type `type`. */
export function compileElement(node: ElementFilter, type: ValueType, dialect: RegexDialect): Polar<unknown> {
  return compileTree(node, (leaf) => compileTest(leaf.test, type, false, dialect));
}

/** A row test from a value test: reads the column by its captured key. */
export function onColumn(key: string, p: Polar<unknown>): Polar<Row> {
  const vt = p.t;
  const vf = p.f;
  if (key.includes('.')) {
    const read = reader(key);
    return { t: (row) => vt(read(row)), f: (row) => vf(read(row)) };
  }
  if (inheritedKey(key)) {
    return { t: (row) => vt(own.call(row, key) ? row[key] : undefined), f: (row) => vf(own.call(row, key) ? row[key] : undefined) };
  }
  return { t: (row) => vt(row[key]), f: (row) => vf(row[key]) };
}

export function quantified(key: string, quantifier: 'any' | 'all', e: Polar<unknown>): Polar<Row> {
  const et = e.t;
  const ef = e.f;
  // Kleene over the elements: "some element true" and "every element false" (and duals for all).
  const read = reader(key);
  const some = (test: Test2<unknown>): Test2<Row> => (row) => {
    const a = read(row);
    if (!isArray(a)) return false;
    for (let i = 0; i < a.length; i++) if (test(a[i])) return true;
    return false;
  };
  const every = (test: Test2<unknown>): Test2<Row> => (row) => {
    const a = read(row);
    if (!isArray(a)) return false;
    for (let i = 0; i < a.length; i++) if (!test(a[i])) return false;
    return true;
  };
  return quantifier === 'any' ? { t: some(et), f: every(ef) } : { t: every(et), f: some(ef) };
}

/** One row test (a condition, or `any` / `all` over an array) as its pair of row tests. */
export function compileRowTest(node: RowTest, ctx: PredicateContext): Polar<Row> {
  const f = field(node.field, ctx);
  if (node.kind === 'condition') {
    return onColumn(f.apiName, withModifier(node.modifier?.name, compileTest(node.test, f.type, f.column.array, ctx.dialect)));
  }
  return quantified(f.apiName, node.quantifier, compileElement(node.element, f.type, ctx.dialect));
}

/**
 * Compiles a checked filter tree into its pair of row tests. Throws
 * {@link PredicateBuildError} for trees the checker rejects.
 */
export function compileNode(node: Filter, ctx: PredicateContext): Polar<Row> {
  return compileTree(node, (leaf) => compileRowTest(leaf, ctx));
}
