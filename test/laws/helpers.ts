/**
 * Shared helpers of the law suites: the catalogues every law runs on, and the
 * checks that diagnostics point inside their input.
 */
import { expect } from 'vitest';
import type { SourceRange } from '../../src/ast/nodes.js';
import { allBacklinks, defineCatalogue, type Catalogue } from '../../src/catalogue/index.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/**
 * A catalogue of our own with every value type, enum arrays, nullable and
 * non-nullable columns, an object column, a filter-only column, and column
 * names that are also `Object.prototype` properties (they must behave as plain data).
 */
export const shop: Catalogue = defineCatalogue({
  name: 'test/shop',
  columns: {
    price: { type: 'float', nullable: false },
    stock: { type: 'integer', nullable: true },
    title: { type: 'string', nullable: false },
    homepage: { type: 'url', nullable: true },
    tags: { type: 'array(string)', nullable: true },
    sizes: { type: 'array(integer)', nullable: false },
    colours: { type: 'array(string)', enum: ['red', 'green', 'not_blue', 'In'], nullable: false },
    status: { type: 'string', enum: ['draft', 'live', 'and', 'two words', 'Null'], nullable: true },
    on_sale: { type: 'boolean', nullable: false },
    released: { type: 'date', nullable: true },
    updated: { type: 'datetime', nullable: false },
    meta: { type: 'object', nullable: true },
    internal_rank: { type: 'integer', nullable: false, returned: false },
    constructor: { type: 'string', nullable: true },
    toString: { type: 'integer', nullable: true },
    ['__proto__']: { type: 'string', nullable: true },
    hasOwnProperty: { type: 'boolean', nullable: true },
  },
});

/** Every law runs on these: the default catalogue, a wildcard-regex endpoint, and {@link shop}. */
export const CATALOGUES: readonly Catalogue[] = [allBacklinks, getCatalogue('keywords-explorer/overview')!, shop];

/** `name` for test titles. */
export const named = CATALOGUES.map((c) => [c.name, c] as const);

/** Removes `range` keys, so that parsed and decompiled trees compare. */
export function stripRanges<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripRanges) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'range').map(([k, v]) => [k, stripRanges(v)])) as T;
}

/** Line and column (1-based) of a UTF-16 offset, counting `\n` as the line break. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** True when a range lies inside `text`, is not reversed, and its lines and columns agree with its offsets. */
export function rangeInside(range: SourceRange, text: string): boolean {
  const { start, end } = range;
  if (!(Number.isInteger(start.offset) && Number.isInteger(end.offset))) return false;
  if (start.offset < 0 || end.offset < start.offset || end.offset > text.length) return false;
  const s = lineColumn(text, start.offset);
  const e = lineColumn(text, end.offset);
  return s.line === start.line && s.column === start.column && e.line === end.line && e.column === end.column;
}

/** Every diagnostic (and suggestion) range of text input lies inside the text. */
export function expectRangesInside(diagnostics: readonly Diagnostic[], text: string): void {
  for (const d of diagnostics) {
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(typeof d.message).toBe('string');
    if (d.range) expect(rangeInside(d.range, text), `${d.code} ${JSON.stringify(d.range)} in ${JSON.stringify(text)}`).toBe(true);
    for (const s of d.suggestions ?? []) if (s.range) expect(rangeInside(s.range, text), `suggestion of ${d.code}`).toBe(true);
  }
}

export { pointerResolves } from '../support/json-pointer.js';

/** Kleene's three-valued `and`, `or`, `not` (`null` = unknown), the reference for the predicate's logic. */
export const kleene = {
  and: (a: boolean | null, b: boolean | null): boolean | null => (a === false || b === false ? false : a === null || b === null ? null : true),
  or: (a: boolean | null, b: boolean | null): boolean | null => (a === true || b === true ? true : a === null || b === null ? null : false),
  not: (a: boolean | null): boolean | null => (a === null ? null : !a),
};
