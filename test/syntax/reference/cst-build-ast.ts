/**
 * REFERENCE ONLY (see cst-parser.ts): the CST visitor as it was.
 *
 * CST → AST: a plain visitor, one function per grammar rule.
 *
 * The CST may be partial where the parser recovered from an error: a rule's
 * node can lack children, or hold a token inserted by recovery (offset NaN).
 * Wherever a piece the AST needs is missing, the enclosing test becomes an
 * `invalid` node; its diagnostic has already been reported by the parser.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { CompareOp, ElementFilter, ElementTest, Filter, Literal, RowTest, SourceRange, Test } from '../../../src/ast/nodes.js';
import { tree, type BoolTree, type InvalidNode } from '../../../src/ast/tree.js';
import { TEXT_OPERATORS } from '../../../src/vocabulary/index.js';
import { decodeNumber, decodeQuotedName, decodeRegex, decodeString, type LineIndex } from '../../../src/syntax/lexical.js';
import * as T from '../../../src/syntax/tokens.js';

type Child = CstNode | IToken;

const isToken = (c: Child): c is IToken => 'image' in c;
const real = (t: IToken | undefined): t is IToken => t !== undefined && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);

function nodes(node: CstNode, key: string): CstNode[] {
  return (node.children[key] ?? []).filter((c): c is CstNode => !isToken(c));
}

function token(node: CstNode, key: string): IToken | undefined {
  const t = node.children[key]?.[0];
  return t && isToken(t) && real(t) ? t : undefined;
}

/** A tail as the AST needs it: the test, and whether a `not` was written with it (`not in`, `is not null`). */
interface Tail {
  readonly test: Test;
  readonly negated: boolean;
}

/**
 * The CST rules of one level of boolean tree: rows (`orExpr` → `andExpr` →
 * `notExpr`) or the elements inside `any(…)` / `all(…)` (`elementOr` → …).
 * Both levels have the same shape, so one set of functions builds both.
 */
interface Level<L> {
  readonly or: string;
  readonly and: string;
  readonly not: string;
  /** The operand of a `not`-rule node that has no `not`: a primary, built as a tree of this level. */
  readonly operand: (node: CstNode) => BoolTree<L>;
}

/** The keyword tokens that spell a word operator, in the order they are written (`icontains phrase`, `starts with`). */
const OPERATOR_WORDS = ['Contains', 'IContains', 'Starts', 'Ends', 'Matches'] as const;

/** Builds AST nodes from one CST, with ranges from `lines`. */
export class AstBuilder {
  /**
   * @param recovered true when the parser recovered from errors: then node
   *   locations may count inserted tokens, so ranges come from a walk over real tokens.
   */
  constructor(
    private readonly lines: LineIndex,
    private readonly recovered = false,
  ) {}

  /** First and last real token offsets of a CST subtree, or undefined when it holds none. */
  private bounds(node: CstNode): [number, number] | undefined {
    // Chevrotain tracks offsets per node (endOffset inclusive); tokens inserted by
    // recovery have NaN offsets, and then the subtree is walked instead.
    const loc = node.location;
    if (!this.recovered && loc && Number.isFinite(loc.startOffset) && Number.isFinite(loc.endOffset)) {
      return [loc.startOffset, loc.endOffset! + 1];
    }
    return this.walkBounds(node);
  }

  private walkBounds(node: CstNode): [number, number] | undefined {
    let start = Infinity;
    let end = -Infinity;
    const stack: Child[] = [node];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (isToken(c)) {
        if (!real(c)) continue;
        start = Math.min(start, c.startOffset);
        end = Math.max(end, c.startOffset + c.image.length);
      } else {
        for (const list of Object.values(c.children)) stack.push(...list);
      }
    }
    return start <= end ? [start, end] : undefined;
  }

  private range(node: CstNode): SourceRange | undefined {
    const b = this.bounds(node);
    return b ? this.lines.range(b[0], b[1]) : undefined;
  }

  private invalid(node: CstNode): InvalidNode {
    return tree.invalid(this.range(node));
  }

  // ------------------------------------------------------------ boolean trees (both levels)

  private readonly rows: Level<RowTest> = {
    or: 'orExpr', and: 'andExpr', not: 'notExpr',
    operand: (node) => {
      const primary = nodes(node, 'primary')[0];
      return primary ? this.primary(primary) : this.invalid(node);
    },
  };

  private readonly elements: Level<ElementTest> = {
    or: 'elementOr', and: 'elementAnd', not: 'elementNot',
    operand: (node) => {
      const primary = nodes(node, 'elementPrimary')[0];
      return primary ? this.elementPrimary(primary) : this.invalid(node);
    },
  };

  /** `filter` / `orExpr`: the whole tree, or an `invalid` node where recovery left nothing. */
  filter(node: CstNode): Filter {
    const inner = node.name === 'filter' ? nodes(node, 'orExpr')[0] : node;
    return inner ? this.chain(inner, this.rows, 'or') : this.invalid(node);
  }

  /** An `or` or `and` rule of either level: its operands, or the one operand itself. */
  private chain<L>(node: CstNode, level: Level<L>, kind: 'or' | 'and'): BoolTree<L> {
    const parts = nodes(node, kind === 'or' ? level.and : level.not);
    const operands = parts.map((p) => (kind === 'or' ? this.chain(p, level, 'and') : this.not(p, level)));
    if (operands.length === 0) return this.invalid(node);
    if (operands.length === 1) return operands[0]!;
    return tree[kind](operands, this.range(node));
  }

  /** A `not` rule of either level: `not` over its operand, or the primary. */
  private not<L>(node: CstNode, level: Level<L>): BoolTree<L> {
    if (node.children.Not) {
      const operand = nodes(node, level.not)[0];
      return operand ? tree.not(this.not(operand, level), this.range(node)) : this.invalid(node);
    }
    return level.operand(node);
  }

  private primary(node: CstNode): Filter {
    const group = nodes(node, 'orExpr')[0];
    if (group) return this.chain(group, this.rows, 'or');
    const list = nodes(node, 'listTest')[0];
    if (list) return this.list(list);
    const condition = nodes(node, 'condition')[0];
    if (condition) return this.condition(condition);
    return this.invalid(node);
  }

  private fieldName(node: CstNode | undefined): { name: string; range: SourceRange } | undefined {
    if (!node) return undefined;
    const plain = token(node, 'Identifier');
    if (plain) return { name: plain.image, range: this.lines.tokenRange(plain) };
    const quoted = token(node, 'QuotedName');
    if (quoted) return { name: decodeQuotedName(quoted).value, range: this.lines.tokenRange(quoted) };
    return undefined;
  }

  private condition(node: CstNode): Filter {
    const field = this.fieldName(nodes(node, 'fieldRef')[0]);
    if (!field) return this.invalid(node);
    const range = this.range(node);
    const modifierToken = token(node, 'modifier');
    const tailNode = nodes(node, 'testTail')[0];
    if (node.children.modifier && !modifierToken) return this.invalid(node);
    if (!tailNode) {
      // A bare column is a boolean test: `is_dofollow` means `is_dofollow = true`.
      if (modifierToken || node.recoveredNode) return this.invalid(node);
      const value: Literal = { kind: 'boolean', value: true, range: field.range };
      return { kind: 'condition', field, test: { kind: 'compare', op: 'eq', value, range: field.range }, range };
    }
    const tail = this.testTail(tailNode);
    if (!tail) return this.invalid(node);
    const condition: Filter = modifierToken
      ? { kind: 'condition', field, modifier: { name: modifierToken.image, range: this.lines.tokenRange(modifierToken) }, test: tail.test, range }
      : { kind: 'condition', field, test: tail.test, range };
    return tail.negated ? tree.not(condition, range) : condition;
  }

  private list(node: CstNode): Filter {
    const quantifier = token(node, 'Any') ? 'any' : token(node, 'All') ? 'all' : undefined;
    const field = this.fieldName(nodes(node, 'fieldRef')[0]);
    const top = nodes(node, 'elementTop')[0];
    const element = top ? this.elementTop(top) : undefined;
    if (!quantifier || !field || !element) return this.invalid(node);
    return { kind: 'list', quantifier, field, element, range: this.range(node) };
  }

  // ------------------------------------------------------------ element trees

  private elementTop(node: CstNode): ElementFilter | undefined {
    const group = nodes(node, 'elementOr')[0];
    if (group) return this.chain(group, this.elements, 'or');
    const tailNode = nodes(node, 'testTail')[0];
    const tail = tailNode && this.testTail(tailNode);
    return tail && this.elementTest(tail, this.range(node));
  }

  private elementPrimary(node: CstNode): ElementFilter {
    const group = nodes(node, 'elementOr')[0];
    if (group) return this.chain(group, this.elements, 'or');
    const plain = nodes(node, 'plainTail')[0];
    const tail = plain && this.plainTail(plain);
    // `is not null` / `is not empty` inside the tree (this primary spans the same text as the `not` rule around it).
    return tail ? this.elementTest(tail, this.range(node)) : this.invalid(node);
  }

  /** An element test, under a `not` (with `notRange`) when its tail was negated. */
  private elementTest(tail: Tail, notRange: SourceRange | undefined): ElementFilter {
    const test: ElementFilter = { kind: 'test', test: tail.test, range: tail.test.range };
    return tail.negated ? tree.not(test, notRange) : test;
  }

  // ------------------------------------------------------------ tests

  private testTail(node: CstNode): Tail | undefined {
    const negatable = nodes(node, 'negatableTail')[0];
    if (negatable) {
      const test = this.negatableTail(negatable);
      return test && { test, negated: node.children.Not !== undefined };
    }
    const plain = nodes(node, 'plainTail')[0];
    return plain && this.plainTail(plain);
  }

  private plainTail(node: CstNode): Tail | undefined {
    const range = this.range(node);
    const op = token(node, 'CompareOperator');
    if (op) {
      const value = this.value(nodes(node, 'value')[0]);
      const name = TEXT_OPERATORS.get(op.image);
      return value && name ? { test: { kind: 'compare', op: name, value, range }, negated: false } : undefined;
    }
    if (node.children.Is) {
      const negated = node.children.Not !== undefined;
      if (token(node, 'Null')) return { test: { kind: 'null', range }, negated };
      if (token(node, 'Empty')) return { test: { kind: 'empty', range }, negated };
      return undefined;
    }
    const negatable = nodes(node, 'negatableTail')[0];
    const test = negatable && this.negatableTail(negatable);
    return test ? { test, negated: false } : undefined;
  }

  private negatableTail(node: CstNode): Test | undefined {
    const range = this.range(node);
    if (node.children.In) {
      if (!token(node, 'RParen')) return undefined;
      const values = nodes(node, 'value').map((v) => this.value(v));
      if (values.length === 0 || !values.every((v): v is Literal => v !== undefined)) return undefined;
      return { kind: 'in', values, range };
    }
    if (node.children.Between) {
      const low = this.value(nodes(node, 'low')[0]);
      const high = this.value(nodes(node, 'high')[0]);
      return low && high && token(node, 'And') ? { kind: 'between', low, high, range } : undefined;
    }
    const op = this.wordOperator(node);
    if (op === 'regex') {
      const regex = token(node, 'RegexToken');
      const quoted = token(node, 'StringToken');
      const source = regex ?? quoted;
      if (!source) return undefined;
      const value = regex ? decodeRegex(regex) : decodeString(quoted!).value;
      return { kind: 'compare', op, value: { kind: 'regex', value, range: this.lines.tokenRange(source) }, range };
    }
    const value = this.value(nodes(node, 'value')[0]);
    return value && op && { kind: 'compare', op, value, range };
  }

  /**
   * The operator a word test spells (`icontains phrase` → `iphrase_match`), read
   * from the vocabulary's spellings; undefined where recovery left a word out
   * (`starts` without `with`). Keyword token names are their words capitalised.
   */
  private wordOperator(node: CstNode): CompareOp | undefined {
    const first = OPERATOR_WORDS.find((key) => node.children[key] !== undefined);
    if (!first) return undefined;
    let words = first.toLowerCase();
    if (node.children.Phrase) words += ' phrase';
    if (token(node, 'With')) words += ' with';
    return TEXT_OPERATORS.get(words);
  }

  /** A literal from a `value` node; undefined where recovery left the value out. */
  private value(node: CstNode | undefined): Literal | undefined {
    if (!node) return undefined;
    // The value rule holds exactly one token; find it without building arrays (this runs for every literal).
    let t: IToken | undefined;
    for (const key in node.children) {
      const first = node.children[key]![0];
      if (first && isToken(first)) { t = first; break; }
    }
    if (!real(t)) return undefined;
    const range = this.lines.tokenRange(t);
    switch (t.tokenType) {
      case T.StringLiteral: case T.UnterminatedString: return { kind: 'string', value: decodeString(t).value, bare: false, range };
      case T.Identifier: return { kind: 'string', value: t.image, bare: true, range };
      case T.NumberLiteral: return { kind: 'number', value: decodeNumber(t.image).value, range };
      case T.DateLiteral: return { kind: 'date', value: t.image, range };
      case T.DateTimeLiteral: return { kind: 'datetime', value: t.image, range };
      case T.RegexLiteral: case T.UnterminatedRegex: return { kind: 'regex', value: decodeRegex(t), range };
      case T.True: return { kind: 'boolean', value: true, range };
      case T.False: return { kind: 'boolean', value: false, range };
      case T.Null: return { kind: 'null', range };
      default: return undefined;
    }
  }
}
