/**
 * Phrase matching is linear in the text for any phrase length: counted word
 * comparisons (never the clock), checked against a naive reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/api/predicate.js';
import { phraseSearch, phraseTest, words, type PhraseStats } from '../../src/semantics/phrase.js';

/** The definition, quadratic: the phrase's words at some offset of the text's words. */
function naive(text: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= text.length; i++) if (phrase.every((w, j) => text[i + j] === w)) return true;
  return phrase.length === 0;
}

function comparisons(text: string[], phrase: string[]): number {
  const stats: PhraseStats = { comparisons: 0 };
  phraseSearch(text, phrase, stats);
  return stats.comparisons;
}

describe('phrase matching is linear in the text', () => {
  // The worst inputs for a naive scan: a long phrase that almost matches at every offset.
  const shapes: [string, (n: number) => string[], (m: number) => string[]][] = [
    ['a a … a b in a a … a', (n) => Array<string>(n).fill('a'), (m) => [...Array<string>(m - 1).fill('a'), 'b']],
    ['a b a b … c in a b a b …', (n) => Array.from({ length: n }, (_, i) => (i % 2 ? 'b' : 'a')), (m) => [...Array.from({ length: m - 1 }, (_, i) => (i % 2 ? 'b' : 'a')), 'c']],
    ['w0 w1 … in w0 w1 … w0 w1 …', (n) => Array.from({ length: n }, (_, i) => `w${i % 50}`), (m) => Array.from({ length: m }, (_, i) => `w${i}`)],
  ];

  it.each(shapes)('%s: at most 2 comparisons per text word, for phrases of 10 to 4,000 words', (_name, text, phrase) => {
    for (const m of [10, 100, 1000, 4000]) {
      for (const n of [1000, 8000, 20_000]) {
        const t = text(n), p = phrase(m);
        expect(comparisons(t, p), `phrase ${m} words, text ${n}`).toBeLessThanOrEqual(2 * n);
      }
    }
  });

  it('the issue case: a 4,000-word phrase on an 80 KB value', () => {
    const phrase = `${'a '.repeat(3999)}b`;
    const value = 'a '.repeat(40_000);
    const t = words(value), p = words(phrase);
    expect(comparisons(t, p)).toBeLessThanOrEqual(2 * t.length);
    expect(evaluate(`title contains phrase "${phrase}"`, { title: value })).toBe(false);
    expect(evaluate(`title icontains phrase "${phrase.toUpperCase()}"`, { title: `${value}B` })).toBe(true);
  });
});

describe('phrase matching means what it meant', () => {
  it('agrees with the naive definition on random word sequences (small alphabet, so near-matches abound)', () => {
    const seq = (max: number) => fc.array(fc.constantFrom('a', 'b', 'ab', 'c'), { maxLength: max });
    fc.assert(fc.property(seq(40), seq(6), (t, p) => {
      expect(phraseSearch(t, p)).toBe(naive(t, p));
      expect(phraseTest(p.join(' '))(t.join(', '))).toBe(naive(t, p));
    }), { numRuns: 3000, seed: 8 });
  });

  it.each([
    ['link building', 'Guide: link-building, 2024', true],
    ['link build', 'link building', false],
    ['link building', 'building link', false],
    ['a a b', 'a a a b', true],
    ['a b a b c', 'a b a b a b c', true],
    ['--', 'anything', true],
    ['x', '', false],
  ] as const)('%s in %s: %s', (phrase, text, expected) => {
    expect(phraseTest(phrase)(text)).toBe(expected);
  });
});
