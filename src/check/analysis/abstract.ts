/**
 * A boolean tree over ONE column's tests, folded to what it does on every
 * value that column can hold (spec §4):
 *
 * - `set`: the known values (of the column's type) for which it is true; on
 *   those every test here is two-valued, so it is false on the rest;
 * - `onNull`: its value when the column is null or absent;
 * - `onOdd`: its value on a value of another type (`"50"` in a number
 *   column, `NaN`, an impossible date), which every comparison reads as
 *   unknown and `is null` as false.
 *
 * Two trees with the same abstraction give the same three-valued result on
 * every row, so under `not` too: that is what the simplifier and the
 * redundancy verdicts rest on. In `catalogue` mode the abstraction also uses
 * what the catalogue promises of the rows (an enum holds one of its values,
 * an integer column whole numbers); the "never true" verdicts use that mode.
 */
import type { Literal, Test } from '../../ast/nodes.js';
import type { Column } from '../../catalogue/types.js';
import { kleeneAnd, kleeneNot, kleeneOr, type Truth } from '../../semantics/logic.js';
import { compareCodePoints, lower, upper } from '../../semantics/strings.js';
import { parseInstant } from '../../vocabulary/index.js';
import { upperFixed } from './casing.js';
import { complement, dropPoints, emptyLike, fullLike, intersectAll, ranges, unionAll, type Interval, type Order, type ValueSet } from './sets.js';

export type Mode = 'catalogue' | 'exact';

export interface Abs {
  readonly set: ValueSet;
  readonly onNull: Truth;
  readonly onOdd: Truth;
}

/** What the tests of one group are applied to. */
export interface Subject {
  readonly column: Column;
  /** The value is upper-cased before the test. */
  readonly upper: boolean;
  /** The array as a whole (`x is empty`), not its elements. */
  readonly shape: boolean;
}

type Kind = 'number' | 'date' | 'string' | 'boolean' | 'shape';

/** One subject's domain in one mode. */
export interface Domain {
  readonly kind: Kind;
  readonly order: Order | undefined;
  /** The values a finite domain holds, or undefined for an ordered one. */
  readonly universe: readonly unknown[] | undefined;
  readonly upper: boolean;
}

export function domainFor(subject: Subject, mode: Mode): Domain | undefined {
  const { column } = subject;
  if (subject.shape) return { kind: 'shape', order: undefined, universe: [[], [null]], upper: false };
  switch (column.type) {
    case 'integer':
      return { kind: 'number', order: mode === 'catalogue' ? 'integer' : 'real', universe: undefined, upper: false };
    case 'float':
      return { kind: 'number', order: 'real', universe: undefined, upper: false };
    case 'date': case 'datetime':
      return { kind: 'date', order: 'real', universe: undefined, upper: false };
    case 'boolean':
      return { kind: 'boolean', order: undefined, universe: [true, false], upper: false };
    case 'string': case 'url': case 'domain': {
      if (mode === 'catalogue' && column.enumValues) {
        const values = subject.upper ? [...new Set(column.enumValues.map(upper))] : column.enumValues;
        return { kind: 'string', order: undefined, universe: values, upper: subject.upper };
      }
      return { kind: 'string', order: 'string', universe: undefined, upper: subject.upper };
    }
    default:
      return undefined;
  }
}

/** A literal's constant in a domain (undefined when it has none: the test is then not analysed). */
function constant(lit: Literal, kind: Kind): number | string | boolean | undefined {
  switch (kind) {
    case 'number': return lit.kind === 'number' ? lit.value : undefined;
    case 'boolean': return lit.kind === 'boolean' ? lit.value : undefined;
    case 'string': return lit.kind === 'string' ? lit.value : undefined;
    case 'date':
      return lit.kind === 'date' || lit.kind === 'datetime' || lit.kind === 'string' ? (parseInstant(lit.value) ?? undefined) : undefined;
    default: return undefined;
  }
}

/** The known value `v` compared with `c`, as the predicate compares (numbers, instants, strings by code point). */
function order3(v: unknown, c: number | string | boolean): number {
  if (typeof v === 'string' && typeof c === 'string') return compareCodePoints(v, c);
  return (v as number) < (c as number) ? -1 : (v as number) > (c as number) ? 1 : 0;
}

/**
 * One test as a two-valued function on the known values of a finite domain,
 * its constants read once (not once per value); undefined when this module
 * does not evaluate the operator.
 */
function finiteTest(test: Test, kind: Kind): ((v: unknown) => boolean) | undefined {
  if (kind === 'shape') return test.kind === 'empty' ? (v) => (v as unknown[]).length === 0 : undefined;
  switch (test.kind) {
    case 'null': return () => false;
    case 'empty': return kind === 'string' ? (v) => v === '' : undefined;
    case 'in': {
      const cs = test.values.map((l) => constant(l, kind));
      if (cs.includes(undefined)) return undefined;
      return (v) => cs.some((c) => order3(v, c!) === 0 && typeof v === typeof c);
    }
    case 'between': {
      const lo = constant(test.low, kind);
      const hi = constant(test.high, kind);
      return lo === undefined || hi === undefined || kind === 'boolean' ? undefined : (v) => order3(v, lo) >= 0 && order3(v, hi) <= 0;
    }
    case 'compare': {
      const c = constant(test.value, kind);
      if (c === undefined) return undefined;
      if (kind === 'boolean') return test.op === 'eq' ? (v) => v === c : test.op === 'neq' ? (v) => v !== c : undefined;
      const t = String(c);
      switch (test.op) {
        case 'eq': return (v) => order3(v, c) === 0;
        case 'neq': return (v) => order3(v, c) !== 0;
        case 'gt': return (v) => order3(v, c) > 0;
        case 'gte': return (v) => order3(v, c) >= 0;
        case 'lt': return (v) => order3(v, c) < 0;
        case 'lte': return (v) => order3(v, c) <= 0;
        case 'prefix': return kind === 'string' ? (v) => String(v).startsWith(t) : undefined;
        case 'suffix': return kind === 'string' ? (v) => String(v).endsWith(t) : undefined;
        case 'substring': return kind === 'string' ? (v) => String(v).includes(t) : undefined;
        case 'isubstring': {
          if (kind !== 'string') return undefined;
          const needle = lower(t);
          return (v) => lower(String(v)).includes(needle);
        }
        default: return undefined; // phrases and regexes: not evaluated here (no regex engine in the checker)
      }
    }
  }
}

const point = (v: number | string, lit: Literal | undefined): Interval => ({ lo: { v, incl: true, lit }, hi: { v, incl: true, lit } });

/** The smallest string above every string that starts with `p`, or undefined when there is none (or surrogates make it unclear). */
function prefixEnd(p: string): string | undefined {
  if (/[\uD800-\uDFFF]/.test(p)) return undefined;
  const last = p.charCodeAt(p.length - 1);
  return p.slice(0, -1) + String.fromCodePoint(last + 1);
}

/** The truth set of one test in an ordered domain, or undefined when the test is not an interval there. */
function orderedSet(test: Test, d: Domain): ValueSet | undefined {
  const order = d.order!;
  const c = (lit: Literal) => constant(lit, d.kind) as number | string | undefined;
  const make = (list: Interval[]) => ranges(order, list);
  switch (test.kind) {
    case 'null': return make([]);
    case 'empty': return d.kind === 'string' ? make([point('', undefined)]) : undefined;
    case 'in': {
      const cs = test.values.map(c);
      return cs.includes(undefined) ? undefined : make(cs.map((v, i) => point(v!, test.values[i])));
    }
    case 'between': {
      const lo = c(test.low);
      const hi = c(test.high);
      return lo === undefined || hi === undefined ? undefined : make([{ lo: { v: lo, incl: true, lit: test.low }, hi: { v: hi, incl: true, lit: test.high } }]);
    }
    case 'compare': {
      const v = c(test.value);
      if (v === undefined) return undefined;
      const lit = test.value;
      switch (test.op) {
        case 'eq': return make([point(v, lit)]);
        case 'neq': return complement(make([point(v, lit)]));
        case 'gt': return make([{ lo: { v, incl: false, lit }, hi: undefined }]);
        case 'gte': return make([{ lo: { v, incl: true, lit }, hi: undefined }]);
        case 'lt': return make([{ lo: undefined, hi: { v, incl: false, lit } }]);
        case 'lte': return make([{ lo: undefined, hi: { v, incl: true, lit } }]);
        case 'prefix': {
          if (d.kind !== 'string') return undefined;
          const p = v as string;
          if (p === '') return make([{ lo: undefined, hi: undefined }]);
          const end = prefixEnd(p);
          return end === undefined ? undefined : make([{ lo: { v: p, incl: true, lit: undefined }, hi: { v: end, incl: false, lit: undefined } }]);
        }
        default: return undefined;
      }
    }
  }
}

/** The truth set of one test, or undefined when it cannot be analysed. */
export function testSet(test: Test, d: Domain): ValueSet | undefined {
  if (d.universe) {
    const holds = finiteTest(test, d.kind);
    return holds && { t: 'finite', universe: d.universe, members: d.universe.map(holds) };
  }
  // Complemented after the upper-case filter below, so that `uppercase(x) != "seo"` is true for every string.
  if (d.upper && test.kind === 'compare' && test.op === 'neq') {
    const eq = testSet({ ...test, op: 'eq' }, d);
    return eq && complement(eq);
  }
  // Under `uppercase`, a needle with a lower-case letter is never part of the value (see casing.ts).
  if (d.upper && test.kind === 'compare' && ['eq', 'prefix', 'suffix', 'substring'].includes(test.op)
    && test.value.kind === 'string' && !upperFixed(test.value.value)) {
    return ranges('string', []);
  }
  const set = orderedSet(test, d);
  return set && d.upper ? dropPoints(set, upperFixed) : set;
}

/** The abstraction of one test, or undefined when it cannot be analysed. */
export function testAbs(test: Test, d: Domain): Abs | undefined {
  const set = testSet(test, d);
  if (!set) return undefined;
  return test.kind === 'null' ? { set, onNull: true, onOdd: false } : { set, onNull: null, onOdd: null };
}

export const absAnd = (xs: readonly Abs[]): Abs => ({
  set: intersectAll(xs.map((x) => x.set)),
  onNull: kleeneAnd(xs.map((x) => x.onNull)),
  onOdd: kleeneAnd(xs.map((x) => x.onOdd)),
});

export const absOr = (xs: readonly Abs[]): Abs => ({
  set: unionAll(xs.map((x) => x.set)),
  onNull: kleeneOr(xs.map((x) => x.onNull)),
  onOdd: kleeneOr(xs.map((x) => x.onOdd)),
});

export const absNot = (x: Abs): Abs => ({ set: complement(x.set), onNull: kleeneNot(x.onNull), onOdd: kleeneNot(x.onOdd) });

export { emptyLike, fullLike };
