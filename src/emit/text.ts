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
import type { Comment, CompareOp, Document, ElementFilter, Filter, Literal, Test } from '../ast/nodes.js';
import { KEYWORDS } from '../syntax/tokens.js';

/** Options of {@link printFilter}. */
export interface PrintOptions {
  /** Break lines longer than this. Default 80. */
  readonly lineWidth?: number;
  /** Indentation of continued lines. Default two spaces. */
  readonly indent?: string;
}

// ---------------------------------------------------------------- words and literals

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** True when `word` lexes as one identifier token (not a keyword). */
function isPlainName(word: string): boolean {
  return NAME.test(word) && !KEYWORDS.has(word.toLowerCase());
}


/** Whether a code point is printed as a `\u{…}` escape: controls, line separators, lone surrogates. */
function needsEscape(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || (cp >= 0xd800 && cp <= 0xdfff);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** `value` between `delimiter`s, with escapes; parses back to exactly `value`. */
function quoteWith(value: string, delimiter: '"' | '`'): string {
  let out = delimiter;
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    out += ch === delimiter ? `\\${ch}` : SHORT_ESCAPES[ch] ?? (needsEscape(cp) ? `\\u{${cp.toString(16).toUpperCase()}}` : ch);
  }
  return out + delimiter;
}

/** A double-quoted string literal with escapes; parses back to exactly `value`. */
export function quote(value: string): string {
  return quoteWith(value, '"');
}

/** A column name: bare when it lexes as one identifier, else in backticks (with the string escapes). */
export function printName(name: string): string {
  return isPlainName(name) ? name : quoteWith(name, '`');
}

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
    case 'string': return lit.bare && isPlainName(lit.value) ? lit.value : quote(lit.value);
    case 'number': return printNumber(lit.value);
    case 'boolean': return lit.value ? 'true' : 'false';
    case 'null': return 'null';
    case 'date': return DATE.test(lit.value) ? lit.value : quote(lit.value);
    case 'datetime': return DATETIME.test(lit.value) ? lit.value : quote(lit.value);
    case 'regex': return slashRegex(lit.value) ?? quote(lit.value);
  }
}

const OPERATORS: Readonly<Record<CompareOp, string>> = {
  eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=',
  substring: 'contains', isubstring: 'icontains', phrase_match: 'contains phrase', iphrase_match: 'icontains phrase',
  prefix: 'starts with', suffix: 'ends with', regex: 'matches',
};

/** Tests written with `not` before their keyword (`not in`, `not contains`, …). */
function isNegatable(test: Test): boolean {
  if (test.kind === 'in' || test.kind === 'between') return true;
  return test.kind === 'compare' && !['eq', 'neq', 'gt', 'gte', 'lt', 'lte'].includes(test.op);
}

/** A test tail: `>= 50`, `in ("a", "b")`, `is null`; `negated` writes `not in`, `is not null`. */
function printTest(test: Test, negated = false): string {
  const not = negated ? 'not ' : '';
  switch (test.kind) {
    case 'null': return `is ${not}null`;
    case 'empty': return `is ${not}empty`;
    case 'in': return `${not}in (${test.values.map(printLiteral).join(', ')})`;
    case 'between': return `${not}between ${printLiteral(test.low)} and ${printLiteral(test.high)}`;
    case 'compare': {
      const value = test.op === 'regex' && test.value.kind === 'string' ? quote(test.value.value) : printLiteral(test.value);
      return `${not}${OPERATORS[test.op]} ${value}`;
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
  constructor(private readonly attached: ReadonlyMap<AnyNode, string[]>) {}

  private comments(...nodes: AnyNode[]): string[] {
    return nodes.flatMap((n) => this.attached.get(n) ?? []);
  }

  /** Wraps in parentheses when the operand binds less tightly than `min`. */
  private operand(r: Ranked, min: number): Lay {
    return r.prec >= min ? r.lay : { t: 'group', inner: r.lay, comments: [] };
  }

  filter(node: Filter): Ranked {
    switch (node.kind) {
      case 'and': case 'or': {
        const prec = node.kind === 'or' ? 1 : 2;
        const items = node.operands.map((o) => this.operand(this.filter(o), prec + 1));
        return { lay: { t: 'chain', op: node.kind, items, comments: this.comments(node) }, prec };
      }
      case 'not': {
        const inner = node.operand;
        if (inner.kind === 'condition') {
          const head = this.head(inner);
          if (foldsNot(inner.test)) return this.leaf(`${head} ${printTest(inner.test, true)}`, 4, node, inner);
          if (this.isBareBoolean(inner)) return this.leaf(`not ${head}`, 3, node, inner);
        }
        const lay: Lay = { t: 'prefix', text: 'not ', inner: this.operand(this.filter(inner), 3), comments: this.comments(node) };
        return { lay, prec: 3 };
      }
      case 'condition': {
        const head = this.head(node);
        return this.leaf(this.isBareBoolean(node) ? head : `${head} ${printTest(node.test)}`, 4, node);
      }
      case 'list': {
        const lay: Lay = { t: 'prefix', text: `${node.quantifier}(${printName(node.field.name)}) `, inner: this.elementTop(node.element), comments: this.comments(node) };
        return { lay, prec: 4 };
      }
      case 'invalid':
        throw new Error('Cannot print a tree with syntax errors.');
    }
  }

  private leaf(text: string, prec: number, ...nodes: AnyNode[]): Ranked {
    return { lay: { t: 'leaf', text, comments: this.comments(...nodes) }, prec };
  }

  private head(node: Extract<Filter, { kind: 'condition' }>): string {
    const field = printName(node.field.name);
    return node.modifier ? `${node.modifier.name}(${field})` : field;
  }

  /** `x` alone means `x = true` (without a modifier, which needs a test after it). */
  private isBareBoolean(node: Extract<Filter, { kind: 'condition' }>): boolean {
    const t = node.test;
    return !node.modifier && t.kind === 'compare' && t.op === 'eq' && t.value.kind === 'boolean' && t.value.value;
  }

  /** Right after `any(f) `: one tail (`not in …` included), else a parenthesised tree. */
  private elementTop(node: ElementFilter): Lay {
    if (node.kind === 'test') return this.leaf(printTest(node.test), 4, node).lay;
    if (node.kind === 'not' && node.operand.kind === 'test' && foldsNot(node.operand.test)) {
      return this.leaf(printTest(node.operand.test, true), 4, node, node.operand).lay;
    }
    return { t: 'group', inner: this.element(node).lay, comments: [] };
  }

  private element(node: ElementFilter): Ranked {
    switch (node.kind) {
      case 'and': case 'or': {
        const prec = node.kind === 'or' ? 1 : 2;
        const items = node.operands.map((o) => this.operand(this.element(o), prec + 1));
        return { lay: { t: 'chain', op: node.kind, items, comments: this.comments(node) }, prec };
      }
      case 'not': {
        const inner = node.operand;
        if (inner.kind === 'test' && foldsNot(inner.test)) return this.leaf(printTest(inner.test, true), 3, node, inner);
        return { lay: { t: 'prefix', text: 'not ', inner: this.operand(this.element(inner), 3), comments: this.comments(node) }, prec: 3 };
      }
      case 'test':
        return this.leaf(printTest(node.test), 4, node);
      case 'invalid':
        throw new Error('Cannot print a tree with syntax errors.');
    }
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
