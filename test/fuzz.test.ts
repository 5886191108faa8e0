/**
 * A short fuzz run on every `npm test` (fixed seeds, a few seconds, in
 * process with a per-input time budget), and the replay of every reproducer
 * that `npm run fuzz` wrote to test/fuzz-crashes/ (each must now pass).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzBatch, runOne, type Finding } from '../scripts/fuzz-core.js';
import { DEEP } from './laws/runs.js';

const CRASHES = join(import.meta.dirname, 'fuzz-crashes');
const SECONDS = DEEP ? 120 : 3;

describe('fuzz', () => {
  it(`runs for ${SECONDS} s on fixed seeds without a finding`, () => {
    const deadline = performance.now() + SECONDS * 1000;
    const findings: Finding[] = [];
    let inputs = 0;
    for (let seed = 1; performance.now() < deadline; seed++) {
      for (const input of fuzzBatch(seed, 50)) {
        const finding = runOne(input);
        inputs++;
        if (finding) findings.push(finding);
        if (performance.now() >= deadline) break;
      }
    }
    expect(findings.map((f) => `${f.problem} in ${f.entry}: ${f.message} <- ${JSON.stringify(f.input).slice(0, 300)}`)).toEqual([]);
    expect(inputs).toBeGreaterThan(50);
  }, (SECONDS + 60) * 1000);

  const files = readdirSync(CRASHES).filter((f) => f.endsWith('.json'));
  it.each(files.length > 0 ? files : ['(none)'])('reproducer %s passes', (file) => {
    if (file === '(none)') return;
    const finding = JSON.parse(readFileSync(join(CRASHES, file), 'utf8')) as Finding;
    expect(runOne(finding.input)).toBeUndefined();
  });
});
