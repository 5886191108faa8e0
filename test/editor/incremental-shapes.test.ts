/**
 * A keystroke through the incremental `diagnose` must never cost more than a
 * whole `check` of the text, on every shape of long filter: one column in
 * thousands of top-level parts (`DR > 0 and DR > 1 and …`, where the analysis
 * across parts reports a verdict on nearly every part), many columns, `and`
 * and `or` mixed, with and without an error, edits at the start, middle and
 * end, from 100 parts to the most that fit in `maxLength`.
 *
 * Work is counted, never timed, in characters: characters handed to the
 * analyser plus a fixed cost per call, characters scanned to cut the text into
 * parts, and, for the analysis across parts, each top-level operand joined and
 * each tree node copied (a node spans at least one character). A whole check
 * lexes, parses and analyses every character of the text and builds every
 * node: it costs at least the text's length (plus the fixed cost).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/api/index.js';
import { acrossWork, resetAcrossWork } from '../../src/check/analysis/across.js';
import { CALL_COST, clearDiagnoseCache, diagnose, diagnoseWhole, diagnoseWork, resetDiagnoseWork } from '../../src/editor/diagnose.js';

type Shape = 'one column' | 'many columns' | 'and/or mixed' | 'with an error';

function operand(shape: Shape, i: number, value: number): string {
  if (shape === 'many columns') return [`DR>${value}`, `http_code=${value}`, `anchor contains "a${value}"`, `url_rating_source<${value}`, 'is_new'][i % 5]!;
  if (shape === 'with an error' && i === 3) return 'nope=1';
  return `DR>${value}`;
}

/** `n` parts; `edited` gets the value 7777 (a keystroke's worth of change). */
function filter(shape: Shape, n: number, edited = -1): string {
  let out = '';
  for (let i = 0; i < n; i++) out += (i === 0 ? '' : shape === 'and/or mixed' && i % 3 === 0 ? ' or ' : ' and ') + operand(shape, i, i === edited ? 7777 : i % 500);
  return out;
}

/** The most parts of a shape within the default maxLength (100,000 characters). */
function most(shape: Shape): number {
  let n = 1_000;
  while (filter(shape, n + 500).length < 100_000) n += 500;
  return n;
}

/** Ranged nodes of the whole text's tree: what a whole check's parser builds. */
function nodes(x: unknown): number {
  if (typeof x !== 'object' || x === null) return 0;
  let n = 0;
  for (const [k, v] of Object.entries(x)) n += k === 'range' ? 1 : nodes(v);
  return n;
}

function keystrokeCost(): number {
  const w = diagnoseWork();
  const a = acrossWork();
  return w.chars + w.calls * CALL_COST + w.scanned + a.operands + a.copied;
}

beforeEach(() => clearDiagnoseCache());

describe('incremental diagnose: a keystroke costs no more than a whole check, on every shape', () => {
  const shapes: Shape[] = ['one column', 'many columns', 'and/or mixed', 'with an error'];
  for (const shape of shapes) {
    for (const size of [100, 1_000, 'most'] as const) {
      it(`${shape}, ${size} parts: edits at the start, middle and end`, () => {
        const n = size === 'most' ? most(shape) : size;
        const text = filter(shape, n);
        expect(text.length).toBeLessThan(100_000);
        diagnose(text);
        let previous = text;
        for (const at of [0, Math.floor(n / 2), n - 1]) {
          const edited = filter(shape, n, at);
          resetDiagnoseWork();
          resetAcrossWork();
          const result = diagnose(edited);
          const cost = keystrokeCost();
          expect(cost, `edit at part ${at}`).toBeLessThanOrEqual(edited.length + CALL_COST);
          // The tree nodes copied for the verdicts never outnumber the whole text's nodes.
          expect(acrossWork().copied).toBeLessThanOrEqual(nodes(analyze(edited).filter));
          // One part re-analysed and one part's stretch scanned, at any size (the old text and the new differ in two parts).
          expect(diagnoseWork().parts).toBeLessThanOrEqual(2);
          expect(diagnoseWork().scanned).toBeLessThan(200);
          if (size !== 'most' || at === Math.floor(n / 2)) expect(result).toEqual(diagnoseWhole(edited));
          // Back to the text before, so that the next edit changes one part again.
          diagnose(previous);
          previous = text;
        }
      });
    }
  }

  it('a text analysed whole in one run is not analysed again across its parts', () => {
    const text = filter('one column', 2_000);
    resetAcrossWork();
    const cold = diagnose(text);
    expect(acrossWork()).toEqual({ operands: 0, copied: 0 });
    expect(cold).toEqual(diagnoseWhole(text));
    // A paste that changes every part: one whole-text run again.
    const pasted = text.replace(/DR>/g, 'DR >');
    resetDiagnoseWork();
    resetAcrossWork();
    expect(diagnose(pasted)).toEqual(diagnoseWhole(pasted));
    expect(diagnoseWork()).toMatchObject({ calls: 1, chars: pasted.length });
    expect(acrossWork().operands).toBe(0);
  });
});
