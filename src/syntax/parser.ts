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
 * in locals, and when a recognition error stops it, its `catch` builds the
 * rule's result from those pieces (and from the partial result of the
 * subrule that failed), which becomes the value Chevrotain's recovery returns
 * (`recoveryValueFunc`) or, when the error travels further up, the failed
 * subrule's piece in the rule above. Ranges span a rule's real tokens (not
 * those inserted by recovery), tracked per open rule.
 *
 * The parser is built lazily, once: `performSelfAnalysis` costs start-up
 * time, and importing the library must stay cheap.
 */
import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import type { ElementFilter, Filter, Literal, SourceRange, Test } from '../ast/nodes.js';
import { tree } from '../ast/tree.js';
import * as B from './build-ast.js';
import { LineIndex } from './lexical.js';
import { errorMessageProvider } from './parse-errors.js';
import * as T from './tokens.js';

export { errorMessageProvider } from './parse-errors.js';

const VALUE = 'a value (a string, number, date, `true`, `false` or a bare word)';
const TEST = 'a test such as `=`, `contains`, `in (…)`, `between`, `matches` or `is null`';
const CONDITION = 'a condition such as `field = value`, `not …`, `any(field) …` or `(`';

type Tail = B.Tail | null;

/**
 * The filter grammar. Rule names are the names of `grammar/where.ebnf`
 * and of the railroad diagrams; each rule returns its piece of the AST.
 */
export class FilterParser extends EmbeddedActionsParser {
  /** Positions of the text being parsed, for ranges; set before each parse. */
  lines = new LineIndex('');
  /** True while Chevrotain records the grammar (actions then see placeholder tokens, and build nothing). */
  private recording = true;
  /** First start and last end offset of the real tokens each open rule has consumed so far, by depth (-1: none yet). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private depth = -1;
  /** The result a rule built when an error stopped it, while the error travels (undefined otherwise). */
  private partial: unknown = undefined;
  private readonly config = { recoveryValueFunc: (): never => this.takePartial() as never };

  constructor(validate = false) {
    super([...T.ALL_TOKENS], {
      recoveryEnabled: true,
      errorMessageProvider,
      maxLookahead: 2,
      // Validations are the bulk of start-up time; the grammar is fixed and the tests build a validating parser.
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
    this.recording = false;
  }

  /** Prepares a parse of `tokens` from the text of `lines`. */
  startParse(tokens: IToken[], lines: LineIndex): void {
    this.input = tokens;
    this.lines = lines;
    this.depth = -1;
    this.partial = undefined;
  }

  private begin(): number {
    const d = ++this.depth;
    this.starts[d] = -1;
    return d;
  }

  /** Records a consumed token in the open rule's range (inserted tokens and the recording placeholder are not real). */
  private tok(t: IToken): IToken {
    if (t.startOffset >= 0) {
      const d = this.depth;
      if (this.starts[d]! < 0) this.starts[d] = t.startOffset;
      this.ends[d] = t.startOffset + t.image.length;
    }
    return t;
  }

  private range(d: number): SourceRange | undefined {
    const start = this.starts[d]!;
    return start < 0 ? undefined : this.lines.range(start, this.ends[d]!);
  }

  /** Closes the rule at depth `d`: its tokens count in its parent's range too. */
  private end<R>(d: number, result: R): R {
    const start = this.starts[d]!;
    if (start >= 0 && d > 0) {
      if (this.starts[d - 1]! < 0) this.starts[d - 1] = start;
      this.ends[d - 1] = this.ends[d]!;
    }
    this.depth = d - 1;
    return result;
  }

  /** Closes a rule that an error stopped, leaving its partial result for whoever handles the error. */
  private fail(d: number, result: unknown, error: unknown): unknown {
    this.partial = this.end(d, result);
    return error;
  }

  /** The partial result of the subrule whose error arrived here, if any. */
  private takePartial(): unknown {
    const p = this.partial;
    this.partial = undefined;
    return p;
  }

  /** The whole input: one boolean expression. */
  public filter = this.RULE('filter', (): Filter => {
    const d = this.begin();
    let inner: Filter | undefined;
    try {
      inner = this.SUBRULE(this.orExpr);
    } catch (e) {
      throw this.fail(d, (this.takePartial() as Filter | undefined) ?? tree.invalid(this.range(d)), e);
    }
    return this.end(d, inner);
  }, this.config);

  public orExpr = this.RULE('orExpr', (): Filter => {
    const d = this.begin();
    const operands: Filter[] = [];
    try {
      operands.push(this.SUBRULE(this.andExpr));
      this.MANY(() => {
        this.tok(this.CONSUME(T.Or));
        operands.push(this.SUBRULE2(this.andExpr));
      });
    } catch (e) {
      this.adopt(operands);
      throw this.fail(d, B.chain(operands, 'or', this.range(d)), e);
    }
    return this.end(d, B.chain(operands, 'or', this.range(d)));
  }, this.config);

  public andExpr = this.RULE('andExpr', (): Filter => {
    const d = this.begin();
    const operands: Filter[] = [];
    try {
      operands.push(this.SUBRULE(this.notExpr));
      this.MANY(() => {
        this.tok(this.CONSUME(T.And));
        operands.push(this.SUBRULE2(this.notExpr));
      });
    } catch (e) {
      this.adopt(operands);
      throw this.fail(d, B.chain(operands, 'and', this.range(d)), e);
    }
    return this.end(d, B.chain(operands, 'and', this.range(d)));
  }, this.config);

  /** Adds the partial result of a failed subrule, if one arrived, to a list of operands. */
  private adopt(list: unknown[]): void {
    const child = this.takePartial();
    if (child !== undefined) list.push(child);
  }

  public notExpr = this.RULE('notExpr', (): Filter => {
    const d = this.begin();
    let not: IToken | undefined;
    let operand: Filter | undefined;
    let primary: Filter | undefined;
    try {
      this.OR({ DEF: [
        { ALT: () => { not = this.tok(this.CONSUME(T.Not)); operand = this.SUBRULE(this.notExpr); } },
        { ALT: () => { primary = this.SUBRULE(this.primary); } },
      ], ERR_MSG: CONDITION });
    } catch (e) {
      const child = this.takePartial() as Filter | undefined;
      if (not !== undefined) operand ??= child;
      else primary ??= child;
      throw this.fail(d, B.negation(not, operand, primary, this.range(d)), e);
    }
    return this.end(d, B.negation(not, operand, primary, this.range(d)));
  }, this.config);

  public primary = this.RULE('primary', (): Filter => {
    const d = this.begin();
    let result: Filter | undefined;
    try {
      // One subrule per alternative: a group's result is its inner tree (the parentheses only widen this rule's range).
      this.OR({ DEF: [
        { ALT: () => { this.tok(this.CONSUME(T.LParen)); result = this.SUBRULE(this.orExpr); this.tok(this.CONSUME(T.RParen)); } },
        { ALT: () => { result = this.SUBRULE(this.listTest); } },
        { ALT: () => { result = this.SUBRULE(this.condition); } },
      ], ERR_MSG: CONDITION });
    } catch (e) {
      result ??= this.takePartial() as Filter | undefined;
      throw this.fail(d, result ?? tree.invalid(this.range(d)), e);
    }
    return this.end(d, result ?? tree.invalid(this.range(d)));
  }, this.config);

  /** `field [test]` or `modifier(field) test`. */
  public condition = this.RULE('condition', (): Filter => {
    const d = this.begin();
    let modifier: IToken | undefined;
    let field: B.Field | null | undefined;
    let tail: Tail | undefined;
    try {
      this.OR({ DEF: [
        {
          ALT: () => {
            modifier = this.tok(this.CONSUME(T.Identifier, { LABEL: 'modifier' }));
            this.tok(this.CONSUME(T.LParen));
            field = this.SUBRULE(this.fieldRef);
            this.tok(this.CONSUME(T.RParen));
            tail = this.SUBRULE(this.testTail);
          },
        },
        {
          ALT: () => {
            field = this.SUBRULE2(this.fieldRef);
            this.OPTION(() => { tail = this.SUBRULE2(this.testTail); });
          },
        },
      ], ERR_MSG: 'a column name' });
    } catch (e) {
      const child = this.takePartial() as B.Field | Tail | undefined;
      if (child !== undefined) {
        if (field === undefined) field = child as B.Field | null;
        else tail = child as Tail;
      }
      throw this.fail(d, B.condition(modifier, field, tail, true, this.range(d), this.lines), e);
    }
    return this.end(d, B.condition(modifier, field, tail, false, this.range(d), this.lines));
  }, this.config);

  public fieldRef = this.RULE('fieldRef', (): B.Field | null => {
    const d = this.begin();
    let name: IToken | undefined;
    try {
      this.OR({ DEF: [
        { ALT: () => { name = this.tok(this.CONSUME(T.Identifier)); } },
        { ALT: () => { name = this.tok(this.CONSUME(T.QuotedName)); } },
      ], ERR_MSG: 'a column name' });
    } catch (e) {
      throw this.fail(d, B.fieldRef(name, this.lines), e);
    }
    return this.end(d, B.fieldRef(name, this.lines));
  }, this.config);

  /** `any(field) …` / `all(field) …`. */
  public listTest = this.RULE('listTest', (): Filter => {
    const d = this.begin();
    let quantifier: IToken | undefined;
    let field: B.Field | null | undefined;
    let element: ElementFilter | null | undefined;
    try {
      this.OR([
        { ALT: () => { quantifier = this.tok(this.CONSUME(T.Any)); } },
        { ALT: () => { quantifier = this.tok(this.CONSUME(T.All)); } },
      ]);
      this.tok(this.CONSUME(T.LParen));
      field = this.SUBRULE(this.fieldRef);
      this.tok(this.CONSUME(T.RParen));
      element = this.SUBRULE(this.elementTop);
    } catch (e) {
      const child = this.takePartial() as B.Field | ElementFilter | null | undefined;
      if (child !== undefined) {
        if (field === undefined) field = child as B.Field | null;
        else element = child as ElementFilter | null;
      }
      throw this.fail(d, B.listTest(quantifier, field, element, this.range(d)), e);
    }
    return this.end(d, B.listTest(quantifier, field, element, this.range(d)));
  }, this.config);

  /** One test tail, or a parenthesised tree of them. */
  public elementTop = this.RULE('elementTop', (): ElementFilter | null => {
    const d = this.begin();
    let alt = 0;
    let group: ElementFilter | undefined;
    let tail: Tail | undefined;
    try {
      this.OR({ DEF: [
        { ALT: () => { alt = 1; this.tok(this.CONSUME(T.LParen)); group = this.SUBRULE(this.elementOr); this.tok(this.CONSUME(T.RParen)); } },
        { ALT: () => { alt = 2; tail = this.SUBRULE(this.testTail); } },
      ], ERR_MSG: `${TEST}, or a \`(…)\` group of tests` });
    } catch (e) {
      const child = this.takePartial();
      if (alt === 1) group ??= child as ElementFilter | undefined;
      else if (alt === 2) tail ??= child as Tail | undefined;
      throw this.fail(d, this.elementTopOf(group, tail, d), e);
    }
    return this.end(d, this.elementTopOf(group, tail, d));
  }, this.config);

  private elementTopOf(group: ElementFilter | undefined, tail: Tail | undefined, d: number): ElementFilter | null {
    if (this.recording) return null;
    if (group !== undefined) return group;
    return tail ? B.elementTest(tail, this.range(d)) : null;
  }

  public elementOr = this.RULE('elementOr', (): ElementFilter => {
    const d = this.begin();
    const operands: ElementFilter[] = [];
    try {
      operands.push(this.SUBRULE(this.elementAnd));
      this.MANY(() => {
        this.tok(this.CONSUME(T.Or));
        operands.push(this.SUBRULE2(this.elementAnd));
      });
    } catch (e) {
      this.adopt(operands);
      throw this.fail(d, B.chain(operands, 'or', this.range(d)), e);
    }
    return this.end(d, B.chain(operands, 'or', this.range(d)));
  }, this.config);

  public elementAnd = this.RULE('elementAnd', (): ElementFilter => {
    const d = this.begin();
    const operands: ElementFilter[] = [];
    try {
      operands.push(this.SUBRULE(this.elementNot));
      this.MANY(() => {
        this.tok(this.CONSUME(T.And));
        operands.push(this.SUBRULE2(this.elementNot));
      });
    } catch (e) {
      this.adopt(operands);
      throw this.fail(d, B.chain(operands, 'and', this.range(d)), e);
    }
    return this.end(d, B.chain(operands, 'and', this.range(d)));
  }, this.config);

  /** Inside the tree `not` is always the prefix operator: `not in (…)` is `not` applied to `in (…)`. */
  public elementNot = this.RULE('elementNot', (): ElementFilter => {
    const d = this.begin();
    let not: IToken | undefined;
    let operand: ElementFilter | undefined;
    let primary: ElementFilter | undefined;
    try {
      this.OR({ DEF: [
        { ALT: () => { not = this.tok(this.CONSUME(T.Not)); operand = this.SUBRULE(this.elementNot); } },
        { ALT: () => { primary = this.SUBRULE(this.elementPrimary); } },
      ], ERR_MSG: `${TEST}, \`not\` or \`(\`` });
    } catch (e) {
      const child = this.takePartial() as ElementFilter | undefined;
      if (not !== undefined) operand ??= child;
      else primary ??= child;
      throw this.fail(d, B.negation(not, operand, primary, this.range(d)), e);
    }
    return this.end(d, B.negation(not, operand, primary, this.range(d)));
  }, this.config);

  public elementPrimary = this.RULE('elementPrimary', (): ElementFilter => {
    const d = this.begin();
    let alt = 0;
    let group: ElementFilter | undefined;
    let tail: Tail | undefined;
    try {
      this.OR({ DEF: [
        { ALT: () => { alt = 1; this.tok(this.CONSUME(T.LParen)); group = this.SUBRULE(this.elementOr); this.tok(this.CONSUME(T.RParen)); } },
        { ALT: () => { alt = 2; tail = this.SUBRULE(this.plainTail); } },
      ], ERR_MSG: `${TEST}, or a \`(…)\` group of tests` });
    } catch (e) {
      const child = this.takePartial();
      if (alt === 1) group ??= child as ElementFilter | undefined;
      else if (alt === 2) tail ??= child as Tail | undefined;
      throw this.fail(d, this.elementPrimaryOf(group, tail, d), e);
    }
    return this.end(d, this.elementPrimaryOf(group, tail, d));
  }, this.config);

  private elementPrimaryOf(group: ElementFilter | undefined, tail: Tail | undefined, d: number): ElementFilter {
    if (group !== undefined) return group;
    // `is not null` / `is not empty` inside the tree (this primary spans the same text as the `not` rule around it).
    return tail && !this.recording ? B.elementTest(tail, this.range(d)) : tree.invalid(this.range(d));
  }

  /** What follows a column: a test, possibly negated by a `not` before its keyword. */
  public testTail = this.RULE('testTail', (): Tail => {
    const d = this.begin();
    let not: IToken | undefined;
    let negatable: Test | null | undefined;
    let plain: Tail | undefined;
    try {
      this.OR({ DEF: [
        { ALT: () => { not = this.tok(this.CONSUME(T.Not)); negatable = this.SUBRULE(this.negatableTail); } },
        { ALT: () => { plain = this.SUBRULE(this.plainTail); } },
      ], ERR_MSG: TEST });
    } catch (e) {
      const child = this.takePartial();
      if (not !== undefined) negatable ??= child as Test | null | undefined;
      else plain ??= child as Tail | undefined;
      throw this.fail(d, B.testTail(not, negatable, plain), e);
    }
    return this.end(d, B.testTail(not, negatable, plain));
  }, this.config);

  public plainTail = this.RULE('plainTail', (): Tail => {
    const d = this.begin();
    let op: IToken | undefined;
    let value: Literal | null | undefined;
    let is: IToken | undefined;
    let not: IToken | undefined;
    let nullOrEmpty: IToken | undefined;
    let negatable: Test | null | undefined;
    try {
      this.OR({ DEF: [
        { ALT: () => { op = this.tok(this.CONSUME(T.CompareOperator)); value = this.SUBRULE(this.value); } },
        {
          ALT: () => {
            is = this.tok(this.CONSUME(T.Is));
            this.OPTION(() => { not = this.tok(this.CONSUME(T.Not)); });
            this.OR2({ DEF: [
              { ALT: () => { nullOrEmpty = this.tok(this.CONSUME(T.Null)); } },
              { ALT: () => { nullOrEmpty = this.tok(this.CONSUME(T.Empty)); } },
            ], ERR_MSG: '`null`, `not null`, `empty` or `not empty`' });
          },
        },
        { ALT: () => { negatable = this.SUBRULE(this.negatableTail); } },
      ], ERR_MSG: TEST });
    } catch (e) {
      const child = this.takePartial();
      if (op !== undefined) value ??= child as Literal | null | undefined;
      else if (is === undefined) negatable ??= child as Test | null | undefined;
      throw this.fail(d, B.plainTail(op, value, is, not, nullOrEmpty, negatable, this.range(d)), e);
    }
    return this.end(d, B.plainTail(op, value, is, not, nullOrEmpty, negatable, this.range(d)));
  }, this.config);

  /** The tests that `not` may precede: `field not in (…)`, `field not contains …`. */
  public negatableTail = this.RULE('negatableTail', (): Test | null => {
    const d = this.begin();
    const p: B.NegatablePieces = {};
    try {
      this.OR({ DEF: [
        {
          ALT: () => {
            p.word = this.tok(this.CONSUME(T.In));
            p.values = [];
            this.tok(this.CONSUME(T.LParen));
            // The separator is consumed by Chevrotain itself: it is the last token read when the next value starts.
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => { this.tok(this.LA(0)); p.values!.push(this.SUBRULE(this.value)); }, ERR_MSG: VALUE });
            p.rparen = this.tok(this.CONSUME(T.RParen));
          },
        },
        {
          ALT: () => {
            p.word = this.tok(this.CONSUME(T.Between));
            p.low = this.SUBRULE2(this.value, { LABEL: 'low' });
            p.and = this.tok(this.CONSUME(T.And));
            p.high = this.SUBRULE3(this.value, { LABEL: 'high' });
          },
        },
        {
          ALT: () => {
            this.OR2([
              { ALT: () => { p.word = this.tok(this.CONSUME(T.Contains)); } },
              { ALT: () => { p.word = this.tok(this.CONSUME(T.IContains)); } },
            ]);
            this.OPTION(() => { p.phrase = this.tok(this.CONSUME(T.Phrase)); });
            p.value = this.SUBRULE4(this.value);
          },
        },
        { ALT: () => { p.word = this.tok(this.CONSUME(T.Starts)); p.with = this.tok(this.CONSUME(T.With)); p.value = this.SUBRULE5(this.value); } },
        { ALT: () => { p.word = this.tok(this.CONSUME(T.Ends)); p.with = this.tok(this.CONSUME2(T.With)); p.value = this.SUBRULE6(this.value); } },
        {
          ALT: () => {
            p.word = this.tok(this.CONSUME(T.Matches));
            this.OR3({ DEF: [
              { ALT: () => { p.pattern = this.tok(this.CONSUME(T.RegexToken)); } },
              { ALT: () => { p.pattern = this.tok(this.CONSUME(T.StringToken)); } },
            ], ERR_MSG: 'a `/regex/` or a quoted pattern' });
          },
        },
      ], ERR_MSG: TEST });
    } catch (e) {
      const child = this.takePartial() as Literal | null | undefined;
      if (child !== undefined) {
        if (p.values) p.values.push(child);
        else if (p.word?.tokenType === T.Between) {
          if (p.low === undefined) p.low = child;
          else p.high = child;
        } else p.value = child;
      }
      throw this.fail(d, B.negatableTail(p, this.range(d), this.lines), e);
    }
    return this.end(d, B.negatableTail(p, this.range(d), this.lines));
  }, this.config);

  /** A literal; a bare word is a string. */
  public value = this.RULE('value', (): Literal | null => {
    const d = this.begin();
    let t: IToken | undefined;
    try {
      t = this.OR(this.valueAlternatives);
    } catch (e) {
      throw this.fail(d, null, e);
    }
    return this.end(d, B.literal(t, this.lines));
  }, this.config);

  /** The alternatives of `value`, made once: each consumes one token and returns it. */
  private get valueAlternatives() {
    return (this.cachedValueAlternatives ??= { DEF: [
      T.StringToken, T.NumberLiteral, T.DateTimeLiteral, T.DateLiteral, T.RegexToken, T.True, T.False, T.Null, T.Identifier,
    ].map((type) => ({ ALT: () => this.tok(this.CONSUME(type)) })), ERR_MSG: VALUE });
  }
  private cachedValueAlternatives: { DEF: { ALT: () => IToken }[]; ERR_MSG: string } | undefined;
}

let parser: FilterParser | undefined;

/** The shared parser, built on first use (one grammar analysis per process). */
export function getParser(): FilterParser {
  parser ??= new FilterParser(false);
  return parser;
}
