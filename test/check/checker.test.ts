import { describe, expect, it } from 'vitest';
import type { Filter, Literal, SourceRange, Test } from '../../src/ast/nodes.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import { checkFilter } from '../../src/check/checker.js';
import { decompileTree } from '../../src/decompile/decompile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parse } from '../../src/syntax/parse.js';

const keywords = getCatalogue('keywords-explorer/overview')!;

/** Parses (the parser must be clean) and checks. */
function check(text: string, catalogue: Catalogue = allBacklinks): Diagnostic[] {
  const parsed = parse(text);
  expect(parsed.diagnostics, text).toEqual([]);
  return [...checkFilter(parsed.document.filter!, catalogue).diagnostics];
}
const codes = (text: string, catalogue?: Catalogue) => check(text, catalogue).map((d) => d.code);

/** A one-line range over [start, end). */
const r = (start: number, end: number): SourceRange => ({ start: { offset: start, line: 1, column: start + 1 }, end: { offset: end, line: 1, column: end + 1 } });
const str = (value: string, bare = false, range?: SourceRange): Literal => ({ kind: 'string', value, bare, ...(range ? { range } : {}) });
const num = (value: number): Literal => ({ kind: 'number', value });
const cond = (name: string, test: Test, modifier?: string): Filter =>
  ({ kind: 'condition', field: { name }, ...(modifier ? { modifier: { name: modifier } } : {}), test });

describe('columns', () => {
  it('resolves names, case-insensitive aliases and records references and columns in first-use order', () => {
    const parsed = parse('dr >= 50 and anchor contains "seo" and DR < 90 and UR > 1');
    const result = checkFilter(parsed.document.filter!, allBacklinks);
    expect(result.diagnostics).toEqual([]);
    expect(result.columns.map((c) => c.name)).toEqual(['domain_rating_source', 'anchor', 'url_rating_source']);
    const refs = [...result.references.entries()].map(([ref, res]) => [ref.name, res.apiName, res.viaAlias]);
    expect(refs).toEqual([
      ['dr', 'domain_rating_source', true], ['anchor', 'anchor', false], ['DR', 'domain_rating_source', true], ['UR', 'url_rating_source', true],
    ]);
  });

  it('reports unknown columns with did-you-mean suggestions on the field range', () => {
    const [d, ...rest] = check('domain_ratng_source > 5');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'unknown-column', severity: 'error', range: { start: { offset: 0 }, end: { offset: 19 } } });
    expect(d!.message).toBe('Unknown column "domain_ratng_source" on site-explorer/all-backlinks; did you mean "domain_rating_source"?');
    // A short alias inside the typo (`UR` in `source`) is not a suggestion, nor `domain_rating_target` (a typo and a different word, far below the best).
    expect(d!.suggestions!.map((s) => s.replacement)).toEqual(['domain_rating_source']);
    expect(d!.suggestions![0]).toEqual({ message: 'Replace with "domain_rating_source"', replacement: 'domain_rating_source', range: d!.range });
  });

  it('leaves unresolved references out of references and columns', () => {
    const result = checkFilter(cond('nope', { kind: 'empty' }), allBacklinks);
    expect(result.references.size).toBe(0);
    expect(result.columns).toEqual([]);
  });

  it('types dotted paths into object columns as unknown, with a warning, and accepts any scalar', () => {
    for (const q of ['intents.informational = true', 'intents.informational > 5', 'intents.informational contains "x"', 'intents.a.b is null']) {
      const ds = check(q, keywords);
      expect(ds.map((d) => d.code), q).toEqual(['unchecked-column-type']);
      expect(ds[0]!.severity).toBe('warning');
      expect(ds[0]!.message).toContain('intents');
    }
    expect(checkFilter(parse('intents.informational = true').document.filter!, keywords).columns.map((c) => c.name)).toEqual(['intents']);
  });

  it('checks array(null) and array(object) elements as unknown, with a warning', () => {
    const audit = getCatalogue('site-audit/page-explorer')!;
    expect(codes('any(hreflang) = 5', audit)).toEqual(['unchecked-column-type']);
    expect(codes('any(hreflang) contains "x" and hreflang is empty', audit)).toEqual(['unchecked-column-type']);
    const organic = getCatalogue('site-explorer/organic-keywords')!;
    expect(codes('all(entities) = "x"', organic)).toEqual(['unchecked-column-type']);
  });
});

describe('operators per type', () => {
  it.each([
    'http_code = 200', 'http_code != 200', 'http_code > 1', 'http_code >= 1', 'http_code < 1', 'http_code <= 1', 'http_code in (1, 2)', 'http_code between 1 and 5',
    'DR >= 50.5', 'anchor contains "a"', 'anchor icontains "a"', 'anchor contains phrase "a b"', 'anchor icontains phrase "a"',
    'anchor starts with "a"', 'anchor ends with "a"', 'anchor matches /a+/', 'anchor > "a"', 'anchor is empty', 'url_from = "https://x"',
    'link_type = text', 'link_type != "text"', 'link_type in (text, image)', 'is_dofollow = true', 'is_dofollow != false', 'is_dofollow',
    'first_seen > 2024-01-01', 'first_seen <= 2024-01-01T10:00:00Z', 'first_seen between 2024-01-01 and 2024-02-01', 'first_seen = "2024-01-01 10:00:00"',
    'source_page_publish_date >= 2024-01-01', 'source_page_publish_date = "2024-01-01"', 'alt is null', 'alt is not null', 'redirect_code is null',
    'languages is empty', 'languages is not empty', 'any(languages) = "en"', 'all(redirect_kind) >= 300', 'any(redirect_kind) is null',
    'uppercase(anchor) contains "SEO"', 'uppercase(anchor) matches /^A/', 'uppercase(link_type) starts with "TE"',
  ])('accepts %s', (q) => {
    expect(check(q)).toEqual([]);
  });

  it.each([
    ['http_code contains "x"', 'http_code is an integer column: `contains` is not allowed; allowed: =, !=, >, >=, <, <=, in (…), between … and ….'],
    ['is_dofollow > true', 'is_dofollow is a boolean column: `>` is not allowed; allowed: =, !=, in (…).'],
    ['is_dofollow between true and false', 'is_dofollow is a boolean column: `between` is not allowed; allowed: =, !=, in (…).'],
    ['link_type starts with "te"', 'link_type is an enum column: `starts with` is not allowed; allowed: =, !=, in (…).'],
    ['link_type is empty', 'link_type is an enum column: `is empty` is not allowed; allowed: =, !=, in (…).'],
    ['first_seen contains "2024"', 'first_seen is a datetime column: `contains` is not allowed; allowed: =, !=, >, >=, <, <=, in (…), between … and ….'],
    ['http_code is empty', undefined],
    ['DR matches /5/', undefined],
  ] as const)('rejects %s with operator-not-allowed', (q, message) => {
    const ds = check(q);
    expect(ds.map((d) => d.code)).toEqual(['operator-not-allowed']);
    if (message) expect(ds[0]!.message).toBe(message);
    // The range is the test (operator and value), not the whole condition.
    expect(ds[0]!.range!.start.offset).toBeGreaterThan(0);
  });

  it('lists is null among the allowed tests of nullable columns', () => {
    expect(check('broken_redirect_reason starts with "x"')[0]!.message).toBe(
      'broken_redirect_reason is an enum column: `starts with` is not allowed; allowed: =, !=, in (…), is null.');
    expect(check('redirect_code contains "3"')[0]!.message).toMatch(/is null\.$/);
  });

  it('warns on is null for a column that is never null, and not for nullable or unknown nullability', () => {
    const [d] = check('anchor is null');
    expect(d).toMatchObject({ code: 'null-test-never-true', severity: 'warning', range: { start: { offset: 7 } } });
    expect(d!.message).toContain('anchor is never null');
    expect(codes('not (anchor is null)')).toEqual(['null-test-never-true']);
    expect(codes('languages is null')).toEqual(['null-test-never-true']);
    expect(check('alt is null')).toEqual([]);
  });
});

describe('arrays', () => {
  it('needs any/all for value tests on array columns', () => {
    const [d] = check('languages = "en"');
    expect(d).toMatchObject({ code: 'array-needs-quantifier', range: { start: { offset: 10 }, end: { offset: 16 } } });
    expect(d!.message).toContain('any(languages) …');
    expect(d!.message).toContain('all(languages) …');
    expect(codes('languages contains "e"')).toEqual(['array-needs-quantifier']);
    expect(codes('languages in ("en", "de")')).toEqual(['array-needs-quantifier']);
  });

  it('rejects any/all on a scalar column', () => {
    const [d] = check('any(http_code) = 200');
    expect(d).toMatchObject({ code: 'quantifier-needs-array', range: { start: { offset: 4 }, end: { offset: 13 } } });
    expect(d!.message).toContain('http_code is an integer column');
    expect(codes('all(anchor) contains "x"')).toEqual(['quantifier-needs-array']);
  });

  it('types element tests by the element type', () => {
    expect(codes('any(redirect_kind) contains "3"')).toEqual(['operator-not-allowed']);
    expect(check('any(redirect_kind) = "301"')[0]!.message).toBe('Each element of redirect_kind is an integer: expected a whole number, found the string "301".');
    expect(codes('any(languages) = en')).toEqual(['bare-word-value']);
    expect(codes('all(languages) = "en" or not any(languages) is empty')).toEqual([]);
    expect(codes('any(languages) is empty')).toEqual([]);
  });

  it('checks array(enum) elements against the enum values (serp_features on keywords-explorer/overview)', () => {
    expect(check('any(serp_features) = snippet and all(serp_features) != "video"', keywords)).toEqual([]);
    const [d] = check('any(serp_features) = snipet', keywords);
    expect(d).toMatchObject({ code: 'unknown-enum-value', range: { start: { offset: 21 }, end: { offset: 27 } } });
    expect(d!.suggestions![0]).toMatchObject({ replacement: 'snippet', range: d!.range });
    expect(codes('any(serp_features) contains "snip"', keywords)).toEqual(['operator-not-allowed']);
    expect(codes('any(serp_features) in (video, image, nope)', keywords)).toEqual(['unknown-enum-value']);
  });
});

describe('values', () => {
  it('names the column and what was expected on a type mismatch', () => {
    const [d] = check('DR >= "50"');
    expect(d).toMatchObject({ code: 'value-type-mismatch', range: { start: { offset: 6 }, end: { offset: 10 } } });
    expect(d!.message).toBe('domain_rating_source is a float column: expected a number, found the string "50".');
    expect(d!.suggestions).toEqual([{ message: 'Replace with 50', replacement: '50', range: d!.range }]);
  });

  it.each([
    ['http_code = 1.5', 'expected a whole number, found the number 1.5'],
    ['http_code = true', 'expected a whole number, found the boolean true'],
    ['is_dofollow = 1', 'expected true or false, found the number 1'],
    ['is_dofollow = "true"', 'expected true or false'],
    ['anchor = 5', 'expected a quoted string, found the number 5'],
    ['anchor = 2024-01-01', 'found the date 2024-01-01'],
    ['anchor = true', 'found the boolean true'],
    ['link_type = 5', 'expected one of redirect, frame, text'],
    ['first_seen > "yesterday"', 'found the string "yesterday"'],
    ['first_seen > "2024-13-01"', 'found the string "2024-13-01"'],
    ['first_seen > 5', 'found the number 5'],
    ['source_page_publish_date > 2024-01-01T10:00:00Z', 'is a date column: expected a date (YYYY-MM-DD), found the datetime'],
    ['source_page_publish_date > "2024-01-01 10:00:00"', 'expected a date without a time'],
    ['anchor contains /a/', 'a /regex/ goes only with matches'],
  ])('%s → value-type-mismatch', (q, fragment) => {
    const ds = check(q);
    expect(ds.map((d) => d.code)).toEqual(['value-type-mismatch']);
    expect(ds[0]!.message).toContain(fragment);
  });

  it('suggests quoting values written bare on string columns, and for numbers, dates, booleans', () => {
    const [d] = check('anchor = seo');
    expect(d).toMatchObject({ code: 'bare-word-value', range: { start: { offset: 9 }, end: { offset: 12 } } });
    expect(d!.suggestions).toEqual([{ message: 'Replace with "seo"', replacement: '"seo"', range: d!.range }]);
    expect(check('anchor = 5')[0]!.suggestions![0]!.replacement).toBe('"5"');
    expect(check('anchor = 2024-01-01')[0]!.suggestions![0]!.replacement).toBe('"2024-01-01"');
    expect(check('is_dofollow = 1')[0]!.suggestions![0]!.replacement).toBe('true');
  });

  it('checks enum values with did-you-mean, quoted or bare', () => {
    expect(check('link_type = "text" or link_type = image')).toEqual([]); // with `and`, a never-matches warning (test/analysis)
    const [d] = check('link_type = Text');
    expect(d).toMatchObject({ code: 'unknown-enum-value' });
    expect(d!.message).toContain('"Text" is not a value of link_type');
    expect(d!.suggestions![0]!.replacement).toBe('text');
  });

  it('reports null as a value, suggesting is null / is not null over the test', () => {
    const [d] = check('alt = null');
    expect(d).toMatchObject({ code: 'null-value', range: { start: { offset: 6 }, end: { offset: 10 } } });
    expect(d!.suggestions).toEqual([{ message: 'Replace with is null', replacement: 'is null', range: r(4, 10) }]);
    expect(check('alt != null')[0]!.suggestions![0]!.replacement).toBe('is not null');
    expect(codes('nope = null')).toEqual(['unknown-column', 'null-value']);
  });

  it('reports a one-value in (…) as list-too-short', () => {
    expect(codes('link_type in (text)')).toEqual(['list-too-short']);
  });

  it('accepts every date form of spec §4 on datetime columns', () => {
    // The one date grammar (src/vocabulary/dates.ts, issue 9): the spaced form takes what the `T` form takes,
    // so `2024-01-01 10:00` is a datetime here as it is for the predicate and the decompiler.
    for (const v of ['2024-01-01', '2024-01-01T10:00', '2024-01-01T10:00:00', '2024-01-01T10:00:00.123', '2024-01-01T10:00:00Z', '2024-01-01T10:00:00+05:30', '2024-01-01 10:00:00', '2024-01-01 10:00', '2024-02-29']) {
      expect(check(`first_seen > ${JSON.stringify(v)}`), v).toEqual([]);
    }
    for (const v of ['2023-02-29', '2024-01-01T24:00', '2024-01-01 24:00', '2024-01-01t10:00', '2024-1-1', '20240101']) {
      expect(codes(`first_seen > ${JSON.stringify(v)}`), v).toEqual(['value-type-mismatch']);
    }
  });
});

describe('regexes', () => {
  it('validates patterns in the RE2 dialect, with the offset in the message', () => {
    const [d] = check('anchor matches /(?=a)b/');
    expect(d).toMatchObject({ code: 'unsupported-regex-feature', range: { start: { offset: 15 }, end: { offset: 23 } } });
    expect(d!.message).toContain('lookahead');
    expect(codes('anchor matches /(a/')).toEqual(['invalid-regex']);
    expect(check('anchor matches /(a/')[0]!.message).toContain('The regex for anchor is not valid RE2: missing closing )');
    expect(codes('anchor matches /(a)\\1/')).toEqual(['unsupported-regex-feature']);
    expect(codes('anchor matches "a+"')).toEqual([]); // a quoted pattern (as JSON gives) is read the same way
    const numeric = checkFilter(cond('anchor', { kind: 'compare', op: 'regex', value: num(5) }), allBacklinks).diagnostics;
    expect(numeric.map((d) => d.code)).toEqual(['value-type-mismatch']);
    expect(numeric[0]!.message).toContain('expected a /regex/ pattern');
  });

  it('accepts only * wildcards on Keywords Explorer', () => {
    expect(check('keyword matches "best * tips"', keywords)).toEqual([]);
    const [d] = check('keyword matches /^best.*/', keywords);
    expect(d).toMatchObject({ code: 'wildcard-pattern-only' });
    expect(d!.message).toContain('only * is supported');
    expect(d!.message).toContain('keyword');
  });
});

describe('modifiers', () => {
  it('rejects unknown modifiers with did-you-mean, and modifiers on non-string columns', () => {
    const [d] = check('uppercse(anchor) = "X"');
    expect(d).toMatchObject({ code: 'unknown-modifier' });
    expect(d!.suggestions![0]!.replacement).toBe('uppercase');
    expect(codes('lowercase(anchor) = "x"')).toEqual(['unknown-modifier']);
    const [m] = check('uppercase(http_code) = 5');
    expect(m).toMatchObject({ code: 'modifier-not-allowed' });
    expect(m!.message).toBe('uppercase applies to string columns only; http_code is an integer column.');
    expect(codes('uppercase(http_code) contains "5"')).toEqual(['modifier-not-allowed', 'operator-not-allowed']);
  });

  it('modifier-not-allowed on an array column (hand-built: the text grammar has no way to write it)', () => {
    const ds = checkFilter(cond('languages', { kind: 'empty' }, 'uppercase'), allBacklinks).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['modifier-not-allowed']);
  });
});

describe('all errors, sorted; ranges and paths', () => {
  it('reports every error, sorted by position', () => {
    const ds = check('http_code contains "x" or nope = 1 or anchor = seo or (DR > "5" and link_type = txt)');
    expect(ds.map((d) => d.code)).toEqual(['operator-not-allowed', 'unknown-column', 'bare-word-value', 'value-type-mismatch', 'unknown-enum-value']);
    const offsets = ds.map((d) => d.range!.start.offset);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
  });

  it('carries JSON paths for decompiled input', () => {
    const json = {
      and: [
        { field: 'domain_rating_source', is: ['gte', '50'] },
        { field: 'domain_ratng', is: ['gt', 1] },
        { field: 'anchor', modifier: 'lowercase', is: ['eq', 'x'] },
        { field: 'languages', is: ['eq', 'en'] },
        { field: 'http_code', list_is: { any: 'is_null' } },
        { field: 'anchor', is: ['regex', '(?<=a)'] },
        { field: 'http_code', is: ['substring', 'x'] },
        { field: 'anchor', is: 'is_null' },
      ],
    };
    const { filter, paths, diagnostics } = decompileTree(json);
    expect(diagnostics).toEqual([]);
    const ds = checkFilter(filter!, allBacklinks, { paths }).diagnostics;
    expect(ds.map((d) => [d.code, d.path])).toEqual([
      ['value-type-mismatch', '/and/0/is/1'],
      ['unknown-column', '/and/1/field'],
      ['unknown-modifier', '/and/2/modifier'],
      ['array-needs-quantifier', '/and/3/is'],
      ['quantifier-needs-array', '/and/4/field'],
      ['unsupported-regex-feature', '/and/5/is/1'],
      ['operator-not-allowed', '/and/6/is'],
      ['null-test-never-true', '/and/7/is'],
    ]);
    expect(ds.every((d) => d.range === undefined)).toBe(true);
    // JSON input gets JSON words in messages.
    expect(ds[6]!.message).toBe('http_code is an integer column: "substring" is not allowed; allowed: eq, neq, gt, gte, lt, lte.');
  });

  it('falls back to the enclosing node when a node has neither range nor path', () => {
    const test: Test = { kind: 'compare', op: 'eq', value: num(5), range: r(7, 10) };
    const ds = checkFilter(cond('anchor', test), allBacklinks).diagnostics;
    expect(ds[0]).toMatchObject({ code: 'value-type-mismatch', range: r(7, 10) });
    const lit = str('x', true, r(9, 10));
    expect(checkFilter(cond('anchor', { kind: 'compare', op: 'eq', value: lit }), allBacklinks).diagnostics[0]!.range).toEqual(r(9, 10));
  });

  it('skips invalid nodes', () => {
    const filter: Filter = { kind: 'and', operands: [{ kind: 'invalid' }, cond('anchor', { kind: 'compare', op: 'eq', value: str('x') })] };
    expect(checkFilter(filter, allBacklinks).diagnostics).toEqual([]);
    const list: Filter = { kind: 'list', quantifier: 'any', field: { name: 'languages' }, element: { kind: 'invalid' } };
    expect(checkFilter(list, allBacklinks).diagnostics).toEqual([]);
  });
});
