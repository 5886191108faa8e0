/**
 * A short fuzz run on every `npm test`: a fixed number of inputs from fixed
 * seeds (the same inputs on every machine, whatever its load; no clock), and
 * the replay of every reproducer in test/fuzz-crashes/ (each must now pass).
 * Hangs are the timed runner's to find (`npm run fuzz`, one worker per
 * input); here a slow input only makes the test slow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzBatch, runOne, type Finding, type FuzzInput } from '../scripts/fuzz-core.js';
import { DEEP } from './laws/runs.js';

const CRASHES = join(import.meta.dirname, 'fuzz-crashes');
/** Seeds 1..BATCHES, BATCH inputs each: 400 inputs (40,000 under DEEP=1). */
const BATCHES = DEEP ? 800 : 8;
const BATCH = 50;

describe('fuzz', () => {
  it(`runs ${BATCHES * BATCH} inputs from seeds 1 to ${BATCHES} without a finding`, () => {
    const findings: Finding[] = [];
    const kinds = new Map<FuzzInput['kind'], number>();
    let inputs = 0;
    for (let seed = 1; seed <= BATCHES; seed++) {
      for (const input of fuzzBatch(seed, BATCH)) {
        const finding = runOne(input);
        inputs++;
        kinds.set(input.kind, (kinds.get(input.kind) ?? 0) + 1);
        if (finding) findings.push(finding);
      }
    }
    expect(findings.map((f) => `${f.problem} in ${f.entry}: ${f.message} <- ${String(f.input.text ?? '').slice(0, 300)}`)).toEqual([]);
    expect(inputs).toBe(BATCHES * BATCH);
    // Every generator took part, so that a generator that stopped producing would be noticed.
    expect([...kinds.keys()].sort()).toEqual(['bytes', 'deep', 'json-text', 'json-value', 'query', 'row']);
  }, DEEP ? 3_600_000 : 300_000);

  const files = readdirSync(CRASHES).filter((f) => f.endsWith('.json')).sort();

  it('keeps the reproducers of past findings (test/fuzz-crashes/README.md)', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const finding = JSON.parse(readFileSync(join(CRASHES, file), 'utf8')) as Finding;
      expect(typeof finding.input.catalogue).toBe('string');
      expect(finding.input.text !== undefined || 'value' in finding.input).toBe(true);
    }
  });

  it.each(files)('reproducer %s passes', (file) => {
    const finding = JSON.parse(readFileSync(join(CRASHES, file), 'utf8')) as Finding;
    expect(runOne(finding.input)).toBeUndefined();
  });
});
