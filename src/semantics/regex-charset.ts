/**
 * Sets of code points for the RE2 pattern reader (regex-parse.ts): sorted,
 * disjoint, merged ranges, with RE2's ASCII classes (`\d`, `\s`, `\w`, the
 * POSIX classes) and RE2's case folding for ASCII. Folding beyond ASCII, and
 * the Unicode classes (`\pL`), would need Unicode tables; sets that need them
 * are left opaque by the reader, so only their engine (re2js) evaluates them.
 */

/** A set of code points: `[lo0, hi0, lo1, hi1, …]`, sorted, disjoint, not adjacent. */
export type Ranges = readonly number[];

/** The largest code point. */
export const MAX_RUNE = 0x10ffff;

/** Normalises a list of `[lo, hi]` pairs (in any order, overlapping) into {@link Ranges}. */
export function normalize(pairs: readonly number[]): Ranges {
  const list: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) list.push([pairs[i]!, pairs[i + 1]!]);
  list.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of list) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export const union = (a: Ranges, b: Ranges): Ranges => (b.length === 0 ? a : a.length === 0 ? b : normalize([...a, ...b]));

/** Every code point not in the set (RE2 negates over 0–0x10FFFF, surrogates included). */
export function complement(set: Ranges): Ranges {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > next) out.push(next, set[i]! - 1);
    next = set[i + 1]! + 1;
  }
  if (next <= MAX_RUNE) out.push(next, MAX_RUNE);
  return out;
}

/** True when the two sets share a code point. */
export function intersects(a: Ranges, b: Ranges): boolean {
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

/** The one code point of a singleton set, or undefined. */
export const singleton = (set: Ranges): number | undefined => (set.length === 2 && set[0] === set[1] ? set[0] : undefined);

/** True when every code point of the set is ASCII. */
export const isAscii = (set: Ranges): boolean => set.length === 0 || set[set.length - 1]! < 0x80;

const r = (s: string): Ranges => normalize([...s].map((c) => c.codePointAt(0)!));

/** RE2's Perl classes: ASCII only (`\s` is `[\t\n\f\r ]`: no `\v`, unlike JavaScript's). */
export const PERL_CLASSES: Readonly<Record<string, Ranges>> = {
  d: r('09'),
  s: normalize([9, 10, 12, 13, 32, 32]),
  w: r('09AZ__az'),
};

/** RE2's POSIX classes (`[[:alpha:]]`), ASCII only. */
export const POSIX_CLASSES: Readonly<Record<string, Ranges>> = {
  alnum: r('09AZaz'),
  alpha: r('AZaz'),
  ascii: normalize([0, 0x7f]),
  blank: normalize([9, 9, 32, 32]),
  cntrl: normalize([0, 0x1f, 0x7f, 0x7f]),
  digit: r('09'),
  graph: normalize([0x21, 0x7e]),
  lower: r('az'),
  print: normalize([0x20, 0x7e]),
  punct: normalize([0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e]),
  space: normalize([9, 13, 32, 32]),
  upper: r('AZ'),
  word: r('09AZ__az'),
  xdigit: r('09AFaf'),
};

/**
 * RE2's simple case folding of an ASCII-only set: each letter with its other
 * case, and the two non-ASCII members of ASCII letters' folding orbits
 * (k K U+212A KELVIN SIGN, s S U+017F LONG S). Undefined for a set with a
 * non-ASCII code point, whose folding needs Unicode tables.
 */
export function foldAscii(set: Ranges): Ranges | undefined {
  if (!isAscii(set)) return undefined;
  const extra: number[] = [];
  for (let i = 0; i < set.length; i += 2) {
    for (let c = set[i]!; c <= set[i + 1]!; c++) {
      const lower = c | 0x20;
      if (lower < 0x61 || lower > 0x7a) continue;
      extra.push(c ^ 0x20, c ^ 0x20);
      if (lower === 0x6b) extra.push(0x212a, 0x212a);
      if (lower === 0x73) extra.push(0x17f, 0x17f);
    }
  }
  return union(set, extra);
}

/**
 * The set as a JavaScript character class for a `u`-flag RegExp, every code
 * point escaped: `\uXXXX` in the BMP, `\u{…}` above it and for surrogate
 * code points (two `\uXXXX` surrogates side by side would read as one astral
 * code point). V8 runs a class written with `\u{…}` escapes several times
 * slower than the same class with `\uXXXX` ones, even when every member is in
 * the BMP.
 */
export function toJsClass(set: Ranges): string {
  const one = (c: number) => (c <= 0xffff && (c < 0xd800 || c > 0xdfff) ? `\\u${c.toString(16).padStart(4, '0')}` : `\\u{${c.toString(16)}}`);
  let body = '';
  for (let i = 0; i < set.length; i += 2) body += set[i] === set[i + 1] ? one(set[i]!) : `${one(set[i]!)}-${one(set[i + 1]!)}`;
  return `[${body}]`;
}
