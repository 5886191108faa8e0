/**
 * The simplifier: a checked filter → an equivalent smaller one. Every rewrite
 * keeps the three-valued result of its node on every row (null, absent and
 * wrong-typed values included), so the result is the same under any `not`:
 *
 * - `not not a` → `a`; an `and` inside an `and` (an `or` in an `or`) is
 *   flattened; a repeated operand goes (Kleene `and`/`or` are associative,
 *   commutative and idempotent);
 * - `any(x) p or any(x) q` → `any(x) (p or q)`, `all(x) p and all(x) q` →
 *   `all(x) (p and q)` (Kleene `or` over the elements commutes with `or`);
 * - on one column, an operand whose removal leaves the exact abstraction
 *   (./abstract.ts) unchanged goes, and a part on one column is replaced by
 *   the cheapest single test with the same abstraction (`between 3 and 3` →
 *   `= 3`, `not (x = 1)` → `x != 1`, `x > 5 and x >= 2` → `x > 5`), checked
 *   by recomputing the abstraction of the replacement.
 *
 * Nothing uses the catalogue's promises here (exact mode): rows that break
 * them still get the same result.
 */
import type { ConditionNode, ElementFilter, ElementTest, FieldRef, Filter, ListNode, Literal, RowTest, Test } from '../../ast/nodes.js';
import type { BoolTree } from '../../ast/tree.js';
import type { ResolvedField } from '../../catalogue/types.js';
import { domainFor, testAbs, absAnd, absOr, type Abs, type Subject } from './abstract.js';
import { MAX_GROUP_SIZE } from './budget.js';
import { droppable } from './cover.js';
import { Groups, repeatsOf, shapeKey, type Info } from './groups.js';
import { complement, points, sameSet, isEmpty, isFull, setSize } from './sets.js';

export interface SimplifyContext {
  /** The checker's resolution of each field reference (synthesised tests reuse the references of the tests they replace). */
  readonly references: ReadonlyMap<FieldRef, ResolvedField>;
}

type Node = Filter | ElementFilter;
type Leaf = RowTest | ElementTest;

/** Clauses of the emitted `where` JSON: each condition and each and/or/not object (in and between expand). */
export function filterCost(node: Node): number {
  switch (node.kind) {
    case 'and': case 'or': return 1 + node.operands.reduce((s, o) => s + filterCost(o as Node), 0);
    case 'not': return 1 + filterCost(node.operand as Node);
    case 'list': return 1 + filterCost(node.element);
    case 'condition': case 'test': return testCost(node.test);
    default: return 1;
  }
}

function testCost(test: Test): number {
  return test.kind === 'in' ? test.values.length + 1 : test.kind === 'between' ? 3 : 1;
}

const sameAbs = (a: Abs, b: Abs) => a.onNull === b.onNull && a.onOdd === b.onOdd && sameSet(a.set, b.set);

export function simplifyFilter(filter: Filter, ctx: SimplifyContext): Filter {
  return new Simplifier(ctx.references).row(filter);
}

class Simplifier {
  private readonly groups: Groups;

  /** Shape hashes of the nodes seen, so that each subtree is hashed once (nodes are never mutated). */
  private readonly hashes = new Map<object, number>();

  constructor(private readonly references: ReadonlyMap<FieldRef, ResolvedField>) {
    this.groups = new Groups(references, 'exact');
  }

  row(node: Filter): Filter {
    return this.tree(node, (n) => this.groups.row(n as Filter), (leaf) => this.rowLeaf(leaf as RowTest)) as Filter;
  }

  private rowLeaf(leaf: RowTest): Node {
    if (leaf.kind !== 'list') return leaf;
    const resolved = this.references.get(leaf.field);
    const subject = resolved && resolved.apiName === resolved.column.name && resolved.column.array ? { column: resolved.column, upper: false, shape: false } : undefined;
    const element = this.tree(leaf.element, (n) => (subject ? this.groups.element(n as ElementFilter, subject) : undefined), (l) => l as Node) as ElementFilter;
    return element === leaf.element ? leaf : { kind: 'list', quantifier: leaf.quantifier, field: leaf.field, element };
  }

  /** Simplifies bottom-up; `info` folds a node of this level, `leaf` simplifies inside a leaf. */
  private tree(node: Node, info: (n: Node) => Info | undefined, leaf: (l: Leaf) => Node): Node {
    let out: Node;
    switch (node.kind) {
      case 'not': {
        const inner = this.tree(node.operand as Node, info, leaf);
        out = inner.kind === 'not' ? (inner.operand as Node) : inner === node.operand ? node : ({ kind: 'not', operand: inner } as Node);
        break;
      }
      case 'and': case 'or':
        out = this.branch(node.kind, node.operands.map((o) => this.tree(o as Node, info, leaf)), info, leaf);
        break;
      case 'invalid':
        return node;
      default:
        out = leaf(node as Leaf);
    }
    return this.synthesise(out, info);
  }

  private branch(kind: 'and' | 'or', simplified: Node[], info: (n: Node) => Info | undefined, leaf: (l: Leaf) => Node): Node {
    // Flatten, then drop repeats (by hashing their shape).
    const flat = simplified.flatMap((o) => (o.kind === kind ? (o.operands as Node[]) : [o]));
    const repeats = repeatsOf(flat, this.references, (o) => shapeKey(o, this.references), this.hashes);
    let ops = flat.filter((o) => !repeats.has(o));
    // any(x) p or any(x) q → any(x) (p or q); all(x) p and all(x) q → all(x) (p and q).
    const quantifier = kind === 'or' ? 'any' : 'all';
    const lists = new Map<string, ListNode[]>();
    for (const o of ops) {
      if (o.kind !== 'list' || o.quantifier !== quantifier) continue;
      const name = this.references.get(o.field)?.apiName;
      if (name === undefined) continue;
      const list = lists.get(name);
      if (list) list.push(o);
      else lists.set(name, [o]);
    }
    const merged = new Map<Node, Node>();
    const absorbed = new Set<Node>();
    for (const group of lists.values()) {
      if (group.length < 2) continue;
      const element: ElementFilter = { kind, operands: group.map((l) => l.element) };
      merged.set(group[0]!, leaf({ kind: 'list', quantifier, field: group[0]!.field, element }) as Node);
      for (const l of group.slice(1)) absorbed.add(l);
    }
    if (merged.size > 0) ops = ops.filter((o) => !absorbed.has(o)).map((o) => merged.get(o) ?? o);
    // Per column: drop operands that change nothing (one sweep per column, ./cover.ts); a part that is
    // always true (false) goes from an and (or), or decides it.
    const op = kind === 'and' ? absAnd : absOr;
    const byKey = new Map<string, Node[]>();
    for (const o of ops) {
      const i = info(o);
      if (!i?.abs) continue;
      const list = byKey.get(i.key);
      if (list) list.push(o);
      else byKey.set(i.key, [o]);
    }
    const gone = new Set<Node>();
    for (const members of byKey.values()) {
      const abs = members.map((x) => info(x)!.abs!);
      if (abs.reduce((n, a) => n + setSize(a.set), 0) > MAX_GROUP_SIZE) continue; // left as written; check reports it
      const drop = droppable(kind, abs);
      const current = members.filter((_, k) => !drop[k]);
      for (const m of members.filter((_, k) => drop[k])) gone.add(m);
      const all = op(abs.filter((_, k) => !drop[k]));
      const neutral = kind === 'and' ? isTrue(all) : isFalse(all);
      const absorbing = kind === 'and' ? isFalse(all) : isTrue(all);
      if (absorbing) return current.length === 1 ? current[0]! : ({ kind, operands: current } as Node);
      if (neutral && ops.length - gone.size > current.length) for (const m of current) gone.add(m);
    }
    if (gone.size > 0) ops = ops.filter((o) => !gone.has(o));
    if (ops.length === 1) return ops[0]!;
    return { kind, operands: ops } as Node;
  }

  /** Replaces a part on one column by the cheapest single test with the same exact abstraction. */
  private synthesise(node: Node, info: (n: Node) => Info | undefined): Node {
    const i = info(node);
    if (!i?.abs) return node;
    const template = firstLeaf(node);
    if (!template) return node;
    const domain = domainFor(i.subject, 'exact');
    if (!domain) return node;
    for (const candidate of candidates(i.abs, i.subject)) {
      if (testCost(candidate.test) + (candidate.negate ? 1 : 0) >= filterCost(node)) continue;
      const a = testAbs(candidate.test, domain);
      if (!a) continue;
      const abs = candidate.negate ? { set: complement(a.set), onNull: a.onNull === null ? null : !a.onNull, onOdd: a.onOdd === null ? null : !a.onOdd } : a;
      if (!sameAbs(abs, i.abs)) continue;
      const leafNode: Node = template.kind === 'test'
        ? { kind: 'test', test: candidate.test }
        : ({ kind: 'condition', field: template.field, ...(template.modifier ? { modifier: template.modifier } : {}), test: candidate.test } satisfies ConditionNode);
      return candidate.negate ? ({ kind: 'not', operand: leafNode } as Node) : leafNode;
    }
    return node;
  }
}

const isTrue = (a: Abs) => a.onNull === true && a.onOdd === true && isFull(a.set);
const isFalse = (a: Abs) => a.onNull === false && a.onOdd === false && isEmpty(a.set);

function firstLeaf(node: Node): ConditionNode | ElementTest | undefined {
  const n = node as BoolTree<Leaf>;
  if (n.kind === 'and' || n.kind === 'or') return firstLeaf(n.operands[0] as Node);
  if (n.kind === 'not') return firstLeaf(n.operand as Node);
  if (n.kind === 'condition' || n.kind === 'test') return n;
  return undefined;
}

/** Single tests that may have abstraction `abs`, cheapest first. */
function candidates(abs: Abs, subject: Subject): { test: Test; negate: boolean }[] {
  const out: { test: Test; negate: boolean }[] = [];
  if (abs.onNull === true && abs.onOdd === false && isEmpty(abs.set)) out.push({ test: { kind: 'null' }, negate: false });
  if (abs.onNull === false && abs.onOdd === true && isFull(abs.set)) out.push({ test: { kind: 'null' }, negate: true });
  if (abs.onNull !== null || abs.onOdd !== null) return out;
  const s = abs.set;
  if (s.t === 'finite') {
    const members = s.universe.filter((_, k) => s.members[k]);
    if (subject.shape) {
      out.push({ test: { kind: 'empty' }, negate: members.length === 1 && (members[0] as unknown[]).length > 0 });
    } else if (members.length === 1 && typeof members[0] === 'boolean') {
      out.push({ test: { kind: 'compare', op: 'eq', value: { kind: 'boolean', value: members[0] } }, negate: false });
    }
    return out;
  }
  const lits = (list: ReturnType<typeof points>) => (list && list.every((p) => p.lit) ? list.map((p) => p.lit!) : undefined);
  const these = lits(points(s));
  if (these?.length === 1) out.push({ test: { kind: 'compare', op: 'eq', value: these[0]! }, negate: false });
  if (these && these.length > 1) out.push({ test: { kind: 'in', values: these }, negate: false });
  const others = lits(points(complement(s)));
  if (others?.length === 1) out.push({ test: { kind: 'compare', op: 'neq', value: others[0]! }, negate: false });
  if (others && others.length > 1) out.push({ test: { kind: 'in', values: others }, negate: true });
  if (s.ranges.length === 1) {
    const { lo, hi } = s.ranges[0]!;
    const lit = (b: { lit: Literal | undefined } | undefined) => b?.lit;
    if (lo && !hi && lit(lo)) out.push({ test: { kind: 'compare', op: lo.incl ? 'gte' : 'gt', value: lo.lit! }, negate: false });
    if (hi && !lo && lit(hi)) out.push({ test: { kind: 'compare', op: hi.incl ? 'lte' : 'lt', value: hi.lit! }, negate: false });
    if (lo && hi && lo.incl && hi.incl && lit(lo) && lit(hi)) out.push({ test: { kind: 'between', low: lo.lit!, high: hi.lit! }, negate: false });
  }
  return out;
}
