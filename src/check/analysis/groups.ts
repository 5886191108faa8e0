/**
 * Which parts of a filter test one column, and what they do on it.
 *
 * A subtree all of whose tests apply to one subject (a column, upper-cased or
 * not, or the elements inside `any`/`all`) folds to one abstraction
 * (./abstract.ts); a subtree over several subjects has none, and is judged
 * only by its parts. Analysis stays per column, as the issue asks: nothing
 * here reasons across columns.
 */
import type { ElementFilter, ElementTest, FieldRef, Filter, RowTest, Test } from '../../ast/nodes.js';
import type { BoolTree } from '../../ast/tree.js';
import type { Column, ResolvedField } from '../../catalogue/types.js';
import { absAnd, absNot, absOr, domainFor, testAbs, type Abs, type Domain, type Mode, type Subject } from './abstract.js';
import { MAX_GROUP_SIZE } from './budget.js';
import { setSize } from './sets.js';

/** What one subtree does on its one subject, or undefined for a subtree over several (or unanalysable ones). */
export interface Info {
  /** Identifies the subject: column, modifier, whole array or elements. */
  readonly key: string;
  readonly subject: Subject;
  /** Undefined when some test of the subtree is not analysed (a regex, a phrase, a path into an object). */
  readonly abs: Abs | undefined;
  /** Every test of the subtree is `is null`: such subtrees say nothing of values and get no value verdict. */
  readonly nullOnly: boolean;
}

type Leaf = RowTest | ElementTest;

/** What the analysis needs of one top-level operand, computed once when it is checked. */
export interface PartSummary {
  readonly catalogue: Info | undefined;
  readonly exact: Info | undefined;
  /** Its shape key (repeats are found by comparing these). */
  readonly shape: string;
  /** For an and/or: its operands' infos, so that it can be judged as its whole-text walk judges it (operands together). */
  readonly operands?: readonly { readonly catalogue: Info | undefined; readonly exact: Info | undefined }[];
}

/** A part the analysis did not judge, being past its bound. */
export interface Skipped {
  readonly nodes: readonly object[];
  readonly connective: 'and' | 'or';
  readonly subject: Subject;
  /** Its intervals (or enum values), more than {@link MAX_GROUP_SIZE}. */
  readonly size: number;
}

/** A subject as one mode analyses it: its key, and its domain (undefined for a type the analysis does not cover). */
interface SubjectEntry {
  readonly key: string;
  readonly subject: Subject;
  readonly domain: Domain | undefined;
}

/** A column's subjects, each made when first asked for: its values, its upper-cased values (not for arrays), its elements (arrays only). */
interface Subjects {
  plain?: SubjectEntry;
  upper?: SubjectEntry;
  elements?: SubjectEntry;
}

function leafInfo(entry: SubjectEntry, test: Test): Info | undefined {
  if (!entry.domain) return undefined;
  return { key: entry.key, subject: entry.subject, abs: testAbs(test, entry.domain), nullOnly: test.kind === 'null' };
}

/** Looks up subjects and folds subtrees, once per node and mode. */
export class Groups {
  private readonly memo = new Map<object, Info | undefined>();
  /** The parts left unjudged for their size (see {@link MAX_GROUP_SIZE}): an and/or node, or operands of one; first seen first. */
  readonly skipped = new Map<object, Skipped>();
  /**
   * Each column's subject, key and domain, made once per column (and per upper-casing), not once per
   * leaf: a filter names few columns, and these are what every leaf of one column shares.
   */
  private readonly subjects = new Map<Column, Subjects>();

  constructor(
    private readonly references: ReadonlyMap<FieldRef, ResolvedField>,
    readonly mode: Mode,
  ) {}

  /** Takes a subtree's summary as known (./across.ts), so that folding stops there. */
  seed(node: object, info: Info | undefined): void {
    this.memo.set(node, info);
  }

  /** Records a part left unjudged for its size. */
  skip(nodes: readonly object[], connective: 'and' | 'or', subject: Subject, size: number): void {
    if (!this.skipped.has(nodes[0]!)) this.skipped.set(nodes[0]!, { nodes, connective, subject, size });
  }

  private entry(column: Column, which: keyof Subjects): SubjectEntry {
    let entries = this.subjects.get(column);
    if (entries === undefined) this.subjects.set(column, (entries = {}));
    let entry = entries[which];
    if (entry === undefined) {
      const subject: Subject = { column, upper: which === 'upper', shape: which === 'plain' && column.array };
      const key = which === 'elements' ? 'e' : column.array ? `a:${column.name}` : `c:${column.name}:${which === 'upper' ? 'U' : ''}`;
      entry = entries[which] = { key, subject, domain: domainFor(subject, this.mode) };
    }
    return entry;
  }

  /** The subject of a row test, or undefined when the analysis does not cover it. */
  subjectOf(leaf: RowTest): SubjectEntry | undefined {
    if (leaf.kind !== 'condition') return undefined;
    const resolved = this.references.get(leaf.field);
    if (!resolved || resolved.apiName !== resolved.column.name) return undefined;
    if (leaf.modifier && leaf.modifier.name !== 'uppercase') return undefined;
    // An array is tested as a whole here (`x is empty`): the modifier does not apply to it.
    return this.entry(resolved.column, leaf.modifier !== undefined && !resolved.column.array ? 'upper' : 'plain');
  }

  /** The element subject of a list node, or undefined. */
  elementSubject(list: Extract<RowTest, { kind: 'list' }>): Subject | undefined {
    const resolved = this.references.get(list.field);
    if (!resolved || resolved.apiName !== resolved.column.name || !resolved.column.array) return undefined;
    return this.entry(resolved.column, 'elements').subject;
  }

  row(node: Filter): Info | undefined {
    const known = this.memo.get(node);
    return known !== undefined || this.memo.has(node) ? known : this.fold(node, this.rowLeaf);
  }

  element(node: ElementFilter, subject: Subject): Info | undefined {
    const known = this.memo.get(node);
    if (known !== undefined || this.memo.has(node)) return known;
    const entry = this.entry(subject.column, 'elements');
    return this.fold(node, (leaf) => leafInfo(entry, (leaf as ElementTest).test));
  }

  private readonly rowLeaf = (leaf: Leaf): Info | undefined => {
    const entry = this.subjectOf(leaf as RowTest);
    return entry && leafInfo(entry, (leaf as Extract<RowTest, { kind: 'condition' }>).test);
  };

  /**
   * Folds a subtree, each node once: the memo is read before descending, so
   * asking for every node of a tree in turn (as the walks do) costs the tree's
   * size once, not once per ancestor.
   */
  private fold(root: BoolTree<Leaf>, leaf: (l: Leaf) => Info | undefined): Info | undefined {
    const go = (node: BoolTree<Leaf>): Info | undefined => {
      const known = this.memo.get(node);
      if (known !== undefined || this.memo.has(node)) return known;
      let info: Info | undefined;
      switch (node.kind) {
        case 'and': case 'or':
          info = this.combine(node, node.operands.map(go), node.kind === 'and' ? absAnd : absOr);
          break;
        case 'not': {
          const i = go(node.operand);
          info = i && { key: i.key, subject: i.subject, abs: i.abs && absNot(i.abs), nullOnly: i.nullOnly };
          break;
        }
        case 'invalid':
          info = undefined;
          break;
        default:
          info = leaf(node as Leaf);
      }
      this.memo.set(node, info);
      return info;
    };
    return go(root);
  }

  private combine(node: object, infos: (Info | undefined)[], op: (xs: Abs[]) => Abs): Info | undefined {
    const first = infos[0];
    if (!first || infos.some((i) => !i || i.key !== first.key)) return undefined;
    const nullOnly = infos.every((i) => i!.nullOnly);
    if (!infos.every((i) => i!.abs)) return { key: first.key, subject: first.subject, abs: undefined, nullOnly };
    const size = infos.reduce((n, i) => n + setSize(i!.abs!.set), 0);
    if (size > MAX_GROUP_SIZE) {
      // Past the bound the part is not judged (as a regex is not), and said so: analyzeFilter reports it.
      this.skip([node], (node as { kind: 'and' | 'or' }).kind, first.subject, size);
      return { key: first.key, subject: first.subject, abs: undefined, nullOnly };
    }
    return { key: first.key, subject: first.subject, abs: op(infos.map((i) => i!.abs!)), nullOnly };
  }
}

/**
 * A key for structural equality: the same tree with ranges dropped and each
 * column by its API name (`DR` and `domain_rating_source` are one column).
 */
export function shapeKey(node: unknown, references: ReadonlyMap<FieldRef, ResolvedField>): string {
  return JSON.stringify(node, (key, value: unknown) => {
    if (key === 'range' || key === 'bare') return undefined;
    if (typeof value === 'object' && value !== null && references.has(value as FieldRef)) {
      return { column: references.get(value as FieldRef)!.apiName };
    }
    return value;
  });
}

/** Mixes a 32-bit integer into a hash (one FNV-1a step). */
const mixInt = (h: number, x: number): number => Math.imul(h ^ x, 16777619);

/** Mixes a string into a 32-bit FNV-1a hash. */
function mix(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = mixInt(h, text.charCodeAt(i));
  return mixInt(h, 0x1f); // a separator, so that "ab" + "c" and "a" + "bc" differ
}

/** Hashes of the few words a tree is made of (kinds, operators, column names), computed once each. */
const WORDS = new Map<string, number>();

function mixWord(h: number, word: string): number {
  let w = WORDS.get(word);
  if (w === undefined) {
    w = mix(0x811c9dc5, word);
    if (WORDS.size < 4096) WORDS.set(word, w); // bounded: custom catalogues may bring any number of names
  }
  return mixInt(h, w);
}

/** A literal's value: small integers as they are (no string made), anything else by its text. */
function mixValue(h: number, value: unknown): number {
  if (typeof value === 'number' && value === (value | 0)) return mixInt(mixInt(h, 0x2e), value);
  return mix(h, String(value));
}

type Hashed = { kind: string; [key: string]: unknown };

/**
 * A 32-bit hash that is equal wherever {@link shapeKey}s are equal: it reads a
 * subset of what the key reads (kinds, columns by API name, modifiers,
 * quantifiers, operators, values), each node once (`memo` keeps subtrees'
 * hashes), so finding repeats costs the tree's size, not its size per
 * ancestor. A column the references do not resolve (the editor's parts carry
 * their own) adds nothing: never a false split.
 */
export function shapeHash(node: unknown, references: ReadonlyMap<FieldRef, ResolvedField>, memo: Map<object, number>): number {
  const n = node as Hashed;
  const known = memo.get(n);
  if (known !== undefined) return known;
  let h = shallowHash(n, references);
  const test = n.test as Hashed | undefined;
  if (test !== undefined) h = literalsHash(h, test);
  if (n.kind === 'not') h = mixInt(h, shapeHash(n.operand, references, memo));
  else if (n.kind === 'list') h = mixInt(h, shapeHash(n.element, references, memo));
  else if (n.kind === 'and' || n.kind === 'or') for (const o of n.operands as readonly unknown[]) h = mixInt(h, shapeHash(o, references, memo));
  memo.set(n, h);
  return h;
}

/** The node alone, without its values and below it: kind, column, modifier, quantifier, operator, operand count. */
function shallowHash(n: Hashed, references: ReadonlyMap<FieldRef, ResolvedField>): number {
  let h = mixWord(0x811c9dc5, n.kind);
  const field = n.field as FieldRef | undefined;
  const column = field !== undefined ? references.get(field)?.apiName : undefined;
  if (column !== undefined) h = mixWord(h, column);
  const modifier = n.modifier as { name: string } | undefined;
  if (modifier !== undefined) h = mixWord(h, modifier.name);
  if (typeof n.quantifier === 'string') h = mixWord(h, n.quantifier);
  const test = n.test as Hashed | undefined;
  if (test !== undefined) {
    h = mixWord(h, test.kind);
    if (typeof test.op === 'string') h = mixWord(h, test.op);
  }
  if (n.kind === 'and' || n.kind === 'or') h = mixInt(h, (n.operands as readonly unknown[]).length);
  return h;
}

function literalsHash(h: number, test: Hashed): number {
  const literal = (l: Hashed) => (h = mixValue(mixWord(h, l.kind), l.value));
  if (test.kind === 'in') for (const l of test.values as readonly Hashed[]) literal(l);
  else if (test.kind === 'between') (literal(test.low as Hashed), literal(test.high as Hashed));
  else if (test.value !== undefined) literal(test.value as Hashed);
  return h;
}

/** The indexes of `items` whose hash another item shares. */
function sharing(indexes: readonly number[], hash: (i: number) => number): number[] {
  const hashes = indexes.map(hash);
  const counts = new Map<number, number>();
  for (const h of hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
  return indexes.filter((_, j) => counts.get(hashes[j]!)! > 1);
}

/**
 * For each operand that repeats an earlier one (same {@link shapeKey}), the
 * earlier one. Narrowed in three steps, each only where the last one met:
 * the operands' nodes alone, then their whole {@link shapeHash}, then
 * `keyOf`, the full key (on a filter without repeats, rarely past the first).
 */
export function repeatsOf<N>(operands: readonly N[], references: ReadonlyMap<FieldRef, ResolvedField>, keyOf: (node: N) => string, memo: Map<object, number> = new Map()): Map<N, N> {
  const repeats = new Map<N, N>();
  if (operands.length < 2) return repeats;
  const alike = sharing(operands.map((_, i) => i), (i) => shallowHash(operands[i] as Hashed, references));
  if (alike.length === 0) return repeats;
  const seen = new Map<string, N>();
  for (const i of sharing(alike, (i) => shapeHash(operands[i], references, memo))) {
    const o = operands[i]!;
    const key = keyOf(o);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, o);
    else repeats.set(o, first);
  }
  return repeats;
}
