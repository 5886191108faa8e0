/**
 * Adversarial regexes cannot hang the predicate. No wall-clock assertion
 * (flaky, and it proves nothing): instead
 * 1. the predicate's regex conditions that are not translated to a RegExp
 *    run on re2js (a spy counts calls to `RE2JS.prototype.test`, and the
 *    compiled engine is an RE2JS): an automaton engine whose work per input
 *    position is bounded by the size of the pattern, never by backtracking.
 *    The translated ones (test/security/regex-backtracking.test.ts counts
 *    their steps) never reach re2js; the counts below hold re2js to its
 *    bounds on every pattern here either way;
 * 2. a step count: fed the same text as a UTF-8 byte array behind a Proxy,
 *    the engine's reads of input positions are counted; they grow linearly
 *    (reads ≤ 2·(n+2) for every size, and exactly proportionally when the
 *    input doubles). Reads × pattern size bounds the engine's work;
 * 3. evaluating each pattern on 100 KB of adversarial text completes;
 * 4. states per character: the engine's reads of its program's instructions
 *    (every NFA thread step and every DFA state built reads one) are counted;
 *    per input character they stay below 3 × the program size, and the
 *    checker keeps the program size at most MAX_PROGRAM_SIZE + 2. Reads alone
 *    would not see a pattern of a million instructions (linear, but a million
 *    states per character): this count does.
 */
import { RE2JS } from 're2js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Filter } from '../../src/ast/nodes.js';
import { MAX_PROGRAM_SIZE, validateRegex } from '../../src/check/re2-syntax.js';
import { compileRegex } from '../../src/semantics/regex.js';
import { compileTree } from '../support/predicate-harness.js';

// Catastrophic for backtracking engines (JavaScript's RegExp would not finish on 100 KB).
const CASES: readonly [pattern: string, unit: string, tail: string, matches: boolean][] = [
  ['(a+)+$', 'a', '!', false],
  ['(a|aa)*b', 'a', '', false],
  ['(.*a){3}', 'a', 'b', true],
  ['b[ab]{18}x', 'ab', 'x', true], // at the size limit: the [ab] states stay alive on a/b text
  ['(x+x+)+y', 'x', '', false],
];

/** re2js as the predicate runs it (src/semantics/regex-re2js). */
const re2 = (pattern: string) => RE2JS.compile(pattern, RE2JS.DOTALL);

function inputReads(pattern: string, text: string): number {
  const bytes = Array.from(new TextEncoder().encode(text));
  let reads = 0;
  const counted = new Proxy(bytes, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  re2(pattern).test(counted);
  return reads;
}

/** Instruction reads (states visited) while the engine searches `text`, counted through a Proxy on its program. */
function stateVisits(pattern: string, text: string): { visits: number; programSize: number } {
  const engine = re2(pattern);
  engine.test(''); // builds the program
  const prog = (engine.re2() as unknown as { prog: { inst: unknown[] } }).prog;
  const original = prog.inst;
  let visits = 0;
  prog.inst = new Proxy(original, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) visits++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  try {
    engine.test(text);
  } finally {
    prog.inst = original;
  }
  return { visits, programSize: engine.programSize() };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('adversarial regexes run in linear time', () => {
  it.each(CASES)('%s', (pattern, unit, tail, matches) => {
    const spy = vi.spyOn(RE2JS.prototype, 'test');
    const text = unit.repeat(100_000) + tail;
    const filter: Filter = { kind: 'condition', field: { name: 'anchor' }, test: { kind: 'compare', op: 'regex', value: { kind: 'regex', value: pattern } } };
    expect(compileTree(filter).evaluate({ anchor: text })).toBe(matches);
    const compiled = compileRegex(pattern);
    // The required-literal prefilter answers first when the text lacks one (`xy` for (x+x+)+y).
    if (compiled.path === 'engine' && compiled.literals.every((l) => text.includes(l))) {
      expect(spy).toHaveBeenCalled();
      expect(compiled.engine).toBeInstanceOf(RE2JS);
    } else if (compiled.path !== 'engine') expect(spy).not.toHaveBeenCalled();

    const sizes = [12_500, 25_000, 50_000, 100_000];
    const reads = sizes.map((n) => inputReads(pattern, unit.repeat(n) + tail));
    sizes.forEach((n, i) => expect(reads[i]).toBeLessThanOrEqual(2 * (n * unit.length + tail.length + 2)));
    for (let i = 1; i < sizes.length; i++) expect(reads[i]! / reads[i - 1]!).toBeLessThan(2.1);

    // States per character: bounded by the program, which the checker bounds.
    expect(validateRegex(pattern, 're2').ok).toBe(true);
    for (const n of [2_000, 8_000]) {
      const text = unit.repeat(n / unit.length) + tail;
      const { visits, programSize } = stateVisits(pattern, text);
      expect(programSize).toBeLessThanOrEqual(MAX_PROGRAM_SIZE + 2);
      expect(visits / (text.length + 1), `states per character (program of ${programSize})`).toBeLessThan(3 * programSize);
    }
  });

  it('a program the checker would refuse visits far more states per character: the count sees it', () => {
    const big = 'b[ab]{400}x';
    expect(validateRegex(big, 're2')).toMatchObject({ ok: false, code: 'regex-too-large' });
    // An x first (so that the prefilter lets the search run), then pseudo-random a/b: no DFA state repeats.
    let seed = 7;
    const text = `x${Array.from({ length: 4_000 }, () => ((seed = (seed * 48271) % 2147483647) & 1 ? 'a' : 'b')).join('')}`;
    const { visits, programSize } = stateVisits(big, text);
    expect(programSize).toBeGreaterThan(400);
    // Reads of the input are still linear, but the states per character are about the program's size.
    expect(visits / text.length).toBeGreaterThan(3 * (MAX_PROGRAM_SIZE + 2));
  });
});
