/**
 * REFERENCE ONLY (test/syntax/parser-reference.test.ts): the grammar as the
 * Chevrotain CST parser it was before src/syntax/parser.ts built the AST in
 * embedded actions, kept unchanged (messages apart, which come from the
 * parser's own provider) to prove that the new parser builds the same trees,
 * ranges and recoveries. A change to the grammar changes both.
 *
 * The grammar of the filter language, as a Chevrotain CST parser.
 *
 * `grammar/where.ebnf` is the same grammar in W3C EBNF; keep the two in step
 * (rule names match). Precedence is encoded by the rule layering:
 * `orExpr` → `andExpr` → `notExpr` → `primary`. The tree inside `any(…)` /
 * `all(…)` has the same layering over test tails.
 *
 * The parser is built lazily, once: `performSelfAnalysis` costs start-up
 * time, and importing the library must stay cheap.
 */
import { CstParser } from 'chevrotain';
import { errorMessageProvider } from '../../../src/syntax/parse-errors.js';
import * as T from '../../../src/syntax/tokens.js';

const VALUE = 'a value (a string, number, date, `true`, `false` or a bare word)';
const TEST = 'a test such as `=`, `contains`, `in (…)`, `between`, `matches` or `is null`';
const CONDITION = 'a condition such as `field = value`, `not …`, `any(field) …` or `(`';

/**
 * The filter grammar. Rule names are the names of `grammar/where.ebnf`
 * and of the railroad diagrams.
 */
export class ReferenceCstParser extends CstParser {
  constructor(validate = false) {
    super([...T.ALL_TOKENS], {
      recoveryEnabled: true,
      errorMessageProvider,
      // Node offsets let the AST builder take each node's range without walking its subtree.
      nodeLocationTracking: 'onlyOffset',
      maxLookahead: 2,
      // Validations are the bulk of start-up time; the grammar is fixed and the tests build a validating parser.
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  /** The whole input: one boolean expression. */
  public filter = this.RULE('filter', () => {
    this.SUBRULE(this.orExpr);
  });

  public orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  public andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  public notExpr = this.RULE('notExpr', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(T.Not); this.SUBRULE(this.notExpr); } },
      { ALT: () => this.SUBRULE(this.primary) },
    ], ERR_MSG: CONDITION });
  });

  public primary = this.RULE('primary', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.orExpr); this.CONSUME(T.RParen); } },
      { ALT: () => this.SUBRULE(this.listTest) },
      { ALT: () => this.SUBRULE(this.condition) },
    ], ERR_MSG: CONDITION });
  });

  /** `field [test]` or `modifier(field) test`. */
  public condition = this.RULE('condition', () => {
    this.OR({ DEF: [
      {
        ALT: () => {
          this.CONSUME(T.Identifier, { LABEL: 'modifier' });
          this.CONSUME(T.LParen);
          this.SUBRULE(this.fieldRef);
          this.CONSUME(T.RParen);
          this.SUBRULE(this.testTail);
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.fieldRef);
          this.OPTION(() => this.SUBRULE2(this.testTail));
        },
      },
    ], ERR_MSG: 'a column name' });
  });

  public fieldRef = this.RULE('fieldRef', () => {
    this.OR({ DEF: [
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.QuotedName) },
    ], ERR_MSG: 'a column name' });
  });

  /** `any(field) …` / `all(field) …`. */
  public listTest = this.RULE('listTest', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Any) },
      { ALT: () => this.CONSUME(T.All) },
    ]);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.fieldRef);
    this.CONSUME(T.RParen);
    this.SUBRULE(this.elementTop);
  });

  /** One test tail, or a parenthesised tree of them. */
  public elementTop = this.RULE('elementTop', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.elementOr); this.CONSUME(T.RParen); } },
      { ALT: () => this.SUBRULE(this.testTail) },
    ], ERR_MSG: `${TEST}, or a \`(…)\` group of tests` });
  });

  public elementOr = this.RULE('elementOr', () => {
    this.SUBRULE(this.elementAnd);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.elementAnd);
    });
  });

  public elementAnd = this.RULE('elementAnd', () => {
    this.SUBRULE(this.elementNot);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.elementNot);
    });
  });

  /** Inside the tree `not` is always the prefix operator: `not in (…)` is `not` applied to `in (…)`. */
  public elementNot = this.RULE('elementNot', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(T.Not); this.SUBRULE(this.elementNot); } },
      { ALT: () => this.SUBRULE(this.elementPrimary) },
    ], ERR_MSG: `${TEST}, \`not\` or \`(\`` });
  });

  public elementPrimary = this.RULE('elementPrimary', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.elementOr); this.CONSUME(T.RParen); } },
      { ALT: () => this.SUBRULE(this.plainTail) },
    ], ERR_MSG: `${TEST}, or a \`(…)\` group of tests` });
  });

  /** What follows a column: a test, possibly negated by a `not` before its keyword. */
  public testTail = this.RULE('testTail', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(T.Not); this.SUBRULE(this.negatableTail); } },
      { ALT: () => this.SUBRULE(this.plainTail) },
    ], ERR_MSG: TEST });
  });

  public plainTail = this.RULE('plainTail', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(T.CompareOperator); this.SUBRULE(this.value); } },
      {
        ALT: () => {
          this.CONSUME(T.Is);
          this.OPTION(() => this.CONSUME(T.Not));
          this.OR2({ DEF: [
            { ALT: () => this.CONSUME(T.Null) },
            { ALT: () => this.CONSUME(T.Empty) },
          ], ERR_MSG: '`null`, `not null`, `empty` or `not empty`' });
        },
      },
      { ALT: () => this.SUBRULE(this.negatableTail) },
    ], ERR_MSG: TEST });
  });

  /** The tests that `not` may precede: `field not in (…)`, `field not contains …`. */
  public negatableTail = this.RULE('negatableTail', () => {
    this.OR({ DEF: [
      {
        ALT: () => {
          this.CONSUME(T.In);
          this.CONSUME(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.value), ERR_MSG: VALUE });
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Between);
          this.SUBRULE2(this.value, { LABEL: 'low' });
          this.CONSUME(T.And);
          this.SUBRULE3(this.value, { LABEL: 'high' });
        },
      },
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Contains) },
            { ALT: () => this.CONSUME(T.IContains) },
          ]);
          this.OPTION(() => this.CONSUME(T.Phrase));
          this.SUBRULE4(this.value);
        },
      },
      { ALT: () => { this.CONSUME(T.Starts); this.CONSUME(T.With); this.SUBRULE5(this.value); } },
      { ALT: () => { this.CONSUME(T.Ends); this.CONSUME2(T.With); this.SUBRULE6(this.value); } },
      {
        ALT: () => {
          this.CONSUME(T.Matches);
          this.OR3({ DEF: [
            { ALT: () => this.CONSUME(T.RegexToken) },
            { ALT: () => this.CONSUME(T.StringToken) },
          ], ERR_MSG: 'a `/regex/` or a quoted pattern' });
        },
      },
    ], ERR_MSG: TEST });
  });

  /** A literal; a bare word is a string. */
  public value = this.RULE('value', () => {
    this.OR({ DEF: [
      { ALT: () => this.CONSUME(T.StringToken) },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.DateTimeLiteral) },
      { ALT: () => this.CONSUME(T.DateLiteral) },
      { ALT: () => this.CONSUME(T.RegexToken) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Null) },
      { ALT: () => this.CONSUME(T.Identifier) },
    ], ERR_MSG: VALUE });
  });
}

let parser: ReferenceCstParser | undefined;

/** The shared parser, built on first use (one grammar analysis per process). */
export function getReferenceParser(): ReferenceCstParser {
  parser ??= new ReferenceCstParser(false);
  return parser;
}
