/**
 * The benchmark only times implementations that select the same rows. This
 * is also a correctness test of the predicate: on 5,000 realistic rows, it
 * must select exactly the rows of a hand-written function with the same null
 * semantics, for every benchmark query.
 */
import { describe, expect, it } from 'vitest';
import { checkQuery } from '../bench/check-agreement.js';
import { QUERIES } from '../bench/queries.js';
import { generateRows } from '../bench/rows.js';

const rows = generateRows(5_000, 42);

describe('benchmark queries: our predicate agrees with the hand-written function', () => {
  for (const query of QUERIES) {
    it(query.text, () => {
      const agreement = checkQuery(query, rows);
      expect(agreement.oursError).toBeUndefined();
      expect(agreement.handWritten).toEqual({ status: 'agrees', matches: agreement.ours.length });
      // A query that selects nothing (or everything) would test little.
      expect(agreement.ours.length).toBeGreaterThan(10);
      expect(agreement.ours.length).toBeLessThan(rows.length - 10);
      // Every peer either agrees, or differs for a reason written down in bench/queries.ts.
      for (const [peer, verdict] of Object.entries(agreement.peers)) {
        if (verdict.status === 'differs') expect(verdict.reason, peer).not.toMatch(/^unexplained/);
        expect(verdict.status, `${peer}: ${'reason' in verdict ? verdict.reason : ''}`).not.toBe('error');
      }
    });
  }

  it('generates the same rows for the same seed', () => {
    expect(generateRows(50, 7)).toEqual(generateRows(50, 7));
    expect(generateRows(50, 7)).not.toEqual(generateRows(50, 8));
  });
});
