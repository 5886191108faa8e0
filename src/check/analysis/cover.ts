/**
 * Which operands of one column group can go from their `and` / `or` without
 * changing its abstraction, in one sweep instead of one comparison per pair.
 *
 * Greedily in order (as a reader would strike them out), operand m goes when
 * the operands still kept give, without m, the same abstraction as with it:
 *
 * - in an `or`, the union of the sets stays the same exactly when every value
 *   of m's set is held by another kept operand. The values are cut into
 *   elementary segments at every bound of every operand (each bound value a
 *   point, and the open gaps between); a segment tree counts, per segment,
 *   the kept operands holding it, so "m is covered" is "the least count over
 *   m's segments is at least 2", and dropping m subtracts 1 over them;
 * - in an `and`, by De Morgan, the same on the complements;
 * - the value on null and on a wrong-typed value (Kleene `and`/`or` of the
 *   operands') stays the same exactly when m is not the last operand with
 *   the deciding value: counted.
 *
 * Segments that hold no value (the gap between 5 and 6 in whole numbers)
 * are ignored; `nonEmpty` errs towards "not empty", so an operand may be
 * kept that could go, never dropped wrongly. Cost: O(N log N) in the N
 * intervals of the group (enum sets: O(n · universe)).
 */
import type { Truth } from '../../semantics/logic.js';
import type { Abs } from './abstract.js';
import { cmp, complement, nonEmpty, type Order, type ValueSet } from './sets.js';

/** Work done by {@link droppable}, counted so that a test can show it grows about linearly. */
export const coverWork = { steps: 0 };

/** For each operand of an `and` / `or` over one column (their abstractions, in order): whether it can go. */
export function droppable(kind: 'and' | 'or', abs: readonly Abs[]): boolean[] {
  const n = abs.length;
  const drop = new Array<boolean>(n).fill(false);
  if (n < 2) return drop;
  const sets = abs.map((a) => (kind === 'or' ? a.set : complement(a.set)));
  const cover = coverage(sets);
  const deciding = kind === 'or';
  const nulls = new Votes(deciding, abs.map((a) => a.onNull));
  const odds = new Votes(deciding, abs.map((a) => a.onOdd));
  let kept = n;
  for (let i = 0; i < n && kept >= 2; i++) {
    const a = abs[i]!;
    if (!nulls.canDrop(a.onNull) || !odds.canDrop(a.onOdd) || cover.least(i) < 2) continue;
    drop[i] = true;
    kept--;
    cover.remove(i);
    nulls.remove(a.onNull);
    odds.remove(a.onOdd);
  }
  return drop;
}

/** The three-valued votes of the kept operands on null (or odd) values: `deciding` is `true` for an `or`, `false` for an `and`. */
class Votes {
  private decide = 0;
  private unknown = 0;

  constructor(private readonly deciding: boolean, values: readonly Truth[]) {
    for (const v of values) this.add(v, 1);
  }

  private add(v: Truth, by: number): void {
    if (v === this.deciding) this.decide += by;
    else if (v === null) this.unknown += by;
  }

  /** Whether the Kleene result of the others equals that of all (at least one other is kept). */
  canDrop(v: Truth): boolean {
    if (v === this.deciding) return this.decide >= 2;
    if (v === null) return this.decide >= 1 || this.unknown >= 2;
    return true;
  }

  remove(v: Truth): void {
    this.add(v, -1);
  }
}

interface Coverage {
  /** The least number of kept operands holding a value of operand i's set (Infinity when the set is empty). */
  least(i: number): number;
  remove(i: number): void;
}

function coverage(sets: readonly ValueSet[]): Coverage {
  const first = sets[0]!;
  if (first.t === 'finite') {
    const counts = first.members.map((_, u) => sets.reduce((c, s) => c + ((s as typeof first).members[u] ? 1 : 0), 0));
    return {
      least: (i) => {
        const s = sets[i] as typeof first;
        let min = Infinity;
        for (let u = 0; u < counts.length; u++) if (s.members[u] && counts[u]! < min) min = counts[u]!;
        coverWork.steps += counts.length;
        return min;
      },
      remove: (i) => {
        const s = sets[i] as typeof first;
        for (let u = 0; u < counts.length; u++) if (s.members[u]) counts[u]!--;
      },
    };
  }
  return rangeCoverage(first.order, sets);
}

function rangeCoverage(order: Order, sets: readonly ValueSet[]): Coverage {
  // The distinct bound values, sorted: value p is segment 2p + 1, the gap before it segment 2p, the gap after the last 2k.
  const values: (number | string)[] = [];
  for (const s of sets) if (s.t === 'ranges') for (const r of s.ranges) {
    if (r.lo) values.push(r.lo.v);
    if (r.hi) values.push(r.hi.v);
  }
  values.sort((a, b) => cmp(order, a, b));
  const distinct: (number | string)[] = [];
  for (const v of values) if (distinct.length === 0 || cmp(order, distinct[distinct.length - 1]!, v) !== 0) distinct.push(v);
  const index = new Map<number | string, number>();
  distinct.forEach((v, p) => index.set(v, p));
  const k = distinct.length;
  const size = 2 * k + 1;
  // Each set as spans of segment indexes [a, b].
  const spans = sets.map((s) => {
    const out: [number, number][] = [];
    if (s.t !== 'ranges') return out;
    for (const r of s.ranges) {
      const a = r.lo ? 2 * index.get(r.lo.v)! + (r.lo.incl ? 1 : 2) : 0;
      const b = r.hi ? 2 * index.get(r.hi.v)! + (r.hi.incl ? 1 : 0) : 2 * k;
      if (a <= b) out.push([a, b]);
    }
    return out;
  });
  const diff = new Float64Array(size + 1);
  for (const list of spans) for (const [a, b] of list) {
    diff[a]! += 1;
    diff[b + 1]! -= 1;
  }
  const init = new Float64Array(size);
  let running = 0;
  for (let j = 0; j < size; j++) {
    running += diff[j]!;
    const p = j >> 1;
    // Gaps that hold no value of the order never decide whether an operand is covered.
    const empty = j % 2 === 0 && !nonEmpty(order, {
      lo: p > 0 ? { v: distinct[p - 1]!, incl: false, lit: undefined } : undefined,
      hi: p < k ? { v: distinct[p]!, incl: false, lit: undefined } : undefined,
    });
    init[j] = empty ? Infinity : running;
  }
  const tree = new MinTree(init);
  coverWork.steps += size;
  return {
    least: (i) => spans[i]!.reduce((m, [a, b]) => Math.min(m, tree.min(a, b)), Infinity),
    remove: (i) => {
      for (const [a, b] of spans[i]!) tree.add(a, b, -1);
    },
  };
}

/** A segment tree over numbers: add a constant over a range, read the least value of a range; O(log n) each. */
class MinTree {
  private readonly least: Float64Array;
  private readonly pending: Float64Array;
  private readonly n: number;

  constructor(init: Float64Array) {
    this.n = init.length;
    this.least = new Float64Array(4 * this.n);
    this.pending = new Float64Array(4 * this.n);
    this.build(1, 0, this.n - 1, init);
  }

  private build(node: number, lo: number, hi: number, init: Float64Array): void {
    if (lo === hi) {
      this.least[node] = init[lo]!;
      return;
    }
    const mid = (lo + hi) >> 1;
    this.build(2 * node, lo, mid, init);
    this.build(2 * node + 1, mid + 1, hi, init);
    this.least[node] = Math.min(this.least[2 * node]!, this.least[2 * node + 1]!);
  }

  add(a: number, b: number, by: number, node = 1, lo = 0, hi = this.n - 1): void {
    coverWork.steps++;
    if (b < lo || hi < a) return;
    if (a <= lo && hi <= b) {
      this.least[node]! += by;
      this.pending[node]! += by;
      return;
    }
    const mid = (lo + hi) >> 1;
    this.add(a, b, by, 2 * node, lo, mid);
    this.add(a, b, by, 2 * node + 1, mid + 1, hi);
    this.least[node] = Math.min(this.least[2 * node]!, this.least[2 * node + 1]!) + this.pending[node]!;
  }

  min(a: number, b: number, node = 1, lo = 0, hi = this.n - 1): number {
    coverWork.steps++;
    if (b < lo || hi < a) return Infinity;
    if (a <= lo && hi <= b) return this.least[node]!;
    const mid = (lo + hi) >> 1;
    return Math.min(this.min(a, b, 2 * node, lo, mid), this.min(a, b, 2 * node + 1, mid + 1, hi)) + this.pending[node]!;
  }
}
