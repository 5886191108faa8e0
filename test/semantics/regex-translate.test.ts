/**
 * The regex fast paths mean exactly what re2js means: the translation to a
 * JavaScript RegExp (only for the admitted class), the required-literal
 * prefilter, and plain literals. Checked on generated patterns and texts
 * (fixed seed, 0 differences) and on RE2's own search data (a derived
 * fixture, see scripts/re2-search-fixture.ts).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../src/semantics/regex.js';
import { parseRe2 } from '../../src/semantics/regex-parse.js';
import { plainLiteral, requiredLiterals } from '../../src/semantics/regex-literals.js';
import { refusal, translateRe2 } from '../../src/semantics/regex-translate.js';
import { wildcardToRe2 } from '../../src/semantics/wildcard.js';
import { re2Patterns, reference, texts } from './regex-support.js';

describe('the fast paths agree with re2js', () => {
  it('on generated patterns and texts: 0 differences, a third or more on the RegExp path', () => {
    const paths = { literal: 0, regexp: 0, engine: 0 };
    let cases = 0;
    fc.assert(fc.property(re2Patterns, fc.array(texts, { minLength: 15, maxLength: 15 }), (pattern, sample) => {
      const compiled = compileRegex(pattern);
      const expected = reference(pattern);
      paths[compiled.path]++;
      for (const text of sample) {
        cases++;
        expect(compiled.test(text), `${JSON.stringify(pattern)} on ${JSON.stringify(text)} (${compiled.path} ${compiled.regexp?.source ?? ''})`).toBe(expected(text));
      }
    }), { numRuns: 2000, seed: 20261202 });
    expect(cases).toBe(30_000);
    expect(paths.regexp).toBeGreaterThan(700);
    expect(paths.engine).toBeGreaterThan(300);
  });

  it('on wildcard patterns (their RE2 translation)', () => {
    const part = fc.constantFrom('seo', 'a', 'b', ' ', '*', '.', '(', 'é');
    fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 5 }).map((p) => p.join('')), fc.array(texts, { minLength: 5, maxLength: 5 }), (pattern, sample) => {
      const expected = reference(wildcardToRe2(pattern));
      const compiled = compileRegex(pattern, 'wildcard');
      for (const text of sample) expect(compiled.test(text)).toBe(expected(text));
    }), { numRuns: 500, seed: 7 });
  });

  it('on literals joined by .* (indexOf), anchored or not', () => {
    const chain = fc.tuple(fc.constantFrom('', '^'), fc.array(fc.constantFrom('a', 'b', 'ab', 'ba', 'é', '😀', ''), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '$'))
      .map(([s, parts, e]) => s + parts.join('.*') + e);
    let onChain = 0;
    fc.assert(fc.property(chain, fc.array(texts, { minLength: 10, maxLength: 10 }), (pattern, sample) => {
      const compiled = compileRegex(pattern);
      if (compiled.path === 'literal') onChain++;
      const expected = reference(pattern);
      for (const text of sample) expect(compiled.test(text), `${pattern} on ${JSON.stringify(text)}`).toBe(expected(text));
      for (const text of ['abab', 'ba', 'aéb😀', '']) expect(compiled.test(text), `${pattern} on ${JSON.stringify(text)}`).toBe(expected(text));
    }), { numRuns: 800, seed: 3 });
    expect(onChain).toBeGreaterThan(500);
    expect(compileRegex('best*tools', 'wildcard').path).toBe('literal');
  });

  it("on RE2's own search tests (1,808 pattern/text pairs, derived fixture)", () => {
    const fixture = JSON.parse(readFileSync(new URL('./fixtures/re2-search-cases.json', import.meta.url), 'utf8')) as { cases: [string, string, boolean][] };
    expect(fixture.cases.length).toBe(1808);
    const wrong: string[] = [];
    let translated = 0;
    for (const [pattern, text, matches] of fixture.cases) {
      const compiled = compileRegex(pattern);
      if (compiled.path !== 'engine') translated++;
      if (compiled.test(text) !== matches) wrong.push(`${JSON.stringify(pattern)} ${JSON.stringify(text)}: ${!matches} (${compiled.path})`);
    }
    expect(wrong).toEqual([]);
    expect(translated).toBeGreaterThan(900);
  });
});

describe('required literals', () => {
  it.each([
    ['/blog/\\d{4}/', ['/blog/']],
    ['seo', ['seo']],
    ['(?i)seo', []],
    ['(?i)1\\.5', ['1.5']],
    ['^https?://(www\\.)?ahrefs\\.com/', ['ahrefs.com/', 'http']],
    ['\\b(best|top)\\s+[a-z]+', []],
    ['(foo|fox)bar', ['bar', 'fo']],
    ['a{3}b', ['aaab']],
    ['x(ab)+y', ['xab', 'aby']],
    ['(a|b)*c', ['c']],
    ['😀+x', ['😀x']],
    ['(😀|😁)', []],
  ])('%s', (pattern, expected) => {
    expect(requiredLiterals(parseRe2(pattern)!)).toEqual(expected);
  });

  it('every required literal of a generated pattern is in every text it matches', () => {
    // Counted: matches are rare on random texts, and a pattern may require no literal; the property must still meet some.
    let literals = 0;
    fc.assert(fc.property(re2Patterns, texts, (pattern, text) => {
      const tree = parseRe2(pattern);
      fc.pre(tree !== undefined && reference(pattern)(text));
      for (const literal of requiredLiterals(tree!, 10)) {
        expect(text, `${pattern}: ${literal}`).toContain(literal);
        literals++;
      }
    }), { numRuns: 1500, seed: 11 });
    expect(literals).toBeGreaterThan(20);
  });

  it('a plain literal is only a pattern with no operator', () => {
    expect(plainLiteral(parseRe2('seo tips')!)).toBe('seo tips');
    expect(plainLiteral(parseRe2('a\\.b\\x41')!)).toBe('a.bA');
    for (const p of ['^seo', 'se+o', 'se|o', '(?i)seo', 's.o']) expect(plainLiteral(parseRe2(p)!), p).toBeUndefined();
    expect(compileRegex('a\\.b').path).toBe('literal');
  });
});

describe('translation', () => {
  it.each([
    ['\\s', '[\\u0009-\\u000a\\u000c-\\u000d\\u0020]'],
    ['\\d+x', '[\\u0030-\\u0039]x'],
    ['[[:upper:]]1', '[\\u0041-\\u005a]1'],
    ['(?i)k1', '[\\u004b\\u006b\\u212a]1'],
    // Surrogate code points keep braces: two \\uXXXX surrogates side by side would read as one astral code point.
    ['[\\x{d83d}\\x{de00}]', '[\\u{d83d}\\u{de00}]'],
    ['[a\\x{1f600}]', '[\\u0061\\u{1f600}]'],
    ['(?m)^a$', '(?<=^|\\n)a(?=\\n|$)'],
    ['\\Aab\\z', '^ab$'],
    ['a(?:bc){1,2}d', 'abc(?:bc)?d'],
  ])('%s → %s', (pattern, source) => {
    expect(translateRe2(parseRe2(pattern)!)?.source).toBe(source);
  });

  it('an anchored pattern is one sticky attempt', () => {
    expect(translateRe2(parseRe2('^a[^b]*b')!)?.flags).toBe('suy');
    const r = compileRegex('^x[^y]*y');
    expect([r.test('xaay'), r.test('axaay'), r.test('xaay'), r.test('xaaa')]).toEqual([true, false, true, false]);
  });

  it.each([
    ['(x+x+)+y', 'a repetition followed by a character it accepts'],
    ['a(bc)*d', 'a group repeated without bound'],
    ['a.*\\d', 'a repetition followed by a character it accepts'],
    ['(a|ab)c', 'alternatives starting with the same character'],
    ['a[a-z]*1', 'no position that an unbounded repetition cannot consume'],
    ['\\pL+', 'a Unicode class or non-ASCII case folding'],
    ['(?i)é', 'a Unicode class or non-ASCII case folding'],
    ['\\B', 'a match of no characters next to an assertion'],
    ['x(a|)y', 'an alternative matching the empty string'],
  ])('%s stays on the engine: %s', (pattern, why) => {
    expect(refusal(parseRe2(pattern)!)).toBe(why);
    expect(compileRegex(pattern).path).toBe('engine');
  });

  it('leading and trailing repetitions keep their minimum: the catastrophic (a+)+$ is a$', () => {
    expect(translateRe2(parseRe2('(a+)+$')!)).toEqual({ source: 'a$', flags: 'su' });
    expect(translateRe2(parseRe2('[^/]+\\.pdf[a-z]*')!)?.source).toBe('[\\u0000-\\u002e\\u0030-\\u{10ffff}][\\u002e]pdf');
  });
});
