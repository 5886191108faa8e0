/**
 * The editor's view of the compiler's tokens. There is one lexer: the
 * syntax stage's lossless stream (`tokenStream`, on the Chevrotain lexer of
 * src/syntax/tokens.ts) cuts the text, so completion, hover and highlighting
 * can never read it differently from the parser. This module only drops the
 * whitespace and names each token the way the grammar automaton
 * (src/editor/context.ts) reads it: keywords lower-cased, a backtick name as
 * an identifier whose text is the name.
 */
import { tokenStream, type StreamKind, type StreamToken } from '../syntax/index.js';

/** The lexical kinds the editor distinguishes: the stream's, without whitespace (skipped) and quoted names (read as identifiers). */
export type ScanKind = Exclude<StreamKind, 'whitespace' | 'quoted-name'>;

/** One token: `[start, end)` offsets into the text. */
export interface ScanToken {
  readonly kind: ScanKind;
  readonly start: number;
  readonly end: number;
  /** The text of the token (keywords lower-cased, so `AND` reads `and`; a backtick name's decoded name). */
  readonly text: string;
  /** For strings, regexes and backtick names: false when the closing quote, slash or backtick is missing. */
  readonly terminated?: boolean;
  /** True for a backtick-quoted name (`text` is then the name without backticks). */
  readonly quoted?: boolean;
  /** For `unknown` tokens: why the compiler's lexer could not read the character. */
  readonly reason?: string;
}

function toScan(t: StreamToken): ScanToken {
  const range = { start: t.start, end: t.end };
  switch (t.kind) {
    case 'keyword':
      return { kind: 'keyword', ...range, text: t.text.toLowerCase() };
    case 'quoted-name':
      return { kind: 'identifier', ...range, text: t.name ?? '', terminated: t.terminated ?? false, quoted: true };
    case 'string':
    case 'regex':
      return { kind: t.kind, ...range, text: t.text, terminated: t.terminated ?? false };
    case 'unknown':
      return { kind: 'unknown', ...range, text: t.text, ...(t.reason ? { reason: t.reason } : {}) };
    default:
      return { kind: t.kind as Exclude<ScanKind, 'keyword' | 'string' | 'regex' | 'unknown'>, ...range, text: t.text };
  }
}

/**
 * The tokens of `text`, whitespace left out: every other character belongs
 * to exactly one token, comments and characters no token starts with
 * (`unknown`, with a `reason`) included. Cut by the compiler's own lexer.
 * Text that is not a string has no tokens. Never throws.
 *
 * @example
 * scan('DR >= 50').map((t) => t.kind); // ['identifier', 'operator', 'number']
 */
export function scan(text: string): ScanToken[] {
  const out: ScanToken[] = [];
  for (const t of tokenStream(text)) if (t.kind !== 'whitespace') out.push(toScan(t));
  return out;
}

/** True for the keywords that stand for a value: `true`, `false`, and `null` (a bad value, but one in value position). */
function isValueKeyword(word: string): boolean {
  return word === 'true' || word === 'false' || word === 'null';
}

/** True for tokens that can be a value of a test. */
export function isValueToken(token: ScanToken): boolean {
  switch (token.kind) {
    case 'string':
    case 'number':
    case 'date':
    case 'datetime':
    case 'regex':
    case 'identifier':
      return true;
    case 'keyword':
      return isValueKeyword(token.text);
    default:
      return false;
  }
}
