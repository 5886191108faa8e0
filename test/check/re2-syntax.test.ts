import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { MAX_PROGRAM_SIZE, UNICODE_CLASS_WEIGHT, validateRegex, wildcardToRe2 } from '../../src/check/re2-syntax.js';

/** What re2js (the engine that evaluates patterns locally) says. */
function re2jsAccepts(pattern: string): boolean {
  try {
    RE2JS.compile(pattern);
    return true;
  } catch { // expected: re2js throws its syntax error for a pattern it refuses; that is the answer here
    return false;
  }
}

const ours = (pattern: string) => validateRegex(pattern, 're2');

/** A test name for a pattern: a long one (27,000 `\\pL`) would make vitest's output tens of kilobytes. */
function shortLabel(pattern: string): string {
  return pattern.length <= 40 ? pattern : `${pattern.slice(0, 24)}… (${pattern.length} characters)`;
}

/**
 * The checker and re2js agree: an accepted pattern compiles, to at most the
 * estimated size + 2 instructions (re2js adds a fail and a match instruction);
 * `regex-too-large` is given only for patterns re2js would compile; a
 * `\p{…}` name re2js knows and RE2 does not is refused by name; every other
 * refusal is re2js's too.
 */
function agrees(p: string): boolean {
  const r = ours(p);
  const engine = re2jsAccepts(p);
  if (r.ok) return engine && RE2JS.compile(p).programSize() <= r.size + 2;
  if (r.code === 'regex-too-large') return engine;
  if (engine && /\\[pP]/.test(p)) return /unknown Unicode class/.test(r.message);
  return !engine;
}

/** Fragments that reach every branch of the grammar, valid and not. */
const ALPHABET = [
  'a', 'b', 'Z', '_', '0', '1', '2', '7', '8', ',', '-', ':', '<', '>', '=', '!', '^', '$', '.', '|', '*', '+', '?',
  '(', ')', '[', ']', '{', '}', '\\', 'P', 'p', 'L', 'd', 'x', 'Q', 'E', 'i', 's', 'U', 'm', 'z', 'k', 'C', 'A', 'B', 'n', 'w',
  'é', '😀', ' ', '{1}', '{2,}', '{0,3}', '{1000}', '{1001}', '(?', '(?:', '(?i)', '(?P<', '[:alpha:]', '[[:', ':]', '\\p{', 'Greek', '}',
];

describe('RE2 syntax: differential against re2js', () => {
  it('agrees on random patterns over a regex-ish alphabet', () => {
    const pattern = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 14 }).map((parts) => parts.join(''));
    fc.assert(fc.property(pattern, agrees), { numRuns: 20_000, seed: 20240601 });
  });

  it('agrees on random ASCII strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 12 }), agrees), { numRuns: 10_000, seed: 7 });
  });

  it('agrees on grammar-generated patterns (groups, alternation, nested counted repeats)', () => {
    const atom = fc.constantFrom('a', 'b', '.', '[a-z]', '[^x-]', '\\d', '\\pL', '\\p{Greek}', '[[:alpha:]]', '\\x41', '\\x{10FFFF}', '\\012', '\\Qa.b\\E', '^', '$', '\\b');
    const quantifier = fc.constantFrom('', '*', '+', '?', '*?', '+?', '??', '{2}', '{0}', '{1}', '{0,}', '{3,}', '{10,20}', '{500}', '{1000}', '{2,1}', '{01}', '**', '*+');
    const { node } = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(tie('node'), quantifier).map(([a, q]) => `(${a})${q}`),
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => a + b),
        fc.tuple(fc.constantFrom('(?:', '(?i:', '(?P<g>', '(?<h>', '(?s-i:', '(', '(?=', '(?<='), tie('node'), tie('node')).map(([o, a, b]) => `${o}${a}|${b})`),
      ),
    }));
    fc.assert(fc.property(node, agrees), { numRuns: 5_000, seed: 42 });
  });
});

describe('RE2 syntax: features', () => {
  it.each([
    'a|b', 'ab*c+d?', 'a{2}', 'a{2,}', 'a{2,5}', 'a{18}', 'a*?', 'a+?', 'a??', 'a{2,3}?', '(a)', '(?:a)', '(?P<name>a)', '(?<name>a)',
    '(?i)abc', '(?ims-U:a)', '(?U)a*', '(?-s).', '[a-z]', '[^a-z]', '[]a]', '[a-]', '[-a]', '[[:alpha:]]', '[[:^digit:]x]', '\\d\\D\\s\\S\\w\\W',
    '\\bword\\B', '\\Astart', 'end\\z', '\\pL', '\\p{Greek}', '\\PL', '\\P{^Greek}', '\\p{Lu}', '\\Qa.b*c\\E', '\\Qunterminated', '\\x41',
    '\\x{10FFFF}', '\\0', '\\012', '\\a\\f\\t\\n\\r\\v', '^anchored$', '\\.\\*\\/\\-', '{', 'a{', 'a{,5}', 'a{01}', '}', ']', '', '😀+', '^*',
  ])('accepts %s', (p) => {
    expect(ours(p)).toMatchObject({ ok: true });
    expect(re2jsAccepts(p)).toBe(true);
  });

  it.each([
    ['(a)\\1', 3], ['(a)\\9', 3], ['\\k<name>', 0], ['(?=a)', 0], ['(?!a)', 0], ['(?<=a)b', 0], ['(?<!a)b', 0], ['(?>a)', 0],
    ['a*+', 1], ['a++', 1], ['a?+', 1], ['a{2}+', 1], ['a\\Z', 1], ['(?(1)a|b)', 0], ['(?P=name)', 0], ['(?x)a', 2],
  ] as const)('rejects %s as unsupported-regex-feature at offset %i', (p, offset) => {
    const r = ours(p);
    expect(r).toMatchObject({ ok: false, code: 'unsupported-regex-feature', offset });
    expect(r.ok === false && r.message).toMatch(/^RE2 does not support/);
    expect(re2jsAccepts(p)).toBe(false);
  });

  it.each([
    ['(a', 0, /missing closing \)/], ['a)', 1, /unexpected \)/], ['\\e', 0, /invalid escape/], ['[z-a]', 1, /invalid range/], ['*a', 0, /nothing to repeat/],
    ['(*)', 1, /nothing to repeat/], ['a|*', 2, /nothing to repeat/], ['a{1001}', 1, /invalid repeat count/], ['a{2,1}', 1, /invalid repeat count/],
    ['(a{2}){501}', 6, /multiply/], ['a**', 1, /nested repetition/], ['[a', 0, /missing closing \]/], ['a\\', 1, /trailing backslash/],
    ['\\x4', 0, /hexadecimal/], ['\\x{110000}', 0, /hexadecimal/], ['\\p{Foo}', 0, /Unicode class/], ['[[:foo:]]', 1, /POSIX class/],
    ['(?P<n>a)(?P<n>b)', 8, /duplicate group name/], ['(?P<a-b>x)', 0, /group name/], ['(?i', 0, /group syntax/], ['\\C', 0, /any byte/],
  ] as const)('rejects %s as invalid-regex at offset %i', (p, offset, message) => {
    const r = ours(p);
    expect(r).toMatchObject({ ok: false, code: 'invalid-regex', offset });
    expect(r.ok === false && r.message).toMatch(message);
    expect(re2jsAccepts(p)).toBe(false);
  });

  it('is linear on long inputs and has no recursion limit', () => {
    expect(ours('('.repeat(5_000) + ')'.repeat(5_000)).ok).toBe(false); // nests deeper than RE2 allows
    expect(ours('(?:'.repeat(5_000) + 'a' + ')'.repeat(5_000)).ok).toBe(true);
    expect(ours('a'.repeat(100_000))).toMatchObject({ ok: false, code: 'regex-too-large' });
  });
});

describe('wildcard dialect (Keywords Explorer)', () => {
  it.each(['seo*', '*best*tips', 'what is seo', 'c# tips', 'naïve 😀', '', '**'])('accepts %s', (p) => {
    expect(validateRegex(p, 'wildcard')).toMatchObject({ ok: true });
  });

  it.each([['^seo', 0], ['seo$', 3], ['best.*', 4], ['a+', 1], ['a?', 1], ['(a)', 0], ['[ab]', 0], ['a{2}', 1], ['a|b', 1], ['a\\*', 1]] as const)(
    'rejects %s at offset %i', (p, offset) => {
      const r = validateRegex(p, 'wildcard');
      expect(r).toMatchObject({ ok: false, code: 'wildcard-pattern-only', offset });
      expect(r.ok === false && r.message).toMatch(/only \* is supported/);
    });
});

describe('program size: one limit, counted with RE2 rule', () => {
  const size = (p: string) => { const r = ours(p); return r.ok ? r.size : undefined; };

  it('counts as RE2 does: x{n} copies x, nested repeats multiply, captures add 2, alternation adds a branch point', () => {
    expect(size('a')).toBe(1);
    expect(size('abc')).toBe(3);
    expect(size('a{5}')).toBe(5);
    expect(size('a{2,5}')).toBe(8); // 5 copies, 3 of them optional
    expect(size('(?:ab){3}')).toBe(6);
    expect(size('(?:a{3}){3}')).toBe(9);
    expect(size('(a)')).toBe(3);
    expect(size('a*')).toBe(3);
    expect(size('a|b|c')).toBe(5);
    expect(size('a|')).toBe(3); // the empty branch counts
    expect(size('(?:abcdefgh){0}')).toBe(8); // x{0} keeps x's size: the engine parses x all the same
  });

  it.each(([
    ['b[ab]{1000}x', 1002], [`${'\\pL{1000}'.repeat(6)}x`, 6000 * UNICODE_CLASS_WEIGHT + 1], ['a{1000}', 1000], ['\\pL'.repeat(27_000), 27_000 * UNICODE_CLASS_WEIGHT],
    ['ß\\pL{7}x', 7 * UNICODE_CLASS_WEIGHT + 2], ['ß\\pL{8}x', 8 * UNICODE_CLASS_WEIGHT + 2], ['ß[\\pL\\pN]{8}x', 8 * UNICODE_CLASS_WEIGHT + 2],
    [`b[ab]{${MAX_PROGRAM_SIZE - 1}}x`, MAX_PROGRAM_SIZE + 1], ['(?:a{10}){10}', 100], ['(abc)+(def)+(ghi)+', 18], ['(abc)+(def)+(ghi)+(j)', 21],
    ['seo|marketing|backlinks|outreach', 32], ['(?:(?:ab){0}){0}'.repeat(11), 22],
  ] as const satisfies readonly (readonly [string, number])[]).map(([p, n]) => ({ p, n, label: shortLabel(p) })))('$label measures $n: accepted up to the limit, refused past it as regex-too-large with its size and the limit', ({ p, n }) => {
    const r = ours(p);
    if (n <= MAX_PROGRAM_SIZE) { expect(r.ok).toBe(true); return; }
    expect(r).toMatchObject({ ok: false, code: 'regex-too-large', offset: 0 });
    expect(r.ok === false && r.message).toContain(`${n} instructions`);
    expect(r.ok === false && r.message).toContain(`limit of ${MAX_PROGRAM_SIZE}`);
    expect(re2jsAccepts(p)).toBe(p.length < 60_000); // re2js itself takes most of them (and then runs 1,000s of states per character)
  });

  it('the limit is reached exactly: size = limit passes, limit + 1 does not', () => {
    expect(ours('a'.repeat(MAX_PROGRAM_SIZE))).toEqual({ ok: true, size: MAX_PROGRAM_SIZE });
    expect(ours('a'.repeat(MAX_PROGRAM_SIZE + 1))).toMatchObject({ ok: false, code: 'regex-too-large' });
    expect(ours(`[ab]{${MAX_PROGRAM_SIZE}}`)).toMatchObject({ ok: true });
    expect(ours(`[ab]{${MAX_PROGRAM_SIZE + 1}}`)).toMatchObject({ ok: false, code: 'regex-too-large' });
  });

  it('a syntax error later in the pattern wins over the size', () => {
    expect(ours(`a{1000}(`)).toMatchObject({ ok: false, code: 'invalid-regex' });
    expect(ours(`a{1000}(?=x)`)).toMatchObject({ ok: false, code: 'unsupported-regex-feature' });
  });

  it('wildcard patterns are measured on their RE2 translation, the one the engine runs', () => {
    expect(wildcardToRe2('best*tools')).toBe('best.*tools');
    expect(ours(wildcardToRe2('a*b'))).toMatchObject({ ok: true, size: 5 });
    expect(validateRegex('a*b', 'wildcard')).toEqual({ ok: true, size: 5 });
    const long = '*a'.repeat(MAX_PROGRAM_SIZE);
    expect(validateRegex(long, 'wildcard')).toMatchObject({ ok: false, code: 'regex-too-large' });
    expect(validateRegex(long, 'wildcard')).not.toHaveProperty('offset');
  });

  it('every accepted pattern compiles in re2js to at most the limit + 2 instructions (so evaluation visits at most that many states per character)', () => {
    const atom = fc.constantFrom('a', 'b', '.', '[a-z]', '\\d', '\\pL', '^', '$', '\\b', '', 'ab', '\\Qx.y\\E');
    const q = fc.constantFrom('', '*', '+', '?', '{2}', '{0}', '{1}', '{0,}', '{3,}', '{1,3}', '*?', '{5}');
    const { node } = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, atom, fc.tuple(tie('node'), q).map(([a, b]) => `(${a})${b}`),
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => a + b),
        fc.tuple(fc.constantFrom('(?:', '(', '(?i:'), tie('node'), tie('node')).map(([o, a, b]) => `${o}${a}|${b})`)),
    }));
    let accepted = 0;
    fc.assert(fc.property(node, (p) => {
      const r = ours(p);
      if (!r.ok) { expect(r.code === 'regex-too-large' && re2jsAccepts(p)).toBe(true); return; }
      accepted++;
      expect(RE2JS.compile(p).programSize()).toBeLessThanOrEqual(Math.min(r.size, MAX_PROGRAM_SIZE) + 2);
    }), { numRuns: 5_000, seed: 11 });
    expect(accepted).toBeGreaterThan(2_000); // the property is about accepted patterns: most inputs must reach it
  });
});

describe('\\p{…} names: exactly RE2 (the API), all of which re2js runs', () => {
  it.each(['Any', 'L', 'Lu', 'Ll', 'Nd', 'Zs', 'C', 'Co', 'Greek', 'Latin', 'Han', 'Cyrillic', 'Braille', 'Common', 'Inherited', 'Kawi', 'Nag_Mundari'])(
    'accepts \\p{%s}, \\P{%s}, \\p{^%s} and [\\p{%s}]', (name) => {
      for (const p of [`\\p{${name}}`, `\\P{${name}}`, `\\p{^${name}}`, `[\\p{${name}}x]`]) {
        expect(ours(p), p).toMatchObject({ ok: true });
        expect(re2jsAccepts(p), p).toBe(true);
      }
    });

  // Known to re2js but not to RE2: the API would refuse the filter.
  it.each([
    'Assigned', 'Ascii', 'Lc', 'LC', 'Cn', 'Unknown', 'Emoji', 'Emoji_Presentation', 'Extended_Pictographic', 'Alphabetic', 'White_Space',
    'ASCII_Hex_Digit', 'Hex_Digit', 'Dash', 'Math', 'Lowercase', 'Uppercase', 'Quotation_Mark', 'Terminal_Punctuation',
    'Garay', 'Gurung_Khema', 'Kirat_Rai', 'Ol_Onal', 'Sunuwar', 'Todhri', 'Tulu_Tigalari', 'Beria_Erfe', 'Sidetic', 'Tai_Yo', 'Tolong_Siki',
  ])('refuses \\p{%s} (re2js knows it, RE2 does not)', (name) => {
    for (const p of [`\\p{${name}}`, `[\\P{${name}}]`, `\\p{^${name}}`]) {
      const r = ours(p);
      expect(r, p).toMatchObject({ ok: false, code: 'invalid-regex' });
      expect(r.ok === false && r.message).toMatch(/unknown Unicode class/);
    }
    expect(re2jsAccepts(`\\p{${name}}`)).toBe(true);
  });

  it.each(['Uppercase_Letter', 'greek', 'Foo', 'L&', ''])('refuses \\p{%s}, as both engines do', (name) => {
    expect(ours(`\\p{${name}}`)).toMatchObject({ ok: false, code: 'invalid-regex' });
    expect(re2jsAccepts(`\\p{${name}}`)).toBe(false);
  });

  it('one-letter forms: \\pL \\pN \\PZ are categories; \\pE is nothing', () => {
    for (const p of ['\\pL', '\\pN', '\\PZ', '\\pC']) expect(ours(p), p).toMatchObject({ ok: true });
    expect(ours('\\pE')).toMatchObject({ ok: false, code: 'invalid-regex' });
  });
});

describe('deliberate limits beyond RE2 syntax', () => {
  it('\\C (any byte) is refused: re2js has no byte mode', () => {
    expect(ours('a\\Cb')).toMatchObject({ ok: false, code: 'invalid-regex', offset: 1 });
    expect(ours('a\\Cb').ok === false && (ours('a\\Cb') as { message: string }).message).toMatch(/any byte/);
  });

  it('group names are ASCII letters, digits and _ (as in re2js)', () => {
    expect(ours('(?P<név>a)')).toMatchObject({ ok: false, code: 'invalid-regex' });
    expect(ours('(?P<n_1>a)')).toMatchObject({ ok: true });
    expect(re2jsAccepts('(?P<név>a)')).toBe(false);
  });

  it('nesting beyond 1,000 levels is refused, with the limit in the message', () => {
    const r = ours(`${'(?:a'.repeat(1_001)}${')'.repeat(1_001)}`);
    // Each level adds an instruction, so the size limit speaks first; both are errors.
    expect(r.ok).toBe(false);
    const deep = ours('('.repeat(1_001) + ')'.repeat(1_001));
    expect(deep).toMatchObject({ ok: false });
  });
});
