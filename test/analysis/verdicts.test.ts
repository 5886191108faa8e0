/**
 * The verdicts of the static analysis on every case of issue 13 and variants
 * (other columns, types, operators, nesting): the code, where it points, the
 * rows the message says it keeps, and the quick fixes.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/compile.js';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';

const ANALYSIS = new Set(['never-matches', 'always-true-where-known', 'redundant-condition', 'subsumed-condition']);
const warnings = (text: string) => check(text).filter((d) => ANALYSIS.has(d.code));
const codes = (text: string) => warnings(text).map((d) => d.code);
const slice = (text: string, d: { range?: { start: { offset: number }; end: { offset: number } } }) => text.slice(d.range!.start.offset, d.range!.end.offset);

/** Applies a suggestion to the text. */
function apply(text: string, s: { replacement: string; range?: { start: { offset: number }; end: { offset: number } } }): string {
  return text.slice(0, s.range!.start.offset) + s.replacement + text.slice(s.range!.end.offset);
}

describe('never-matches', () => {
  it.each([
    ['DR between 5 and 1', 'DR between 1 and 5'],
    ['http_code between 404 and 200', 'http_code between 200 and 404'],
    ['first_seen between 2024-06-01 and 2024-01-01', 'first_seen between 2024-01-01 and 2024-06-01'],
    ['last_seen between 2024-01-01T10:00:00Z and 2024-01-01T09:00:00Z', 'last_seen between 2024-01-01T09:00:00Z and 2024-01-01T10:00:00Z'],
    ['alt between "b" and "a"', 'alt between "a" and "b"'],
  ])('an empty range: %s, fixed by swapping the bounds', (text, fixed) => {
    const [d, ...rest] = warnings(text);
    expect(rest).toEqual([]);
    expect(d!.code).toBe('never-matches');
    expect(d!.severity).toBe('warning');
    expect(slice(text, d!)).toBe(text);
    expect(d!.message).toMatch(/is never true \(the range is empty: .* is above .*\).*keeps no row/);
    expect(apply(text, d!.suggestions![0]!)).toBe(fixed);
    expect(codes(fixed)).toEqual([]);
  });

  it('says how null rows fare: a nullable column is unknown there, a non-nullable one never null', () => {
    expect(warnings('alt between "b" and "a"')[0]!.message).toContain('false for every value of alt and unknown where alt is null');
    expect(warnings('DR between 5 and 1')[0]!.message).toContain('which is never null');
  });

  it.each([
    ['DR > 50 and DR < 10', 'DR > 50 or DR < 10'],
    ['DR >= 50 and DR <= 49.5', 'DR >= 50 or DR <= 49.5'],
    ['refdomains_source > 5 and refdomains_source < 6', 'refdomains_source > 5 or refdomains_source < 6'],
    ['last_seen > 2024-01-01 and last_seen < 2023-01-01', 'last_seen > 2024-01-01 or last_seen < 2023-01-01'],
    ['alt > "b" and alt < "a"', 'alt > "b" or alt < "a"'],
    ['alt = "a" and alt = "b"', 'alt in ("a", "b")'],
    ['http_code = 200 and http_code = 301', 'http_code in (200, 301)'],
  ])('contradicting operands of one and: %s', (text, fixed) => {
    const [d, ...rest] = warnings(text);
    expect(rest).toEqual([]);
    expect(d!.code).toBe('never-matches');
    expect(d!.message).toMatch(/are never all true/);
    expect(apply(text, d!.suggestions![0]!)).toBe(fixed);
  });

  it('finds the contradiction among other operands, pointing at the operands involved', () => {
    const text = 'is_dofollow and DR > 50 and url_from contains "blog" and DR < 10';
    const [d] = warnings(text);
    expect(d!.code).toBe('never-matches');
    expect(slice(text, d!)).toBe('DR > 50 and url_from contains "blog" and DR < 10');
    // No either-fix when the and holds other operands: the intent is unclear.
    expect(d!.suggestions).toBeUndefined();
  });

  it('integer columns hold whole numbers; float columns do not', () => {
    expect(codes('refdomains_source > 5 and refdomains_source < 6')).toEqual(['never-matches']);
    expect(codes('DR > 5 and DR < 6')).toEqual([]);
  });

  it.each([
    'link_type in (text, image) and link_type not in (text, image)',
    'alt in ("a", "b") and alt not in ("a", "b")',
    'alt in ("a", "b") and alt not in ("b", "a", "c")',
    'link_type != text and link_type != image and link_type != redirect and link_type != frame and link_type != form and link_type != canonical and link_type != alternate and link_type != rss',
  ])('in / not in, and enum values excluded one by one: %s', (text) => {
    expect(codes(text)).toEqual(['never-matches']);
  });

  it.each([
    ['uppercase(anchor) = "seo"', '"SEO"'],
    ['uppercase(anchor) starts with "Seo"', '"SEO"'],
    ['uppercase(title) ends with "ß"', '"SS"'],
    ['uppercase(alt) contains "ñ"', '"Ñ"'],
  ])('uppercase(x) compared with lower-case letters: %s', (text, value) => {
    const [d] = warnings(text);
    expect(d!.code).toBe('never-matches');
    expect(d!.message).toContain('has lower-case letters');
    expect(d!.suggestions![0]!.replacement).toBe(value);
    expect(codes(apply(text, d!.suggestions![0]!))).toEqual([]);
  });

  it('uppercase: letters without an upper case, digits and upper-case text are fine', () => {
    expect(codes('uppercase(anchor) = "SEO 2024"')).toEqual([]);
    expect(codes('uppercase(anchor) = "ᵃ"')).toEqual([]); // a modifier letter upper-casing leaves alone
    expect(codes('uppercase(anchor) icontains "seo"')).toEqual([]);
    expect(codes('uppercase(anchor) matches /seo/')).toEqual([]);
  });

  it('uppercase on an enum column: only the upper-cased values exist', () => {
    expect(codes('uppercase(link_type) = "TEXTX"')).toEqual(['never-matches']);
    expect(codes('uppercase(link_type) = "TEXT"')).toEqual([]);
    expect(codes('uppercase(link_type) < "A"')).toEqual(['never-matches']);
  });

  it('one part of an or that never matches: removing it keeps the same rows', () => {
    const text = 'is_dofollow or DR between 5 and 1';
    const [d] = warnings(text);
    expect(d!.code).toBe('never-matches');
    expect(slice(text, d!)).toBe('DR between 5 and 1');
    expect(d!.suggestions!.map((s) => apply(text, s))).toEqual(['is_dofollow or DR between 1 and 5', 'is_dofollow']);
  });

  it('under not, the operand carries the verdict and the message says what the negation keeps', () => {
    const [d] = warnings('not (alt between "b" and "a")');
    expect(d!.code).toBe('never-matches');
    expect(d!.message).toContain('the negation keeps every row where alt is not null');
  });

  it('inside any/all: any keeps no row, all only empty arrays', () => {
    const any = warnings('any(languages) (= "en" and = "de")');
    expect(any.map((d) => d.code)).toEqual(['never-matches']);
    expect(any[0]!.message).toContain('any(languages) … keeps no row');
    const all = warnings('all(languages) (= "en" and = "de")');
    expect(all[0]!.message).toContain('all(languages) … keeps only the rows where languages is an empty array');
    expect(codes('any(redirect_kind) between 301 and 300')).toEqual(['never-matches']);
  });

  it('is null with a value test: never true, and null rows are unknown there', () => {
    expect(codes('alt is null and alt = "x"')).toEqual(['never-matches']);
    expect(codes('alt is null or alt = "x"')).toEqual([]);
  });

  it('leaves is null on a non-nullable column to null-test-never-true (no second warning)', () => {
    expect(check('DR is null').map((d) => d.code)).toEqual(['null-test-never-true']);
    expect(check('DR is not null').map((d) => d.code)).toEqual(['null-test-never-true']);
  });
});

describe('always-true-where-known', () => {
  it('on a nullable column: no tautology, it keeps the rows where the column is not null', () => {
    const text = 'alt >= "a" or alt < "a"';
    const [d] = warnings(text);
    expect(d!.code).toBe('always-true-where-known');
    expect(d!.message).toContain('it keeps exactly the rows where alt is not null');
    expect(apply(text, d!.suggestions![0]!)).toBe('alt is not null');
  });

  it('on a non-nullable column it keeps every row', () => {
    expect(warnings('DR >= 0 or DR < 0')[0]!.message).toContain('which is never null (the catalogue says so), so it keeps every row');
    const text = 'is_dofollow and (DR >= 0 or DR < 0)';
    const [d] = warnings(text);
    expect(apply(text, d!.suggestions![0]!)).toBe('is_dofollow');
  });

  it.each([
    'redirect_code >= 300 or redirect_code < 300',
    'last_seen <= 2024-01-01 or last_seen > 2024-01-01',
    'uppercase(anchor) != "seo"',
    'link_type in (redirect, frame, text, form, canonical, alternate, rss, image)',
    'alt != "a" or alt != "b"',
    'languages is empty or languages is not empty',
  ])('variants: %s', (text) => {
    expect(codes(text)).toEqual(['always-true-where-known']);
  });

  it('no fix under not (there the replacement would change the rows)', () => {
    const [d] = warnings('not (alt >= "a" or alt < "a")');
    expect(d!.code).toBe('always-true-where-known');
    expect(d!.suggestions).toBeUndefined();
  });

  it('is null or is not null keeps every row', () => {
    expect(warnings('alt is null or alt >= "a" or alt < "a"')[0]!.message).toContain('true for every row, null alt included');
  });
});

describe('redundant-condition and subsumed-condition', () => {
  it.each([
    ['DR > 50 and DR > 30', 'DR > 50'],
    ['DR > 30 and DR > 50', 'DR > 50'],
    ['DR > 50 or DR > 30', 'DR > 30'],
    ['DR >= 10 and DR between 20 and 30', 'DR between 20 and 30'],
    ['first_seen > 2024-01-01 and first_seen > 2023-01-01', 'first_seen > 2024-01-01'],
    ['alt = "a" and alt != "b"', 'alt = "a"'],
    ['not (DR > 5) and DR < 3', 'DR < 3'],
    ['is_dofollow and DR > 50 and DR > 30', 'is_dofollow and DR > 50'],
  ])('an implied operand: %s', (text, fixed) => {
    const [d, ...rest] = warnings(text);
    expect(rest).toEqual([]);
    expect(d!.code).toBe('subsumed-condition');
    expect(apply(text, d!.suggestions![0]!)).toBe(fixed);
    expect(codes(fixed)).toEqual([]);
  });

  it('an is not null beside a comparison is not implied: under not they differ', () => {
    expect(codes('alt is not null and alt = "a"')).toEqual([]);
  });

  it.each([
    ['is_dofollow and is_dofollow', 'is_dofollow'],
    ['any(languages) = "a" or any(languages) = "a"', 'any(languages) = "a"'],
    ['(DR > 5 or is_new) and is_dofollow and (DR > 5 or is_new)', '(DR > 5 or is_new) and is_dofollow'],
    ['DR > 5 and domain_rating_source > 5', 'DR > 5'],
  ])('a repeated operand: %s', (text, fixed) => {
    const [d] = warnings(text);
    expect(d!.code).toBe('redundant-condition');
    expect(apply(text, d!.suggestions![0]!)).toBe(fixed);
  });

  it.each([
    ['http_code in (200, 200, 301)', 'http_code in (200, 301)'],
    ['link_type in (text, image, text)', 'link_type in (text, image)'],
    ['any(languages) in ("en", "de", "en")', 'any(languages) in ("en", "de")'],
  ])('a value listed twice: %s', (text, fixed) => {
    const [d] = warnings(text);
    expect(d!.code).toBe('redundant-condition');
    expect(apply(text, d!.suggestions![0]!)).toBe(fixed);
  });

  it('inside any(…): implied element tests', () => {
    expect(codes('any(languages) (= "en" or starts with "e")')).toEqual(['subsumed-condition']);
  });
});

describe('soundness on filters that can match', () => {
  it.each([
    'DR between 1 and 5', 'DR > 10 and DR < 50', 'alt = "a" or alt = "b"', 'alt > "a" and alt < "a\u0001"',
    'link_type in (text, image) and link_type not in (text)', 'uppercase(anchor) = "SEO"', 'anchor contains "seo" and anchor = "x"',
    'all(languages) = "en"', 'any(languages) is null', 'not (DR > 5) and DR > 3', 'url_from matches /a/ and url_from = "b"',
    'DR > 5 or url_from = "x"', 'alt is null', 'languages is empty or languages is null',
  ])('no warning: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });

  it('no analysis when the filter has errors, and none on JSON paths without fixes', () => {
    expect(codes('DR between 5 and 1 and link_type = txt')).toEqual([]);
    expect(codes('DR between 5 and 1 and (')).toEqual([]);
  });

  it('every code is in the table as a warning', () => {
    for (const code of ANALYSIS) expect(DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES].severity).toBe('warning');
  });
});
