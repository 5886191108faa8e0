/**
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
import { CstParser, EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { formatMessage } from '../diagnostics/messages.js';
import * as T from './tokens.js';

/** Describes a token for a message: its text in backticks, or "the end of the filter". */
export function describeFound(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF || token.image === undefined || token.image === '') return 'the end of the filter';
  const image = token.image.length > 24 ? `${token.image.slice(0, 21)}…` : token.image;
  return `\`${image.replace(/`/g, "'")}\``;
}

/** The friendly name of what a token type stands for. */
function label(type: TokenType): string {
  if (type === EOF) return 'the end of the filter';
  return type.LABEL ?? type.name;
}

/** Lists alternatives as "a, b or c", without repeats. */
function oneOf(items: readonly string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

function after(previous: IToken | undefined): string {
  if (!previous || previous.tokenType === EOF || !previous.image || Number.isNaN(previous.startOffset)) return '';
  return ` after ${describeFound(previous)}`;
}

/**
 * Messages that say what was expected, after what, and what was found:
 * "Expected a value after `>=`, found `and`." The grammar names its
 * alternatives with `ERR_MSG`, which arrives here as `customUserDescription`.
 */
export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    return formatMessage('unexpected-token', 'expected', { expected: label(expected), after: after(previous), found: describeFound(actual) });
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return formatMessage('unexpected-token', 'trailing', { found: describeFound(firstRedundant) });
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, customUserDescription }) {
    const expected = customUserDescription ?? oneOf(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => (path[0] ? label(path[0]) : ''))));
    return formatMessage('unexpected-token', 'expected', { expected, after: after(previous), found: describeFound(actual[0]) });
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, customUserDescription }) {
    const expected = customUserDescription ?? oneOf(expectedIterationPaths.map((path) => (path[0] ? label(path[0]) : '')));
    return formatMessage('unexpected-token', 'expected', { expected, after: after(previous), found: describeFound(actual[0]) });
  },
};

const VALUE = 'a value (a string, number, date, `true`, `false` or a bare word)';
const TEST = 'a test such as `=`, `contains`, `in (…)`, `between`, `matches` or `is null`';
const CONDITION = 'a condition such as `field = value`, `not …`, `any(field) …` or `(`';

/**
 * The filter grammar. Rule names are the names of `grammar/where.ebnf`
 * and of the railroad diagrams.
 */
export class FilterParser extends CstParser {
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

let parser: FilterParser | undefined;

/** The shared parser, built on first use (one grammar analysis per process). */
export function getParser(): FilterParser {
  parser ??= new FilterParser(false);
  return parser;
}
