/**
 * Sets of known values of one column, the analysis's abstract domain.
 *
 * Ordered values (numbers, instants, strings by code point) are unions of
 * intervals; values of a small universe (booleans, the values of an enum,
 * array shapes) are subsets of that universe. Both are closed under union,
 * intersection and complement, so a boolean tree over one column's tests
 * folds to one set: the known values for which it is true. Every operation
 * is exact, except emptiness, which errs towards "not empty" (an interval
 * of strings may hold no upper-cased string, say): a verdict built on it
 * can miss a case, never invent one.
 */
import type { Literal } from '../../ast/nodes.js';
import { compareCodePoints } from '../../semantics/strings.js';

/** An end of an interval: the value, whether it belongs to the interval, and the literal it came from (to write it back). */
export interface Bound {
  readonly v: number | string;
  readonly incl: boolean;
  readonly lit: Literal | undefined;
}

/** An interval; an absent end is unbounded on that side (and holds ±Infinity for numbers, `""` for strings). */
export interface Interval {
  readonly lo: Bound | undefined;
  readonly hi: Bound | undefined;
}

/** How the values of an ordered domain behave between two ends. */
export type Order = 'real' | 'integer' | 'string';

export type ValueSet =
  | { readonly t: 'ranges'; readonly order: Order; readonly ranges: readonly Interval[] }
  | { readonly t: 'finite'; readonly universe: readonly unknown[]; readonly members: readonly boolean[] };

export function cmp(order: Order, a: number | string, b: number | string): number {
  if (order === 'string') return compareCodePoints(a as string, b as string);
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** Whether an interval holds at least one value (true when unsure). */
export function nonEmpty(order: Order, r: Interval): boolean {
  const { lo, hi } = r;
  if (!hi) return true;
  if (!lo) return order === 'string' ? hi.incl || compareCodePoints(hi.v as string, '') > 0 : true;
  const c = cmp(order, lo.v, hi.v);
  if (c > 0) return false;
  if (c === 0) return lo.incl && hi.incl;
  if (order === 'integer') {
    const a = lo.v as number;
    const b = hi.v as number;
    const first = Number.isInteger(a) ? (lo.incl ? a : a + 1) : Math.ceil(a);
    return hi.incl ? first <= b : first < b;
  }
  if (order === 'string' && !lo.incl && !hi.incl) {
    // The least string above lo is lo + U+0000.
    return compareCodePoints(`${lo.v as string}\u0000`, hi.v as string) < 0;
  }
  return true;
}

/** Compares two lower ends (undefined is −∞). */
function cmpLo(order: Order, a: Bound | undefined, b: Bound | undefined): number {
  if (!a || !b) return !a && !b ? 0 : !a ? -1 : 1;
  const c = cmp(order, a.v, b.v);
  if (c !== 0) return c;
  return a.incl === b.incl ? 0 : a.incl ? -1 : 1;
}

/** Compares two upper ends (undefined is +∞). */
function cmpHi(order: Order, a: Bound | undefined, b: Bound | undefined): number {
  if (!a || !b) return !a && !b ? 0 : !a ? 1 : -1;
  const c = cmp(order, a.v, b.v);
  if (c !== 0) return c;
  return a.incl === b.incl ? 0 : a.incl ? 1 : -1;
}

/** Sorted, merged, without empty intervals: equal sets of intervals then compare equal. */
function normalise(order: Order, ranges: readonly Interval[]): Interval[] {
  // One interval (what most single tests make) is already sorted and merged.
  if (ranges.length === 1) return nonEmpty(order, ranges[0]!) ? [ranges[0]!] : [];
  const sorted = ranges.filter((r) => nonEmpty(order, r)).sort((a, b) => cmpLo(order, a.lo, b.lo));
  const out: Interval[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    // Overlapping, or touching at a value one of them holds.
    const touches = last && (!last.hi || !r.lo || cmp(order, r.lo.v, last.hi.v) < 0 || (cmp(order, r.lo.v, last.hi.v) === 0 && (r.lo.incl || last.hi.incl)));
    if (last && touches) out[out.length - 1] = { lo: last.lo, hi: cmpHi(order, last.hi, r.hi) >= 0 ? last.hi : r.hi };
    else out.push(r);
  }
  return out;
}

export function ranges(order: Order, list: readonly Interval[]): ValueSet {
  return { t: 'ranges', order, ranges: normalise(order, list) };
}

export function finite(universe: readonly unknown[], test: (value: unknown) => boolean): ValueSet {
  return { t: 'finite', universe, members: universe.map(test) };
}

export function emptyLike(s: ValueSet): ValueSet {
  return s.t === 'ranges' ? { t: 'ranges', order: s.order, ranges: [] } : { t: 'finite', universe: s.universe, members: s.universe.map(() => false) };
}

export function fullLike(s: ValueSet): ValueSet {
  return s.t === 'ranges' ? { t: 'ranges', order: s.order, ranges: [{ lo: undefined, hi: undefined }] } : { t: 'finite', universe: s.universe, members: s.universe.map(() => true) };
}

export function complement(s: ValueSet): ValueSet {
  if (s.t === 'finite') return { ...s, members: s.members.map((m) => !m) };
  const out: Interval[] = [];
  let lo: Bound | undefined;
  let open = true; // whether a gap starts at −∞
  for (const r of s.ranges) {
    if (r.lo) out.push({ lo: open ? undefined : lo, hi: { ...r.lo, incl: !r.lo.incl } });
    open = false;
    if (!r.hi) return ranges(s.order, out);
    lo = { ...r.hi, incl: !r.hi.incl };
  }
  out.push({ lo: open ? undefined : lo, hi: undefined });
  return ranges(s.order, out);
}

function intersect2(order: Order, a: Interval, b: Interval): Interval {
  return { lo: cmpLo(order, a.lo, b.lo) >= 0 ? a.lo : b.lo, hi: cmpHi(order, a.hi, b.hi) <= 0 ? a.hi : b.hi };
}

export function intersect(a: ValueSet, b: ValueSet): ValueSet {
  return intersectAll([a, b]);
}

export function union(a: ValueSet, b: ValueSet): ValueSet {
  return unionAll([a, b]);
}

/**
 * The union of several sets of one domain: every interval sorted and merged
 * once, so O(N log N) in the N intervals of all of them (a pairwise fold
 * would re-sort the growing result for each operand).
 */
export function unionAll(sets: readonly ValueSet[]): ValueSet {
  const first = sets[0]!;
  if (first.t === 'finite') {
    const members = first.members.slice();
    for (const s of sets) {
      if (s.t !== 'finite') throw new Error('union: sets of different domains');
      for (let i = 0; i < members.length; i++) members[i] = members[i]! || s.members[i]!;
    }
    return { ...first, members };
  }
  const all: Interval[] = [];
  for (const s of sets) {
    if (s.t !== 'ranges') throw new Error('union: sets of different domains');
    for (const r of s.ranges) all.push(r);
  }
  return ranges(first.order, all);
}

/** The intersection of several sets of one domain, as the complement of the union of their complements (O(N log N)). */
export function intersectAll(sets: readonly ValueSet[]): ValueSet {
  const first = sets[0]!;
  if (sets.length === 1) return first;
  if (first.t === 'finite') {
    const members = first.members.slice();
    for (const s of sets) {
      if (s.t !== 'finite') throw new Error('intersect: sets of different domains');
      for (let i = 0; i < members.length; i++) members[i] = members[i]! && s.members[i]!;
    }
    return { ...first, members };
  }
  if (sets.length === 2 && sets[1]!.t === 'ranges' && first.ranges.length * sets[1]!.ranges.length <= 16) {
    // Small pairs (the common case): intersect interval by interval, which keeps each bound's own literal.
    const b = sets[1]!;
    const out: Interval[] = [];
    for (const x of first.ranges) for (const y of b.ranges) out.push(intersect2(first.order, x, y));
    return ranges(first.order, out);
  }
  return complement(unionAll(sets.map(complement)));
}

/** How many intervals (or universe members) a set holds: the measure of the analysis's work and of its bound. */
export function setSize(s: ValueSet): number {
  return s.t === 'ranges' ? s.ranges.length : s.members.length;
}

/** True only when the set surely holds no value. */
export function isEmpty(s: ValueSet): boolean {
  return s.t === 'finite' ? !s.members.includes(true) : s.ranges.length === 0;
}

/** True only when the set surely holds every known value. */
export function isFull(s: ValueSet): boolean {
  return isEmpty(complement(s));
}

function sameBound(order: Order, a: Bound | undefined, b: Bound | undefined): boolean {
  if (!a || !b) return a === b;
  return a.incl === b.incl && cmp(order, a.v, b.v) === 0;
}

/** True only when both sets surely hold the same values. */
export function sameSet(a: ValueSet, b: ValueSet): boolean {
  if (a.t === 'finite' && b.t === 'finite') return a.members.every((m, i) => m === b.members[i]);
  if (a.t !== 'ranges' || b.t !== 'ranges') return false;
  return a.ranges.length === b.ranges.length && a.ranges.every((r, i) => sameBound(a.order, r.lo, b.ranges[i]!.lo) && sameBound(a.order, r.hi, b.ranges[i]!.hi));
}

/** The values of a set that is a finite list of points, or undefined. */
export function points(s: ValueSet): { readonly v: unknown; readonly lit: Literal | undefined }[] | undefined {
  if (s.t === 'finite') return s.universe.filter((_, i) => s.members[i]).map((v) => ({ v, lit: undefined }));
  const out: { v: unknown; lit: Literal | undefined }[] = [];
  for (const r of s.ranges) {
    if (!r.lo || !r.hi || !r.lo.incl || !r.hi.incl || cmp(s.order, r.lo.v, r.hi.v) !== 0) return undefined;
    out.push({ v: r.lo.v, lit: r.lo.lit ?? r.hi.lit });
  }
  return out;
}

/** Drops the points the predicate `keep` rejects (values a column can never hold, such as lower-case text under `uppercase`). */
export function dropPoints(s: ValueSet, keep: (v: string) => boolean): ValueSet {
  if (s.t !== 'ranges') return s;
  return { ...s, ranges: s.ranges.filter((r) => !(r.lo && r.hi && r.lo.incl && r.hi.incl && cmp(s.order, r.lo.v, r.hi.v) === 0 && !keep(String(r.lo.v)))) };
}
