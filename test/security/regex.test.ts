/**
 * User regexes take time linear in the input: catastrophic patterns run on
 * re2js (an automaton, never backtracking), measured with a step counter
 * (reads of the input's code units), not the wall clock, so the test is
 * stable on any machine. The JS `RegExp` constructor sees only translations
 * of patterns in the class that provably cannot backtrack super-linearly
 * (their steps are counted on a backtracking model in
 * regex-backtracking.test.ts).
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/api/compile.js';
import { evaluate, predicate } from '../../src/api/predicate.js';
import { CATASTROPHIC_PATTERNS, re2Pattern } from '../../src/arbitraries/index.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { MAX_PROGRAM_SIZE, validateRegex } from '../../src/check/re2-syntax.js';
import { compileRegex } from '../../src/semantics/regex.js';
import { parseRe2 } from '../../src/semantics/regex-parse.js';
import { translateRe2 } from '../../src/semantics/regex-translate.js';
import { runs } from '../laws/runs.js';

const originalCharCodeAt = String.prototype.charCodeAt;
const originalCodePointAt = String.prototype.codePointAt;
const OriginalRegExp = globalThis.RegExp;
afterEach(() => {
  String.prototype.charCodeAt = originalCharCodeAt;
  String.prototype.codePointAt = originalCodePointAt;
  globalThis.RegExp = OriginalRegExp;
});

/** Counts the code units the engine reads (re2js reads its input with charCodeAt / codePointAt) while `run` evaluates. */
function steps(run: () => void): number {
  let count = 0;
  String.prototype.charCodeAt = function (this: string, i: number) {
    count++;
    return originalCharCodeAt.call(this, i);
  };
  String.prototype.codePointAt = function (this: string, i: number) {
    count++;
    return originalCodePointAt.call(this, i);
  };
  try {
    run();
  } finally {
    String.prototype.charCodeAt = originalCharCodeAt;
    String.prototype.codePointAt = originalCodePointAt;
  }
  return count;
}

/**
 * Quote a pattern as a query's regex literal (the language escapes `/` inside it). A `/` already
 * escaped (`\\/`, which RE2 reads as `/`) stays as it is: escaping it again would end the literal.
 */
const regexLiteral = (p: string) => `/${p.replace(/\\[\s\S]|\//g, (m) => (m === '/' ? '\\/' : m))}/`;

/** The classic killers the checker accepts; the others are refused for their size (tested below). */
const RUNNABLE = CATASTROPHIC_PATTERNS.filter((p) => validateRegex(p, 're2').ok);
/** Those that run on re2js; the others are translated to a RegExp (`(a+)+$` is `a$`: see regex-backtracking.test.ts). */
const ON_ENGINE = RUNNABLE.filter((p) => compileRegex(p).path === 'engine');

describe('catastrophic patterns run in linear time', () => {
  it('most classic killers are small enough to run; the others are refused at compile time', () => {
    expect(RUNNABLE.length).toBeGreaterThanOrEqual(CATASTROPHIC_PATTERNS.length - 2);
    for (const p of CATASTROPHIC_PATTERNS.filter((q) => !RUNNABLE.includes(q))) {
      expect(check(`anchor matches ${regexLiteral(p)}`).map((d) => d.code)).toEqual(['regex-too-large']);
    }
  });

  it('most run on re2js', () => {
    expect(ON_ENGINE.length).toBeGreaterThanOrEqual(RUNNABLE.length / 2);
  });

  it.each(ON_ENGINE)('%s: steps grow linearly with the input', (pattern) => {
    const keep = predicate(`anchor matches ${regexLiteral(pattern)}`);
    // The classic killers: a long run of the repeated character, then a mismatch; the
    // pattern's required literals come last, so the prefilter cannot skip the scan.
    const c = /[a-z]/.exec(pattern)?.[0] ?? 'a';
    const input = (n: number) => ({ anchor: `${c.repeat(n)}!yb${compileRegex(pattern).literals.join('')}` });
    const counts = [1000, 2000, 4000, 8000].map((n) => steps(() => keep(input(n))));
    for (let i = 1; i < counts.length; i++) {
      // Doubling the input at most (about) doubles the work; a backtracking engine would square it or worse.
      expect(counts[i]! / Math.max(1, counts[i - 1]!), `steps ${counts.join(', ')}`).toBeLessThan(2.6);
    }
    expect(counts[3]! / 8001, 'reads per character').toBeLessThan(200);
  });

  it('the work per character is bounded too: no accepted pattern compiles to more than the limit + 2 instructions', () => {
    // A linear engine still costs (states per character) × (characters); the states are at most the program's instructions.
    fc.assert(fc.property(re2Pattern(), (pattern) => {
      const r = validateRegex(pattern, 're2');
      const diagnostics = check(`anchor matches ${regexLiteral(pattern)}`);
      if (!r.ok) {
        expect(r.code).toBe('regex-too-large');
        expect(diagnostics.map((d) => d.code)).toEqual(['regex-too-large']);
        return;
      }
      expect(diagnostics).toEqual([]);
      expect(RE2JS.compile(pattern, RE2JS.DOTALL).programSize()).toBeLessThanOrEqual(MAX_PROGRAM_SIZE + 2);
    }), runs(300));
  });

  it.each([
    // The cases: a linear engine, but thousands of states per character.
    ['b[ab]{1000}x', 'b[ab]{1000}x'], ['\\pL{1000} ×6', `${'\\pL{1000}'.repeat(6)}x`], ['\\pL ×27,000', '\\pL'.repeat(27_000)],
    ['(?:[ab]{10}){limit}', `(?:[ab]{10}){${MAX_PROGRAM_SIZE}}`], ['wildcard *a ×limit', '*a'.repeat(MAX_PROGRAM_SIZE)],
  ])('%s is refused at compile time with regex-too-large, naming its size and the limit', (_name, pattern) => {
    const wildcard = pattern.startsWith('*');
    const catalogue = wildcard ? getCatalogue('keywords-explorer/overview')! : undefined;
    const query = wildcard ? `keyword matches "${pattern}"` : `anchor matches ${regexLiteral(pattern)}`;
    const diagnostics = check(query, catalogue ? { catalogue } : {});
    expect(diagnostics.map((d) => d.code)).toEqual(['regex-too-large']);
    expect(diagnostics[0]!.message).toMatch(new RegExp(`has \\d+ instructions .*limit of ${MAX_PROGRAM_SIZE}`));
    expect(() => predicate(query, catalogue ? { catalogue } : {})).toThrow();
  });

  it('a 100,000-character input against (a+)+$ answers', () => {
    const text = `${'a'.repeat(100_000)}!`;
    expect(evaluate('anchor matches /(a+)+$/', { anchor: text })).toBe(false);
    expect(evaluate('anchor matches /(a+)+$/', { anchor: text.slice(0, -1) })).toBe(true);
  });

  it('wildcard patterns (Keywords Explorer) are linear too', () => {
    const catalogue = getCatalogue('keywords-explorer/overview')!;
    const column = catalogue.columns.find((c) => c.type === 'string' && !c.enumValues && !c.array && c.returned)!;
    // As many stars as the size limit allows (each `.*` is 3 instructions): every one keeps states alive.
    const stars = Math.floor((MAX_PROGRAM_SIZE - 1) / 4);
    const keep = predicate(`${column.name} matches "${'*a'.repeat(stars)}*b"`, { catalogue });
    const counts = [1000, 2000, 4000].map((n) => steps(() => keep({ [column.name]: 'a'.repeat(n) })));
    expect(counts[2]! / Math.max(1, counts[1]!)).toBeLessThan(2.6);
  });
});

describe('only admitted patterns reach the JS RegExp engine', () => {
  it('RegExp is constructed with a user pattern only as the translation of an admitted one, at compile or evaluation time', () => {
    const seen: string[] = [];
    const admitted = new Set<string>();
    globalThis.RegExp = new Proxy(OriginalRegExp, {
      construct(target, args: [string | RegExp, string?]) {
        seen.push(String(args[0] instanceof OriginalRegExp ? args[0].source : args[0]));
        return Reflect.construct(target, args);
      },
      apply(target, _this, args: [string | RegExp, string?]) {
        seen.push(String(args[0] instanceof OriginalRegExp ? args[0].source : args[0]));
        return Reflect.apply(target, undefined, args);
      },
    });
    let ran = 0;
    // The marker is appended after a group, so the pattern stays within the size limit; a pattern
    // the checker refuses is skipped with fc.pre (fast-check fails the run if too many are).
    fc.assert(fc.property(re2Pattern(), (pattern) => {
      const marker = `(?:${pattern})qz`;
      fc.pre(validateRegex(marker, 're2').ok);
      const translated = translateRe2(parseRe2(marker)!);
      if (translated) admitted.add(translated.source);
      const query = `anchor matches ${regexLiteral(marker)} or title contains "qzmarker" or url_from contains phrase "qzmarker x"`;
      // Every part of the query is the language: a diagnostic here is a failure, never a reason to skip.
      expect(check(query)).toEqual([]);
      const keep = predicate(query);
      keep({ anchor: 'aaaaqz', title: 'x', url_from: 'qzmarker x' });
      ran++;
    }), runs(50));
    expect(ran).toBeGreaterThan(0);
    globalThis.RegExp = OriginalRegExp;
    expect(seen.filter((s) => s.includes('qzmarker'))).toEqual([]);
    const users = seen.filter((s) => s.includes('qz'));
    expect(users.filter((s) => !admitted.has(s))).toEqual([]);
    expect(users.length).toBeGreaterThan(0);
  });
});

describe('invalid patterns are compile-time errors, never evaluation-time exceptions', () => {
  it.each(['(', 'a**', '(a)\\1', '(?=a)', '[z-a]', 'x{1001}', '\\p{Emoji}', '\\C', 'x{100}'])('%s', (pattern) => {
    const diagnostics = check(`anchor matches ${regexLiteral(pattern)}`);
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
