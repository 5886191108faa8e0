/**
 * Rows that fit a catalogue: plain objects as the API returns them (one item
 * of `backlinks[]`), with nulls, absent columns, Unicode, edge numbers and
 * dates in every accepted form.
 */
import fc from 'fast-check';
import type { Catalogue, Column } from '../catalogue/types.js';
import { rowScalarFor } from './values.js';

/** Options of {@link row}. */
export interface RowOptions {
  /** Chance (0–1) that a column is left out of the row (absent counts as null). Default 0.1. */
  readonly absentRate?: number;
  /** Chance (0–1) that a nullable column, or an array element, is null. Default 0.15. */
  readonly nullRate?: number;
  /** Longest array generated for array columns. Default 4. */
  readonly maxArrayLength?: number;
  /** Restricts the columns generated (filter-only columns are never generated: rows never hold them). */
  readonly columns?: (column: Column) => boolean;
}

/**
 * A draw in [0, 1000) that shrinks towards 0, so that "is it below the
 * rate?" shrinks towards the simplest row: columns absent, values null.
 * Unbiased, or fast-check's bias towards small numbers would make every
 * rate much higher than asked.
 */
const chance = fc.noBias(fc.integer({ min: 0, max: 999 }));
const below = (draw: number, rate: number) => draw < Math.round(rate * 1000);

/** The value one column holds in a row: a value, null, or absent (`undefined`, not written). */
export function cellFor(column: Column, options: RowOptions = {}): fc.Arbitrary<unknown> {
  const absentRate = options.absentRate ?? 0.1;
  const nullRate = options.nullRate ?? 0.15;
  const scalar = rowScalarFor(column);
  const element = fc.tuple(chance, scalar).map(([d, v]) => (below(d, nullRate) ? null : v));
  const value = column.array ? fc.array(element, { maxLength: options.maxArrayLength ?? 4 }) : scalar;
  return fc.tuple(chance, chance, value).map(([a, n, v]) => {
    if (below(a, absentRate)) return undefined;
    if (column.nullable && below(n, nullRate)) return null;
    return v;
  });
}

/**
 * Sets own, enumerable data properties, so that a column named `__proto__`
 * is a key like any other (plain assignment would change the prototype).
 */
function plainObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Rows that fit a catalogue. Every column the API returns may appear (with a
 * value of its type, or null when nullable), or be absent. Shrinks towards
 * the empty row.
 *
 * @example
 * fc.assert(fc.property(row(allBacklinks), (r) => typeof r === 'object'));
 */
export function row(catalogue: Catalogue, options: RowOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const columns = catalogue.columns.filter((c) => c.returned && (options.columns?.(c) ?? true));
  return fc
    .tuple(...columns.map((c) => cellFor(c, options)))
    .map((cells) => plainObject(columns.map((c, i) => [c.name, cells[i]] as const)));
}
