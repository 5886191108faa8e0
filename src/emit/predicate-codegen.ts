/**
 * Optional code generation for the predicate: the same pair of row tests as
 * `compileNode`, but as one JavaScript function per polarity, so that a
 * whole filter runs as straight-line code with its own inline caches instead
 * of a chain of shared closures (measured about 5× faster on a typical filter;
 * see docs/semantics.md, "Speed").
 *
 * Injection-free by construction: the generated text is assembled only from
 * the fixed fragments in this file, the generated identifiers `k<n>` / `v<n>`
 * and integers. Every value that comes from the filter or the catalogue
 * (column names, strings, numbers, compiled regexes, closures) goes into the
 * constants array `K` and is referenced by index, never spliced into the text.
 * A test checks that generated text holds no character of a hostile filter.
 *
 * Where `new Function` is unavailable (a Content-Security-Policy without
 * `unsafe-eval`), {@link generatePredicate} returns undefined and the caller
 * keeps the closures, which compute the same results.
 */
import type { CompareOp, ElementFilter, Filter, Literal, RowTest, Test } from '../ast/nodes.js';
import { foldTree, type BoolTree } from '../ast/tree.js';
import type { RegexDialect, ResolvedField, ValueType } from '../catalogue/types.js';
import { phraseTest } from '../semantics/phrase.js';
import { compileRegex } from '../semantics/regex.js';
import { lower } from '../semantics/strings.js';
import { parseInstant } from '../vocabulary/dates.js';
import { isNameSegment } from '../vocabulary/names.js';
import { compileRowTest } from './predicate-closures.js';
import {
  BUILD_ERRORS, domainOf, field, inheritedKey, lowerAll, lowerLiteral, numberBounds, PredicateBuildError, reader,
  type Polar, type PredicateContext, type Row,
} from './predicate-core.js';

interface Gen {
  readonly constants: unknown[];
  temps: number;
  /** Helper functions (loops over array elements), declared once in the factory. */
  readonly helpers: string[];
  /** How the endpoint reads `regex` values. */
  readonly dialect: RegexDialect;
}

/** A boolean expression for each polarity. */
interface Code {
  readonly t: string;
  readonly f: string;
}

function constant(g: Gen, value: unknown): string {
  g.constants.push(value);
  return `k${g.constants.length - 1}`;
}

function temp(g: Gen): string {
  return `v${g.temps++}`;
}

/** `not`: the polarities swapped, as in the closures. */
function negate(code: Code): Code {
  return { t: code.f, f: code.t };
}

/** Calls a closure-compiled row test: the fallback for every leaf not inlined below. */
function call(g: Gen, p: Polar<Row>): Code {
  return { t: `${constant(g, p.t)}(row)`, f: `${constant(g, p.f)}(row)` };
}

/** The JavaScript `typeof` test that stores the value read in `v` (the type is one of two fixed fragments). */
function typeIs(v: string, read: string, type: 'number' | 'string'): string {
  return `typeof (${v} = ${read}) === ${type === 'number' ? "'number'" : "'string'"}`;
}

/** The JavaScript operators of an ordering and of its negation. */
const ORDER: Readonly<Record<string, readonly [string, string]>> = {
  gt: ['>', '<='], gte: ['>=', '<'], lt: ['<', '>='], lte: ['<=', '>'],
};

/**
 * `=` as `eq`, `!=` as its negation (exact in three-valued logic), an
 * ordering as `test` with its operator and the negated one; undefined for an
 * operator the domain has no inline code for.
 */
function ordered(op: CompareOp, eq: Code, test?: (jsOperator: string) => string): Code | undefined {
  if (op === 'eq') return eq;
  if (op === 'neq') return negate(eq);
  const order = ORDER[op];
  return order && test ? { t: test(order[0]), f: test(order[1]) } : undefined;
}

// ---------------------------------------------------------------- one function per value domain

/** Numbers. NaN is unknown: `v === v` excludes it where `!==` alone would not. */
function numberCode(g: Gen, op: CompareOp, value: number, read: string): Code | undefined {
  const v = temp(g);
  const c = constant(g, value);
  const is = typeIs(v, read, 'number');
  return ordered(op, { t: `(${read} === ${c})`, f: `(${is} && ${v} === ${v} && ${v} !== ${c})` }, (o) => `(${is} && ${v} ${o} ${c})`);
}

/** Dates and datetimes, as instants in ms; `parseInstant` gives null (so NaN) for invalid dates, and every comparison with NaN is false: unknown. */
function dateCode(g: Gen, op: CompareOp, value: number, read: string): Code | undefined {
  const v = temp(g);
  const c = constant(g, value);
  const isDate = `typeof (${v} = ${read}) === 'string' && (${v} = ${constant(g, parseInstant)}(${v}) ?? NaN) === ${v}`;
  return ordered(op, { t: `(${isDate} && ${v} === ${c})`, f: `(${isDate} && ${v} !== ${c})` }, (o) => `(${isDate} && ${v} ${o} ${c})`);
}

/** Booleans: `=` and `!=` only. */
function booleanCode(g: Gen, op: CompareOp, value: boolean, read: string): Code | undefined {
  return ordered(op, { t: `(${read} === ${constant(g, value)})`, f: `(${read} === ${constant(g, !value)})` });
}

/**
 * Strings (enum values included): equality and the substring tests as
 * methods, phrases and regexes as calls of the same compiled tests the
 * closures use. Orderings by code point are left to the closures.
 */
function stringCode(g: Gen, op: CompareOp, value: string, read: string): Code | undefined {
  const v = temp(g);
  const is = typeIs(v, read, 'string');
  const holds = (test: string): Code => ({ t: `(${is} && ${test})`, f: `(${is} && !${test})` });
  switch (op) {
    case 'eq': case 'neq': {
      const c = constant(g, value);
      return ordered(op, { t: `(${read} === ${c})`, f: `(${is} && ${v} !== ${c})` });
    }
    case 'substring': return holds(`${v}.includes(${constant(g, value)})`);
    case 'prefix': return holds(`${v}.startsWith(${constant(g, value)})`);
    case 'suffix': return holds(`${v}.endsWith(${constant(g, value)})`);
    case 'isubstring': {
      // Both sides lower-cased (semantics/strings.ts `lower`); the constant once, here.
      const lowered = lower(value);
      // `lower` also folds final ς to σ; when the needle has no σ that folding cannot change the answer,
      // so the plain toLowerCase() (what hand-written code calls) is enough.
      const low = lowered.includes('σ') ? `${constant(g, lower)}(${v})` : `${v}.toLowerCase()`;
      return holds(`${low}.includes(${constant(g, lowered)})`);
    }
    case 'phrase_match': return holds(`${constant(g, phraseTest(value))}(${v})`);
    case 'iphrase_match': {
      const phrase = phraseTest(lower(value));
      return holds(`${constant(g, (s: string) => phrase(lower(s)))}(${v})`);
    }
    case 'regex': return holds(`${constant(g, compileRegex(value, g.dialect).test)}(${v})`);
    default: return undefined;
  }
}

/** One comparison, by the value domain of the column (or of the literal, for untyped paths). */
function compareCode(g: Gen, op: CompareOp, literal: Literal, type: ValueType, read: string): Code | undefined {
  const domain = domainOf(type, literal);
  switch (domain) {
    case 'number': { const c = lowerLiteral(literal, domain); return c === undefined ? undefined : numberCode(g, op, c, read); }
    case 'date': { const c = lowerLiteral(literal, domain); return c === undefined ? undefined : dateCode(g, op, c, read); }
    case 'boolean': { const c = lowerLiteral(literal, domain); return c === undefined ? undefined : booleanCode(g, op, c, read); }
    case 'string': { const c = lowerLiteral(literal, domain); return c === undefined ? undefined : stringCode(g, op, c, read); }
    case undefined: return undefined;
  }
}

/** `in (…)` of numbers or strings: a few comparisons, or one Set lookup for longer lists. */
function inCode(g: Gen, literals: readonly Literal[], type: ValueType, read: string): Code | undefined {
  const domain = domainOf(type, literals[0]);
  if (domain !== 'number' && domain !== 'string') return undefined;
  const values = lowerAll(literals, domain);
  if (!values) return undefined;
  const v = temp(g);
  const is = typeIs(v, read, domain);
  const nan = domain === 'number' ? ` && ${v} === ${v}` : '';
  if (values.length <= 4) {
    // A few values: comparisons beat a Set lookup.
    const cs = values.map((x) => constant(g, x));
    return { t: `(${is} && (${cs.map((c) => `${v} === ${c}`).join(' || ')}))`, f: `(${is}${nan} && ${cs.map((c) => `${v} !== ${c}`).join(' && ')})` };
  }
  const set = constant(g, new Set<unknown>(values));
  return { t: `(${is} && ${set}.has(${v}))`, f: `(${is}${nan} && !${set}.has(${v}))` };
}

/** `between` two numbers (any other between is left to the closures' `>=` and `<=`). */
function betweenCode(g: Gen, low: Literal, high: Literal, type: ValueType, read: string): Code | undefined {
  const bounds = numberBounds(type, low, high);
  if (!bounds) return undefined;
  const v = temp(g);
  const is = typeIs(v, read, 'number');
  const cl = constant(g, bounds[0]);
  const ch = constant(g, bounds[1]);
  return { t: `(${is} && ${v} >= ${cl} && ${v} <= ${ch})`, f: `(${is} && (${v} < ${cl} || ${v} > ${ch}))` };
}

/**
 * The inline test of one value read by `read` (a column of the row, or an
 * array element `x`), or undefined to fall back to the closure. Each
 * expression reads the value once, into a fresh temporary.
 */
function inlineValueTest(g: Gen, test: Test, type: ValueType, read: string): Code | undefined {
  switch (test.kind) {
    case 'null': return { t: `(${read} == null)`, f: `(${read} != null)` };
    case 'empty': return undefined;
    case 'compare': return compareCode(g, test.op, test.value, type, read);
    case 'in': return inCode(g, test.values, type, read);
    case 'between': return betweenCode(g, test.low, test.high, type, read);
  }
}

// ---------------------------------------------------------------- tree

/** A condition's test inline, reading the column as directly as the name allows. */
function inlineLeaf(g: Gen, test: Test, f: ResolvedField): Code | undefined {
  if (f.column.array) return undefined;
  let read: string;
  if (f.apiName.includes('.')) {
    // A dotted path into an object column: the same nested read as the closures, as a constant function.
    read = `${constant(g, reader(f.apiName))}(row)`;
  } else if (inheritedKey(f.apiName)) {
    // A key that names an Object.prototype member is read as an own property only (see inheritedKey).
    const key = constant(g, f.apiName);
    read = `(h.call(row, ${key}) ? row[${key}] : undefined)`;
  } else {
    // One name segment is identifier characters only, written as a property access (`row.traffic`), which V8
    // optimises like hand-written code; no other text of the filter ever enters the code.
    read = isNameSegment(f.apiName) ? `row.${f.apiName}` : `row[${constant(g, f.apiName)}]`;
  }
  return inlineValueTest(g, test, f.type, read);
}

function join(parts: readonly (Code | undefined)[], t: string, f: string): Code | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  return { t: `(${parts.map((p) => p!.t).join(t)})`, f: `(${parts.map((p) => p!.f).join(f)})` };
}

/**
 * The boolean structure, the same at both levels: the rows' tree (whose
 * leaves always have code) and the elements' (undefined as soon as one leaf
 * cannot be inlined, and then the whole `any` / `all` is a closure call).
 */
function generateTree<L, C extends Code | undefined>(node: BoolTree<L>, leaf: (leaf: L) => C): C {
  return foldTree<L, Code | undefined>(node, {
    and: (parts) => join(parts, ' && ', ' || '),
    or: (parts) => join(parts, ' || ', ' && '),
    not: (inner) => inner && negate(inner),
    leaf,
    invalid: () => {
      throw new PredicateBuildError(BUILD_ERRORS.invalid);
    },
  }) as C; // `join` and `negate` give code whenever every leaf did
}

/** One row test inline where it can be, else a call of the closures' own compilation of it. */
function rowCode(g: Gen, node: RowTest, ctx: PredicateContext): Code {
  const f = field(node.field, ctx);
  const inline = node.kind === 'list' ? inlineList(g, node.quantifier, node.element, f) : node.modifier ? undefined : inlineLeaf(g, node.test, f);
  return inline ?? call(g, compileRowTest(node, ctx));
}

/**
 * `any(col)` / `all(col)` as two generated loops (Kleene over the elements:
 * "some element is true" and "every element is false", and their duals), so
 * that array filters run without a closure call per element. A value that is
 * not an array is unknown: both polarities false.
 */
function inlineList(g: Gen, quantifier: 'any' | 'all', element: ElementFilter, f: ResolvedField): Code | undefined {
  if (!f.column.array || !isNameSegment(f.apiName) || inheritedKey(f.apiName)) return undefined;
  const firstTemp = g.temps;
  const code = generateTree(element, (leaf) => inlineValueTest(g, leaf.test, f.type, 'x'));
  if (!code) return undefined;
  const temps = Array.from({ length: g.temps - firstTemp }, (_, i) => `v${firstTemp + i}`);
  const locals = temps.length > 0 ? `let ${temps.join(', ')}; ` : '';
  const loop = (test: string, wanted: boolean): string => {
    const name = `L${g.helpers.length}`;
    g.helpers.push(
      `function ${name}(a) { if (!Array.isArray(a)) return false; ${locals}` +
        `for (let i = 0; i < a.length; i++) { const x = a[i]; if (${wanted ? '' : '!'}${test}) return ${wanted}; } return ${!wanted}; }`,
    );
    return `${name}(row.${f.apiName})`;
  };
  const some = (test: string) => loop(test, true);
  const every = (test: string) => loop(test, false);
  return quantifier === 'any' ? { t: some(code.t), f: every(code.f) } : { t: every(code.t), f: some(code.f) };
}

/** The source text and constants of a filter's generated functions (exposed for the injection test). */
export function generateSource(filter: Filter, ctx: PredicateContext): { readonly source: string; readonly constants: readonly unknown[] } {
  const g: Gen = { constants: [], temps: 0, helpers: [], dialect: ctx.dialect };
  const code = generateTree(filter, (leaf) => rowCode(g, leaf, ctx));
  const names = g.constants.map((_, i) => `k${i} = K[${i}]`);
  const temps = Array.from({ length: g.temps }, (_, i) => `v${i}`);
  const locals = temps.length > 0 ? `let ${temps.join(', ')}; ` : '';
  const source =
    `'use strict'; ${names.length > 0 ? `const ${names.join(', ')};` : ''}\n` +
    g.helpers.map((h) => `${h}\n`).join('') +
    `return { t: function (row) { ${locals}return ${code.t}; },\n` +
    `         f: function (row) { ${locals}return ${code.f}; } };`;
  return { source, constants: g.constants };
}

let available: boolean | undefined;

/** Whether this runtime lets us build functions from text (false under a strict CSP). */
export function codegenAvailable(): boolean {
  if (available === undefined) {
    try {
      available = new Function('return true')() === true;
    } catch { // expected: a Content-Security-Policy without 'unsafe-eval' forbids new Function; the closures are used instead
      available = false;
    }
  }
  return available;
}

/**
 * The filter's row tests as generated functions, or undefined when the
 * runtime forbids `new Function`. Throws {@link PredicateBuildError} for the
 * same trees as `compileNode`.
 */
export function generatePredicate(filter: Filter, ctx: PredicateContext): Polar<Row> | undefined {
  if (!codegenAvailable()) return undefined;
  const { source, constants } = generateSource(filter, ctx);
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- text built from fixed fragments only; see the module comment
    const factory = new Function('K', 'h', source) as (k: readonly unknown[], h: typeof Object.prototype.hasOwnProperty) => Polar<Row>;
    return factory(constants, Object.prototype.hasOwnProperty);
  } catch (error) {
    // A SyntaxError would be a bug in the fragments above: it is reported (as internal-error), never hidden.
    if (error instanceof SyntaxError) throw error;
    // Otherwise (an EvalError from a policy set after the first check, a RangeError from an engine's limit
    // on very long generated text) the closures, which compute the same results, are used.
    return undefined;
  }
}
