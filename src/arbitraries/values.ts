/**
 * Value arbitraries shared by filters and rows.
 *
 * Filters and rows draw from the same small pools on purpose: a random
 * filter compared with a random row is only informative when the row
 * sometimes holds the very value the filter names (equal strings, the same
 * instant written in another date form, an enum value), so the pools are
 * small and the free-form generators are mixed in at a lower weight.
 */
import fc from 'fast-check';
import type { CompareOp } from '../ast/index.js';
import type { Column, RegexDialect } from '../catalogue/index.js';
import { validateRegex } from '../check/index.js';

/**
 * Strings that are easy to get wrong: case and Unicode case mapping (`ß`,
 * `İ`, `ǆ`), astral characters, line separators, quotes and escapes,
 * template and code fragments, and prototype property names.
 */
export const TRICKY_STRINGS: readonly string[] = Object.freeze([
  '', ' ', 'seo', 'SEO', 'Seo tips', 'seo-tips', 'blog', 'https://blog.example.com/a?b=1', 'example.com',
  'ß', 'STRASSE', 'straße', 'İstanbul', 'ǆ', 'é', 'e\u0301', '😀', '𝒜𝒷𝒸', 'a\u2028b', 'tab\there', 'line\nbreak', 'cr\r\n',
  '"quoted"', "it's", 'back\\slash', 'slash/es', '${process.exit(1)}', '`backtick`', "'); process.exit(1); ('",
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'null', 'true', 'and', 'not', 'NaN', '\u0000', '#hash',
]);

/** The casing traps, one list per rule (see {@link CASING_STRINGS}). */
const CASING_RULES: readonly (readonly string[])[] = [
  ['ß', 'SS', 'ss', 'straße', 'STRASSE'], ['İ', 'i\u0307', 'i', 'I', 'ı', 'İstanbul', 'istanbul'],
  ['Σ', 'σ', 'ς', 'ΟΔΟΣ', 'οδος', 'οδοσ', 'ΣΟΦΟΣ', 'σοφος'], ['\u212A', 'k', 'K', '\u212Aelvin', 'kelvin'],
  ['ǅ', 'ǆ', 'Ǆ'], ['ﬁ', 'FI', 'fi'], ['𐐏', '𐐷', '𐐏𐐷'],
];

/**
 * Every casing rule docs/semantics.md states, as pairs that a careless
 * `icontains`, `uppercase(…)` or code-point order gets wrong: `ß`/`SS`
 * (full upper-case mapping), `İ` (lower-cases to two code points), Greek
 * final sigma `ς` against `σ`/`Σ` (folded to `σ`), the Kelvin sign `K`
 * (lower-cases to `k`), the title-case digraph `ǅ`, the ligature `ﬁ`
 * (upper-cases to `FI`), and an astral pair (Deseret `𐐏`/`𐐷`).
 */
export const CASING_STRINGS: readonly string[] = Object.freeze(CASING_RULES.flat());

/** Hostile strings for injection tests: code fragments that would run if anything built code from values. */
export const HOSTILE_STRINGS: readonly string[] = Object.freeze([
  "'); process.exit(1); ('", '"); process.exit(1); ("', '${process.exit(1)}', '`); process.exit(1); (`',
  '\u2028process.exit(1)\u2029', '*/ process.exit(1) /*', '\\"); process.exit(1); //', '__proto__', 'constructor',
  'prototype', 'toString', 'valueOf', '</script><script>alert(1)</script>', "\\'; globalThis.pwned = 1; '",
]);

/** Words that rows and filters share, so phrase, prefix and substring tests sometimes hold. */
const WORDS = ['seo', 'SEO', 'blog', 'tips', 'a', 'b', 'ab', 'Ä', 'ä', 'ß', 'x1', '42', '😀', 'https://', 'www', '.com'];
const SEPARATORS = ['', ' ', '  ', '-', '/', '.', ', ', '\n'];

/** A string built from a shared vocabulary, with tricky strings and full Unicode (astral included) mixed in. */
export function textValue(): fc.Arbitrary<string> {
  const phrase = fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.map(([w, s], i) => (i === 0 ? w : s + w)).join(''));
  // Cross-shrinking: a failing odd string may shrink to a short phrase, the first (simplest) arbitrary.
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: phrase, weight: 5 },
    { arbitrary: fc.constantFrom(...TRICKY_STRINGS), weight: 2 },
    { arbitrary: fc.constantFrom(...CASING_STRINGS), weight: 2 },
    // 'binary' draws any code point, astral included (never a lone surrogate).
    { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 },
  );
}

/**
 * The needle of a case-insensitive test (`icontains`, `icontains phrase`):
 * mostly casing traps, so that a wrong fold shows within a hundred runs.
 */
export function caseTrapValue(): fc.Arbitrary<string> {
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: textValue(), weight: 1 },
    // One casing rule, then one of its strings, whatever its number of strings. Final sigma weighs three and `İ` two:
    // their traps need the needle itself to hold the letter (a row cannot show them otherwise), the others show more easily.
    { arbitrary: fc.oneof(...CASING_RULES.map((rule, i) => ({ arbitrary: fc.constantFrom(...rule), weight: i === 2 ? 3 : i === 1 ? 2 : 1 }))), weight: 6 },
  );
}

/** Integers at the edges JavaScript numbers care about, and small ones. */
export function integerValue(): fc.Arbitrary<number> {
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.integer({ min: -5, max: 100 }), weight: 5 },
    { arbitrary: fc.constantFrom(0, 1, -1, 50, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER), weight: 2 },
    { arbitrary: fc.maxSafeInteger(), weight: 1 },
  );
}

/**
 * Finite floats: halves, tiny values (the smallest subnormal), the largest
 * double, the usual `0.1 + 0.2`. Never `-0` and never an integer beyond
 * 2^53 (neither survives JSON unchanged: see `decompile`).
 */
export function floatValue(): fc.Arbitrary<number> {
  return fc
    .oneof(
      { withCrossShrink: true },
      { arbitrary: integerValue(), weight: 3 },
      { arbitrary: fc.integer({ min: -400, max: 400 }).map((n) => n / 4), weight: 3 },
      { arbitrary: fc.constantFrom(0.5, 0.1 + 0.2, 1e-7, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -2.5, 99.99), weight: 2 },
      { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
    )
    .filter((n) => !Number.isInteger(n) || Number.isSafeInteger(n))
    .map((n) => (Object.is(n, -0) ? 0 : n));
}

/** Row numbers: like {@link floatValue}, plus `-0` (rows are plain JSON values, where `-0` may appear). */
export function rowNumber(integer: boolean): fc.Arbitrary<number> {
  const base = integer ? integerValue() : floatValue();
  return fc.oneof({ arbitrary: base, weight: 9 }, { arbitrary: fc.constant(-0), weight: 1 });
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Instants that filters and rows share, so equality on dates sometimes holds. */
const INSTANTS = [
  Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 10), Date.UTC(2024, 1, 29), Date.UTC(2000, 1, 29, 23, 59, 59),
  Date.UTC(1970, 0, 1), Date.UTC(1999, 11, 31, 23, 59, 59, 999), Date.UTC(2038, 0, 19, 3, 14, 8),
];

/** One instant, drawn from the shared pool or from 1900–2100. */
export function instant(): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...INSTANTS), weight: 2 },
    { arbitrary: fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }), weight: 1 },
  );
}

/**
 * How an instant is written: `date` (midnight UTC), `minutes`, `seconds`,
 * `millis` (3 fraction digits), `fraction` (1 to 9 digits: past the third
 * they are truncated, never rounded), and `space`, the form ClickHouse
 * prints, written only in rows and quoted strings.
 */
export type DateForm = 'date' | 'minutes' | 'seconds' | 'millis' | 'fraction' | 'space';

/**
 * Writes an instant in one of the accepted ISO 8601 forms. `zone` is `Z`,
 * `none` (no zone: UTC by the spec) or an offset in minutes (within
 * ±23:59); for an offset the local time is shifted so that the text still
 * names the same instant. `fraction` gives the digits of the `fraction`
 * form: its length (1–9) is the number of digits written; digits past the
 * milliseconds are written as given, digits up to them come from `t`.
 */
export function writeInstant(t: number, form: DateForm, zone: 'Z' | 'none' | number, fraction = '000'): string {
  const offset = typeof zone === 'number' && form !== 'date' ? zone : 0;
  const d = new Date(t + offset * 60_000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (form === 'date') return date;
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const hms = `${hm}:${pad(d.getUTCSeconds())}`;
  const ms = pad(d.getUTCMilliseconds(), 3);
  const digits = Math.min(9, Math.max(1, fraction.length));
  const frac = digits <= 3 ? ms.slice(0, digits) : ms + fraction.slice(3, digits).padEnd(digits - 3, '0');
  const time = form === 'minutes' ? hm : form === 'seconds' ? hms : form === 'millis' ? `${hms}.${ms}` : form === 'fraction' ? `${hms}.${frac}` : hms;
  const suffix = zone === 'Z' ? 'Z' : zone === 'none' ? '' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  if (form === 'space') return `${date} ${time}${zone === 'none' ? '' : suffix}`;
  return `${date}T${time}${suffix}`;
}

/** Zones: `Z`, none, quarter hours within ±14 h (real zones), and any offset up to ±23:59 (the grammar's limit). */
const zoneArb: fc.Arbitrary<'Z' | 'none' | number> = fc.oneof(
  { arbitrary: fc.constantFrom<'Z' | 'none'>('Z', 'none'), weight: 3 },
  { arbitrary: fc.integer({ min: -56, max: 56 }).map((q) => q * 15), weight: 3 },
  { arbitrary: fc.constantFrom(23 * 60 + 59, -(23 * 60 + 59), 1, -1, 330, 345, -570), weight: 1 },
);

/** 1 to 9 fraction digits; the ones past the third are drawn, so that truncation (not rounding) shows. */
const fractionArb: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom('999999', '500000', '000001', '123456'))
  .map(([n, extra]) => ('000' + extra).slice(0, n));

/** A form and its fraction digits. */
const formArb = (forms: readonly DateForm[]): fc.Arbitrary<[DateForm, string]> =>
  fc.tuple(fc.constantFrom(...forms), fractionArb);

/**
 * A date or datetime as the text language writes it unquoted: `YYYY-MM-DD`
 * or `YYYY-MM-DDThh:mm[:ss[.f…]][Z|±hh:mm]` with 1 to 9 fraction digits.
 * Date columns get bare dates only (a time on a date column says more than
 * the column holds).
 */
export function filterDate(type: 'date' | 'datetime'): fc.Arbitrary<string> {
  if (type === 'date') return instant().map((t) => writeInstant(t, 'date', 'Z'));
  return fc
    .tuple(instant(), formArb(['date', 'minutes', 'seconds', 'millis', 'fraction']), zoneArb)
    .map(([t, [form, fraction], zone]) => writeInstant(t, form, zone, fraction));
}

/** A date or datetime in every form a row may hold, the space-separated ClickHouse form included. */
export function rowDate(): fc.Arbitrary<string> {
  return fc
    .tuple(instant(), formArb(['date', 'minutes', 'seconds', 'millis', 'fraction', 'space']), zoneArb)
    .map(([t, [form, fraction], zone]) => writeInstant(t, form, zone, fraction));
}

// ------------------------------------------------------------------ regexes

/** Patterns that hang a backtracking engine on inputs like `aaaa…!`, all valid RE2. */
export const CATASTROPHIC_PATTERNS: readonly string[] = Object.freeze([
  '(a+)+$', '(a|aa)+$', '(a|a)*b', '(.*a){12}', '^(a+)+b', '(\\w+\\s?)+$', '(x+x+)+y', '([a-z]+)*[0-9]',
]);

const REGEX_ATOMS = [
  'a', 'b', 'seo', 'SEO', '\\.', '.', '[a-c]', '[^x]', '\\d', '\\w', '\\s', '\\b', '[0-9]', '\\pL', 'ß', '😀', '/', '\\/',
];
const REGEX_QUANTIFIERS = ['', '', '', '*', '+', '?', '{1,3}', '*?', '{2}'];

/** RE2 patterns from a small grammar of atoms, quantifiers, groups, alternation, anchors and flags. */
export function re2Pattern(): fc.Arbitrary<string> {
  const piece = fc
    .tuple(fc.constantFrom(...REGEX_ATOMS), fc.constantFrom(...REGEX_QUANTIFIERS))
    .map(([atom, q]) => atom + q);
  const seq = fc.array(piece, { minLength: 1, maxLength: 4 }).map((ps) => ps.join(''));
  const grouped = fc
    .tuple(seq, seq, fc.constantFrom('(', '(?:'), fc.constantFrom('', '*', '+', '?'))
    .map(([a, b, open, q]) => `${open}${a}|${b})${q}`);
  const body = fc.oneof(seq, grouped);
  return fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom('', '', '^', '(?i)', '(?s)', '(?-s)'), body, fc.constantFrom('', '', '$')).map(([a, b, c]) => a + b + c), weight: 6 },
    { arbitrary: fc.constantFrom(...CATASTROPHIC_PATTERNS), weight: 1 },
  );
}

/** Wildcard patterns (Keywords Explorer): text where only `*` is special. */
export function wildcardPattern(): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom('seo', 'best', ' ', 'tips', '*', 'a'), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join(''));
}

/**
 * A pattern in the catalogue's regex dialect that the checker accepts
 * (`validateRegex`: valid, and within the program size that bounds
 * evaluation time), so generated filters stay free of diagnostics whatever
 * the checker's limits are.
 */
export function patternFor(dialect: RegexDialect): fc.Arbitrary<string> {
  return (dialect === 'wildcard' ? wildcardPattern() : re2Pattern()).filter((p) => validateRegex(p, dialect).ok);
}

// ------------------------------------------------------------------ per column

/** True for the string-like value types (`string`, `url`, `domain`). */
export function isStringType(column: Column): boolean {
  return column.type === 'string' || column.type === 'url' || column.type === 'domain';
}

/**
 * A JSON value of the right type for a column (for an array column, for one
 * element), as the `where` JSON holds it: what `op` compares with.
 */
export function whereValueFor(column: Column, op: CompareOp, dialect: RegexDialect): fc.Arbitrary<string | number | boolean> {
  if (column.enumValues && column.enumValues.length > 0) return fc.constantFrom(...column.enumValues);
  switch (column.type) {
    case 'integer': return integerValue();
    case 'float': return floatValue();
    case 'boolean': return fc.boolean();
    case 'date': case 'datetime': return filterDate(column.type);
    default:
      if (op === 'regex') return patternFor(dialect);
      return op === 'isubstring' || op === 'iphrase_match' ? caseTrapValue() : textValue();
  }
}

/** A value a row may hold for one column (one element, for arrays), never null. */
export function rowScalarFor(column: Column): fc.Arbitrary<unknown> {
  if (column.enumValues && column.enumValues.length > 0) return fc.constantFrom(...column.enumValues);
  switch (column.type) {
    case 'integer': return rowNumber(true);
    case 'float': return rowNumber(false);
    case 'boolean': return fc.boolean();
    case 'date': case 'datetime': return rowDate();
    case 'string': case 'url': case 'domain': return textValue();
    // An object column holds an object; an untyped (`array(null)`) element any JSON scalar. Null only via nullRate.
    case 'object': return fc.dictionary(fc.constantFrom('informational', 'navigational', 'commercial', 'transactional', 'a'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
    default: return fc.oneof(textValue(), integerValue(), fc.boolean());
  }
}

/** The odd scalars of a column: its type's own (`NaN` for numbers, …) and values of other JSON types. */
function oddScalars(column: Column): [readonly unknown[], readonly unknown[]] {
  const wrongType: readonly unknown[] = ['50', 1, 0, true, {}, ['x'], ''];
  switch (column.type) {
    case 'integer': case 'float': return [[Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '50', 1.5, true], wrongType];
    case 'boolean': return [[1, 0, 'true', 'false'], wrongType];
    case 'date': case 'datetime': return [[Date.UTC(2024, 0, 1), '2023-02-29', '2024-01-01t10:00:00z', '2024-01-01T24:00', '2024-01-01T10:00:00.1234567891Z', '2024-13-01', 20240101], wrongType];
    case 'string': case 'url': case 'domain': return [[42, true, ['seo'], { value: 'seo' }], wrongType];
    default: return [[Number.NaN, [], {}], wrongType];
  }
}

/**
 * The odd values of {@link oddValueFor} as a list, for the candidate pools
 * of rows drawn for a filter (`filterWithRow`, `rowFor` with `oddRate`).
 */
export function oddCandidates(column: Column): unknown[] {
  const [own, wrong] = oddScalars(column);
  if (!column.array) return [...own, ...wrong];
  // eslint-disable-next-line no-sparse-arrays
  return ['en', 42, { 0: 'en', length: 1 }, ...own.slice(0, 3).map((v) => [v]), [, 'x']];
}

/**
 * Values a row should not hold but may (docs/semantics.md, "Values of the
 * wrong type"): each is unknown to the predicate. Numbers get `NaN` (unknown)
 * and `±Infinity` (compared as numbers), and every column values of the
 * other JSON types: `"50"` for a number, `1`/`0` for a boolean, epoch
 * milliseconds and impossible or lower-case dates for a date, a string where
 * an array is expected and an array where a scalar is.
 */
export function oddValueFor(column: Column): fc.Arbitrary<unknown> {
  const [own, wrong] = oddScalars(column);
  const wrongType = fc.constantFrom<unknown>(...wrong);
  const scalar = fc.oneof(fc.constantFrom(...own), wrongType);
  if (!column.array) return scalar;
  // An array column: not an array at all, or an array holding wrong-typed elements or holes.
  return fc.oneof(
    fc.constantFrom<unknown>('en', 42, { 0: 'en', length: 1 }),
    fc.array(scalar, { minLength: 1, maxLength: 3 }),
    // eslint-disable-next-line no-sparse-arrays
    fc.constant([, 'x']),
  );
}
