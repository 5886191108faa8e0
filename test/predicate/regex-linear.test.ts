/**
 * Adversarial regexes cannot hang the predicate. No wall-clock assertion
 * (flaky, and it proves nothing): instead
 * 1. the predicate's regex conditions run on re2js (a spy counts calls to
 *    `RE2JS.prototype.test`, and the compiled engine is an RE2JS): an
 *    automaton engine whose work per input position is bounded by the size of
 *    the pattern, never by backtracking;
 * 2. a step count: fed the same text as a UTF-8 byte array behind a Proxy,
 *    the engine's reads of input positions are counted; they grow linearly
 *    (reads ≤ 2·(n+1) for every size, and exactly proportionally when the
 *    input doubles). Reads × pattern size bounds the engine's work;
 * 3. evaluating each pattern on 100 KB of adversarial text completes.
 */
import { RE2JS } from 're2js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Filter } from '../../src/ast/nodes.js';
import { compileRegex } from '../../src/semantics/regex.js';
import { compileTree } from '../support/predicate-harness.js';

// Catastrophic for backtracking engines (JavaScript's RegExp would not finish on 100 KB).
const CASES: readonly [pattern: string, unit: string, tail: string, matches: boolean][] = [
  ['(a+)+$', 'a', '!', false],
  ['(a|aa)*b', 'a', '', false],
  ['(.*a){20}', 'a', 'b', true],
  ['(x+x+)+y', 'x', '', false],
];

function inputReads(pattern: string, text: string): number {
  const bytes = Array.from(new TextEncoder().encode(text));
  let reads = 0;
  const counted = new Proxy(bytes, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  compileRegex(pattern).engine.test(counted);
  return reads;
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
    expect(spy).toHaveBeenCalled();
    expect(compileRegex(pattern).engine).toBeInstanceOf(RE2JS);

    const sizes = [12_500, 25_000, 50_000, 100_000];
    const reads = sizes.map((n) => inputReads(pattern, unit.repeat(n) + tail));
    sizes.forEach((n, i) => expect(reads[i]).toBeLessThanOrEqual(2 * (n + tail.length + 1)));
    for (let i = 1; i < sizes.length; i++) expect(reads[i]! / reads[i - 1]!).toBeLessThan(2.1);
  });
});
