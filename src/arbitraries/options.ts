/**
 * The options of the test kit's arbitraries, and their validation.
 *
 * Like fast-check's own constraints (`fc.string({ maxLength: -1 })`
 * throws), a wrong option is an error at construction, never a silent
 * clamp: `maxOperands: 1.5` or a weight on an operator no column admits
 * would otherwise give a distribution other than the one asked for. The
 * error carries one `invalid-option` diagnostic per problem.
 */
import type fc from 'fast-check';
import type { CompareOp } from '../ast/index.js';
import type { Catalogue, Column } from '../catalogue/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { COMPARE_OPS } from '../vocabulary/index.js';

/**
 * What a generated filter is made of, each of which can be weighted:
 * the 13 comparison operators by their JSON names, the tests `in`,
 * `between`, `empty`, `null`, the quantifiers `any` / `all`, a modifier
 * (`uppercase(…)`), and the connectives `and`, `or`, `not`.
 */
export type Construct = CompareOp | 'in' | 'between' | 'empty' | 'null' | 'any' | 'all' | 'modifier' | 'and' | 'or' | 'not';

/** The tests that can stand in a leaf: the operators and the four test forms. */
export type TestKind = CompareOp | 'in' | 'between' | 'empty' | 'null';

export const TEST_KINDS: readonly TestKind[] = Object.freeze([...COMPARE_OPS, 'in', 'between', 'empty', 'null']);
export const CONSTRUCTS: readonly Construct[] = Object.freeze([...TEST_KINDS, 'any', 'all', 'modifier', 'and', 'or', 'not']);

/**
 * Default weights, chosen with `npm run bench:distribution` so that every
 * construct of docs/language.md appears in a useful share of filters (each
 * string operator in well over 5 %) while `=` and the ordering operators,
 * which most bugs involve, stay the most frequent. The case-insensitive
 * operators and `all` weigh a little more: their rules (casing, `all` over
 * `[]`) are the ones evaluators get wrong.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<Construct, number>> = Object.freeze({
  eq: 3, neq: 2, gt: 2, gte: 2, lt: 2, lte: 2,
  substring: 2, isubstring: 3, phrase_match: 2, iphrase_match: 3, prefix: 2, suffix: 2, regex: 2,
  in: 3, between: 2, empty: 2, null: 2,
  any: 2, all: 3, modifier: 2,
  and: 3, or: 3, not: 2,
});

/** Options of {@link filterAst} (and of every arbitrary built on it). */
export interface FilterAstOptions {
  /** Deepest nesting of `and` / `or` (and of the tree inside `any`/`all`). Whole number 0–10; default 3. */
  readonly maxDepth?: number;
  /** Most operands of one `and` / `or`. Whole number 1–20 (1: no `and`/`or`); default 3. */
  readonly maxOperands?: number;
  /** Most values of one `in (…)`. Whole number 2–100; default 4. */
  readonly maxListValues?: number;
  /** Only columns a local predicate can evaluate: leaves out filter-only columns (never in rows). Default false. */
  readonly evaluable?: boolean;
  /** Restricts the columns used (after the built-in exclusions): a predicate, or a list of column names of the catalogue. */
  readonly columns?: ((column: Column) => boolean) | readonly string[];
  /**
   * Relative weights (whole numbers ≥ 0) of the constructs; 0 leaves one
   * out. Unlisted constructs keep their {@link DEFAULT_WEIGHTS}. A construct
   * given a positive weight that no usable column admits is an error.
   */
  readonly weights?: Partial<Record<Construct, number>>;
  /** Only these constructs (a shorthand for weight 0 on all others; connectives stay unless listed as 0 in `weights`). */
  readonly only?: readonly TestKind[];
  /** fast-check's size for the operand arrays and the tree depth (`'xsmall'` … `'xlarge'`, or `'='` / `'+1'` …). */
  readonly size?: fc.SizeForArbitrary;
}

/** Thrown by an arbitrary's constructor when an option is wrong; one `invalid-option` diagnostic per problem. */
export class ArbitraryOptionsError extends Error {
  override name = 'ArbitraryOptionsError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Collects problems; {@link Problems.throwIfAny} turns them into one error. */
export class Problems {
  readonly list: Diagnostic[] = [];
  add(option: string, allowed: string, value: unknown): void {
    this.list.push(diagnostic('invalid-option', `The ${option} option must be ${allowed}; found ${show(value)}.`));
  }
  note(message: string): void {
    this.list.push(diagnostic('invalid-option', message));
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ArbitraryOptionsError(this.list);
  }
}

/** A whole number in [min, max], or the default when absent. */
export function wholeNumber(problems: Problems, name: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.add(name, `a whole number from ${min} to ${max}`, value);
    return fallback;
  }
  return value;
}

/** A rate in [0, 1], or the default when absent. */
export function rate(problems: Problems, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    problems.add(name, 'a number from 0 to 1', value);
    return fallback;
  }
  return value;
}

/** Column names that must be in the catalogue (for `columns` and per-column overrides). */
export function knownNames(problems: Problems, name: string, names: readonly unknown[], catalogue: Catalogue): void {
  for (const n of names) {
    if (typeof n !== 'string' || !catalogue.byName.has(n)) {
      problems.note(`The ${name} option names ${show(n)}, which is not a column of "${catalogue.name}" (use API names, not aliases).`);
    }
  }
}

/** The column filter of an option: a predicate, or a list of names (checked against the catalogue). */
export function columnFilter(problems: Problems, option: unknown, catalogue: Catalogue, name = 'columns'): (c: Column) => boolean {
  if (option === undefined) return () => true;
  if (typeof option === 'function') return option as (c: Column) => boolean;
  if (Array.isArray(option)) {
    knownNames(problems, name, option, catalogue);
    const set = new Set<unknown>(option);
    return (c) => set.has(c.name);
  }
  problems.add(name, 'a function of a column or a list of column names', option);
  return () => true;
}

/** Resolved options of the filter arbitraries. */
export interface ResolvedFilterOptions {
  readonly maxDepth: number;
  readonly maxOperands: number;
  readonly maxListValues: number;
  readonly evaluable: boolean;
  readonly columns: (c: Column) => boolean;
  readonly weights: Readonly<Record<Construct, number>>;
  /** Constructs the user asked for explicitly (a positive weight or `only`): each must be possible. */
  readonly required: ReadonlySet<Construct>;
  readonly size: fc.SizeForArbitrary | undefined;
}

const KNOWN_OPTIONS = new Set(['maxDepth', 'maxOperands', 'maxListValues', 'evaluable', 'columns', 'weights', 'only', 'size']);
const SIZES = new Set(['xsmall', 'small', 'medium', 'large', 'xlarge', '=', '-4', '-3', '-2', '-1', '+1', '+2', '+3', '+4', 'max']);

/** Validates the options of {@link filterAst}; the problems are collected, not thrown. */
export function resolveFilterOptions(options: FilterAstOptions, catalogue: Catalogue, problems: Problems): ResolvedFilterOptions {
  if (typeof options !== 'object' || options === null) {
    problems.add('options', 'an object', options);
    options = {};
  }
  for (const key of Object.keys(options)) if (!KNOWN_OPTIONS.has(key)) problems.note(`Unknown option "${key}"; the options are ${[...KNOWN_OPTIONS].join(', ')}.`);
  const weights: Record<Construct, number> = { ...DEFAULT_WEIGHTS };
  const required = new Set<Construct>();
  if (options.only !== undefined) {
    if (!Array.isArray(options.only) || options.only.length === 0) problems.add('only', 'a non-empty list of tests (operators, in, between, empty, null)', options.only);
    else {
      for (const k of options.only) if (!(TEST_KINDS as readonly unknown[]).includes(k)) problems.note(`The only option lists ${show(k)}, which is not one of: ${TEST_KINDS.join(', ')}.`);
      for (const k of TEST_KINDS) if (!options.only.includes(k)) weights[k] = 0;
      for (const k of options.only) required.add(k);
    }
  }
  if (options.weights !== undefined) {
    if (typeof options.weights !== 'object' || options.weights === null) problems.add('weights', 'an object of construct weights', options.weights);
    else {
      for (const [k, w] of Object.entries(options.weights)) {
        if (!(CONSTRUCTS as readonly string[]).includes(k)) {
          problems.note(`The weights option has "${k}", which is not one of: ${CONSTRUCTS.join(', ')}.`);
          continue;
        }
        if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 1000) {
          problems.add(`weights.${k}`, 'a whole number from 0 to 1000', w);
          continue;
        }
        weights[k as Construct] = w;
        if (w > 0) required.add(k as Construct);
        else required.delete(k as Construct);
      }
    }
  }
  if (options.evaluable !== undefined && typeof options.evaluable !== 'boolean') problems.add('evaluable', 'true or false', options.evaluable);
  if (options.size !== undefined && (typeof options.size !== 'string' || !SIZES.has(options.size))) {
    problems.add('size', `one of fast-check's sizes (${[...SIZES].join(', ')})`, options.size);
  }
  return {
    maxDepth: wholeNumber(problems, 'maxDepth', options.maxDepth, 0, 10, 3),
    maxOperands: wholeNumber(problems, 'maxOperands', options.maxOperands, 1, 20, 3),
    maxListValues: wholeNumber(problems, 'maxListValues', options.maxListValues, 2, 100, 4),
    evaluable: options.evaluable === true,
    columns: columnFilter(problems, options.columns, catalogue),
    weights,
    required,
    size: SIZES.has(options.size as string) ? options.size : undefined,
  };
}
