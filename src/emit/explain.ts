/**
 * Explanations: why a row does or does not match. Each node of the filter
 * gets its three-valued result, the column value it read and a short text;
 * {@link renderExplanation} prints the tree with ✓ ✗ ? marks.
 *
 * Not a hot path: leaves are compiled with the predicate's own compiler (so
 * an explanation can never disagree with `evaluate`), and inner nodes combine
 * their children by Kleene logic without short-circuiting, so that every
 * branch is shown.
 */
import type { Filter, RowTest, Test } from '../ast/nodes.js';
import { foldTree, type BoolTree } from '../ast/tree.js';
import { kleeneAnd, kleeneNot, kleeneOr, type Truth } from '../semantics/logic.js';
import { escapeForTerminal } from '../diagnostics/render.js';
import { printFilter, printTest } from './text.js';
import { isArraySafe, someElements, VALUE_TEXT_LENGTH, valueText } from './value-text.js';
import { clipText, errorText } from '../vocabulary/index.js';
import { compileElement, compileRowTest } from './predicate-closures.js';
import { BUILD_ERRORS, field, PredicateBuildError, readColumn, type Polar, type PredicateContext, type Row } from './predicate-core.js';

/** One node of an explanation. */
export interface ExplainNode {
  readonly kind: 'and' | 'or' | 'not' | 'condition' | 'list' | 'element' | 'test';
  /** The node's value for the row: `true`, `false`, or `null` (unknown). */
  readonly value: Truth;
  /** The node in short query-like text, such as `domain_rating_source >= 50`. */
  readonly text: string;
  /** The API name of the column a condition or list reads. */
  readonly field?: string;
  /** The value read (the column's, or an array element's); absent when `absent` is true, or when reading it threw (see `error`). */
  readonly read?: unknown;
  /** True when the row has no such column (read as null). */
  readonly absent?: boolean;
  /**
   * Set when testing the value threw (a getter or proxy trap of the row's
   * value, such as a revoked proxy in an array column): the error's text.
   * The node is then unknown; `evaluate` and the predicate throw that error.
   */
  readonly error?: string;
  readonly children: readonly ExplainNode[];
}

/** The explanation of one row. */
export interface Explanation {
  /** The filter's value: a row matches only when it is `true`. */
  readonly value: Truth;
  readonly matches: boolean;
  readonly root: ExplainNode;
}

/** At most this many elements of an array are explained one by one. */
const MAX_ELEMENTS = 50;

/** Labels are printed on one line, whatever their length (the CLI prints one node per line). */
const ONE_LINE = { lineWidth: Number.MAX_SAFE_INTEGER } as const;

/**
 * The test as text, after the subject (`>= 50`, `is null`, `in (a, b)`):
 * the text printer's own wording (src/emit/text.ts), so that a label always
 * reads as the language and parses back to the same test.
 */
export function testText(test: Test): string {
  return printTest(test);
}

/** A row test as the language writes it, naming the column by its API name (`DR >= 50` is labelled `domain_rating_source >= 50`). */
function rowTestText(node: RowTest, apiName: string): string {
  return printFilter({ ...node, field: { ...node.field, name: apiName } }, ONE_LINE);
}

export { valueText } from './value-text.js';

function truth<X>(p: Polar<X>, x: X): Truth {
  return p.t(x) ? true : p.f(x) ? false : null;
}

/**
 * A leaf's value on a row value. Row values are data of any shape, and
 * explain shows them without throwing (docs/api.md): when testing one throws
 * (a revoked proxy, a throwing element getter or `length` trap, which the
 * tests reach through Array.isArray and indexing), the node is unknown and
 * carries the error, which the rendering prints; nothing is dropped.
 */
function tested<X>(p: Polar<X>, x: X): { value: Truth; error?: string } {
  try {
    return { value: truth(p, x) };
  } catch (error) {
    if (error instanceof PredicateBuildError) throw error; // the filter's problem, not the row's: reported by the caller
    return { value: null, error: errorText(error) };
  }
}

/**
 * The boolean structure, the same at both levels (the row's tree, and an
 * element's inside `any` / `all`): Kleene logic over every child, with no
 * short-circuit, so that every branch is shown.
 */
function explainTree<L>(node: BoolTree<L>, leaf: (leaf: L) => ExplainNode): ExplainNode {
  return foldTree<L, ExplainNode>(node, {
    and: (children) => ({ kind: 'and', value: kleeneAnd(children.map((c) => c.value)), text: 'and', children }),
    or: (children) => ({ kind: 'or', value: kleeneOr(children.map((c) => c.value)), text: 'or', children }),
    not: (child) => ({ kind: 'not', value: kleeneNot(child.value), text: 'not', children: [child] }),
    leaf,
    invalid: () => {
      throw new PredicateBuildError(BUILD_ERRORS.invalid);
    },
  });
}

/** A condition, or `any` / `all` with each element explained (the first {@link MAX_ELEMENTS}). */
function explainRowTest(node: RowTest, ctx: PredicateContext, row: Row): ExplainNode {
  const f = field(node.field, ctx);
  let read: unknown;
  let readError: string | undefined;
  try {
    read = readColumn(row, f.apiName);
  } catch (error) {
    // A path step into an object column (a revoked proxy, a throwing own-property trap): shown as unreadable, with the error.
    readError = errorText(error);
  }
  const { value, error } = readError === undefined ? tested(compileRowTest(node, ctx), row) : { value: null, error: readError };
  const failed = error === undefined ? {} : { error };
  if (readError !== undefined) {
    return { kind: node.kind, value, text: rowTestText(node, f.apiName), field: f.apiName, ...failed, children: [] };
  }
  if (node.kind === 'condition') {
    return { kind: 'condition', value, text: rowTestText(node, f.apiName), field: f.apiName, ...readFields(read), ...failed, children: [] };
  }
  const children: ExplainNode[] = [];
  const elements = isArraySafe(read) ? someElements(read as readonly unknown[], MAX_ELEMENTS) : { items: [], length: 0 };
  for (let i = 0; i < elements.items.length; i++) {
    const element = elements.items[i];
    const inner = explainTree(node.element, (leaf) => {
      const result = tested(compileElement(leaf, f.type, ctx.dialect), element);
      return { kind: 'test', ...result, text: `element ${testText(leaf.test)}`, read: element, children: [] };
    });
    children.push({ kind: 'element', value: inner.value, text: `[${i}] ${valueText(element)}`, read: element, children: inner.kind === 'test' ? [] : [inner] });
  }
  const more = elements.length > elements.items.length ? ` (first ${MAX_ELEMENTS} of ${elements.length} elements shown)` : '';
  return { kind: 'list', value, text: `${rowTestText(node, f.apiName)}${more}`, field: f.apiName, ...readFields(read), ...failed, children };
}

function readFields(read: unknown): { read?: unknown; absent?: boolean } {
  return read === undefined ? { absent: true } : { read };
}

/** Explains how a checked filter evaluates on one row. */
export function explainFilter(filter: Filter, ctx: PredicateContext, row: Row): Explanation {
  const root = explainTree(filter, (leaf) => explainRowTest(leaf, ctx, row));
  return { value: root.value, matches: root.value === true, root };
}

const MARK = { true: '✓', false: '✗', null: '?' } as const;

/**
 * The explanation as an indented tree, one node per line: `✓` true, `✗`
 * false, `?` unknown, with the value each condition read.
 *
 * @example
 * renderExplanation(explain('DR >= 50 and alt is null', { domain_rating_source: 60, alt: 'x' }));
 * // no match (false)
 * // ✗ and
 * //   ✓ domain_rating_source >= 50    ← 60
 * //   ✗ alt is null    ← "x"
 */
export function renderExplanation(explanation: Explanation): string {
  const lines = [explanation.matches ? 'match (true)' : `no match (${explanation.value === null ? 'unknown' : 'false'})`];
  const visit = (node: ExplainNode, depth: number) => {
    const mark = MARK[String(node.value) as 'true' | 'false' | 'null'];
    // Neither `read` nor `absent`: reading the column threw (its error says why).
    const column = node.absent ? 'absent' : !('read' in node) && node.error !== undefined ? '<unreadable>' : valueText(node.read);
    const shown = node.kind === 'condition' || node.kind === 'list' ? `    ← ${column}` : node.kind === 'test' ? `    ← ${valueText(node.read)}` : '';
    const read = node.error === undefined ? shown : `${shown} (testing it threw ${clipText(node.error, VALUE_TEXT_LENGTH)})`;
    // Labels hold the query's literals and `read` the row's values: both are escaped for the terminal.
    lines.push(escapeForTerminal(`${'  '.repeat(depth)}${mark} ${node.text}${read}`));
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(explanation.root, 0);
  return lines.join('\n');
}
