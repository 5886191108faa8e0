/**
 * The compiler's own tokens as a lossless stream, for editors: every
 * character of the text belongs to exactly one token, whitespace and
 * comments included, and the stream never fails. It is the compiler's
 * lexer's output (src/syntax/lexer.ts) with the gaps put back: whitespace is
 * `SKIPPED` by the lexer, so the gaps between tokens become whitespace
 * tokens; comments come from the lexer's `comments` group; and the
 * characters the lexer could not read (`lexed.errors`) become `unknown`
 * tokens, one per code point, each carrying the reason. This is what
 * rust-analyzer's `lexed_str.rs` and the TypeScript classifier do: one lexer
 * for the compiler and the editor, so that the two can never cut text
 * differently.
 */
import type { IToken, TokenType } from 'chevrotain';
import { decodeQuotedName } from './lexical.js';
import { lexText } from './lexer.js';
import * as T from './tokens.js';

/** What a token of the stream is. */
export type StreamKind =
  | 'whitespace'
  | 'comment'
  | 'keyword'
  | 'identifier'
  | 'quoted-name'
  | 'string'
  | 'number'
  | 'date'
  | 'datetime'
  | 'regex'
  | 'operator'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'unknown';

/** One token of the stream: `[start, end)` offsets into the text; `text` is the source as written. */
export interface StreamToken {
  readonly kind: StreamKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The Chevrotain token type's name (`Gte`, `And`, `UnterminatedString`); absent for whitespace and `unknown`. */
  readonly type?: string;
  /** For strings, regexes and quoted names: false when the closing quote, slash or backtick is missing. */
  readonly terminated?: boolean;
  /** For quoted names: the name inside the backticks, escapes decoded as the parser decodes them. */
  readonly name?: string;
  /** For `unknown`: why the lexer could not read the character. */
  readonly reason?: string;
}

/** The stream kind of each Chevrotain token type (keywords and comparison operators are found by their category). */
const KINDS = new Map<TokenType, { kind: StreamKind; terminated?: boolean }>([
  [T.Comment, { kind: 'comment' }],
  [T.Identifier, { kind: 'identifier' }],
  [T.BacktickName, { kind: 'quoted-name', terminated: true }],
  [T.UnterminatedBacktickName, { kind: 'quoted-name', terminated: false }],
  [T.LParen, { kind: 'lparen' }],
  [T.RParen, { kind: 'rparen' }],
  [T.Comma, { kind: 'comma' }],
  [T.DateTimeLiteral, { kind: 'datetime' }],
  [T.DateLiteral, { kind: 'date' }],
  [T.NumberLiteral, { kind: 'number' }],
  [T.StringLiteral, { kind: 'string', terminated: true }],
  [T.UnterminatedString, { kind: 'string', terminated: false }],
  [T.RegexLiteral, { kind: 'regex', terminated: true }],
  [T.UnterminatedRegex, { kind: 'regex', terminated: false }],
]);

function kindOf(type: TokenType): { kind: StreamKind; terminated?: boolean } {
  const known = KINDS.get(type);
  if (known) return known;
  if (type.CATEGORIES?.includes(T.Keyword)) return { kind: 'keyword' };
  if (type.CATEGORIES?.includes(T.CompareOperator)) return { kind: 'operator' };
  // A token type added to tokens.ts but not here: shown as unknown rather than dropped, and caught by the stream's tests.
  return { kind: 'unknown' };
}

/** Why a character is not part of the language (the reason an `unknown` token carries). */
function unknownReason(char: string): string {
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `The character \`${char}\` (U+${code}) starts no token: expected a name, a value, an operator or a parenthesis.`;
}

function fromLexer(token: IToken): StreamToken {
  const { kind, terminated } = kindOf(token.tokenType);
  const start = token.startOffset;
  return {
    kind,
    start,
    end: start + token.image.length,
    text: token.image,
    type: token.tokenType.name,
    ...(terminated === undefined ? {} : { terminated }),
    ...(kind === 'quoted-name' ? { name: decodeQuotedName(token).value } : {}),
  };
}

/**
 * The lossless token stream of `text`. The tokens are in order, none is
 * empty, and together they cover the text exactly once; on valid text the
 * non-whitespace, non-comment tokens are exactly the parser's tokens. Text
 * that is not a string has no tokens. Never throws.
 *
 * @example
 * tokenStream('DR >= 5').map((t) => t.kind); // ['identifier', 'whitespace', 'operator', 'whitespace', 'number']
 */
export function tokenStream(text: string): StreamToken[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const lexed = lexText(text);
  const pieces: StreamToken[] = [...lexed.tokens, ...lexed.groups.comments].map(fromLexer);
  for (const e of lexed.errors) {
    // One token per code point, so that an emoji is one unknown token and a run of bad characters stays editable piece by piece.
    for (let at = e.offset; at < e.offset + e.length;) {
      const char = String.fromCodePoint(text.codePointAt(at)!);
      const end = Math.min(at + char.length, e.offset + e.length);
      pieces.push({ kind: 'unknown', start: at, end, text: text.slice(at, end), reason: unknownReason(char) });
      at = end;
    }
  }
  pieces.sort((a, b) => a.start - b.start);
  // The gaps are what the lexer skipped: whitespace.
  const out: StreamToken[] = [];
  let at = 0;
  for (const piece of pieces) {
    if (piece.start > at) out.push({ kind: 'whitespace', start: at, end: piece.start, text: text.slice(at, piece.start) });
    out.push(piece);
    at = piece.end;
  }
  if (at < text.length) out.push({ kind: 'whitespace', start: at, end: text.length, text: text.slice(at) });
  return out;
}
