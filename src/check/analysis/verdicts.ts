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
import { MAX_GROUP_SIZE } from './budget.js';
import { droppable } from './cover.js';
import { Groups, repeatsOf, shapeKey, type Info, type PartSummary, type Skipped } from './groups.js';
import { isEmpty, isFull, sameSet, setSize } from './sets.js';

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

/**
 * Whether a part gets a verdict of its own. A part made only of `is null`
 * tests says nothing of values: `alt is not null` is "true for every value"
 * but is no mistake. It is judged only when its result is the same on every
 * row (`alt is null and alt is not null` never, `alt is null or alt is not
 * null` always), and only on a nullable column: on one that is never null,
 * `null-test-never-true` already says it.
 */
function judgedAlone(info: Info): boolean {
  if (!info.nullOnly) return true;
  const abs = info.abs!;
  return info.subject.column.nullable && (neverTrue(abs) || (isFull(abs.set) && abs.onNull === true));
}

/** A part the walk reports on its own (so its group does not report it again). */
function reportedAlone(info: Info | undefined): boolean {
  return info?.abs !== undefined && judgedAlone(info) && (neverTrue(info.abs) || isFull(info.abs.set));
}

/** How many neighbours of an implied operand are tried as the one operand that implies it. */
const WITNESS_TRIES = 8;

const sameAbs = (a: Abs, b: Abs) => a.onNull === b.onNull && a.onOdd === b.onOdd && sameSet(a.set, b.set);

/** What a walk records beside its verdicts, for callers that ask. */
export interface WalkRecord {
  /** Parts left unjudged for their size (the `analysis-limited` diagnostic), filled in when given. */
  readonly skipped?: Skipped[];
  /** Every node the walk judged or looked inside: a node missing here lies inside a part judged whole (or repeated), filled in when given. */
  readonly entered?: Set<object>;
  /** Subtrees already summarised (./across.ts): the walk judges them whole from their summary, and does not look inside them. */
  readonly seeds?: ReadonlyMap<object, PartSummary>;
  /** Shape keys of nodes built by the caller (./across.ts), used for repeats instead of {@link shapeKey}. */
  readonly shapes?: ReadonlyMap<object, string>;
}

export function findVerdicts(filter: Filter, references: ReadonlyMap<FieldRef, ResolvedField>, record: WalkRecord = {}): Verdict[] {
  const catalogue = new Groups(references, 'catalogue');
  const exact = new Groups(references, 'exact');
  const out: Verdict[] = [];
  for (const [node, summary] of record.seeds ?? []) {
    catalogue.seed(node, summary.catalogue);
    exact.seed(node, summary.exact);
  }
  const keyOf = (o: Node) => record.shapes?.get(o) ?? record.seeds?.get(o)?.shape ?? shapeKey(o, references);
  const hashes = new Map<object, number>();
  type List = Extract<RowTest, { kind: 'list' }>;

  const walk = <L>(node: BoolTree<L>, negated: boolean, level: { info: (n: Node) => Info | undefined; exact: (n: Node) => Info | undefined; list: List | undefined }, container?: Node): void => {
    if (isInvalid(node)) return;
    const n = node as unknown as Node;
    record.entered?.add(n);
    const info = level.info(n);
    // Under `not`, the operand carries the verdict (`not (DR between 5 and 1)`: the range is what is wrong).
    if (info?.abs && judgedAlone(info) && n.kind !== 'not') {
      const parts = n.kind === 'and' || n.kind === 'or' ? (n.operands as readonly Node[]) : [];
      const partInfos = parts.map((p) => level.info(p));
      const together = parts.length > 0 && partInfos.every((i) => i?.abs && !reportedAlone(i));
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
    if (record.seeds?.has(n)) return; // what lies inside was judged by its own check
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
    for (const [o, first] of repeatsOf(operands, references, keyOf, hashes)) {
      out.push({ code: 'redundant-condition', nodes: [o, first], parent, list: level.list, subject: level.info(o)?.subject ?? subjectless, abs: undefined, negated });
      handled.add(o);
    }
    // Operands on one column, judged together (grouped by hashing their column: no comparison across columns).
    const groups = new Map<string, Node[]>();
    for (const o of operands) {
      const i = level.info(o);
      if (handled.has(o) || !i?.abs || (i.nullOnly && !i.subject.column.nullable)) continue;
      const list = groups.get(i.key);
      if (list) list.push(o);
      else groups.set(i.key, [o]);
    }
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const infos = members.map((m) => level.info(m)!);
      const alone = infos.some(reportedAlone);
      if (alone) continue; // each such member is reported on its own
      const size = infos.reduce((n, i) => n + setSize(i.abs!.set), 0);
      if (size > MAX_GROUP_SIZE) {
        if (!catalogue.skipped.has(node)) catalogue.skip(members, node.kind, infos[0]!.subject, size); // once, not again for the whole and/or
        continue;
      }
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

  /**
   * Greedy: an operand goes when the others on its column still kept, without it, give the same exact
   * abstraction (one sweep, ./cover.ts). The message names one operand that alone implies it when one
   * of its nearest neighbours in the group does; else the verdict rests on the others together.
   */
  const subsumed = (members: Node[], parent: AndOf<unknown> | OrOf<unknown>, negated: boolean, level: { exact: (n: Node) => Info | undefined; list: List | undefined }): void => {
    const op = parent.kind === 'and' ? absAnd : absOr;
    const current = members.filter((m) => level.exact(m)?.abs);
    const abs = current.map((m) => level.exact(m)!.abs!);
    const drop = droppable(parent.kind, abs);
    // The operands still kept as a linked list, so that neighbours and ends are found without scanning.
    const n = current.length;
    const prev = Array.from({ length: n }, (_, j) => j - 1);
    const next = Array.from({ length: n }, (_, j) => (j + 1 < n ? j + 1 : -1));
    let head = 0;
    let tail = n - 1;
    let kept = n;
    const unlink = (j: number) => {
      if (prev[j]! >= 0) next[prev[j]!] = next[j]!;
      else head = next[j]!;
      if (next[j]! >= 0) prev[next[j]!] = prev[j]!;
      else tail = prev[j]!;
      kept--;
    };
    drop.forEach((d, i) => {
      if (!d) return;
      const mine = abs[i]!;
      // The nearest kept operands, a few only: naming one is for the message, not the verdict.
      const near: number[] = [];
      for (let l = prev[i]!, r = next[i]!; near.length < WITNESS_TRIES && (l >= 0 || r >= 0);) {
        if (r >= 0) (near.push(r), (r = next[r]!));
        if (l >= 0 && near.length < WITNESS_TRIES) (near.push(l), (l = prev[l]!));
      }
      const witness = near.find((j) => sameAbs(op([abs[j]!, mine]), abs[j]!));
      const first = head === i ? next[i]! : head;
      const last = tail === i ? prev[i]! : tail;
      const why = witness !== undefined ? [witness] : kept - 1 <= WITNESS_TRIES ? near.sort((x, y) => x - y) : [first, last];
      out.push({ code: 'subsumed-condition', nodes: [current[i]!, ...why.map((j) => current[j]!)], parent, list: level.list, subject: level.exact(current[i]!)!.subject, abs: undefined, negated });
      unlink(i);
    });
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
  if (record.skipped) {
    for (const [node, s] of catalogue.skipped) record.skipped.push(s);
    for (const [node, s] of exact.skipped) if (!catalogue.skipped.has(node)) record.skipped.push(s);
  }
  return out;
}

/** A placeholder subject for verdicts on parts over several columns (repeated operands). */
const subjectless: Subject = {
  column: { name: '', type: 'unknown', array: false, nullable: true, nullabilityKnown: false, units: 1, aliases: [], returned: true },
  upper: false,
  shape: false,
};
