/**
 * User regexes never run on a backtracking engine: catastrophic patterns
 * take time linear in the input. Measured with a step counter (reads of the
 * input's code units), not the wall clock, so the test is stable on any
 * machine; and the JS `RegExp` constructor never sees a user pattern.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/api/compile.js';
import { evaluate, predicate } from '../../src/api/predicate.js';
import { CATASTROPHIC_PATTERNS, re2Pattern } from '../../src/arbitraries/index.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
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

/** Quote a pattern as a query's regex literal (the language escapes `/` inside it). */
const regexLiteral = (p: string) => `/${p.replace(/\//g, '\\/')}/`;

describe('catastrophic patterns run in linear time', () => {
  it.each(CATASTROPHIC_PATTERNS)('%s: steps grow linearly with the input', (pattern) => {
    const keep = predicate(`anchor matches ${regexLiteral(pattern)}`);
    // The classic killers: a long run of the repeated character, then a mismatch; the
    // pattern's required literals come last, so a prefilter cannot skip the scan.
    const c = /[a-z]/.exec(pattern)?.[0] ?? 'a';
    const input = (n: number) => ({ anchor: `${c.repeat(n)}!yb` });
    const counts = [1000, 2000, 4000, 8000].map((n) => steps(() => keep(input(n))));
    for (let i = 1; i < counts.length; i++) {
      // Doubling the input at most (about) doubles the work; a backtracking engine would square it or worse.
      expect(counts[i]! / Math.max(1, counts[i - 1]!), `steps ${counts.join(', ')}`).toBeLessThan(2.6);
    }
    expect(counts[3]! / 8001, 'reads per character').toBeLessThan(200);
  });

  it('a 100,000-character input against (a+)+$ answers', () => {
    const text = `${'a'.repeat(100_000)}!`;
    expect(evaluate('anchor matches /(a+)+$/', { anchor: text })).toBe(false);
    expect(evaluate('anchor matches /(a+)+$/', { anchor: text.slice(0, -1) })).toBe(true);
  });

  it('wildcard patterns (Keywords Explorer) are linear too', () => {
    const catalogue = getCatalogue('keywords-explorer/overview')!;
    const column = catalogue.columns.find((c) => c.type === 'string' && !c.enumValues && !c.array && c.returned)!;
    const keep = predicate(`${column.name} matches "*a*a*a*a*a*a*a*b"`, { catalogue });
    const counts = [1000, 2000, 4000].map((n) => steps(() => keep({ [column.name]: 'a'.repeat(n) })));
    expect(counts[2]! / Math.max(1, counts[1]!)).toBeLessThan(2.6);
  });
});

describe('no user pattern reaches the JS RegExp engine', () => {
  it('RegExp is never constructed with a user pattern, at compile or evaluation time', () => {
    const seen: string[] = [];
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
    fc.assert(fc.property(re2Pattern(), (pattern) => {
      const marker = `${pattern}qzmarker`;
      const query = `anchor matches ${regexLiteral(marker)} or title contains "qzmarker" or url_from phrase "qzmarker x"`;
      if (check(query).some((d) => d.severity === 'error')) return;
      const keep = predicate(query);
      keep({ anchor: 'aaaaqzmarker', title: 'x', url_from: 'qzmarker x' });
    }), runs(50));
    globalThis.RegExp = OriginalRegExp;
    expect(seen.filter((s) => s.includes('qzmarker'))).toEqual([]);
  });
});

describe('invalid patterns are compile-time errors, never evaluation-time exceptions', () => {
  it.each(['(', 'a**', '(a)\\1', '(?=a)', '[z-a]', 'x{1001}'])('%s', (pattern) => {
    const diagnostics = check(`anchor matches ${regexLiteral(pattern)}`);
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
