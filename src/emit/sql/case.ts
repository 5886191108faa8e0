/**
 * Unicode casing with the predicate's meaning (src/semantics/strings.ts:
 * JavaScript's full mappings, then final sigma folded for lower case).
 *
 * PostgreSQL cases with `pg_unicode_fast`, whose mappings are JavaScript's.
 * DuckDB (utf8proc) and ClickHouse map one code point to one: they differ
 * from JavaScript on exactly the characters whose full mapping is longer.
 * For lower case that is `İ` alone (→ `i̇`); for upper case 102 characters
 * (`ß` → `SS`, `ŉ` → `ʼN`, `ﬁ` → `FI`, Greek with ypogegrammeni, …). Those
 * are replaced by JavaScript's mapping before the engine cases the rest, so
 * the result is JavaScript's; upper case does the 102 replacements only for
 * texts that hold one of them.
 *
 * What remains is the engines' Unicode version: DuckDB 1.5's tables predate
 * the case pairs Unicode 16 added, which JavaScript (Node 20+) knows. A value
 * holding one gets `sql-case-divergence`; a row holding one can differ
 * whatever the value (docs/sql.md, "Case").
 */
import type { Spelling } from './dialects.js';

let expansions: readonly (readonly [string, string])[] | undefined;

/** The characters whose JavaScript upper case is longer than one code point, with it (all in the BMP). */
function upperExpansions(): readonly (readonly [string, string])[] {
  if (expansions) return expansions;
  const out: [string, string][] = [];
  for (let cp = 0x80; cp <= 0xffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCharCode(cp);
    const up = ch.toUpperCase();
    if (up.length > 1 || up.codePointAt(0)! > 0xffff) out.push([ch, up]);
  }
  expansions = out;
  return out;
}

/** The SQL around the operand of the replacements, per dialect: built once, since it is 102 calls deep. */
const templates = new Map<string, readonly [string, string, string, string]>();

/** JavaScript's `toUpperCase()` of a string expression. */
export function upperCase(s: Spelling, x: string): string {
  if (!s.simpleCasing) return s.upper(x);
  let t = templates.get(s.dialect);
  if (!t) {
    const table = upperExpansions();
    const HOLE = '\u0000';
    let replaced = HOLE;
    for (const [ch, up] of table) replaced = s.replace(replaced, ch, up);
    const [guardStart, guardEnd] = s.holdsAny(HOLE, table.map(([ch]) => ch).join('')).split(HOLE) as [string, string];
    const [chainStart, chainEnd] = s.upper(replaced).split(HOLE) as [string, string];
    t = [guardStart, guardEnd, chainStart, chainEnd];
    templates.set(s.dialect, t);
  }
  return `(CASE WHEN ${t[0]}${x}${t[1]} THEN ${t[2]}${x}${t[3]} ELSE ${s.upper(x)} END)`;
}

/** JavaScript's `toLowerCase()` of a string expression, final sigma folded: the predicate's `lower`. */
export function lowerFolded(s: Spelling, x: string): string {
  return s.replace(s.lower(s.simpleCasing ? s.replace(x, 'İ', 'i̇') : x), 'ς', 'σ');
}

/**
 * Code points with a case mapping in Unicode 16 that DuckDB 1.5's casing
 * does not have (measured over every code point up to U+1FFFF: test/sql/case.test.ts).
 */
const NEWER_CASE_PAIRS: readonly (readonly [number, number])[] = [
  [0x19b, 0x19b], [0x264, 0x264], [0x1c89, 0x1c8a], [0xa7cb, 0xa7cf], [0xa7d2, 0xa7d5], [0xa7da, 0xa7dc],
  [0x10d50, 0x10d65], [0x10d70, 0x10d85], [0x16ea0, 0x16eb8], [0x16ebb, 0x16ed3],
];

/**
 * The first character of `value` that a simple-casing dialect cases
 * differently from JavaScript even after {@link upperCase} / {@link lowerFolded},
 * or undefined. ASCII values are never scanned.
 *
 * @example
 * caseDivergence('ꟍ'); // 'ꟍ' (U+A7CD, a Unicode 16 lower-case letter)
 * caseDivergence('STRAßE'); // undefined: ß is replaced exactly
 */
export function caseDivergence(value: string): string | undefined {
  if (!/[^\0-\x7f]/.test(value)) return undefined;
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (NEWER_CASE_PAIRS.some(([lo, hi]) => cp >= lo && cp <= hi)) return ch;
  }
  return undefined;
}
