/**
 * The embedded-actions parser (src/syntax/parser.ts) builds exactly the
 * documents and diagnostics of the CST parser and visitor it replaced
 * (test/syntax/reference/, kept unchanged as the oracle): every node, every
 * range, every recovery, every recognition error and its message, on valid
 * filters and on broken ones
 * (token soups, printed filters with tokens deleted, doubled, swapped or
 * inserted, and the inputs of the golden and diagnostics tests).
 */
import type { IRecognitionException } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterText } from '../../src/arbitraries/index.js';
import { allBacklinks } from '../../src/catalogue/index.js';
import { parse } from '../../src/syntax/index.js';
import { lexText } from '../../src/syntax/lexer.js';
import { VALID_QUERIES } from '../editor/corpus.js';
import { getParser } from '../../src/syntax/parser.js';
import { getReferenceParser } from './reference/cst-parser.js';
import { referenceParse } from './reference/cst-parse.js';

/** A recognition error as the parser reports it, before parse() words it as a diagnostic. */
const errorsOf = (errors: readonly IRecognitionException[]) =>
  errors.map((e) => ({ name: e.name, message: e.message, at: e.token.startOffset, image: e.token.image }));

/**
 * The same document, the same recognition errors, and the same diagnostics
 * apart from the syntax ones (which parse() may explain further, as with
 * operator typos: that wording is parse()'s, not the parser's).
 */
function expectSame(text: string): void {
  const actual = parse(text);
  const actualErrors = errorsOf(getParser().errors);
  const expected = referenceParse(text);
  const expectedErrors = errorsOf(getReferenceParser().errors);
  const lexical = (r: ReturnType<typeof parse>) => r.diagnostics.filter((d) => d.code !== 'unexpected-token' && d.code !== 'unexpected-end');
  const label = JSON.stringify(text);
  expect(actual.document, label).toEqual(expected.document);
  expect(actualErrors, label).toEqual(expectedErrors);
  expect(lexical(actual), label).toEqual(lexical(expected));
  expect(actual.diagnostics.length, label).toBe(expected.diagnostics.length);
}

const WORDS = [
  'x', 'DR', 'traffic', 'languages', 'uppercase', '`a b`', '`open', '"s"', "'t'", '"open', '5', '-1', '1e999', '2024-01-01', '2024-01-01T10:00Z',
  '2023-02-29', '/re/', '/open', 'and', 'or', 'not', 'in', '(', ')', ',', 'between', 'is', 'null', 'empty', 'true', 'false', 'contains',
  'icontains', 'phrase', 'starts', 'ends', 'with', 'matches', 'any', 'all', '>=', '>', '=', '!=', '<', '<=', '@', '# c\n', '\n', '!',
];

const soup = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', '', '  ', '\n')), { maxLength: 18 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** A printed filter edited at the token level: the mistakes people make, and worse. */
const edited = fc.tuple(
  fc.oneof(filterText(allBacklinks), fc.constantFrom(...VALID_QUERIES)),
  fc.array(fc.tuple(fc.constantFrom('delete', 'double', 'swap', 'insert'), fc.nat(), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 3 }),
).map(([text, edits]) => {
  let pieces = lexText(text).tokens.map((t) => t.image);
  for (const [kind, at, word] of edits) {
    const i = pieces.length === 0 ? 0 : at % pieces.length;
    if (kind === 'delete') pieces = [...pieces.slice(0, i), ...pieces.slice(i + 1)];
    else if (kind === 'double') pieces = [...pieces.slice(0, i + 1), ...pieces.slice(i)];
    else if (kind === 'swap' && i + 1 < pieces.length) pieces = [...pieces.slice(0, i), pieces[i + 1]!, pieces[i]!, ...pieces.slice(i + 2)];
    else pieces = [...pieces.slice(0, i), word, ...pieces.slice(i)];
  }
  return pieces.join(' ');
});

/** The big properties run for several seconds on a busy machine: a timeout, not a speed test. */
const SLOW = 180_000;

describe('the embedded-actions parser builds what the CST parser and visitor built', () => {
  it('on valid filters', () => {
    for (const q of VALID_QUERIES) expectSame(q);
    fc.assert(fc.property(filterText(allBacklinks), expectSame), { seed: 1201, numRuns: 1_000 });
  }, SLOW);

  it('on every prefix of printed filters (text as it is typed)', () => {
    const prefixes = (text: string) => { for (let i = 0; i <= text.length; i++) expectSame(text.slice(0, i)); };
    for (const q of VALID_QUERIES) prefixes(q);
    fc.assert(fc.property(filterText(allBacklinks), prefixes), { seed: 1204, numRuns: 60 });
  }, SLOW);

  it('on token soups', () => {
    fc.assert(fc.property(soup, expectSame), { seed: 1202, numRuns: 8_000 });
  }, SLOW);

  it('on printed filters with tokens deleted, doubled, swapped or inserted', () => {
    fc.assert(fc.property(edited, expectSame), { seed: 1203, numRuns: 4_000 });
  }, SLOW);

  it('on the broken inputs of the golden and diagnostics tests, and on limits', () => {
    for (const text of [
      'domain_rating_source >= and is_dofollow', 'domain_rating_source >=', 'is_dofollow is_spam', '(is_dofollow or is_spam', 'is_dofollow)',
      'is_dofollow and', 'or is_spam', 'anchor starts "ab"', 'anchor is 5', 'domain_rating_source between 1 5', 'domain_rating_source in ()',
      'domain_rating_source in (1, 2', 'anchor matches 5', 'any(languages)', 'uppercase(anchor)', '= 5', 'domain_rating_source > and (anchor = "x" or )',
      'is_dofollow\n  and domain_rating_source >=\n  and is_spam', 'x in (1,', 'x in (1 2)', 'any(x) (= 1 or', 'any(x) not', 'uppercase(x', 'x not',
      'x between', 'x between 1 and', 'x starts with', 'x is not', 'not', '((', 'any(', 'all(x) (not (= 1) and', '`a\\q` = 1', 'not not (((x',
    ]) expectSame(text);
    expectSame('('.repeat(200));
    expectSame(Array.from({ length: 300 }, (_, i) => `f${i} >= ${i}`).join(' and '));
  });
});
