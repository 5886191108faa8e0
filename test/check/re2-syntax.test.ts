import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { validateRegex } from '../../src/check/re2-syntax.js';

/** What re2js (the engine that evaluates patterns locally) says. */
function re2jsAccepts(pattern: string): boolean {
  try {
    RE2JS.compile(pattern);
    return true;
  } catch {
    return false;
  }
}

const ours = (pattern: string) => validateRegex(pattern, 're2');

/** Fragments that reach every branch of the grammar, valid and not. */
const ALPHABET = [
  'a', 'b', 'Z', '_', '0', '1', '2', '7', '8', ',', '-', ':', '<', '>', '=', '!', '^', '$', '.', '|', '*', '+', '?',
  '(', ')', '[', ']', '{', '}', '\\', 'P', 'p', 'L', 'd', 'x', 'Q', 'E', 'i', 's', 'U', 'm', 'z', 'k', 'C', 'A', 'B', 'n', 'w',
  'é', '😀', ' ', '{1}', '{2,}', '{0,3}', '{1000}', '{1001}', '(?', '(?:', '(?i)', '(?P<', '[:alpha:]', '[[:', ':]', '\\p{', 'Greek', '}',
];

describe('RE2 syntax: differential against re2js', () => {
  it('agrees on random patterns over a regex-ish alphabet', () => {
    const pattern = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 14 }).map((parts) => parts.join(''));
    fc.assert(fc.property(pattern, (p) => ours(p).ok === re2jsAccepts(p)), { numRuns: 20_000, seed: 20240601 });
  });

  it('agrees on random ASCII strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 12 }), (p) => ours(p).ok === re2jsAccepts(p)), { numRuns: 10_000, seed: 7 });
  });

  it('agrees on grammar-generated patterns (groups, alternation, nested counted repeats)', () => {
    const atom = fc.constantFrom('a', 'b', '.', '[a-z]', '[^x-]', '\\d', '\\pL', '\\p{Greek}', '[[:alpha:]]', '\\x41', '\\x{10FFFF}', '\\012', '\\Qa.b\\E', '^', '$', '\\b');
    const quantifier = fc.constantFrom('', '*', '+', '?', '*?', '+?', '??', '{2}', '{0}', '{1}', '{0,}', '{3,}', '{10,20}', '{500}', '{1000}', '{2,1}', '{01}', '**', '*+');
    const { node } = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(tie('node'), quantifier).map(([a, q]) => `(${a})${q}`),
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => a + b),
        fc.tuple(fc.constantFrom('(?:', '(?i:', '(?P<g>', '(?<h>', '(?s-i:', '(', '(?=', '(?<='), tie('node'), tie('node')).map(([o, a, b]) => `${o}${a}|${b})`),
      ),
    }));
    fc.assert(fc.property(node, (p) => ours(p).ok === re2jsAccepts(p)), { numRuns: 5_000, seed: 42 });
  });
});

describe('RE2 syntax: features', () => {
  it.each([
    'a|b', 'ab*c+d?', 'a{2}', 'a{2,}', 'a{2,5}', 'a{1000}', 'a*?', 'a+?', 'a??', 'a{2,3}?', '(a)', '(?:a)', '(?P<name>a)', '(?<name>a)',
    '(?i)abc', '(?ims-U:a)', '(?U)a*', '(?-s).', '[a-z]', '[^a-z]', '[]a]', '[a-]', '[-a]', '[[:alpha:]]', '[[:^digit:]x]', '\\d\\D\\s\\S\\w\\W',
    '\\bword\\B', '\\Astart', 'end\\z', '\\pL', '\\p{Greek}', '\\PL', '\\P{^Greek}', '\\p{Lu}', '\\Qa.b*c\\E', '\\Qunterminated', '\\x41',
    '\\x{10FFFF}', '\\0', '\\012', '\\a\\f\\t\\n\\r\\v', '^anchored$', '\\.\\*\\/\\-', '{', 'a{', 'a{,5}', 'a{01}', '}', ']', '', '😀+', '^*',
  ])('accepts %s', (p) => {
    expect(ours(p)).toEqual({ ok: true });
    expect(re2jsAccepts(p)).toBe(true);
  });

  it.each([
    ['(a)\\1', 3], ['(a)\\9', 3], ['\\k<name>', 0], ['(?=a)', 0], ['(?!a)', 0], ['(?<=a)b', 0], ['(?<!a)b', 0], ['(?>a)', 0],
    ['a*+', 1], ['a++', 1], ['a?+', 1], ['a{2}+', 1], ['a\\Z', 1], ['(?(1)a|b)', 0], ['(?P=name)', 0], ['(?x)a', 2],
  ] as const)('rejects %s as unsupported-regex-feature at offset %i', (p, offset) => {
    const r = ours(p);
    expect(r).toMatchObject({ ok: false, code: 'unsupported-regex-feature', offset });
    expect(r.ok === false && r.message).toMatch(/^RE2 does not support/);
    expect(re2jsAccepts(p)).toBe(false);
  });

  it.each([
    ['(a', 0, /missing closing \)/], ['a)', 1, /unexpected \)/], ['\\e', 0, /invalid escape/], ['[z-a]', 1, /invalid range/], ['*a', 0, /nothing to repeat/],
    ['(*)', 1, /nothing to repeat/], ['a|*', 2, /nothing to repeat/], ['a{1001}', 1, /invalid repeat count/], ['a{2,1}', 1, /invalid repeat count/],
    ['(a{2}){501}', 6, /multiply/], ['a**', 1, /nested repetition/], ['[a', 0, /missing closing \]/], ['a\\', 1, /trailing backslash/],
    ['\\x4', 0, /hexadecimal/], ['\\x{110000}', 0, /hexadecimal/], ['\\p{Foo}', 0, /Unicode class/], ['[[:foo:]]', 1, /POSIX class/],
    ['(?P<n>a)(?P<n>b)', 8, /duplicate group name/], ['(?P<a-b>x)', 0, /group name/], ['(?i', 0, /group syntax/], ['\\C', 0, /any byte/],
  ] as const)('rejects %s as invalid-regex at offset %i', (p, offset, message) => {
    const r = ours(p);
    expect(r).toMatchObject({ ok: false, code: 'invalid-regex', offset });
    expect(r.ok === false && r.message).toMatch(message);
    expect(re2jsAccepts(p)).toBe(false);
  });

  it('is linear on long inputs and has no recursion limit', () => {
    expect(ours('('.repeat(5_000) + ')'.repeat(5_000)).ok).toBe(false); // nests deeper than RE2 allows
    expect(ours('(?:'.repeat(5_000) + 'a' + ')'.repeat(5_000)).ok).toBe(true);
    expect(ours('a'.repeat(100_000)).ok).toBe(true);
  });
});

describe('wildcard dialect (Keywords Explorer)', () => {
  it.each(['seo*', '*best*tips', 'what is seo', 'c# tips', 'naïve 😀', '', '**'])('accepts %s', (p) => {
    expect(validateRegex(p, 'wildcard')).toEqual({ ok: true });
  });

  it.each([['^seo', 0], ['seo$', 3], ['best.*', 4], ['a+', 1], ['a?', 1], ['(a)', 0], ['[ab]', 0], ['a{2}', 1], ['a|b', 1], ['a\\*', 1]] as const)(
    'rejects %s at offset %i', (p, offset) => {
      const r = validateRegex(p, 'wildcard');
      expect(r).toMatchObject({ ok: false, code: 'wildcard-pattern-only', offset });
      expect(r.ok === false && r.message).toMatch(/only \* is supported/);
    });
});
