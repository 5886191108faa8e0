/**
 * A tolerant scanner for editors. It never fails: every character of the
 * input ends up in exactly one token, unterminated strings and regexes run to
 * the end of their line, and characters no token starts with become `unknown`
 * tokens. The compiler's Chevrotain lexer (src/syntax/tokens.ts) is the
 * authority on what is valid; this scanner only has to agree with it on
 * valid text and to degrade gracefully on broken text, which is what
 * completion and highlighting need while a person is typing.
 */

/** The lexical kinds the editor distinguishes. */
export type ScanKind =
  | 'keyword'
  | 'identifier'
  | 'string'
  | 'number'
  | 'date'
  | 'datetime'
  | 'regex'
  | 'operator'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'comment'
  | 'unknown';

/** One token: `[start, end)` offsets into the text. */
export interface ScanToken {
  readonly kind: ScanKind;
  readonly start: number;
  readonly end: number;
  /** The text of the token (keywords lower-cased, so `AND` reads `and`). */
  readonly text: string;
  /** For strings, regexes and backtick names: false when the closing quote, slash or backtick is missing. */
  readonly terminated?: boolean;
  /** True for a backtick-quoted name (`text` is then the name without backticks). */
  readonly quoted?: boolean;
}

/** The keywords of the language, matched case-insensitively. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'in', 'between', 'is', 'null', 'empty', 'true', 'false',
  'contains', 'icontains', 'phrase', 'starts', 'ends', 'with', 'matches', 'any', 'all',
]);

const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?/y;
const DATE = /\d{4}-\d{2}-\d{2}/y;
const NUMBER = /-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;

const SPACE = /\s/;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || (c > ' ' && c < '\u00a0' ? false : SPACE.test(c));
}

/** Scans to the closing `close` (backslash escapes skipped) or to the end of the line. */
function scanDelimited(text: string, start: number, close: string): { end: number; terminated: boolean } {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      i += text[i + 1] === '\n' || text[i + 1] === '\r' || i + 1 >= text.length ? 1 : 2;
      continue;
    }
    if (c === close) return { end: i + 1, terminated: true };
    if (c === '\n' || c === '\r') break;
    i++;
  }
  return { end: i, terminated: false };
}

function match(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/**
 * Scans one token starting at `at`, which must not be whitespace. Exposed so
 * that line-based highlighters can scan a line at a time.
 */
export function scanOne(text: string, at: number): ScanToken {
  const c = text[at]!;
  const code = text.charCodeAt(at);
  if (c === '#') {
    let end = at;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    return { kind: 'comment', start: at, end, text: text.slice(at, end) };
  }
  if (c === '"' || c === "'" || c === '/') {
    const { end, terminated } = scanDelimited(text, at, c);
    return { kind: c === '/' ? 'regex' : 'string', start: at, end, text: text.slice(at, end), terminated };
  }
  if (c === '`') {
    // A backtick-quoted name (for columns spelled like a keyword): an identifier whose text is the name.
    const { end, terminated } = scanDelimited(text, at, c);
    const name = text.slice(at + 1, terminated ? end - 1 : end).replace(/\\([`\\])/g, '$1');
    return { kind: 'identifier', start: at, end, text: name, terminated, quoted: true };
  }
  if (c === '(') return { kind: 'lparen', start: at, end: at + 1, text: c };
  if (c === ')') return { kind: 'rparen', start: at, end: at + 1, text: c };
  if (c === ',') return { kind: 'comma', start: at, end: at + 1, text: c };
  if (c === '=' || c === '<' || c === '>' || c === '!') {
    const two = text.slice(at, at + 2);
    const op = two === '>=' || two === '<=' || two === '!=' ? two : c === '!' ? '' : c;
    if (op) return { kind: 'operator', start: at, end: at + op.length, text: op };
  }
  if ((code >= 48 && code <= 57) || ((c === '-' || c === '.') && /[\d.]/.test(text[at + 1] ?? ''))) {
    let end = match(DATETIME, text, at);
    if (end > 0) return { kind: 'datetime', start: at, end, text: text.slice(at, end) };
    end = match(DATE, text, at);
    if (end > 0) return { kind: 'date', start: at, end, text: text.slice(at, end) };
    end = match(NUMBER, text, at);
    if (end > 0) return { kind: 'number', start: at, end, text: text.slice(at, end) };
  }
  const end = match(WORD, text, at);
  if (end > 0) {
    const word = text.slice(at, end);
    const lower = word.toLowerCase();
    if (KEYWORDS.has(lower)) return { kind: 'keyword', start: at, end, text: lower };
    return { kind: 'identifier', start: at, end, text: word };
  }
  // One code point, not one UTF-16 unit, so that an emoji is one unknown token.
  const width = code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
  return { kind: 'unknown', start: at, end: at + width, text: text.slice(at, at + width) };
}

/** Scans the whole text; whitespace is skipped, everything else is a token. Text that is not a string has no tokens. */
export function scan(text: string): ScanToken[] {
  const tokens: ScanToken[] = [];
  if (typeof text !== 'string') return tokens;
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i]!)) {
      i++;
      continue;
    }
    const token = scanOne(text, i);
    tokens.push(token);
    i = token.end;
  }
  return tokens;
}

/** True for tokens that can be a value of a test. */
export function isValueToken(token: ScanToken): boolean {
  return (
    token.kind === 'string' || token.kind === 'number' || token.kind === 'date' || token.kind === 'datetime' ||
    token.kind === 'regex' || token.kind === 'identifier' ||
    (token.kind === 'keyword' && (token.text === 'true' || token.text === 'false' || token.text === 'null'))
  );
}
