/**
 * Whole-word phrase matching (`phrase_match`, `iphrase_match`, spec §4).
 *
 * A word is a maximal run of Unicode letters and digits (`[\p{L}\p{N}]+`).
 * A phrase matches when its words occur consecutively, as whole words, in the
 * column's words: punctuation and spacing between words do not matter.
 * A phrase with no words at all (`""`, `"--"`) matches every string: the
 * empty sequence of words occurs in every sequence, as `""` is a substring of
 * every string.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, in order. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * A test of whether a text contains the phrase's words consecutively.
 *
 * Built once per filter: one JavaScript RegExp
 * `(?<![\p{L}\p{N}])w1[^\p{L}\p{N}]+w2…(?![\p{L}\p{N}])`. It runs in linear
 * time: the separator class and the first character of the next word are
 * disjoint, so no step can backtrack into another alternative, and `test`
 * allocates no match array.
 *
 * @example
 * phraseTest('link building')('Guide: link-building, 2024'); // true
 * phraseTest('link build')('link building');                 // false
 */
export function phraseTest(phrase: string): (text: string) => boolean {
  // Words are letters and digits only, so they are literal in a RegExp as they are.
  const ws = words(phrase);
  if (ws.length === 0) return () => true;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${ws.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'u');
  return (text) => re.test(text);
}
