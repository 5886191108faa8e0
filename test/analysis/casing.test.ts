/**
 * The fact the uppercase verdicts rest on (src/check/analysis/casing.ts):
 * upper-casing works code point by code point, and every code point of an
 * upper-cased code point is its own upper case. Checked over every code
 * point, so a lower-case letter can never be part of uppercase(x).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upperFixed } from '../../src/check/analysis/casing.js';
import { upper } from '../../src/semantics/strings.js';

describe('uppercase image', () => {
  it('every code point of upper(c) is fixed by upper, for every code point c', () => {
    const broken: number[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      const u = upper(String.fromCodePoint(c));
      if (!upperFixed(u)) broken.push(c);
    }
    expect(broken).toEqual([]);
  });

  it('upper-casing a string is the upper-casing of its code points, one by one', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
      expect(upper(s)).toBe([...s].map(upper).join(''));
      expect(upperFixed(upper(s))).toBe(true);
    }), { seed: 13, numRuns: 2000 });
  });

  it('tells lower-case text from text upper-casing leaves alone', () => {
    expect(upperFixed('SEO 2024')).toBe(true);
    expect(upperFixed('ᵃ')).toBe(true);
    expect(upperFixed('seo')).toBe(false);
    expect(upperFixed('ß')).toBe(false);
    expect(upperFixed('\uD800')).toBe(true);
  });
});
