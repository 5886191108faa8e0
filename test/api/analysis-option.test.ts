/**
 * `compile(…, { analysis: false })` leaves out the static analysis's
 * warnings and nothing else: the same `ok`, `where`, `json`, `ast` and
 * `fields`, and every other diagnostic, on generated filters and on filters
 * the analysis has something to say about; with the default, the warnings
 * are `check`'s. A value that is not a boolean is an `invalid-option` error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, compile } from '../../src/api/compile.js';
import { filterText } from '../../src/arbitraries/index.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { ANALYSIS_CODES } from '../../src/check/index.js';

const SEED = 1202;

/** Filters the analysis has something to say about, beside ones it does not, and one with an error. */
const JUDGED = [
  'DR between 5 and 1',
  'DR > 50 and is_dofollow and DR < 10',
  'uppercase(anchor) = "seo"',
  'DR > 50 and DR > 30',
  'link_type in (text, text) or is_dofollow',
  'not (DR >= 0 or DR < 0)',
  'any(languages) = "en" or any(languages) = "en"',
  'alt is null and alt is not null',
  'DR > 5',
  'anchor is not null',
  'DR between 5 and 1 and nope > 1',
];

const analysisCode = (code: string) => (ANALYSIS_CODES as readonly string[]).includes(code);

function sameOutput(text: string): void {
  const full = compile(text);
  const bare = compile(text, { analysis: false });
  expect(full.diagnostics).toEqual(check(text));
  expect(bare.diagnostics).toEqual(full.diagnostics.filter((d) => !analysisCode(d.code)));
  expect({ ...bare, diagnostics: undefined }).toEqual({ ...full, diagnostics: undefined });
}

describe('compile: the analysis option', () => {
  it('false drops exactly the analysis warnings (hand-picked filters)', () => {
    for (const text of JUDGED) sameOutput(text);
    expect(compile('DR between 5 and 1').diagnostics.map((d) => d.code)).toEqual(['never-matches']);
    expect(compile('DR between 5 and 1', { analysis: false }).diagnostics).toEqual([]);
  });

  it('false drops exactly the analysis warnings (generated filters)', () => {
    const columns = ['domain_rating_source', 'anchor', 'link_type', 'is_dofollow', 'alt', 'languages'];
    fc.assert(fc.property(filterText(allBacklinks, { columns }), sameOutput), { seed: SEED, numRuns: 300 });
  });

  it('with simplify, the simplified JSON does not depend on it', () => {
    for (const text of JUDGED) {
      expect(compile(text, { simplify: true, analysis: false }).json).toBe(compile(text, { simplify: true }).json);
    }
  });

  it('a value that is not a boolean is an invalid-option error', () => {
    for (const value of ['no', 0, null, {}]) {
      const r = compile('DR > 5', { analysis: value as never });
      expect(r.ok).toBe(false);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['invalid-option']);
      expect(r.diagnostics[0]!.message).toContain('analysis');
    }
  });
});
