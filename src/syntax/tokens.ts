/**
 * Every token of the filter language, in one module; src/syntax/lexer.ts
 * reads text into them (Chevrotain's own `Lexer` is built only by the tests,
 * from these same definitions, to hold the hand-written one to them).
 *
 * The order of {@link ALL_TOKENS} is the lexer's order of preference
 * (Chevrotain takes the first pattern that matches, not the longest), so:
 * datetimes before dates before numbers (`2024-01-01` is a date, not `2024`
 * then `-01`); complete strings before their unterminated forms; two-character
 * operators before one-character ones; keywords before identifiers, each
 * keyword with `longer_alt: Identifier` so that `android` or `is_dofollow`
 * stay identifiers.
 *
 * Unterminated strings, regexes and backtick names are tokens of their own
 * (sharing a category with the complete form): the parser then carries on as if
 * the literal were closed at the end of the line, and the token scan reports
 * the problem once, with the token's range.
 */
import { createToken, EOF, type TokenType } from 'chevrotain';
import { DATE_TOKEN, DATETIME_TOKEN, KEYWORDS, NAME_SOURCE, type Keyword as KeywordWord } from '../vocabulary/index.js';

/**
 * Chevrotain's `Lexer.NA` (the pattern of a category, never matched itself)
 * and `Lexer.SKIPPED` (the group of skipped tokens), read without importing
 * the `Lexer` class: the library never builds Chevrotain's lexer, and an
 * import of the class would bundle all of it (scripts/chevrotain-parser-only.ts).
 * `EOF`'s pattern is `Lexer.NA`; test/package/chevrotain-parser-only.test.ts
 * checks both against the class.
 */
const Lexer = {
  NA: EOF.PATTERN as RegExp,
  SKIPPED: 'This marks a skipped Token pattern, this means each token identified by it will be consumed and then thrown into oblivion, this can be used to for example to completely ignore whitespace.',
} as const;

// ---------------------------------------------------------------- trivia

/** Whitespace, skipped. JavaScript's `\s` covers the Unicode spaces and line separators. */
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });

/** `# …` to the end of the line, kept in the `comments` group so the formatter can put it back. */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments', label: 'a comment' });

// ---------------------------------------------------------------- identifiers

/** A plain name, possibly dotted (`intents.informational` is one token). */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: new RegExp(NAME_SOURCE),
  label: 'a name',
});

/** Category of the backtick-quoted names (complete or not). */
export const QuotedName = createToken({ name: 'QuotedName', pattern: Lexer.NA, label: 'a `quoted name`' });
/** `` `any text` `` with `` \` `` and `\\` escapes. */
export const BacktickName = createToken({
  name: 'BacktickName',
  pattern: /`(?:[^`\\\r\n]|\\[^\r\n])*`/,
  categories: [QuotedName],
  label: 'a `quoted name`',
});
/** A backtick name without its closing backtick: taken to the end of the line. */
export const UnterminatedBacktickName = createToken({
  name: 'UnterminatedBacktickName',
  pattern: /`(?:[^`\\\r\n]|\\[^\r\n])*\\?/,
  categories: [QuotedName],
  label: 'a `quoted name`',
});

// ---------------------------------------------------------------- keywords

/** Category of every keyword, so that the error messages can name them as a group. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });

/** The keyword tokens, collected as they are made (as Chevrotain's GraphQL example does). */
const keywordTokens = new Map<KeywordWord, TokenType>();

function keyword(word: KeywordWord, name = word[0]!.toUpperCase() + word.slice(1)): TokenType {
  const token = createToken({
    name,
    pattern: new RegExp(word, 'i'),
    longer_alt: Identifier,
    categories: [Keyword],
    label: `\`${word}\``,
  });
  keywordTokens.set(word, token);
  return token;
}

export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const In = keyword('in');
export const Between = keyword('between');
export const Is = keyword('is');
export const Null = keyword('null');
export const Empty = keyword('empty');
export const True = keyword('true');
export const False = keyword('false');
export const IContains = keyword('icontains', 'IContains');
export const Contains = keyword('contains');
export const Phrase = keyword('phrase');
export const Starts = keyword('starts');
export const Ends = keyword('ends');
export const With = keyword('with');
export const Matches = keyword('matches');
export const Any = keyword('any');
export const All = keyword('all');

/** One token per word of the vocabulary, in its order; a word without a token fails at load, in every test. */
const KEYWORD_TOKENS: readonly TokenType[] = KEYWORDS.map((word) => {
  const token = keywordTokens.get(word);
  if (!token) throw new Error(`The vocabulary keyword "${word}" has no token in src/syntax/tokens.ts.`);
  return token;
});

// ---------------------------------------------------------------- punctuation and operators

export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: '`)`' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '`,`' });

/** Category of the six comparison operators. */
export const CompareOperator = createToken({ name: 'CompareOperator', pattern: Lexer.NA, label: 'a comparison operator' });
export const Gte = createToken({ name: 'Gte', pattern: />=/, categories: [CompareOperator], label: '`>=`' });
export const Lte = createToken({ name: 'Lte', pattern: /<=/, categories: [CompareOperator], label: '`<=`' });
export const Neq = createToken({ name: 'Neq', pattern: /!=/, categories: [CompareOperator], label: '`!=`' });
export const Eq = createToken({ name: 'Eq', pattern: /=/, categories: [CompareOperator], label: '`=`' });
export const Gt = createToken({ name: 'Gt', pattern: />/, categories: [CompareOperator], label: '`>`' });
export const Lt = createToken({ name: 'Lt', pattern: /</, categories: [CompareOperator], label: '`<`' });

// ---------------------------------------------------------------- literals

/** `YYYY-MM-DDThh:mm[:ss[.fff…]][Z|±hh:mm]`; calendar validity is checked after lexing. */
export const DateTimeLiteral = createToken({
  name: 'DateTimeLiteral',
  pattern: DATETIME_TOKEN,
  label: 'a datetime',
});
/** `YYYY-MM-DD`; calendar validity is checked after lexing. */
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: DATE_TOKEN, label: 'a date' });
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/,
  label: 'a number',
});

/** Category of quoted strings (complete or not). */
export const StringToken = createToken({ name: 'StringToken', pattern: Lexer.NA, label: 'a string' });
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"|'(?:[^'\\\r\n]|\\[^\r\n])*'/,
  categories: [StringToken],
  label: 'a string',
});
/** A string whose closing quote is missing: it runs to the end of the line. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?|'(?:[^'\\\r\n]|\\[^\r\n])*\\?/,
  categories: [StringToken],
  label: 'a string',
});

/** Category of `/regex/` literals (complete or not). */
export const RegexToken = createToken({ name: 'RegexToken', pattern: Lexer.NA, label: 'a /regex/' });
export const RegexLiteral = createToken({
  name: 'RegexLiteral',
  pattern: /\/(?:[^/\\\r\n]|\\[^\r\n])*\//,
  categories: [RegexToken],
  label: 'a /regex/',
});
/** A regex whose closing slash is missing: it runs to the end of the line. */
export const UnterminatedRegex = createToken({
  name: 'UnterminatedRegex',
  pattern: /\/(?:[^/\\\r\n]|\\[^\r\n])*\\?/,
  categories: [RegexToken],
  label: 'a /regex/',
});

// ---------------------------------------------------------------- the vocabulary

/** Every token type, in the lexer's order of preference. */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  LParen, RParen, Comma,
  Gte, Lte, Neq, Eq, Gt, Lt,
  DateTimeLiteral, DateLiteral, NumberLiteral,
  StringLiteral, UnterminatedString,
  RegexLiteral, UnterminatedRegex,
  BacktickName, UnterminatedBacktickName,
  ...KEYWORD_TOKENS,
  Identifier,
  // Categories (pattern NA) come last: they only group the tokens above.
  QuotedName, Keyword, CompareOperator, StringToken, RegexToken,
];

const LONGEST_KEYWORD = Math.max(...KEYWORDS.map((word) => word.length));

/**
 * The keyword token spelled by `image` in any letter case, or undefined: how
 * the lexer (src/syntax/lexer.ts) reads a whole name. Chevrotain would match
 * the first keyword that begins the name and keep it unless `Identifier`
 * matches longer; since no keyword begins with an earlier one (a test checks
 * it), that is the keyword equal to the whole name.
 */
export function keywordFor(image: string): TokenType | undefined {
  if (image.length > LONGEST_KEYWORD) return undefined;
  const exact = keywordTokens.get(image as KeywordWord);
  if (exact !== undefined) return exact;
  // Lower-case only a name that has an upper-case letter (`AND`): most names are neither keywords nor shouted.
  for (let i = 0; i < image.length; i++) {
    const c = image.charCodeAt(i);
    if (c >= 65 && c <= 90) return keywordTokens.get(image.toLowerCase() as KeywordWord);
  }
  return undefined;
}
