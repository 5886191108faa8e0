/**
 * `diagnose` analyses a long filter part by part (cut at top-level
 * connectives) and caches the parts. It must say exactly what a whole-text
 * analysis says, on valid text and on text broken in any way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseWhole } from '../../src/editor/diagnose.js';
import { scan } from '../../src/editor/tokens.js';
import { VALID_QUERIES } from './corpus.js';

const PIECES = ['and', 'or', 'not', '(', ')', '=', '>=', 'DR', 'domain_ratng', '"x"', '5', 'link_type', 'txt', 'in', 'between', 'is', 'null', ',', '#c\n', '\n', 'any(', 'uppercase(', '`q', '"open', '/re', '€'];

/** A long filter made of the corpus, joined by `and` / `or`. */
const long = fc.array(fc.tuple(fc.constantFrom(...VALID_QUERIES), fc.constantFrom(' and ', '\nor ', ' AND\n')), { minLength: 1, maxLength: 6 })
  .map((xs) => xs.map(([q, c], i) => (i === 0 ? q : c + q)).join(''));

/** Breaks a text: deletes a token, inserts a piece, or cuts it short. */
const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...PIECES), fc.constantFrom('delete', 'insert', 'cut', 'replace'));

function broken(text: string, [a, b, piece, how]: [number, number, string, string]): string {
  const tokens = scan(text);
  const t = tokens[a % Math.max(1, tokens.length)];
  const at = b % (text.length + 1);
  if (how === 'delete' && t) return text.slice(0, t.start) + text.slice(t.end);
  if (how === 'replace' && t) return `${text.slice(0, t.start)}${piece}${text.slice(t.end)}`;
  if (how === 'cut') return text.slice(0, at);
  return `${text.slice(0, at)} ${piece} ${text.slice(at)}`;
}

describe('incremental diagnose', () => {
  it('equals the whole-text analysis on valid filters', () => {
    fc.assert(fc.property(long, (text) => {
      expect(diagnose(text)).toEqual(diagnoseWhole(text));
    }), { seed: 11, numRuns: 100 });
  });

  it('equals the whole-text analysis on broken filters (one to three edits)', () => {
    fc.assert(
      fc.property(long, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        const input = edits.reduce(broken, text);
        expect(diagnose(input), JSON.stringify(input)).toEqual(diagnoseWhole(input));
      }),
      { seed: Number(process.env.SEED ?? 12), numRuns: Number(process.env.RUNS ?? 400) },
    );
  });

  it('equals the whole-text analysis while a filter is typed character by character', () => {
    const text = VALID_QUERIES.slice(0, 5).join('\nand ').replace('"seo"', '"seo" and link_type = imgae');
    for (let i = 0; i <= text.length; i++) {
      const prefix = text.slice(0, i);
      expect(diagnose(prefix), JSON.stringify(prefix)).toEqual(diagnoseWhole(prefix));
    }
  });
});
