/**
 * The RE2 engine is explicit: `ahrefs-where/re2` registers re2js; without a
 * registration, translatable patterns and literals still run, and a pattern
 * that needs the engine is a `regex-engine-missing` error at its condition,
 * saying what to import. (Every test file runs with re2js registered,
 * test/support/register-re2.ts; the tests here take the registration away.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PredicateError, evaluate, predicate } from '../../src/api/predicate.js';
import { registerRegexEngine, regexEngine, type RegexEngine } from '../../src/semantics/regex-engine.js';
import { compileRegex, RegexEngineMissingError } from '../../src/semantics/regex.js';
import { re2jsEngine } from '../../src/re2.js';

const KEY = Symbol.for('ahrefs-where.regexEngine');
const slot = globalThis as { [KEY]?: RegexEngine };

function errorOf(run: () => unknown): PredicateError {
  try {
    run();
  } catch (error) {
    if (error instanceof PredicateError) return error;
    throw error;
  }
  throw new Error('no PredicateError');
}

describe('with no engine registered', () => {
  let saved: RegexEngine | undefined;
  beforeEach(() => {
    saved = slot[KEY];
    delete slot[KEY];
  });
  afterEach(() => {
    if (saved) registerRegexEngine(saved);
  });

  it('translatable patterns and literals run', () => {
    expect(regexEngine()).toBeUndefined();
    const keep = predicate('anchor matches /\\b(best|top)\\s+[a-z]+/ or anchor matches /seo/ or url_to matches /^https?:\\/\\/[^\\/]+\\/blog/');
    expect(keep({ anchor: 'the best   tools', url_to: null })).toBe(true);
    expect(keep({ anchor: 'top-10', url_to: 'https://ahrefs.com/blog/x' })).toBe(true);
    expect(keep({ anchor: 'top-10', url_to: 'https://ahrefs.com/pricing' })).toBe(false);
  });

  it('a pattern that needs the engine is regex-engine-missing at its condition, naming the import', () => {
    const text = 'is_dofollow and anchor matches /(x+x+)+y/';
    const error = errorOf(() => predicate(text));
    expect(error.diagnostics.map((d) => d.code)).toEqual(['regex-engine-missing']);
    const d = error.diagnostics[0]!;
    expect(d.message).toContain("import 'ahrefs-where/re2'");
    expect(d.message).toContain('a repetition followed by a character it accepts');
    expect(text.slice(d.range!.start.offset, d.range!.end.offset)).toBe('anchor matches /(x+x+)+y/');
    expect(() => evaluate(text, { anchor: 'xxy', is_dofollow: true })).toThrow(PredicateError);
  });

  it('inside any/all element filters too, and compileRegex throws a named error', () => {
    const error = errorOf(() => predicate('any(languages) matches /\\pL+/'));
    expect(error.diagnostics.map((d) => d.code)).toEqual(['regex-engine-missing']);
    expect(() => compileRegex('(a|ab)c')).toThrow(RegexEngineMissingError);
  });
});

describe('with re2js registered (import "ahrefs-where/re2")', () => {
  it('every pattern runs, the untranslatable ones on re2js', () => {
    expect(regexEngine()).toBe(re2jsEngine);
    const compiled = compileRegex('(x+x+)+y');
    expect(compiled.path).toBe('engine');
    expect(compiled.test(`${'x'.repeat(50)}y`)).toBe(true);
    expect(evaluate('anchor matches /(x+x+)+y/', { anchor: 'xxy' })).toBe(true);
    expect(evaluate('anchor matches /\\pL+é/', { anchor: 'café' })).toBe(true);
  });

  it('the last registration wins', () => {
    const calls: string[] = [];
    const counting: RegexEngine = { name: 'counting', compile: (p) => { calls.push(p); return re2jsEngine.compile(p); } };
    registerRegexEngine(counting);
    try {
      expect(compileRegex('(q|qq)+r').test('qqr')).toBe(true);
      expect(calls).toEqual(['(q|qq)+r']);
    } finally {
      registerRegexEngine(re2jsEngine);
    }
  });
});
