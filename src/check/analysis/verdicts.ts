/**
 * The verdicts of the analysis, found by one walk over the tree:
 *
 * - `never-matches`: a condition (or several operands of one `and` on one
 *   column) that no value makes true: false for every known value, and not
 *   true for null either. Judged with the catalogue's promises (catalogue
 *   mode), since rows come from the API.
 * - `always-true-where-known`: true for every known value of the column.
 * - `redundant-condition`: an operand that repeats another of the same
 *   `and` / `or`, or a value listed twice in `in (…)`.
 * - `subsumed-condition`: an operand of an `and` implied by the other operands
 *   on its column (of an `or`: covered by them), with the very same
 *   three-valued result without it (exact mode), so removing it changes
 *   nothing, under `not` included.
 *
 * The walk reports the largest part that never matches and does not look
 * inside it; soundness first: a verdict is made only when it is certain.
 */
import type { ElementFilter, FieldRef, Filter, Literal, RowTest } from '../../ast/nodes.js';
import { isBranch, isInvalid, type AndOf, type BoolTree, type OrOf } from '../../ast/tree.js';
import type { ResolvedField } from '../../catalogue/types.js';
import { absAnd, absOr, type Abs, type Subject } from './abstract.js';
import { Groups, shapeKey, type Info } from './groups.js';
import { isEmpty, isFull, sameSet } from './sets.js';

export type VerdictCode = 'never-matches' | 'always-true-where-known' | 'redundant-condition' | 'subsumed-condition';

type Node = Filter | ElementFilter;

export interface Verdict {
  readonly code: VerdictCode;
  /** The nodes judged together: one node, or operands of `parent`. For `redundant-condition` / `subsumed-condition`, the first is the one that can go, the others why. */
  readonly nodes: readonly Node[];
  /** The `and` / `or` whose operands `nodes` are (absent when `nodes` is one node judged alone). */
  readonly parent: AndOf<unknown> | OrOf<unknown> | undefined;
  /** The `any`/`all` node around an element-level verdict. */
  readonly list: Extract<RowTest, { kind: 'list' }> | undefined;
  readonly subject: Subject;
  /** What the judged nodes do on their column (catalogue mode). */
  readonly abs: Abs | undefined;
  /** An odd number of `not` above the judged nodes. */
  readonly negated: boolean;
  /** The node directly above a node judged alone. */
  readonly container?: Node | undefined;
  /** For a value listed twice in `in (…)`: the second occurrence. */
  readonly value?: Literal;
}

/** True when no row can make the part true (null rows included; catalogue rows only). */
export function neverTrue(abs: Abs): boolean {
  return isEmpty(abs.set) && abs.onNull !== true;
}

const sameAbs = (a: Abs, b: Abs) => a.onNull === b.onNull && a.onOdd === b.onOdd && sameSet(a.set, b.set);

export function findVerdicts(filter: Filter, references: ReadonlyMap<FieldRef, ResolvedField>): Verdict[] {
  const catalogue = new Groups(references, 'catalogue');
  const exact = new Groups(references, 'exact');
  const out: Verdict[] = [];
  type List = Extract<RowTest, { kind: 'list' }>;

  const walk = <L>(node: BoolTree<L>, negated: boolean, level: { info: (n: Node) => Info | undefined; exact: (n: Node) => Info | undefined; list: List | undefined }, container?: Node): void => {
    if (isInvalid(node)) return;
    const n = node as unknown as Node;
    const info = level.info(n);
    // Under `not`, the operand carries the verdict (`not (DR between 5 and 1)`: the range is what is wrong).
    if (info?.abs && !info.nullOnly && n.kind !== 'not') {
      const parts = n.kind === 'and' || n.kind === 'or' ? (n.operands as readonly Node[]) : [];
      const partInfos = parts.map((p) => level.info(p));
      const together = parts.length > 0 && partInfos.every((i) => i?.abs && !neverTrue(i.abs) && !isFull(i.abs.set));
      if (together && (n.kind === 'and' ? neverTrue(info.abs) : isFull(info.abs.set))) {
        // Operands that are fine alone but not together: judged as a group, so that the fix can rewrite the group.
        out.push({ code: n.kind === 'and' ? 'never-matches' : 'always-true-where-known', nodes: parts, parent: n as AndOf<unknown>, list: level.list, subject: info.subject, abs: info.abs, negated, container });
        return;
      }
      if (neverTrue(info.abs)) {
        out.push({ code: 'never-matches', nodes: [n], parent: undefined, list: level.list, subject: info.subject, abs: info.abs, negated, container });
        return;
      }
      if (isFull(info.abs.set)) {
        out.push({ code: 'always-true-where-known', nodes: [n], parent: undefined, list: level.list, subject: info.subject, abs: info.abs, negated, container });
        return;
      }
    }
    if (!isBranch(node)) {
      leaf(n, negated, level.list, info);
      return;
    }
    if (node.kind === 'not') {
      walk(node.operand, !negated, level, n);
      return;
    }
    const parent = node as AndOf<unknown> | OrOf<unknown>;
    const operands = parent.operands as readonly Node[];
    const handled = new Set<Node>();
    // Repeated operands, whatever they test.
    const seen = new Map<string, Node>();
    for (const o of operands) {
      const key = shapeKey(o, references);
      const first = seen.get(key);
      if (first) {
        out.push({ code: 'redundant-condition', nodes: [o, first], parent, list: level.list, subject: level.info(o)?.subject ?? subjectless, abs: undefined, negated });
        handled.add(o);
      } else seen.set(key, o);
    }
    // Operands on one column, judged together.
    const groups = new Map<string, Node[]>();
    for (const o of operands) {
      const i = level.info(o);
      if (!handled.has(o) && i?.abs && !i.nullOnly) groups.set(i.key, [...(groups.get(i.key) ?? []), o]);
    }
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const infos = members.map((m) => level.info(m)!);
      const alone = infos.some((i) => neverTrue(i.abs!) || isFull(i.abs!.set));
      if (alone) continue; // each such member is reported on its own
      const combined = node.kind === 'and' ? absAnd(infos.map((i) => i.abs!)) : absOr(infos.map((i) => i.abs!));
      if (node.kind === 'and' && neverTrue(combined)) {
        out.push({ code: 'never-matches', nodes: members, parent, list: level.list, subject: infos[0]!.subject, abs: combined, negated });
        for (const m of members) handled.add(m);
        continue;
      }
      if (node.kind === 'or' && isFull(combined.set)) {
        out.push({ code: 'always-true-where-known', nodes: members, parent, list: level.list, subject: infos[0]!.subject, abs: combined, negated });
        for (const m of members) handled.add(m);
        continue;
      }
      subsumed(members, parent, negated, level);
    }
    for (const o of operands) if (!handled.has(o)) walk(o as BoolTree<L>, negated, level, n);
  };

  /** Greedy: an operand goes when the others on its column, without it, give the same exact abstraction. */
  const subsumed = (members: Node[], parent: AndOf<unknown> | OrOf<unknown>, negated: boolean, level: { exact: (n: Node) => Info | undefined; list: List | undefined }): void => {
    const op = parent.kind === 'and' ? absAnd : absOr;
    let current = members.filter((m) => level.exact(m)?.abs);
    for (const m of [...current]) {
      if (current.length < 2) return;
      const rest = current.filter((x) => x !== m);
      const all = op(current.map((x) => level.exact(x)!.abs!));
      if (!sameAbs(op(rest.map((x) => level.exact(x)!.abs!)), all)) continue;
      const mine = level.exact(m)!.abs!;
      const witness = rest.find((o) => sameAbs(op([level.exact(o)!.abs!, mine]), level.exact(o)!.abs!));
      out.push({ code: 'subsumed-condition', nodes: witness ? [m, witness] : [m, ...rest], parent, list: level.list, subject: level.exact(m)!.subject, abs: undefined, negated });
      current = rest;
    }
  };

  const leaf = (n: Node, negated: boolean, list: List | undefined, info: Info | undefined): void => {
    const test = n.kind === 'condition' || n.kind === 'test' ? n.test : undefined;
    if (test?.kind === 'in') {
      // A value written twice: same constant, same kind.
      const seen = new Set<string>();
      for (const v of test.values) {
        const key = JSON.stringify([v.kind, (v as { value?: unknown }).value]);
        if (seen.has(key)) out.push({ code: 'redundant-condition', nodes: [n], parent: undefined, list, subject: info?.subject ?? subjectless, abs: undefined, negated, value: v });
        seen.add(key);
      }
    }
    if (n.kind === 'list') {
      const subject = catalogue.elementSubject(n);
      if (!subject) return;
      walk(n.element, negated, {
        info: (x) => catalogue.element(x as ElementFilter, subject),
        exact: (x) => exact.element(x as ElementFilter, subject),
        list: n,
      });
    }
  };

  walk(filter, false, { info: (x) => catalogue.row(x as Filter), exact: (x) => exact.row(x as Filter), list: undefined });
  return out;
}

/** A placeholder subject for verdicts on parts over several columns (repeated operands). */
const subjectless: Subject = {
  column: { name: '', type: 'unknown', array: false, nullable: true, nullabilityKnown: false, units: 1, aliases: [], returned: true },
  upper: false,
  shape: false,
};
