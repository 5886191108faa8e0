/**
 * Shared by the regex tests: a generator of RE2 patterns over a small
 * alphabet (so that the translatable class is hit often and texts meet the
 * patterns' characters), texts over the characters where RE2 and JavaScript
 * differ (`\v`, `\r`, U+2028, U+212A KELVIN SIGN, U+017F LONG S, a lone
 * surrogate, an astral character), and re2js as the reference.
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { validateRegex } from '../../src/check/re2-syntax.js';

const ATOMS = [
  'a', 'b', 'c', 'k', 's', 'A', 'K', 'S', '1', '-', ' ', '\\n', '\\.', '/', 'é', '😀', '_',
  '.', '[a-c]', '[^a]', '[^\\n]', '[ab]', '[a-cx]', '[^a-c]', '[k-s]', '\\d', '\\D', '\\w', '\\W', '\\s', '\\S',
  '[[:alpha:]]', '[[:^alpha:]]', '[[:space:]]', '[[:upper:]]', '[\\d_]', '\\x61', '\\x{4B}', '\\141', '\\Qa.b\\E', '[]a]', '[a-]',
  '\\b', '\\B', '^', '$', '\\A', '\\z', '\\v', '\\t', '\\r', '\\f', '[\\s\\S]', '[^\\s]', '\\pL', '\\p{Greek}', 'ſ',
];
const QUANTIFIERS = ['', '', '', '', '*', '+', '?', '{2}', '{1,3}', '{0,2}', '{2,}', '*?', '+?', '??', '{1,2}?'];
const FLAGS = ['', '', '', '(?i)', '(?m)', '(?-s)', '(?s)', '(?im)', '(?U)'];

const piece = fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom(...QUANTIFIERS)).map(([a, q]) => a + q);

/** An RE2 pattern the checker accepts. */
export const re2Patterns: fc.Arbitrary<string> = fc
  .letrec((tie) => ({
    seq: fc.array(fc.oneof({ arbitrary: piece, weight: 5 }, { arbitrary: tie('group'), weight: 1 }), { minLength: 1, maxLength: 4 }).map((ps) => ps.join('')),
    group: fc
      .tuple(fc.constantFrom('(', '(?:', '(?i:', '(?-s:', '(?P<n>'), fc.array(tie('seq') as fc.Arbitrary<string>, { minLength: 1, maxLength: 3 }), fc.constantFrom(...QUANTIFIERS))
      .map(([open, branches, q]) => `${open}${branches.join('|')})${q}`),
  }))
  .seq.chain((body) => fc.tuple(fc.constantFrom(...FLAGS), fc.constant(body), fc.constantFrom('', '', '$', '\\z')))
  .map(([f, b, e]) => f + b + e)
  .filter((p) => validateRegex(p, 're2').ok);

const CHARS = ['a', 'b', 'c', 'k', 's', 'A', 'B', 'K', 'S', 'x', '1', '9', '-', ' ', '\n', '\r', '\v', '\t', '\f', '.', '/', '_', 'é', 'ß', 'ſ', '\u212a', '\u2028', '😀', '\ud800', 'α'];

/** Texts over characters where the engines could differ. */
export const texts: fc.Arbitrary<string> = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(''));

/** re2js's answer, as the predicate ran every pattern before the fast paths. */
export const reference = (pattern: string) => {
  const re = RE2JS.compile(pattern, RE2JS.DOTALL);
  return (text: string) => re.test(text);
};
