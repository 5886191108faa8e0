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
import type { ElementFilter, Filter, Test } from '../ast/nodes.js';
import { parseInstant } from '../vocabulary/dates.js';
import { lower } from '../semantics/strings.js';
import type { ResolvedField, ValueType } from '../catalogue/types.js';
import {
  compileElement, compileTest, domainOf, field, inheritedKey, lowerLiteral, onColumn, PredicateBuildError, quantified, reader, withModifier,
  type Polar, type PredicateContext, type Row,
} from './predicate.js';

interface Gen {
  readonly constants: unknown[];
  temps: number;
  /** Helper functions (loops over array elements), declared once in the factory. */
  readonly helpers: string[];
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

/** Calls a closure-compiled row test: the fallback for every leaf not inlined below. */
function call(g: Gen, p: Polar<Row>): Code {
  return { t: `${constant(g, p.t)}(row)`, f: `${constant(g, p.f)}(row)` };
}

const ORDER: Readonly<Record<string, readonly [string, string]>> = {
  gt: ['>', '<='], gte: ['>=', '<'], lt: ['<', '>='], lte: ['<=', '>'],
};

/**
 * Inline code for the common leaves (numbers, booleans, plain string tests,
 * null tests), or undefined to fall back to the closure. Each expression
 * reads the column once, into a fresh temporary.
 */
/** Names safe to write as `row.name`: identifier characters only, so no text of a filter can escape. */
const PLAIN_PROPERTY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function inlineLeaf(g: Gen, test: Test, f: ResolvedField): Code | undefined {
  if (f.column.array) return undefined;
  // A plain load, as fast as hand-written code, unless the key names an Object.prototype member (see inheritedKey).
  // A name made only of identifier characters is written as a property access (`row.traffic`), which V8
  // optimises like hand-written code; nothing else from the filter ever enters the code text.
  let read: string;
  if (f.apiName.includes('.')) {
    // A dotted path into an object column: the same nested read as the closures, as a constant function.
    read = `${constant(g, reader(f.apiName))}(row)`;
  } else if (inheritedKey(f.apiName)) {
    const key = constant(g, f.apiName);
    read = `(h.call(row, ${key}) ? row[${key}] : undefined)`;
  } else {
    read = PLAIN_PROPERTY.test(f.apiName) ? `row.${f.apiName}` : `row[${constant(g, f.apiName)}]`;
  }
  return inlineValueTest(g, test, f.type, read);
}

/** The inline test of one value read by `read` (a column of the row, or an array element `x`). */
function inlineValueTest(g: Gen, test: Test, type: ValueType, read: string): Code | undefined {
  const v = temp(g);
  const is = (type: 'number' | 'string') => `typeof (${v} = ${read}) === ${type === 'number' ? "'number'" : "'string'"}`;
  if (test.kind === 'null') return { t: `(${read} == null)`, f: `(${read} != null)` };
  if (test.kind === 'between') {
    const domain = domainOf(type, test.low);
    const lo = domain === 'number' ? lowerLiteral(test.low, domain) : undefined;
    const hi = domain === 'number' ? lowerLiteral(test.high, domain) : undefined;
    if (typeof lo !== 'number' || typeof hi !== 'number') return undefined;
    const cl = constant(g, lo);
    const ch = constant(g, hi);
    return { t: `(${is('number')} && ${v} >= ${cl} && ${v} <= ${ch})`, f: `(${is('number')} && (${v} < ${cl} || ${v} > ${ch}))` };
  }
  if (test.kind === 'in') {
    const domain = domainOf(type, test.values[0]);
    if (domain !== 'number' && domain !== 'string') return undefined;
    const values = test.values.map((l) => lowerLiteral(l, domain));
    if (values.includes(undefined)) return undefined;
    const nan = domain === 'number' ? ` && ${v} === ${v}` : '';
    if (values.length <= 4) {
      // A few values: comparisons beat a Set lookup.
      const cs = values.map((x) => constant(g, x));
      return { t: `(${is(domain)} && (${cs.map((c) => `${v} === ${c}`).join(' || ')}))`, f: `(${is(domain)}${nan} && ${cs.map((c) => `${v} !== ${c}`).join(' && ')})` };
    }
    const set = constant(g, new Set(values));
    return { t: `(${is(domain)} && ${set}.has(${v}))`, f: `(${is(domain)}${nan} && !${set}.has(${v}))` };
  }
  if (test.kind !== 'compare') return undefined;
  const domain = domainOf(type, test.value);
  if (domain === undefined) return undefined;
  const value = lowerLiteral(test.value, domain);
  if (value === undefined) return undefined;
  const c = constant(g, value);
  const op = test.op;
  if (domain === 'date') {
    // Instants in ms; `parseInstant` gives null (so NaN) for invalid dates, and every comparison with NaN is false: unknown.
    const ms = `${constant(g, parseInstant)}(${v})`;
    const isDate = `typeof (${v} = ${read}) === 'string' && (${v} = ${ms} ?? NaN) === ${v}`;
    if (op === 'eq') return { t: `(${isDate} && ${v} === ${c})`, f: `(${isDate} && ${v} !== ${c})` };
    if (op === 'neq') return { t: `(${isDate} && ${v} !== ${c})`, f: `(${isDate} && ${v} === ${c})` };
    const order = ORDER[op];
    if (!order) return undefined;
    return { t: `(${isDate} && ${v} ${order[0]} ${c})`, f: `(${isDate} && ${v} ${order[1]} ${c})` };
  }
  if (domain === 'boolean') {
    const negated = constant(g, !value);
    if (op === 'eq') return { t: `(${read} === ${c})`, f: `(${read} === ${negated})` };
    if (op === 'neq') return { t: `(${read} === ${negated})`, f: `(${read} === ${c})` };
    return undefined;
  }
  if (domain === 'number') {
    // NaN is unknown: `v === v` excludes it where `!==` alone would not.
    if (op === 'eq') return { t: `(${read} === ${c})`, f: `(${is('number')} && ${v} === ${v} && ${v} !== ${c})` };
    if (op === 'neq') return { t: `(${is('number')} && ${v} === ${v} && ${v} !== ${c})`, f: `(${read} === ${c})` };
    const order = ORDER[op];
    if (!order) return undefined;
    return { t: `(${is('number')} && ${v} ${order[0]} ${c})`, f: `(${is('number')} && ${v} ${order[1]} ${c})` };
  }
  switch (op) {
    case 'eq': return { t: `(${read} === ${c})`, f: `(${is('string')} && ${v} !== ${c})` };
    case 'neq': return { t: `(${is('string')} && ${v} !== ${c})`, f: `(${read} === ${c})` };
    case 'substring': return { t: `(${is('string')} && ${v}.includes(${c}))`, f: `(${is('string')} && !${v}.includes(${c}))` };
    case 'isubstring': {
      // Both sides lower-cased (semantics/strings.ts `lower`); the constant once, here.
      const lowered = lower(value as string);
      const lc = constant(g, lowered);
      // `lower` also folds final ς to σ; when the needle has no σ that folding cannot change the answer,
      // so the plain toLowerCase() (what hand-written code calls) is enough.
      const low = lowered.includes('σ') ? `${constant(g, lower)}(${v})` : `${v}.toLowerCase()`;
      return { t: `(${is('string')} && ${low}.includes(${lc}))`, f: `(${is('string')} && !${low}.includes(${lc}))` };
    }
    case 'prefix': return { t: `(${is('string')} && ${v}.startsWith(${c}))`, f: `(${is('string')} && !${v}.startsWith(${c}))` };
    case 'suffix': return { t: `(${is('string')} && ${v}.endsWith(${c}))`, f: `(${is('string')} && !${v}.endsWith(${c}))` };
    default: return undefined;
  }
}

function generate(node: Filter, ctx: PredicateContext, g: Gen): Code {
  switch (node.kind) {
    case 'and': {
      const parts = node.operands.map((o) => generate(o, ctx, g));
      return { t: `(${parts.map((p) => p.t).join(' && ')})`, f: `(${parts.map((p) => p.f).join(' || ')})` };
    }
    case 'or': {
      const parts = node.operands.map((o) => generate(o, ctx, g));
      return { t: `(${parts.map((p) => p.t).join(' || ')})`, f: `(${parts.map((p) => p.f).join(' && ')})` };
    }
    case 'not': {
      const inner = generate(node.operand, ctx, g);
      return { t: inner.f, f: inner.t };
    }
    case 'condition': {
      const f = field(node.field, ctx);
      const inline = node.modifier ? undefined : inlineLeaf(g, node.test, f);
      if (inline) return inline;
      return call(g, onColumn(f.apiName, withModifier(node.modifier?.name, compileTest(node.test, f.type, f.column.array, ctx.dialect))));
    }
    case 'list': {
      const f = field(node.field, ctx);
      return inlineList(g, node.quantifier, node.element, f) ?? call(g, quantified(f.apiName, node.quantifier, compileElement(node.element, f.type, ctx.dialect)));
    }
    case 'invalid':
      throw new PredicateBuildError('Cannot evaluate a tree with syntax errors.');
  }
}

/** The element tree as inline code over the element `x`, or undefined when a leaf is not inlinable. */
function inlineElement(g: Gen, node: ElementFilter, type: ValueType): Code | undefined {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const parts = node.operands.map((o) => inlineElement(g, o, type));
      if (parts.some((p) => p === undefined)) return undefined;
      const [ta, fa] = node.kind === 'and' ? [' && ', ' || '] : [' || ', ' && '];
      return { t: `(${parts.map((p) => p!.t).join(ta)})`, f: `(${parts.map((p) => p!.f).join(fa)})` };
    }
    case 'not': {
      const inner = inlineElement(g, node.operand, type);
      return inner && { t: inner.f, f: inner.t };
    }
    case 'test':
      return inlineValueTest(g, node.test, type, 'x');
    case 'invalid':
      return undefined;
  }
}

/**
 * `any(col)` / `all(col)` as two generated loops (Kleene over the elements:
 * "some element is true" and "every element is false", and their duals), so
 * that array filters run without a closure call per element. A value that is
 * not an array is unknown: both polarities false.
 */
function inlineList(g: Gen, quantifier: 'any' | 'all', element: ElementFilter, f: ResolvedField): Code | undefined {
  if (!f.column.array || !PLAIN_PROPERTY.test(f.apiName) || inheritedKey(f.apiName)) return undefined;
  const firstTemp = g.temps;
  const code = inlineElement(g, element, f.type);
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
  const g: Gen = { constants: [], temps: 0, helpers: [] };
  const code = generate(filter, ctx, g);
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
