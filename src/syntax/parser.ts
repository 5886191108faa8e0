/**
 * The grammar of the filter language, as a Chevrotain parser whose embedded
 * actions build the AST directly (src/syntax/build-ast.ts), without a CST.
 *
 * `grammar/where.ebnf` is the same grammar in W3C EBNF; keep the two in step
 * (rule names match). Precedence is encoded by the rule layering:
 * `orExpr` → `andExpr` → `notExpr` → `primary`. The tree inside `any(…)` /
 * `all(…)` has the same layering over test tails.
 *
 * Error recovery is on, and a recovered parse builds the tree a CST visitor
 * would have built from the partial CST: every rule keeps what it consumed
 * in its frame (src/syntax/rule-frames.ts), and when a recognition error
 * stops it, its `catch` builds the rule's result from those pieces (and from
 * the partial result of the subrule that failed), which becomes the value
 * Chevrotain's recovery returns or the failed subrule's piece in the rule
 * above. Ranges span a rule's real tokens (not those inserted by recovery).
 *
 * The alternatives of every `OR` and the bodies of `MANY` / `OPTION` are
 * made once per parser (Chevrotain's "OR caching") and write into the top
 * frame, so that parsing allocates nothing but the tree.
 *
 * The parser is built lazily, once: `performSelfAnalysis` costs start-up
 * time, and importing the library must stay cheap.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { ElementFilter, Filter, Literal, Test } from '../ast/nodes.js';
import { tree, type BoolTree } from '../ast/tree.js';
import * as B from './build-ast.js';
import { LazyLookaheadStrategy } from './lazy-lookahead.js';
import { errorMessageProvider } from './parse-errors.js';
import {
  adoptByAlternative, adoptFirst, adoptInOrder, adoptNegation, adoptNothing, adoptOperand, FrameParser, type Adopt, type Frame,
} from './rule-frames.js';
import * as T from './tokens.js';

export { errorMessageProvider } from './parse-errors.js';

const VALUE = 'a value (a string, number, date, `true`, `false` or a bare word)';
const TEST = 'a test such as `=`, `contains`, `in (…)`, `between`, `matches` or `is null`';
const CONDITION = 'a condition such as `field = value`, `not …`, `any(field) …` or `(`';

type Tail = B.Tail | null;

/** Alternatives that each consume one token and return it. */
type TokenAlternatives = { DEF: { ALT: () => IToken }[]; ERR_MSG?: string };

/** `plainTail`: `op value` (t1, a), `is [not] null|empty` (t2, t3, t4), or a negatable test (b). */
const adoptPlainTail: Adopt = (f, child) => {
  if (f.t1 !== undefined) f.a ??= child;
  else if (f.t2 === undefined) f.b ??= child;
};

/** `negatableTail`: an `in` value (list), the high value of `between` (b), else the value (a). */
const adoptNegatable: Adopt = (f, child) => {
  if (f.list) f.list.push(child);
  else if (f.t1?.tokenType === T.Between && f.a !== undefined) f.b = child;
  else f.a = child;
};

/**
 * The filter grammar. Rule names are the names of `grammar/where.ebnf`
 * and of the railroad diagrams; each rule returns its piece of the AST.
 * Each rule is its grammar (the body, with its alternatives after it), where
 * a failed subrule's piece goes, and how the piece of the rule is built.
 */
export class FilterParser extends FrameParser {
  constructor(validate = false) {
    super([...T.ALL_TOKENS], {
      recoveryEnabled: true,
      errorMessageProvider,
      maxLookahead: 2,
      // Chevrotain's LL(2) decisions, each built when its production is first parsed (start-up: src/syntax/lazy-lookahead.ts).
      lookaheadStrategy: new LazyLookaheadStrategy(2),
      // Validations are the bulk of start-up time; the grammar is fixed and the tests build a validating parser.
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
    this.recording = false;
  }

  /** Alternatives that each consume one of `types` and return the token. */
  private oneOf(types: readonly TokenType[], errMsg?: string): TokenAlternatives {
    const DEF = types.map((type) => ({ ALT: () => this.tok(this.CONSUME(type)) }));
    return errMsg === undefined ? { DEF } : { DEF, ERR_MSG: errMsg };
  }

  /** A chain's result: its operands, or the one operand itself. */
  private readonly chainOf = <L>(kind: 'and' | 'or') => (f: Frame): BoolTree<L> => {
    if (f.list) return B.chain(f.list as BoolTree<L>[], kind, this.range(f));
    return f.a !== undefined ? (f.a as BoolTree<L>) : tree.invalid(this.range(f));
  };
  private readonly orOf = this.chainOf<never>('or');
  private readonly andOf = this.chainOf<never>('and');
  /** `not` (t1) over its operand (a), or the primary (b). */
  private readonly negationOf = (f: Frame) => B.negation(f.t1, f.a as BoolTree<never> | undefined, f.b as BoolTree<never> | undefined, this.range(f));
  /** The subrule's result (a), or an `invalid` node where recovery left none. */
  private readonly resultOf = (f: Frame) => (f.a as Filter | undefined) ?? tree.invalid(this.range(f));

  /** The whole input: one boolean expression. */
  public filter = this.RULE('filter', (): Filter => this.rule(this.filterBody, adoptFirst, this.resultOf), this.recovery);
  private readonly filterBody = (f: Frame) => { f.a = this.SUBRULE(this.orExpr); };

  public orExpr = this.RULE('orExpr', (): Filter => this.rule(this.orBody, adoptOperand, this.orOf), this.recovery);
  private readonly orBody = (f: Frame) => { f.a = this.SUBRULE(this.andExpr); this.MANY(this.moreOr); };
  private readonly moreOr = () => { this.tok(this.CONSUME(T.Or)); const f = this.top; adoptOperand(f, this.SUBRULE2(this.andExpr)); };

  public andExpr = this.RULE('andExpr', (): Filter => this.rule(this.andBody, adoptOperand, this.andOf), this.recovery);
  private readonly andBody = (f: Frame) => { f.a = this.SUBRULE(this.notExpr); this.MANY(this.moreAnd); };
  private readonly moreAnd = () => { this.tok(this.CONSUME(T.And)); const f = this.top; adoptOperand(f, this.SUBRULE2(this.notExpr)); };

  public notExpr = this.RULE('notExpr', (): Filter => this.rule(this.notBody, adoptNegation, this.negationOf), this.recovery);
  private readonly notBody = () => this.OR(this.notAlternatives);
  private readonly notAlternatives = { DEF: [
    { ALT: () => { const f = this.top; f.t1 = this.tok(this.CONSUME(T.Not)); f.a = this.SUBRULE(this.notExpr); } },
    { ALT: () => { const f = this.top; f.b = this.SUBRULE(this.primary); } },
  ], ERR_MSG: CONDITION };

  /** A group's result is its inner tree (the parentheses only widen this rule's range), else a list test or a condition. */
  public primary = this.RULE('primary', (): Filter => this.rule(this.primaryBody, adoptFirst, this.resultOf), this.recovery);
  private readonly primaryBody = () => this.OR(this.primaryAlternatives);
  private readonly primaryAlternatives = { DEF: [
    { ALT: () => { const f = this.top; this.tok(this.CONSUME(T.LParen)); f.a = this.SUBRULE(this.orExpr); this.tok(this.CONSUME(T.RParen)); } },
    { ALT: () => { const f = this.top; f.a = this.SUBRULE(this.listTest); } },
    { ALT: () => { const f = this.top; f.a = this.SUBRULE(this.condition); } },
  ], ERR_MSG: CONDITION };

  /** `field [test]` or `modifier(field) test`: the modifier (t1), the field (a), the test (b). */
  public condition = this.RULE('condition', (): Filter => this.rule(this.conditionBody, adoptInOrder, this.conditionOf), this.recovery);
  private readonly conditionBody = () => this.OR(this.conditionAlternatives);
  private readonly conditionAlternatives = { DEF: [
    {
      ALT: () => {
        const f = this.top;
        f.t1 = this.tok(this.CONSUME(T.Identifier, { LABEL: 'modifier' }));
        this.tok(this.CONSUME(T.LParen));
        f.a = this.SUBRULE(this.fieldRef);
        this.tok(this.CONSUME(T.RParen));
        f.b = this.SUBRULE(this.testTail);
      },
    },
    { ALT: () => { const f = this.top; f.a = this.SUBRULE2(this.fieldRef); this.OPTION(this.conditionTail); } },
  ], ERR_MSG: 'a column name' };
  private readonly conditionTail = () => { const f = this.top; f.b = this.SUBRULE2(this.testTail); };
  private readonly conditionOf = (f: Frame, recovered: boolean) =>
    B.condition(f.t1, f.a as B.Field | null | undefined, f.b as Tail | undefined, recovered, this.range(f), this.lines);

  public fieldRef = this.RULE('fieldRef', (): B.Field | null => this.rule(this.fieldBody, adoptNothing, this.fieldOf), this.recovery);
  private readonly fieldBody = (f: Frame) => { f.t1 = this.OR(this.fieldAlternatives); };
  private readonly fieldAlternatives = this.oneOf([T.Identifier, T.QuotedName], 'a column name');
  private readonly fieldOf = (f: Frame) => B.fieldRef(f.t1, this.lines);

  /** `any(field) …` / `all(field) …`: the quantifier (t1), the field (a), the element tree (b). */
  public listTest = this.RULE('listTest', (): Filter => this.rule(this.listBody, adoptInOrder, this.listOf), this.recovery);
  private readonly listBody = (f: Frame) => {
    f.t1 = this.OR(this.quantifierAlternatives);
    this.tok(this.CONSUME(T.LParen));
    f.a = this.SUBRULE(this.fieldRef);
    this.tok(this.CONSUME(T.RParen));
    f.b = this.SUBRULE(this.elementTop);
  };
  private readonly quantifierAlternatives = this.oneOf([T.Any, T.All]);
  private readonly listOf = (f: Frame) => B.listTest(f.t1, f.a as B.Field | null | undefined, f.b as ElementFilter | null | undefined, this.range(f));

  /** One test tail (b), or a parenthesised tree of them (a). */
  public elementTop = this.RULE('elementTop', (): ElementFilter | null => this.rule(this.elementTopBody, adoptByAlternative, this.elementTopOf), this.recovery);
  private readonly elementTopBody = () => this.OR(this.elementTopAlternatives);
  private readonly elementTopAlternatives = { DEF: [
    { ALT: () => { const f = this.top; f.alt = 1; this.tok(this.CONSUME(T.LParen)); f.a = this.SUBRULE(this.elementOr); this.tok(this.CONSUME(T.RParen)); } },
    { ALT: () => { const f = this.top; f.alt = 2; f.b = this.SUBRULE(this.testTail); } },
  ], ERR_MSG: `${TEST}, or a \`(…)\` group of tests` };
  private readonly elementTopOf = (f: Frame): ElementFilter | null => {
    if (f.a !== undefined) return f.a as ElementFilter;
    const tail = f.b as Tail | undefined;
    return tail && !this.recording ? B.elementTest(tail, this.range(f)) : null;
  };

  public elementOr = this.RULE('elementOr', (): ElementFilter => this.rule(this.elementOrBody, adoptOperand, this.orOf), this.recovery);
  private readonly elementOrBody = (f: Frame) => { f.a = this.SUBRULE(this.elementAnd); this.MANY(this.moreElementOr); };
  private readonly moreElementOr = () => { this.tok(this.CONSUME(T.Or)); const f = this.top; adoptOperand(f, this.SUBRULE2(this.elementAnd)); };

  public elementAnd = this.RULE('elementAnd', (): ElementFilter => this.rule(this.elementAndBody, adoptOperand, this.andOf), this.recovery);
  private readonly elementAndBody = (f: Frame) => { f.a = this.SUBRULE(this.elementNot); this.MANY(this.moreElementAnd); };
  private readonly moreElementAnd = () => { this.tok(this.CONSUME(T.And)); const f = this.top; adoptOperand(f, this.SUBRULE2(this.elementNot)); };

  /** Inside the tree `not` is always the prefix operator: `not in (…)` is `not` applied to `in (…)`. */
  public elementNot = this.RULE('elementNot', (): ElementFilter => this.rule(this.elementNotBody, adoptNegation, this.negationOf), this.recovery);
  private readonly elementNotBody = () => this.OR(this.elementNotAlternatives);
  private readonly elementNotAlternatives = { DEF: [
    { ALT: () => { const f = this.top; f.t1 = this.tok(this.CONSUME(T.Not)); f.a = this.SUBRULE(this.elementNot); } },
    { ALT: () => { const f = this.top; f.b = this.SUBRULE(this.elementPrimary); } },
  ], ERR_MSG: `${TEST}, \`not\` or \`(\`` };

  /** A parenthesised tree of tests (a), or one plain test (b). */
  public elementPrimary = this.RULE('elementPrimary', (): ElementFilter => this.rule(this.elementPrimaryBody, adoptByAlternative, this.elementPrimaryOf), this.recovery);
  private readonly elementPrimaryBody = () => this.OR(this.elementPrimaryAlternatives);
  private readonly elementPrimaryAlternatives = { DEF: [
    { ALT: () => { const f = this.top; f.alt = 1; this.tok(this.CONSUME(T.LParen)); f.a = this.SUBRULE(this.elementOr); this.tok(this.CONSUME(T.RParen)); } },
    { ALT: () => { const f = this.top; f.alt = 2; f.b = this.SUBRULE(this.plainTail); } },
  ], ERR_MSG: `${TEST}, or a \`(…)\` group of tests` };
  private readonly elementPrimaryOf = (f: Frame): ElementFilter => {
    if (f.a !== undefined) return f.a as ElementFilter;
    const tail = f.b as Tail | undefined;
    // `is not null` / `is not empty` inside the tree (this primary spans the same text as the `not` rule around it).
    return tail && !this.recording ? B.elementTest(tail, this.range(f)) : tree.invalid(this.range(f));
  };

  /** What follows a column: `not` (t1) and a negatable test (a), or a plain test (b). */
  public testTail = this.RULE('testTail', (): Tail => this.rule(this.testTailBody, adoptNegation, this.testTailOf), this.recovery);
  private readonly testTailBody = () => this.OR(this.testTailAlternatives);
  private readonly testTailAlternatives = { DEF: [
    { ALT: () => { const f = this.top; f.t1 = this.tok(this.CONSUME(T.Not)); f.a = this.SUBRULE(this.negatableTail); } },
    { ALT: () => { const f = this.top; f.b = this.SUBRULE(this.plainTail); } },
  ], ERR_MSG: TEST };
  private readonly testTailOf = (f: Frame) => B.testTail(f.t1, f.a as Test | null | undefined, f.b as Tail | undefined);

  /** `op` (t1) and a value (a); `is` (t2) [`not` (t3)] `null`/`empty` (t4); or a negatable test (b). */
  public plainTail = this.RULE('plainTail', (): Tail => this.rule(this.plainTailBody, adoptPlainTail, this.plainTailOf), this.recovery);
  private readonly plainTailBody = () => this.OR(this.plainTailAlternatives);
  private readonly plainTailAlternatives = { DEF: [
    { ALT: () => { const f = this.top; f.t1 = this.tok(this.CONSUME(T.CompareOperator)); f.a = this.SUBRULE(this.value); } },
    { ALT: () => { const f = this.top; f.t2 = this.tok(this.CONSUME(T.Is)); this.OPTION(this.isNot); f.t4 = this.OR2(this.nullOrEmptyAlternatives); } },
    { ALT: () => { const f = this.top; f.b = this.SUBRULE(this.negatableTail); } },
  ], ERR_MSG: TEST };
  private readonly isNot = () => { const f = this.top; f.t3 = this.tok(this.CONSUME(T.Not)); };
  private readonly nullOrEmptyAlternatives = this.oneOf([T.Null, T.Empty], '`null`, `not null`, `empty` or `not empty`');
  private readonly plainTailOf = (f: Frame) =>
    B.plainTail(f.t1, f.a as Literal | null | undefined, f.t2, f.t3, f.t4, f.b as Test | null | undefined, this.range(f));

  /**
   * The tests that `not` may precede: `field not in (…)`, `field not contains …`.
   * The first keyword (t1); the `)` of `in`, the `and` of `between` or a `with` (t2);
   * `phrase` (t3); a pattern (t4); the value, or the low one (a); the high one (b); the `in` values (list).
   */
  public negatableTail = this.RULE('negatableTail', (): Test | null => this.rule(this.negatableBody, adoptNegatable, this.negatableOf), this.recovery);
  private readonly negatableBody = () => this.OR(this.negatableAlternatives);
  private readonly negatableAlternatives = { DEF: [
    {
      ALT: () => {
        const f = this.top;
        f.t1 = this.tok(this.CONSUME(T.In));
        f.list = [];
        this.tok(this.CONSUME(T.LParen));
        this.AT_LEAST_ONE_SEP(this.inValues);
        f.t2 = this.tok(this.CONSUME(T.RParen));
      },
    },
    {
      ALT: () => {
        const f = this.top;
        f.t1 = this.tok(this.CONSUME(T.Between));
        f.a = this.SUBRULE2(this.value, { LABEL: 'low' });
        f.t2 = this.tok(this.CONSUME(T.And));
        f.b = this.SUBRULE3(this.value, { LABEL: 'high' });
      },
    },
    { ALT: () => { const f = this.top; f.t1 = this.OR2(this.containsAlternatives); this.OPTION(this.phrase); f.a = this.SUBRULE4(this.value); } },
    { ALT: () => { const f = this.top; f.t1 = this.tok(this.CONSUME(T.Starts)); f.t2 = this.tok(this.CONSUME(T.With)); f.a = this.SUBRULE5(this.value); } },
    { ALT: () => { const f = this.top; f.t1 = this.tok(this.CONSUME(T.Ends)); f.t2 = this.tok(this.CONSUME2(T.With)); f.a = this.SUBRULE6(this.value); } },
    { ALT: () => { const f = this.top; f.t1 = this.tok(this.CONSUME(T.Matches)); f.t4 = this.OR3(this.patternAlternatives); } },
  ], ERR_MSG: TEST };
  private readonly inValues = {
    SEP: T.Comma,
    // The separator is consumed by Chevrotain itself: it is the last token read when the next value starts.
    DEF: () => { this.tok(this.LA(0)); const f = this.top; f.list!.push(this.SUBRULE(this.value)); },
    ERR_MSG: VALUE,
  };
  private readonly containsAlternatives = this.oneOf([T.Contains, T.IContains]);
  private readonly phrase = () => { const f = this.top; f.t3 = this.tok(this.CONSUME(T.Phrase)); };
  private readonly patternAlternatives = this.oneOf([T.RegexToken, T.StringToken], 'a `/regex/` or a quoted pattern');
  private readonly negatableOf = (f: Frame) => B.negatableTail(f.t1, f.t2, f.t3, f.t4, f.a as Literal | null | undefined,
    f.b as Literal | null | undefined, f.list as (Literal | null)[] | undefined, this.range(f), this.lines);

  /** A literal; a bare word is a string. */
  public value = this.RULE('value', (): Literal | null => this.rule(this.valueBody, adoptNothing, this.literalOf), this.recovery);
  private readonly valueBody = (f: Frame) => { f.t1 = this.OR(this.valueAlternatives); };
  private readonly valueAlternatives = this.oneOf([
    T.StringToken, T.NumberLiteral, T.DateTimeLiteral, T.DateLiteral, T.RegexToken, T.True, T.False, T.Null, T.Identifier,
  ], VALUE);
  private readonly literalOf = (f: Frame) => B.literal(f.t1, this.lines);
}

let parser: FilterParser | undefined;

/** The shared parser, built on first use (one grammar analysis per process). */
export function getParser(): FilterParser {
  parser ??= new FilterParser(false);
  return parser;
}
