/**
 * The analysis judges long filters in full, at a cost that grows about as
 * n log n: its work is counted (the sweep's segment-tree steps), never
 * timed. Past the safety bound a group is left unjudged, and said so.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/api/analyze.js';
import { check } from '../../src/api/compile.js';
import { simplify } from '../../src/api/simplify.js';
import { coverWork } from '../../src/check/analysis/cover.js';
import { findVerdicts, MAX_GROUP_SIZE } from '../../src/check/analysis/index.js';

const SHAPES: Record<string, (n: number) => string> = {
  'nested ranges in an or': (n) => Array.from({ length: n }, (_, i) => `DR > ${i}`).join(' or '),
  'distinct values in an or': (n) => Array.from({ length: n }, (_, i) => `DR = ${i}`).join(' or '),
  '!= values in an and': (n) => Array.from({ length: n }, (_, i) => `http_code != ${i}`).join(' and '),
  'two columns interleaved in an and': (n) => Array.from({ length: n }, (_, i) => (i % 2 ? `DR >= ${i}` : `traffic <= ${1_000_000 - i}`)).join(' and '),
};

function steps(text: string): number {
  const a = analyze(text, { maxLength: 10_000_000 });
  expect(a.ok).toBe(true);
  coverWork.steps = 0;
  findVerdicts(a.filter!, a.references);
  return coverWork.steps;
}

describe('the cost of the analysis', () => {
  it.each(Object.entries(SHAPES))('grows about as n log n: %s', (_name, make) => {
    const small = steps(make(200));
    const large = steps(make(2_000));
    expect(small).toBeGreaterThan(0);
    // Ten times the conditions: at most ten times the work, times the growth of log n (about 1.4 here), with room.
    expect(large / small).toBeLessThan(10 * 1.6);
  });

  it('judges a filter of 2,000 conditions on one column in full', () => {
    const text = SHAPES['nested ranges in an or']!(2_000);
    const warnings = check(text, { maxLength: 1_000_000 });
    // Every operand but the widest is covered by it.
    expect(warnings.filter((d) => d.code === 'subsumed-condition')).toHaveLength(1_999);
    const s = simplify(text, { maxLength: 1_000_000 });
    expect(s.text).toBe('DR > 0');
    // Each fix removes one operand: a short edit, not the whole or rewritten.
    for (const d of warnings) expect(d.suggestions![0]!.replacement).toBe('');
  });

  it('finds the contradiction in a long and, far apart', () => {
    const filler = Array.from({ length: 1_500 }, (_, i) => `anchor contains "k${i}"`).join(' and ');
    const codes = check(`DR > 50 and ${filler} and DR < 10`, { maxLength: 1_000_000 }).map((d) => d.code);
    expect(codes).toEqual(['never-matches']);
  });

  it('past the bound, a group is not judged together, and an info says so', () => {
    const lists = Math.ceil((MAX_GROUP_SIZE + 1) / 1_000);
    const list = (k: number) => `DR in (${Array.from({ length: 1_000 }, (_, i) => k * 1_000 + i).join(', ')})`;
    const text = Array.from({ length: lists }, (_, k) => list(k)).join(' or ') + ` or ${list(0)}`;
    const diagnostics = check(text, { maxLength: 10_000_000 });
    const limited = diagnostics.filter((d) => d.code === 'analysis-limited');
    expect(limited).toHaveLength(1);
    expect(limited[0]!.severity).toBe('info');
    expect(limited[0]!.message).toContain(`more than the ${MAX_GROUP_SIZE}`);
    // Repeats are still found (by hashing), and simplify leaves the group's values as written.
    expect(diagnostics.map((d) => d.code)).toContain('redundant-condition');
    expect(simplify(text, { maxLength: 10_000_000 }).after!.clauses).toBe(simplify(text, { maxLength: 10_000_000 }).before!.clauses - 1_001);
  });
});
