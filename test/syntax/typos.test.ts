/**
 * Issue 12 §3: operator and keyword typos are not just "expected `and`, `or`
 * or the end": the parser's message says what was meant and carries a quick
 * fix, and applying the fix gives a filter that parses.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/compile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { diagnose } from '../../src/editor/index.js';
import { parse } from '../../src/syntax/index.js';

/** The text with the diagnostic's first suggestion applied. */
function applyFix(text: string, d: Diagnostic): string {
  const s = d.suggestions![0]!;
  const range = s.range ?? d.range!;
  return text.slice(0, range.start.offset) + s.replacement + text.slice(range.end.offset);
}

describe('misspelt keywords and operators', () => {
  it.each([
    // [text, what the message suggests, the text once fixed]
    ['url_from startswith "a"', 'starts with', 'url_from starts with "a"'],
    ['url_from starts_with "a"', 'starts with', 'url_from starts with "a"'],
    ['anchor startsWith "a"', 'starts with', 'anchor starts with "a"'],
    ['anchor ends_with "a"', 'ends with', 'anchor ends with "a"'],
    ['anchor contain "x"', 'contains', 'anchor contains "x"'],
    ['anchor not contain "x"', 'contains', 'anchor not contains "x"'],
    ['anchor matchs "x"', 'matches', 'anchor matches "x"'],
    ['DR btween 1 and 5', 'between', 'DR between 1 and 5'],
    ['DR nin (1, 2)', 'not in', 'DR not in (1, 2)'],
    ['DR notin (1, 2)', 'not in', 'DR not in (1, 2)'],
    ['anchor isnull', 'is null', 'anchor is null'],
    ['anchor is nul', 'null', 'anchor is null'],
    ['anchor is emtpy', 'empty', 'anchor is empty'],
    ['anchor iss null', 'is', 'anchor is null'],
    ['DR > 5 adn is_spam', 'and', 'DR > 5 and is_spam'],
    ['DR > 5 andd is_spam', 'and', 'DR > 5 and is_spam'],
    ['(DR > 5) adn is_spam', 'and', '(DR > 5) and is_spam'],
    ['DR >= 5 orr DR < 3', 'or', 'DR >= 5 or DR < 3'],
    ['DR gt 5', '>', 'DR > 5'],
  ])('%s: did you mean `%s`, with a quick fix', (text, meant, fixed) => {
    const ds = parse(text).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['unexpected-token']);
    const d = ds[0]!;
    expect(d.message).toContain(`Did you mean \`${meant}\`?`);
    // The parser's own words stay first: what was expected and what was found.
    expect(d.message).toMatch(/^Expected /);
    expect(d.suggestions).toEqual([{ message: `Replace with \`${meant}\``, replacement: meant, range: d.range }]);
    expect(applyFix(text, d)).toBe(fixed);
    expect(parse(fixed).diagnostics).toEqual([]);
  });

  it.each([
    ['DR => 5', '>=', '=>', 'DR >= 5'],
    ['DR =< 5', '<=', '=<', 'DR <= 5'],
    ['DR == 5', '=', '==', 'DR = 5'],
    ['DR <> 5', '!=', '<>', 'DR != 5'],
  ])('%s: operators written as elsewhere are one operator here (%s for %s)', (text, meant, written, fixed) => {
    const [d, ...rest] = parse(text).diagnostics;
    expect(rest).toEqual([]);
    expect(d!.message).toContain(`Did you mean \`${meant}\` for \`${written}\`?`);
    // The fix and the diagnostic span both characters.
    expect(d!.range).toMatchObject({ start: { offset: 3 }, end: { offset: 5 } });
    expect(applyFix(text, d!)).toBe(fixed);
    expect(parse(fixed).diagnostics).toEqual([]);
  });

  it('a word like no keyword keeps the parser\'s message alone, without a guess', () => {
    // A missing value before a connective is not the value "and" to quote.
    for (const text of ['DR > 5 banana', 'DR > 5 xyz is_spam', 'DR > 5 5', 'DR >= 50)', 'DR >= and is_spam', 'DR > and', 'DR > 5 and (anchor = or DR > 3)']) {
      const ds = parse(text).diagnostics;
      expect(ds.length, text).toBeGreaterThan(0);
      for (const d of ds) {
        expect(d.message, text).not.toContain('Did you mean');
        expect(d.suggestions, text).toBeUndefined();
      }
    }
  });

  it('after a value only a connective is suggested, not a test (`5 contain` is not `5 contains`)', () => {
    const [d] = parse('DR > 5 contain').diagnostics;
    expect(d!.suggestions).toBeUndefined();
  });
});

describe('a value spelt like a keyword', () => {
  it.each([
    ['country = IN', '"IN"', 10, 12],
    ['country in (US, IN)', '"IN"', 16, 18],
    ['country in (IN, US)', '"IN"', 12, 14],
    ['anchor = OR', '"OR"', 9, 11],
    ['country = IN and DR > 5', '"IN"', 10, 12],
    ['(country = IN)', '"IN"', 11, 13],
    ['anchor != not', '"not"', 10, 13],
  ])('%s says to quote it, with a fix to %s', (text, quoted, start, end) => {
    const d = parse(text).diagnostics[0]!;
    expect(d.code).toBe('unexpected-token');
    expect(d.message).toContain(`is a keyword; a value spelt like one is written in quotes: ${quoted}.`);
    expect(d.range).toMatchObject({ start: { offset: start }, end: { offset: end } });
    expect(d.suggestions).toEqual([{ message: `Replace with ${quoted}`, replacement: quoted, range: d.range }]);
    expect(parse(applyFix(text, d)).diagnostics).toEqual([]);
  });

  it('on rank-tracker/overview (country is an enum there) the quoted country checks clean', () => {
    const options = { catalogue: 'rank-tracker/overview' };
    const [d] = check('country = IN', options);
    expect(check(applyFix('country = IN', d!), options)).toEqual([]);
  });
});

describe('the fixes reach the editor', () => {
  it('diagnose offers them as quick fixes', () => {
    const d = diagnose('DR nin (1,2)').find((x) => x.code === 'unexpected-token')!;
    expect(d.fixes).toEqual([{ title: 'Replace with `not in`', start: 3, end: 6, newText: 'not in' }]);
    const q = diagnose('country = IN', { catalogue: 'keywords-explorer/overview' })[0]!;
    expect(q.fixes).toEqual([{ title: 'Replace with "IN"', start: 10, end: 12, newText: '"IN"' }]);
  });
});

describe('misspelt true and false (read as bare words)', () => {
  it.each([
    ['is_spam = ture', 'true'],
    ['is_spam = flase', 'false'],
    ['is_dofollow != Ture', 'true'],
  ])('%s: the checker offers %s', (text, meant) => {
    const [d, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(d!.code).toBe('value-type-mismatch');
    expect(d!.suggestions?.map((s) => s.replacement)).toEqual([meant]);
  });

  it('a word like neither gets no fix', () => {
    expect(check('is_spam = yes')[0]!.suggestions).toBeUndefined();
    expect(check('is_spam = banana')[0]!.suggestions).toBeUndefined();
  });
});
