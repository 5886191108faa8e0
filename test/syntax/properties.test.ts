/**
 * Properties of the text front end: parse and format never throw and point
 * inside their input; print → parse is the identity on canonical ASTs;
 * format is idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripRanges } from '../../src/ast/strip-ranges.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { printFilter } from '../../src/emit/text.js';
import { formatWithDiagnostics as format } from '../../src/api/format-text.js';
import { parse } from '../../src/syntax/parse.js';
import { filterAst } from '../support/ast-arbitrary.js';

/** Lines break at `\n` only. */
function position(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function expectInside(diagnostics: readonly Diagnostic[], text: string): void {
  for (const d of diagnostics) {
    expect(d.range, d.code).toBeDefined();
    const { start, end } = d.range!;
    expect(0 <= start.offset && start.offset <= end.offset && end.offset <= text.length, `${d.code} ${JSON.stringify(d.range)}`).toBe(true);
    expect(start).toEqual(position(text, start.offset));
    expect(end).toEqual(position(text, end.offset));
  }
}

const PIECES = [
  'a', 'DR', 'x.y', '`q`', '`', ' ', '\n', '(', ')', ',', '=', '!=', '>=', '<', 'and', 'OR', 'not', 'in', 'between', 'is', 'null',
  'empty', 'true', 'contains', 'icontains', 'phrase', 'starts', 'ends', 'with', 'matches', 'any', 'all', '"s"', '"', "'", '/r/',
  '/', '\\', '\\u{', '12', '-1.5e3', '99999999999999999999', '2024-02-30', '2024-01-01T25:00', '#c\n', '@', '😀', '\uD800',
];
/** Random text: any code point, or a jumble of the language's own pieces. */
const noise = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((ps) => ps.join(' ')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((ps) => ps.join('')),
);

describe('text front end properties', () => {
  it('parse and format never throw, and every range lies inside the input', () => {
    fc.assert(fc.property(noise, (text) => {
      const r = parse(text);
      expectInside(r.diagnostics, text);
      const f = format(text);
      expect(typeof f.text).toBe('string');
      expectInside(f.diagnostics, text);
    }), { seed: 42, numRuns: 1000 });
  });

  it('parse(printFilter(ast)) is the AST, without diagnostics', () => {
    fc.assert(fc.property(filterAst, fc.integer({ min: 20, max: 120 }), (ast, lineWidth) => {
      const text = printFilter(ast, { lineWidth });
      const r = parse(text);
      expect(r.diagnostics).toEqual([]);
      expect(stripRanges(r.document.filter)).toEqual(ast);
    }), { seed: 42, numRuns: 500 });
  });

  it('format is idempotent, and keeps every comment', () => {
    const withComments = fc.tuple(filterAst, fc.array(fc.nat(), { maxLength: 3 })).map(([ast, cuts]) => {
      let text = printFilter(ast, { lineWidth: 40 });
      // Comments at random line ends (never inside a string: only where a line break already is, or at the very end).
      const breaks = [...text.matchAll(/\n/g)].map((m) => m.index!);
      for (const c of cuts) {
        const at = breaks.length > 0 ? breaks[c % breaks.length]! : text.length;
        text = `${text.slice(0, at)} # note ${c}${text.slice(at)}`;
      }
      return text;
    });
    fc.assert(fc.property(fc.oneof(withComments, noise), (text) => {
      const once = format(text);
      const twice = format(once.text);
      expect(twice.text).toBe(once.text);
      expect(parse(once.text).document.comments.map((c) => c.text).sort()).toEqual(parse(text).document.comments.map((c) => c.text).sort());
    }), { seed: 42, numRuns: 500 });
  });
});
