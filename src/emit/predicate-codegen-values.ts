/**
 * The generated code of one value test, per value domain: the leaves of the
 * predicate's generated functions (predicate-codegen.ts assembles the tree).
 * Every fragment here is fixed text; every value of the filter goes into the
 * constants array and is named `k<n>`, never spliced into the code.
 */
import type { CompareOp, Literal, Test } from '../ast/nodes.js';
import type { RegexDialect, ValueType } from '../catalogue/types.js';
import { phraseTest } from '../semantics/phrase.js';
import { compileRegex } from '../semantics/regex.js';
import { lower } from '../semantics/strings.js';
import {
  DATE_NEGATION, DATE_OPERATOR, dateConstant, domainOf, internalize, lowerAll, lowerLiteral, numberBounds,
  type DateConstant, type DateOp,
} from './predicate-core.js';

export interface Gen {
  readonly constants: unknown[];
  /** Functions declared once in the factory: loops over array elements, and parts of a split filter. */
  readonly helpers: string[];
  /** For each helper, the helpers its body calls. */
  readonly helperCalls: (readonly number[])[];
  /** How the endpoint reads `regex` values. */
  readonly dialect: RegexDialect;
  /** How many temporaries `d<n>` the leaves have taken (see {@link Code}). */
  temps: number;
}

/**
 * A boolean expression for each polarity, its weight (how many leaves it
 * inlines into the function that holds it; a call of a helper counts one),
 * and the helpers each polarity calls directly (absent: none), so that a
 * polarity's source holds only its own helpers.
 */
export interface Code {
  readonly t: string;
  readonly f: string;
  readonly w: number;
  readonly ht?: readonly number[];
  readonly hf?: readonly number[];
  /**
   * Checks a polarity also needs, which may run after the rest of an
   * enclosing `&&` chain (the calendar of a canonical datetime): the polarity
   * holds when its code and these hold. Reordering is exact, since no
   * fragment has a side effect or throws; rows that fail elsewhere then never
   * pay for the check.
   */
  readonly ta?: string;
  readonly fa?: string;
  /** Temporaries (`d<n>`) a polarity assigns for its deferred checks, declared by the function that holds it. */
  readonly tv?: readonly string[];
  readonly fv?: readonly string[];
}

/** One polarity's code, its deferred checks and its temporaries. */
export interface Side {
  readonly code: string;
  readonly after?: string;
  readonly temps?: readonly string[];
}

/** A polarity of `code` as a {@link Side}. */
export function sideOf(code: Code, polarity: 't' | 'f'): Side {
  return polarity === 't' ? { code: code.t, after: code.ta, temps: code.tv } : { code: code.f, after: code.fa, temps: code.fv };
}

/** A side's whole test: its code, then its deferred checks. */
export function closed(side: Side): string {
  return side.after === undefined ? side.code : `(${side.code} && ${side.after})`;
}

/** A function's declaration of its temporaries: `v`, and the deferred checks' `d<n>`. */
export function declareTemps(side: Side): string {
  return side.temps ? `let v, ${side.temps.join(', ')};` : 'let v;';
}

/**
 * `parts` joined by `op` in one polarity. Under `&&` their deferred checks
 * move to the end of the chain (and on, to an enclosing `&&`); under `||`
 * each part is closed first, since there a check cannot leave its part.
 * Joined with `+`: V8 keeps the result a rope (no copy), where `Array#join`
 * would copy the text at every level of the tree; it is flattened once,
 * when the source is hashed and compiled.
 */
export function joinSides(parts: readonly Code[], polarity: 't' | 'f', op: string): Side {
  const and = op === ' && ';
  let code = '';
  let after: string | undefined;
  let temps: string[] | undefined;
  for (let i = 0; i < parts.length; i++) {
    const side = sideOf(parts[i]!, polarity);
    if (i > 0) code += op;
    code += and ? side.code : closed(side);
    if (and && side.after !== undefined) after = after === undefined ? side.after : `${after} && ${side.after}`;
    if (side.temps) (temps ??= []).push(...side.temps);
  }
  return { code, ...(after !== undefined ? { after } : {}), ...(temps ? { temps } : {}) };
}

/** The code of two sides (parenthesised), with the other fields of `rest`. */
export function fromSides(t: Side, f: Side, rest: Pick<Code, 'w' | 'ht' | 'hf'>): Code {
  return {
    t: `(${t.code})`, f: `(${f.code})`, ...rest,
    ...(t.after !== undefined ? { ta: t.after } : {}), ...(f.after !== undefined ? { fa: f.after } : {}),
    ...(t.temps ? { tv: t.temps } : {}), ...(f.temps ? { fv: f.temps } : {}),
  };
}


export function constant(g: Gen, value: unknown): string {
  g.constants.push(value);
  return `k${g.constants.length - 1}`;
}

/** `not`: the polarities swapped, as in the closures. */
export function negate(code: Code): Code {
  return {
    t: code.f, f: code.t, w: code.w, ...(code.hf ? { ht: code.hf } : {}), ...(code.ht ? { hf: code.ht } : {}),
    ...(code.fa !== undefined ? { ta: code.fa } : {}), ...(code.ta !== undefined ? { fa: code.ta } : {}),
    ...(code.fv ? { tv: code.fv } : {}), ...(code.tv ? { fv: code.tv } : {}),
  };
}

/** A leaf's code (weight one). */
export function leafCode(t: string, f: string): Code {
  return { t, f, w: 1 };
}

/**
 * The JavaScript `typeof` test that stores the value read in `v` (the type is
 * one of two fixed fragments). Every leaf reads its value into the one
 * temporary `v` of its function: a leaf's value is dead once the leaf is
 * decided, and no leaf contains another.
 */
function typeIs(read: string, type: 'number' | 'string'): string {
  return `typeof (v = ${read}) === ${type === 'number' ? "'number'" : "'string'"}`;
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
  return order && test ? leafCode(test(order[0]), test(order[1])) : undefined;
}

// ---------------------------------------------------------------- one function per value domain

/** Numbers. NaN is unknown: `v === v` excludes it where `!==` alone would not. */
function numberCode(g: Gen, op: CompareOp, value: number, read: string): Code | undefined {
  const c = constant(g, value);
  const is = typeIs(read, 'number');
  return ordered(op, leafCode(`(${read} === ${c})`, `(${is} && v === v && v !== ${c})`), (o) => `(${is} && v ${o} ${c})`);
}

/**
 * Dates and datetimes: the test holds (`t`), or its negation holds (`f`),
 * both on valid dates only. A row in the constant's canonical form compares
 * as a string (see DateConstant in predicate-core.ts); any other form by its
 * instant. A canonical datetime's calendar is checked only when the rest of
 * the enclosing `and` holds (a deferred check, see {@link Code}): the string
 * comparison alone reads a few characters, the calendar all twenty.
 */
function dateCode(g: Gen, op: CompareOp, ms: number, read: string): Code | undefined {
  if (!(op in DATE_NEGATION)) return undefined;
  const c = dateConstant(ms);
  const k = { ms: constant(g, c.ms), second: c.second === undefined ? '' : constant(g, c.second), day: c.day === undefined ? '' : constant(g, c.day) };
  const temp = c.second === undefined ? undefined : `d${g.temps++}`;
  const t = dateHoldsCode(op as DateOp, c, k, read, temp);
  const f = dateHoldsCode(DATE_NEGATION[op as DateOp], c, k, read, temp);
  return {
    t: t.code, f: f.code, w: 1,
    ...(t.after !== undefined ? { ta: t.after, tv: t.temps } : {}), ...(f.after !== undefined ? { fa: f.after, fv: f.temps } : {}),
  };
}

function dateHoldsCode(op: DateOp, c: DateConstant, k: { ms: string; second: string; day: string }, read: string, temp: string | undefined): Side {
  const js = DATE_OPERATOR[op];
  // parseInstant gives null for an invalid date: `?? NaN` makes every ordering false, `?? c` makes `!==` false.
  let test = `(ip(v) ?? ${op === 'neq' ? k.ms : 'NaN'}) ${js} ${k.ms}`;
  if (c.day !== undefined) test = `(v.length === 10 ? ${op === 'eq' ? `v === ${k.day}` : `(v ${js} ${k.day} && vd(v))`} : ${test})`;
  const typed = (inner: string) => `(typeof (v = ${read}) === 'string' && ${inner})`;
  if (temp === undefined) return { code: typed(test) }; // the constant has no canonical second form (see dateCode)
  const second = 'v.length === 20 && v.charCodeAt(10) === 84 && v.charCodeAt(19) === 90';
  // Equal to the canonical constant: valid by that alone.
  if (op === 'eq') return { code: typed(`(${second} ? v === ${k.second} : ${test})`) };
  // The value is kept in the leaf's own temporary for the deferred check (`v` is reused by the leaves after it).
  return { code: typed(`(${temp} = v, ${second} ? v ${js} ${k.second} : ${test})`), after: `vz(${temp})`, temps: [temp] };
}

/** Booleans: `=` and `!=` only. */
function booleanCode(g: Gen, op: CompareOp, value: boolean, read: string): Code | undefined {
  return ordered(op, leafCode(`(${read} === ${constant(g, value)})`, `(${read} === ${constant(g, !value)})`));
}

/**
 * Strings (enum values included): equality and the substring tests as
 * methods, phrases and regexes as calls of the same compiled tests the
 * closures use. Orderings by code point are left to the closures.
 */
function stringCode(g: Gen, op: CompareOp, value: string, read: string): Code | undefined {
  const is = typeIs(read, 'string');
  const holds = (test: string): Code => leafCode(`(${is} && ${test})`, `(${is} && !${test})`);
  switch (op) {
    case 'eq': case 'neq': {
      const c = constant(g, value);
      return ordered(op, leafCode(`(${read} === ${c})`, `(${is} && v !== ${c})`));
    }
    case 'substring': return holds(`v.includes(${constant(g, value)})`);
    case 'prefix': return holds(`v.startsWith(${constant(g, value)})`);
    case 'suffix': return holds(`v.endsWith(${constant(g, value)})`);
    case 'isubstring': {
      // Both sides lower-cased (semantics/strings.ts `lower`); the constant once, here.
      const lowered = internalize(lower(value));
      // `lower` also folds final ς to σ; when the needle has no σ that folding cannot change the answer,
      // so the plain toLowerCase() (what hand-written code calls) is enough.
      const low = lowered.includes('σ') ? 'lo(v)' : 'v.toLowerCase()';
      return holds(`${low}.includes(${constant(g, lowered)})`);
    }
    case 'phrase_match': return holds(`${constant(g, phraseTest(value))}(v)`);
    case 'iphrase_match': {
      const phrase = phraseTest(lower(value));
      return holds(`${constant(g, (s: string) => phrase(lower(s)))}(v)`);
    }
    case 'regex': return holds(`${constant(g, compileRegex(value, g.dialect).test)}(v)`);
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
  const is = typeIs(read, domain);
  const nan = domain === 'number' ? ' && v === v' : '';
  if (values.length <= 4) {
    // A few values: comparisons beat a Set lookup.
    const cs = values.map((x) => constant(g, x));
    return leafCode(`(${is} && (${cs.map((c) => `v === ${c}`).join(' || ')}))`, `(${is}${nan} && ${cs.map((c) => `v !== ${c}`).join(' && ')})`);
  }
  const set = constant(g, new Set<unknown>(values));
  return leafCode(`(${is} && ${set}.has(v))`, `(${is}${nan} && !${set}.has(v))`);
}

/** `between` two numbers; of dates, its `>=` and `<=` (what it emits); anything else is left to the closures. */
function betweenCode(g: Gen, low: Literal, high: Literal, type: ValueType, read: string): Code | undefined {
  const bounds = numberBounds(type, low, high);
  if (!bounds) {
    if (domainOf(type, low) !== 'date') return undefined;
    const parts = [compareCode(g, 'gte', low, type, read), compareCode(g, 'lte', high, type, read)];
    if (!parts[0] || !parts[1]) return undefined;
    const both = parts as readonly Code[];
    return fromSides(joinSides(both, 't', ' && '), joinSides(both, 'f', ' || '), { w: 1 });
  }
  const is = typeIs(read, 'number');
  const cl = constant(g, bounds[0]);
  const ch = constant(g, bounds[1]);
  return leafCode(`(${is} && v >= ${cl} && v <= ${ch})`, `(${is} && (v < ${cl} || v > ${ch}))`);
}

/**
 * The inline test of one value read by `read` (a column of the row, or an
 * array element `x`), or undefined to fall back to the closure. Each
 * expression reads the value once, into the temporary `v`.
 */
export function inlineValueTest(g: Gen, test: Test, type: ValueType, read: string): Code | undefined {
  switch (test.kind) {
    case 'null': return leafCode(`(${read} == null)`, `(${read} != null)`);
    case 'empty': return undefined;
    case 'compare': return compareCode(g, test.op, test.value, type, read);
    case 'in': return inCode(g, test.values, type, read);
    case 'between': return betweenCode(g, test.low, test.high, type, read);
  }
}
