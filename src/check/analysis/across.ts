/**
 * The analysis across the top-level operands of a filter, for a caller that
 * parses and checks each top-level operand on its own and caches it (the
 * editor service, src/editor/diagnose.ts): `DR > 50 and is_new and DR < 10`
 * holds a contradiction that no single operand shows.
 *
 * Each operand is summarised once, when it is checked ({@link summarisePart}:
 * what it does on its column in both modes, and its shape for finding
 * repeats). Joining them costs one walk over the top-level structure only:
 * the walk stops at each operand, whose summary stands in for its subtree,
 * so a keystroke that changes one operand re-summarises that one.
 *
 * Reported here: verdicts that join operands (or judge a whole top-level
 * `and` / `or`), and verdicts on an operand as a whole (its fixes may reach
 * the connectives around it: `DR > 50 or DR between 5 and 1` drops the
 * second operand). Verdicts deeper inside an operand are the caller's, from
 * its own check of it, where the walk of the whole filter looks inside it:
 * {@link AcrossResult.opened} says which operands keep them.
 * The diagnostics are those `check` gives for the whole text (the same
 * verdicts, ranges, messages and fixes), which the editor's tests assert.
 */
import type { FieldRef, Filter } from '../../ast/nodes.js';
import type { Position, SourceRange } from '../../ast/range.js';
import { tree } from '../../ast/tree.js';
import type { ResolvedField } from '../../catalogue/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { Groups, shapeKey, type PartSummary, type Skipped } from './groups.js';
import { lineIndex, Reporter } from './report.js';
import { findVerdicts, type Verdict } from './verdicts.js';

export type { PartSummary };

/** Summarises a checked top-level operand, with the references of the check that resolved it. */
export function summarisePart(root: Filter, references: ReadonlyMap<FieldRef, ResolvedField>): PartSummary {
  const catalogue = new Groups(references, 'catalogue');
  const exact = new Groups(references, 'exact');
  const summary = { catalogue: catalogue.row(root), exact: exact.row(root), shape: shapeKey(root, references) };
  if (root.kind !== 'and' && root.kind !== 'or') return summary;
  return { ...summary, operands: root.operands.map((o) => ({ catalogue: catalogue.row(o), exact: exact.row(o) })) };
}

/** One top-level operand as its caller parsed it. */
export interface TopPart {
  /** The operand's tree, with ranges in the coordinates of the text it was parsed in. */
  readonly root: Filter;
  readonly summary: PartSummary;
  /** Added to the root's offsets, gives offsets in `source`. */
  readonly shift: number;
  /** `[start, end)` of the operand in `source`: its first token's start and last token's end. */
  readonly start: number;
  readonly end: number;
}

export interface AcrossResult {
  /** The warnings (and `analysis-limited` infos) that join operands, against `source`. */
  readonly diagnostics: Diagnostic[];
  /** Per operand: whether the analysis of the whole filter looks inside it, so that its own verdicts stand. */
  readonly opened: boolean[];
}

type Node = Filter;

/**
 * The verdicts joining the top-level operands `parts`, written in `source`
 * with `connectives[k]` between operand k and k + 1 (`and` binding tighter
 * than `or`, as the grammar has it).
 */
export function analyzeAcross(source: string, parts: readonly TopPart[], connectives: readonly ('and' | 'or')[]): AcrossResult {
  const position = lineIndex(source);
  const range = (start: number, end: number): SourceRange => ({ start: position(start), end: position(end) });
  const partOf = new Map<object, number>();
  parts.forEach((p, k) => partOf.set(p.root, k));
  work.operands += parts.length;
  const seeds = new Map<object, PartSummary>();
  // An operand's own operands (for judging it whole), by node: their part and position.
  const inner = new Map<object, [number, number]>();
  parts.forEach((p, k) => {
    seeds.set(p.root, p.summary);
    const ops = p.root.kind === 'and' || p.root.kind === 'or' ? p.root.operands : [];
    p.summary.operands?.forEach((info, i) => {
      seeds.set(ops[i]!, { ...info, shape: '' });
      inner.set(ops[i]!, [k, i]);
    });
  });
  // The top-level structure, built as the parser builds it (same node shapes, so the same shape keys).
  const shapes = new Map<object, string>();
  const synthetic = new Set<object>();
  const chains: Node[] = [];
  let first = 0;
  for (let k = 0; k <= connectives.length; k++) {
    if (k < connectives.length && connectives[k] === 'and') continue;
    const members = parts.slice(first, k + 1);
    if (members.length === 1) chains.push(members[0]!.root);
    else {
      const node = tree.and(members.map((m) => m.root), range(members[0]!.start, members[members.length - 1]!.end)) as Node;
      shapes.set(node, `{"kind":"and","operands":[${members.map((m) => m.summary.shape).join(',')}]}`);
      synthetic.add(node);
      chains.push(node);
    }
    first = k + 1;
  }
  const top = chains.length === 1 ? chains[0]! : (tree.or(chains, range(parts[0]!.start, parts[parts.length - 1]!.end)) as Node);
  if (chains.length > 1) synthetic.add(top);
  const entered = new Set<object>();
  const skipped: Skipped[] = [];
  const verdicts = findVerdicts(top, new Map(), { seeds, shapes, entered, skipped });
  // Joins operands: names a top-level and/or, or operands of two parts.
  const across = (nodes: readonly object[]) => {
    if (nodes.some((n) => synthetic.has(n))) return true;
    const k = partOf.get(nodes[0]!);
    return nodes.some((n) => partOf.get(n) !== k);
  };
  // Judges one operand whole (alone, or its own operands together): the whole-text walk then does not look inside it.
  const whole = (v: Verdict) => (v.nodes.length === 1 && partOf.has(v.nodes[0]!)) || (v.parent !== undefined && partOf.has(v.parent));
  const judged = new Set<object>();
  const kept: Verdict[] = [];
  for (const v of verdicts) {
    const joins = across(v.nodes);
    if (!joins && whole(v)) judged.add(v.nodes.length === 1 && partOf.has(v.nodes[0]!) ? v.nodes[0]! : v.parent!);
    if (joins || whole(v)) kept.push(v);
  }
  // The operands' trees moved into `source`'s coordinates, only for the verdicts reported: whole for the
  // operands a message or fix reads inside, their outer range only for the others. The reporter reads inside a
  // verdict's node only for never-matches, always-true-where-known and a value listed twice; an operand judged
  // redundant or subsumed is named, located and removed by its own range. An operand's own operand is reached
  // through its part's root, which is then copied whole (so that the copies keep their identity in it).
  const deep = new Set<object>();
  const inside = (v: Verdict) => v.code === 'never-matches' || v.code === 'always-true-where-known' || v.value !== undefined;
  for (const v of kept) for (const n of v.nodes) if (inner.has(n)) deep.add(parts[inner.get(n)![0]]!.root);
  else if (inside(v)) deep.add(n);
  const moved = new Map<object, Node>();
  const move = (node: Node): Node => {
    let out = moved.get(node);
    if (out) return out;
    const k = partOf.get(node);
    const at = inner.get(node);
    if (k !== undefined) {
      const shift = parts[k]!.shift;
      out = deep.has(node) ? shiftRanges(node, shift, position) : node.range ? { ...node, range: range(node.range.start.offset + shift, node.range.end.offset + shift) } : node;
      if (!deep.has(node)) work.copied++;
    } else if (at) out = (move(parts[at[0]]!.root) as Extract<Node, { kind: 'and' | 'or' }>).operands[at[1]] as Node;
    else if (node.kind === 'and' || node.kind === 'or') {
      out = { ...node, operands: node.operands.map((o) => move(o)) } as Node;
      work.copied++;
    } else out = node;
    moved.set(node, out);
    return out;
  };
  const reported: Verdict[] = kept.map((v) => ({
    ...v,
    nodes: v.nodes.map((n) => move(n as Node)),
    parent: v.parent && (move(v.parent as Node) as Verdict['parent']),
    container: v.container && move(v.container as Node),
  }));
  const reporter = new Reporter({ source, paths: undefined });
  const limits = skipped.filter((s) => across(s.nodes)).map((s) => reporter.limited({ ...s, nodes: s.nodes.map((n) => move(n as Node)) }));
  return { diagnostics: [...reporter.diagnostics(reported), ...limits], opened: parts.map((p) => entered.has(p.root) && !judged.has(p.root)) };
}

/**
 * Work done by {@link analyzeAcross}, counted (not timed) so that the editor's tests can bound it against a
 * whole check: the top-level operands joined, and the tree nodes copied into the text's coordinates.
 */
export interface AcrossWork {
  /** Top-level operands walked (their summaries stand in for their subtrees). */
  operands: number;
  /** Ranged tree nodes copied for the verdicts reported. */
  copied: number;
}

const work: AcrossWork = { operands: 0, copied: 0 };

/** The work done since the last {@link resetAcrossWork}. */
export function acrossWork(): AcrossWork {
  return { ...work };
}

/** Sets the work counters to zero. */
export function resetAcrossWork(): void {
  work.operands = work.copied = 0;
}

/**
 * A copy of `node` with every source range moved by `shift` (lines and columns recounted in the new text).
 * Written as plain loops: it runs over every operand a verdict reads, on each keystroke of a long filter.
 */
function shiftRanges<T>(node: T, shift: number, position: (offset: number) => Position): T {
  const copy = (x: unknown): unknown => {
    if (typeof x !== 'object' || x === null) return x;
    if (Array.isArray(x)) {
      const out = new Array<unknown>(x.length);
      for (let i = 0; i < x.length; i++) out[i] = copy(x[i]);
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x)) {
      const v = (x as Record<string, unknown>)[k];
      if (k === 'range' && typeof v === 'object' && v !== null) {
        const r = v as SourceRange;
        work.copied++;
        out[k] = { start: position(r.start.offset + shift), end: position(r.end.offset + shift) };
      } else out[k] = copy(v);
    }
    return out;
  };
  return copy(node) as T;
}
