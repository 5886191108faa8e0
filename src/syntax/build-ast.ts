/**
 * CST → AST: a plain visitor, one function per grammar rule.
 *
 * The CST may be partial where the parser recovered from an error: a rule's
 * node can lack children, or hold a token inserted by recovery (offset NaN).
 * Wherever a piece the AST needs is missing, the enclosing test becomes an
 * `invalid` node; its diagnostic has already been reported by the parser.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { CompareOp, ElementFilter, Filter, Literal, SourceRange, Test } from '../ast/nodes.js';
import { decodeNumber, decodeQuotedName, decodeRegex, decodeString, type LineIndex } from './lexical.js';
import * as T from './tokens.js';

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

const COMPARE_OPS = new Map<unknown, CompareOp>([
  [T.Eq, 'eq'], [T.Neq, 'neq'], [T.Gt, 'gt'], [T.Gte, 'gte'], [T.Lt, 'lt'], [T.Lte, 'lte'],
]);

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

  private invalid(node: CstNode): Filter & ElementFilter {
    const range = this.range(node);
    return range ? { kind: 'invalid', range } : { kind: 'invalid' };
  }

  // ------------------------------------------------------------ boolean trees

  /** `filter` / `orExpr`: the whole tree, or an `invalid` node where recovery left nothing. */
  filter(node: CstNode): Filter {
    const inner = node.name === 'filter' ? nodes(node, 'orExpr')[0] : node;
    return inner ? this.chain(inner, 'or') : this.invalid(node);
  }

  private chain(node: CstNode, kind: 'or' | 'and'): Filter {
    const parts = nodes(node, kind === 'or' ? 'andExpr' : 'notExpr');
    const operands = parts.map((p) => (kind === 'or' ? this.chain(p, 'and') : this.not(p)));
    if (operands.length === 0) return this.invalid(node);
    if (operands.length === 1) return operands[0]!;
    return { kind, operands, range: this.range(node) };
  }

  private not(node: CstNode): Filter {
    if (node.children.Not) {
      const operand = nodes(node, 'notExpr')[0];
      return operand ? { kind: 'not', operand: this.not(operand), range: this.range(node) } : this.invalid(node);
    }
    const primary = nodes(node, 'primary')[0];
    return primary ? this.primary(primary) : this.invalid(node);
  }

  private primary(node: CstNode): Filter {
    const group = nodes(node, 'orExpr')[0];
    if (group) return this.chain(group, 'or');
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
    return tail.negated ? { kind: 'not', operand: condition, range } : condition;
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
    if (group) return this.elementChain(group, 'or');
    const tailNode = nodes(node, 'testTail')[0];
    const tail = tailNode && this.testTail(tailNode);
    if (!tail) return undefined;
    const range = this.range(node);
    const test: ElementFilter = { kind: 'test', test: tail.test, range: tail.test.range };
    return tail.negated ? { kind: 'not', operand: test, range } : test;
  }

  private elementChain(node: CstNode, kind: 'or' | 'and'): ElementFilter {
    const parts = nodes(node, kind === 'or' ? 'elementAnd' : 'elementNot');
    const operands = parts.map((p) => (kind === 'or' ? this.elementChain(p, 'and') : this.elementNot(p)));
    if (operands.length === 0) return this.invalid(node);
    if (operands.length === 1) return operands[0]!;
    return { kind, operands, range: this.range(node) };
  }

  private elementNot(node: CstNode): ElementFilter {
    if (node.children.Not) {
      const operand = nodes(node, 'elementNot')[0];
      return operand ? { kind: 'not', operand: this.elementNot(operand), range: this.range(node) } : this.invalid(node);
    }
    const primary = nodes(node, 'elementPrimary')[0];
    if (!primary) return this.invalid(node);
    const group = nodes(primary, 'elementOr')[0];
    if (group) return this.elementChain(group, 'or');
    const plain = nodes(primary, 'plainTail')[0];
    const tail = plain && this.plainTail(plain);
    if (!tail) return this.invalid(primary);
    const test: ElementFilter = { kind: 'test', test: tail.test, range: tail.test.range };
    // `is not null` / `is not empty` inside the tree.
    return tail.negated ? { kind: 'not', operand: test, range: this.range(node) } : test;
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
      const name = COMPARE_OPS.get(op.tokenType);
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
    if (node.children.Matches) {
      const regex = token(node, 'RegexToken');
      const quoted = token(node, 'StringToken');
      const source = regex ?? quoted;
      if (!source) return undefined;
      const value = regex ? decodeRegex(regex) : decodeString(quoted!).value;
      return { kind: 'compare', op: 'regex', value: { kind: 'regex', value, range: this.lines.tokenRange(source) }, range };
    }
    const value = this.value(nodes(node, 'value')[0]);
    if (!value) return undefined;
    let op: CompareOp | undefined;
    const phrase = node.children.Phrase !== undefined;
    if (node.children.Contains) op = phrase ? 'phrase_match' : 'substring';
    else if (node.children.IContains) op = phrase ? 'iphrase_match' : 'isubstring';
    else if (node.children.Starts) op = token(node, 'With') ? 'prefix' : undefined;
    else if (node.children.Ends) op = token(node, 'With') ? 'suffix' : undefined;
    return op && { kind: 'compare', op, value, range };
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
