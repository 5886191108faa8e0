/**
 * What a syntax error most likely meant (issue 12 §3): a misspelt operator or
 * keyword (`startswith`, `contain`, `adn`, `nin`), an operator from another
 * language (`==`, `<>`, `=>`), or a value spelt like a keyword (`country = IN`),
 * each with a quick fix replacing the range. Kept apart from the parser: it
 * reads only the tokens around an error the parser already reported, and
 * adds a suggestion when one reads as meant; otherwise the parser's message
 * stands alone.
 */
import { tokenMatcher, type IRecognitionException, type IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatMessage, report } from '../diagnostics/messages.js';
import { suggestNames } from '../diagnostics/suggest.js';
import { quoteString } from '../vocabulary/index.js';
import type { LineIndex } from './lexical.js';
import * as T from './tokens.js';

/** Operators glued from two tokens (`=` then `>`) and what they mean here. */
const GLUED: Readonly<Record<string, string>> = { '=>': '>=', '=<': '<=', '==': '=', '<>': '!=', '=!': '!=', '!==': '!=' };

/** What may follow a column: the tests, in their written form. */
const TESTS = [
  'in', 'not in', 'between', 'not between', 'contains', 'not contains', 'icontains', 'not icontains',
  'starts with', 'not starts with', 'ends with', 'not ends with', 'matches', 'not matches',
  'is null', 'is not null', 'is empty', 'is not empty', 'is',
];
/** What may follow `not` before a test. */
const NEGATED = ['in', 'between', 'contains', 'icontains', 'starts with', 'ends with', 'matches'];
/** What may follow `is`. */
const IS_WORDS = ['null', 'not null', 'empty', 'not empty'];
/** What joins conditions. */
const CONNECTIVES = ['and', 'or'];

/**
 * Spellings from other filter languages (MongoDB, SQL, shorthand) that no
 * edit distance reaches: `nin` is three letters from `not in`.
 */
const FOREIGN: Readonly<Record<string, string>> = {
  nin: 'not in', notin: 'not in', eq: '=', ne: '!=', neq: '!=', gt: '>', gte: '>=', ge: '>=', lt: '<', lte: '<=', le: '<=',
  like: 'contains', ilike: 'icontains', regex: 'matches', regexp: 'matches', rlike: 'matches', match: 'matches',
  isnull: 'is null', isnotnull: 'is not null', notnull: 'is not null', isempty: 'is empty', isnotempty: 'is not empty',
  beginswith: 'starts with', startwith: 'starts with', endwith: 'ends with',
};

/** A word with separators and case removed, so that `starts_with`, `startsWith` and `starts with` compare equal. */
const compact = (word: string): string => word.toLowerCase().replace(/[\s_-]+/g, '');

/** The written form meant by `word`, among `candidates`, or undefined when none reads as meant. */
function meantWord(word: string, candidates: readonly string[]): string | undefined {
  const key = compact(word);
  const foreign = FOREIGN[key];
  if (foreign !== undefined && (candidates.includes(foreign) || /^[=!<>]/.test(foreign))) return foreign;
  const same = candidates.find((c) => compact(c) === key);
  if (same !== undefined) return same;
  const byCompact = new Map(candidates.map((c) => [compact(c), c]));
  return byCompact.get(suggestNames(key, [...byCompact.keys()], 1)[0] ?? '');
}

/** The candidates for a word at the error: what the token before it allows. */
function candidatesAfter(previous: IToken | undefined): readonly string[] {
  if (previous && tokenMatcher(previous, T.Not)) return NEGATED;
  if (previous && tokenMatcher(previous, T.Is)) return IS_WORDS;
  // After a name (a column, or the `)` of `any(…)` or a modifier) a test may come; after anything, a connective.
  const afterName = previous !== undefined && (tokenMatcher(previous, T.Identifier) || tokenMatcher(previous, T.QuotedName) || tokenMatcher(previous, T.RParen));
  return afterName ? [...TESTS, ...CONNECTIVES] : CONNECTIVES;
}

/** True for a token after which a value comes: a comparison, `in (`, a list's `,`. */
function expectsValue(previous: IToken | undefined): boolean {
  return previous !== undefined && (tokenMatcher(previous, T.CompareOperator) || tokenMatcher(previous, T.LParen) || tokenMatcher(previous, T.Comma));
}

/** Keywords that are never values, so that written bare where a value goes they are a value to quote. */
const isValueKeyword = (token: IToken): boolean =>
  tokenMatcher(token, T.True) || tokenMatcher(token, T.False) || tokenMatcher(token, T.Null);

/** The index of `token` in `tokens` (by offset; binary search, as errors are few and filters may be long). */
function indexOf(tokens: readonly IToken[], token: IToken): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < token.startOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when a keyword stands where a whole value goes: what follows it ends
 * the value (the end, `)`, `,`, a connective). `DR >= and is_spam` is a
 * missing value, not the value "and"; `and` at the very end is a dangling
 * connective.
 */
function standsAsValue(keyword: IToken, next: IToken | undefined): boolean {
  if (next === undefined) return !tokenMatcher(keyword, T.And);
  return tokenMatcher(next, T.RParen) || tokenMatcher(next, T.Comma) || tokenMatcher(next, T.And) || tokenMatcher(next, T.Or);
}

/**
 * The parser's diagnostic for `error`, with a did-you-mean and a quick fix
 * when the token it stopped at reads as a slip: a misspelt keyword or
 * operator, two operator characters glued the way another language writes
 * them, or a keyword written bare where a value goes. Undefined when nothing
 * reads as meant; the caller then reports the parser's message as it is.
 */
export function explainTypo(error: IRecognitionException, tokens: readonly IToken[], lines: LineIndex): Diagnostic | undefined {
  const token = error.token;
  if (!token || !Number.isFinite(token.startOffset) || token.image === undefined) return undefined;
  const at = indexOf(tokens, token);
  const previous = at > 0 ? tokens[at - 1] : undefined;
  const range = lines.tokenRange(token);
  const message = error.message;

  // `=>`, `==`, `<>`: the lexer read two operators; what was meant is one.
  if (previous && previous.startOffset + previous.image.length === token.startOffset && tokenMatcher(previous, T.CompareOperator) && tokenMatcher(token, T.CompareOperator)) {
    const meant = GLUED[previous.image + token.image];
    if (meant !== undefined) {
      const whole = lines.range(previous.startOffset, token.startOffset + token.image.length);
      const code = `\`${meant}\``;
      return report('unexpected-token', 'glued', { message, meant: code, written: `\`${previous.image}${token.image}\`` }, { range: whole },
        [{ message: formatMessage('unexpected-token', 'fix', { text: code }), replacement: meant, range: whole }]);
    }
  }

  // `country = IN`: a value spelt like a keyword is written quoted.
  if (tokenMatcher(token, T.Keyword) && !isValueKeyword(token) && expectsValue(previous) && standsAsValue(token, tokens[at + 1])) {
    const quoted = quoteString(token.image);
    return report('unexpected-token', 'keywordValue', { message, found: `\`${token.image}\``, quoted }, { range },
      [{ message: formatMessage('unexpected-token', 'fix', { text: quoted }), replacement: quoted, range }]);
  }

  // `startswith`, `contain`, `adn`, `nin`: a word where a test or a connective goes.
  if (tokenMatcher(token, T.Identifier)) {
    const meant = meantWord(token.image, candidatesAfter(previous));
    if (meant !== undefined) return typo(message, meant, range);
  }
  return undefined;
}

function typo(message: string, meant: string, range: ReturnType<LineIndex['range']>): Diagnostic {
  const code = `\`${meant}\``;
  return report('unexpected-token', 'typo', { message, meant: code }, { range },
    [{ message: formatMessage('unexpected-token', 'fix', { text: code }), replacement: meant, range }]);
}
