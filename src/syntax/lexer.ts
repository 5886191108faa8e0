/**
 * The one lexer of the language, written by hand: text → Chevrotain tokens,
 * for the parser, the lexical checks and the editor's token stream alike.
 *
 * It produces exactly what Chevrotain's own `Lexer` would from the token
 * definitions of `tokens.ts` (`positionTracking: 'full'`, error recovery on):
 * the same tokens (type, image, offsets, lines, columns), the same `comments`
 * group and the same errors, message included. `test/syntax/lexer.test.ts`
 * holds it to that against a Chevrotain `Lexer` built from the same
 * definitions, on generated texts. The rules it follows are Chevrotain's:
 *
 * - the first definition in `ALL_TOKENS` order that matches wins (not the
 *   longest), except that a keyword gives way to a longer `Identifier`
 *   (`longer_alt`): `android` is a name, `AND` the keyword;
 * - a character that starts no token begins an error that runs, one UTF-16
 *   unit at a time, to the next offset where some token matches;
 * - lines end at `\n`, `\r\n` or a lone `\r` (Chevrotain's default), and only
 *   whitespace can hold one.
 *
 * Each branch below is one definition's regular expression spelled out over
 * character codes: no regex runs, nothing is built at import, and the
 * dispatch on the first character is what Chevrotain's `safeMode: false`
 * would do, without its start-up analysis.
 */
import type { ILexingError, IToken, TokenType } from 'chevrotain';
import * as T from './tokens.js';

/** What {@link lexText} returns: Chevrotain's `ILexingResult`, with the one group of this language. */
export interface LexResult {
  /** The tokens the parser reads (whitespace skipped, comments apart). */
  readonly tokens: IToken[];
  readonly groups: { readonly comments: IToken[] };
  /** Runs of characters that start no token, with Chevrotain's messages. */
  readonly errors: ILexingError[];
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** `[A-Za-z_]`: the first character of a name segment (`NAME_SEGMENT_SOURCE`). */
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
/** `[A-Za-z0-9_]`. */
const isNamePart = (c: number) => isNameStart(c) || isDigit(c);

/**
 * JavaScript's `\s` (without the `u` flag): the WhiteSpace and LineTerminator
 * code points of ECMA-262. The lexer test compares it with `/\s/` on every
 * UTF-16 code unit.
 */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `\d{n}` at `i`: the offset after it, or -1. */
function digits(text: string, i: number, n: number): number {
  for (let k = 0; k < n; k++) if (!isDigit(text.charCodeAt(i + k))) return -1;
  return i + n;
}

/** `\d+` at `i`: the offset after it, or -1. */
function someDigits(text: string, i: number): number {
  if (!isDigit(text.charCodeAt(i))) return -1;
  while (isDigit(text.charCodeAt(++i)));
  return i;
}

/** `DATE_TOKEN`, `\d{4}-\d{2}-\d{2}`: its end, or -1. */
function dateEnd(text: string, i: number): number {
  let at = digits(text, i, 4);
  if (at < 0 || text.charCodeAt(at) !== 45) return -1;
  at = digits(text, at + 1, 2);
  if (at < 0 || text.charCodeAt(at) !== 45) return -1;
  return digits(text, at + 1, 2);
}

/**
 * `DATETIME_TOKEN` after a date ending at `at`:
 * `T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?`, each optional
 * part taken whole or not at all. Its end, or -1.
 */
function dateTimeEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== 84) return -1; // T
  at = digits(text, at + 1, 2);
  if (at < 0 || text.charCodeAt(at) !== 58) return -1;
  at = digits(text, at + 1, 2);
  if (at < 0) return -1;
  if (text.charCodeAt(at) === 58) {
    const seconds = digits(text, at + 1, 2);
    if (seconds >= 0) {
      at = seconds;
      if (text.charCodeAt(at) === 46) {
        const fraction = someDigits(text, at + 1);
        if (fraction >= 0) at = fraction;
      }
    }
  }
  const z = text.charCodeAt(at);
  if (z === 90) return at + 1; // Z
  if (z === 43 || z === 45) {
    const hours = digits(text, at + 1, 2);
    if (hours >= 0 && text.charCodeAt(hours) === 58) {
      const minutes = digits(text, hours + 1, 2);
      if (minutes >= 0) return minutes;
    }
  }
  return at;
}

/** `NumberLiteral`, `-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?`: its end, or -1. */
function numberEnd(text: string, i: number): number {
  let at = text.charCodeAt(i) === 45 ? i + 1 : i;
  const whole = someDigits(text, at);
  if (whole >= 0) {
    at = whole;
    if (text.charCodeAt(at) === 46) {
      const fraction = someDigits(text, at + 1);
      if (fraction >= 0) at = fraction;
    }
  } else {
    if (text.charCodeAt(at) !== 46) return -1;
    at = someDigits(text, at + 1);
    if (at < 0) return -1;
  }
  const e = text.charCodeAt(at);
  if (e === 101 || e === 69) {
    const sign = text.charCodeAt(at + 1);
    const exponent = someDigits(text, sign === 43 || sign === 45 ? at + 2 : at + 1);
    if (exponent >= 0) at = exponent;
  }
  return at;
}

/**
 * A quoted literal opened by the character at `i` (`"`, `'`, `/` or a
 * backtick): `q(?:[^q\\\r\n]|\\[^\r\n])*q` when closed, else its
 * unterminated form `q(?:[^q\\\r\n]|\\[^\r\n])*\\?`, which stops at the end
 * of the line. Returns the end, negated when the literal is unterminated.
 */
function quotedEnd(text: string, i: number): number {
  const quote = text.charCodeAt(i);
  const length = text.length;
  let at = i + 1;
  while (at < length) {
    const c = text.charCodeAt(at);
    if (c === quote) return at + 1;
    if (c === 10 || c === 13) return -at;
    if (c === 92) {
      const next = text.charCodeAt(at + 1);
      // A backslash before a line break or the end is the `\\?` of the unterminated form.
      if (at + 1 >= length || next === 10 || next === 13) return -(at + 1);
      at += 2;
    } else at++;
  }
  return -at;
}

/** `NAME_SOURCE`, `[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*`, from a name start at `i`. */
function nameEnd(text: string, i: number): number {
  let at = i + 1;
  for (;;) {
    while (isNamePart(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) !== 46 || !isNameStart(text.charCodeAt(at + 1))) return at;
    at += 2;
  }
}

/** A match: the token type and where it ends. Shared, since at most one is alive at a time. */
const found = { type: T.Identifier as TokenType, end: 0 };

/**
 * The token that starts at `i`, in `found`; false when none does. Order of
 * preference within one first character is that of `ALL_TOKENS`.
 */
function match(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  let end = -1;
  let type: TokenType;
  if (isNameStart(c)) {
    // A keyword or a name: lexText tells them apart by the image (keywords give way to longer names).
    end = nameEnd(text, i);
    type = T.Identifier;
  } else if (isDigit(c)) {
    const date = dateEnd(text, i);
    const dateTime = date < 0 ? -1 : dateTimeEnd(text, date);
    if (dateTime >= 0) { end = dateTime; type = T.DateTimeLiteral; } else if (date >= 0) { end = date; type = T.DateLiteral; } else {
      end = numberEnd(text, i);
      type = T.NumberLiteral;
    }
  } else if (isSpace(c)) {
    end = i + 1;
    while (isSpace(text.charCodeAt(end))) end++;
    type = T.WhiteSpace;
  } else {
    switch (c) {
      case 40: end = i + 1; type = T.LParen; break;
      case 41: end = i + 1; type = T.RParen; break;
      case 44: end = i + 1; type = T.Comma; break;
      case 62: case 60: { // > <
        const eq = text.charCodeAt(i + 1) === 61;
        end = eq ? i + 2 : i + 1;
        type = c === 62 ? (eq ? T.Gte : T.Gt) : eq ? T.Lte : T.Lt;
        break;
      }
      case 33: if (text.charCodeAt(i + 1) !== 61) return false; end = i + 2; type = T.Neq; break;
      case 61: end = i + 1; type = T.Eq; break;
      case 45: case 46: end = numberEnd(text, i); type = T.NumberLiteral; break; // - .
      case 35: { // #
        end = i + 1;
        while (end < text.length) {
          const d = text.charCodeAt(end);
          if (d === 10 || d === 13) break;
          end++;
        }
        type = T.Comment;
        break;
      }
      case 34: case 39: case 47: case 96: { // " ' / `
        const q = quotedEnd(text, i);
        end = q < 0 ? -q : q;
        const closed = q > 0;
        type = c === 47 ? (closed ? T.RegexLiteral : T.UnterminatedRegex)
          : c === 96 ? (closed ? T.BacktickName : T.UnterminatedBacktickName)
          : closed ? T.StringLiteral : T.UnterminatedString;
        break;
      }
      default: return false;
    }
  }
  if (end < 0) return false;
  found.type = type;
  found.end = end;
  return true;
}

/** The token object Chevrotain's lexer makes with `positionTracking: 'full'` (same keys, same order). */
function token(image: string, startOffset: number, type: TokenType, line: number, column: number): IToken {
  return {
    image,
    startOffset,
    endOffset: startOffset + image.length - 1,
    startLine: line,
    endLine: line,
    startColumn: column,
    endColumn: column + image.length - 1,
    tokenTypeIdx: type.tokenTypeIdx!,
    tokenType: type,
  };
}

/**
 * Lexes `text` into the parser's tokens, the comments and the errors. Never
 * throws; the tokens, comments and errors are each in text order.
 *
 * @example
 * lexText('DR >= 5 # min').tokens.map((t) => t.image); // ['DR', '>=', '5']
 */
export function lexText(text: string): LexResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: ILexingError[] = [];
  const length = text.length;
  let line = 1;
  let column = 1;
  let at = 0;
  while (at < length) {
    if (!match(text, at)) {
      const start = at;
      while (++at < length && !match(text, at));
      errors.push({
        offset: start,
        line,
        column,
        length: at - start,
        message: `unexpected character: ->${text.charAt(start)}<- at offset: ${start}, skipped ${at - start} characters.`,
      });
      column += at - start;
      continue;
    }
    const end = found.end;
    let type = found.type;
    if (type === T.WhiteSpace) {
      // Only whitespace holds line breaks (`\n`, `\r\n`, `\r`); after the last one the column restarts.
      let lastBreak = -1;
      for (let i = at; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < end) i++;
        else if (c !== 10 && c !== 13) continue;
        line++;
        lastBreak = i;
      }
      column = lastBreak < 0 ? column + end - at : end - lastBreak;
    } else {
      const image = text.slice(at, end);
      if (type === T.Identifier) type = T.keywordFor(image) ?? type;
      const t = token(image, at, type, line, column);
      if (type === T.Comment) comments.push(t);
      else tokens.push(t);
      column += end - at;
    }
    at = end;
  }
  return { tokens, groups: { comments }, errors };
}

/** The lexer as an object with Chevrotain's `tokenize` method, for code written against a `Lexer`. */
export const LEXER: { readonly tokenize: (text: string) => LexResult } = Object.freeze({ tokenize: lexText });

/** {@link LEXER}: there is one lexer, and nothing to build. */
export function getLexer(): typeof LEXER {
  return LEXER;
}
