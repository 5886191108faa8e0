/**
 * Patterns built at compile time: the phrase regexes (`phrase_match`), the
 * Keywords Explorer wildcard as RE2, and the literal quoting both need.
 *
 * A phrase is its words (maximal runs of Unicode letters and digits,
 * src/semantics/phrase.ts) joined by runs of non-word characters, with a
 * non-word character or an end on each side:
 * `(?:^|[^\pL\pN])w1[^\pL\pN]+w2(?:$|[^\pL\pN])`. PostgreSQL's ARE has no
 * `\p{…}` classes, and its `[[:alnum:]]` is not letters-and-digits (under
 * `pg_c_utf8` it holds ASCII digits only, under "C" ASCII only), so there
 * the class is spelled out as code-point ranges taken from JavaScript's own
 * Unicode tables: the very tables the predicate's `\p{L}\p{N}` uses.
 */
import { words } from '../../semantics/phrase.js';

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/**
 * A code point as a literal in RE2 or ARE: ASCII punctuation behind a
 * backslash (in both, a backslash before punctuation means the character
 * itself, inside brackets too); anything else as it is, letters and digits
 * being literal in both and a backslash never preceding one.
 */
export function literalChar(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return cp < 0x80 && ASCII_PUNCT.test(ch) ? `\\${ch}` : ch;
}

/** A text as an RE2 pattern matching exactly it. */
export function quoteRe2(text: string): string {
  let out = '';
  for (const ch of text) out += literalChar(ch.codePointAt(0)!);
  return out;
}

/** The RE2 pattern of a wildcard-dialect value: `*` is any run of characters, the rest literal. */
export function wildcardPattern(value: string): string {
  return value.split('*').map(quoteRe2).join('.*');
}

let wordRanges: string | undefined;

/**
 * `[\p{L}\p{N}]` as the inside of a bracket expression of code-point ranges
 * (`0-9A-Za-z\u00AA…`), computed once from JavaScript's Unicode tables.
 * Planes 4 to 16 hold no letters or digits (unassigned, tags, private use).
 */
export function wordClassRanges(): string {
  if (wordRanges !== undefined) return wordRanges;
  const word = /[\p{L}\p{N}]/u;
  const parts: string[] = [];
  let start = -1;
  const close = (end: number) => {
    parts.push(start === end ? literalChar(start) : `${literalChar(start)}-${literalChar(end)}`);
    start = -1;
  };
  for (let cp = 0; cp <= 0x3ffff; cp++) {
    const isWord = !(cp >= 0xd800 && cp <= 0xdfff) && word.test(String.fromCodePoint(cp));
    if (isWord && start < 0) start = cp;
    else if (!isWord && start >= 0) close(cp - 1);
  }
  if (start >= 0) close(0x3ffff);
  wordRanges = parts.join('');
  return wordRanges;
}

/** Which spelling of the letter-or-digit class a dialect's regex engine reads. */
export type WordClass = 're2' | 'ranges';

/**
 * The regex that finds `phrase` as whole, consecutive words, or undefined when
 * the phrase has no words (it then matches every string, as in the predicate).
 * The words themselves are letters and digits, literal in every flavour.
 */
export function phrasePattern(phrase: string, flavour: WordClass): string | undefined {
  const ws = words(phrase);
  if (ws.length === 0) return undefined;
  const inside = flavour === 're2' ? '\\pL\\pN' : wordClassRanges();
  const non = `[^${inside}]`;
  const start = flavour === 're2' ? `(?:^|${non})` : `(^|${non})`;
  const end = flavour === 're2' ? `(?:$|${non})` : `($|${non})`;
  return `${start}${ws.join(`${non}+`)}${end}`;
}
