/**
 * Lexical checks and literal decoding: source positions, string / name /
 * regex escapes, number and date validity.
 *
 * These run over the token stream, independently of the parse, so that every
 * bad literal is reported once, even one that parser recovery skipped.
 */
import type { IToken } from 'chevrotain';
import type { Position, SourceRange } from '../ast/nodes.js';
import { dateLiteralKind } from '../vocabulary/dates.js';
import { readNumber } from '../ast/numbers.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatMessage, report } from '../diagnostics/messages.js';
import * as T from './tokens.js';

/**
 * Offsets to positions. Lines break at `\n` only (so `\r\n` ends a line once,
 * and a lone `\r` does not), as every tool in the project counts them.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /**
   * Recent positions by offset (a 16-slot direct-mapped cache): the ranges of
   * a node and of its first and last children start and end at the same
   * offsets, and share one (immutable) position object each.
   */
  private readonly cachedOffsets: number[] = [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1];
  private readonly cachedPositions: (Position | undefined)[] = new Array<Position | undefined>(16).fill(undefined);

  /** The position of a UTF-16 offset, clamped into the text. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? offset : this.text.length, this.text.length));
    const slot = o & 15;
    if (this.cachedOffsets[slot] === o) return this.cachedPositions[slot]!;
    const p = this.locate(o);
    this.cachedOffsets[slot] = o;
    this.cachedPositions[slot] = p;
    return p;
  }

  private locate(o: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { offset: o, line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** The half-open range `[start, end)`. */
  range(start: number, end: number): SourceRange {
    const s = this.position(start);
    const e = this.position(Math.max(end, s.offset));
    return { start: s, end: e };
  }

  /** The range of one token (Chevrotain's `endOffset` is inclusive). */
  tokenRange(token: IToken): SourceRange {
    return this.range(token.startOffset, token.startOffset + token.image.length);
  }
}

/** A problem inside a literal, by offsets relative to the token's start. */
interface Problem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

interface Decoded {
  readonly value: string;
  readonly problems: Problem[];
}

const HEX4 = /^[0-9A-Fa-f]{4}/;
const HEX_BRACED = /^\{([0-9A-Fa-f]{1,6})\}/;

/**
 * Decodes the escapes of a quoted string (`escapes` maps the escape letter to
 * its character; `u` is handled here) or of a backtick name.
 */
function decodeEscapes(body: string, bodyOffset: number, escapes: Readonly<Record<string, string>>, unicode: boolean, what: string): Decoded {
  const problems: Problem[] = [];
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) break; // a lone backslash at the end of an unterminated literal: already reported as unterminated
    if (Object.hasOwn(escapes, next)) {
      value += escapes[next];
      i++;
      continue;
    }
    if (unicode && next === 'u') {
      const rest = body.slice(i + 2);
      const braced = HEX_BRACED.exec(rest);
      const code = braced ? parseInt(braced[1]!, 16) : HEX4.test(rest) ? parseInt(rest.slice(0, 4), 16) : undefined;
      const length = braced ? 2 + braced[0].length : HEX4.test(rest) ? 6 : 2;
      if (code !== undefined && code <= 0x10ffff) {
        value += String.fromCodePoint(code);
        i += length - 1;
        continue;
      }
      problems.push({
        start: bodyOffset + i,
        end: bodyOffset + i + length,
        message: formatMessage('invalid-escape', 'unicode', {}),
      });
      i += length - 1;
      continue;
    }
    const cp = body.codePointAt(i + 1)!;
    const width = cp > 0xffff ? 2 : 1;
    const allowed = Object.keys(escapes).map((k) => `\`\\${k}\``).join(', ');
    problems.push({
      start: bodyOffset + i,
      end: bodyOffset + i + 1 + width,
      message: formatMessage('invalid-escape', 'default', { escape: String.fromCodePoint(cp), what, allowed: `${allowed}${unicode ? ', `\\uXXXX` and `\\u{X…}`' : ''}` }),
    });
    value += body.slice(i + 1, i + 1 + width);
    i += width;
  }
  return { value, problems };
}

const STRING_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', "'": "'", n: '\n', r: '\r', t: '\t', '/': '/' };
/** Names take the string escapes too, so that any name (a line break in a JSON field name) can be written. */
const NAME_ESCAPES: Readonly<Record<string, string>> = { ...STRING_ESCAPES, '`': '`' };

function body(token: IToken, complete: boolean): string {
  return token.image.slice(1, complete ? -1 : undefined);
}

/** The value of a string token (complete or not). */
export function decodeString(token: IToken): Decoded {
  return decodeEscapes(body(token, token.tokenType === T.StringLiteral), 1, STRING_ESCAPES, true, 'a string');
}

/** The name inside backticks. */
export function decodeQuotedName(token: IToken): Decoded {
  return decodeEscapes(body(token, token.tokenType === T.BacktickName), 1, NAME_ESCAPES, true, 'a `quoted name`');
}

/** The pattern of a `/regex/` token: `\/` means `/`, every other backslash pair is the pattern's own. */
export function decodeRegex(token: IToken): string {
  return body(token, token.tokenType === T.RegexLiteral).replace(/\\([^])/g, (pair, c: string) => (c === '/' ? '/' : pair));
}

/**
 * The value of a number token, with a problem when the API would not receive
 * the number as written (the one rule of `src/ast/numbers.ts`, shared with
 * `where` JSON text).
 */
export function decodeNumber(image: string): { value: number; problem?: string } {
  // Most literals print back exactly as written (`50`, `2.5`), which is the rule itself: no normal forms needed.
  const quick = Number(image);
  if (String(quick) === image) return { value: quick };
  const { value, problem } = readNumber(image);
  return problem ? { value, problem: formatMessage('invalid-number', problem.variant, { text: problem.text, printed: problem.printed, where: '' }) } : { value };
}

/**
 * Every lexical problem of the token stream: unterminated literals, invalid
 * escapes, numbers that cannot be represented, impossible dates.
 */
export function scanTokens(tokens: readonly IToken[], lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (token: IToken, p: Problem) => lines.range(token.startOffset + p.start, token.startOffset + p.end);
  for (const token of tokens) {
    const type = token.tokenType;
    const range = () => lines.tokenRange(token);
    if (type === T.UnterminatedString) {
      out.push(report('unterminated-string', 'string', { quote: token.image[0]! }, { range: range() }));
    } else if (type === T.UnterminatedBacktickName) {
      out.push(report('unterminated-string', 'name', {}, { range: range() }));
    } else if (type === T.UnterminatedRegex) {
      out.push(report('unterminated-regex', 'default', {}, { range: range() }));
    }
    if (type === T.StringLiteral || type === T.UnterminatedString) {
      for (const p of decodeString(token).problems) out.push(diagnostic('invalid-escape', p.message, { range: at(token, p) }));
    } else if (type === T.BacktickName || type === T.UnterminatedBacktickName) {
      for (const p of decodeQuotedName(token).problems) out.push(diagnostic('invalid-escape', p.message, { range: at(token, p) }));
    } else if (type === T.NumberLiteral) {
      const { problem } = decodeNumber(token.image);
      if (problem) out.push(diagnostic('invalid-number', problem, { range: range() }));
    } else if (type === T.DateLiteral && dateLiteralKind(token.image) !== 'date') {
      out.push(report('invalid-date', 'date', { text: token.image }, { range: range() }));
    } else if (type === T.DateTimeLiteral && dateLiteralKind(token.image) !== 'datetime') {
      out.push(report('invalid-date', 'datetime', { text: token.image }, { range: range() }));
    }
  }
  return out;
}
