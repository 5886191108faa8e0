/**
 * The predicate back end: compiles a checked filter ONCE into specialised
 * closures that evaluate rows with the API's semantics (spec §4).
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
import type { CompareOp, ElementFilter, FieldRef, Filter, Literal, Test } from '../ast/nodes.js';
import type { RegexDialect, ResolvedField, ValueType } from '../catalogue/types.js';
import { parseInstant } from '../vocabulary/dates.js';
import { phraseTest } from '../semantics/phrase.js';
import { compileRegex } from '../semantics/regex.js';
import { compareCodePoints, lower, upper } from '../semantics/strings.js';
import { generatePredicate } from './predicate-codegen.js';

/** A row as the API returns it: a plain object, one `backlinks[]` item. */
export type Row = Readonly<Record<string, unknown>>;

/** A two-valued test of a row or of a value. */
export type Test2<X> = (input: X) => boolean;

/** One node compiled: `t` holds when the node is true, `f` when it is false; neither means unknown. */
export interface Polar<X> {
  readonly t: Test2<X>;
  readonly f: Test2<X>;
}

/** What the compiler needs besides the tree. */
export interface PredicateContext {
  /** The checker's resolution of each field reference. */
  readonly resolve: (ref: FieldRef) => ResolvedField | undefined;
  /** How the endpoint reads `regex` values. */
  readonly dialect: RegexDialect;
}

/** Thrown for trees the checker would have rejected; the public API never lets one through. */
export class PredicateBuildError extends Error {
  override name = 'PredicateBuildError';
}

const own = Object.prototype.hasOwnProperty;
const isArray = Array.isArray;
const NEVER: Test2<unknown> = () => false;
/** Both tests false: the node is unknown for every input (a constant that cannot be lowered). */
const UNKNOWN: Polar<unknown> = { t: NEVER, f: NEVER };

/**
 * True when a plain object would inherit `key` from `Object.prototype`
 * (`constructor`, `toString`, `__proto__`, …). Only such keys need an own-property
 * check: rows are plain data (object literals, `JSON.parse` output,
 * `Object.create(null)`), so any other key is either the row's own or absent.
 * The check costs 2–3× on the hot path, hence not paid for every column.
 */
export function inheritedKey(key: string): boolean {
  return key in Object.prototype;
}

/**
 * The value of a column in a row: own properties only, so `constructor` or
 * `__proto__` in a row are plain data and a row without them reads null.
 * Absent columns read as `undefined`, which every test treats like null.
 * A dotted path into an object column (`intents.informational`) reads the
 * nested value, as the API returns it (`{"intents": {"informational": true}}`):
 * each step an own property of a non-array object, else `undefined`. Column
 * names never contain a dot (the catalogue forbids it), so a dot always means
 * a path.
 */
export function readColumn(row: Row, key: string): unknown {
  return key.includes('.') ? readPath(row, key.split('.')) : own.call(row, key) ? row[key] : undefined;
}

/** Follows a path of own properties through nested objects (never into arrays, nor a prototype). */
function readPath(row: Row, steps: readonly string[]): unknown {
  let value: unknown = row;
  for (const step of steps) {
    if (typeof value !== 'object' || value === null || isArray(value) || !own.call(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/**
 * A reader of one column (or dotted path), specialised at compile time: a
 * plain load for ordinary column names (see {@link inheritedKey}), the path
 * walk for dotted paths.
 */
export function reader(key: string): (row: Row) => unknown {
  if (key.includes('.')) {
    const steps = key.split('.');
    return (row) => readPath(row, steps);
  }
  return inheritedKey(key) ? (row) => (own.call(row, key) ? row[key] : undefined) : (row) => row[key];
}

/** The instant of a row value, or NaN (so every comparison with it is false). */
function instant(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const ms = parseInstant(value);
  return ms === null ? NaN : ms;
}

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

/** How values of a column compare: the domain follows the column type (or the literal, for untyped paths). */
export type Domain = 'number' | 'boolean' | 'string' | 'date';

export function domainOf(type: ValueType, literal: Literal | undefined): Domain | undefined {
  switch (type) {
    case 'integer': case 'float': return 'number';
    case 'boolean': return 'boolean';
    case 'date': case 'datetime': return 'date';
    case 'string': case 'url': case 'domain': return 'string';
    default:
      // An untyped path into an object column: the literal says what it is compared as.
      switch (literal?.kind) {
        case 'number': return 'number';
        case 'boolean': return 'boolean';
        case 'date': case 'datetime': return 'date';
        case 'string': case 'regex': return 'string';
        default: return undefined;
      }
  }
}

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

function dateCompare(op: CompareOp, c: number): Polar<unknown> {
  // instant() gives NaN for null, wrong types and invalid dates; every comparison with NaN is false.
  return ordering(
    op,
    { t: (v) => instant(v) === c, f: (v) => { const x = instant(v); return x === x && x !== c; } },
    { t: (v) => instant(v) > c, f: (v) => instant(v) <= c },
    { t: (v) => instant(v) < c, f: (v) => instant(v) >= c },
  );
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
      const lc = lower(c);
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

/** The constant of a literal in a domain, or undefined when it has none (the checker reports those). */
export function lowerLiteral(literal: Literal, domain: Domain): number | string | boolean | undefined {
  switch (domain) {
    case 'number': return literal.kind === 'number' ? literal.value : undefined;
    case 'boolean': return literal.kind === 'boolean' ? literal.value : undefined;
    case 'string': return literal.kind === 'string' || literal.kind === 'regex' ? literal.value : undefined;
    case 'date':
      return literal.kind === 'date' || literal.kind === 'datetime' || literal.kind === 'string' ? (parseInstant(literal.value) ?? undefined) : undefined;
  }
}

function compare(op: CompareOp, literal: Literal, type: ValueType, dialect: RegexDialect): Polar<unknown> {
  const domain = domainOf(type, literal);
  if (domain === undefined) return UNKNOWN;
  const c = lowerLiteral(literal, domain);
  if (c === undefined) return UNKNOWN;
  switch (domain) {
    case 'number': return numberCompare(op, c as number);
    case 'date': return dateCompare(op, c as number);
    case 'string': return stringCompare(op, c as string, dialect);
    case 'boolean':
      if (op === 'eq') return { t: (v) => v === c, f: (v) => v === !c };
      if (op === 'neq') return { t: (v) => v === !c, f: (v) => v === c };
      return UNKNOWN;
  }
}

/** `in (a, b, …)`: the `or` of `eq` it emits; a Set when every constant lowers (same 3VL result, one lookup). */
function inList(values: readonly Literal[], type: ValueType, dialect: RegexDialect): Polar<unknown> {
  const domain = domainOf(type, values[0]);
  const constants = domain ? values.map((v) => lowerLiteral(v, domain)) : [];
  if (domain === 'string' && !constants.includes(undefined)) {
    const set = new Set(constants as string[]);
    return { t: (v) => typeof v === 'string' && set.has(v), f: (v) => typeof v === 'string' && !set.has(v) };
  }
  if (domain === 'number' && !constants.includes(undefined)) {
    const set = new Set(constants as number[]);
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
      const domain = domainOf(type, test.low);
      const lo = domain === 'number' ? lowerLiteral(test.low, domain) : undefined;
      const hi = domain === 'number' ? lowerLiteral(test.high, domain) : undefined;
      if (typeof lo === 'number' && typeof hi === 'number') {
        return { t: (v) => typeof v === 'number' && v >= lo && v <= hi, f: (v) => typeof v === 'number' && (v < lo || v > hi) };
      }
      return and([compare('gte', test.low, type, dialect), compare('lte', test.high, type, dialect)]);
    }
  }
}

/** Applies the `uppercase` modifier (the only one the API documents) before the test. */
export function withModifier(name: string | undefined, p: Polar<unknown>): Polar<unknown> {
  if (name === undefined) return p;
  if (name.toLowerCase() !== 'uppercase') throw new PredicateBuildError(`Unknown modifier "${name}".`);
  const m = (v: unknown) => (typeof v === 'string' ? upper(v) : v);
  return { t: (v) => p.t(m(v)), f: (v) => p.f(m(v)) };
}

// ---------------------------------------------------------------- tree

export function field(ref: FieldRef, ctx: PredicateContext): ResolvedField {
  const resolved = ctx.resolve(ref);
  if (!resolved) throw new PredicateBuildError(`Unresolved column "${ref.name}".`);
  return resolved;
}

/** Compiles the filter inside `any(…)` / `all(…)`, testing one element of type `type`. */
export function compileElement(node: ElementFilter, type: ValueType, dialect: RegexDialect): Polar<unknown> {
  switch (node.kind) {
    case 'and': return and(node.operands.map((o) => compileElement(o, type, dialect)));
    case 'or': return or(node.operands.map((o) => compileElement(o, type, dialect)));
    case 'not': return not(compileElement(node.operand, type, dialect));
    case 'test': return compileTest(node.test, type, false, dialect);
    case 'invalid': throw new PredicateBuildError('Cannot evaluate a tree with syntax errors.');
  }
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

/**
 * Compiles a checked filter tree into its pair of row tests. Throws
 * {@link PredicateBuildError} for trees the checker rejects.
 */
export function compileNode(node: Filter, ctx: PredicateContext): Polar<Row> {
  switch (node.kind) {
    case 'and': return and(node.operands.map((o) => compileNode(o, ctx)));
    case 'or': return or(node.operands.map((o) => compileNode(o, ctx)));
    case 'not': return not(compileNode(node.operand, ctx));
    case 'condition': {
      const f = field(node.field, ctx);
      return onColumn(f.apiName, withModifier(node.modifier?.name, compileTest(node.test, f.type, f.column.array, ctx.dialect)));
    }
    case 'list': {
      const f = field(node.field, ctx);
      return quantified(f.apiName, node.quantifier, compileElement(node.element, f.type, ctx.dialect));
    }
    case 'invalid': throw new PredicateBuildError('Cannot evaluate a tree with syntax errors.');
  }
}

/** A compiled filter: the two-valued predicate and the three-valued evaluation. */
export interface CompiledPredicate {
  /** True only when the filter is true for the row (false and unknown both reject it). */
  readonly matches: (row: Row) => boolean;
  /** `true`, `false`, or `null` for unknown. */
  readonly evaluate: (row: Row) => boolean | null;
}

/** Options of {@link compilePredicate}. */
export interface CompilePredicateOptions {
  /**
   * Generate one function per polarity (`new Function`, injection-free, see
   * predicate-codegen.ts) instead of chaining closures. Default true; falls
   * back to closures where the runtime forbids it. Both give the same results.
   */
  readonly codegen?: boolean;
}

/** Compiles a checked filter once; see the module comment for how. */
export function compilePredicate(filter: Filter, ctx: PredicateContext, options: CompilePredicateOptions = {}): CompiledPredicate {
  const closures = compileNode(filter, ctx); // also validates the tree
  const { t, f } = (options.codegen !== false && generatePredicate(filter, ctx)) || closures;
  // Rows are plain objects (spec §4): read directly, with no per-row prototype check, so that the
  // generated test runs as fast as a hand-written one. See docs/semantics.md, "Rows".
  return { matches: t, evaluate: (row) => (t(row) ? true : f(row) ? false : null) };
}
