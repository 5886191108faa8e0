/**
 * AST construction for the grammar's embedded actions (src/syntax/parser.ts):
 * one function per grammar rule, from the pieces that rule consumed or got
 * from its subrules, and the range of its real tokens.
 *
 * A rule runs these both when it completes and when error recovery stops it
 * part way (the parser then passes what it had so far, and `recovered`).
 * Wherever a piece the AST needs is missing, the enclosing test becomes an
 * `invalid` node or `null`; its diagnostic has already been reported by the
 * parser. A piece is `undefined` when its subrule never ran, `null` when it
 * ran and built nothing; a token inserted by recovery is not {@link real}.
 * These are the rules of the CST visitor they replace, case for case (the
 * reference test runs both on the same inputs).
 */
import type { IToken } from 'chevrotain';
import type { CompareOp, ElementFilter, Filter, Literal, SourceRange, Test } from '../ast/nodes.js';
import { tree, type BoolTree } from '../ast/tree.js';
import { TEXT_OPERATORS } from '../vocabulary/index.js';
import { decodeNumber, decodeQuotedName, decodeRegex, decodeString, type LineIndex } from './lexical.js';
import * as T from './tokens.js';

/** A token of the input (not one inserted by recovery, whose offset is NaN). */
export const real = (t: IToken | undefined): t is IToken => t !== undefined && t.startOffset >= 0;

/** A column as written. */
export interface Field {
  readonly name: string;
  readonly range: SourceRange;
}

/** A tail as the AST needs it: the test, and whether a `not` was written with it (`not in`, `is not null`). */
export interface Tail {
  readonly test: Test;
  readonly negated: boolean;
}

/** `a or b …` / `a and b …` of either level: the operands, or the one operand itself. */
export function chain<L>(operands: BoolTree<L>[], kind: 'and' | 'or', range: SourceRange | undefined): BoolTree<L> {
  if (operands.length === 0) return tree.invalid(range);
  if (operands.length === 1) return operands[0]!;
  return tree[kind](operands, range);
}

/** A `not` rule of either level: `not` over its operand, or the primary. */
export function negation<L>(not: IToken | undefined, operand: BoolTree<L> | undefined, primary: BoolTree<L> | undefined, range: SourceRange | undefined): BoolTree<L> {
  if (not !== undefined) return operand !== undefined ? tree.not(operand, range) : tree.invalid(range);
  return primary ?? tree.invalid(range);
}

/** `fieldRef`: a plain or backtick-quoted column name. */
export function fieldRef(name: IToken | undefined, lines: LineIndex): Field | null {
  if (!real(name)) return null;
  const value = name.tokenType === T.Identifier ? name.image : decodeQuotedName(name).value;
  return { name: value, range: lines.tokenRange(name) };
}

/** `condition`: `field [test]` or `modifier(field) test`. */
export function condition(
  modifier: IToken | undefined, field: Field | null | undefined, tail: Tail | null | undefined,
  recovered: boolean, range: SourceRange | undefined, lines: LineIndex,
): Filter {
  if (!field) return tree.invalid(range);
  if (modifier !== undefined && !real(modifier)) return tree.invalid(range);
  if (tail === undefined) {
    // A bare column is a boolean test: `is_dofollow` means `is_dofollow = true`.
    if (modifier !== undefined || recovered) return tree.invalid(range);
    const value: Literal = { kind: 'boolean', value: true, range: field.range };
    return { kind: 'condition', field, test: { kind: 'compare', op: 'eq', value, range: field.range }, range };
  }
  if (!tail) return tree.invalid(range);
  const node: Filter = modifier
    ? { kind: 'condition', field, modifier: { name: modifier.image, range: lines.tokenRange(modifier) }, test: tail.test, range }
    : { kind: 'condition', field, test: tail.test, range };
  return tail.negated ? tree.not(node, range) : node;
}

/** `listTest`: `any(field) …` / `all(field) …`. */
export function listTest(quantifier: IToken | undefined, field: Field | null | undefined, element: ElementFilter | null | undefined, range: SourceRange | undefined): Filter {
  if (!real(quantifier) || !field || !element) return tree.invalid(range);
  return { kind: 'list', quantifier: quantifier.tokenType === T.Any ? 'any' : 'all', field, element, range };
}

/** An element test, under a `not` (with `notRange`) when its tail was negated. */
export function elementTest(tail: Tail, notRange: SourceRange | undefined): ElementFilter {
  const test: ElementFilter = { kind: 'test', test: tail.test, range: tail.test.range };
  return tail.negated ? tree.not(test, notRange) : test;
}

/** `testTail`: a test, possibly negated by a `not` before its keyword. */
export function testTail(not: IToken | undefined, negatable: Test | null | undefined, plain: Tail | null | undefined): Tail | null {
  if (negatable !== undefined) return negatable && { test: negatable, negated: not !== undefined };
  return plain ?? null;
}

/** `plainTail`: `op value`, `is [not] null|empty`, or a negatable test. */
export function plainTail(
  op: IToken | undefined, value: Literal | null | undefined,
  is: IToken | undefined, not: IToken | undefined, nullOrEmpty: IToken | undefined,
  negatable: Test | null | undefined, range: SourceRange | undefined,
): Tail | null {
  if (real(op)) {
    const name = TEXT_OPERATORS.get(op.image);
    return value && name ? { test: { kind: 'compare', op: name, value, range }, negated: false } : null;
  }
  if (is !== undefined) {
    if (!real(nullOrEmpty)) return null;
    return { test: { kind: nullOrEmpty.tokenType === T.Null ? 'null' : 'empty', range }, negated: not !== undefined };
  }
  return negatable ? { test: negatable, negated: false } : null;
}

/** The operator a word test spells (`icontains phrase` → `iphrase_match`); undefined where recovery left a word out. */
function wordOperator(word: IToken, second: IToken | undefined, phrase: IToken | undefined): CompareOp | undefined {
  let words = word.tokenType.name.toLowerCase();
  if (phrase !== undefined) words += ' phrase';
  if (real(second) && second.tokenType === T.With) words += ' with';
  return TEXT_OPERATORS.get(words);
}

/**
 * `negatableTail`: the tests `not` may precede. `word` is the first keyword
 * (`in`, `between`, `contains`, `icontains`, `starts`, `ends`, `matches`);
 * `second` the closing `)` of `in`, the `and` of `between` or the `with` of
 * `starts` / `ends`; `first` the value (the low one of `between`), `high` the
 * high one; `values` those of `in`.
 */
export function negatableTail(
  word: IToken | undefined, second: IToken | undefined, phrase: IToken | undefined, pattern: IToken | undefined,
  first: Literal | null | undefined, high: Literal | null | undefined, values: (Literal | null)[] | undefined,
  range: SourceRange | undefined, lines: LineIndex,
): Test | null {
  if (word === undefined) return null;
  if (word.tokenType === T.In) {
    if (!real(second) || !values || values.length === 0 || values.some((v) => !v)) return null;
    return { kind: 'in', values: values as Literal[], range };
  }
  if (word.tokenType === T.Between) return first && high && real(second) ? { kind: 'between', low: first, high, range } : null;
  const op = wordOperator(word, second, phrase);
  if (op === 'regex') {
    if (!real(pattern)) return null;
    const value = pattern.tokenType === T.RegexLiteral || pattern.tokenType === T.UnterminatedRegex ? decodeRegex(pattern) : decodeString(pattern).value;
    return { kind: 'compare', op, value: { kind: 'regex', value, range: lines.tokenRange(pattern) }, range };
  }
  return first && op ? { kind: 'compare', op, value: first, range } : null;
}

/** `value`: a literal; a bare word is a string. */
export function literal(t: IToken | undefined, lines: LineIndex): Literal | null {
  if (!real(t)) return null;
  const range = lines.tokenRange(t);
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
    default: return null;
  }
}
