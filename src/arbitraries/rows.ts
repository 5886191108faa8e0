/**
 * Rows that fit a catalogue: plain objects as the API returns them (one item
 * of `backlinks[]`), with nulls, absent columns, Unicode, edge numbers and
 * dates in every accepted form.
 */
import fc from 'fast-check';
import type { Catalogue, Column } from '../catalogue/index.js';
import { columnFilter, knownNames, Problems, rate, wholeNumber } from './options.js';
import { oddValueFor, rowScalarFor } from './values.js';

/** Options of {@link row}. */
export interface RowOptions {
  /** Chance (0–1) that a column is left out of the row (absent counts as null). Default 0.1. */
  readonly absentRate?: number;
  /** Chance (0–1) that a nullable column, or an array element, is null. Default 0.15. */
  readonly nullRate?: number;
  /** Longest array generated for array columns. Default 4. */
  readonly maxArrayLength?: number;
  /** Restricts the columns generated (filter-only columns are never generated: rows never hold them): a predicate or a list of names. */
  readonly columns?: ((column: Column) => boolean) | readonly string[];
  /**
   * Chance (0–1) that a present column holds a value the API never returns
   * but docs/semantics.md defines (wrong types, `NaN`, `±Infinity`,
   * impossible dates, a scalar for an array): see `oddValueFor`. Default 0.
   */
  readonly oddRate?: number;
  /** Per-column arbitraries of the value (used instead of the generated one, absent and null included): `{ domain_rating_source: fc.constant(Number.NaN) }`. */
  readonly overrides?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
}

/** Validated row options. */
interface ResolvedRowOptions {
  readonly absentRate: number;
  readonly nullRate: number;
  readonly oddRate: number;
  readonly maxArrayLength: number;
}

const ROW_OPTIONS = new Set(['absentRate', 'nullRate', 'maxArrayLength', 'columns', 'oddRate', 'overrides']);

function resolveRowOptions(options: RowOptions, problems: Problems): ResolvedRowOptions {
  if (typeof options !== 'object' || options === null) {
    problems.add('row options', 'an object', options);
    options = {};
  }
  // A misspelt option (`nullrate`) would otherwise leave its default in force without a word.
  for (const key of Object.keys(options)) if (!ROW_OPTIONS.has(key)) problems.note(`Unknown row option "${key}"; the row options are ${[...ROW_OPTIONS].join(', ')}.`);
  return {
    absentRate: rate(problems, 'absentRate', options.absentRate, 0.1),
    nullRate: rate(problems, 'nullRate', options.nullRate, 0.15),
    oddRate: rate(problems, 'oddRate', options.oddRate, 0),
    maxArrayLength: wholeNumber(problems, 'maxArrayLength', options.maxArrayLength, 0, 1000, 4),
  };
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
  const problems = new Problems();
  const o = resolveRowOptions(options, problems);
  problems.throwIfAny();
  return cell(column, o);
}

function cell(column: Column, o: ResolvedRowOptions): fc.Arbitrary<unknown> {
  const scalar = rowScalarFor(column);
  const element = fc.tuple(chance, scalar).map(([d, v]) => (below(d, o.nullRate) ? null : v));
  const plain = column.array ? fc.array(element, { maxLength: o.maxArrayLength }) : scalar;
  // The odd value comes second, so that a failing odd value may shrink to a plain one.
  const value = o.oddRate > 0 ? fc.tuple(chance, plain, oddValueFor(column)).map(([d, v, odd]) => (below(d, o.oddRate) ? odd : v)) : plain;
  return fc.tuple(chance, chance, value).map(([a, n, v]) => {
    if (below(a, o.absentRate)) return undefined;
    if (column.nullable && below(n, o.nullRate)) return null;
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
  const problems = new Problems();
  const o = resolveRowOptions(options, problems);
  const only = columnFilter(problems, options.columns, catalogue);
  if (Array.isArray(options.columns)) {
    for (const name of options.columns) {
      if (catalogue.byName.get(name)?.returned === false) problems.note(`The columns option names "${name}", a filter-only column: rows never hold it.`);
    }
  }
  const overrides = options.overrides ?? {};
  knownNames(problems, 'overrides', Object.keys(overrides), catalogue);
  for (const [name, arb] of Object.entries(overrides)) {
    if (!(arb instanceof fc.Arbitrary)) problems.note(`The overrides option gives "${name}" something that is not a fast-check arbitrary.`);
  }
  problems.throwIfAny();
  const columns = catalogue.columns.filter((c) => c.returned && only(c));
  const own = (name: string) => Object.prototype.hasOwnProperty.call(overrides, name);
  return fc
    .tuple(...columns.map((c) => (own(c.name) ? overrides[c.name]! : cell(c, o))))
    .map((cells) => plainObject(columns.map((c, i) => [c.name, cells[i]] as const)));
}

export { plainObject };
