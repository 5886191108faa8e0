/**
 * The lossless token stream (src/syntax/token-stream.ts): the compiler's
 * Chevrotain tokens with whitespace, comments and unreadable characters put
 * back, so that every character belongs to exactly one token.
 */
import fc from 'fast-check';
import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { filterText } from '../../src/arbitraries/index.js';
import { allBacklinks } from '../../src/catalogue/index.js';
import { ALL_TOKENS, getLexer, parse, tokenStream, type StreamToken } from '../../src/syntax/index.js';
import { VALID_QUERIES } from '../editor/corpus.js';

/** Every character once, in order: the tokens are contiguous, non-empty, and their texts rebuild the input. */
function expectLossless(text: string, tokens: readonly StreamToken[]): void {
  let at = 0;
  for (const t of tokens) {
    expect(t.start, JSON.stringify(text)).toBe(at);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.text).toBe(text.slice(t.start, t.end));
    if (t.kind === 'whitespace') expect(t.text).toMatch(/^\s+$/);
    if (t.kind === 'unknown') expect(t.reason).toMatch(/starts no token/);
    at = t.end;
  }
  expect(at).toBe(text.length);
}

/** The parser's tokens (the lexer's main group), as offsets and type names. */
function parserTokens(text: string): [number, number, string][] {
  return getLexer().tokenize(text).tokens.map((t) => [t.startOffset, t.startOffset + t.image.length, t.tokenType.name]);
}

function streamTokens(text: string): [number, number, string][] {
  return tokenStream(text)
    .filter((t) => t.kind !== 'whitespace' && t.kind !== 'comment' && t.kind !== 'unknown')
    .map((t) => [t.start, t.end, t.type!]);
}

const SOUP = fc.constantFrom(
  'DR', 'and', 'AND', 'android', 'x.y', '`a b`', '`a\\`b`', '`open', '"s"', "'t'", '"open', '"esc\\', '/re\\/x/', '/open',
  '2024-01-01', '2024-01-01T10:00:00Z', '2024-13-45', '12', '-3.5', '.5', '1e3', '-', '>=', '<', '!=', '!', '=', '(', ')', ',',
  '# c\n', '#', ' ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '@', '😀', '\ud800', '\udc00', 'in', 'inx', 'null', '$%',
);

describe('tokenStream', () => {
  it('covers every character exactly once and never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => expectLossless(text, tokenStream(text))),
      { seed: 91, numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.array(SOUP, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        expectLossless(text, tokenStream(text));
      }),
      { seed: 92, numRuns: 600 },
    );
  });

  it('holds exactly the parser tokens on any text, and the lexer errors as unknown tokens', () => {
    fc.assert(
      fc.property(fc.array(SOUP, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        expect(streamTokens(text)).toEqual(parserTokens(text));
        const lexed = getLexer().tokenize(text);
        const bad = tokenStream(text).filter((t) => t.kind === 'unknown');
        expect(bad.reduce((n, t) => n + t.end - t.start, 0)).toBe(lexed.errors.reduce((n, e) => n + e.length, 0));
        expect(tokenStream(text).filter((t) => t.kind === 'comment').map((t) => t.text)).toEqual((lexed.groups['comments'] ?? []).map((c) => c.image));
      }),
      { seed: 93, numRuns: 600 },
    );
  });

  it('agrees with the parser on valid filters: its tokens, and no unknown token', () => {
    const check = (text: string) => {
      expect(parse(text).diagnostics).toEqual([]);
      const tokens = tokenStream(text);
      expectLossless(text, tokens);
      expect(tokens.filter((t) => t.kind === 'unknown')).toEqual([]);
      expect(streamTokens(text)).toEqual(parserTokens(text));
    };
    for (const q of VALID_QUERIES) check(q);
    fc.assert(fc.property(filterText(allBacklinks), check), { seed: 94, numRuns: 200 });
  });

  it('gives every token type of the lexer a kind of its own (none falls through to unknown)', () => {
    const real = ALL_TOKENS.filter((t) => t.PATTERN !== Lexer.NA && t.GROUP !== Lexer.SKIPPED);
    const samples: Record<string, string> = {
      Comment: '# c', Identifier: 'x', BacktickName: '`a`', UnterminatedBacktickName: '`a', LParen: '(', RParen: ')', Comma: ',',
      Gte: '>=', Lte: '<=', Neq: '!=', Eq: '=', Gt: '>', Lt: '<', DateTimeLiteral: '2024-01-01T00:00Z', DateLiteral: '2024-01-01',
      NumberLiteral: '1', StringLiteral: '"s"', UnterminatedString: '"s', RegexLiteral: '/r/', UnterminatedRegex: '/r',
    };
    for (const type of real) {
      const sample = samples[type.name] ?? type.name.toLowerCase();
      const [token] = tokenStream(sample);
      expect(token, type.name).toMatchObject({ type: type.name, start: 0, end: sample.length });
      expect(token!.kind, type.name).not.toBe('unknown');
    }
  });

  it('reads unknown characters one code point at a time, each with its reason', () => {
    expect(tokenStream('a @😀b').map((t) => [t.kind, t.text])).toEqual([
      ['identifier', 'a'], ['whitespace', ' '], ['unknown', '@'], ['unknown', '😀'], ['identifier', 'b'],
    ]);
    expect(tokenStream('@')[0]!.reason).toContain('U+0040');
    // A lone high surrogate is one character: the name after it is still a name.
    expect(tokenStream('\ud800a').map((t) => [t.kind, t.text])).toEqual([['unknown', '\ud800'], ['identifier', 'a']]);
    expect(tokenStream('!x').map((t) => t.kind)).toEqual(['unknown', 'identifier']);
  });

  it('marks unterminated literals and decodes quoted names as the parser does', () => {
    expect(tokenStream('"open')[0]).toMatchObject({ kind: 'string', terminated: false });
    expect(tokenStream('/re/')[0]).toMatchObject({ kind: 'regex', terminated: true });
    expect(tokenStream('`a\\`b\\nc`')[0]).toMatchObject({ kind: 'quoted-name', terminated: true, name: 'a`b\nc' });
    expect(tokenStream('`open')[0]).toMatchObject({ kind: 'quoted-name', terminated: false, name: 'open' });
    expect(tokenStream('AND')[0]).toMatchObject({ kind: 'keyword', type: 'And', text: 'AND' });
  });

  it('has no tokens for empty text or text that is not a string', () => {
    expect(tokenStream('')).toEqual([]);
    expect(tokenStream(null as unknown as string)).toEqual([]);
    expect(tokenStream(42 as unknown as string)).toEqual([]);
  });
});
