/** Value-level semantics of spec §4: dates, code points, casing, phrases, regexes. */
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/vocabulary/dates.js';
import { phraseTest, words } from '../../src/semantics/phrase.js';
import { compileRegex, wildcardToRe2 } from '../../src/semantics/regex.js';
import { compareCodePoints, lower, upper } from '../../src/semantics/strings.js';
import { referenceInstant } from '../support/reference-interpreter.js';

const MIDNIGHT = Date.UTC(2024, 0, 1);

describe('parseInstant', () => {
  it.each([
    ['2024-01-01', MIDNIGHT],
    ['2024-01-01T00:00', MIDNIGHT],
    ['2024-01-01T00:00:00', MIDNIGHT],
    ['2024-01-01T00:00:00Z', MIDNIGHT],
    ['2024-01-01T00:00:00.000Z', MIDNIGHT],
    ['2024-01-01 00:00:00', MIDNIGHT],
    ['2024-01-01T02:30:00+02:30', MIDNIGHT],
    ['2023-12-31T19:00:00-05:00', MIDNIGHT],
    ['2024-01-01T10:00:00.1239Z', MIDNIGHT + 10 * 3_600_000 + 123],
    ['2024-01-01 10:00:00.5', MIDNIGHT + 10 * 3_600_000 + 500],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['0001-01-01', Date.UTC(2000, 0, 1) - 730_119 * 86_400_000],
    ['0099-12-31T23:59:59Z', referenceInstant('0099-12-31T23:59:59Z')],
  ])('%s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    '2023-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-01-01T24:00:00',
    '2024-01-01T10:60', '2024-01-01T10:00:60', '2024-01-01t10:00:00', '2024-01-01T10:00:00z', '2024-01-01T10:00:00+24:00',
    '2024-01-01T10:00:00+02', '2024-01-01T10', '2024-01-01T', '2024-01-01Z', '2024-1-01', '24-01-01', '', 'yesterday',
    '2024-01-01T10:00:00.Z', ' 2024-01-01', '2024-01-01 ', '2024-01-01T10:00:00Z ', '２０２４-01-01',
  ])('%j is invalid (null)', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it('agrees with the reference on many instants and forms', () => {
    for (let t = Date.UTC(1969, 0, 1); t < Date.UTC(2101, 0, 1); t += 86_400_000 * 37 + 3_723_456) {
      const d = new Date(t).toISOString();
      for (const text of [d, d.slice(0, 10), d.slice(0, 19), d.replace('T', ' ').slice(0, 19), d.slice(0, 16)]) {
        expect(parseInstant(text)).toBe(referenceInstant(text));
      }
    }
  });
});

describe('compareCodePoints', () => {
  it('orders astral characters after U+E000–FFFF (UTF-16 order would not)', () => {
    expect('😀' < '\uFF5E').toBe(true); // the UTF-16 order JavaScript uses
    expect(compareCodePoints('😀', '\uFF5E')).toBeGreaterThan(0);
    expect(compareCodePoints('a😀', 'a\uFF5E')).toBeGreaterThan(0);
    expect(compareCodePoints('😀', '😁')).toBeLessThan(0); // differ in the low surrogate
  });
  it('matches sorting by code point arrays', () => {
    const pool = ['', 'a', 'ab', 'b', 'é', '\uFF5E', '😀', '😁', '\uD83D', '\uDE00', 'a\uD83D', '𝐀', 'Z', '\uE000'];
    const byArrays = (x: string, y: string) => {
      const a = Array.from(x, (c) => c.codePointAt(0)!);
      const b = Array.from(y, (c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
      return a.length - b.length;
    };
    for (const x of pool) for (const y of pool) expect(Math.sign(compareCodePoints(x, y))).toBe(Math.sign(byArrays(x, y)));
  });
});

describe('casing', () => {
  it('lower-cases with toLowerCase and folds final sigma', () => {
    expect(lower('ÉCOLE')).toBe('école');
    expect(lower('ΟΔΟΣ')).toBe('οδοσ');
    expect(lower('οδος')).toBe('οδοσ');
    expect(lower('İ')).toBe('i\u0307'); // full mapping, documented
  });
  it('upper-cases with toUpperCase (full mappings)', () => {
    expect(upper('straße')).toBe('STRASSE');
    expect(upper('école')).toBe('ÉCOLE');
  });
});

describe('phrase matching', () => {
  it('splits words on runs of letters and digits', () => {
    expect(words('link-building, 2024! 𝐀𝐁c')).toEqual(['link', 'building', '2024', '𝐀𝐁c']);
  });
  it.each([
    ['link building', 'Guide: link-building, 2024', true],
    ['link building', 'link buildings', false],
    ['link build', 'link building', false],
    ['building link', 'link building', false],
    ['seo', 'SEO tools', false],
    ['école', "l'école normale", true],
    ['ecole', 'école', false],
    ['2024', 'in2024', false],
    ['😀', 'a 😀 b', true], // no words: matches every string
    ['', '', true],
    ['a b', 'a\n\tb', true],
    ['𝐀𝐁', 'x 𝐀𝐁 y', true],
    ['𝐀', 'x 𝐀𝐁 y', false],
  ])('%j in %j: %s', (phrase, text, expected) => {
    expect(phraseTest(phrase)(text)).toBe(expected);
  });
});

describe('regex', () => {
  it('DOTALL and unanchored on every path: translated RegExp, and re2js', () => {
    const r = compileRegex('a.b');
    expect(r.path).toBe('regexp');
    expect(r.test('xxa\nbyy')).toBe(true);
    const engine = compileRegex('a.*\\d');
    expect(engine.engine).toBeInstanceOf(RE2JS);
    expect(engine.test('xxa\n\n1yy')).toBe(true);
    expect(compileRegex('(?-s)a.*\\d').test('a\n1')).toBe(false);
    expect(compileRegex('a.*b').path).toBe('literal'); // indexOf('a'), then indexOf('b') after it
    expect(compileRegex('a.*b').test('xxa\n\nbyy')).toBe(true);
    expect(compileRegex('(?-s)a.b').test('a\nb')).toBe(false);
    expect(compileRegex('(?-s)a.b').test('axb')).toBe(true);
    expect(compileRegex('^b').test('ab')).toBe(false);
    expect(compileRegex('b$').test('ab')).toBe(true);
    expect(compileRegex('').test('')).toBe(true);
  });
  it('translates the wildcard dialect: * is .*, the rest literal', () => {
    expect(wildcardToRe2('best*tools')).toBe('best.*tools');
    const w = compileRegex('a.b*(c)', 'wildcard');
    expect(w.test('xx a.b then (c) yy')).toBe(true);
    expect(w.test('axb (c)')).toBe(false);
    expect(compileRegex('best*tools', 'wildcard').test('the best\nseo tools!')).toBe(true);
    expect(compileRegex('*', 'wildcard').test('')).toBe(true);
  });
});
