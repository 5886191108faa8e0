/**
 * Patterns built at compile time: the phrase regexes (`phrase_match`), the
 * Keywords Explorer wildcard as RE2, and the literal quoting both need.
 *
 * A phrase is its words (maximal runs of Unicode letters and digits,
 * src/semantics/phrase.ts) joined by runs of non-word characters, with a
 * non-word character or an end on each side:
 * `(?:^|[^W])w1[^W]+w2(?:$|[^W])`, W being letters and digits spelled as
 * code-point ranges taken from JavaScript's own Unicode tables: the very
 * tables the predicate's `\p{L}\p{N}` uses. Neither RE2's `\pL\pN` (the
 * engines' tables are Unicode 15, JavaScript's 16) nor ARE's `[[:alnum:]]`
 * (ASCII digits only under `pg_c_utf8`, ASCII under "C") is that class.
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

/** The regex flavour a phrase pattern is written in: RE2 (DuckDB, ClickHouse) or PostgreSQL's ARE. */
export type PhraseFlavour = 're2' | 'are';

/**
 * The regex that finds `phrase` as whole, consecutive words, or undefined when
 * the phrase has no words (it then matches every string, as in the predicate).
 * The words themselves are letters and digits, literal in every flavour. The
 * word class is spelled as ranges in every flavour, not as RE2's `\pL\pN`:
 * the engines' RE2 tables (Unicode 15) lack letters JavaScript's have (16),
 * and a word boundary at such a letter would differ from the predicate's.
 */
export function phrasePattern(phrase: string, flavour: PhraseFlavour): string | undefined {
  const ws = words(phrase);
  if (ws.length === 0) return undefined;
  const non = `[^${wordClassRanges()}]`;
  const group = flavour === 're2' ? '(?:' : '(';
  return `${group}^|${non})${ws.join(`${non}+`)}${group}$|${non})`;
}
