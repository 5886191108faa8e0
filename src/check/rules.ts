/**
 * The typing table of spec §3, as data: for each kind of value, which
 * operators apply and which literal kinds a value may be written as. The
 * checker reads this table and never special-cases a type elsewhere, so
 * changing the rules means changing one row here.
 */
import type { Column, ValueType } from '../catalogue/types.js';
import { COMPARE_OPS, OPERATOR_TEXT, ORDERING_OPS, TEST_JSON, type CompareOp } from '../vocabulary/index.js';

/** How a value was written: the literal kinds, with bare words told apart from quoted strings. */
export type ValueKind = 'string' | 'bare' | 'number' | 'boolean' | 'date' | 'datetime' | 'regex';

/** A row of the typing table. */
export interface TypeRule {
  /** How messages name the type: `an integer`, `an enum`. */
  readonly article: string;
  /** Comparison operators allowed in `is`. */
  readonly ops: readonly CompareOp[];
  /** Whether `empty` applies. */
  readonly empty: boolean;
  /** The literal kinds a value may be written as (with an op other than `regex`). */
  readonly values: readonly ValueKind[];
  /** What a value should be, for messages: `a number`, `a quoted string`. */
  readonly expected: string;
}

/** Text columns take every operator. */
const TEXT = COMPARE_OPS;
/** Enum and boolean columns: equality only. */
const EQUALITY = ['eq', 'neq'] as const satisfies readonly CompareOp[];
const ANY_SCALAR = ['string', 'bare', 'number', 'boolean', 'date', 'datetime'] as const;

/**
 * The typing table. `enum` is a string column with enum values; `unknown`
 * covers what the catalogue cannot type (paths into `object` columns,
 * `array(null)` elements), where anything goes and a warning says so.
 * Integer columns additionally need whole numbers, and date columns real
 * dates (see the checker).
 */
export const TYPE_RULES = {
  integer: { article: 'an integer', ops: ORDERING_OPS, empty: false, values: ['number'], expected: 'a whole number' },
  float: { article: 'a float', ops: ORDERING_OPS, empty: false, values: ['number'], expected: 'a number' },
  string: { article: 'a string', ops: TEXT, empty: true, values: ['string'], expected: 'a quoted string' },
  url: { article: 'a url', ops: TEXT, empty: true, values: ['string'], expected: 'a quoted string' },
  domain: { article: 'a domain', ops: TEXT, empty: true, values: ['string'], expected: 'a quoted string' },
  enum: { article: 'an enum', ops: EQUALITY, empty: false, values: ['string', 'bare'], expected: 'one of its values' },
  boolean: { article: 'a boolean', ops: EQUALITY, empty: false, values: ['boolean'], expected: 'true or false' },
  datetime: { article: 'a datetime', ops: ORDERING_OPS, empty: false, values: ['date', 'datetime', 'string'], expected: 'a date (YYYY-MM-DD) or a datetime (YYYY-MM-DDThh:mm:ss[Z])' },
  date: { article: 'a date', ops: ORDERING_OPS, empty: false, values: ['date', 'string'], expected: 'a date (YYYY-MM-DD)' },
  object: { article: 'an object', ops: TEXT, empty: true, values: ANY_SCALAR, expected: 'a value' },
  unknown: { article: 'an untyped', ops: TEXT, empty: true, values: ANY_SCALAR, expected: 'a value' },
} as const satisfies Record<ValueType | 'enum', TypeRule>;

/** A row key of {@link TYPE_RULES}. */
export type TypeKey = keyof typeof TYPE_RULES;

/** Types whose value is not checked (a warning says so). */
export function isUnchecked(key: TypeKey): boolean {
  return key === 'object' || key === 'unknown';
}

/**
 * The row that applies to a value of `type`; `enumValues` makes a string
 * type an enum. A modifier (`uppercase`) turns an enum back into a plain
 * string: the upper-cased copy is no longer one of the values.
 */
export function typeKeyOf(type: ValueType, enumValues: readonly string[] | undefined): TypeKey {
  if (enumValues !== undefined && (type === 'string' || type === 'url' || type === 'domain')) return 'enum';
  return type;
}

/** The row for a column's values (an array column's elements). */
export function ruleForColumn(column: Column): TypeRule {
  return TYPE_RULES[typeKeyOf(column.type, column.enumValues)];
}

/** The tests a row allows, written for text input (`=`, `starts with`, `is empty`) or for JSON input (`eq`, `"empty"`). */
export function allowedTests(rule: TypeRule, nullable: boolean, json: boolean): string[] {
  const out: string[] = rule.ops.map((op) => (json ? op : OPERATOR_TEXT[op]));
  if (!json) {
    out.push('in (…)');
    if (rule.ops.includes('gte')) out.push('between … and …');
  }
  if (rule.empty) out.push(json ? `"${TEST_JSON.empty}"` : 'is empty');
  if (nullable) out.push(json ? `"${TEST_JSON.null}"` : 'is null');
  return out;
}
