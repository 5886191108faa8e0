/**
 * Re-cutting a text into top-level parts after an edit (src/editor/diagnose-cut.ts)
 * must give exactly the parts of a whole scan, whatever the edit does to the
 * tokens or the nesting (an opened parenthesis, a string or comment that
 * swallows a connective, a connective typed or deleted), and must scan only
 * the stretch the edit changed when the parts around it stay the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutWork, partsAfterEdit, partsOf, resetCutWork } from '../../src/editor/diagnose-cut.js';

const OPERANDS = ['DR > 5', 'is_new', '(DR < 3 or alt is null)', 'anchor contains "x and y"', 'not is_new', 'http_code in (200, 301)', 'url_from ~ /a|b/', '# note\n DR >= 1', 'anchor = `and`'];

/** Operands the grammar reads whole (the text is cut at every connective between them). */
const VALID = ['DR > 5', 'is_new', '(DR < 3 or alt is null)', 'anchor contains "x and y"', 'not is_new', 'http_code in (200, 301)', '# note\n DR >= 1'];

function base(n: number, pick: (i: number) => number, operands = OPERANDS): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((i ? (pick(i) % 4 === 0 ? ' OR ' : ' and ') : '') + operands[pick(i) % operands.length]!);
  return out.join('');
}

const PIECES = ['(', ')', ' and ', ' or ', 'and', 'or', 'x', '"', '#', '\n', '`', '/', ' ', '1', 'DR > 2 and ', ''];

describe('partsAfterEdit', () => {
  it('equals a whole scan after any sequence of edits', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom(...PIECES), fc.nat(6));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.nat(50), { minLength: 40, maxLength: 40 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (n, picks, edits) => {
        let text = base(n, (i) => picks[i % picks.length]!);
        let parts = partsOf(text);
        for (const [at, piece, cut] of edits) {
          const i = at % (text.length + 1);
          const next = text.slice(0, i) + piece + text.slice(Math.min(text.length, i + cut));
          const got = parts ? partsAfterEdit(text, parts, next) : partsOf(next);
          expect(got, JSON.stringify(next)).toEqual(partsOf(next));
          text = next;
          parts = got;
        }
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('scans only the edited part when the parts around it are unchanged, at the start, middle and end', () => {
    const text = base(3_000, (i) => i * 7, VALID);
    const parts = partsOf(text)!;
    expect(parts).toHaveLength(3_000);
    const digits = [...text.matchAll(/\d/g)].map((m) => m.index);
    // A digit typed after a digit: the start, the middle and the end of the text.
    for (const at of [digits[0]!, digits[Math.floor(digits.length / 2)]!, digits[digits.length - 1]!]) {
      const next = `${text.slice(0, at + 1)}7${text.slice(at + 1)}`;
      resetCutWork();
      const got = partsAfterEdit(text, parts, next);
      expect(cutWork()).toBeLessThan(200);
      expect(got).toEqual(partsOf(next));
    }
  });

  it('scans to the end when an edit opens a parenthesis, never more than the text', () => {
    const text = base(500, (i) => i, VALID);
    const at = Math.floor(text.length / 2);
    const next = `${text.slice(0, at)} (${text.slice(at)}`;
    const parts = partsOf(text)!;
    resetCutWork();
    const got = partsAfterEdit(text, parts, next);
    expect(cutWork()).toBeLessThanOrEqual(next.length);
    expect(cutWork()).toBeGreaterThan(next.length / 3);
    expect(got).toEqual(partsOf(next));
  });
});
