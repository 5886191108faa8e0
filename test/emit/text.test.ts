/**
 * The canonical text printer and the formatter: minimal parentheses that
 * keep the AST, escapes, layout, comments, idempotence.
 */
import { describe, expect, it } from 'vitest';
import type { Filter } from '../../src/ast/nodes.js';
import { printFilter } from '../../src/emit/text.js';
import { formatWithDiagnostics as format } from '../../src/api/format-text.js';

const fmt = (text: string, options = {}) => {
  const r = format(text, options);
  expect(r.diagnostics).toEqual([]);
  expect(format(r.text, options).text).toBe(r.text);
  return r.text;
};

describe('canonical text', () => {
  it.each([
    ['DR>=50 AND ( is_dofollow )', 'DR >= 50 and is_dofollow'],
    ['a AND (b AND c)', 'a and (b and c)'],
    ['(a and b) and c', '(a and b) and c'],
    ['a or (b or c)', 'a or (b or c)'],
    ['a or (b and c)', 'a or b and c'],
    ['(a or b) and c', '(a or b) and c'],
    ['not (a)', 'not a'],
    ['not (a and b)', 'not (a and b)'],
    ['not (not a)', 'not not a'],
    ['(((a)))', 'a'],
    ['x = true', 'x'],
    ['not x = true', 'not x'],
    ['x = false', 'x = false'],
    ['not x is null', 'x is not null'],
    ['not (x is empty)', 'x is not empty'],
    ['not x in (1,2)', 'x not in (1, 2)'],
    ['not x between 1 and 2', 'x not between 1 and 2'],
    ['not x contains phrase "a"', 'x not contains phrase "a"'],
    ['not x icontains "a"', 'x not icontains "a"'],
    ['not x starts with "a"', 'x not starts with "a"'],
    ['not x ends with "a"', 'x not ends with "a"'],
    ['not x matches /a/', 'x not matches /a/'],
    ['not x = 5', 'not x = 5'],
    ['not not x in (1, 2)', 'not x not in (1, 2)'],
    ['UPPERCASE(anchor) CONTAINS "SEO"', 'UPPERCASE(anchor) contains "SEO"'],
    ['uppercase(b) = true', 'uppercase(b) = true'],
    ['any(l) = "en"', 'any(l) = "en"'],
    ['any(l) (not in ("en", "de"))', 'any(l) not in ("en", "de")'],
    ['any(l) (is not null)', 'any(l) is not null'],
    ['any(l) (not = "en")', 'any(l) (not = "en")'],
    ['any(l) ((= 1 or = 2) and not (= 3 or = 4))', 'any(l) ((= 1 or = 2) and not (= 3 or = 4))'],
    ['ALL(l) (= 1 and (= 2 and = 3))', 'all(l) (= 1 and (= 2 and = 3))'],
    ['link_type = text', 'link_type = text'],
    ["x = 'single'", 'x = "single"'],
    ['x in (a, "a", 1.50, -0, 1E3, .5)', 'x in (a, "a", 1.5, -0, 1000, 0.5)'],
    ['x = 1e21', 'x = 1e+21'],
    ['d >= 2024-01-01 and t < 2024-01-01T10:00:00.5+02:00', 'd >= 2024-01-01 and t < 2024-01-01T10:00:00.5+02:00'],
    ['x = null', 'x = null'],
  ])('%s  →  %s', (input, expected) => {
    expect(fmt(input)).toBe(expected);
  });
});

describe('escapes and quoting', () => {
  it.each([
    ['x = "a\\"b\\\\c"', 'x = "a\\"b\\\\c"'],
    ["x = 'it\\'s'", 'x = "it\'s"'],
    ['x = "\\n\\t\\r\\u0001\\u{7F}\\u2028"', 'x = "\\n\\t\\r\\u{1}\\u{7F}\\u{2028}"'],
    ['x = "\\u00e9\\/"', 'x = "é/"'],
    ['x matches /a\\/b/', 'x matches /a\\/b/'],
    ['x matches "a\\\\/b"', 'x matches "a\\\\/b"'],
    ['x matches "line\\nbreak"', 'x matches "line\\nbreak"'],
    ['x matches "ends\\\\"', 'x matches "ends\\\\"'],
    ['x matches "\\\\d+"', 'x matches /\\d+/'],
    ['`my col` = 1', '`my col` = 1'],
    ['`and` = 1 and `And.x` = 2', '`and` = 1 and And.x = 2'],
    ['`a\\`b\\\\` = 1', '`a\\`b\\\\` = 1'],
    ['`plain` = 1', 'plain = 1'],
    ['x = "and"', 'x = "and"'],
  ])('%s  →  %s', (input, expected) => {
    expect(fmt(input)).toBe(expected);
  });

  it('prints bare only what reads back bare', () => {
    const f = (value: string, bare: boolean): Filter => ({ kind: 'condition', field: { name: 'x' }, test: { kind: 'compare', op: 'eq', value: { kind: 'string', value, bare } } });
    expect(printFilter(f('text', true))).toBe('x = text');
    expect(printFilter(f('text', false))).toBe('x = "text"');
    expect(printFilter(f('two words', true))).toBe('x = "two words"');
    expect(printFilter(f('null', true))).toBe('x = "null"');
  });
});

describe('layout', () => {
  it('breaks long chains with the operator leading', () => {
    expect(fmt('domain_rating_source >= 50 and is_dofollow and not is_spam and (anchor contains "seo" or url_from starts with "https://blog.")'))
      .toBe([
        'domain_rating_source >= 50',
        '  and is_dofollow',
        '  and not is_spam',
        '  and (anchor contains "seo" or url_from starts with "https://blog.")',
      ].join('\n'));
  });

  it('breaks groups that do not fit, closing them on their own line', () => {
    expect(fmt('a = 1 and (bbbbbbbbbb = 2 or cccccccccc = 3) and not (d = 1 or e = 2)', { lineWidth: 30 })).toBe([
      'a = 1',
      '  and (',
      '    bbbbbbbbbb = 2',
      '    or cccccccccc = 3',
      '  )',
      '  and not (d = 1 or e = 2)',
    ].join('\n'));
  });

  it('honours indent and lineWidth', () => {
    expect(fmt('a and b', { lineWidth: 5, indent: '\t' })).toBe('a\n\tand b');
    expect(fmt('a and b', { lineWidth: 7 })).toBe('a and b');
  });

  it('breaks element trees too', () => {
    expect(fmt('any(languages) (starts with "en" or = "de" and not contains "x")', { lineWidth: 40 })).toBe([
      'any(languages) (',
      '  starts with "en"',
      '  or = "de" and not contains "x"',
      ')',
    ].join('\n'));
  });
});

describe('comments', () => {
  it('keeps each comment before the node that follows it, forcing lines', () => {
    expect(fmt('# why\na and # b next\n b # trailing')).toBe('# why\na\n  # b next\n  and b\n# trailing');
  });
  it('inside groups and element trees', () => {
    expect(fmt('a and (b or # c\n c)')).toBe('a\n  and (\n    b\n    # c\n    or c\n  )');
    expect(fmt('any(l) (= 1 or # two\n = 2)')).toBe('any(l) (\n  = 1\n  # two\n  or = 2\n)');
  });
  it('a comment before a `not` operand stays before it', () => {
    expect(fmt('not # n\n x')).toBe('# n\nnot x');
  });
  it('a filter without ranges keeps document comments at the end', () => {
    const filter: Filter = { kind: 'condition', field: { name: 'a' }, test: { kind: 'null' } };
    expect(printFilter({ filter, comments: [{ text: ' c', range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 3, line: 1, column: 4 } } }] })).toBe('a is null\n# c');
  });
});

describe('format', () => {
  it('returns text with syntax errors unchanged, with the diagnostics', () => {
    const r = format('a and (b');
    expect(r.text).toBe('a and (b');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unexpected-end']);
    expect(format('# only').text).toBe('# only');
  });
  it('printFilter refuses invalid nodes', () => {
    expect(() => printFilter({ kind: 'invalid' })).toThrow(/syntax errors/);
  });
});
