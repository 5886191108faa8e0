/**
 * Formatting laws: `format` is idempotent on any input (valid, noisy or
 * random), canonical text is a fixed point, and formatting never changes
 * what a filter compiles to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, format } from '../../src/api/compile.js';
import { filterText, noisyText } from '../../src/arbitraries/index.js';
import { named } from './helpers.js';
import { runs, timeout } from './runs.js';

/** Valid text re-spaced and re-cased, so that format has work to do. */
function messy(text: string, seed: number): string {
  return text
    .replace(/ (and|or|not) /g, (_, k: string) => (seed % 2 ? ` ${k.toUpperCase()} ` : `\n  ${k}  `))
    .replace(/ (>=|<=|=|!=|<|>) /g, seed % 3 ? '$1' : '  $1\t');
}

describe.each(named)('format on %s', (_, catalogue) => {
  it('canonical text is a fixed point', () => {
    fc.assert(fc.property(filterText(catalogue), (text) => {
      expect(format(text)).toBe(text);
    }), runs(200));
  }, timeout());

  it('is idempotent and keeps the compiled JSON, on re-spaced text', () => {
    fc.assert(fc.property(filterText(catalogue), fc.nat(), (text, seed) => {
      const input = messy(text, seed);
      const once = format(input);
      expect(format(once)).toBe(once);
      expect(compile(once, { catalogue }).json).toBe(compile(input, { catalogue }).json);
    }), runs(200));
  }, timeout());

  it('is idempotent on noisy text (valid or not)', () => {
    fc.assert(fc.property(noisyText(catalogue), (text) => {
      const once = format(text);
      expect(format(once)).toBe(once);
    }), runs(300));
  }, timeout());

  it('honours line width and indent, and stays idempotent under them', () => {
    fc.assert(fc.property(filterText(catalogue, { maxDepth: 4 }), fc.integer({ min: 20, max: 120 }), (text, lineWidth) => {
      const once = format(text, { lineWidth, indent: '    ' });
      expect(format(once, { lineWidth, indent: '    ' })).toBe(once);
      expect(compile(once, { catalogue }).json).toBe(compile(text, { catalogue }).json);
    }), runs(100));
  }, timeout());
});

describe('format on any string', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
      const once = format(text);
      expect(format(once)).toBe(once);
    }), runs(300));
  }, timeout());
});
