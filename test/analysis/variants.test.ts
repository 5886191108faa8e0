/**
 * Issue 13's bullets again, on variants: dates and datetimes compared by
 * instant, strings by code point (not UTF-16 unit), enums, nullability,
 * any/all quantifiers, and all of it under `not`. Each case says what the
 * analysis must find (or must not), and `simplify`'s result is checked
 * against the predicate on rows with nulls, odd values, empty arrays and
 * null elements.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/compile.js';
import { evaluate } from '../../src/api/predicate.js';
import { simplify } from '../../src/api/simplify.js';

const ANALYSIS = new Set(['never-matches', 'always-true-where-known', 'redundant-condition', 'subsumed-condition']);
const codes = (text: string) => check(text).map((d) => d.code).filter((c) => ANALYSIS.has(c) || c === 'null-test-never-true');

const ROWS: Record<string, unknown>[] = [
  {}, { alt: null, last_seen: null, languages: null }, { alt: 'a' }, { alt: 'b' }, { alt: 'ab' }, { alt: '\uFFFF' }, { alt: '😀' }, { alt: 5 },
  { domain_rating_source: 40 }, { domain_rating_source: 60 }, { domain_rating_source: 'x' },
  { first_seen: '2024-01-01T00:00:00Z' }, { first_seen: '2023-12-31T23:59:59Z' }, { first_seen: '2024-01-02T00:00:00Z' },
  { last_seen: '2024-01-01T08:00:00Z' }, { last_seen: '2024-01-01T07:59:59Z' },
  { link_type: 'text' }, { link_type: 'image' }, { link_type: 'frame' }, { link_type: null },
  { languages: [] }, { languages: [null] }, { languages: ['en'] }, { languages: ['en', 'de'] }, { languages: ['en', null] },
];

/** `simplify` keeps every row's three-valued result, and under `not`. */
function sameRows(text: string): void {
  const s = simplify(text).text!;
  for (const row of ROWS) {
    expect(evaluate(s, row), `${s} on ${JSON.stringify(row)}`).toBe(evaluate(text, row));
    expect(evaluate(`not (${s})`, row)).toBe(evaluate(`not (${text})`, row));
  }
}

describe('variants of issue 13', () => {
  it.each([
    // Dates and datetimes by instant: a date is its midnight UTC.
    ['first_seen > 2024-01-01 and first_seen < 2024-01-01T00:00:00Z', ['never-matches']],
    ['last_seen >= 2024-01-01T10:00:00+02:00 and last_seen < 2024-01-01T08:00:00Z', ['never-matches']],
    ['first_seen between 2024-01-02 and 2024-01-01T23:59:59Z', ['never-matches']],
    ['first_seen = 2024-01-01 and first_seen = 2024-01-01T00:00:00Z', ['subsumed-condition']],
    ['first_seen >= 2024-01-01 and first_seen <= 2024-01-01T00:00:00Z', []],
    ['last_seen > 2024-01-01T10:00:00+02:00 and last_seen < 2024-01-01T08:00:01Z', []],
    // Strings by code point: U+1F600 sorts above U+FFFF, though its first UTF-16 unit is below.
    ['alt > "\uFFFF" and alt < "😀"', []],
    ['alt > "😀" and alt < "\uFFFF"', ['never-matches']],
    ['alt > "a" and alt < "a\u0000"', ['never-matches']],
    ['alt starts with "ab" and alt starts with "ac"', ['never-matches']],
    ['alt starts with "a" and alt starts with "ab"', ['subsumed-condition']],
    ['alt starts with "a\uFFFF" and alt = "a𐀀"', ['never-matches']],
    ['uppercase(alt) = "SS" and uppercase(alt) != "SS"', ['never-matches']],
    // Enums.
    ['link_type = text and link_type = image', ['never-matches']],
    ['link_type != text or link_type != image', ['always-true-where-known']],
    ['link_type in (text, image) and link_type in (image, frame)', []],
    // Nullability: is-null parts are judged when their result is the same on every row.
    ['alt is null and alt is not null', ['never-matches']],
    ['is_new and alt is not null and alt is null', ['never-matches']],
    ['alt is null or alt is not null', ['always-true-where-known']],
    ['is_new or alt is null or alt is not null', ['always-true-where-known']],
    ['alt is not null', []],
    ['not (alt is null)', []],
    ['alt is not null and alt = "a"', []],
    ['DR is null and DR is not null', ['null-test-never-true', 'null-test-never-true']],
    // Quantifiers: different elements may pass different tests; all(…) holds on an empty array.
    ['any(languages) = "en" and any(languages) = "de"', []],
    ['all(languages) = "en" and all(languages) = "de"', []],
    ['any(languages) is null and any(languages) is not null', []],
    ['any(languages) (= "en" and = "de")', ['never-matches']],
    ['any(languages) = "en" or any(languages) = "en"', ['redundant-condition']],
    // Under not.
    ['not (DR > 50 and DR < 10)', ['never-matches']],
    ['not (DR > 50 or DR <= 50)', ['always-true-where-known']],
    ['not (DR > 50 and DR > 30)', ['subsumed-condition']],
    ['not (not (alt between "b" and "a"))', ['never-matches']],
    ['not (alt is null and alt is not null)', ['never-matches']],
  ])('%s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
    sameRows(text);
  });

  it('messages say what is kept: every row for is null or is not null, none for is null and is not null', () => {
    expect(check('alt is null or alt is not null')[0]!.message).toContain('true for every row, null alt included');
    expect(check('alt is null and alt is not null')[0]!.message).toContain('are never all true');
    expect(check('not (alt is null or alt is not null)')[0]!.message).toContain('Under the `not` around it, the negation keeps no row.');
    expect(check('not (alt >= "a" or alt < "a")')[0]!.message).toContain('the negation keeps no row');
    expect(check('alt >= "a" or alt < "a"')[0]!.message).not.toContain('negation');
  });

  it.each([
    ['first_seen = 2024-01-01 and first_seen = 2024-01-01T00:00:00Z', 'first_seen = 2024-01-01T00:00:00Z'],
    ['alt starts with "a" and alt starts with "ab"', 'alt starts with "ab"'],
    ['link_type in (text, image) and link_type in (image, frame)', 'link_type = image'],
    ['not (DR > 50 and DR > 30)', 'DR <= 50'],
    ['not (alt = "a" and alt != "b")', 'alt != "a"'],
    ['all(languages) = "en" and all(languages) = "de"', 'all(languages) (= "en" and = "de")'],
    ['not (alt is null)', 'alt is not null'],
  ])('simplify: %s → %s', (text, expected) => {
    expect(simplify(text).text).toBe(expected);
    sameRows(text);
  });
});
