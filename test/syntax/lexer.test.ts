/**
 * The hand-written lexer (src/syntax/lexer.ts) against Chevrotain's own
 * `Lexer` built here from the same token definitions, configured as the
 * compiler's lexer was before it (`positionTracking: 'full'`, `safeMode:
 * true`, recovery on): the same tokens (every field), the same comments and
 * the same errors, messages included, on well over 100,000 texts: random
 * strings of any UTF-16 units, lexical soups of the characters where the
 * definitions differ (quotes, backslashes, line breaks, digits and the
 * letters of dates and exponents, keyword spellings), printed filters of the
 * test kit with random edits, and every single code unit.
 */
import fc from 'fast-check';
import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { filterText } from '../../src/arbitraries/index.js';
import { allBacklinks } from '../../src/catalogue/index.js';
import { ALL_TOKENS, getLexer, lexText } from '../../src/syntax/index.js';
import { KEYWORDS } from '../../src/vocabulary/index.js';

/** Chevrotain's lexer over the same definitions; its validations run too (they throw on a bad definition). */
const reference = new Lexer([...ALL_TOKENS], { positionTracking: 'full', safeMode: true, skipValidations: false });

function expectSame(text: string): void {
  const expected = reference.tokenize(text);
  const actual = lexText(text);
  // One comparison of plain data, so that a failure shows the first differing field.
  expect({ tokens: actual.tokens, groups: actual.groups, errors: actual.errors }, JSON.stringify(text)).toEqual({
    tokens: expected.tokens,
    groups: expected.groups,
    errors: expected.errors,
  });
}

const cased = (word: string) => fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length })
  .map((up) => [...word].map((ch, i) => (up[i] ? ch.toUpperCase() : ch)).join(''));

/** Characters and pieces where the definitions overlap or stop. */
const PIECE = fc.oneof(
  fc.constantFrom(
    '"', "'", '`', '/', '\\', '\\"', "\\'", '\\`', '\\/', '\\\\', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u00a0', '\ufeff', '\u000b', '\t', ' ',
    '#', '(', ')', ',', '>', '<', '=', '!', '-', '+', '.', ':', 'T', 'Z', 'e', 'E', 't', 'z', '_', '@', '§', '😀', '\ud800', '\udc00', '\u0000',
    '0', '1', '9', '12', '2024', '-01', '01', '10', '00', '.5', '1e3', '1E-2', '2024-01-01', 'T10:00', ':00', '.123', '+05:30', '-08:00',
    'a', 'x.y', 'x.', '.x', 'a1', 'ſ', 'K', 'İ',
  ),
  fc.constantFrom(...KEYWORDS).chain(cased),
  fc.constantFrom(...KEYWORDS).map((k) => k.slice(0, -1)),
  fc.constantFrom(...KEYWORDS).map((k) => `${k}_`),
);

const soup = fc.array(PIECE, { maxLength: 24 }).map((pieces) => pieces.join(''));

/** A printed filter with a few random edits: deletions, insertions of pieces, duplicated slices. */
const edited = fc.tuple(filterText(allBacklinks), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), PIECE), { maxLength: 4 }))
  .map(([text, edits]) => edits.reduce((t, [at, cut, insert]) => {
    const i = t.length === 0 ? 0 : at % (t.length + 1);
    return t.slice(0, i) + insert + t.slice(i + cut);
  }, text));

/** The big properties run for several seconds on a busy machine: a timeout, not a speed test. */
const SLOW = 180_000;

const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units));

describe('the hand-written lexer is Chevrotain’s lexer over the same definitions', () => {
  it('on random strings of any code points and of any UTF-16 units', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), expectSame), { seed: 1101, numRuns: 20_000 });
    fc.assert(fc.property(codeUnits, expectSame), { seed: 1102, numRuns: 20_000 });
  }, SLOW);

  it('on soups of the characters where token definitions overlap or stop', () => {
    fc.assert(fc.property(soup, expectSame), { seed: 1103, numRuns: 50_000 });
  }, SLOW);

  it('on printed filters with random edits', () => {
    fc.assert(fc.property(edited, expectSame), { seed: 1104, numRuns: 15_000 });
    fc.assert(fc.property(filterText(allBacklinks), expectSame), { seed: 1105, numRuns: 2_000 });
  }, SLOW);

  it('on every single UTF-16 code unit, alone and between names', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expectSame(ch);
      if (c % 64 === 0 || c < 0x3000) expectSame(`a${ch}b`);
    }
  }, SLOW);

  it('on every pair of the interesting characters', () => {
    const chars = [...'"\'`/\\\n\r#()<>=!-+.:TZeE0a_ \t\u2028@'];
    for (const a of chars) for (const b of chars) for (const c of ['', '1', 'x', '"']) expectSame(a + b + c);
  });

  it('treats as whitespace exactly what JavaScript’s \\s matches', () => {
    const space = /\s/;
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const lexed = lexText(`a${String.fromCharCode(c)}b`);
      const isWhitespace = lexed.tokens.length === 2 && lexed.errors.length === 0 && lexed.tokens[1]!.startOffset === 2;
      if (isWhitespace !== space.test(String.fromCharCode(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('needs no keyword to begin with an earlier one (so a whole name decides its keyword)', () => {
    const clashes = KEYWORDS.flatMap((word, i) => KEYWORDS.slice(0, i).filter((earlier) => word.startsWith(earlier)).map((earlier) => `${earlier} < ${word}`));
    expect(clashes).toEqual([]);
  });

  it('keeps Chevrotain’s tokenize method for code written against a Lexer', () => {
    expect(getLexer().tokenize('a and b')).toEqual(lexText('a and b'));
    expect(lexText('').tokens).toEqual([]);
    expect(lexText('x # c').groups.comments.map((c) => c.image)).toEqual(['# c']);
  });
});
