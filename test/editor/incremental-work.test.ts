/**
 * The incremental `diagnose` must never cost more than a whole-text check, at
 * any size within the limits, and a keystroke must cost one part. Work is
 * counted (parts and characters handed to the analyser, and analyser calls),
 * never timed. The cache must stay bounded: only the last text's parts.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { CALL_COST, cachedParts, clearDiagnoseCache, diagnose, diagnoseWhole, diagnoseWork, resetDiagnoseWork } from '../../src/editor/diagnose.js';

const CONDITIONS = ['DR >= {i}', 'link_type = text', 'anchor contains "s{i}"', 'http_code between 200 and {i}', 'alt is not null', 'url_from starts with "https://{i}."'];

const SHORT = ['DR > {i}', 'is_new', 'DR < {i}'];

/** A filter of `n` top-level parts joined by `and` / `or`; `change` rewrites part `i`. */
function filter(n: number, conditions = CONDITIONS, change: (i: number) => string | undefined = () => undefined): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(change(i) ?? conditions[i % conditions.length]!.replace('{i}', String(i)));
  return parts.map((p, i) => (i === 0 ? p : `${i % 7 === 3 ? ' or ' : ' and '}${p}`)).join('');
}

/** The counted cost of a call: characters analysed plus a fixed cost per analysis. */
function cost(): number {
  const w = diagnoseWork();
  return w.chars + w.calls * CALL_COST;
}

const wholeCost = (text: string) => text.length + CALL_COST;

beforeEach(() => clearDiagnoseCache());

describe('incremental diagnose: work', () => {
  for (const [n, conditions] of [[2_500, CONDITIONS], [6_000, SHORT]] as const) {
    it(`re-analyses one part per keystroke on a filter of ${n} parts`, () => {
      const text = filter(n, conditions);
      expect(text.length).toBeLessThan(100_000);
      resetDiagnoseWork();
      diagnose(text);
      // Cold: the whole text once, never part by part.
      expect(diagnoseWork()).toMatchObject({ calls: 1, parts: n, chars: text.length });
      expect(cachedParts()).toBeGreaterThan(n / 2);
      const middle = Math.floor(n / 2);
      const edited = filter(n, conditions, (i) => (i === middle ? 'DR >= 7' : undefined));
      resetDiagnoseWork();
      const result = diagnose(edited);
      expect(diagnoseWork()).toMatchObject({ calls: 1, parts: 1 });
      expect(cost()).toBeLessThan(200);
      expect(result).toEqual(diagnoseWhole(edited));
      // A part with a typo typed in the middle: still one part.
      const inserted = filter(n, conditions, (i) => (i === middle ? `link_type = txt and ${conditions[i % conditions.length]!.replace('{i}', String(i))}` : undefined));
      diagnose(text);
      resetDiagnoseWork();
      const withTypo = diagnose(inserted);
      expect(diagnoseWork().parts).toBe(1);
      expect(withTypo.map((d) => d.code)).toEqual(['unknown-enum-value']);
      expect(withTypo).toEqual(diagnoseWhole(inserted));
    });
  }

  it('never costs more than a whole check, whatever the edits and whatever was diagnosed before', () => {
    const base = filter(300);
    const edit = fc.tuple(fc.nat(), fc.constantFrom('DR >= 1', 'link_type = txt', ' and ', ' or ', '(', ')', 'nope = 2', ''), fc.nat(40));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.boolean(), (edits, scatter) => {
        clearDiagnoseCache();
        let text = base;
        diagnose(text);
        for (const [at, piece, cut] of edits) {
          const i = at % (text.length + 1);
          text = scatter
            ? text.replace(/>= (\d+)/g, (m, d: string) => (Number(d) % 3 === at % 3 ? `>= ${Number(d) + 1}` : m)) // many parts at once
            : text.slice(0, i) + piece + text.slice(Math.min(text.length, i + cut % 4));
          resetDiagnoseWork();
          const result = diagnose(text);
          expect(cost(), JSON.stringify(text.slice(0, 80))).toBeLessThanOrEqual(wholeCost(text));
          expect(result).toEqual(diagnoseWhole(text));
        }
      }),
      { seed: 41, numRuns: 15 },
    );
  });

  it('pays for scattered new parts no more than a whole check, and falls back to one when that is cheaper', () => {
    const text = filter(3_000);
    diagnose(text);
    const scattered = text.replace(/DR >= (\d+)/g, (_m, d: string) => `DR >= ${Number(d) + 1}`); // every sixth part changes
    resetDiagnoseWork();
    const result = diagnose(scattered);
    expect(diagnoseWork().parts).toBe(500);
    expect(cost()).toBeLessThanOrEqual(wholeCost(scattered));
    expect(result).toEqual(diagnoseWhole(scattered));
    // Two parts in three changed: many small runs would cost more than the whole text, so the whole text is analysed once.
    const most = text.replace(/(\d+)/g, (_m, d: string) => String(Number(d) + 1));
    diagnose(text);
    resetDiagnoseWork();
    const again = diagnose(most);
    expect(diagnoseWork()).toMatchObject({ calls: 1, chars: most.length });
    expect(again).toEqual(diagnoseWhole(most));
  });

  it('two documents diagnosed in turn each cost at most a whole check', () => {
    const a = filter(2_200);
    const b = filter(2_200, ['anchor = "b{i}"', 'DR < {i}']);
    for (let round = 0; round < 3; round++) {
      for (const text of [a, b]) {
        resetDiagnoseWork();
        diagnose(text);
        expect(cost()).toBeLessThanOrEqual(wholeCost(text));
      }
    }
  });

  it('keeps only the parts of the last text, per catalogue', () => {
    diagnose(filter(5_000, SHORT));
    // The distinct parts (`is_new` repeats, with the same connectives around it): never more than the text has.
    expect(cachedParts()).toBeGreaterThan(3_300);
    expect(cachedParts()).toBeLessThanOrEqual(5_000);
    diagnose('DR > 1 and DR > 2 and DR > 3');
    expect(cachedParts()).toBe(3);
    const organic = getCatalogue('site-explorer/organic-keywords')!;
    diagnose('volume > 5 and keyword_country = ind or cpc > 1', { catalogue: organic });
    expect(cachedParts(organic)).toBe(3);
    expect(cachedParts()).toBe(3);
  });

  it('a stand-in neighbour of another catalogue changes nothing', () => {
    const organic = getCatalogue('site-explorer/organic-keywords')!;
    const text = 'volume > 5 and keyword_country = ind or cpc > "x" and nope = 1';
    diagnose(text, { catalogue: organic });
    const edited = text.replace('volume > 5', 'volume > 6');
    resetDiagnoseWork();
    expect(diagnose(edited, { catalogue: organic })).toEqual(diagnoseWhole(edited, { catalogue: organic }));
    expect(diagnoseWork().parts).toBe(1);
  });
});
