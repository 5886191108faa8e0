/**
 * RE2 → PostgreSQL ARE: what is translated, how, and what is refused. The
 * translations are run against PGlite by the differential suite; here the
 * mechanism is checked on every construct, without an engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { re2Pattern } from '../../src/arbitraries/index.js';
import { translateRe2ToPostgres } from '../../src/emit/sql/regex-postgres.js';
import { validateRegex } from '../../src/check/re2-syntax.js';

const ok = (p: string) => {
  const r = translateRe2ToPostgres(p);
  if (!r.ok) throw new Error(`${p}: ${r.message}`);
  return r.pattern;
};

describe('translateRe2ToPostgres', () => {
  it.each([
    ['abc', 'abc'],
    ['a.b', 'a.b'],
    ['^a|b$', '^a|b$'],
    ['\\Aa\\z', '^a$'],
    ['a*b+c?d*?e+?', 'a*b+c?d*e+'],
    ['a{2}b{2,}c{2,5}d{2,5}?', 'a{2}b{2,}c{2,5}d{2,5}'],
    ['a{,3}', 'a\\{\\,3\\}'],
    ['x{', 'x\\{'],
    ['(a)(?:b)(?P<n>c)(?<m>d)', '(a)(b)(c)(d)'],
    ['(?s)a.b', 'a.b'],
    ['(?s:a.)b', '(a.)b'],
    ['(?U)a+', 'a+'],
    ['(?-i)a', 'a'],
    ['\\d\\D\\w\\W\\s\\S', '[0-9][^0-9][0-9A-Za-z_][^0-9A-Za-z_][\\t\\n\\f\\r ][^\\t\\n\\f\\r ]'],
    ['\\bseo\\B', '\\yseo\\Y'],
    ['\\b*a', '(?:\\y)*a'],
    ['^+a', '(?:^)+a'],
    ['\\.\\*\\\\\\/\\-', '\\.\\*\\\\\\/\\-'],
    ['a/b-c', 'a\\/b\\-c'],
    ['\\Q.*+\\E?', '\\.\\*\\+?'],
    ['\\x41\\x{1F600}\\101\\n\\t', 'A😀A\n\t'],
    ['[abc]', '[abc]'],
    ['[^a-z]', '[^a-z]'],
    ['[]a]', '[\\]a]'],
    ['[a-]', '[a\\-]'],
    ['[\\d_]', '[0-9\\_]'],
    ['[\\s]', '[\\t\\n\\f\\r ]'],
    ['[[:alpha:]0]', '[A-Za-z0]'],
    ['[\\x{41}-\\x{5A}]', '[A-Z]'],
    ['[é-ü😀]', '[é-ü😀]'],
    ['日本語', '日本語'],
    ['', ''],
  ])('%s → %s', (re2, are) => {
    expect(ok(re2)).toBe(are);
  });

  it('writes control characters of POSIX classes as themselves (ARE\'s \\x reads every hex digit after it)', () => {
    expect(ok('[[:cntrl:]a]')).toBe('[\u0001-\u001F\u007Fa]');
  });

  it.each([
    ['(?i)seo', 'flags'],
    ['a(?i:b)', 'flags'],
    ['(?m)^a', 'flags'],
    ['(?-s)a.b', 'flags'],
    ['\\pL', 'Unicode'],
    ['\\p{Greek}', 'Unicode'],
    ['[\\PL]', 'Unicode'],
    ['[\\S]', 'inside brackets'],
    ['[[:^alpha:]]', 'inside brackets'],
    ['a{256}', '255'],
    ['a{1,300}', '255'],
    ['\\x00', 'U+0000'],
    ['\\0', 'U+0000'],
    ['\\1', 'backreference'],
  ])('refuses %s (%s)', (re2, why) => {
    const r = translateRe2ToPostgres(re2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });

  it('never throws on a valid RE2 pattern, and escapes every ASCII punctuation character it keeps literal', () => {
    // Counted: the property says nothing unless valid patterns are generated and some translate.
    let translated = 0;
    fc.assert(fc.property(re2Pattern(), (p) => {
      if (!validateRegex(p, 're2').ok) return;
      const r = translateRe2ToPostgres(p);
      if (r.ok) {
        expect(r.pattern.startsWith('***')).toBe(false);
        translated++;
      }
    }), { seed: 4242, numRuns: 500 });
    expect(translated).toBeGreaterThan(100);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '.', '*', '+', '?', '{', '}', '(', ')', '[', ']', '|', '^', '$', '/', '-', ' ', '~'), maxLength: 12 }), (text) => {
      // Text quoted for RE2 (every punctuation escaped) becomes text quoted for ARE, character for character.
      const quoted = [...text].map((c) => (/[a ]/.test(c) ? c : `\\${c}`)).join('');
      expect(ok(quoted)).toBe(quoted);
    }), { seed: 4343, numRuns: 300 });
  });
});
