/**
 * What both predicate back ends share: the row and test types, how a column
 * is read from a row, and how literals are lowered into the constants a value
 * domain compares with. The closures (predicate-closures.ts) and the
 * generated code (predicate-codegen.ts) import this file; neither imports the
 * choice between them, which lives in predicate.ts.
 */
import type { FieldRef, Literal } from '../ast/nodes.js';
import type { RegexDialect, ResolvedField, ValueType } from '../catalogue/types.js';
import { parseInstant } from '../vocabulary/dates.js';

/** A row as the API returns it: a plain object, one `backlinks[]` item. */
export type Row = Readonly<Record<string, unknown>>;

/** A two-valued test of a row or of a value. */
export type Test2<X> = (input: X) => boolean;

/** One node compiled: `t` holds when the node is true, `f` when it is false; neither means unknown. */
export interface Polar<X> {
  readonly t: Test2<X>;
  readonly f: Test2<X>;
}

/** What the compiler needs besides the tree. */
export interface PredicateContext {
  /** The checker's resolution of each field reference. */
  readonly resolve: (ref: FieldRef) => ResolvedField | undefined;
  /** How the endpoint reads `regex` values. */
  readonly dialect: RegexDialect;
}

/**
 * Thrown for trees the checker would have rejected; the public API never lets
 * one through (it checks first, and reports a throw as `internal-error`).
 */
export class PredicateBuildError extends Error {
  override name = 'PredicateBuildError';
}

/** The texts of {@link PredicateBuildError}: one wording per problem, for both back ends and explain. */
export const BUILD_ERRORS = {
  invalid: 'Cannot evaluate a tree with syntax errors.',
  unresolved: (column: string) => `Unresolved column "${column}".`,
  modifier: (name: string) => `Unknown modifier "${name}".`,
} as const;

const own = Object.prototype.hasOwnProperty;
const isArray = Array.isArray;

/**
 * True when a plain object would inherit `key` from `Object.prototype`
 * (`constructor`, `toString`, `__proto__`, …). Only such keys need an own-property
 * check: rows are plain data (object literals, `JSON.parse` output,
 * `Object.create(null)`), so any other key is either the row's own or absent.
 * The check costs 2–3× on the hot path, hence not paid for every column.
 */
export function inheritedKey(key: string): boolean {
  return key in Object.prototype;
}

/**
 * The value of a column in a row: own properties only, so `constructor` or
 * `__proto__` in a row are plain data and a row without them reads null.
 * Absent columns read as `undefined`, which every test treats like null.
 * A dotted path into an object column (`intents.informational`) reads the
 * nested value, as the API returns it (`{"intents": {"informational": true}}`):
 * each step an own property of a non-array object, else `undefined`. Column
 * names never contain a dot (the catalogue forbids it), so a dot always means
 * a path.
 */
export function readColumn(row: Row, key: string): unknown {
  return key.includes('.') ? readPath(row, key.split('.')) : own.call(row, key) ? row[key] : undefined;
}

/** Follows a path of own properties through nested objects (never into arrays, nor a prototype). */
function readPath(row: Row, steps: readonly string[]): unknown {
  let value: unknown = row;
  for (const step of steps) {
    if (typeof value !== 'object' || value === null || isArray(value) || !own.call(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/**
 * A reader of one column (or dotted path), specialised at compile time: a
 * plain load for ordinary column names (see {@link inheritedKey}), the path
 * walk for dotted paths.
 */
export function reader(key: string): (row: Row) => unknown {
  if (key.includes('.')) {
    const steps = key.split('.');
    return (row) => readPath(row, steps);
  }
  return inheritedKey(key) ? (row) => (own.call(row, key) ? row[key] : undefined) : (row) => row[key];
}

/** The checker's resolution of a reference; a tree it did not resolve is one it rejected. */
export function field(ref: FieldRef, ctx: PredicateContext): ResolvedField {
  const resolved = ctx.resolve(ref);
  if (!resolved) throw new PredicateBuildError(BUILD_ERRORS.unresolved(ref.name));
  return resolved;
}

// ---------------------------------------------------------------- value domains

/** How values of a column compare: the domain follows the column type (or the literal, for untyped paths). */
export type Domain = 'number' | 'boolean' | 'string' | 'date';

export function domainOf(type: ValueType, literal: Literal | undefined): Domain | undefined {
  switch (type) {
    case 'integer': case 'float': return 'number';
    case 'boolean': return 'boolean';
    case 'date': case 'datetime': return 'date';
    case 'string': case 'url': case 'domain': return 'string';
    default:
      // An untyped path into an object column: the literal says what it is compared as.
      switch (literal?.kind) {
        case 'number': return 'number';
        case 'boolean': return 'boolean';
        case 'date': case 'datetime': return 'date';
        case 'string': case 'regex': return 'string';
        default: return undefined;
      }
  }
}

/** The constant of each domain: dates compare as epoch milliseconds. */
export interface DomainConstant {
  readonly number: number;
  readonly boolean: boolean;
  readonly string: string;
  readonly date: number;
}

/**
 * The string as an internalized (flat, unique) string: the form V8 gives
 * string literals and short `JSON.parse` values. A literal's value is often a
 * slice of the filter text, or a concatenation, which every comparison with
 * a row value would first have to walk; internalized, `===` with an equal
 * internalized row value is one pointer comparison, and ordering reads flat
 * characters (measured 73 → 30 ns a row for a datetime `>=`). Property keys
 * are internalized by the engine, hence the object; that costs about a
 * microsecond, so results are kept in a small table (filters of one shape
 * mostly repeat their values).
 */
export function internalize(s: string): string {
  let flat = interned.get(s);
  if (flat === undefined) {
    flat = s;
    for (const key in { [s]: 0 }) flat = key;
    if (interned.size >= MAX_INTERNED) interned.clear(); // bounded: a cache, not a registry
    interned.set(flat, flat);
  }
  return flat;
}

const interned = new Map<string, string>();
const MAX_INTERNED = 4096;

/** The constant of a literal in a domain, or undefined when it has none (the checker reports those). */
export function lowerLiteral<D extends Domain>(literal: Literal, domain: D): DomainConstant[D] | undefined;
export function lowerLiteral(literal: Literal, domain: Domain): number | string | boolean | undefined {
  switch (domain) {
    case 'number': return literal.kind === 'number' ? literal.value : undefined;
    case 'boolean': return literal.kind === 'boolean' ? literal.value : undefined;
    case 'string': return literal.kind === 'string' || literal.kind === 'regex' ? internalize(literal.value) : undefined;
    case 'date':
      return literal.kind === 'date' || literal.kind === 'datetime' || literal.kind === 'string' ? (parseInstant(literal.value) ?? undefined) : undefined;
  }
}

/** Every literal of a list lowered into one domain, or undefined when one does not lower. */
export function lowerAll<D extends Domain>(literals: readonly Literal[], domain: D): DomainConstant[D][] | undefined {
  const out: DomainConstant[D][] = [];
  for (const literal of literals) {
    const c = lowerLiteral(literal, domain);
    if (c === undefined) return undefined;
    out.push(c);
  }
  return out;
}

/** The numeric bounds of `between`, or undefined when it is not a between of two numbers (then it is `>=` and `<=`). */
export function numberBounds(type: ValueType, low: Literal, high: Literal): readonly [number, number] | undefined {
  if (domainOf(type, low) !== 'number') return undefined;
  const lo = lowerLiteral(low, 'number');
  const hi = lowerLiteral(high, 'number');
  return lo === undefined || hi === undefined ? undefined : [lo, hi];
}

// ---------------------------------------------------------------- datetimes

/**
 * A date or datetime constant as rows are compared with it: its instant, and
 * its canonical strings in the fixed forms API rows carry (`datetime`
 * columns `YYYY-MM-DDThh:mm:ssZ`, `date` columns `YYYY-MM-DD`). Two valid
 * strings of one such form order as their instants do (every field has a
 * fixed width, most significant first), so a row in that form is compared as
 * a string and its calendar checked only when the comparison holds: a false
 * comparison answers "not true" whether the row is valid or not (an invalid
 * date is unknown, which is not true either). Any other form goes through
 * {@link parseInstant}. `second` and `day` are absent when the instant has
 * no such form (a fraction of a second, a time of day, a year outside
 * 0000–9999); rows in that form then go through the parser too.
 */
export interface DateConstant {
  readonly ms: number;
  /** `YYYY-MM-DDThh:mm:ssZ`, when the instant is a whole second. */
  readonly second: string | undefined;
  /** `YYYY-MM-DD`, when the instant is a midnight UTC. */
  readonly day: string | undefined;
}

/** The orderings a date compares by. */
export type DateOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte';

/** Each ordering's negation: a date test is false exactly when the negated test holds (both need a valid date). */
export const DATE_NEGATION: Readonly<Record<DateOp, DateOp>> = { eq: 'neq', neq: 'eq', gt: 'lte', gte: 'lt', lt: 'gte', lte: 'gt' };

const MIN_CANONICAL = -62_167_219_200_000; // 0000-01-01T00:00:00Z
const MAX_CANONICAL = 253_402_300_799_000; // 9999-12-31T23:59:59Z

/** The canonical strings of an instant (see {@link DateConstant}). */
export function dateConstant(ms: number): DateConstant {
  if (!(ms >= MIN_CANONICAL && ms <= MAX_CANONICAL) || ms % 1000 !== 0) return { ms, second: undefined, day: undefined };
  const days = Math.floor(ms / DAY_MS);
  const day = civilDate(days);
  const s = (ms - days * DAY_MS) / 1000;
  const second = `${day}T${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}Z`;
  return { ms, second: internalize(second), day: s === 0 ? internalize(day) : undefined };
}

const DAY_MS = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `YYYY-MM-DD` of a day number (days since 1970-01-01, proleptic Gregorian,
 * years 0000–9999): H. Hinnant's civil_from_days, the inverse of the
 * parser's days_from_civil. Written out because `Date#toISOString` costs
 * microseconds a call, paid for every date constant of every predicate.
 */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/**
 * True when a string of length 20 has `T` at 10 and `Z` at 19: then it is
 * either in the form `YYYY-MM-DDThh:mm:ssZ` or not a valid datetime at all
 * (every other accepted form of that length puts a space at 10), so string
 * order against a canonical constant is exact once {@link validSecondForm}
 * holds.
 */
export function isSecondForm(v: string): boolean {
  return v.length === 20 && v.charCodeAt(10) === 84 && v.charCodeAt(19) === 90;
}

/** Two ASCII digits at `i` as a number, or -1. */
function digits2(v: string, i: number): number {
  const a = v.charCodeAt(i) - 48;
  const b = v.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Whether a 10-character string is a real date `YYYY-MM-DD`: the same answer
 * as `parseInstant(v) !== null` for that length, without its arithmetic.
 */
export function validDayForm(v: string): boolean {
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  const y0 = digits2(v, 0);
  const y1 = digits2(v, 2);
  const month = digits2(v, 5);
  const day = digits2(v, 8);
  if (y0 < 0 || y1 < 0 || month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true; // every month has 28 days: the year matters only past them
  if (month === 2) {
    const year = y0 * 100 + y1;
    return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  }
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/**
 * Whether a string that passed {@link isSecondForm} is a real datetime
 * `YYYY-MM-DDThh:mm:ssZ`: the same answer as `parseInstant(v) !== null`.
 */
export function validSecondForm(v: string): boolean {
  if (v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return false;
  const hour = digits2(v, 11);
  const minute = digits2(v, 14);
  const second = digits2(v, 17);
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && validDayForm(v);
}

/**
 * The deferred calendar check of a datetime leaf (predicate-codegen-values.ts):
 * true unless `v` is in the canonical second form and not a real datetime.
 * Other forms were checked in full by the leaf itself.
 */
export function validIfSecondForm(v: string): boolean {
  return !isSecondForm(v) || validSecondForm(v);
}

/** JavaScript's operator of an ordering: on numbers, and on strings of one fixed-width form. */
export const DATE_OPERATOR: Readonly<Record<DateOp, string>> = { eq: '===', neq: '!==', gt: '>', gte: '>=', lt: '<', lte: '<=' };
