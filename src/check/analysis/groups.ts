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
import { foldTree, type BoolTree } from '../../ast/tree.js';
import type { ResolvedField } from '../../catalogue/types.js';
import { absAnd, absNot, absOr, domainFor, testAbs, type Abs, type Mode, type Subject } from './abstract.js';

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

/** Looks up subjects and folds subtrees, once per node and mode. */
export class Groups {
  private readonly memo = new Map<object, Info | undefined>();

  constructor(
    private readonly references: ReadonlyMap<FieldRef, ResolvedField>,
    readonly mode: Mode,
  ) {}

  /** The subject of a row test, or undefined when the analysis does not cover it. */
  subjectOf(leaf: RowTest): { key: string; subject: Subject; test: Test } | undefined {
    if (leaf.kind !== 'condition') return undefined;
    const resolved = this.references.get(leaf.field);
    if (!resolved || resolved.apiName !== resolved.column.name) return undefined;
    const column = resolved.column;
    if (leaf.modifier && leaf.modifier.name !== 'uppercase') return undefined;
    const up = leaf.modifier !== undefined;
    if (column.array) return { key: `a:${column.name}`, subject: { column, upper: false, shape: true }, test: leaf.test };
    return { key: `c:${column.name}:${up ? 'U' : ''}`, subject: { column, upper: up, shape: false }, test: leaf.test };
  }

  /** The element subject of a list node, or undefined. */
  elementSubject(list: Extract<RowTest, { kind: 'list' }>): Subject | undefined {
    const resolved = this.references.get(list.field);
    if (!resolved || resolved.apiName !== resolved.column.name || !resolved.column.array) return undefined;
    return { column: resolved.column, upper: false, shape: false };
  }

  row(node: Filter): Info | undefined {
    return this.fold(node, (leaf) => {
      const s = this.subjectOf(leaf as RowTest);
      return s && this.leafInfo(s.key, s.subject, s.test);
    });
  }

  element(node: ElementFilter, subject: Subject): Info | undefined {
    return this.fold(node, (leaf) => this.leafInfo('e', subject, (leaf as ElementTest).test));
  }

  private leafInfo(key: string, subject: Subject, test: Test): Info | undefined {
    const domain = domainFor(subject, this.mode);
    if (!domain) return undefined;
    return { key, subject, abs: testAbs(test, domain), nullOnly: test.kind === 'null' };
  }

  private fold(root: BoolTree<Leaf>, leaf: (l: Leaf) => Info | undefined): Info | undefined {
    const combine = (infos: (Info | undefined)[], op: (xs: Abs[]) => Abs): Info | undefined => {
      const first = infos[0];
      if (!first || infos.some((i) => !i || i.key !== first.key)) return undefined;
      const abs = infos.every((i) => i!.abs) ? op(infos.map((i) => i!.abs!)) : undefined;
      return { key: first.key, subject: first.subject, abs, nullOnly: infos.every((i) => i!.nullOnly) };
    };
    const memoised = (node: object, compute: () => Info | undefined): Info | undefined => {
      if (this.memo.has(node)) return this.memo.get(node);
      const info = compute();
      this.memo.set(node, info);
      return info;
    };
    return foldTree<Leaf, () => Info | undefined>(root, {
      and: (ops, node) => () => memoised(node, () => combine(ops.map((o) => o()), absAnd)),
      or: (ops, node) => () => memoised(node, () => combine(ops.map((o) => o()), absOr)),
      not: (op, node) => () => memoised(node, () => {
        const i = op();
        return i && { ...i, abs: i.abs && absNot(i.abs) };
      }),
      leaf: (l) => () => memoised(l, () => leaf(l)),
      invalid: () => () => undefined,
    })();
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
