/**
 * Patterns translated to a JavaScript RegExp cannot backtrack super-linearly
 * (the proof: docs/security.md, "Regexes on the JavaScript engine"). V8
 * reports no step count, so the translated pattern's admitted tree runs on
 * a step-counting model of a backtracking engine (./backtrack-model.ts),
 * which must give RegExp's answers; on adversarial texts of up to 100,000
 * characters its steps stay within a constant per character, and doubling
 * the text at most about doubles them (a quadratic search would quadruple).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATASTROPHIC_PATTERNS } from '../../src/arbitraries/index.js';
import { validateRegex } from '../../src/check/re2-syntax.js';
import { parseRe2, type RegexNode } from '../../src/semantics/regex-parse.js';
import { admittedTree, translateRe2 } from '../../src/semantics/regex-translate.js';
import { re2Patterns, texts } from '../semantics/regex-support.js';
import { program, run } from './backtrack-model.js';

interface Admitted { readonly pattern: string; readonly node: RegexNode; readonly anchored: boolean; readonly regexp: RegExp }

function admitted(pattern: string): Admitted | undefined {
  const tree = parseRe2(pattern);
  const form = tree && admittedTree(tree);
  const js = tree && translateRe2(tree);
  return form && js ? { pattern, ...form, regexp: new RegExp(js.source, js.flags) } : undefined;
}

const unboundedIn = (n: RegexNode): boolean =>
  n.kind === 'rep' ? n.max === -1 || unboundedIn(n.sub) : n.kind === 'cat' ? n.items.some(unboundedIn) : n.kind === 'alt' ? n.branches.some(unboundedIn) : false;

/** Characters the pattern's sets accept (one per set, the lowest), for texts that keep its loops running. */
function alphabet(n: RegexNode, out = new Set<string>()): Set<string> {
  if (n.kind === 'set' && n.set!.length > 0) out.add(String.fromCodePoint(n.set![0]!));
  if (n.kind === 'cat') n.items.forEach((i) => alphabet(i, out));
  if (n.kind === 'alt') n.branches.forEach((b) => alphabet(b, out));
  if (n.kind === 'rep') alphabet(n.sub, out);
  return out;
}

const SIZES = [12_500, 25_000, 50_000, 100_000];

/** Steps for a text made of `unit` repeated to each size (plus a tail that breaks a match at the end). */
function growth(a: Admitted, unit: string, tail: string): number[] {
  const prog = program(a.node);
  return SIZES.map((n) => run(prog, unit.repeat(Math.ceil(n / unit.length)) + tail, a.anchored).steps);
}

function expectLinear(a: Admitted, unit: string, tail: string): void {
  const steps = growth(a, unit, tail);
  const size = program(a.node).length;
  for (let i = 1; i < steps.length; i++) {
    expect(steps[i]! / Math.max(1, steps[i - 1]!), `${a.pattern} on (${JSON.stringify(unit)})* ${JSON.stringify(tail)}: ${steps.join(', ')}`).toBeLessThan(2.2);
  }
  // The proof's constant: (program size) × (attempts per position), both fixed by the pattern.
  expect(steps[3]! / (SIZES[3]! + 1), `${a.pattern}: steps per character`).toBeLessThan(4 * size * size + 8);
}

describe('translated patterns on a backtracking model', () => {
  it('the model gives RegExp\'s answers (it models the engine that runs them)', () => {
    let checked = 0;
    fc.assert(fc.property(re2Patterns, fc.array(texts, { minLength: 8, maxLength: 8 }), (pattern, sample) => {
      const a = admitted(pattern);
      if (!a) return;
      const prog = program(a.node);
      for (const text of sample) {
        a.regexp.lastIndex = 0;
        expect(run(prog, text, a.anchored).matched, `${pattern} on ${JSON.stringify(text)}`).toBe(a.regexp.test(text));
        checked++;
      }
    }), { numRuns: 1000, seed: 5 });
    expect(checked).toBeGreaterThan(2000);
  });

  it('generated patterns with unbounded repetitions: linear steps on periodic texts of 100,000 characters', () => {
    let checked = 0;
    fc.assert(fc.property(re2Patterns, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '!', '\n', 'x'), (pattern, picks, tail) => {
      const a = admitted(pattern);
      if (!a || !unboundedIn(a.node)) return;
      const chars = [...alphabet(a.node)];
      const unit = picks.map((p) => chars[p % chars.length]!).join('');
      expectLinear(a, unit, tail);
      checked++;
    }), { numRuns: 500, seed: 17 });
    expect(checked).toBeGreaterThan(20);
  });

  it.each([
    // The trim ReDoS, the regex and URL patterns: each loop's set misses what follows it.
    ['\\s+$', ' ', 'x'], ['\\b(best|top)\\s+[a-z]+', 'best ', '1'], ['https?://[^/]+/blog', 'http://a', ''],
    ['"[^"]*"', '"x', ''], ['\\d+-\\d+$', '1-1', '!'], ['x[^xy]*y[^xyz]*z', 'xay', ''], ['[ac]b+c', 'abbb', ''],
  ])('%s on (%j)* then %j', (pattern, unit, tail) => {
    const a = admitted(pattern)!;
    expect(a, pattern).toBeDefined();
    expectLinear(a, unit, tail);
  });

  it('the classic killers that are admitted are linear on their classic inputs', () => {
    const runnable = CATASTROPHIC_PATTERNS.filter((p) => validateRegex(p, 're2').ok).map(admitted).filter((a) => a !== undefined);
    expect(runnable.map((a) => a.pattern)).toContain('(a+)+$');
    for (const a of runnable) for (const c of alphabet(a.node)) expectLinear(a, c, '!');
  });

  it('the model sees a super-linear search: the check can fail', () => {
    // `a[a-z]*1` is refused (its loop accepts its first character): on a run of a's every attempt scans to the end.
    const tree = parseRe2('a[a-z]*1')!;
    expect(translateRe2(tree)).toBeUndefined();
    const prog = program(tree);
    const steps = [1000, 2000].map((n) => run(prog, 'a'.repeat(n), false).steps);
    expect(steps[1]! / steps[0]!).toBeGreaterThan(3.5);
  });
});
