/**
 * AST → canonical filter text.
 *
 * The output parses back to the very same AST (ranges aside), so parentheses
 * are minimal but never drop structure: an `and` directly inside an `and`
 * keeps its parentheses, because its JSON differs from the flattened form.
 * Precedence is `not` > `and` > `or`.
 *
 * Layout: one line when it fits in `lineWidth` and holds no comment; else each
 * `and` / `or` operand goes on its own line with the operator leading, and a
 * parenthesised group that does not fit opens on one line and closes on its
 * own. Each comment is printed on its own line before the node that follows
 * it in the source (comments after the last node close the text).
 */
import { measureFilter } from '../ast/measure.js';
import type { Comment, ConditionNode, Document, ElementFilter, ElementTest, Filter, Literal, RowTest, Test } from '../ast/nodes.js';
import { foldTree, isBranch, isInvalid, type BoolTree } from '../ast/tree.js';
import { dateLiteralKind, isBareValue, isWordOperator, OPERATOR_TEXT, quoteName, quoteString } from '../vocabulary/index.js';

/** Options of {@link printFilter}. */
export interface PrintOptions {
  /** Break lines longer than this. Default 80. */
  readonly lineWidth?: number;
  /** Indentation of continued lines. Default two spaces. */
  readonly indent?: string;
}

// ---------------------------------------------------------------- words and literals

/** A double-quoted string literal with escapes; parses back to exactly `value`. */
export const quote = quoteString;

/** A column name: bare when it lexes as one identifier, else in backticks (with the string escapes). */
export const printName = quoteName;

/**
 * A pattern as `/…/` (with `/` written `\/`), or undefined when the slash form
 * cannot carry its bytes: a `\/` of its own (it would read back as `/`), a line
 * break, or a trailing lone backslash.
 */
function slashRegex(pattern: string): string | undefined {
  if (pattern.includes('\\/') || /[\r\n]/.test(pattern) || /(?:^|[^\\])(?:\\\\)*\\$/.test(pattern)) return undefined;
  return `/${pattern.replace(/\//g, '\\/')}/`;
}

function printNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/** One literal as the language writes it. */
export function printLiteral(lit: Literal): string {
  switch (lit.kind) {
    case 'string': return lit.bare && isBareValue(lit.value) ? lit.value : quote(lit.value);
    case 'number': return printNumber(lit.value);
    case 'boolean': return lit.value ? 'true' : 'false';
    case 'null': return 'null';
    case 'date': case 'datetime': return dateLiteralKind(lit.value) === lit.kind ? lit.value : quote(lit.value);
    case 'regex': return slashRegex(lit.value) ?? quote(lit.value);
  }
}

/** Tests written with `not` before their keyword (`not in`, `not contains`, …). */
function isNegatable(test: Test): boolean {
  if (test.kind === 'in' || test.kind === 'between') return true;
  return test.kind === 'compare' && isWordOperator(test.op);
}

/** A test tail: `>= 50`, `in ("a", "b")`, `is null`; `negated` writes `not in`, `is not null`. */
export function printTest(test: Test, negated = false): string {
  const not = negated ? 'not ' : '';
  switch (test.kind) {
    case 'null': return `is ${not}null`;
    case 'empty': return `is ${not}empty`;
    case 'in': return `${not}in (${test.values.map(printLiteral).join(', ')})`;
    case 'between': return `${not}between ${printLiteral(test.low)} and ${printLiteral(test.high)}`;
    case 'compare': {
      const value = test.op === 'regex' && test.value.kind === 'string' ? quote(test.value.value) : printLiteral(test.value);
      return `${not}${OPERATOR_TEXT[test.op]} ${value}`;
    }
  }
}

/** Whether `not` over this test prints as a tail (`x not in …`, `x is not null`). */
const foldsNot = (test: Test) => isNegatable(test) || test.kind === 'null' || test.kind === 'empty';

// ---------------------------------------------------------------- layout tree

/** What the layout engine arranges: text leaves, operator chains, `(…)` groups, prefixes (`not `, `any(f) `). */
type Lay =
  | { readonly t: 'leaf'; readonly text: string; readonly comments: readonly string[] }
  | { readonly t: 'chain'; readonly op: 'and' | 'or'; readonly items: readonly Lay[]; readonly comments: readonly string[] }
  | { readonly t: 'group'; readonly inner: Lay; readonly comments: readonly string[] }
  | { readonly t: 'prefix'; readonly text: string; readonly inner: Lay; readonly comments: readonly string[] };

/** Binding strength: 1 `or`, 2 `and`, 3 `not`, 4 a primary. */
interface Ranked {
  readonly lay: Lay;
  readonly prec: number;
}

type AnyNode = Filter | ElementFilter;

class LayBuilder {
  constructor(private readonly attached: ReadonlyMap<object, string[]>) {}

  private comments(...nodes: object[]): string[] {
    return nodes.flatMap((n) => this.attached.get(n) ?? []);
  }

  /** Wraps in parentheses when the operand binds less tightly than `min`. */
  private operand(r: Ranked, min: number): Lay {
    return r.prec >= min ? r.lay : { t: 'group', inner: r.lay, comments: [] };
  }

  /**
   * One layout walk for both levels of the tree: `leaf` lays out a leaf, and
   * `negated` a leaf under `not` when the negation folds into its tail
   * (`x not in …`, `not is_spam`), else undefined.
   */
  private tree<L extends RowTest | ElementTest>(node: BoolTree<L>, leaf: (leaf: L) => Ranked, negated: (not: object, leaf: L) => Ranked | undefined): Ranked {
    return foldTree<L, Ranked>(node, {
      and: (operands, n) => this.chain('and', operands, n),
      or: (operands, n) => this.chain('or', operands, n),
      not: (operand, n) => {
        const inner: BoolTree<L> = n.operand;
        const folded = !isBranch(inner) && !isInvalid(inner) ? negated(n, inner as L) : undefined;
        return folded ?? { lay: { t: 'prefix', text: 'not ', inner: this.operand(operand, 3), comments: this.comments(n) }, prec: 3 };
      },
      leaf,
      invalid: () => {
        throw new Error('Cannot print a tree with syntax errors.');
      },
    });
  }

  private chain(op: 'and' | 'or', operands: readonly Ranked[], node: object): Ranked {
    const prec = op === 'or' ? 1 : 2;
    const items = operands.map((o) => this.operand(o, prec + 1));
    return { lay: { t: 'chain', op, items, comments: this.comments(node) }, prec };
  }

  filter(node: Filter): Ranked {
    return this.tree<RowTest>(node, (leaf) => this.rowTest(leaf), (not, inner) => {
      if (inner.kind !== 'condition') return undefined;
      const head = this.head(inner);
      if (foldsNot(inner.test)) return this.leaf(`${head} ${printTest(inner.test, true)}`, 4, not, inner);
      return this.isBareBoolean(inner) ? this.leaf(`not ${head}`, 3, not, inner) : undefined;
    });
  }

  private rowTest(node: RowTest): Ranked {
    if (node.kind === 'condition') {
      const head = this.head(node);
      return this.leaf(this.isBareBoolean(node) ? head : `${head} ${printTest(node.test)}`, 4, node);
    }
    const lay: Lay = { t: 'prefix', text: `${node.quantifier}(${printName(node.field.name)}) `, inner: this.elementTop(node.element), comments: this.comments(node) };
    return { lay, prec: 4 };
  }

  private leaf(text: string, prec: number, ...nodes: object[]): Ranked {
    return { lay: { t: 'leaf', text, comments: this.comments(...nodes) }, prec };
  }

  private head(node: ConditionNode): string {
    const field = printName(node.field.name);
    return node.modifier ? `${node.modifier.name}(${field})` : field;
  }

  /** `x` alone means `x = true` (without a modifier, which needs a test after it). */
  private isBareBoolean(node: ConditionNode): boolean {
    const t = node.test;
    return !node.modifier && t.kind === 'compare' && t.op === 'eq' && t.value.kind === 'boolean' && t.value.value;
  }

  /** Right after `any(f) `: one tail (`not in …` included), else a parenthesised tree. */
  private elementTop(node: ElementFilter): Lay {
    const top = this.element(node);
    return top.prec === 4 ? top.lay : { t: 'group', inner: top.lay, comments: [] };
  }

  private element(node: ElementFilter): Ranked {
    return this.tree<ElementTest>(node, (leaf) => this.leaf(printTest(leaf.test), 4, leaf),
      (not, inner) => (foldsNot(inner.test) ? this.leaf(printTest(inner.test, true), 4, not, inner) : undefined));
  }
}

// ---------------------------------------------------------------- rendering

/** Comments printed where `lay` starts: its own, and those of the node that starts at the same place. */
function lead(lay: Lay): readonly string[] {
  switch (lay.t) {
    case 'leaf': case 'group': return lay.comments;
    case 'chain': return [...lay.comments, ...lead(lay.items[0]!)];
    case 'prefix': return [...lay.comments, ...lead(lay.inner)];
  }
}

function countComments(lay: Lay): number {
  switch (lay.t) {
    case 'leaf': return lay.comments.length;
    case 'chain': return lay.comments.length + lay.items.reduce((n, i) => n + countComments(i), 0);
    case 'group': case 'prefix': return lay.comments.length + countComments(lay.inner);
  }
}

function flat(lay: Lay): string {
  switch (lay.t) {
    case 'leaf': return lay.text;
    case 'chain': return lay.items.map(flat).join(` ${lay.op} `);
    case 'group': return `(${flat(lay.inner)})`;
    case 'prefix': return lay.text + flat(lay.inner);
  }
}

class Renderer {
  constructor(private readonly width: number, private readonly indent: string) {}

  private pad(level: number): string {
    return this.indent.repeat(level);
  }

  /** Comment lines at `level`, each followed by a line break. */
  comments(comments: readonly string[], level: number): string {
    return comments.map((c) => `${this.pad(level)}#${c}\n`).join('');
  }

  /**
   * `lay` starting at column `col` on a line indented `level` deep; its
   * leading comments are already printed. `hang` indents the continuation
   * lines of a chain one level deeper than its first operand (at the top and
   * after a prefix); inside a broken group they line up with it instead.
   */
  render(lay: Lay, col: number, level: number, hang: boolean): string {
    const text = flat(lay);
    if (countComments(lay) === lead(lay).length && col + text.length <= this.width) return text;
    switch (lay.t) {
      case 'leaf': return lay.text;
      case 'prefix': return lay.text + this.render(lay.inner, col + lay.text.length, level, true);
      case 'group': {
        const inner = level + 1;
        return `(\n${this.comments(lead(lay.inner), inner)}${this.pad(inner)}${this.render(lay.inner, this.pad(inner).length, inner, false)}\n${this.pad(level)})`;
      }
      case 'chain': {
        const next = hang ? level + 1 : level;
        let out = this.render(lay.items[0]!, col, level, true);
        for (const item of lay.items.slice(1)) {
          const start = `${this.pad(next)}${lay.op} `;
          out += `\n${this.comments(lead(item), next)}${start}${this.render(item, start.length, next, true)}`;
        }
        return out;
      }
    }
  }
}

// ---------------------------------------------------------------- comments

function preorder(node: AnyNode, out: AnyNode[]): void {
  out.push(node);
  switch (node.kind) {
    case 'and': case 'or': for (const o of node.operands) preorder(o, out); break;
    case 'not': preorder(node.operand, out); break;
    case 'list': preorder(node.element, out); break;
    default: break;
  }
}

/** Attaches each comment to the first node that starts after it; the rest trail. */
function attach(filter: Filter, comments: readonly Comment[]): { attached: Map<AnyNode, string[]>; trailing: string[] } {
  const attached = new Map<AnyNode, string[]>();
  const trailing: string[] = [];
  if (comments.length === 0) return { attached, trailing };
  const all: AnyNode[] = [];
  preorder(filter, all);
  // Stable sort by start: among nodes starting at one offset, the outermost (first in pre-order) wins.
  const nodes = all.filter((n) => n.range).sort((a, b) => a.range!.start.offset - b.range!.start.offset);
  for (const c of [...comments].sort((a, b) => a.range.start.offset - b.range.start.offset)) {
    const at = c.range.end.offset;
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nodes[mid]!.range!.start.offset >= at) hi = mid;
      else lo = mid + 1;
    }
    const target = nodes[lo];
    if (target) attached.set(target, [...(attached.get(target) ?? []), c.text]);
    else trailing.push(c.text);
  }
  return { attached, trailing };
}

/**
 * Prints a filter (or a parsed document, comments included) as canonical
 * text: lower-case keywords, double-quoted strings, minimal parentheses that
 * keep the AST exactly, long filters broken before `and` / `or`. Idempotent
 * through `parse`. Throws on a tree holding `invalid` nodes (text with syntax
 * errors has no canonical form; `format` returns such text unchanged).
 *
 * @example
 * printFilter(parse('DR>=50 AND ( is_dofollow )').document); // 'DR >= 50 and is_dofollow'
 */
/** Deepest tree the printer accepts (the parser and decompiler stop at 128 by default). */
const MAX_PRINT_DEPTH = 2000;

export function printFilter(doc: Document | Filter, options: PrintOptions = {}): string {
  const document: Document = 'kind' in doc ? { filter: doc, comments: [] } : doc;
  // The printer recurses; refuse trees no parser or decompiler would build rather than overflow the stack.
  if (document.filter && measureFilter(document.filter, MAX_PRINT_DEPTH).depth > MAX_PRINT_DEPTH) {
    throw new Error(`printFilter: the filter nests more than ${MAX_PRINT_DEPTH} levels deep; the entry points refuse such trees with nesting-too-deep.`);
  }
  const renderer = new Renderer(options.lineWidth ?? 80, options.indent ?? '  ');
  if (!document.filter) return document.comments.map((c) => `#${c.text}`).join('\n');
  const { attached, trailing } = attach(document.filter, document.comments);
  const root = new LayBuilder(attached).filter(document.filter).lay;
  const body = renderer.comments(lead(root), 0) + renderer.render(root, 0, 0, true);
  return [body, ...trailing.map((c) => `#${c}`)].join('\n');
}
